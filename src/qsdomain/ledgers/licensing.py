"""The licensing ledgers: a register (one row per licence) and an events file (one per event).

The register's columns are ``number, kind, holder, issued, valid_until, scope``
(:data:`LICENCE_COLUMNS`, Chinese headers :data:`LICENCE_HEADERS`); the events file's are
``number, event, on, until, valid_until, note`` (:data:`EVENT_COLUMNS`, :data:`EVENT_HEADERS`).
Shared by ``qsdomain licences check`` and the desk; documented in docs/licensing.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

import attrs

from qsdomain.errors import InvalidInputError
from qsdomain.ledgers import Row, RowRejected, parse_rows
from qsdomain.licensing import (
    EVENT_KINDS,
    Licence,
    LicenceEvent,
    Renewed,
    Suspended,
    default_kinds,
)
from qsdomain.rejects import RejectSink

__all__ = [
    "EVENT_CODES",
    "EVENT_COLUMNS",
    "EVENT_HEADERS",
    "EVENT_NAMES",
    "EVENT_REQUIRED",
    "EVENT_TYPES",
    "LICENCE_COLUMNS",
    "LICENCE_HEADERS",
    "LICENCE_REQUIRED",
    "DatedEvent",
    "event_row",
    "events_by_number",
    "in_file",
    "kind_names",
    "licence_builder",
    "on_line",
]

#: Chinese headers of the register, mapped to the canonical column names.
LICENCE_HEADERS: Mapping[str, str] = {
    "证书编号": "number",
    "许可证编号": "number",
    "许可类别": "kind",
    "证书类别": "kind",
    "持证单位": "holder",
    "持证人": "holder",
    "发证日期": "issued",
    "有效期至": "valid_until",
    "许可范围": "scope",
}
LICENCE_COLUMNS = ("number", "kind", "holder", "issued", "valid_until", "scope")
LICENCE_REQUIRED = ("number", "kind", "holder", "issued")

#: Chinese headers of the events file, mapped to the canonical column names.
EVENT_HEADERS: Mapping[str, str] = {
    "证书编号": "number",
    "许可证编号": "number",
    "事项": "event",
    "日期": "on",
    "暂扣至": "until",
    "有效期至": "valid_until",
    "备注": "note",
}
EVENT_COLUMNS = ("number", "event", "on", "until", "valid_until", "note")
EVENT_REQUIRED = ("number", "event", "on")

#: The ``event`` cell: English code or Chinese name, mapped to the code.
EVENT_NAMES: Mapping[str, str] = {
    "renewal_applied": "renewal_applied",
    "申请延续": "renewal_applied",
    "renewed": "renewed",
    "准予延续": "renewed",
    "renewal_refused": "renewal_refused",
    "不予延续": "renewal_refused",
    "changed": "changed",
    "变更": "changed",
    "suspended": "suspended",
    "暂扣": "suspended",
    "revoked": "revoked",
    "吊销": "revoked",
    "withdrawn": "withdrawn",
    "撤销": "withdrawn",
    "撤回": "withdrawn",
    "cancelled": "cancelled",
    "注销": "cancelled",
}

#: Each event code and the event class it names (the family's one table).
EVENT_TYPES: Mapping[str, type[LicenceEvent]] = EVENT_KINDS
#: The code of each event class (what the desk stores).
EVENT_CODES: Mapping[type[LicenceEvent], str] = {cls: code for code, cls in EVENT_TYPES.items()}


def kind_names() -> dict[str, str]:
    """The ``kind`` cell: each built-in kind's code or Chinese name, mapped to the code."""
    registry = default_kinds()
    names = {code: code for code in registry.codes}
    for code in registry.codes:
        name = registry.get(code).name  # also without "全国" and a trailing "(CMA)"
        for alias in (name, name.split(" (")[0], name.split(" (")[0].removeprefix("全国")):
            names[alias] = code
    return names


@attrs.frozen
class DatedEvent:
    """An event read from the events file, with its line (to name it in a rejection)."""

    number: str
    line: int
    event: LicenceEvent


def licence_builder(kinds: Mapping[str, str]) -> Callable[[Row], Licence]:
    def build(row: Row) -> Licence:
        try:
            return _new_licence(row)
        except InvalidInputError as err:
            raise on_line(row, err) from None

    def _new_licence(row: Row) -> Licence:
        return Licence(
            kind=row.choice("kind", kinds),
            number=row.text("number") or "",  # required: never empty
            holder=row.text("holder") or "",
            issued=row.date("issued"),
            valid_until=row.date("valid_until", required=False),
            scope=row.text("scope", required=False) or "",
        )

    return build


def _day(row: Row, name: str) -> date:
    """A required date cell (``Row.date`` raises on an empty one)."""
    value = row.date(name)
    if value is None:  # pragma: no cover - a required cell is never empty
        raise InvalidInputError(f"line {row.line}: {name}", "", "present")
    return value


def event_row(row: Row) -> DatedEvent:
    number = row.text("number") or ""  # required: never empty
    code = row.choice("event", EVENT_NAMES)
    on = _day(row, "on")
    note = row.text("note", required=False) or ""
    event: LicenceEvent
    try:
        if code == "suspended":
            event = Suspended(on=on, until=_day(row, "until"), note=note)
        elif code == "renewed":
            event = Renewed(on=on, valid_until=row.date("valid_until", required=False), note=note)
        else:
            event = EVENT_TYPES[str(code)](on=on, note=note)  # type: ignore[call-arg]
    except InvalidInputError as err:
        raise on_line(row, err) from None
    return DatedEvent(number, row.line, event)


def on_line(row: Row, err: InvalidInputError) -> InvalidInputError:
    """``err`` naming ``row``'s line, its value as a cell would show it (dates in ISO 8601)."""
    field = err.field if err.field.startswith("line ") else f"line {row.line}: {err.field}"
    value = err.value.isoformat() if isinstance(err.value, date) else err.value
    return InvalidInputError(field, value, err.allowed)


def in_file(name: str, rejected: RowRejected) -> RowRejected:
    """``rejected`` naming the events file: ``line 4 of events.csv: on``."""
    where = f"line {rejected.line}"
    field = rejected.field.removeprefix(where).lstrip(": ")
    return attrs.evolve(rejected, field=f"{where} of {name}: {field or 'row'}")


def events_by_number(
    rows: Iterable[Row], name: str, rejects: RejectSink
) -> dict[str, list[DatedEvent]]:
    """The events of ``rows`` (read from the file ``name``) by licence number, in date order.

    Events of one day keep the file's order (what happened first is written first). A row
    repeating an earlier row's licence, event and day (two ``changed`` on one day, say) is
    rejected naming both lines, never merged: one row per event (issue #18 item 3). Shared by
    ``licences check`` and ``desk import``.
    """
    found: dict[str, list[DatedEvent]] = {}
    seen: dict[tuple[str, str, date], int] = {}
    for item in parse_rows(rows, event_row):
        if isinstance(item, RowRejected):
            rejects.add(in_file(name, item))
            continue
        code = EVENT_CODES[type(item.event)]
        key = (item.number, code, item.event.on)
        earlier = seen.setdefault(key, item.line)
        if earlier != item.line:
            rejects.add(
                RowRejected(
                    item.line,
                    f"line {item.line} of {name}: event",
                    code,
                    f"a row not repeating line {earlier}'s licence, event and day ({item.number},"
                    f" {code}, {item.event.on}): one row per event",
                )
            )
            continue
        found.setdefault(item.number, []).append(item)
    for items in found.values():
        items.sort(key=lambda item: item.event.on)  # stable: same-day events keep file order
    return found
