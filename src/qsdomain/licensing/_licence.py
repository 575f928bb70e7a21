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

from qsdomain._checks import day, v_text
from qsdomain._memo import Memo
from qsdomain.errors import InvalidInputError
from qsdomain.licensing._defaults import default_kinds
from qsdomain.licensing._kinds import LicenceKind
from qsdomain.periods import Convention, Term

__all__ = ["Licence"]


#: Term ends by (id of the term, start, id of the convention); each entry keeps its term and
#: convention, so an id is never mistaken for a later object's. Keyed by identity because a
#: Term hashes through Python-level code, and a register's kinds share a handful of Terms.
_ENDS: Memo[tuple[int, date, int], tuple[Term, Convention, date]] = Memo(1 << 16)


def _term_end(term: Term, start: date, convention: Convention) -> date:
    """``term.nominal_end(start, convention)``, remembered (pure; saves the month arithmetic)."""
    key = (id(term), start, id(convention))
    hit = _ENDS.get(key)
    if hit is not None and hit[0] is term and hit[1] is convention:
        return hit[2]
    end = term.nominal_end(start, convention)  # errors are raised, never remembered
    _ENDS.put(key, (term, convention, end))
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


#: A licence's number or holder: non-blank text of at most 1000 characters.
_TEXT = v_text(max_length=1000)


@attrs.frozen(kw_only=True)
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
    number: str = attrs.field(validator=_TEXT)
    holder: str = attrs.field(validator=_TEXT)
    issued: date = attrs.field(converter=_to_issued)
    valid_until: date | None = attrs.field(default=None, converter=_to_valid_until)
    scope: str = attrs.field(default="", validator=v_text(allow_empty=True, max_length=1000))
    _term_end: date = attrs.field(init=False, repr=False, eq=False, hash=False)

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


#: The slot's own setter for the derived term end (a frozen class refuses setattr).
_set_term_end = Licence.__dict__["_term_end"].__set__
