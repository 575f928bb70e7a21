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
    "MAX_CASE_EVENTS",
    "MAX_ITEMS",
    "MAX_JSON_CHARS",
    "MAX_LIMIT_DAYS",
    "MAX_TEXT_LENGTH",
    "MAX_ZONE_KEY_LENGTH",
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

# -- commitments ---------------------------------------------------------------------------------

#: Most events in one case's timeline (and items in one deficiency notice). A real case has a
#: dozen events; 1,000 keeps the fold (which is linear in the timeline) bounded.
MAX_CASE_EVENTS = 1_000

#: Longest time limit, extension or delivery limit of a service item, in working days: about
#: eight years of working days, far above any statutory limit (the longest in the project's
#: catalogue is 60 days), and small enough that every due date stays inside a calendar.
MAX_LIMIT_DAYS = 2_000

#: Longest IANA time-zone name accepted for an item's zone (the longest real one has 32).
MAX_ZONE_KEY_LENGTH = 64

# -- command line --------------------------------------------------------------------------------
