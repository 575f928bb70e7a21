"""``python -m qsdomain``: the command line."""

from qsdomain.cli import main

raise SystemExit(main())
