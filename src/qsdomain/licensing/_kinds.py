"""Licence kinds (许可证种类): validity term, renewal lead and where each number comes from.

>>> from qsdomain.licensing import default_kinds
>>> kind = default_kinds().get("food_production")
>>> str(kind.term), str(kind.renewal_lead)
('5 years', '30 working days')

A :class:`LicenceKind` is data: the term and the counting convention of its validity, the lead
before expiry by which a renewal (延续) must be filed, optionally the earliest day a filing is
accepted and other deadlines, and for each number a :class:`Source` naming the regulation, its
order number and article, and how sure the number is (:class:`Confidence`).

Kinds live in a :class:`KindRegistry`, an immutable value: :meth:`KindRegistry.with_kind` (or
:func:`register_kind`) returns a new registry and never overwrites a code unless asked to with
``replace=True``. There is no global mutable registry, so two users (or threads) that register
different kinds never see each other's; :func:`default_kinds` is the built-in one.

Where a sector rule sets no lead, 行政许可法 (2003, amended 2019) art. 50 applies: file 30 days
before expiry (:data:`GENERAL_RENEWAL_LEAD`, the default of :class:`LicenceKind`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from qsdomain import limits
from qsdomain._checks import enum_member, items, text, v_text, whole_number
from qsdomain._drafts import drafted
from qsdomain.errors import InvalidInputError, NotCoveredError
from qsdomain.periods import Convention, Lead, LeadUnit, Term

__all__ = [
    "GENERAL_RENEWAL_LEAD",
    "GENERAL_RENEWAL_SOURCE",
    "Confidence",
    "Deadline",
    "KindRegistry",
    "LicenceKind",
    "Source",
]

#: An attrs validator.
Validator = Callable[[Any, Any, Any], None]

_CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class Confidence(enum.Enum):
    """How sure a number is (the [H]/[M]/[L] marks of the project's reference notes)."""

    #: Read in the regulation's own text (or a verbatim reproduction of it).
    TEXT = "text"
    #: Several agreeing secondary sources (guides, agencies' Q&A, law-firm notes).
    SECONDARY = "secondary"
    #: One weak source, or sources that disagree: check before relying on it.
    UNCONFIRMED = "unconfirmed"


def _to_confidence(value: object) -> Confidence:
    return enum_member("source.confidence", Confidence, value)


def _source_text(field: str) -> Validator:
    def check(_: object, __: attrs.Attribute[str], value: object) -> None:
        text(field, value)

    return check


def _note(_: object, __: attrs.Attribute[str], value: object) -> None:
    text("note", value, allow_empty=True)


@attrs.frozen
class Source:
    """Where a number comes from: regulation, order number and article, and how sure it is.

    >>> s = Source("行政许可法 (2019修正) 第五十条", "text")
    >>> s.confidence
    <Confidence.TEXT: 'text'>

    Attributes:
        citation: the regulation or standard, its order number or edition, and the article.
        confidence: how the number was confirmed.
        note: anything a reader must know (a disagreement, an unconfirmed article number).
    """

    citation: str = attrs.field(validator=v_text())
    confidence: Confidence = attrs.field(converter=_to_confidence)
    note: str = attrs.field(default="", kw_only=True, validator=_note)


#: 行政许可法 (2003, amended 2019-04-23) art. 50 para. 1: apply 30 days before expiry, unless a
#: law, regulation or rule (规章) says otherwise. Calendar days: the article says "30日".
GENERAL_RENEWAL_LEAD = Lead(30, LeadUnit.CALENDAR_DAYS)

#: The source of :data:`GENERAL_RENEWAL_LEAD` and of deemed renewal (art. 50 para. 2).
GENERAL_RENEWAL_SOURCE = Source(
    "中华人民共和国行政许可法 (2003年, 2019年修正) 第五十条",
    Confidence.TEXT,
    note="para. 1: 30 days before expiry unless a law, regulation or rule says otherwise; "
    "para. 2: no decision before expiry means the renewal is deemed granted",
)


def _check_source(field: str) -> Validator:
    def check(_: object, __: attrs.Attribute[Source], value: object) -> None:
        if not isinstance(value, Source):
            raise InvalidInputError(field, value, "a Source")

    return check


def _to_unit(value: object) -> LeadUnit:
    return enum_member("deadline.unit", LeadUnit, value)


@attrs.frozen
class Deadline:
    """Another time limit of a kind, counted after an event: "apply within 10 working days".

    >>> d = Deadline("change of production conditions", 10, "working_days",
    ...              Source("食品生产许可管理办法 (市场监管总局令第24号)", "secondary"))
    >>> d.amount, d.unit.value
    (10, 'working_days')

    Attributes:
        what: the event that starts the limit (in English, optionally with the Chinese term).
        amount: the length of the limit, a whole number >= 1.
        unit: calendar days, months or working days.
        source: where the number comes from.
    """

    what: str = attrs.field(validator=v_text())
    amount: int = attrs.field()
    unit: LeadUnit = attrs.field(converter=_to_unit)
    source: Source = attrs.field(validator=_check_source("deadline.source"))

    @amount.validator
    def _check_amount(self, _: attrs.Attribute[int], value: object) -> None:
        whole_number("deadline.amount", value, 1, 3660)


def _check_code(_: object, __: attrs.Attribute[str], value: object) -> None:
    text("kind.code", value, max_length=64)
    assert isinstance(value, str)
    if not set(value) <= _CODE_CHARS or not value[0].isalpha():
        raise InvalidInputError(
            "kind.code", value, "a code of lower-case letters, digits and '_' starting a letter"
        )


def _check_term(_: object, __: attrs.Attribute[Term], value: object) -> None:
    if not isinstance(value, Term):
        raise InvalidInputError("kind.term", value, "a Term")


def _to_convention(value: object) -> Convention:
    return enum_member("kind.convention", Convention, value)


def _check_lead(field: str) -> Validator:
    def check(_: object, __: attrs.Attribute[Lead], value: object) -> None:
        if not isinstance(value, Lead):
            raise InvalidInputError(field, value, "a Lead")

    return check


def _check_optional_lead(_: object, __: attrs.Attribute[Lead | None], value: object) -> None:
    if value is not None and not isinstance(value, Lead):
        raise InvalidInputError("kind.earliest_filing", value, "a Lead or None")


def _check_optional_source(_: object, __: attrs.Attribute[Source | None], value: object) -> None:
    if value is not None and not isinstance(value, Source):
        raise InvalidInputError("kind.earliest_source", value, "a Source or None")


def _to_deadlines(value: object) -> tuple[Deadline, ...]:
    found = items("kind.deadlines", value, max_items=limits.MAX_KIND_DEADLINES)
    for i, element in enumerate(found):
        if not isinstance(element, Deadline):
            raise InvalidInputError(f"kind.deadlines[{i}]", element, "a Deadline")
    return found  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class LicenceKind:
    """One kind of licence or certificate and its cited rules.

    >>> kind = LicenceKind(code="provincial_x", name="某省某许可证", term=Term(years=3),
    ...                    term_source=Source("某省办法 第十条", "text"))
    >>> str(kind.renewal_lead), kind.lead_source is GENERAL_RENEWAL_SOURCE
    ('30 days', True)

    Attributes:
        code: a short identifier such as ``"food_production"``.
        name: the Chinese name of the licence.
        term: how long one grant is valid.
        convention: how the validity is counted from its first day (``INCLUSIVE``: printed
            "2021-10-20 至 2026-10-19").
        term_source: where the term comes from.
        renewal_lead: the last filing day is this lead before expiry (行政许可法 art. 50:
            30 days, the default, unless the sector rule says otherwise).
        lead_source: where the lead comes from.
        earliest_filing: where the rule has one, the earliest day a filing is accepted, as a
            lead before expiry (``None``: no earliest day).
        earliest_source: where that comes from (required with ``earliest_filing``).
        deadlines: other time limits, such as reporting a change of conditions.
        notes: anything else a reader must know.
    """

    code: str = attrs.field(validator=_check_code)
    name: str = attrs.field(validator=_source_text("kind.name"))
    term: Term = attrs.field(validator=_check_term)
    term_source: Source = attrs.field(validator=_check_source("kind.term_source"))
    convention: Convention = attrs.field(default=Convention.INCLUSIVE, converter=_to_convention)
    renewal_lead: Lead = attrs.field(
        default=GENERAL_RENEWAL_LEAD, validator=_check_lead("kind.renewal_lead")
    )
    lead_source: Source = attrs.field(
        default=GENERAL_RENEWAL_SOURCE, validator=_check_source("kind.lead_source")
    )
    earliest_filing: Lead | None = attrs.field(default=None, validator=_check_optional_lead)
    earliest_source: Source | None = attrs.field(default=None, validator=_check_optional_source)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_to_deadlines)
    notes: str = attrs.field(default="", validator=_note)

    def __attrs_post_init__(self) -> None:
        if (self.earliest_filing is None) != (self.earliest_source is None):
            raise InvalidInputError(
                "kind.earliest_source",
                self.earliest_source,
                "given exactly when earliest_filing is given",
            )
        if self.earliest_filing is not None and _lead_days(self.earliest_filing) <= _lead_days(
            self.renewal_lead
        ):
            raise InvalidInputError(
                "kind.earliest_filing",
                str(self.earliest_filing),
                f"a lead longer than the renewal lead ({self.renewal_lead})",
            )


