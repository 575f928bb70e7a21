"""``qsdomain sampling``: sampling inspection by attributes (GB/T 2828.1-2012)."""

from __future__ import annotations

import argparse
from decimal import Decimal
from itertools import accumulate

import attrs

from qsdomain.cli._arguments import aql, choice, whole
from qsdomain.cli._family import Commands, Family
from qsdomain.cli._output import Reply, table
from qsdomain.cli._plot import draw, plot_file
from qsdomain.errors import InvalidInputError
from qsdomain.limits import MAX_OC_POINTS
from qsdomain.sampling import LotPlan, Model, SamplingPlan, Scheme, Severity, TableSource, plan_for

#: Nothing here is library API: the commands are the interface, FAMILY is read by the CLI.
__all__: list[str] = []

STANDARD = "GB/T 2828.1-2012 (ISO 2859-1:1999)"


@attrs.frozen
class PlanAnswer:
    """``sampling plan``: the plan for the lot, the scheme asked for, and the table's source."""

    standard: str
    lot_plan: LotPlan
    requested_scheme: Scheme
    source: TableSource


@attrs.frozen
class OCPoint:
    """One row of the OC table; AOQ and ATI are ``None`` under the Poisson model."""

    p: float
    pa: float
    asn: float
    aoq: float | None
    ati: float | None


@attrs.frozen
class OCAnswer:
    """``sampling oc``: the plan for the lot and its operating characteristic."""

    standard: str
    lot_plan: LotPlan
    model: Model
    points: tuple[OCPoint, ...]


def _lot_plan(args: argparse.Namespace) -> LotPlan:
    lot_size: int = args.lot_size
    aql_text: str = args.aql
    level: str = args.level
    return plan_for(lot_size, aql_text, level, Severity(args.severity), Scheme(args.scheme))


def _plan_text(answer: PlanAnswer) -> str:
    chosen, plan = answer.lot_plan, answer.lot_plan.plan
    severity = plan.severity.value if plan.severity is not None else ""
    lines = [
        f"GB/T 2828.1-2012: lot of {chosen.lot_size}, AQL {chosen.aql}, level {chosen.level}, "
        f"{severity} inspection, {plan.scheme.value} sampling",
        f"code letter {plan.code_letter}",
    ]
    if plan.code_letter != chosen.table_code_letter:
        lines[-1] += (
            f" (Table 1 gives {chosen.table_code_letter}; the table's arrow leads to "
            f"{plan.code_letter})"
        )
    if plan.scheme is not answer.requested_scheme:
        lines.append(
            f"no {answer.requested_scheme.value} plan is printed here: the standard uses this "
            "one instead"
        )
    if chosen.hundred_percent:
        lines.append(
            f"the sample size {plan.stages[0].sample_size} is not smaller than the lot: "
            f"inspect all {chosen.lot_size} items (100 %)"
        )
    if answer.source.single_source:
        lines.append(
            f"note: Table {answer.source.table} rests on one public transcription only "
            "(docs/sampling-tables.md)"
        )
    lines.extend(f"doubt: {reason}" for reason in answer.source.doubts)
    sizes = [stage.sample_size for stage in plan.stages]
    rows = [
        (i, stage.sample_size, total, "#" if stage.acceptance_number is None else
         stage.acceptance_number, stage.rejection_number)
        for i, (stage, total) in enumerate(zip(plan.stages, accumulate(sizes), strict=True), 1)
    ]  # fmt: skip
    columns = [("stage", 5), ("sample", 7), ("cumulative", 10), ("Ac", 4), ("Re", 4)]
    lines.extend(table(columns, rows))
    return "\n".join(lines)


def _plan(args: argparse.Namespace) -> Reply:
    chosen = _lot_plan(args)
    answer = PlanAnswer(STANDARD, chosen, Scheme(args.scheme), chosen.source)
    return Reply(answer, _plan_text(answer))


def _oc_grid(plan: SamplingPlan, model: Model, lot_size: int, points: int) -> list[float]:
    """Quality levels from 0 up to where Pa falls to 0.001 (found by bisection)."""
    grid_model = Model.POISSON if model is Model.POISSON else Model.BINOMIAL
    lo, hi = 0.0, 1.0
    while grid_model is Model.POISSON and plan.probability_of_acceptance(hi, "poisson") > 1e-3:
        hi *= 2
    for _ in range(60):
        mid = (lo + hi) / 2
        if plan.probability_of_acceptance(mid, grid_model.value) > 1e-3:
            lo = mid
        else:
            hi = mid
    grid = [hi * i / (points - 1) for i in range(points)]
    if model is Model.HYPERGEOMETRIC:
        # The lot holds a whole number of nonconforming items.
        grid = sorted({round(p * lot_size) / lot_size for p in grid})
    return grid


