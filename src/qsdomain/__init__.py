"""qsdomain: rules of Chinese quality and technical supervision (质量技术监督).

>>> import qsdomain
>>> from datetime import date
>>> qsdomain.china().add_working_days(date(2026, 9, 30), 5)
datetime.date(2026, 10, 13)

The concept modules are the public surface: :mod:`qsdomain.calendars`,
:mod:`qsdomain.periods`, :mod:`qsdomain.sampling`, :mod:`qsdomain.serialization` and
:mod:`qsdomain.errors`. The most used names are re-exported here lazily, so ``import qsdomain``
stays cheap until one of them is touched.
"""

from __future__ import annotations

import importlib

#: ``typing`` is not imported at run time: ``import qsdomain`` stays a few milliseconds.
TYPE_CHECKING = False

__version__ = "0.1.0.dev0"

_LAZY: dict[str, str] = {
    "Convention": "qsdomain.periods",
    "Coverage": "qsdomain.calendars",
    "InvalidInputError": "qsdomain.errors",
    "Lead": "qsdomain.periods",
    "LeadUnit": "qsdomain.periods",
    "NotCoveredError": "qsdomain.errors",
    "QSDomainError": "qsdomain.errors",
    "Term": "qsdomain.periods",
    "WorkingCalendar": "qsdomain.calendars",
    "china": "qsdomain.calendars",
}

__all__ = [
    "Convention",
    "Coverage",
    "InvalidInputError",
    "Lead",
    "LeadUnit",
    "NotCoveredError",
    "QSDomainError",
    "Term",
    "WorkingCalendar",
    "__version__",
    "china",
]

if TYPE_CHECKING:
    from typing import Any

    from qsdomain.calendars import Coverage, WorkingCalendar, china
    from qsdomain.errors import InvalidInputError, NotCoveredError, QSDomainError
    from qsdomain.periods import Convention, Lead, LeadUnit, Term


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'qsdomain' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
