"""The vocabulary of the metrology rules: supervision modes, outcomes, states and policies.

>>> from qsdomain.metrology import Outcome
>>> Outcome("adjusted")
<Outcome.ADJUSTED: 'adjusted'>
"""

from __future__ import annotations

import enum

__all__ = [
    "Alignment",
    "Basis",
    "EarlyRule",
    "InstrumentState",
    "Outcome",
    "Regime",
    "Scheme",
    "Supervision",
]


class Supervision(enum.Enum):
    """The supervision mode (监管方式) of an entry in the 2020 catalogue.

    Source: 市场监管总局公告2020年第42号《实施强制管理的计量器具目录》, items 1 and 2: entries
    marked 型式批准 or 型式批准、强制检定 need type approval; entries marked 强制检定 or
    型式批准、强制检定 are verified in use; every other working instrument may be verified
    voluntarily (非强制检定) or calibrated (校准).

    >>> Supervision("type_approval_and_verification").name
    'TYPE_APPROVAL_AND_VERIFICATION'
    """

    TYPE_APPROVAL = "type_approval"  # 型式批准
    VERIFICATION = "verification"  # 强制检定
    TYPE_APPROVAL_AND_VERIFICATION = "type_approval_and_verification"  # 型式批准、强制检定
    NONE = "none"  # not in the catalogue: 非强制检定 or 校准 at the user's choice


class Scheme(enum.Enum):
    """How compulsory verification is carried out (强制检定方式), announcement 2020 No. 42 item 4.

    >>> Scheme.FIXED_LIFE.value
    'fixed_life'
    """

    PERIODIC = "periodic"  # 进行周期检定
    FIRST_ONLY_SCRAP = "first_only_scrap"  # 只做首次强制检定，失准报废
    FIXED_LIFE = "fixed_life"  # 只做首次强制检定，限期使用，到期轮换


class Regime(enum.Enum):
    """Whether an instrument is verified (检定, a legal pass/fail) or calibrated (校准).

    >>> Regime("calibration").name
    'CALIBRATION'
    """

    VERIFICATION = "verification"  # 检定
    CALIBRATION = "calibration"  # 校准


class Outcome(enum.Enum):
    """The result of one verification or calibration.

    >>> [o.value for o in Outcome]
    ['pass', 'fail', 'adjusted', 'scrapped']

    * ``PASS`` (合格 / in tolerance as found);
    * ``FAIL`` (不合格 / out of tolerance, not adjusted): the instrument must not be used
      (计量法 art. 9: "检定不合格的，不得使用");
    * ``ADJUSTED``: out of tolerance as found, adjusted or repaired, in tolerance as left; in
      service again, but it counts as out of tolerance for interval analysis;
    * ``SCRAPPED``: withdrawn from service or scrapped (报废, 停用).
    """

    PASS = "pass"
    FAIL = "fail"
    ADJUSTED = "adjusted"
    SCRAPPED = "scrapped"


class InstrumentState(enum.Enum):
    """Where an instrument stands on a day, in the order time moves through them.

    >>> [s.value for s in InstrumentState]
    ['never_verified', 'current', 'due_soon', 'grace', 'overdue', 'out_of_service']
    """

    NEVER_VERIFIED = "never_verified"
    CURRENT = "current"
    DUE_SOON = "due_soon"
    GRACE = "grace"
    OVERDUE = "overdue"
    OUT_OF_SERVICE = "out_of_service"


class Basis(enum.Enum):
    """What an instrument's status rests on (the rule that decided it).

    >>> [b.value for b in Basis]  # doctest: +NORMALIZE_WHITESPACE
    ['none', 'failed', 'scrapped', 'first_only', 'service_life', 'verification',
     'calibration', 'usage']

    * ``NONE``: no record (未检定);
    * ``FAILED``, ``SCRAPPED``: the last record failed (检定不合格, 计量法 art. 9) or withdrew the
      instrument (报废, 停用);
    * ``FIRST_ONLY``: a first-verification-only instrument (只做首次强制检定，失准报废), never due;
    * ``SERVICE_LIFE``: a fixed-life instrument's service life (限期使用，到期轮换);
    * ``VERIFICATION``, ``CALIBRATION``: the verification period (检定周期) or calibration
      interval (校准间隔) from the last record;
    * ``USAGE``: the usage limit reached first (ILAC-G24:2007 method 3).
    """

    NONE = "none"
    FAILED = "failed"
    SCRAPPED = "scrapped"
    FIRST_ONLY = "first_only"
    SERVICE_LIFE = "service_life"
    VERIFICATION = "verification"
    CALIBRATION = "calibration"
    USAGE = "usage"


class Alignment(enum.Enum):
    """How the due date is placed relative to the printed validity (有效期至).

    >>> Alignment.PREVIOUS_WORKING_DAY.value
    'previous_working_day'

    * ``NONE``: the due date is the last day of validity;
    * ``MONTH_END``: the last day of that month (a lab's "month of" scheduling; it lies after
      the printed validity, so it does not suit 强制检定);
    * ``PREVIOUS_WORKING_DAY``: the last working day on or before the last day of validity,
      through a working calendar (the office is shut on rest days).
    """

    NONE = "none"
    MONTH_END = "month_end"
    PREVIOUS_WORKING_DAY = "previous_working_day"


class EarlyRule(enum.Enum):
    """What an early verification inside the policy's early window does to the schedule.

    >>> EarlyRule("keep_anchor").name
    'KEEP_ANCHOR'

    * ``MOVE``: the new period starts on the day of the verification (the usual 检定证书 rule);
    * ``KEEP_ANCHOR``: the new period starts the day after the old one ends, so verifying early
      costs nothing (TSG T7001-2023 allows elevator inspection up to 2 months early without
      moving the schedule; ProCalV5 "early-roll window").
    """

    MOVE = "move"
    KEEP_ANCHOR = "keep_anchor"
