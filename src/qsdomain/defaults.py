"""The library's own defaults (默认值): one value for each option every family and face shares.

>>> from qsdomain import defaults
>>> defaults.WITHIN_DAYS, defaults.WARNING_DAYS
(30, 30)

None of these is set by statute: they are the choices a bureau would make if it made none, the
same in every family (``metrology``, ``licensing``, ``commitments``), on the command line and
on the desk, so the same data gives the same listing everywhere. Pass your own to override them.
"""

from __future__ import annotations

__all__ = ["PROVISIONAL", "PROVISIONAL_YEARS", "WARNING_DAYS", "WITHIN_DAYS"]

#: ``within``: how many calendar days ahead a worklist or a report lists what falls due ("within
#: N days" includes day N). A month: what a bureau plans in its monthly schedule (月度计划).
WITHIN_DAYS = 30

#: ``policy.warning_days``: how many calendar days before ``due`` a subject's state turns to its
#: family's "due soon" state (0: only on the day itself). A month, as most ledgers print "due this
#: month" (本月到期) and as the art. 40 request window of 特种设备安全法 is one month.
WARNING_DAYS = 30

#: How days past the official schedules (State Council notices) are counted when nobody says:
#: ``statutory`` (weekends and the statutory holidays of the 全国年节及纪念日放假办法, right far
#: more often than weekends alone: docs/calendars.md); the answers that use them are marked
#: provisional. The desk (``Desk.report``, ``desk.default_calendar``) and every command that
#: takes a calendar (``--provisional statutory|weekends|off``) share it.
PROVISIONAL = "statutory"

#: How far past the day asked about (``as_of``) the provisional calendar reaches by default, in
#: years (``--provisional-until`` overrides it). Three years is past the longest renewal lead of
#: the bundled licence kinds (six months, docs/licensing.md) and any limit of the example
#: service catalogue (at most 70 working days with its extension); an answer that needs a day
#: further is refused with the calendar's error, not guessed.
PROVISIONAL_YEARS = 3
