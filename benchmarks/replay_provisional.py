"""How good is a provisional year? Replay 2019-2026 as if each year's notice were unknown.

Run: ``python benchmarks/replay_provisional.py`` (prints a Markdown table; the table in
``docs/calendars.md`` is its output). For each year Y and each rule of
:meth:`qsdomain.calendars.WorkingCalendar.extended`:

* the official calendar is cut at 31 December of Y-1 and extended provisionally to the end of
  Y+1 under the rule;
* **days right**: the days of Y whose working/rest status the provisional calendar gets right;
* **deadlines right**: of the 20-working-day deadlines started on each official working day of
  Y (行政许可法 art. 42: 二十日 counted in working days), how many land on the official date.
  Deadlines whose official date falls after the bundled coverage (late 2026) are left out.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

from qsdomain.calendars import Coverage, WorkingCalendar, china

YEARS = range(2019, 2027)
RULES = ("weekends", "statutory")
N = 20


def known_until(cal: WorkingCalendar, last: date) -> WorkingCalendar:
    """``cal`` as it was known up to ``last`` (official data only up to that day)."""
    return attrs.evolve(
        cal,
        coverage=Coverage(cal.coverage.first, last),
        weekdays_off={d for d in cal.weekdays_off if d <= last},
        makeup_working_days={d for d in cal.makeup_working_days if d <= last},
    )


def replay(year: int, rule: str) -> tuple[int, int, int, int]:
    """(days right, days in year, deadlines right, deadlines checked) for ``year``."""
    official = china()
    known = known_until(official, date(year - 1, 12, 31))
    prov = known.extended(until=date(year + 1, 12, 31), rule=rule)  # type: ignore[arg-type]
    days = [
        date(year, 1, 1) + timedelta(days=k)
        for k in range((date(year, 12, 31) - date(year, 1, 1)).days + 1)
    ]
    right = sum(prov.is_working_day(d) == official.is_working_day(d) for d in days)
    checked = hits = 0
    for day in official.working_days(date(year, 1, 1), date(year, 12, 31)):
        try:
            expected = official.add_working_days(day, N)
        except LookupError:
            continue
        checked += 1
        hits += prov.add_working_days(day, N) == expected
    return right, len(days), hits, checked


def row(label: str, rule: str, counts: tuple[int, int, int, int] | list[int]) -> str:
    """One Markdown table row."""
    right, days, hits, checked = counts
    return (
        f"| {label} | {rule} | {right}/{days} ({right / days:.1%}) "
        f"| {hits}/{checked} ({hits / checked:.1%}) |"
    )


def main() -> None:
    print("| Year | Rule | Days right | Deadlines (20 working days) right |")
    print("| --- | --- | --- | --- |")
    totals = {rule: [0, 0, 0, 0] for rule in RULES}
    for year in YEARS:
        for rule in RULES:
            counts = replay(year, rule)
            for i, v in enumerate(counts):
                totals[rule][i] += v
            print(row(str(year), rule, counts))
    for rule in RULES:
        print(row("2019-2026", rule, totals[rule]))


if __name__ == "__main__":
    main()
