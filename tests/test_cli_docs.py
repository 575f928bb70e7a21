"""docs/cli.md shows real runs: replay each `$ qsdomain ...` line and compare the output."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from qsdomain.cli import main

PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _runs() -> list[tuple[str, str]]:
    block = re.search(r"```text\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert block, "docs/cli.md has no text block of runs"
    runs: list[tuple[str, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            runs[-1][1].append(line)
    return [(cmd, "\n".join(out)) for cmd, out in runs]


@pytest.mark.parametrize(("command", "shown"), _runs())
def test_cli_page_matches_real_output(
    command: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = shlex.split(command)
    assert argv[0] == "qsdomain"
    status = main(argv[1:])
    out, err = capsys.readouterr()
    assert status == (2 if shown.startswith("qsdomain:") else 0)
    if shown:  # runs shown without output (long listings) only have to succeed
        assert (out + err).rstrip("\n") == shown
