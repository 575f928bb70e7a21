"""Plan look-up and plan objects: GB/T 2828.1-2012 (≡ ISO 2859-1:1999) Tables 1-4."""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.sampling import (
    Decision,
    DoubleSamplingPlan,
    MultipleSamplingPlan,
    Scheme,
    Severity,
    SingleSamplingPlan,
    Stage,
    code_letter,
    normalize_aql,
    plan,
    plan_for,
    probability_of_acceptance,
)
from qsdomain.sampling import _gbt2828_1_2012 as gbt

LOT_LOWS = [row[0] for row in gbt.LOT_SIZE_CODE_LETTERS]
SEVERITIES = ["normal", "tightened", "reduced"]
SCHEMES = ["single", "double", "multiple"]
lots = st.integers(2, 2_000_000)


# -- Table 1 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lot_size", "level", "letter"),
    [
        (2, "II", "A"),
        (8, "III", "B"),
        (9, "II", "B"),
        (1000, "II", "J"),  # 501-1200, level II
        (1200, "I", "G"),
        (1201, "II", "K"),
        (2000, "II", "K"),
        (10000, "S-4", "G"),
        (35001, "S-1", "D"),
        (500000, "III", "Q"),
        (500001, "III", "R"),
        (10**9, "S-3", "H"),
    ],
)
def test_table_1_code_letters(lot_size: int, level: str, letter: str) -> None:
    """GB/T 2828.1-2012 Table 1 at the edges of its lot-size bands."""
    assert code_letter(lot_size, level) == letter


@given(lots, lots, st.sampled_from(gbt.LEVELS))
def test_a_larger_lot_never_gets_an_earlier_code_letter(a: int, b: int, level: str) -> None:
    order = "ABCDEFGHJKLMNPQR"
    lo, hi = min(a, b), max(a, b)
    assert order.index(code_letter(lo, level)) <= order.index(code_letter(hi, level))


# -- the standard's plans, arrows followed -----------------------------------------------------


@pytest.mark.parametrize(
    ("letter", "aql", "severity", "expected"),
    [
        # Table 2-A (normal), letter K (n = 125) across the AQLs: 0/1 at 0.10 ... 21/22 at 10.
        ("K", "0.10", "normal", ("K", 125, 0, 1)),
        ("K", "0.65", "normal", ("K", 125, 2, 3)),
        ("K", "1.0", "normal", ("K", 125, 3, 4)),
        ("K", "1.5", "normal", ("K", 125, 5, 6)),
        ("K", "2.5", "normal", ("K", 125, 7, 8)),
        ("K", "4.0", "normal", ("K", 125, 10, 11)),
        ("K", "6.5", "normal", ("K", 125, 14, 15)),
        ("K", "10", "normal", ("K", 125, 21, 22)),
        ("J", "1.0", "normal", ("J", 80, 2, 3)),
        # Arrows: the plan below (↓) or above (↑) replaces letter and sample size together.
        ("H", "0.65", "normal", ("J", 80, 1, 2)),  # ↓
        ("H", "0.40", "normal", ("G", 32, 0, 1)),  # ↑
        ("A", "1.0", "normal", ("E", 13, 0, 1)),  # ↓ from the top row
        ("A", "0.010", "normal", ("Q", 1250, 0, 1)),  # the longest ↓ in Table 2-A
        # Table 2-B (tightened): the extra row S is reached only at AQL 0.025.
        ("R", "0.025", "tightened", ("S", 3150, 1, 2)),
        ("K", "1.5", "tightened", ("K", 125, 3, 4)),
    ],
)
def test_single_plans(
    letter: str, aql: str, severity: str, expected: tuple[str, int, int, int]
) -> None:
    p = plan(letter, aql, severity)
    assert isinstance(p, SingleSamplingPlan)
    assert (p.code_letter, p.sample_size, p.acceptance_number, p.rejection_number) == expected
    assert p.severity is Severity(severity)
    assert p.aql == normalize_aql(aql)


def test_double_and_multiple_plans() -> None:
    double = plan("J", "2.5", scheme="double")  # Table 3-A, letter J: n1 = n2 = 50
    assert isinstance(double, DoubleSamplingPlan)
    assert [s.as_tuple() for s in double.stages] == [(50, 2, 5), (50, 6, 7)]
    assert double.cumulative_sample_sizes == (50, 100)
    multiple = plan("J", "2.5", scheme="multiple")  # Table 4-A, letter J: five samples of 20
    assert isinstance(multiple, MultipleSamplingPlan)
    assert len(multiple.stages) == 5
    assert {s.sample_size for s in multiple.stages} == {20}
    assert multiple.stages[0].acceptance_number is None  # '#': acceptance not permitted


