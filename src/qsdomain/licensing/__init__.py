"""Licences and certificates (许可证、证书): validity, renewal deadlines, lifecycle, status.

>>> from datetime import date
>>> from qsdomain.calendars import china
>>> from qsdomain.licensing import Licence, RenewalApplied, status
>>> lic = Licence(kind="food_production", number="SC10633010200001", holder="某食品有限公司",
...               issued=date(2021, 10, 20))
>>> st = status(lic, (), date(2026, 6, 1), calendar=china())
>>> st.id, st.state.value, st.due, st.days_left, st.expires
('SC10633010200001', 'valid', datetime.date(2026, 9, 1), 92, datetime.date(2026, 10, 19))

Is this licence valid on that day, when does it expire, by when must the holder file for
renewal, what happens if the authority has not decided by expiry (行政许可法 art. 50), and which
licences of a register need action (:func:`status`, :func:`statuses`, :func:`worklist`). Licence
kinds are cited data (:func:`default_kinds`, :class:`LicenceKind`, :class:`KindRegistry`);
a licence's life is a fold over dated events (:func:`replay`, :func:`apply`).
"""

from __future__ import annotations

from qsdomain.licensing._defaults import default_kinds, register_kind
from qsdomain.licensing._events import (
    EVENT_KINDS,
    Cancelled,
    Changed,
    LicenceEvent,
    RenewalApplied,
    RenewalRefused,
    Renewed,
    Revoked,
    Suspended,
    Withdrawn,
)
from qsdomain.licensing._kinds import (
    Confidence,
    Deadline,
    KindRegistry,
    LicenceKind,
    Source,
)
from qsdomain.licensing._licence import Licence
from qsdomain.licensing._lifecycle import LicenceState, Lifecycle, apply, replay
from qsdomain.licensing._portfolio import counted_provisionally, status, statuses, worklist
from qsdomain.licensing._status import Action, LicenceStatus, Policy

__all__ = [
    "EVENT_KINDS",
    "Action",
    "Cancelled",
    "Changed",
    "Confidence",
    "Deadline",
    "KindRegistry",
    "Licence",
    "LicenceEvent",
    "LicenceKind",
    "LicenceState",
    "LicenceStatus",
    "Lifecycle",
    "Policy",
    "RenewalApplied",
    "RenewalRefused",
    "Renewed",
    "Revoked",
    "Source",
    "Suspended",
    "Withdrawn",
    "apply",
    "counted_provisionally",
    "default_kinds",
    "register_kind",
    "replay",
    "status",
    "statuses",
    "worklist",
]
