"""Working-day arithmetic: qsdomain against the libraries users would otherwise pick.

Run: ``make bench`` (or ``python benchmarks/bench_calendar.py``). Prints the median time per
call, in microseconds, for the same inputs in one run:

* qsdomain ``add_working_days`` and ``working_days_between`` (constant time);
* ``chinese_calendar.find_workday(n, d)`` (chinesecalendar);
* ``holidays`` CN ``get_nth_working_day(d, n)`` (with the calendar's own caching warmed up);
* numpy ``busday_offset`` with ``weekmask="1111111"`` and every non-working day given as a
  holiday, since numpy cannot express make-up working days otherwise.

Targets (issue #2): at most 1 µs per call for n up to 250 and at least 100x faster than
``chinese_calendar.find_workday``. The figures depend on the machine; nothing here is asserted.
"""

from __future__ import annotations

import random
import statistics
import timeit
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from qsdomain.calendars import china

NS = (1, 5, 20, 60, 250)
CALLS = 200  # distinct (date, n) inputs per measurement
REPEAT = 7


def median_us(fn: Callable[[], object], number: int) -> float:
    """Median over REPEAT runs of the time per call, in microseconds."""
    times = timeit.repeat(fn, number=number, repeat=REPEAT)
    return statistics.median(times) / (number * CALLS) * 1e6


def main() -> None:
    cal = china()
    rng = random.Random(2859)
    lo, hi = date(2019, 1, 1), date(2025, 6, 30)  # a range every library here covers
    starts = [lo + timedelta(days=rng.randrange((hi - lo).days)) for _ in range(CALLS)]
    ends = [d + timedelta(days=rng.randrange(1, 365)) for d in starts]

    print(f"median µs per call over {CALLS} inputs x {REPEAT} repeats")
    print(f"{'library':<44}" + "".join(f"{'n=' + str(n):>10}" for n in NS))

    add = cal.add_working_days
    row = [median_us(lambda n=n: [add(d, n) for d in starts], 200) for n in NS]
    print(f"{'qsdomain add_working_days':<44}" + "".join(f"{t:>10.2f}" for t in row))
    ours = row
    between = cal.working_days_between
    t = median_us(lambda: [between(a, b) for a, b in zip(starts, ends, strict=True)], 200)
    print(f"{'qsdomain working_days_between (any span)':<44}{t:>10.2f}")

    try:
        import chinese_calendar
    except ImportError:
        print("chinese_calendar: not installed (pip install chinesecalendar)")
    else:
        find = chinese_calendar.find_workday
        row = [median_us(lambda n=n: [find(n, d) for d in starts], 1) for n in NS]
        print(f"{'chinese_calendar.find_workday':<44}" + "".join(f"{t:>10.1f}" for t in row))
        ratio = [theirs / mine for theirs, mine in zip(row, ours, strict=True)]
        print(f"{'  speed-up of qsdomain (x)':<44}" + "".join(f"{r:>10.0f}" for r in ratio))

    try:
        import holidays
    except ImportError:
        print("holidays: not installed (pip install holidays)")
    else:
        cn = holidays.country_holidays("CN", years=range(2019, 2027))
        nth = cn.get_nth_working_day
        [nth(d, 5) for d in starts]  # warm up its caches
        row = [median_us(lambda n=n: [nth(d, n) for d in starts], 1) for n in NS]
        print(f"{'holidays CN get_nth_working_day':<44}" + "".join(f"{t:>10.1f}" for t in row))

    try:
        import numpy as np
    except ImportError:
        print("numpy: not installed")
    else:
        off = [d for d in _days(cal.coverage.first, cal.coverage.last) if not cal.is_working_day(d)]
        bdc = np.busdaycalendar(weekmask="1111111", holidays=np.array(off, dtype="datetime64[D]"))
        arr = np.array(starts, dtype="datetime64[D]")
        offset = np.busday_offset
        # Scalar calls (what a rule evaluating one case does) and one vectorised call per batch.
        row = [
            median_us(lambda n=n: [offset(d, n, roll="forward", busdaycal=bdc) for d in arr], 20)
            for n in NS
        ]
        print(f"{'numpy busday_offset (scalar calls)':<44}" + "".join(f"{t:>10.2f}" for t in row))
        row = [
            median_us(lambda n=n: offset(arr, n, roll="forward", busdaycal=bdc), 200) for n in NS
        ]
        print(
            f"{'numpy busday_offset (one vectorised call)':<44}"
            + "".join(f"{t:>10.3f}" for t in row)
        )
        # Sanity: numpy's roll="forward" rolls a rest-day start first, so compare on working days.
        working_starts = [d for d in starts if cal.is_working_day(d)]
        wrong = sum(
            cal.add_working_days(d, 20)
            != offset(np.datetime64(d, "D"), 20, roll="forward", busdaycal=bdc).astype(date)
            for d in working_starts
        )
        print(f"  numpy disagreements with qsdomain on working-day starts: {wrong}")


def build_costs() -> None:
    """Build time and memory of the calendars themselves (issue #6: bounded, compact index),
    and loading one schedule file (issue #8: at most 5 ms)."""
    import subprocess
    import sys

    from qsdomain import limits
    from qsdomain.calendars import Coverage, WorkingCalendar, load_schedule

    code = (
        "import time, tracemalloc; tracemalloc.start(); t = time.perf_counter(); "
        "from qsdomain.calendars import china; china(); "
        "print(f'{(time.perf_counter() - t) * 1e3:.1f} ms, traced peak "
        "{tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB')"
    )
    first_use = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"{'china() first use, fresh process (traced)':<44}{first_use:>24}")
    first = date(1900, 1, 1)
    coverage = Coverage(first, first + timedelta(days=limits.MAX_CALENDAR_DAYS - 1))
    times = timeit.repeat(
        lambda: WorkingCalendar(name="max", coverage=coverage), number=1, repeat=7
    )
    cal = WorkingCalendar(name="max", coverage=coverage)
    size = sys.getsizeof(cal._flags) + sys.getsizeof(cal._rank) + sys.getsizeof(cal._working)
    print(
        f"{'maximal calendar (146,097 days): build':<44}"
        f"{statistics.median(times) * 1e3:>10.1f} ms, index {size / 1e6:.2f} MB"
    )
    text = (Path(__file__).resolve().parents[1] / "examples" / "2026.json").read_text("utf-8")
    times = timeit.repeat(lambda: load_schedule(text), number=100, repeat=7)
    print(f"{'load_schedule(examples/2026.json)':<44}{statistics.median(times) * 10:>10.3f} ms")


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


if __name__ == "__main__":
    main()
    build_costs()
