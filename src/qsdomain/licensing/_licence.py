"""A licence or certificate (许可证、证书) as printed: kind, number, holder, dates, scope.

>>> from datetime import date
>>> from qsdomain.licensing import Licence
>>> lic = Licence(kind="food_production", number="SC10633010200001", holder="某食品有限公司",
...               issued=date(2021, 10, 20))
>>> lic.expires                      # 5 years, inclusive: "2021-10-20 至 2026-10-19"
datetime.date(2026, 10, 19)
"""

from __future__ import annotations

from datetime import date

import attrs

from qsdomain._checks import day, text
from qsdomain.errors import InvalidInputError
from qsdomain.licensing._defaults import default_kinds
from qsdomain.licensing._kinds import LicenceKind, Validator
from qsdomain.periods import Convention, Term

__all__ = ["Licence"]


#: Term ends by (id of the term, start, id of the convention); each entry keeps its term and
#: convention, so an id is never mistaken for a later object's. Keyed by identity because a
#: Term hashes through Python-level code (several times the cost of the look-up), and a
#: register's kinds share a handful of Term objects. Emptied when full.
_ENDS: dict[tuple[int, date, int], tuple[Term, Convention, date]] = {}
_ENDS_SIZE = 1 << 16


def _term_end(term: Term, start: date, convention: Convention) -> date:
    """``term.nominal_end(start, convention)``, cached (pure; saves the month arithmetic)."""
    key = (id(term), start, id(convention))
    hit = _ENDS.get(key)
    if hit is not None and hit[0] is term and hit[1] is convention:
        return hit[2]
    end = term.nominal_end(start, convention)  # errors are raised, never cached
    if len(_ENDS) >= _ENDS_SIZE:
        _ENDS.clear()
    _ENDS[key] = (term, convention, end)
    return end


def _to_kind(value: object) -> LicenceKind:
    if isinstance(value, LicenceKind):
        return value
    registry = default_kinds()
    if isinstance(value, str) and value in registry:
        return registry.get(value)
    raise InvalidInputError(
        "kind",
        value,
        "a LicenceKind or a registered code (" + ", ".join(registry.codes) + ")",
    )


def _to_issued(value: object) -> date:
    return day("issued", value)


def _to_valid_until(value: object) -> date | None:
    return None if value is None else day("valid_until", value)


def _check_text(field: str, *, allow_empty: bool = False) -> Validator:
    def check(_: object, __: attrs.Attribute[str], value: object) -> None:
        text(field, value, allow_empty=allow_empty, max_length=1000)

    return check


