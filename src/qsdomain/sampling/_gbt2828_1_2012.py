"""GB/T 2828.1-2012 (≡ ISO 2859-1:1999) Tables 1, 2-A..2-C, 3-A..3-C and 4-A..4-C, as printed.

Standard: GB/T 2828.1-2012《计数抽样检验程序 第1部分：按接收质量限（AQL）检索的逐批检验抽样计划》,
an identical adoption (IDT) of ISO 2859-1:1999 (2nd edition). Tables: 1 样本量字码 (sample size
code letters); 2-A/2-B/2-C 正常/加严/放宽检验一次抽样方案 (printed pages 15-17); 3-A/3-B/3-C
二次抽样方案; 4-A/4-B/4-C 五次抽样方案 (five stages in this edition).

Cells are stored as printed: a plan, an arrow (``DOWN``/``UP``), ``USE_SINGLE`` (``*``),
``USE_DOUBLE`` (``++``) or ``BLANK`` (nothing printed; only in the tightened row S). Arrows are
not resolved here: an arrow sends the user to the first plan in its direction in the same
column, and that plan's code letter and sample size replace the row's. Multiple-sampling stages
carry ``NOT_PERMITTED`` (``None``) in place of Ac where the table prints ``#``.

Sources compared (facts only; see docs/sampling-tables.md for cell counts and every dispute):

* QP: nihantao-crosis/quality-platform, src/core/__tests__/fixtures/gbt2828-1-2012-tables-2abc-
  full16.tsv, -aql15-1000.tsv, -table1-levels.tsv (commits 3f56405, b1d1740): Tables 1 and
  2-A..2-C, resolved cells, transcribed from the GB/T 2828.1-2012 PDF (sha256 7a336944...).
* EGT: EGTools/EGToolsPP src/functions/FxEgQC.cpp (commit 697c03f): raw ISO 2859-1:1999 tokens
  for Tables 1, 2-A..4-C. The only public source found for Tables 3-A..4-C.
* INEN: faustoaguanor/acceptance-sampling tests/tablas_iso2859.test.js (commit 9f3d8c8): a hand
  transcription of NTE INEN-ISO 2859-1 Tables 1 (I-III), 2-A..2-C at AQL 1.0, 4.0 and 10.
* KOTA: kotaooka/sampling-calc tests/mil105e-legible.js (commit 0af4bc1): MIL-STD-105E Tables
  II-A and II-B (which ISO 2859-1:1999 shares), resolved; used for 2-A and 2-B only.

Tables 1 and 2-A..2-C agree in all three sources except: 2-C's 5 6 band (QP + INEN; EGT prints
4 5: 13 cells, 5 6 kept) and 2-B A/10 (QP + INEN print 0 1, kept; EGT prints a down arrow, as
a MIL-STD-105E extraction does: uncertain). Tables 3-A..4-C rest on EGT alone
(``SINGLE_SOURCE_TABLES``); two EGT typos are corrected (3-B 23 44 -> 23 24, 4-C 12 19 -> 12 13),
EGT's code-appended row S is completed, and EGT's Table 4-C sample sizes (copied from 3-C) are
replaced. Cells that remain in doubt are listed in ``UNCERTAIN_CELLS`` and
``UNCERTAIN_SAMPLE_SIZES``.

* AQLS: cran/AQLSchemes R/AAZ14Double.R, R/AAZ14Multiple.R (version 1.7-2, commit c60f3b3):
  MIL-STD-105E Tables III-A, III-B, IV-A, IV-B (resolved; multiple plans of 7 stages, so only
  the kind of plan and the first sample size compare). Used as a second source for the
  structure of 3-A, 3-B, 4-A, 4-B, for the 3-B "23 24" correction (it prints 9 14 / 23 24) and
  for the 3-B row-S plan (its R/0.025 leads to n = 2000, 0 2 / 1 2, as completed here from
  EGT's Ac numbers and the stage laws, so that cell is no longer in doubt). On its evidence two
  cells of 4-A were re-judged from EGT's down arrow to ``++`` (C/10 and B/15; docs/sampling-
  tables.md gives the reasons); both stay in ``UNCERTAIN_CELLS`` until the printed page is read.

>>> SINGLE_SAMPLE_SIZES["normal"]["J"], SINGLE_NORMAL["J"][AQLS.index("1.0")]
(80, (2, 3))
>>> SINGLE_TIGHTENED["S"][AQLS.index("0.025")], SINGLE_SAMPLE_SIZES["tightened"]["S"]
((1, 2), 3150)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

__all__ = [
    "AQLS",
    "BLANK",
    "DOUBLE",
    "DOUBLE_NORMAL",
    "DOUBLE_REDUCED",
    "DOUBLE_SAMPLE_SIZES",
    "DOUBLE_TIGHTENED",
    "DOWN",
    "LEVELS",
    "LOT_SIZE_CODE_LETTERS",
    "MULTIPLE",
    "MULTIPLE_NORMAL",
    "MULTIPLE_REDUCED",
    "MULTIPLE_SAMPLE_SIZES",
    "MULTIPLE_TIGHTENED",
    "NOT_PERMITTED",
    "SINGLE",
    "SINGLE_NORMAL",
    "SINGLE_REDUCED",
    "SINGLE_SAMPLE_SIZES",
    "SINGLE_SOURCE_TABLES",
    "SINGLE_TIGHTENED",
    "UNCERTAIN_CELLS",
    "UNCERTAIN_SAMPLE_SIZES",
    "UP",
    "USE_DOUBLE",
    "USE_SINGLE",
    "Arrow",
    "Blank",
    "DoublePlan",
    "DoublePlanCell",
    "DoubleStage",
    "MultiplePlan",
    "MultiplePlanCell",
    "MultipleStage",
    "SinglePlan",
    "SinglePlanCell",
]

DOWN: Final = "↓"  # use the first sampling plan below the arrow (100 % inspection if n >= N)
UP: Final = "↑"  # use the first sampling plan above the arrow
USE_SINGLE: Final = "*"  # use the corresponding single plan (or the plan below, where available)
USE_DOUBLE: Final = "++"  # use the corresponding double plan (or the plan below, where available)
BLANK: Final = ""  # nothing printed in the cell (tightened row S outside AQL 0.025)
NOT_PERMITTED: Final = None  # "#": acceptance not permitted at this stage (stands in place of Ac)

Arrow: TypeAlias = Literal["↓", "↑"]
Blank: TypeAlias = Literal[""]
SinglePlan: TypeAlias = tuple[int, int]  # (Ac, Re)
SinglePlanCell: TypeAlias = SinglePlan | Arrow | Blank
DoubleStage: TypeAlias = tuple[int, int]  # cumulative (Ac, Re)
DoublePlan: TypeAlias = tuple[DoubleStage, DoubleStage]
DoublePlanCell: TypeAlias = DoublePlan | Arrow | Literal["*"] | Blank
MultipleStage: TypeAlias = tuple[int | None, int]  # cumulative (Ac or NOT_PERMITTED, Re)
MultiplePlan: TypeAlias = tuple[
    MultipleStage, MultipleStage, MultipleStage, MultipleStage, MultipleStage
]
MultiplePlanCell: TypeAlias = MultiplePlan | Arrow | Literal["*", "++"] | Blank

# The 26 AQLs (接收质量限) in table column order, spelled as printed. Up to 10 they are percent
# nonconforming or nonconformities per 100 items; above 10, nonconformities per 100 items only.
AQLS: Final[tuple[str, ...]] = (
    "0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
    "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65",
    "100", "150", "250", "400", "650", "1000",
)  # fmt: skip

# Inspection levels (检验水平) in Table 1 column order: special S-1..S-4, general I, II, III.
LEVELS: Final[tuple[str, ...]] = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")

# Table 1 (样本量字码). Sources: QP, EGT, INEN (I-III); all agree.
# (smallest lot, largest lot or None for "and over", letters in LEVELS order)
# fmt: off
LOT_SIZE_CODE_LETTERS: Final[
    tuple[tuple[int, int | None, tuple[str, str, str, str, str, str, str]], ...]
] = (
    (2, 8, ("A", "A", "A", "A", "A", "A", "B")),
    (9, 15, ("A", "A", "A", "A", "A", "B", "C")),
    (16, 25, ("A", "A", "B", "B", "B", "C", "D")),
    (26, 50, ("A", "B", "B", "C", "C", "D", "E")),
    (51, 90, ("B", "B", "C", "C", "C", "E", "F")),
    (91, 150, ("B", "B", "C", "D", "D", "F", "G")),
    (151, 280, ("B", "C", "D", "E", "E", "G", "H")),
    (281, 500, ("B", "C", "D", "E", "F", "H", "J")),
    (501, 1200, ("C", "C", "E", "F", "G", "J", "K")),
    (1201, 3200, ("C", "D", "E", "G", "H", "K", "L")),
    (3201, 10000, ("C", "D", "F", "G", "J", "L", "M")),
    (10001, 35000, ("C", "D", "F", "H", "K", "M", "N")),
    (35001, 150000, ("D", "E", "G", "J", "L", "N", "P")),
    (150001, 500000, ("D", "E", "G", "J", "M", "P", "Q")),
    (500001, None, ("D", "E", "H", "K", "N", "Q", "R")),
)
# fmt: on

# Sample size per code letter (样本量). Single: Tables 2-A..2-C (QP, EGT agree). Double: per
# stage, n1 = n2, Tables 3-A..3-C (EGT). Multiple: per stage, all five equal, Tables 4-A..4-C
# (EGT, except the 4-C sizes: see UNCERTAIN_SAMPLE_SIZES). Letters without a printed sample
# size (rows of * and ++ only) are absent.
# fmt: off
SINGLE_SAMPLE_SIZES: Final[Mapping[str, Mapping[str, int]]] = {
    "normal": {  # Table 2-A
        "A": 2, "B": 3, "C": 5, "D": 8, "E": 13, "F": 20, "G": 32, "H": 50, "J": 80, "K": 125,
        "L": 200, "M": 315, "N": 500, "P": 800, "Q": 1250, "R": 2000,
    },
    "tightened": {  # Table 2-B
        "A": 2, "B": 3, "C": 5, "D": 8, "E": 13, "F": 20, "G": 32, "H": 50, "J": 80, "K": 125,
        "L": 200, "M": 315, "N": 500, "P": 800, "Q": 1250, "R": 2000, "S": 3150,
    },
    "reduced": {  # Table 2-C
        "A": 2, "B": 2, "C": 2, "D": 3, "E": 5, "F": 8, "G": 13, "H": 20, "J": 32, "K": 50,
        "L": 80, "M": 125, "N": 200, "P": 315, "Q": 500, "R": 800,
    },
}
DOUBLE_SAMPLE_SIZES: Final[Mapping[str, Mapping[str, int]]] = {
    "normal": {  # Table 3-A
        "B": 2, "C": 3, "D": 5, "E": 8, "F": 13, "G": 20, "H": 32, "J": 50, "K": 80, "L": 125,
        "M": 200, "N": 315, "P": 500, "Q": 800, "R": 1250,
    },
    "tightened": {  # Table 3-B
        "B": 2, "C": 3, "D": 5, "E": 8, "F": 13, "G": 20, "H": 32, "J": 50, "K": 80, "L": 125,
        "M": 200, "N": 315, "P": 500, "Q": 800, "R": 1250, "S": 2000,
    },
    "reduced": {  # Table 3-C
        "D": 2, "E": 3, "F": 5, "G": 8, "H": 13, "J": 20, "K": 32, "L": 50, "M": 80, "N": 125,
        "P": 200, "Q": 315, "R": 500,
    },
}
MULTIPLE_SAMPLE_SIZES: Final[Mapping[str, Mapping[str, int]]] = {
    "normal": {  # Table 4-A
        "D": 2, "E": 3, "F": 5, "G": 8, "H": 13, "J": 20, "K": 32, "L": 50, "M": 80, "N": 125,
        "P": 200, "Q": 315, "R": 500,
    },
    "tightened": {  # Table 4-B
        "D": 2, "E": 3, "F": 5, "G": 8, "H": 13, "J": 20, "K": 32, "L": 50, "M": 80, "N": 125,
        "P": 200, "Q": 315, "R": 500, "S": 800,
    },
    # EGT prints F 5, G 8, H 13, J 20, K 32, L 50, M 80, N 125, P 200, Q 315, R 500 here:
    # the sizes of Table 3-C, copied. In every other row of every table the per-stage size
    # of a multiple plan is fixed by the single size (8 -> 2, 13 -> 3, ..., 800 -> 200,
    # 3150 -> 800), so these are set by that correspondence, not transcribed. UNCERTAIN.
    "reduced": {  # Table 4-C
        "F": 2, "G": 3, "H": 5, "J": 8, "K": 13, "L": 20, "M": 32, "N": 50, "P": 80, "Q": 125,
        "R": 200,
    },
}
# fmt: on

# Table 2-A 正常检验一次抽样方案 (normal, single; printed page 15). Cells: (Ac, Re), Re = Ac + 1.
# Sources: QP (all 26 AQLs), EGT, INEN (AQL 1.0, 4.0, 10): all agree in every cell;
# KOTA (MIL-STD-105E II-A) too, apart from its copy's misprint 44 65 (for 44 45).
# fmt: off
SINGLE_NORMAL: Final[Mapping[str, tuple[SinglePlanCell, ...]]] = {
    "A": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓",
        (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31),
    ),
    # AQL 1000: KOTA's MIL-STD-105E copy misprints 44 45 as 44 65 (it says so);
    # QP and EGT print 44 45 (kept). Cells resolving here via ↑ differ in KOTA too.
    "B": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31), (44, 45),
    ),
    # AQL 650: KOTA's MIL-STD-105E copy misprints 44 45 as 44 65 (it says so);
    # QP and EGT print 44 45 (kept). Cells resolving here via ↑ differ in KOTA too.
    "C": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31), (44, 45), "↑",
    ),
    # AQL 400: KOTA's MIL-STD-105E copy misprints 44 45 as 44 65 (it says so);
    # QP and EGT print 44 45 (kept). Cells resolving here via ↑ differ in KOTA too.
    "D": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3),
        (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31), (44, 45), "↑", "↑",
    ),
    # AQL 250: KOTA's MIL-STD-105E copy misprints 44 45 as 44 65 (it says so);
    # QP and EGT print 44 45 (kept). Cells resolving here via ↑ differ in KOTA too.
    "E": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31), (44, 45), "↑", "↑", "↑",
    ),
    "F": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "G": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (7, 8), (10, 11), (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "H": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (7, 8), (10, 11), (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "J": (  # n = 80
        "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8),
        (10, 11), (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "K": (  # n = 125
        "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8),
        (10, 11), (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "L": (  # n = 200
        "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11),
        (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "M": (  # n = 315
        "↓", "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11),
        (14, 15), (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "N": (  # n = 500
        "↓", "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15),
        (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "P": (  # n = 800
        "↓", (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15),
        (21, 22), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "Q": (  # n = 1250
        (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "R": (  # n = 2000
        "↑", "↑", (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# Table 2-B 加严检验一次抽样方案 (tightened, single; printed page 16), rows A..R and S.
# Sources: QP, EGT, INEN (AQL 1.0, 4.0, 10), KOTA (MIL-STD-105E II-B). Disputes: A/10 and
# row S (comments below); everywhere else all four agree.
# fmt: off
SINGLE_TIGHTENED: Final[Mapping[str, tuple[SinglePlanCell, ...]]] = {
    # DISPUTED AQL 10: QP and INEN print 0 1 (kept); EGT prints ↓, as does the
    # MIL-STD-105E extraction of kotaooka/sampling-calc. See UNCERTAIN_CELLS.
    "A": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓",
        "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), (27, 28),
    ),
    "B": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓",
        (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), (27, 28), (41, 42),
    ),
    "C": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), (27, 28), (41, 42), "↑",
    ),
    "D": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), (27, 28), (41, 42), "↑", "↑",
    ),
    "E": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3),
        (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), (27, 28), (41, 42), "↑", "↑", "↑",
    ),
    "F": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (8, 9), (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "G": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (8, 9), (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "H": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (8, 9), (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "J": (  # n = 80
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (8, 9), (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "K": (  # n = 125
        "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9),
        (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "L": (  # n = 200
        "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9),
        (12, 13), (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "M": (  # n = 315
        "↓", "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13),
        (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "N": (  # n = 500
        "↓", "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13),
        (18, 19), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "P": (  # n = 800
        "↓", "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "Q": (  # n = 1250
        "↓", (0, 1), "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "R": (  # n = 2000
        (0, 1), "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (8, 9), (12, 13), (18, 19), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # Row S: only AQL 0.025 carries a plan; the other cells are blank in the printed
    # table (QP: pixel check of page 16). EGT appends S with ↓ as a code default.
    "S": (  # n = 3150
        "", "", (1, 2), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
        "", "", "", "",
    ),
}
# fmt: on

# Table 2-C 放宽检验一次抽样方案 (reduced, single; printed page 17). No Ac/Re gap in this
# edition (Re = Ac + 1). Sources: QP, EGT, INEN (AQL 1.0, 4.0, 10). Dispute: the 5 6 band.
# fmt: off
SINGLE_REDUCED: Final[Mapping[str, tuple[SinglePlanCell, ...]]] = {
    "A": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↓", "↓",
        (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31),
    ),
    "B": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓",
        (1, 2), (2, 3), (3, 4), (5, 6), (7, 8), (10, 11), (14, 15), (21, 22), (30, 31),
    ),
    # DISPUTED AQL 65: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "C": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), (14, 15), (21, 22), "↑",
    ),
    # DISPUTED AQL 40: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "D": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2),
        (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), (14, 15), (21, 22), "↑", "↑",
    ),
    # DISPUTED AQL 25: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "E": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3),
        (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), (14, 15), (21, 22), "↑", "↑", "↑",
    ),
    # DISPUTED AQL 15: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "F": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (6, 7), (8, 9), (10, 11), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 10: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "G": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4),
        (5, 6), (6, 7), (8, 9), (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 6.5: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "H": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (6, 7), (8, 9), (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 4.0: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "J": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6),
        (6, 7), (8, 9), (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 2.5: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "K": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7),
        (8, 9), (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 1.5: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "L": (  # n = 80
        "↓", "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9),
        (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 1.0: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "M": (  # n = 125
        "↓", "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9),
        (10, 11), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 0.65: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "N": (  # n = 200
        "↓", "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 0.40: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "P": (  # n = 315
        "↓", (0, 1), "↑", "↓", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 0.25: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "Q": (  # n = 500
        (0, 1), "↑", "↑", "↓", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # DISPUTED AQL 0.15: QP (checked against the GB/T PDF) and INEN print 5 6
    # (kept); EGT prints 4 5.
    "R": (  # n = 800
        "↑", "↑", "↑", (1, 2), (2, 3), (3, 4), (5, 6), (6, 7), (8, 9), (10, 11), "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# Table 3-A 正常检验二次抽样方案 (normal, double). Cells: ((Ac1, Re1), (Ac2, Re2)), cumulative.
# SINGLE SOURCE: EGT. "*": use the corresponding single plan (or the double plan below).
# fmt: off
DOUBLE_NORMAL: Final[Mapping[str, tuple[DoublePlanCell, ...]]] = {
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "B": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), ((17, 22), (37, 38)),
        ((25, 31), (56, 57)),
    ),
    "C": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), ((17, 22), (37, 38)),
        ((25, 31), (56, 57)), "↑",
    ),
    "D": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), ((17, 22), (37, 38)),
        ((25, 31), (56, 57)), "↑", "↑",
    ),
    "E": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), ((17, 22), (37, 38)),
        ((25, 31), (56, 57)), "↑", "↑", "↑",
    ),
    "F": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑",
        "↑",
    ),
    "G": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)),
        ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "H": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)),
        ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "J": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)),
        ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "K": (  # n = 80
        "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)),
        ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑",
    ),
    "L": (  # n = 125
        "↓", "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)),
        ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "M": (  # n = 200
        "↓", "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)),
        ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "N": (  # n = 315
        "↓", "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)),
        ((11, 16), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "P": (  # n = 500
        "↓", "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)),
        ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "Q": (  # n = 800
        "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)),
        ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "R": (  # n = 1250
        "↑", "↑", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)),
        ((3, 6), (9, 10)), ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# Table 3-B 加严检验二次抽样方案 (tightened, double), rows A..R and S.
# SINGLE SOURCE: EGT (one typo corrected, row S completed; comments below).
# fmt: off
DOUBLE_TIGHTENED: Final[Mapping[str, tuple[DoublePlanCell, ...]]] = {
    # UNCERTAIN AQL 10: EGT prints ↓ (single source, kept as printed). It matches
    # EGT's ↓ in 2-B, which QP and INEN contradict (they print 0 1 there); if the
    # printed 2-B has 0 1, this cell is probably * in the printed table.
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    # CORRECTED AQL 400: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "B": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), ((15, 20), (34, 35)), ((23, 29), (52, 53)),
    ),
    # CORRECTED AQL 250: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "C": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), ((15, 20), (34, 35)), ((23, 29), (52, 53)), "↑",
    ),
    # CORRECTED AQL 150: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "D": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), ((15, 20), (34, 35)), ((23, 29), (52, 53)), "↑",
        "↑",
    ),
    # CORRECTED AQL 100: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "E": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), ((15, 20), (34, 35)), ((23, 29), (52, 53)), "↑",
        "↑", "↑",
    ),
    # CORRECTED AQL 65: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "F": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 40: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "G": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)),
        ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 25: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "H": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)),
        ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 15: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "J": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)),
        ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 10: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "K": (  # n = 80
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)),
        ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 6.5: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "L": (  # n = 125
        "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)),
        ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 4.0: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "M": (  # n = 200
        "↓", "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 2.5: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "N": (  # n = 315
        "↓", "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 1.5: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "P": (  # n = 500
        "↓", "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 5), (6, 7)), ((4, 7), (10, 11)), ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 1.0: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "Q": (  # n = 800
        "↓", "*", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)),
        ((4, 7), (10, 11)), ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # CORRECTED AQL 0.65: EGT reads 9 14 / 23 44, a typo for 23 24 (the
    # last stage always has Re = Ac + 1; the reference notes name the same typo).
    "R": (  # n = 1250
        "*", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 5), (6, 7)),
        ((4, 7), (10, 11)), ((6, 10), (15, 16)), ((9, 14), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # Row S: EGT appends n = 2000 and Ac 0, 1 at AQL 0.025 only (no Re). Re 2, 2 is
    # forced (Re2 = Ac2 + 1, Ac1 + 1 < Re1 <= Re2) and is the 3-B plan for single 1 2.
    # Other cells blank, as in 2-B. Single source; see UNCERTAIN_CELLS.
    "S": (  # n = 2000
        "", "", ((0, 2), (1, 2)), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "",
    ),
}
# fmt: on

# Table 3-C 放宽检验二次抽样方案 (reduced, double). SINGLE SOURCE: EGT.
# fmt: off
DOUBLE_REDUCED: Final[Mapping[str, tuple[DoublePlanCell, ...]]] = {
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "B": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "C": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "*", "*",
        "*", "*", "*", "*", "*", "*", "*", "↑",
    ),
    # UNCERTAIN AQL 40: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "D": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓",
        ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)),
        ((4, 7), (10, 11)), ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑",
        "↑",
    ),
    # UNCERTAIN AQL 25: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "E": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), ((7, 11), (18, 19)), ((11, 16), (26, 27)), "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 15: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "F": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 10: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "G": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)),
        ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 6.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "H": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 4.0: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "J": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 2.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "K": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 1.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "L": (  # n = 50
        "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)),
        ((1, 3), (4, 5)), ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)),
        ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 1.0: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "M": (  # n = 80
        "↓", "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)), ((5, 9), (12, 13)), "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.65: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "N": (  # n = 125
        "↓", "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)), ((5, 9), (12, 13)), "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.40: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "P": (  # n = 200
        "↓", "*", "↑", "↓", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)),
        ((2, 4), (5, 6)), ((3, 6), (7, 8)), ((4, 7), (10, 11)), ((5, 9), (12, 13)), "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.25: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "Q": (  # n = 315
        "*", "↑", "↑", "↓", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)),
        ((3, 6), (7, 8)), ((4, 7), (10, 11)), ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.15: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    "R": (  # n = 500
        "↑", "↑", "↑", ((0, 2), (1, 2)), ((0, 3), (3, 4)), ((1, 3), (4, 5)), ((2, 4), (5, 6)),
        ((3, 6), (7, 8)), ((4, 7), (10, 11)), ((5, 9), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# Table 4-A 正常检验五次抽样方案 (normal, multiple). Cells: five cumulative (Ac, Re) stages,
# Ac = NOT_PERMITTED (None) where "#" is printed. "++": use the corresponding double
# plan (or the multiple plan below). SINGLE SOURCE: EGT.
# fmt: off
MULTIPLE_NORMAL: Final[Mapping[str, tuple[MultiplePlanCell, ...]]] = {
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    # RE-JUDGED AQL 15: EGT prints ↓; stored as ++ (use the double plan of B), where 2-A has
    # 1 2 and 3-A its first double plan, as everywhere else in 4-A..4-C. UNCERTAIN_CELLS.
    "B": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "++", "++",
        "++", "++", "++", "++", "++", "++", "++", "++",
    ),
    # RE-JUDGED AQL 10: EGT prints ↓ (to the multiple plan of D); stored as ++, as MIL-STD-105E
    # Table IV-A has it (AQLSchemes: C/10 and the arrows of A/10, B/10 lead to a double plan)
    # and as the 1 2 of 2-A and the first double plan of 3-A place it. UNCERTAIN_CELLS.
    "C": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "++", "++", "++",
        "++", "++", "++", "++", "++", "++", "++", "↑",
    ),
    "D": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)),
        ((4, 12), (11, 19), (19, 27), (28, 34), (37, 38)),
        ((6, 16), (17, 27), (29, 38), (40, 48), (56, 57)), "↑", "↑",
    ),
    "E": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)),
        ((4, 12), (11, 19), (19, 27), (28, 34), (37, 38)),
        ((6, 16), (17, 27), (29, 38), (40, 48), (56, 57)), "↑", "↑", "↑",
    ),
    "F": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "G": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "H": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "J": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑",
    ),
    "K": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑",
    ),
    "L": (  # n = 50
        "↓", "↓", "↓", "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑",
    ),
    "M": (  # n = 80
        "↓", "↓", "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑",
    ),
    "N": (  # n = 125
        "↓", "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑",
    ),
    "P": (  # n = 200
        "↓", "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "Q": (  # n = 315
        "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "R": (  # n = 500
        "↑", "↑", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (1, 6), (3, 8), (5, 9), (9, 10)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        ((1, 7), (4, 10), (8, 13), (12, 17), (18, 19)),
        ((2, 9), (7, 14), (13, 19), (20, 25), (26, 27)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# Table 4-B 加严检验五次抽样方案 (tightened, multiple), rows A..R and S. SINGLE SOURCE: EGT.
# fmt: off
MULTIPLE_TIGHTENED: Final[Mapping[str, tuple[MultiplePlanCell, ...]]] = {
    # UNCERTAIN AQL 10: EGT prints ↓ (single source, kept as printed). It matches
    # EGT's ↓ in 2-B, which QP and INEN contradict (they print 0 1 there); if the
    # printed 2-B has 0 1, this cell is probably * in the printed table.
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "B": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "++",
        "++", "++", "++", "++", "++", "++", "++", "++",
    ),
    "C": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "++", "++",
        "++", "++", "++", "++", "++", "++", "++", "↑",
    ),
    "D": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)),
        ((3, 10), (10, 17), (17, 24), (25, 31), (34, 35)),
        ((6, 15), (16, 25), (26, 35), (38, 45), (52, 53)), "↑", "↑",
    ),
    "E": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)),
        ((3, 10), (10, 17), (17, 24), (25, 31), (34, 35)),
        ((6, 15), (16, 25), (26, 35), (38, 45), (52, 53)), "↑", "↑", "↑",
    ),
    "F": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "G": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "H": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "J": (  # n = 20
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑",
    ),
    "K": (  # n = 32
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑",
    ),
    "L": (  # n = 50
        "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑",
    ),
    "M": (  # n = 80
        "↓", "↓", "↓", "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑",
    ),
    "N": (  # n = 125
        "↓", "↓", "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑",
    ),
    "P": (  # n = 200
        "↓", "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "Q": (  # n = 315
        "↓", "*", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    "R": (  # n = 500
        "*", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 4), (1, 5), (2, 6), (4, 7), (6, 7)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 6), (3, 9), (7, 12), (11, 15), (15, 16)),
        ((1, 8), (6, 12), (11, 17), (16, 22), (23, 24)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # Row S: EGT appends n = 800 and Ac #, 0, 0, 0, 1 at AQL 0.025 only (no Re); Re
    # taken from the 4-B plan with exactly these Ac (EGT token T1 #2 02 02 02 12).
    # Other cells blank, as in 2-B. Single source; see UNCERTAIN_CELLS.
    "S": (  # n = 800
        "", "", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), "", "", "", "", "", "", "", "", "",
        "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    ),
}
# fmt: on

# Table 4-C 放宽检验五次抽样方案 (reduced, multiple). SINGLE SOURCE: EGT (one typo corrected).
# fmt: off
MULTIPLE_REDUCED: Final[Mapping[str, tuple[MultiplePlanCell, ...]]] = {
    "A": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "B": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "*",
        "*", "*", "*", "*", "*", "*", "*", "*",
    ),
    "C": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "*", "*",
        "*", "*", "*", "*", "*", "*", "*", "↑",
    ),
    "D": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "++", "++",
        "++", "++", "++", "++", "++", "++", "++", "↑", "↑",
    ),
    "E": (  # no sample size printed
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", "++", "++", "++",
        "++", "++", "++", "++", "++", "++", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 15: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 65: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "F": (  # n = 2
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)),
        ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 10: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 40: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "G": (  # n = 3
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)),
        ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 6.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 25: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "H": (  # n = 5
        "↓", "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)),
        ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 4.0: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 15: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "J": (  # n = 8
        "↓", "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓",
        ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)), ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)),
        ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)), ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)),
        ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)), ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)),
        ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)), "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 2.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 10: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "K": (  # n = 13
        "↓", "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 1.5: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 6.5: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "L": (  # n = 20
        "↓", "↓", "↓", "↓", "*", "↑", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 1.0: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 4.0: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "M": (  # n = 32
        "↓", "↓", "↓", "*", "↑", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.65: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 2.5: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "N": (  # n = 50
        "↓", "↓", "*", "↑", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.40: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 1.5: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "P": (  # n = 80
        "↓", "*", "↑", "↓", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.25: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 1.0: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "Q": (  # n = 125
        "*", "↑", "↑", "↓", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
    # UNCERTAIN AQL 0.15: single source (EGT). This cell lies in the 2-C band
    # where EGT's 4 5 was overruled by QP and INEN (5 6); EGT's plan here pairs
    # with its own 4 5, so the printed plan may differ.
    # CORRECTED AQL 0.65: EGT's fifth stage reads 12 19, a typo for 12 13
    # (last stage Re = Ac + 1; same plan as 4-A's 0 5 .. 12 13).
    "R": (  # n = 200
        "↑", "↑", "↑", ((None, 2), (0, 2), (0, 2), (0, 2), (1, 2)),
        ((None, 2), (0, 3), (0, 3), (1, 3), (3, 4)), ((None, 3), (0, 3), (1, 4), (2, 5), (4, 5)),
        ((None, 3), (1, 4), (2, 5), (3, 5), (5, 6)), ((0, 4), (1, 6), (2, 7), (4, 8), (7, 8)),
        ((0, 4), (2, 7), (4, 9), (6, 11), (10, 11)), ((0, 5), (3, 8), (6, 10), (9, 12), (12, 13)),
        "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑", "↑",
    ),
}
# fmt: on

# The tables by severity, keyed like qsdomain.sampling._severity.Severity values.
SINGLE: Final[Mapping[str, Mapping[str, tuple[SinglePlanCell, ...]]]] = {
    "normal": SINGLE_NORMAL,
    "tightened": SINGLE_TIGHTENED,
    "reduced": SINGLE_REDUCED,
}
DOUBLE: Final[Mapping[str, Mapping[str, tuple[DoublePlanCell, ...]]]] = {
    "normal": DOUBLE_NORMAL,
    "tightened": DOUBLE_TIGHTENED,
    "reduced": DOUBLE_REDUCED,
}
MULTIPLE: Final[Mapping[str, Mapping[str, tuple[MultiplePlanCell, ...]]]] = {
    "normal": MULTIPLE_NORMAL,
    "tightened": MULTIPLE_TIGHTENED,
    "reduced": MULTIPLE_REDUCED,
}

# Tables for which no second public source was found (every cell rests on EGT).
SINGLE_SOURCE_TABLES: Final[frozenset[str]] = frozenset({"3-A", "3-B", "3-C", "4-A", "4-B", "4-C"})

# Cells whose printed value is in doubt: (table, code letter, AQL) -> why.
UNCERTAIN_CELLS: Final[Mapping[tuple[str, str, str], str]] = {
    ("2-B", "A", "10"): (
        "disputed: QP and INEN print 0 1 (kept); EGT and the MIL-STD-105E extraction of "
        "kotaooka/sampling-calc print a down arrow. Check GB/T 2828.1-2012 Table 2-B (printed "
        "page 16)."
    ),
    ("3-B", "A", "10"): (
        "single source (EGT prints a down arrow); probably * if Table 2-B prints 0 1 at A/10."
    ),
    ("3-C", "D", "40"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "E", "25"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "F", "15"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "G", "10"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "H", "6.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "J", "4.0"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "K", "2.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "L", "1.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "M", "1.0"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "N", "0.65"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "P", "0.40"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "Q", "0.25"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("3-C", "R", "0.15"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-A", "B", "15"): (
        "re-judged: EGT prints a down arrow (to C's ++, the double plan of C); stored as ++ (the "
        "double plan of B), where 2-A has 1 2 and 3-A its first double plan, as in every other "
        "row of 4-A, 4-B and 4-C. MIL-STD-105E (AQLSchemes) also sends B/15 to a double plan."
    ),
    ("4-A", "C", "10"): (
        "re-judged: EGT prints a down arrow (to the multiple plan of D); stored as ++, as "
        "MIL-STD-105E Table IV-A has it (AQLSchemes) and as the 1 2 of 2-A places it."
    ),
    ("4-B", "A", "10"): (
        "single source (EGT prints a down arrow); probably * if Table 2-B prints 0 1 at A/10."
    ),
    ("4-B", "S", "0.025"): (
        "EGT appends row S in code with Ac #, 0, 0, 0, 1 only; Re taken from the 4-B plan with "
        "those Ac numbers."
    ),
    ("4-C", "F", "15"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "G", "10"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "H", "6.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "J", "4.0"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "K", "2.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "L", "1.5"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "M", "1.0"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "N", "0.65"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "P", "0.40"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "Q", "0.25"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
    ("4-C", "R", "0.15"): (
        "single source (EGT); lies in the 2-C band where EGT's 4 5 was overruled by QP and INEN "
        "(5 6), so the printed plan may differ."
    ),
}

# Sample sizes not transcribed from any source: (table, code letter) -> why.
UNCERTAIN_SAMPLE_SIZES: Final[Mapping[tuple[str, str], str]] = {
    ("4-C", "F"): "EGT prints 5 (the 3-C size); set to 2 by the size law.",
    ("4-C", "G"): "EGT prints 8 (the 3-C size); set to 3 by the size law.",
    ("4-C", "H"): "EGT prints 13 (the 3-C size); set to 5 by the size law.",
    ("4-C", "J"): "EGT prints 20 (the 3-C size); set to 8 by the size law.",
    ("4-C", "K"): "EGT prints 32 (the 3-C size); set to 13 by the size law.",
    ("4-C", "L"): "EGT prints 50 (the 3-C size); set to 20 by the size law.",
    ("4-C", "M"): "EGT prints 80 (the 3-C size); set to 32 by the size law.",
    ("4-C", "N"): "EGT prints 125 (the 3-C size); set to 50 by the size law.",
    ("4-C", "P"): "EGT prints 200 (the 3-C size); set to 80 by the size law.",
    ("4-C", "Q"): "EGT prints 315 (the 3-C size); set to 125 by the size law.",
    ("4-C", "R"): "EGT prints 500 (the 3-C size); set to 200 by the size law.",
}