def _lead_days(lead: Lead) -> float:
    """A lead's rough length in days, only to compare two leads of a kind."""
    per = {LeadUnit.CALENDAR_DAYS: 1.0, LeadUnit.MONTHS: 30.4, LeadUnit.WORKING_DAYS: 1.4}
    return lead.amount * per[lead.unit]


def _to_kinds(value: object) -> tuple[LicenceKind, ...]:
    found = items("registry.kinds", value, max_items=limits.MAX_KINDS)
    seen: set[str] = set()
    for i, kind in enumerate(found):
        if not isinstance(kind, LicenceKind):
            raise InvalidInputError(f"registry.kinds[{i}]", kind, "a LicenceKind")
        if kind.code in seen:
            raise InvalidInputError(f"registry.kinds[{i}].code", kind.code, "a code not yet used")
        seen.add(kind.code)
    return found  # type: ignore[return-value]


@attrs.frozen(weakref_slot=False)
class KindRegistry:
    """An immutable set of licence kinds, looked up by code.

    >>> from qsdomain.licensing import default_kinds
    >>> mine = LicenceKind(code="provincial_x", name="某省某许可证", term=Term(years=3),
    ...                    term_source=Source("某省办法 第十条", "text"))
    >>> registry = default_kinds().with_kind(mine)
    >>> "provincial_x" in registry, "provincial_x" in default_kinds()
    (True, False)
    >>> registry.with_kind(mine)
    Traceback (most recent call last):
    ...
    qsdomain.errors.InvalidInputError: kind.code must be a code not yet registered ..., got ...

    Attributes:
        kinds: the kinds, each code once.
    """

    kinds: tuple[LicenceKind, ...] = attrs.field(converter=_to_kinds)
    _by_code: Mapping[str, LicenceKind] = attrs.field(init=False, repr=False, eq=False, hash=False)

    @_by_code.default
    def _index(self) -> Mapping[str, LicenceKind]:
        return {kind.code: kind for kind in self.kinds}

    @property
    def codes(self) -> tuple[str, ...]:
        """The registered codes, sorted.

        >>> from qsdomain.licensing import default_kinds
        >>> "food_production" in default_kinds().codes
        True
        """
        return tuple(sorted(self._by_code))

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[LicenceKind]:
        return iter(self.kinds)

    def __len__(self) -> int:
        return len(self.kinds)

    def get(self, code: str) -> LicenceKind:
        """The kind registered under ``code``.

        >>> from qsdomain.licensing import default_kinds
        >>> default_kinds().get("inspection_body").term
        Term(years=6, months=0, days=0)
        >>> default_kinds().get("driving")
        Traceback (most recent call last):
        ...
        qsdomain.errors.NotCoveredError: licence kind 'driving' is not covered; covered: ...

        Raises:
            NotCoveredError: no kind has that code; the message lists the known codes.
        """
        kind = self._by_code.get(code) if isinstance(code, str) else None
        if kind is None:
            raise NotCoveredError("licence kind", code, ", ".join(self.codes))
        return kind

    def with_kind(self, kind: LicenceKind, *, replace: bool = False) -> KindRegistry:
        """A new registry that also holds ``kind``; this one is unchanged.

        >>> from qsdomain.licensing import default_kinds
        >>> base = default_kinds()
        >>> food = base.get("food_production")
        >>> import attrs
        >>> longer = attrs.evolve(food, notes="a provincial pilot")
        >>> base.with_kind(longer, replace=True).get("food_production").notes
        'a provincial pilot'

        A code already registered is an error unless ``replace=True``: a registry is never
        overwritten silently.
        """
        if not isinstance(kind, LicenceKind):
            raise InvalidInputError("kind", kind, "a LicenceKind")
        if not isinstance(replace, bool):
            raise InvalidInputError("replace", replace, "True or False")
        if kind.code in self._by_code and not replace:
            raise InvalidInputError(
                "kind.code",
                kind.code,
                "a code not yet registered (pass replace=True to replace a kind)",
            )
        if kind.code not in self._by_code:
            # Every kind here is already checked and its code is new: no need to check the
            # others again (which made registering kinds one at a time cost O(n) checks each).
            return _registry((*self.kinds, kind), {**self._by_code, kind.code: kind})
        kept = [k for k in self.kinds if k.code != kind.code]
        return KindRegistry((*kept, kind))


#: The trusted builder of a registry from checked kinds and their index (see ``_drafts``).
_registry = drafted(KindRegistry)


def kinds_of(values: Iterable[LicenceKind]) -> KindRegistry:
    """A registry of ``values`` (used by the data modules)."""
    return KindRegistry(tuple(values))