def test_star_cells_use_the_single_plan() -> None:
    """Tables 3 and 4 key: * = use the corresponding single sampling plan."""
    seen = 0
    for severity in SEVERITIES:
        for scheme, tables in (("double", gbt.DOUBLE), ("multiple", gbt.MULTIPLE)):
            for letter, row in tables[severity].items():
                for column, cell in enumerate(row):
                    if cell == gbt.USE_SINGLE:
                        seen += 1
                        got = plan(letter, gbt.AQLS[column], severity, scheme)
                        assert got == plan(letter, gbt.AQLS[column], severity, "single")
    assert seen > 0


def test_double_plus_cells_use_the_double_plan() -> None:
    """Table 4 key: ++ = use the corresponding double sampling plan."""
    seen = 0
    for severity in SEVERITIES:
        for letter, row in gbt.MULTIPLE[severity].items():
            for column, cell in enumerate(row):
                if cell == gbt.USE_DOUBLE:
                    seen += 1
                    got = plan(letter, gbt.AQLS[column], severity, "multiple")
                    assert got == plan(letter, gbt.AQLS[column], severity, "double")
    assert seen > 0


@pytest.mark.parametrize("severity", SEVERITIES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_cell_resolves_to_a_plan_that_is_printed(severity: str, scheme: str) -> None:
    """Walk every letter and AQL: the resolved plan is a printed plan cell of its own table,
    with that table's sample size for the resolved code letter."""
    by_scheme = {
        Scheme.SINGLE: (gbt.SINGLE, gbt.SINGLE_SAMPLE_SIZES),
        Scheme.DOUBLE: (gbt.DOUBLE, gbt.DOUBLE_SAMPLE_SIZES),
        Scheme.MULTIPLE: (gbt.MULTIPLE, gbt.MULTIPLE_SAMPLE_SIZES),
    }
    for letter in "ABCDEFGHJKLMNPQR":
        for column, aql in enumerate(gbt.AQLS):
            got = plan(letter, aql, severity, scheme)
            assert got.code_letter is not None
            assert got.aql == aql
            assert got.severity is Severity(severity)
            tables, sizes = by_scheme[got.scheme]
            cell = tables[severity][got.code_letter][column]
            printed = [(s.acceptance_number, s.rejection_number) for s in got.stages]
            expected = [cell] if got.scheme is Scheme.SINGLE else list(cell)
            assert printed == expected
            n = sizes[severity][got.code_letter]
            assert all(s.sample_size == n for s in got.stages)


@given(
    st.tuples(lots, lots),
    st.sampled_from(gbt.AQLS),
    st.sampled_from(gbt.LEVELS),
    st.tuples(st.sampled_from(SEVERITIES), st.sampled_from(["single", "double"])),
)
def test_a_larger_lot_never_gets_a_smaller_sample(
    sizes: tuple[int, int], aql: str, level: str, how: tuple[str, str]
) -> None:
    """Issue #3 law, per scheme: at the same level, AQL and severity, a larger lot never gets a
    smaller (first) sample. (Multiple plans are left out: where Table 4 redirects to the single
    plan, a single sample is compared with one stage of five, which is not the same measure.)"""
    lo, hi = sorted(sizes)
    severity, scheme = how
    small = plan_for(lo, aql, level, severity, scheme).plan
    large = plan_for(hi, aql, level, severity, scheme).plan
    if small.scheme is large.scheme:
        assert small.stages[0].sample_size <= large.stages[0].sample_size


@given(lots, st.sampled_from(gbt.AQLS), st.sampled_from(SEVERITIES))
def test_a_higher_general_level_never_gets_a_smaller_sample(
    lot: int, aql: str, severity: str
) -> None:
    sizes = [
        plan_for(lot, aql, level, severity).plan.stages[0].sample_size
        for level in ("I", "II", "III")
    ]
    assert sizes == sorted(sizes)
    special = [
        plan_for(lot, aql, level, severity).plan.stages[0].sample_size
        for level in ("S-1", "S-2", "S-3", "S-4")
    ]
    assert special == sorted(special)


@given(
    st.sampled_from("ABCDEFGHJKLMNPQR"),
    st.sampled_from(gbt.AQLS),
    st.sampled_from([0.001, 0.01, 0.05, 0.1, 0.2]),
)
def test_tightened_never_accepts_more_readily_than_normal(letter: str, aql: str, p: float) -> None:
    """Issue #3 law: at the same letter and AQL a tightened plan's Pa <= the normal plan's."""
    normal = plan(letter, aql, "normal")
    tightened = plan(letter, aql, "tightened")
    model = "binomial" if float(aql) <= 10 else "poisson"
    assert tightened.probability_of_acceptance(p, model) <= (
        normal.probability_of_acceptance(p, model) + 1e-15
    )


# -- 100 % inspection ----------------------------------------------------------------------------


def test_hundred_percent_inspection_is_reported() -> None:
    """Key to Tables 2-A..2-C: if the sample size equals or exceeds the lot size, carry out
    100 % inspection."""
    lp = plan_for(5, "0.65", level="III")  # Table 1: B; 2-A B/0.65: ↓ to n = 20 > 5
    assert lp.table_code_letter == "B"
    assert lp.hundred_percent
    assert lp.sample_size == 5
    assert lp.plan.stages[0].sample_size == 20
    exact = plan_for(13, "1.0", level="III")  # Table 1: C; 2-A C/1.0: ↓ to E, n = 13 = N
    assert exact.hundred_percent
    assert not plan_for(1000, "1.0").hundred_percent


def test_double_plans_that_outgrow_the_lot_are_flagged() -> None:
    """Lot of 5, AQL 10, level S-1: Table 1 gives A; Table 3-A's ↓ leads to C, two samples of
    3. The first fits the lot, the second would need a sixth item."""
    lp = plan_for(5, "10", level="S-1", scheme="double")
    assert (lp.table_code_letter, lp.code_letter) == ("A", "C")
    assert lp.plan.cumulative_sample_sizes == (3, 6)
    assert not lp.hundred_percent
    assert lp.cumulative_exceeds_lot
    assert not plan_for(1000, "1.0", scheme="double").cumulative_exceeds_lot
    assert not plan_for(5, "10", level="S-1", scheme="single").cumulative_exceeds_lot


# -- AQL, level, severity and scheme input -------------------------------------------------------


@pytest.mark.parametrize(
    ("given_aql", "canonical"),
    [
        (1, "1.0"),
        (1.0, "1.0"),
        ("1", "1.0"),
        ("0.4", "0.40"),
        (0.01, "0.010"),
        ("0.010", "0.010"),
        (1000, "1000"),
        (" 6.5 ", "6.5"),
    ],
)
def test_aql_spellings(given_aql: object, canonical: str) -> None:
    assert normalize_aql(given_aql) == canonical


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: code_letter(0), "lot_size"),
        (lambda: code_letter(-5), "lot_size"),
        (lambda: code_letter(1), "lot_size"),
        (lambda: code_letter(100.0), "lot_size"),
        (lambda: code_letter(100, "IV"), "level"),
        (lambda: plan("J", 0.3), "aql"),
        (lambda: plan("J", "abc"), "aql"),
        (lambda: plan("J", True), "aql"),
        (lambda: plan("I", "1.0"), "code_letter"),
        (lambda: plan("S", "1.0", "normal"), "code_letter"),
        (lambda: plan("J", "1.0", "strict"), "severity"),
        (lambda: plan("J", "1.0", "normal", "triple"), "scheme"),
        (lambda: SingleSamplingPlan(0, 0), "plan.sample_size"),
        (lambda: SingleSamplingPlan(10, -1), "plan.acceptance_number"),
        (lambda: SingleSamplingPlan(10, 2, 5), "plan.rejection_number"),
        (lambda: Stage(5, 3, 3), "stage.rejection_number"),
        (lambda: DoubleSamplingPlan((Stage(5, 0, 2),)), "plan.stages"),
        (lambda: DoubleSamplingPlan((Stage(5, 0, 3), Stage(5, 3, 5))), "plan.stages[1]"),
        (lambda: MultipleSamplingPlan((Stage(5, 2, 4), Stage(5, 1, 2))), "plan.stages[1]"),
        (lambda: plan("J", "1.0").decide([81]), "counts[0]"),
        (lambda: plan("J", "1.0").decide([-1]), "counts[0]"),
        (lambda: plan("J", "1.0").decide([]), "counts"),
        (lambda: plan("J", "2.5", scheme="double").decide([9, 1]), "counts"),
        (lambda: plan("J", "1.0").decide([1, 1]), "counts"),
        (lambda: probability_of_acceptance(plan("J", "1.0"), 1.5), "p"),
        (lambda: probability_of_acceptance(plan("J", "1.0"), -0.1), "p"),
        (lambda: probability_of_acceptance("J", 0.1), "plan"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.field == field, str(info.value)


def test_aql_error_lists_the_allowed_values() -> None:
    with pytest.raises(InvalidInputError, match=r"one of 0\.010, 0\.015, .* 650, 1000, got 0\.3"):
        plan("J", 0.3)


def test_row_s_blank_cells_are_not_covered() -> None:
    """Table 2-B prints row S (n = 3150) only at AQL 0.025; elsewhere arrows never reach it."""
    assert plan("S", "0.025", "tightened").sample_size == 3150
    with pytest.raises(NotCoveredError):
        plan("S", "1.0", "tightened")


# -- decisions -----------------------------------------------------------------------------------


def test_single_decisions() -> None:
    p = plan("J", "1.0")  # n = 80, Ac = 2, Re = 3
    assert p.decide([2]).decision is Decision.ACCEPT
    assert p.decide([3]).decision is Decision.NOT_ACCEPT
    per_100 = plan("A", "1000")  # nonconformities per 100 items may exceed n
    assert per_100.decide([per_100.acceptance_number], nonconformities=True).decision is (
        Decision.ACCEPT
    )


def test_double_decisions_follow_the_cumulative_counts() -> None:
    p = plan("J", "2.5", scheme="double")  # 50: 2/5; 50 (cumulative 100): 6/7
    assert p.decide([2]).decision is Decision.ACCEPT
    assert p.decide([5]).decision is Decision.NOT_ACCEPT
    step = p.decide([3])
    assert (step.decision, step.stage, step.cumulative_sample_size) == (Decision.NEXT_SAMPLE, 1, 50)
    assert p.decide([3, 3]).decision is Decision.ACCEPT
    final = p.decide([3, 4])
    assert (final.decision, final.stage, final.cumulative_count) == (Decision.NOT_ACCEPT, 2, 7)


def test_multiple_plans_never_accept_at_a_hash_stage() -> None:
    p = plan("J", "2.5", scheme="multiple")
    assert p.decide([0]).decision is Decision.NEXT_SAMPLE  # '#' at stage 1


@given(st.data())
def test_a_full_set_of_counts_always_decides(data: st.DataObject) -> None:
    letter = data.draw(st.sampled_from("DEFGHJKLMNPQR"))
    aql = data.draw(st.sampled_from(gbt.AQLS[:16]))
    scheme = data.draw(st.sampled_from(SCHEMES))
    p = plan(letter, aql, scheme=scheme)
    counts = []
    for stage in p.stages:
        counts.append(data.draw(st.integers(0, min(stage.sample_size, 40))))
        outcome = p.decide(counts)
        if outcome.decision is not Decision.NEXT_SAMPLE:
            break
    assert outcome.decision is not Decision.NEXT_SAMPLE or len(counts) < len(p.stages)
    if len(counts) == len(p.stages):
        assert outcome.decision is not Decision.NEXT_SAMPLE


def test_user_built_single_plan_matches_exact_binomial() -> None:
    """SingleSamplingPlan(n, c) outside the tables; Pa checked against exact fractions."""
    p = SingleSamplingPlan(sample_size=20, acceptance_number=1)
    assert p.code_letter is None
    assert p.rejection_number == 2
    q = Fraction(1, 10)
    exact = sum(Fraction(comb(20, k)) * q**k * (1 - q) ** (20 - k) for k in range(2))
    assert p.probability_of_acceptance(0.1) == pytest.approx(float(exact), rel=1e-13)


def test_cumulative_numbers_never_decrease_in_table_plans() -> None:
    for letter in "DEFGHJKLMNPQR":
        for aql in gbt.AQLS:
            for scheme in ("double", "multiple"):
                p = plan(letter, aql, scheme=scheme)
                res = [s.rejection_number for s in p.stages]
                assert all(x <= y for x, y in pairwise(res))
