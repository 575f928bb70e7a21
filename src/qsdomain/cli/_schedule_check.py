"""The answer of ``qsdomain calendar check-schedule``, apart so that it loads with that command
only (it names :class:`~qsdomain.calendars.YearSchedule`, whose loader the other calendar
commands do not need)."""

from __future__ import annotations

import attrs

from qsdomain.calendars import Coverage, YearSchedule

__all__ = ["CheckedSchedule", "ScheduleCheck"]


@attrs.frozen
class CheckedSchedule:
    """One file ``calendar check-schedule`` read: its year's schedule and the warnings."""

    file: str
    schedule: YearSchedule
    warnings: tuple[str, ...]


@attrs.frozen
class ScheduleCheck:
    """``calendar check-schedule``: every file passed, and the coverage they give together."""

    files: tuple[CheckedSchedule, ...]
    coverage: Coverage
