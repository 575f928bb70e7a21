"""``--plot FILE``: draw a curve with matplotlib (the optional ``plot`` extra).

The target is checked when the arguments are read, before anything is computed: a non-empty
name in an existing directory, ending in a format matplotlib writes without external tools. A
failure to write is reported as a one-line error naming the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qsdomain.cli._arguments import Rejected
from qsdomain.errors import InvalidInputError

#: Formats matplotlib writes itself (Agg, PDF, PS, SVG, and Pillow, a matplotlib dependency).
#: pgf needs LaTeX and raw/rgba are not image files, so they are left out.
_FORMATS = ("eps", "jpeg", "jpg", "pdf", "png", "ps", "svg", "svgz", "tif", "tiff", "webp")

_INSTALL = "used with matplotlib installed (pip install 'qsdomain[plot]')"


def _supported() -> tuple[str, ...]:
    """The formats of :data:`_FORMATS` this matplotlib can write; none if it is missing."""
    try:
        from matplotlib.backend_bases import FigureCanvasBase  # noqa: PLC0415 - optional extra
    except ImportError:
        return ()
    writable = FigureCanvasBase.get_supported_filetypes()
    return tuple(fmt for fmt in _FORMATS if fmt in writable)


def plot_file(field: str = "--plot") -> Callable[[str], str]:
    """An argument type: a file name the curve can be written to."""

    def parse(text: str) -> str:
        formats = _supported()
        if not formats:
            raise Rejected(InvalidInputError(field, text, _INSTALL))
        allowed = f"a file name ending in .{', .'.join(formats)}"
        path = Path(text)
        if not text or path.suffix.lower().lstrip(".") not in formats:
            raise Rejected(InvalidInputError(field, text, allowed))
        if not path.parent.is_dir():
            raise Rejected(InvalidInputError(field, text, "a file in an existing directory"))
        return text

    return parse


def draw(
    path: str,
    xs: Sequence[float],
    ys: Sequence[float],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    field: str = "--plot",
) -> None:
    """Draw ``ys`` against ``xs`` into ``path`` (0 <= y <= 1 axis, as for probabilities)."""
    import matplotlib  # noqa: PLC0415 - optional extra, checked by plot_file

    matplotlib.use("Agg")
    from matplotlib import pyplot  # noqa: PLC0415

    fig, ax = pyplot.subplots(figsize=(7, 4.5))
    try:
        ax.plot(xs, ys)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=9)
        ax.set_ylim(0, 1.02)
        ax.grid(visible=True, alpha=0.3)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidInputError(field, path, f"a file that can be written ({reason})") from None
    finally:
        pyplot.close(fig)