@attrs.frozen(kw_only=True, init=False)
class Licence:
    """One licence as printed, valid from construction.

    >>> from datetime import date
    >>> lic = Licence(kind="industrial_product", number="XK06-001-00001", holder="某电器厂",
    ...               issued=date(2020, 2, 29))
    >>> lic.expires, lic.expiry_disagrees
    (datetime.date(2025, 2, 28), False)
    >>> printed = Licence(kind="industrial_product", number="XK06-001-00001", holder="某电器厂",
    ...                   issued=date(2020, 2, 29), valid_until=date(2025, 3, 1))
    >>> printed.expires, printed.term_end, printed.expiry_disagrees
    (datetime.date(2025, 3, 1), datetime.date(2025, 2, 28), True)

    Without ``valid_until`` the expiry is derived from the kind's term and counting convention
    (:meth:`qsdomain.periods.Term.nominal_end`; a validity period is not moved off a rest day).
    A printed ``valid_until`` is what the licence says and is kept as the expiry even where it
    disagrees with the kind's term; :attr:`expiry_disagrees` flags that, and the status reason
    mentions it.

    Attributes:
        kind: a :class:`LicenceKind`, or the code of a built-in kind (``"food_production"``).
        number: the licence number (编号).
        holder: the holder's name (持证单位/持证人).
        issued: the first day of validity (发证日期/有效期起).
        valid_until: the last day of validity as printed (有效期至), or ``None`` to derive it.
        scope: the licensed scope (许可范围), free text; may be empty.
    """

    kind: LicenceKind = attrs.field(converter=_to_kind, repr=lambda kind: repr(kind.code))
    number: str = attrs.field(validator=_check_text("number"))
    holder: str = attrs.field(validator=_check_text("holder"))
    issued: date = attrs.field(converter=_to_issued)
    valid_until: date | None = attrs.field(default=None, converter=_to_valid_until)
    scope: str = attrs.field(default="", validator=_check_text("scope", allow_empty=True))
    _term_end: date = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __init__(
        self,
        *,
        kind: object,
        number: str,
        holder: str,
        issued: object,
        valid_until: object = None,
        scope: str = "",
    ) -> None:
        """Check and set the fields, as the attrs-generated ``__attrs_init__`` would.

        A register builds a Licence per row, so the common values (a LicenceKind, plain
        strings, a ``date``) are recognised inline; anything else goes to the field's own
        converter or validator, which accepts it or raises the usual error, in attrs' order
        (converters, validators, then :meth:`__attrs_post_init__`).
        ``tests/test_licensing_fast_paths.py`` checks this against ``__attrs_init__``.
        """
        if kind.__class__ is not LicenceKind:
            kind = _to_kind(kind)
        if issued.__class__ is not date:
            issued = _to_issued(issued)
        if valid_until is not None and valid_until.__class__ is not date:
            valid_until = _to_valid_until(valid_until)
        # A plain string is accepted inline when it is not blank and has no lone surrogate
        # (isascii or isprintable rules one out); anything else goes to the full check.
        if not (
            number.__class__ is str
            and 0 < len(number) <= _MAX
            and not number[0].isspace()
            and (number.isascii() or number.isprintable())
        ):
            _LICENCE_CHECKS[0](self, _LICENCE_FIELDS.number, number)
        if not (
            holder.__class__ is str
            and 0 < len(holder) <= _MAX
            and not holder[0].isspace()
            and (holder.isascii() or holder.isprintable())
        ):
            _LICENCE_CHECKS[1](self, _LICENCE_FIELDS.holder, holder)
        if not (
            scope.__class__ is str
            and len(scope) <= _MAX
            and (scope.isascii() or scope.isprintable())
        ):
            _LICENCE_CHECKS[2](self, _LICENCE_FIELDS.scope, scope)
        _set_kind(self, kind)
        _set_number(self, number)
        _set_holder(self, holder)
        _set_issued(self, issued)
        _set_valid_until(self, valid_until)
        _set_scope(self, scope)
        self.__attrs_post_init__()

    def __attrs_post_init__(self) -> None:
        kind = self.kind
        try:
            end = _term_end(kind.term, self.issued, kind.convention)
        except InvalidInputError:
            raise InvalidInputError(
                "issued", self.issued, "a date whose term end stays within year 9999"
            ) from None
        _set_term_end(self, end)
        if self.valid_until is not None and self.valid_until < self.issued:
            raise InvalidInputError(
                "valid_until", self.valid_until, f"a date on or after issued ({self.issued})"
            )

    @property
    def term_end(self) -> date:
        """The last day of validity the kind's term gives from ``issued``.

        >>> from datetime import date
        >>> Licence(kind="inspection_body", number="CMA 1", holder="某检测所",
        ...         issued=date(2024, 1, 31)).term_end
        datetime.date(2030, 1, 30)
        """
        return self._term_end

    @property
    def expires(self) -> date:
        """The last day of validity of the licence as granted: as printed, else :attr:`term_end`.

        >>> from datetime import date
        >>> Licence(kind="measurement_standard", number="[2022]国量标证字第1号", holder="某所",
        ...         issued=date(2022, 8, 31)).expires
        datetime.date(2026, 8, 30)
        """
        return self._term_end if self.valid_until is None else self.valid_until

    @property
    def expiry_disagrees(self) -> bool:
        """Whether a printed ``valid_until`` differs from the kind's term.

        >>> from datetime import date
        >>> Licence(kind="food_production", number="SC1", holder="某厂",
        ...         issued=date(2021, 1, 1), valid_until=date(2025, 12, 31)).expiry_disagrees
        False
        """
        return self.valid_until is not None and self.valid_until != self._term_end


#: Longest number, holder or scope (the validators' max_length).
_MAX = 1000
_LICENCE_FIELDS = attrs.fields(Licence)
#: The validators of number, holder and scope (the fast path's fallbacks).
_LICENCE_CHECKS: tuple[Validator, ...] = tuple(
    field.validator for field in _LICENCE_FIELDS if field.validator is not None
)
if tuple(f.name for f in _LICENCE_FIELDS) != (
    "kind",
    "number",
    "holder",
    "issued",
    "valid_until",
    "scope",
    "_term_end",
) or tuple(f.name for f in _LICENCE_FIELDS if f.validator is not None) != (
    "number",
    "holder",
    "scope",
):  # pragma: no cover - a changed field must change Licence.__init__ too
    raise TypeError("Licence's fields changed: update Licence.__init__")
# The slots' own setters (a frozen class refuses setattr).
(
    _set_kind,
    _set_number,
    _set_holder,
    _set_issued,
    _set_valid_until,
    _set_scope,
    _set_term_end,
) = (Licence.__dict__[field.name].__set__ for field in _LICENCE_FIELDS)
