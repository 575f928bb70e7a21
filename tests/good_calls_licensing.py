"""Good calls of the licensing family's public callables."""

from __future__ import annotations

from datetime import date

import attrs

from good_calls import Call, D
from qsdomain import calendars, licensing, periods

lic = licensing
CAL = calendars.china()
d1, d2 = date(2024, 3, 1), date(2024, 5, 31)
LIC = licensing.Licence(
    kind="food_production", number="SC1", holder="某厂", issued=date(2021, 10, 20)
)
LIC_EVENTS = (licensing.RenewalApplied(on=date(2026, 8, 3)),)
LIC_STATUS = licensing.status(LIC, LIC_EVENTS, D, calendar=CAL)
LIC_START = licensing.Lifecycle.start(LIC)
LIC_SOURCE = licensing.Source("行政许可法 第五十条", "text")
LIC_KIND = licensing.LicenceKind(
    code="provincial_x", name="某省许可证", term=periods.Term(years=3), term_source=LIC_SOURCE
)

GOOD_CALLS: dict[str, Call] = {
    "licensing.Source": Call(lic.Source, ("某办法 第十条", "secondary"), {"note": "x"}),
    "licensing.Deadline": Call(lic.Deadline, ("change", 10, "working_days", LIC_SOURCE)),
    "licensing.LicenceKind": Call(
        lic.LicenceKind,
        (),
        {"code": "k", "name": "某证", "term": periods.Term(years=3), "term_source": LIC_SOURCE},
    ),
    "licensing.KindRegistry": Call(lic.KindRegistry, ([LIC_KIND],)),
    "licensing.KindRegistry.get": Call(lic.default_kinds().get, ("food_production",)),
    "licensing.KindRegistry.with_kind": Call(
        lic.default_kinds().with_kind, (LIC_KIND,), {"replace": False}
    ),
    "licensing.default_kinds": Call(lic.default_kinds),
    "licensing.register_kind": Call(
        lic.register_kind, (LIC_KIND,), {"registry": lic.default_kinds(), "replace": True}
    ),
    "licensing.Licence": Call(
        lic.Licence,
        (),
        {
            "kind": "food_production",
            "number": "SC1",
            "holder": "某厂",
            "issued": date(2021, 10, 20),
            "valid_until": date(2026, 10, 19),
            "scope": "糕点",
        },
    ),
    "licensing.RenewalApplied": Call(lic.RenewalApplied, (), {"on": d1, "note": "x"}),
    "licensing.Renewed": Call(lic.Renewed, (), {"on": d1, "valid_until": d2}),
    "licensing.RenewalRefused": Call(lic.RenewalRefused, (), {"on": d1}),
    "licensing.Changed": Call(lic.Changed, (), {"on": d1}),
    "licensing.Suspended": Call(lic.Suspended, (), {"on": d1, "until": d2}),
    "licensing.Revoked": Call(lic.Revoked, (), {"on": d1}),
    "licensing.Withdrawn": Call(lic.Withdrawn, (), {"on": d1}),
    "licensing.Cancelled": Call(lic.Cancelled, (), {"on": d1}),
    "licensing.Lifecycle": Call(
        lic.Lifecycle,
        (),
        {f.name: getattr(LIC_START, f.name) for f in attrs.fields(lic.Lifecycle)},
    ),
    "licensing.Lifecycle.start": Call(lic.Lifecycle.start, (LIC,)),
    "licensing.apply": Call(lic.apply, (LIC_START, LIC_EVENTS[0]), {"calendar": CAL}),
    "licensing.replay": Call(lic.replay, (LIC, LIC_EVENTS), {"calendar": CAL}),
    "licensing.status": Call(
        lic.status,
        (LIC, LIC_EVENTS, D),
        {"calendar": CAL, "policy": lic.Policy(30)},
    ),
    "licensing.statuses": Call(
        lic.statuses, ([LIC],), {"as_of": D, "calendar": CAL, "policy": None, "rejects": None}
    ),
    "licensing.worklist": Call(
        lic.worklist, ([LIC], D), {"within": 90, "calendar": CAL, "policy": None, "rejects": None}
    ),
    "licensing.LicenceStatus": Call(
        lic.LicenceStatus,
        (),
        {f.name: getattr(LIC_STATUS, f.name) for f in attrs.fields(lic.LicenceStatus)},
    ),
    "licensing.Policy": Call(lic.Policy, (30,)),
    "licensing.counted_provisionally": Call(
        lic.counted_provisionally,
        (LIC_STATUS, lic.default_kinds().get("food_production"), CAL),
    ),
}
