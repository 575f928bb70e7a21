"""Sampling plans as frozen objects: stages, decisions, and their performance measures."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs

from qsdomain import limits
from qsdomain._checks import (
    as_int,
    as_optional_int,
    enum_member,
    flag,
    items,
    v_whole,
    whole_number,
)
from qsdomain.errors import InvalidInputError
from qsdomain.sampling import _oc
from qsdomain.sampling._oc import Model
from qsdomain.sampling._severity import Scheme, Severity
from qsdomain.sampling._tables import check_labels

__all__ = [
    "Decision",
    "DoubleSamplingPlan",
    "MultipleSamplingPlan",
    "SamplingPlan",
    "SingleSamplingPlan",
    "Stage",
    "StageDecision",
    "probability_of_acceptance",
]


@attrs.frozen
class Stage:
    """One sample of a plan and the cumulative numbers it is judged against.

    >>> Stage(sample_size=32, acceptance_number=1, rejection_number=3)
    Stage(sample_size=32, acceptance_number=1, rejection_number=3)

    Attributes:
        sample_size: the size of this sample (样本量), not cumulative.
        acceptance_number: the cumulative acceptance number Ac (接收数), or ``None`` where the
            standard prints ``#`` (acceptance not permitted at this stage).
        rejection_number: the cumulative rejection number Re (拒收数), above Ac.
    """

    sample_size: int = attrs.field(converter=as_int, validator=v_whole(1))
    acceptance_number: int | None = attrs.field(
        converter=as_optional_int, validator=v_whole(0, optional=True)
    )
    rejection_number: int = attrs.field(converter=as_int)

    @rejection_number.validator
    def _check_re(self, _: attrs.Attribute[int], value: int) -> None:
        low = 1 if self.acceptance_number is None else self.acceptance_number + 1
        whole_number("stage.rejection_number", value, low)

    def as_tuple(self) -> _oc.Limits:
        """``(n, Ac, Re)``, the plain form the numerical core works on."""
        return (self.sample_size, self.acceptance_number, self.rejection_number)


class Decision(enum.Enum):
    """What the counts observed so far decide.

    >>> from qsdomain.sampling import plan
    >>> plan("J", "1.0").decide([3]).decision
    <Decision.NOT_ACCEPT: 'not_accept'>
    """

    ACCEPT = "accept"  # 接收
    NOT_ACCEPT = "not_accept"  # 不接收 (the standard avoids "reject" for the lot)
    NEXT_SAMPLE = "next_sample"  # 抽取下一个样本


def _to_decision(value: Decision | str) -> Decision:
    return enum_member("stage_decision.decision", Decision, value)


@attrs.frozen
class StageDecision:
    """The decision after the counts of the samples inspected so far.

    >>> from qsdomain.sampling import plan
    >>> plan("J", "2.5", scheme="double").decide([3, 2])
    StageDecision(decision=<Decision.ACCEPT: 'accept'>, stage=2, cumulative_count=5,
                  cumulative_sample_size=100)

    Attributes:
        decision: accept, not accept, or take the next sample.
        stage: the stage (1-based) at which the decision was reached.
        cumulative_count: nonconforming items (or nonconformities) found up to that stage.
        cumulative_sample_size: items inspected up to that stage.
    """

    decision: Decision = attrs.field(converter=_to_decision)
    stage: int = attrs.field(converter=as_int, validator=v_whole(1, limits.MAX_ITEMS))
    cumulative_count: int = attrs.field(converter=as_int, validator=v_whole(0))
    cumulative_sample_size: int = attrs.field(converter=as_int, validator=v_whole(1))


def _check_stages(field: str, stages: Sequence[Stage], count: int | None) -> None:
    if not isinstance(stages, tuple) or not all(isinstance(s, Stage) for s in stages):
        raise InvalidInputError(field, stages, "a tuple of Stage objects")
    if count is not None and len(stages) != count:
        raise InvalidInputError(field, len(stages), f"exactly {count} stages")
    if len(stages) < 2:
        raise InvalidInputError(field, len(stages), "at least two stages")
    previous_ac, previous_re = -1, 0
    for i, stage in enumerate(stages):
        ac = -1 if stage.acceptance_number is None else stage.acceptance_number
        if ac < previous_ac or stage.rejection_number < previous_re:
            raise InvalidInputError(
                f"{field}[{i}]", stage, "cumulative Ac and Re that never decrease stage by stage"
            )
        previous_ac, previous_re = ac, stage.rejection_number
    last = stages[-1]
    if last.acceptance_number is None or last.rejection_number != last.acceptance_number + 1:
        raise InvalidInputError(
            f"{field}[{len(stages) - 1}]",
            last,
            "a last stage with Re = Ac + 1, so a decision is reached",
        )


class _PlanMethods:
    """Behaviour every plan shares; subclasses provide ``stages``."""

    aql: str | None

    if TYPE_CHECKING:  # a field of the staged plans, a property of the single plan

        @property
        def stages(self) -> tuple[Stage, ...]:
            """The stages, in order."""

    @property
    def cumulative_sample_sizes(self) -> tuple[int, ...]:
        """Items inspected after each stage (累计样本量)."""
        total, sizes = 0, []
        for stage in self.stages:
            total += stage.sample_size
            sizes.append(total)
        return tuple(sizes)

    @property
    def maximum_sample_size(self) -> int:
        """Items inspected if every stage is needed."""
        return self.cumulative_sample_sizes[-1]

    def decide(self, counts: Iterable[int], *, nonconformities: bool = False) -> StageDecision:
        """Decide from the counts found in each sample so far (not cumulative counts).

        Counting nonconforming items (不合格品), a count cannot exceed its sample size; counting
        nonconformities (不合格, per 100 items), it can, so pass ``nonconformities=True``.

        >>> from qsdomain.sampling import plan
        >>> p = plan("J", "2.5", scheme="double")
        >>> p.stages[0], p.stages[1].acceptance_number
        (Stage(sample_size=50, acceptance_number=2, rejection_number=5), 6)
        >>> p.decide([3]).decision, p.decide([3, 3]).decision
        (<Decision.NEXT_SAMPLE: 'next_sample'>, <Decision.ACCEPT: 'accept'>)
        """
        # A str is not a list of counts; a longer input is refused after len(stages) + 1 items.
        counted = items("counts", counts, max_items=len(self.stages))
        flag("nonconformities", nonconformities)
        if not counted:
            raise InvalidInputError("counts", counted, "at least one count")
        sizes = self.cumulative_sample_sizes
        total = 0
        for i, (element, stage) in enumerate(zip(counted, self.stages, strict=False), 1):
            count = whole_number(f"counts[{i - 1}]", element, 0)
            if not nonconformities and count > stage.sample_size:
                raise InvalidInputError(
                    f"counts[{i - 1}]",
                    count,
                    f"at most the sample size {stage.sample_size} (nonconforming items; pass "
                    "nonconformities=True to count nonconformities)",
                )
            total += count
            n_total = sizes[i - 1]
            if stage.acceptance_number is not None and total <= stage.acceptance_number:
                return StageDecision(Decision.ACCEPT, i, total, n_total)
            if total >= stage.rejection_number:
                if i < len(counted):
                    raise InvalidInputError(
                        "counts", counted, f"no counts after the decision at stage {i}"
                    )
                return StageDecision(Decision.NOT_ACCEPT, i, total, n_total)
        return StageDecision(Decision.NEXT_SAMPLE, len(counted), total, sizes[len(counted) - 1])

    def _tuples(self) -> list[_oc.Limits]:
        return [s.as_tuple() for s in self.stages]

    def probability_of_acceptance(
        self, p: float, model: Model | str = Model.BINOMIAL, lot_size: int | None = None
    ) -> float:
        """Probability of accepting a lot of quality ``p`` (接收概率); see
        :func:`qsdomain.sampling.probability_of_acceptance`.

        >>> round(SingleSamplingPlan(80, 2).probability_of_acceptance(0.01), 4)
        0.9534
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.probability_of_acceptance(self._tuples(), p, m, lot_size)

    def oc_curve(
        self, ps: Iterable[float], model: Model | str = Model.BINOMIAL, lot_size: int | None = None
    ) -> list[float]:
        """Probability of acceptance at each quality level in ``ps`` (OC 曲线), at most
        ``limits.MAX_OC_POINTS`` of them.

        >>> [round(pa, 4) for pa in SingleSamplingPlan(80, 2).oc_curve([0.01, 0.05])]
        [0.9534, 0.2306]
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.oc_curve(self._tuples(), ps, m, lot_size)

    def average_sample_number(
        self, p: float, model: Model | str = Model.BINOMIAL, lot_size: int | None = None
    ) -> float:
        """Average number of items inspected per lot, without curtailment (ASN).

        >>> double = DoubleSamplingPlan((Stage(13, 0, 2), Stage(13, 1, 2)))
        >>> round(double.average_sample_number(0.05), 2)
        17.57
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.average_sample_number(self._tuples(), p, m, lot_size)

    def average_outgoing_quality(
        self, p: float, lot_size: int, model: Model | str = Model.BINOMIAL
    ) -> float:
        """Average outgoing quality under rectifying inspection (AOQ, 平均检出质量).

        >>> round(SingleSamplingPlan(80, 2).average_outgoing_quality(0.01, 1000), 5)
        0.00877
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.average_outgoing_quality(self._tuples(), p, lot_size, m)

    def average_total_inspection(
        self, p: float, lot_size: int, model: Model | str = Model.BINOMIAL
    ) -> float:
        """Average items inspected per lot under rectifying inspection (ATI).

        >>> round(SingleSamplingPlan(80, 2).average_total_inspection(0.01, 1000), 1)
        122.8
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.average_total_inspection(self._tuples(), p, lot_size, m)

    def average_outgoing_quality_limit(
        self, lot_size: int, model: Model | str = Model.BINOMIAL
    ) -> tuple[float, float]:
        """The AOQL (平均检出质量上限) and the quality ``p`` where it occurs.

        >>> aoql, at = SingleSamplingPlan(80, 2).average_outgoing_quality_limit(1000)
        >>> round(aoql, 5), round(at, 4)
        (0.01574, 0.0281)
        """
        m = _oc.plan_model(model, self.aql)
        return _oc.average_outgoing_quality_limit(self._tuples(), lot_size, m)


