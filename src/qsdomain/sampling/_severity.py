"""Inspection severity and sampling scheme (GB/T 2828.1-2012 ≡ ISO 2859-1:1999 clauses 9, 10)."""

from __future__ import annotations

import enum

__all__ = ["Scheme", "Severity"]


class Severity(enum.Enum):
    """Inspection severity, 检验严格度 (GB/T 2828.1-2012 clause 9).

    >>> Severity("tightened")
    <Severity.TIGHTENED: 'tightened'>
    """

    NORMAL = "normal"  # 正常检验
    TIGHTENED = "tightened"  # 加严检验
    REDUCED = "reduced"  # 放宽检验


class Scheme(enum.Enum):
    """Sampling scheme by number of samples, 抽样方案类型 (GB/T 2828.1-2012 clause 10).

    >>> [s.value for s in Scheme]
    ['single', 'double', 'multiple']
    """

    SINGLE = "single"  # 一次抽样
    DOUBLE = "double"  # 二次抽样
    MULTIPLE = "multiple"  # 五次抽样 (multiple sampling has five stages in the 1999/2012 edition)
