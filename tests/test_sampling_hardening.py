"""Bad input to the sampling package: every refusal a typed error naming the field, in bounded
time (issue #6, hardening), and error paths equal to the JSON paths (issue #7)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from itertools import count

import attrs
import pytest

from qsdomain.errors import InvalidInputError, QSDomainError, StructuringError
from qsdomain.sampling import (
    DoubleSamplingPlan,
    LotPlan,
    LotResult,
    MultipleSamplingPlan,
    SamplingPlan,
    Severity,
    SingleSamplingPlan,
    Stage,
    SwitchingState,
    TableSource,
    Transition,
    apply,
    approve_reduced,
    authority_requires_normal,
    code_letter,
    lot_result,
    normalize_aql,
    plan,
    plan_for,
    production_irregular,
    record,
    replay,
    resume_after_corrective_action,
    table_source,
)
from qsdomain.sampling import _gbt2828_1_2012 as gbt
from qsdomain.serialization import from_json, structure, to_json, unstructure

WRONG_TYPES: list[object] = [
    None,
    True,
    float("nan"),
    float("inf"),
    ["II"],
    b"1.5",
    10**100,
    -1,
    datetime(2026, 1, 1),  # noqa: DTZ001 - a wrong type on purpose
    {},
    1j,
]


# -- 1. AQL, level, lot size, code letter ---------------------------------------------------------


@pytest.mark.parametrize(
    "aql",
    [
        "sNaN",
        Decimal("sNaN"),
        "NaN",
        Decimal("Infinity"),
        "1_5",
        "1e1",
        "+1.5",
        "1.5.0",
        *WRONG_TYPES,
    ],
)
def test_a_bad_aql_is_refused_naming_the_field_and_the_series(aql: object) -> None:
    """Regression: "sNaN" raised decimal.InvalidOperation and "1_5" gave the AQL 15 plan."""
    for call in (normalize_aql, lambda a: plan_for(2000, a), lambda a: plan("K", a)):
        with pytest.raises(InvalidInputError) as info:
            call(aql)
        assert info.value.field == "aql"
        assert "0.010" in info.value.allowed
        assert "1000" in info.value.allowed


def test_good_aql_spellings_still_work() -> None:
    assert [normalize_aql(a) for a in ("1.5", " 1.50 ", 1.5, Decimal("1.50"), 15, "0.4")] == [
        "1.5",
        "1.5",
        "1.5",
        "1.5",
        "15",
        "0.40",
    ]


@pytest.mark.parametrize("level", ["IV", "", "S-5", *WRONG_TYPES])
def test_a_bad_level_is_refused(level: object) -> None:
    """Regression: level=["II"] raised TypeError (unhashable)."""
    for call in (lambda v: plan_for(2000, "1.5", level=v), lambda v: code_letter(100, v)):
        with pytest.raises(InvalidInputError) as info:
            call(level)
        assert info.value.field == "level"
        assert "S-1" in info.value.allowed


@pytest.mark.parametrize("lot_size", [None, True, 1.5, float("nan"), "2000", [2000], 1, 0, -5])
def test_a_bad_lot_size_is_refused(lot_size: object) -> None:
    for call in (code_letter, lambda n: plan_for(n, "1.0")):
        with pytest.raises(InvalidInputError) as info:
            call(lot_size)
        assert info.value.field == "lot_size"


@pytest.mark.parametrize("letter", ["T", "I", "", "KK", *WRONG_TYPES])
@pytest.mark.parametrize("severity", ["normal", "loose", None, ["normal"]])
def test_plan_refuses_bad_letters_and_severities(letter: object, severity: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        plan(letter, "1.0", severity)  # type: ignore[arg-type]
    assert info.value.field in ("code_letter", "severity")


# -- 2. decide and lot_result ---------------------------------------------------------------------


def test_every_single_plan_with_ac_2_or_more_has_a_plan_one_step_tighter() -> None:
    """9.3.3.2 a) 1) asks whether the lot would have been accepted at the AQL one step tighter.
    In Table 2-A that is always a plan at the same code letter (same sample size), and the
    smallest AQL, 0.010, holds no plan with Ac >= 2, so "one step tighter" never leaves the
    table (the old code wrapped round to AQL 1000)."""
    for letter, row in gbt.SINGLE_NORMAL.items():
        for column, cell in enumerate(row):
            if isinstance(cell, tuple) and cell[0] >= 2:
                assert column > 0, (letter, gbt.AQLS[column])
                tighter = row[column - 1]
                assert isinstance(tighter, tuple), (letter, gbt.AQLS[column])
    assert [c for c in (row[0] for row in gbt.SINGLE_NORMAL.values()) if isinstance(c, tuple)] == [
        (0, 1)
    ]


def test_the_plan_of_the_issue_cannot_be_built_and_0010_scores_without_a_tighter_aql() -> None:
    """Regression: SingleSamplingPlan(2000, 2, "R", "0.010", NORMAL) was accepted and lot_result
    looked up AQL 1000 as "one step tighter". The plan contradicts Table 2-A; the real plan at
    0.010 has Ac = 0, so clause 9.3.3.2 a) 2) applies and no tighter AQL is read."""
    with pytest.raises(InvalidInputError) as info:
        SingleSamplingPlan(2000, 2, code_letter="R", aql="0.010", severity=Severity.NORMAL)
    assert info.value.field == "plan"
    smallest = plan("R", "0.010")
    assert (smallest.code_letter, smallest.acceptance_number) == ("Q", 0)
    assert lot_result(smallest, [0]).accepted_at_tighter_aql is None


@pytest.mark.parametrize("chosen", [None, "K", 3, plan_for(2000, "1.0")])
def test_lot_result_refuses_what_is_not_a_plan(chosen: object) -> None:
    """Regression: lot_result(None, [1]) raised AttributeError."""
    with pytest.raises(InvalidInputError) as info:
        lot_result(chosen, [1])  # type: ignore[arg-type]
    assert info.value.field == "plan"


def test_a_plan_labelled_banana_never_reaches_lot_result() -> None:
    """Regression: aql="banana" reached lot_result and raised ValueError from tuple.index."""
    with pytest.raises(InvalidInputError) as info:
        SingleSamplingPlan(125, 5, code_letter="K", aql="banana", severity=Severity.NORMAL)
    assert info.value.field == "plan.aql"


BAD_COUNTS: list[tuple[object, str]] = [
    (None, "counts"),
    ("3", "counts"),
    (b"\x03", "counts"),
    ({0: 3}, "counts"),
    (3, "counts"),
    ([3.0], "counts[0]"),
    ([True], "counts[0]"),
    (["3"], "counts[0]"),
    ([-1], "counts[0]"),
    ([126], "counts[0]"),
    ([1, 1], "counts"),
    ([], "counts"),
]


@pytest.mark.parametrize(("counts", "field"), BAD_COUNTS)
def test_decide_and_lot_result_refuse_bad_counts(counts: object, field: str) -> None:
    """Regression: plan.decide(None) raised TypeError."""
    chosen = plan("K", "1.5")  # n = 125
    calls: list[Callable[[object], object]] = [
        chosen.decide,  # type: ignore[list-item]
        lambda c: lot_result(chosen, c),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(InvalidInputError) as info:
            call(counts)
        assert info.value.field == field


@pytest.mark.parametrize("scheme", ["single", "double", "multiple"])
def test_a_huge_generator_of_counts_is_refused_at_once(scheme: str) -> None:
    chosen = plan("K", "1.5", scheme=scheme)
    for call in (chosen.decide, lambda c: lot_result(chosen, c)):
        source = (i % 2 for i in range(10**9))
        started = time.perf_counter()
        with pytest.raises(InvalidInputError):
            call(source)
        assert time.perf_counter() - started < 0.5
        assert next(source) == (len(chosen.stages) + 1) % 2  # read one past the stages, no more
    with pytest.raises(InvalidInputError):
        chosen.decide(count())


# -- 3. Labels, LotPlan and TableSource checked against the tables --------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (
            lambda: SingleSamplingPlan(3, 0, code_letter="K", aql="1.5", severity="normal"),
            "plan.severity",
        ),
        (
            lambda: SingleSamplingPlan(3, 0, code_letter="K", aql="1.5", severity=Severity.NORMAL),
            "plan",
        ),
        (lambda: SingleSamplingPlan(125, 5, code_letter="Z", aql="banana"), "plan.severity"),
        (
            lambda: SingleSamplingPlan(
                125, 5, code_letter="Z", aql="1.5", severity=Severity.NORMAL
            ),
            "plan.code_letter",
        ),
        (
            lambda: SingleSamplingPlan(125, 5, code_letter="K", aql=1.5, severity=Severity.NORMAL),
            "plan.aql",
        ),
        (
            lambda: SingleSamplingPlan(
                125, 5, code_letter="K", aql="1.50", severity=Severity.NORMAL
            ),
            "plan.aql",
        ),
        (lambda: SingleSamplingPlan(125, 5, code_letter="K"), "plan.severity"),
        (
            lambda: SingleSamplingPlan(
                125, 5, code_letter="K", aql="1.5", severity=Severity.REDUCED
            ),
            "plan",
        ),
        (  # the plan of letter E, labelled with the row whose arrow leads to it
            lambda: SingleSamplingPlan(13, 0, code_letter="A", aql="1.0", severity=Severity.NORMAL),
            "plan",
        ),
        (
            lambda: DoubleSamplingPlan(
                (Stage(50, 2, 5), Stage(50, 6, 7)),
                code_letter="K",
                aql="2.5",
                severity=Severity.NORMAL,
            ),
            "plan",
        ),
        (
            lambda: MultipleSamplingPlan(
                plan("J", "2.5", scheme="multiple").stages,
                code_letter="J",
                aql="1.5",
                severity=Severity.NORMAL,
            ),
            "plan",
        ),
    ],
)
def test_a_labelled_plan_must_be_the_tables_plan(
    build: Callable[[], SamplingPlan], field: str
) -> None:
    """Regression: table_source(SingleSamplingPlan(3, 0, "K", "1.5", NORMAL)).verified was True
    and SingleSamplingPlan(125, 5, code_letter="Z", aql="banana") was accepted."""
    with pytest.raises(InvalidInputError) as info:
        build()
    assert info.value.field == field


def test_the_contradicted_cell_is_named() -> None:
    with pytest.raises(InvalidInputError, match=r"Table 2-A gives at code letter K, AQL 1\.5"):
        SingleSamplingPlan(3, 0, code_letter="K", aql="1.5", severity=Severity.NORMAL)


@pytest.mark.parametrize("severity", list(Severity))
@pytest.mark.parametrize("scheme", ["single", "double", "multiple"])
def test_every_plan_from_the_tables_carries_labels_that_rebuild_it(
    severity: Severity, scheme: str
) -> None:
    """The label check accepts every plan the tables give, and table_source finds its table."""
    for letter in "ABCDEFGHJKLMNPQR":
        for aql in gbt.AQLS:
            chosen = plan(letter, aql, severity, scheme)
            rebuilt = structure(unstructure(chosen), SamplingPlan)  # type: ignore[type-abstract]
            assert rebuilt == chosen
            assert table_source(chosen).table[0] == "234"[len(chosen.stages) // 2]


def _lot_plan_json(**changes: object) -> str:
    data = unstructure(plan_for(2000, "1.0"))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"plan": {"scheme": "single", "sample_size": 2, "acceptance_number": 0}}, "$.plan"),
        ({"plan": unstructure(plan("K", "1.0", scheme="double"))["stages"]}, "$.plan"),
        ({"plan": unstructure(plan("L", "1.0"))}, "$.plan"),
        ({"plan": unstructure(plan("K", "1.5"))}, "$.plan"),
        ({"table_code_letter": "J"}, "$.table_code_letter"),
        ({"hundred_percent": True}, "$.hundred_percent"),
        ({"aql": "1.00"}, "$.aql"),
    ],
)
def test_a_lot_plan_from_json_is_checked_against_the_tables(
    changes: dict[str, object], path: str
) -> None:
    """Regression: a LotPlan whose plan was replaced by n = 2, Ac = 0 loaded from JSON."""
    with pytest.raises(StructuringError) as info:
        from_json(_lot_plan_json(**changes), LotPlan)
    assert info.value.field == path


def test_a_lot_plan_may_hold_a_plan_for_any_severity() -> None:
    lp = plan_for(2000, "1.0", severity="tightened")
    assert from_json(to_json(lp), LotPlan) == lp


def test_a_lot_plan_may_hold_the_plan_a_double_table_sends_you_to() -> None:
    """Table 3-A prints * at A/6.5: the single plan is used, and such a LotPlan still loads."""
    lp = plan_for(5, "6.5", scheme="double")
    assert lp.plan.scheme.value == "single"
    assert from_json(to_json(lp), LotPlan) == lp


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"table": "2-A", "single_source": False, "doubts": "abc"}, "$.doubts"),
        ({"table": "9-Z", "single_source": False, "doubts": []}, "$.table"),
        ({"table": "2-A", "single_source": 0, "doubts": []}, "$.single_source"),
        ({"table": "2-A", "single_source": False, "doubts": ["a", 1]}, "$.doubts[1]"),
        ({"table": "2-A", "single_source": False, "doubts": ["a", "b", "c"]}, "$.doubts"),
    ],
)
def test_a_table_source_validates_its_fields(data: dict[str, object], path: str) -> None:
    """Regression: doubts="abc" was structured as ('a', 'b', 'c')."""
    with pytest.raises(StructuringError) as info:
        structure(data, TableSource)
    assert info.value.field == path
    with pytest.raises(InvalidInputError):
        TableSource(**data)  # type: ignore[arg-type]


# -- 4. SwitchingState and LotResult lists and flags ----------------------------------------------


@pytest.mark.parametrize(
    "value", ["x" * 1_000_000, [True] * 1_000_000, (b for b in [True] * 10**6), "TT"]
)
def test_recent_normal_results_are_bounded_and_never_a_string(value: object) -> None:
    """Regression: a 1,000,000-character string took 16 s and gave one error per character.
    Clause 9.3.1 looks back over at most 5 lots, so at most the 4 before the next are kept."""
    started = time.perf_counter()
    with pytest.raises(InvalidInputError) as info:
        SwitchingState(recent_normal_results=value)  # type: ignore[arg-type]
    assert info.value.field == "switching_state.recent_normal_results"
    if not isinstance(value, type(b for b in ())):
        with pytest.raises(StructuringError) as info:
            structure({"recent_normal_results": value}, SwitchingState)
        assert info.value.field == "$.recent_normal_results"
    assert time.perf_counter() - started < 1.0


def test_recent_normal_results_accept_any_list_of_flags() -> None:
    state = SwitchingState(recent_normal_results=[True, False])  # type: ignore[arg-type]
    assert state.recent_normal_results == (True, False)
    with pytest.raises(InvalidInputError) as info:
        SwitchingState(recent_normal_results=[True, 1])  # type: ignore[list-item]
    assert info.value.field == "switching_state.recent_normal_results[1]"


@pytest.mark.parametrize(
    ("data", "cls", "path"),
    [
        ({"severity": "loose"}, SwitchingState, "$.severity"),
        ({"discontinued": 1}, SwitchingState, "$.discontinued"),
        ({"severity": "tightened", "tightened_not_accepted": 5}, SwitchingState,
         "$.tightened_not_accepted"),
        ({"event": "lot", "accepted": True, "scheme": "double", "decided_at_stage": 3},
         LotResult, "$.decided_at_stage"),
    ],
)  # fmt: skip
def test_switching_errors_carry_the_json_path(
    data: dict[str, object], cls: type, path: str
) -> None:
    with pytest.raises(StructuringError) as info:
        structure(data, cls)
    assert info.value.field == path


# -- 6. Stage paths are 0-based and equal the JSON path -------------------------------------------


MULTIPLE = MultipleSamplingPlan(
    (Stage(5, None, 2), Stage(5, 0, 3), Stage(5, 1, 3), Stage(5, 2, 4), Stage(5, 3, 4))
)


def _plan_json(chosen: SamplingPlan, stage: int, **changes: object) -> str:
    data = unstructure(chosen)
    data["stages"][stage].update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("chosen", "stage", "changes", "path"),
    [
        (DoubleSamplingPlan((Stage(5, 0, 3), Stage(5, 3, 4))), 1, {"acceptance_number": "x"},
         "$.stages[1].acceptance_number"),
        (DoubleSamplingPlan((Stage(5, 0, 3), Stage(5, 3, 4))), 1, {"rejection_number": 5},
         "$.stages[1]"),
        (DoubleSamplingPlan((Stage(5, 0, 3), Stage(5, 3, 4))), 0, {"acceptance_number": None},
         "$.stages[0]"),
        (DoubleSamplingPlan((Stage(5, 0, 3), Stage(5, 3, 4))), 0, {"sample_size": 0},
         "$.stages[0].sample_size"),
        (plan("K", "1.0", scheme="multiple"), 4, {"rejection_number": 99}, "$.stages[4]"),
        (MULTIPLE, 3, {"acceptance_number": 0}, "$.stages[3]"),
        (plan("K", "1.0", scheme="multiple"), 0, {"sample_size": 7}, "$"),  # not the table plan
        (plan("K", "1.0", scheme="multiple"), 1, {"acceptance_number": -1},
         "$.stages[1].acceptance_number"),
    ],
)  # fmt: skip
def test_a_bad_stage_is_reported_at_its_json_path(
    chosen: SamplingPlan, stage: int, changes: dict[str, object], path: str
) -> None:
    """Regression: the second stage of a double plan was reported as $.stages[2]."""
    with pytest.raises(StructuringError) as info:
        from_json(_plan_json(chosen, stage, **changes), SamplingPlan)  # type: ignore[type-abstract]
    assert info.value.field == path


def test_every_refusal_is_a_qsdomain_error() -> None:
    """The whole family above is also ValueError, so older callers keep working."""
    with pytest.raises(QSDomainError):
        plan_for(2000, "sNaN")
    with pytest.raises(ValueError, match="aql"):
        plan_for(2000, Decimal("sNaN"))


# -- Misuse of the switching functions and values -------------------------------------------------

NOT_A_STATE: list[object] = [None, True, "normal", [], {}, 1.5, datetime(2026, 1, 1)]  # noqa: DTZ001


@pytest.mark.parametrize("state", NOT_A_STATE)
def test_the_switching_rules_refuse_what_is_not_a_state(state: object) -> None:
    """Regression: record(None, lot) and friends raised AttributeError."""
    lot = LotResult(accepted=True, acceptance_number=1)
    calls: list[Callable[[], object]] = [
        lambda: record(state, lot),  # type: ignore[arg-type]
        lambda: apply(state, lot),  # type: ignore[arg-type]
        lambda: approve_reduced(state, True),  # type: ignore[arg-type]
        lambda: production_irregular(state),  # type: ignore[arg-type]
        lambda: authority_requires_normal(state),  # type: ignore[arg-type]
        lambda: resume_after_corrective_action(state),  # type: ignore[arg-type]
    ]
    if state is not None:  # replay's start=None means SwitchingState.start()
        calls.append(lambda: replay([lot], start=state))  # type: ignore[arg-type]
    for call in calls:
        with pytest.raises(InvalidInputError) as info:
            call()
        assert info.value.field == "state"


@pytest.mark.parametrize("events", [None, 3, "lot", b"x", {"event": "lot"}])
def test_replay_refuses_what_is_not_a_list_of_events(events: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        replay(events)  # type: ignore[arg-type]
    assert info.value.field == "events"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Transition(from_="normal", to="tightened", clause=[], reason="x"),
         "transition.clause"),
        (lambda: Transition(from_="normal", to="tightened", clause="9.3.1", reason=None),
         "transition.reason"),
        (lambda: TableSource([], single_source=False, doubts=()), "table_source.table"),  # type: ignore[arg-type]
        (lambda: TableSource({}, single_source=False, doubts=()), "table_source.table"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_unhashable_labels_are_refused(build: Callable[[], object], field: str) -> None:
    """Regression: a list as a clause or table name raised TypeError (unhashable)."""
    with pytest.raises(InvalidInputError) as info:
        build()
    assert info.value.field == field


def test_nonconformities_must_be_a_flag() -> None:
    with pytest.raises(InvalidInputError) as info:
        plan("K", "1.5").decide([1], nonconformities="yes")  # type: ignore[arg-type]
    assert info.value.field == "nonconformities"


# -- #18 item 13: an AQL from numpy -------------------------------------------------------------


def test_a_numpy_float_aql_is_the_float_it_is() -> None:
    """Regression: plan_for(2000, numpy.float64(1.5)) raised decimal.InvalidOperation (the AQL
    was read through repr, which numpy spells "np.float64(1.5)")."""
    numpy = pytest.importorskip("numpy")
    assert plan_for(2000, numpy.float64(1.5)) == plan_for(2000, "1.5")
    assert normalize_aql(numpy.float64(0.065)) == "0.065"
    assert normalize_aql(numpy.int64(10)) == "10"


def test_a_float_subclass_aql_is_read_by_its_value_not_its_repr() -> None:
    class Shown(float):
        def __repr__(self) -> str:
            return "one and a half"

    assert normalize_aql(Shown(1.5)) == "1.5"


@pytest.mark.parametrize("name", ["float32", "bool_", "str_-bad", "float64-nan"])
def test_other_numpy_scalars_are_typed_errors(name: str) -> None:
    numpy = pytest.importorskip("numpy")
    value = {
        "float32": numpy.float32(0.65),  # 0.64999997...: not an AQL of the tables
        "bool_": numpy.bool_(True),
        "str_-bad": numpy.str_("0.3"),
        "float64-nan": numpy.float64("nan"),
    }[name]
    with pytest.raises(InvalidInputError, match="aql must be one of"):
        plan_for(2000, value)


def test_a_numpy_lot_size_gets_the_plan_of_the_int() -> None:
    """Regression: plan_for(numpy.int64(2000), "1.5") was refused ("hundred_percent must be
    True or False, got np.False_"): the comparison with a numpy int gave a numpy bool."""
    numpy = pytest.importorskip("numpy")
    lot_plan = plan_for(numpy.int64(2000), "1.5")
    assert lot_plan == plan_for(2000, "1.5")
    assert type(lot_plan.lot_size) is int


def test_numpy_whole_numbers_are_stored_as_int_so_the_objects_serialize() -> None:
    """Regression: Stage, SingleSamplingPlan, SwitchingState, LotResult kept numpy.int64
    (SingleSamplingPlan(n, Ac) even computed Re = 0), and to_json refused them later."""
    numpy = pytest.importorskip("numpy")
    from qsdomain.ledgers import Row, RowRejected  # noqa: PLC0415 - the same law for ledgers
    from qsdomain.serialization import from_json, to_json  # noqa: PLC0415

    i = numpy.int64
    for obj in (
        Stage(i(5), i(0), i(1)),
        SingleSamplingPlan(i(125), i(5)),
        SwitchingState(severity="tightened", tightened_not_accepted=numpy.int32(1)),
        LotResult(accepted=True, acceptance_number=i(5)),
        Row(i(3), {"id": "A"}),
        RowRejected(i(3), "line 3: id", "", "present"),
    ):
        assert from_json(to_json(obj), type(obj)) == obj
        numbers = [getattr(obj, f.name) for f in attrs.fields(type(obj))]
        assert not any(type(n).__module__ == "numpy" for n in numbers)
