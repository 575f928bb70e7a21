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
    "MAX_HYPERGEOMETRIC_SAMPLE_SIZE",
    "MAX_ITEMS",
    "MAX_JSON_CHARS",
    "MAX_KINDS",
    "MAX_KIND_DEADLINES",
    "MAX_LICENCE_EVENTS",
    "MAX_LIMIT_DAYS",
    "MAX_METROLOGY_CALIBRATIONS",
    "MAX_METROLOGY_INTERVAL_DAYS",
    "MAX_METROLOGY_INTERVAL_MONTHS",
    "MAX_METROLOGY_POLICY_DAYS",
    "MAX_METROLOGY_RECORDS",
    "MAX_METROLOGY_USAGE",
    "MAX_OC_POINTS",
    "MAX_OC_SIZE",
    "MAX_OC_STAGES",
    "MAX_OC_STAGE_GAP",
    "MAX_PATH_LENGTH",
    "MAX_RELIABILITY_BINS",
    "MAX_SCHEDULE_BYTES",
    "MAX_TERM_YEARS",
    "MAX_TEXT_LENGTH",
    "MAX_WITHIN_DAYS",
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

#: Largest one-year schedule file :func:`qsdomain.calendars.load_schedule` reads, in bytes. A
#: complete year with amendments and URLs is under 3 kB (examples/2026.json: about 1 kB).
MAX_SCHEDULE_BYTES = 100_000

# -- periods -------------------------------------------------------------------------------------

#: Longest term or lead in years (months: 12 times this, days: 366 times this). Licences and
#: certificates run for at most a few decades; 1000 years keeps every result inside
#: ``datetime.date`` (years 1-9999) for any start a register can hold.
MAX_TERM_YEARS = 1000

# -- metrology -----------------------------------------------------------------------------------

#: Most verification records in one instrument's history. A record a month for 1,000 years is
#: 12,000; the limit stops a runaway history before a status is computed from it.
MAX_METROLOGY_RECORDS = 100_000

#: Longest warning window, grace period or early window of a policy, in days (ten years: no
#: schedule in the domain warns or tolerates longer).
MAX_METROLOGY_POLICY_DAYS = 3_660

#: Largest usage count or usage limit (hours or uses): 10^12 uses is far beyond any counter.
MAX_METROLOGY_USAGE = 1e12

#: Longest interval an adjustment method accepts or returns, in days (100 years).
MAX_METROLOGY_INTERVAL_DAYS = 36_600

#: Longest interval a ledger row (CSV, JSON, the desk's database) may give, in months: 100
#: years, the same bound as MAX_METROLOGY_INTERVAL_DAYS, far beyond any 检定周期.
MAX_METROLOGY_INTERVAL_MONTHS = 1_200

#: Most calibrations pooled in one interval analysis (a method's total or a S2 bin's count): a
#: class of a million results is beyond any lab's history. The binomial tails are summed from
#: their far end and stop when the rest is negligible, so their cost grows with ``sqrt(n)``:
#: ``reliability_bounds`` takes under 0.1 s at this limit (benchmarks/bench_metrology_limits.py).
MAX_METROLOGY_CALIBRATIONS = 1_000_000

#: Most resubmission-time bins in one S2 fit (``fit_reliability``, ``s2_interval``, the
#: command line's ``--bins``). The maximum-likelihood search evaluates the likelihood over every
#: bin hundreds to thousands of times, so the time grows with the bins: about 0.35 s at 1,000
#: on the project's 2-core test machine, where 10,000 took 4 s and the former bound (100,000,
#: MAX_METROLOGY_RECORDS) 40 s and more. RP-1 bins a class's history by resubmission time into a
#: few dozen bins; a thousand is far beyond that.
MAX_RELIABILITY_BINS = 1_000

# -- sampling ------------------------------------------------------------------------------------

#: Most quality levels in one OC curve (``oc_curve`` and the command line's ``--points``): a
#: curve is read by eye or plotted, and 10,000 points (each a few microseconds to 1 ms) are far
#: more than any plot resolves.
MAX_OC_POINTS = 10_000

#: Largest total sample size and lot size for the OC measures: 10**15, below 2**53, so that every
#: count and size is exact as a float. Near it the answers are only as exact as double precision
#: allows: about 1e-16 times ``(|Ac - np| + sd) / (1 - p)``, 1e-10 at the centre of the curve.
MAX_OC_SIZE = 10**15

#: Most stages of a plan whose OC measures are computed: GB/T 2828.1-2012 multiple plans have 5,
#: MIL-STD-105E's have 7. Each stage costs two tails and ``MAX_OC_STAGE_GAP**2`` additions.
MAX_OC_STAGES = 7

#: Largest ``Re - Ac`` of a stage (``Re`` if acceptance is not permitted) for the OC measures:
#: the walk over the counts that go on to the next stage grows with its square. The tables' widest
#: gap is 10 (multiple plans at AQL 1000).
MAX_OC_STAGE_GAP = 64

#: Largest total sample size for the hypergeometric OC model: its tails are summed term by term,
#: about ``5 sqrt(n)`` terms, so ``n`` bounds the time. Five times the tables' largest sample
#: (2000); above it the lot is so large that the binomial model is as exact.
MAX_HYPERGEOMETRIC_SAMPLE_SIZE = 10_000

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

# -- desk ----------------------------------------------------------------------------------------

#: Longest file path the desk accepts, in characters (Linux's PATH_MAX, 4096 bytes).
MAX_PATH_LENGTH = 4096

#: Furthest ahead a desk report looks for "due soon", in days: ten years, past any renewal lead
#: or verification interval a bureau warns about.
MAX_WITHIN_DAYS = 3_660

# -- command line --------------------------------------------------------------------------------
