"""The library's own defaults (默认值): one value for each option every family and face shares.

>>> from qsdomain import defaults
>>> defaults.WITHIN_DAYS, defaults.WARNING_DAYS
(30, 30)

None of these is set by statute: they are the choices a bureau would make if it made none, the
same in every family (``metrology``, ``licensing``, ``commitments``), on the command line and
on the desk, so the same data gives the same listing everywhere. Pass your own to override them.
"""

from __future__ import annotations

__all__ = ["WARNING_DAYS", "WITHIN_DAYS"]

#: ``within``: how many calendar days ahead a worklist or a report lists what falls due ("within
#: N days" includes day N). A month: what a bureau plans in its monthly schedule (月度计划).
WITHIN_DAYS = 30

#: ``policy.warning_days``: how many calendar days before ``due`` a subject's state turns to its
#: family's "due soon" state (0: only on the day itself). A month, as most ledgers print "due this
#: month" (本月到期) and as the art. 40 request window of 特种设备安全法 is one month.
WARNING_DAYS = 30