def _stage_tuples(stages: Sequence[Stage]) -> tuple[tuple[int, int | None, int], ...]:
    return tuple((s.sample_size, s.acceptance_number, s.rejection_number) for s in stages)


@attrs.frozen
class SingleSamplingPlan(_PlanMethods):
    """A single sampling plan (一次抽样方案): one sample of ``n``, accept if at most ``Ac``.

    >>> p = SingleSamplingPlan(sample_size=80, acceptance_number=2)
    >>> p.rejection_number, p.code_letter, p.decide([3]).decision
    (3, None, <Decision.NOT_ACCEPT: 'not_accept'>)
    >>> round(p.probability_of_acceptance(0.01), 4)
    0.9534

    Attributes:
        sample_size: the sample size n (样本量).
        acceptance_number: the acceptance number Ac (接收数).
        rejection_number: the rejection number Re (拒收数); Ac + 1 if not given. ISO 2859-1:1999
            single plans always have Re = Ac + 1 (no "gap" as in MIL-STD-105E reduced plans), so
            any other value is refused: a plan must decide.
        code_letter: the sample size code letter (样本量字码) for plans from the tables.
        aql: the AQL (接收质量限) for plans from the tables, canonical spelling ("2.5").
        severity: normal, tightened or reduced, for plans from the tables.
    """

    sample_size: int = attrs.field(converter=as_int)
    acceptance_number: int = attrs.field(converter=as_int)
    rejection_number: int = attrs.field(converter=as_int)
    code_letter: str | None = attrs.field(default=None, kw_only=True)
    aql: str | None = attrs.field(default=None, kw_only=True)
    severity: Severity | None = attrs.field(default=None, kw_only=True)
    _stage: Stage = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        stage = Stage(self.sample_size, self.acceptance_number, self.rejection_number)
        object.__setattr__(self, "_stage", stage)
        check_labels(
            self.scheme, _stage_tuples((stage,)), self.code_letter, self.aql, self.severity
        )

    @rejection_number.default
    def _default_re(self) -> int:
        return self.acceptance_number + 1 if isinstance(self.acceptance_number, int) else 0

    @sample_size.validator
    def _check_n(self, _: attrs.Attribute[int], value: int) -> None:
        whole_number("plan.sample_size", value, 1)

    @acceptance_number.validator
    def _check_ac(self, _: attrs.Attribute[int], value: int) -> None:
        whole_number("plan.acceptance_number", value, 0)

    @rejection_number.validator
    def _check_re(self, _: attrs.Attribute[int], value: int) -> None:
        if value != self.acceptance_number + 1:
            raise InvalidInputError(
                "plan.rejection_number",
                value,
                f"Ac + 1 = {self.acceptance_number + 1} (a single plan must decide)",
            )

    @property
    def scheme(self) -> Scheme:
        """Always :attr:`Scheme.SINGLE`."""
        return Scheme.SINGLE

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The single stage."""
        return (self._stage,)


@attrs.frozen
class _StagedPlan(_PlanMethods):
    """Fields and checks shared by double and multiple plans."""

    _STAGES: ClassVar[int | None] = None  # the exact number of stages, if fixed

    stages: tuple[Stage, ...] = attrs.field()
    code_letter: str | None = attrs.field(default=None, kw_only=True)
    aql: str | None = attrs.field(default=None, kw_only=True)
    severity: Severity | None = attrs.field(default=None, kw_only=True)

    @stages.validator
    def _check(self, _: attrs.Attribute[tuple[Stage, ...]], value: tuple[Stage, ...]) -> None:
        _check_stages("plan.stages", value, self._STAGES)

    def __attrs_post_init__(self) -> None:
        self._check_first_stage()
        scheme: Scheme = getattr(self, "scheme")  # noqa: B009 - defined by the subclasses
        stages = _stage_tuples(self.stages)
        check_labels(scheme, stages, self.code_letter, self.aql, self.severity)

    def _check_first_stage(self) -> None:
        """Nothing beyond the stage laws, unless a subclass says otherwise."""


@attrs.frozen
class DoubleSamplingPlan(_StagedPlan):
    """A double sampling plan (二次抽样方案): two samples, cumulative Ac and Re.

    >>> p = DoubleSamplingPlan((Stage(32, 1, 4), Stage(32, 4, 5)))
    >>> p.maximum_sample_size, p.decide([2]).decision
    (64, <Decision.NEXT_SAMPLE: 'next_sample'>)

    A plan labelled with a code letter, AQL and severity must be the tables' plan for them:

    >>> DoubleSamplingPlan((Stage(32, 1, 4), Stage(32, 4, 5)), code_letter="K", aql="1.0",
    ...                    severity=Severity.NORMAL)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: plan must be the plan Table 3-A gives at code letter K, ...

    Attributes:
        stages: the two stages; the first has an Ac, the second has Re = Ac + 1.
        code_letter: the sample size code letter, for plans from the tables.
        aql: the AQL, canonical spelling, for plans from the tables.
        severity: normal, tightened or reduced, for plans from the tables.
    """

    _STAGES: ClassVar[int | None] = 2

    def _check_first_stage(self) -> None:
        if self.stages[0].acceptance_number is None:
            raise InvalidInputError("plan.stages[0]", self.stages[0], "a first stage with an Ac")

    @property
    def scheme(self) -> Scheme:
        """Always :attr:`Scheme.DOUBLE`."""
        return Scheme.DOUBLE


@attrs.frozen
class MultipleSamplingPlan(_StagedPlan):
    """A multiple sampling plan (多次抽样方案; five stages in GB/T 2828.1-2012 Tables 4).

    >>> from qsdomain.sampling import plan
    >>> p = plan("J", "1.0", scheme="multiple")
    >>> p.stages[0], p.decide([0, 0, 0]).decision
    (Stage(sample_size=20, acceptance_number=None, rejection_number=2),
     <Decision.ACCEPT: 'accept'>)

    Attributes:
        stages: the stages, in order; ``acceptance_number`` is ``None`` where acceptance is not
            permitted; the last stage has Re = Ac + 1.
        code_letter: the sample size code letter, for plans from the tables.
        aql: the AQL, canonical spelling, for plans from the tables.
        severity: normal, tightened or reduced, for plans from the tables.
    """

    @property
    def scheme(self) -> Scheme:
        """Always :attr:`Scheme.MULTIPLE`."""
        return Scheme.MULTIPLE


SamplingPlan = SingleSamplingPlan | DoubleSamplingPlan | MultipleSamplingPlan
"""Any of the three plan types.

