"""The docs show real runs: replay every `$ qsdomain ...` line of docs/*.md and compare."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from qsdomain.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _runs() -> list[tuple[str, str, str]]:
    runs: list[tuple[str, str, list[str]]] = []
    for page in sorted(DOCS.glob("*.md")):
        for block in re.findall(r"```text\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            if not block.startswith("$ qsdomain"):
                continue
            for line in block.splitlines():
                if line.startswith("$ "):
                    runs.append((page.name, line[2:], []))
                else:
                    runs[-1][2].append(line)
    return [(page, cmd, "\n".join(out)) for page, cmd, out in runs]


RUNS = _runs()


def test_the_docs_show_runs() -> None:
    pages = {page for page, _, _ in RUNS}
    assert {"cli.md", "sampling.md"} <= pages


@pytest.mark.parametrize(("page", "command", "shown"), RUNS)
def test_docs_runs_match_real_output(
    page: str, command: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = shlex.split(command)
    assert argv[0] == "qsdomain", page
    status = main(argv[1:])
    out, err = capsys.readouterr()
    assert status == (2 if shown.startswith(("qsdomain:", '{"error"')) else 0)
    if shown:  # runs shown without output (long listings) only have to succeed
        assert (out + err).rstrip("\n") == shown
