"""Files the user names: read only when regular, written whole or not at all.

>>> import os, tempfile
>>> from pathlib import Path
>>> folder = tempfile.mkdtemp()
>>> refuse_special("path", folder)
Traceback (most recent call last):
...
qsdomain.errors.InvalidInputError: path must be a regular file (this is a directory), got ...
>>> target = os.path.join(folder, "report.html")
>>> with replaced(target, field="html") as out:
...     _ = out.write("<p>ok</p>")
>>> Path(target).read_text(encoding="utf-8"), sorted(os.listdir(folder))
('<p>ok</p>', ['report.html'])

A FIFO, a directory or a device named as a ledger would block a reader forever or fail half-way,
so :func:`refuse_special` refuses it with a typed error before anything opens it. A file written
for the user (an HTML page, a CSV file, a rejects file) is streamed to a new temporary file in the
target's folder and moved over the target with one :func:`os.replace`: a reader sees the old file
or the new one, never half of one, and a failure leaves the old one as it was. When the target is
a symbolic link, the link itself is replaced by the file: what it pointed at is never written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from typing import IO

from qsdomain.errors import InvalidInputError

__all__ = ["Replacement", "is_regular", "refuse_special", "replaced", "special_kind"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(path: str | os.PathLike[str]) -> str | None:
    """What ``path`` is when it exists and is not a regular file (symlinks followed), else None.

    >>> special_kind("/dev/null"), special_kind("/no/such/file")
    ('a character device', None)
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):  # missing, unreadable, or a name the system refuses: open says
        return None
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def is_regular(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names an existing regular file (symlinks followed; a bad name is not)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def refuse_special(field: str, path: str | os.PathLike[str]) -> None:
    """Raise :class:`~qsdomain.errors.InvalidInputError` when ``path`` exists and is not a
    regular file (a FIFO, a directory, a device): reading it could block forever."""
    what = special_kind(path)
    if what is not None:
        raise InvalidInputError(field, os.fspath(path), f"a regular file (this is {what})")


def _new_part(folder: str, name: str) -> tuple[int, str]:
    """A new, empty temporary file beside the target: its descriptor and path.

    Opened with mode 0o666 and ``O_EXCL``, so the process umask applies as it does to a plain
    ``open()`` (``mkstemp`` would make it 0600), and no existing file is ever taken over.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        part = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.part")
        try:
            return os.open(part, flags, 0o666), part
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {name!r}")  # pragma: no cover


class Replacement:
    """A new version of ``target``, written to a temporary file beside it until :meth:`commit`.

    Nothing is created until :meth:`open`; :meth:`commit` moves the written file over the
    target in one step (replacing a symbolic link itself, never what it points at);
    :meth:`discard` removes it. ``field`` names the target in errors.
    """

    def __init__(self, target: str, *, field: str, encoding: str = "utf-8") -> None:
        self.target = target
        self.field = field
        self.encoding = encoding
        self.stream: IO[str] | None = None
        self.part: str | None = None

    def open(self) -> IO[str]:
        """The stream to write to (created on the first call)."""
        if self.stream is None:
            folder, name = os.path.split(os.path.abspath(self.target))
            try:
                fd, self.part = _new_part(folder, name)
            except OSError as err:
                raise InvalidInputError(
                    self.field, self.target, f"a path in a writable folder ({err})"
                ) from None
            self.stream = os.fdopen(fd, "w", encoding=self.encoding, newline="")
        return self.stream

    def commit(self) -> None:
        """Move what was written over the target (nothing happens if nothing was opened)."""
        if self.stream is None or self.part is None:
            return
        try:
            self.stream.close()
            os.replace(self.part, self.target)
        except OSError as err:
            self.discard()
            raise InvalidInputError(self.field, self.target, f"a writable file ({err})") from None
        self.part = None

    def discard(self) -> None:
        """Remove the temporary file, if any; the target is left as it was."""
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
        if self.part is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.part)
            self.part = None


@contextlib.contextmanager
def replaced(target: str, *, field: str, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A stream whose text replaces ``target`` in one step when the block ends without error."""
    replacement = Replacement(target, field=field, encoding=encoding)
    try:
        yield replacement.open()
        replacement.commit()
    except BaseException:
        replacement.discard()
        raise