>>> from qsdomain.sampling import plan
>>> isinstance(plan("J", "1.0", scheme="double"), SamplingPlan)
True
"""


def probability_of_acceptance(
    plan: SamplingPlan,
    p: float,
    model: Model | str = Model.BINOMIAL,
    lot_size: int | None = None,
) -> float:
    """Probability that ``plan`` accepts a lot of quality ``p`` (接收概率 Pa).

    ``model`` says what ``p`` means:

    * ``"binomial"``: the fraction nonconforming (不合格品率), ``0 <= p <= 1``;
    * ``"poisson"``: the mean number of nonconformities per item (per-100-items / 100, may
      exceed 1); the count in a sample of n is Poisson with mean n*p. The only model for a plan
      labelled with an AQL above 10 (nonconformities per 100 items only, GB/T 2828.1-2012 5.2);
      the others are refused there with an InvalidInputError;
    * ``"hypergeometric"``: the fraction nonconforming of a lot of ``lot_size`` items holding
      exactly ``p * lot_size`` nonconforming ones (a whole number).

    >>> from qsdomain.sampling import plan
    >>> round(probability_of_acceptance(plan("J", "1.0"), 0.01), 4)   # n=80, Ac=2
    0.9534
    """
    if not isinstance(plan, _PlanMethods):
        raise InvalidInputError("plan", plan, "a sampling plan")
    return plan.probability_of_acceptance(p, model, lot_size)
