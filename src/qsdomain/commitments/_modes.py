"""The five handling modes of a service window (五办承诺) and the special procedures of art. 45.

No national text fixes the wording of the five commitments; qsdomain defines them as the
mapping documented in ``docs/commitments.md`` (see ``/work/shared/reference/regulations.md``
section 4), each mode resting on the article of the 行政许可法 (Administrative Licensing Law,
2003, amended 2019-04-23) named beside it.
"""

from __future__ import annotations

import enum

__all__ = ["ExclusionKind", "Mode"]


class Mode(enum.Enum):
    """How a service item is handled (办理方式): one of the five commitments (五办承诺).

    >>> Mode.TRACKED.chinese, Mode("immediate").chinese
    ('跟踪办', '马上办')
    >>> print(Mode.OVERTIME.meaning)
    Urgent items, handled with overtime (紧急项目加班办): the committed clock counts rest days ...

    * ``IMMEDIATE`` 马上办 (资料齐全马上办): complete materials, decided on the spot, on the day of
      receipt before close of business (行政许可法 art. 34; a 即办件).
    * ``GUIDED`` 指导办 (资料不全指导办): incomplete materials; everything missing is stated at
      once within 5 working days (art. 32(4)); the clock starts when the materials are complete,
      or at once under 容缺受理 with a sub-deadline for the missing items.
    * ``OVERTIME`` 加班办 (紧急项目加班办): the committed clock counts rest days too (the case is
      worked through weekends and holidays); the statutory clock is unchanged (art. 82).
    * ``TRACKED`` 跟踪办 (特殊项目跟踪办): a named handler, progress reports every N working
      days, warnings at fractions of the limit (50 % and 75 % by default).
    * ``COORDINATED`` 协调办 (重大项目协调办): unified or joint handling under art. 42 para. 2
      (45 working days, extendable once by 15) with a coordination meeting as a milestone.
    """

    IMMEDIATE = "immediate"
    GUIDED = "guided"
    OVERTIME = "overtime"
    TRACKED = "tracked"
    COORDINATED = "coordinated"

    @property
    def chinese(self) -> str:
        """The Chinese name of the mode (马上办, 指导办, 加班办, 跟踪办, 协调办)."""
        return _CHINESE[self]

    @property
    def meaning(self) -> str:
        """One sentence saying what the commitment promises and how its clock runs."""
        return _MEANING[self]


_CHINESE = {
    Mode.IMMEDIATE: "马上办",
    Mode.GUIDED: "指导办",
    Mode.OVERTIME: "加班办",
    Mode.TRACKED: "跟踪办",
    Mode.COORDINATED: "协调办",
}

_MEANING = {
    Mode.IMMEDIATE: "Complete materials, handled at once (资料齐全马上办): decided on the day of "
    "receipt before close of business (行政许可法 art. 34).",
    Mode.GUIDED: "Incomplete materials, guided (资料不全指导办): everything missing is stated at "
    "once within 5 working days (art. 32(4)); the clock starts when the materials are complete, "
    "or runs at once under 容缺受理 with a sub-deadline for the missing items.",
    Mode.OVERTIME: "Urgent items, handled with overtime (紧急项目加班办): the committed clock "
    "counts rest days as well; the statutory clock is unchanged (art. 82).",
    Mode.TRACKED: "Special items, tracked (特殊项目跟踪办): a named handler reports progress "
    "every N working days; warnings at fractions of the limit (50 % and 75 % by default).",
    Mode.COORDINATED: "Major projects, coordinated (重大项目协调办): joint handling within 45 "
    "working days, extendable once by 15 (art. 42 para. 2), with a coordination meeting.",
}


class ExclusionKind(enum.Enum):
    """A special procedure whose time is not counted (行政许可法 art. 45).

    >>> ExclusionKind("expert_review").chinese
    '专家评审'
    >>> len(ExclusionKind)
    8
    """

    HEARING = "hearing"
    TENDERING = "tendering"
    AUCTION = "auction"
    INSPECTION = "inspection"
    TESTING = "testing"
    QUARANTINE = "quarantine"
    APPRAISAL = "appraisal"
    EXPERT_REVIEW = "expert_review"

    @property
    def chinese(self) -> str:
        """The term art. 45 uses (听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定, 专家评审)."""
        return _KIND_CHINESE[self]


_KIND_CHINESE = {
    ExclusionKind.HEARING: "听证",
    ExclusionKind.TENDERING: "招标",
    ExclusionKind.AUCTION: "拍卖",
    ExclusionKind.INSPECTION: "检验",
    ExclusionKind.TESTING: "检测",
    ExclusionKind.QUARANTINE: "检疫",
    ExclusionKind.APPRAISAL: "鉴定",
    ExclusionKind.EXPERT_REVIEW: "专家评审",
}
