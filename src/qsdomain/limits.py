"""The sizes qsdomain accepts, named in one place.

Every call returns in bounded time whatever its input: an input larger than one of these limits
is refused at once with an :class:`~qsdomain.errors.InvalidInputError` that names the limit,
never slowly processed or silently cut. The limits are far above what the domain needs (a county
bureau's ledger, a province's calendar, a standard's largest sample), so a legitimate input never
meets them; they exist so that a hostile or mistaken one cannot hang a service.

>>> from qsdomain import limits
>>> limits.MAX_CALENDAR_DAYS
146097
"""

from __future__ import annotations

__all__ = [
    "MAX_CALENDAR_DAYS",
    "MAX_ITEMS",
    "MAX_JSON_CHARS",
    "MAX_KINDS",
    "MAX_KIND_DEADLINES",
    "MAX_LICENCE_EVENTS",
    "MAX_TEXT_LENGTH",
]

# -- general -------------------------------------------------------------------------------------

#: Longest text field (a name, a source line, an assumption), in characters.
MAX_TEXT_LENGTH = 10_000

#: Most elements in any one list-like field (days off, sources, stages, recent results, ...).
MAX_ITEMS = 1_000_000

# -- serialization -------------------------------------------------------------------------------

#: Longest JSON document :func:`qsdomain.serialization.from_json` parses, in characters (or bytes).
MAX_JSON_CHARS = 64 * 1024 * 1024

# -- calendars -----------------------------------------------------------------------------------

#: Longest coverage of a working calendar, in days: one Gregorian cycle of 400 years. The rank
#: index behind the constant-time queries grows with the span, so the span is bounded.
MAX_CALENDAR_DAYS = 146_097

# -- periods -------------------------------------------------------------------------------------

# -- sampling ------------------------------------------------------------------------------------

# -- licensing -----------------------------------------------------------------------------------

#: Most licence kinds in one registry. A province registers a few dozen kinds of its own; 10,000
#: leaves room for every licence of every ministry while bounding the look-up index.
MAX_KINDS = 10_000

#: Most other deadlines (change reports and the like) one licence kind lists; a regulation has
#: a handful.
MAX_KIND_DEADLINES = 100

#: Most lifecycle events of one licence passed to ``status``. A licence sees a few renewals,
#: changes and suspensions in its life; 10,000 bounds the fold at a few milliseconds.
MAX_LICENCE_EVENTS = 10_000

# -- command line --------------------------------------------------------------------------------