def _check_model(chosen: LotPlan, model: Model) -> None:
    """AQLs above 10 are nonconformities per 100 items only (the AQL series of GB/T
    2828.1-2012 Tables 2 to 4); the binomial and hypergeometric models count nonconforming
    items, so they do not apply there."""
    if model is not Model.POISSON and Decimal(chosen.aql) > 10:
        raise InvalidInputError(
            "--model",
            model.value,
            f"poisson for AQL {chosen.aql}: AQLs above 10 are nonconformities per 100 items",
        )


def _oc_points(plan: SamplingPlan, model: Model, lot: int, grid: list[float]) -> list[OCPoint]:
    hyper_lot = lot if model is Model.HYPERGEOMETRIC else None
    pa = plan.oc_curve(grid, model.value, hyper_lot)
    if model is Model.POISSON:
        return [
            OCPoint(p, a, plan.average_sample_number(p, model.value, hyper_lot), None, None)
            for p, a in zip(grid, pa, strict=True)
        ]
    return [
        OCPoint(
            p,
            a,
            plan.average_sample_number(p, model.value, hyper_lot),
            plan.average_outgoing_quality(p, lot, model.value),
            plan.average_total_inspection(p, lot, model.value),
        )
        for p, a in zip(grid, pa, strict=True)
    ]


def _oc_text(answer: OCAnswer, title: str) -> str:
    poisson = answer.model is Model.POISSON
    columns = [("p", 9), ("Pa", 8), ("ASN", 8)]
    if not poisson:
        columns += [("AOQ %", 8), ("ATI", 8)]
    rows = []
    for pt in answer.points:
        row = [f"{pt.p * 100:.4f}", f"{pt.pa:.4f}", f"{pt.asn:.1f}"]
        if pt.aoq is not None and pt.ati is not None:
            row += [f"{pt.aoq * 100:.4f}", f"{pt.ati:.1f}"]
        rows.append(row)
    return "\n".join([title, *table(columns, rows)])


def _oc(args: argparse.Namespace) -> Reply:
    chosen = _lot_plan(args)
    model = Model(args.model)
    _check_model(chosen, model)
    plan = chosen.plan
    grid = _oc_grid(plan, model, chosen.lot_size, args.points)
    answer = OCAnswer(
        STANDARD, chosen, model, tuple(_oc_points(plan, model, chosen.lot_size, grid))
    )
    unit = "nonconformities per 100 items" if model is Model.POISSON else "% nonconforming"
    severity = plan.severity.value if plan.severity is not None else ""
    title = (
        f"OC of the {plan.scheme.value} {severity} plan, code letter {plan.code_letter}, "
        f"AQL {chosen.aql} ({model.value}; p in {unit})"
    )
    text = _oc_text(answer, title)
    target: str | None = args.plot
    if target is not None:
        xs = [pt.p * 100 for pt in answer.points]
        ys = [pt.pa for pt in answer.points]
        xlabel, ylabel = f"quality p ({unit})", "probability of acceptance Pa"
        draw(target, xs, ys, title=title, xlabel=xlabel, ylabel=ylabel)
        text += f"\nplot written to {target}"
    return Reply(answer, text)


def _add_plan_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lot-size",
        type=whole("--lot-size"),
        required=True,
        metavar="N",
        help="the number of items in the lot",
    )
    p.add_argument(
        "--aql", type=aql(), required=True, metavar="AQL", help="acceptance quality limit, "
        "one of the tables' series 0.010 ... 1000 (above 10: nonconformities per 100 items)"
    )  # fmt: skip
    p.add_argument(
        "--level", default="II", help="inspection level: S-1 .. S-4, I, II (default), III"
    )
    for option, enum, what in (
        ("--severity", Severity, "inspection"),
        ("--scheme", Scheme, "sampling"),
    ):
        values = [member.value for member in enum]
        p.add_argument(
            option,
            type=choice(option, values),
            default=values[0],
            metavar="{" + ",".join(values) + "}",
            help=f"{', '.join(values[:-1])} or {values[-1]} {what} (default {values[0]})",
        )


def _register(commands: Commands) -> None:
    p = commands.add("plan", "the sampling plan for a lot", _plan)
    _add_plan_options(p)
    p = commands.add("oc", "the OC curve (Pa, ASN, AOQ, ATI) of that plan", _oc)
    _add_plan_options(p)
    p.add_argument(
        "--points",
        type=whole("--points", 2, MAX_OC_POINTS),
        default=50,
        metavar="N",
        help=f"rows of the table, 2 to {MAX_OC_POINTS} (default 50)",
    )
    models = [m.value for m in Model]
    p.add_argument(
        "--model",
        type=choice("--model", models),
        default="binomial",
        metavar="{" + ",".join(models) + "}",
        help="binomial (default) or hypergeometric: fraction nonconforming; poisson: "
        "nonconformities per item",
    )
    p.add_argument(
        "--plot",
        type=plot_file(),
        metavar="FILE",
        help="also draw the curve into FILE (.png, .svg, .pdf, ...; needs qsdomain[plot])",
    )


FAMILY = Family("sampling", "sampling inspection by attributes (GB/T 2828.1-2012)", _register)
