"""The fuzzing harness: hostile and careless JSON for every public type, through ``from_json``.

Every outcome must be one of two things, within :data:`DOCUMENT_SECONDS`:

* an object of the requested type that round-trips (``from_json(to_json(obj)) == obj``) through
  JSON text that UTF-8 can encode (no lone surrogate got in), or
* a :class:`qsdomain.errors.QSDomainError`.

Anything else (a ``TypeError`` from deep inside, a ``RecursionError``, a hang, an object that does
not survive its own round trip) is a finding. The public types are found by walking every
package's ``__all__``, so a new rule family is covered the day it is exported; each must have a
strategy in :mod:`qsdomain.strategies` (the suite fails otherwise).

``make fuzz`` runs the long campaign (``python tests/fuzzing.py --help``); ``tests/test_fuzz.py``
runs a short one on every ``make test``.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import importlib.util
import json
import random
import sys
import time
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, seed, settings

from qsdomain import strategies
from qsdomain.errors import QSDomainError
from qsdomain.serialization import from_json, to_json, unstructure

__all__ = [
    "DOCUMENT_SECONDS",
    "PACKAGES",
    "Finding",
    "Report",
    "documents",
    "public_types",
    "run",
]

#: Every package whose ``__all__`` lists public types. Families not yet built are skipped.
PACKAGES = (
    "qsdomain.periods",
    "qsdomain.calendars",
    "qsdomain.sampling",
    "qsdomain.metrology",
    "qsdomain.licensing",
    "qsdomain.commitments",
    "qsdomain.ledgers",
    "qsdomain.desk",
)

#: The longest one document may take, from parsing to the round trip, in seconds.
DOCUMENT_SECONDS = 1.0

#: Types that are public but have no instances to serialize: protocols.
NOT_DATA = frozenset({"WorkingDayCalendar"})


def _is_union(obj: object) -> bool:
    return isinstance(obj, types.UnionType) or typing.get_origin(obj) is typing.Union


def public_types() -> dict[str, Any]:
    """Every public data type: attrs classes, enums and tagged unions, by qualified name."""
    found: dict[str, Any] = {}
    for name in PACKAGES:
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            obj = getattr(module, attr)
            if attr in NOT_DATA:
                continue
            is_class = isinstance(obj, type)
            if (
                (is_class and (attrs.has(obj) or issubclass(obj, enum.Enum))) or _is_union(obj)
            ) and not (is_class and issubclass(obj, BaseException)):
                found[f"{name}.{attr}"] = obj
    return found


def _pool(cls: Any, size: int, seed_value: int) -> list[Any]:
    """``size`` valid instances of ``cls`` drawn from its public strategy."""
    drawn: list[Any] = []

    @settings(
        max_examples=size,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @seed(seed_value)
    @given(strategies.for_type(cls))
    def collect(value: Any) -> None:
        drawn.append(value)

    collect()
    return drawn


# -- mutations --------------------------------------------------------------------------------

_SWAPS: tuple[Callable[[random.Random], Any], ...] = (
    lambda r: None,
    lambda r: r.choice([True, False]),
    lambda r: r.choice([0, -1, 1, 7, 2**31, -(2**63), 10**18, 10**300]),
    lambda r: r.choice([0.5, -0.0, 1e308, -1e-308, 2.5e-5]),
    lambda r: r.choice(["", " ", "x", "2026-02-30", "0001-01-01", "9999-12-31", "normal", "1.5"]),
    lambda r: "长" * r.choice([100, 10_000, 1_000_000]),
    lambda r: [],
    lambda r: {},
    lambda r: [None] * r.choice([1, 100, 100_000]),
    lambda r: {"a": 1, "years": 1, "scheme": "single", "event": "lot"},
    lambda r: r.choice(["2026-11-27T10:00:00", "2026-11-27T10:00:00+08:00", "24:00"]),
    lambda r: r.choice(["\ud800", "电子计价秤\udfff", "\udcff1", "\ud83d\ude00"]),
)


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:50]):
            yield from _nodes(value, (*path, index))


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, new)}
    copy = list(data)
    copy[head] = _replace(copy[head], rest, new)
    return copy


_DEEP = "\u0000deep:"


def _dump_mutated(data: Any) -> str:
    """JSON text of mutated data; a ``_DEEP`` marker becomes that many nested arrays."""
    text = json.dumps(data, ensure_ascii=False)
    marker = json.dumps(_DEEP)[:-1]
    while marker in text:
        start = text.index(marker)
        end = text.index('"', start + len(marker))
        depth = int(text[start + len(marker) : end])
        text = text[:start] + "[" * depth + "0" + "]" * depth + text[end + 1 :]
    return text


def _mutate_data(r: random.Random, data: Any) -> Any:
    nodes = list(_nodes(data))
    path, node = r.choice(nodes)
    kind = r.randrange(6)
    if kind == 0 or (kind in (1, 2) and not isinstance(node, dict)):
        return _replace(data, path, r.choice(_SWAPS)(r))
    if kind == 1 and node:
        key = r.choice(list(node))
        return _replace(data, path, {k: v for k, v in node.items() if k != key})
    if kind == 2:
        return _replace(data, path, {**node, r.choice(["extra", "", "长"]): r.choice(_SWAPS)(r)})
    if kind == 3:
        return _replace(data, path, [node] * r.choice([2, 1000]))
    if kind == 4:
        return _replace(data, path, f"{_DEEP}{r.choice([10, 200, 5000])}")
    return _replace(data, path, r.choice([10**30, -(10**30), 2**64, 10**4000]))


def _mutate_text(r: random.Random, text: str) -> str | bytes:
    raw = text.encode("utf-8")
    kind = r.randrange(6)
    if kind == 0 and raw:
        cut = r.randrange(len(raw))
        return raw[:cut]
    if kind == 1:
        at = r.randrange(len(raw) + 1)
        return raw[:at] + r.choice([b"\x80", b"\xff\xfe", b"\xc3", b"\x00"]) + raw[at:]
    if kind == 2:
        return text.replace(": ", ': NaN, "x": ', 1)
    if kind == 3:
        return "[" * r.choice([100, 5000, 200_000]) + text
    if kind == 4:
        return text.replace("1", "1" + "0" * r.choice([20, 4400]), 1)
    return text + r.choice(["}", "]", ",", " x", "\n{}"])


def _garbage(r: random.Random) -> str | bytes:
    kind = r.randrange(4)
    if kind == 0:
        return bytes(r.randrange(256) for _ in range(r.randrange(64)))
    if kind == 1:
        return json.dumps(r.choice(_SWAPS)(r), ensure_ascii=r.random() < 0.5)
    if kind == 2:
        return "".join(r.choice('{}[]",:0123456789.eE+-ntrufalsNI ') for _ in range(40))
    return r.choice(["", "null", "{}", "[]", '""', "true", "-", "1e999", '{"": {}}'])


def documents(
    r: random.Random, pools: dict[str, list[Any]]
) -> Iterator[tuple[str, Any, str | bytes, str]]:
    """An endless stream of ``(type name, type, document, kind)``."""
    names = sorted(pools)
    while True:
        name = r.choice(names)
        target = public_types_cache()[name]
        source = r.choice(pools[name])
        choice = r.random()
        if choice < 0.15:
            yield name, target, to_json(source), "valid"
        elif choice < 0.65:
            yield name, target, _dump_mutated(_mutate_data(r, unstructure(source))), "mutated"
        elif choice < 0.85:
            yield name, target, _mutate_text(r, to_json(source)), "mutated text"
        elif choice < 0.93:
            other = r.choice(names)
            yield name, target, to_json(r.choice(pools[other])), "other type"
        else:
            yield name, target, _garbage(r), "garbage"


_TYPES: dict[str, Any] = {}


def public_types_cache() -> dict[str, Any]:
    """:func:`public_types`, computed once."""
    if not _TYPES:
        _TYPES.update(public_types())
    return _TYPES


@attrs.frozen
class Finding:
    """One document whose outcome broke the rule."""

    type_name: str
    kind: str
    problem: str
    document: str


@attrs.frozen
class Report:
    """What a campaign did and found."""

    seed: int
    documents: int
    seconds: float
    outcomes: dict[str, int]
    slowest: float
    findings: tuple[Finding, ...]

    def summary(self) -> str:
        outside = sum(1 for f in self.findings if f.problem.startswith("exception"))
        slow = sum(1 for f in self.findings if f.problem.startswith("slow"))
        trips = sum(1 for f in self.findings if f.problem.startswith("round trip"))
        return (
            f"seed {self.seed}: {self.documents} documents in {self.seconds:.1f} s; "
            f"accepted {self.outcomes.get('accepted', 0)}, "
            f"refused with a QSDomainError {self.outcomes.get('refused', 0)}; "
            f"exceptions outside the family {outside}, over {DOCUMENT_SECONDS} s {slow}, "
            f"round-trip failures {trips}; slowest document {self.slowest * 1000:.1f} ms"
        )


def _short(document: str | bytes) -> str:
    shown = document if isinstance(document, str) else repr(document)
    return shown if len(shown) <= 300 else shown[:297] + "..."


def _check(name: str, target: Any, document: str | bytes, kind: str) -> tuple[str, str | None]:
    try:
        obj = from_json(document, target)
    except QSDomainError:
        return "refused", None
    except Exception as exc:
        return "failed", f"exception {type(exc).__name__}: {str(exc)[:200]}"
    try:
        text = to_json(obj)
        text.encode("utf-8")  # a lone surrogate accepted would fail here, or in any file
        again = from_json(text, target)
    except Exception as exc:
        return "failed", f"round trip raised {type(exc).__name__}: {str(exc)[:200]}"
    if again != obj:
        return "failed", f"round trip changed the object: {obj!r:.200}"
    return "accepted", None


def run(
    count: int,
    seed_value: int,
    *,
    budget: float = float("inf"),
    pool_size: int = 30,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Run ``count`` documents (or until ``budget`` seconds pass) and report."""
    r = random.Random(seed_value)
    pools = {name: _pool(cls, pool_size, seed_value) for name, cls in public_types_cache().items()}
    outcomes: Counter[str] = Counter()
    findings: list[Finding] = []
    slowest = 0.0
    started = time.perf_counter()
    done = 0
    for name, target, document, kind in documents(r, pools):
        if done >= count or time.perf_counter() - started > budget:
            break
        t0 = time.perf_counter()
        outcome, problem = _check(name, target, document, kind)
        elapsed = time.perf_counter() - t0
        slowest = max(slowest, elapsed)
        outcomes[outcome] += 1
        if problem is not None:
            findings.append(Finding(name, kind, problem, _short(document)))
        if elapsed > DOCUMENT_SECONDS:
            findings.append(Finding(name, kind, f"slow: {elapsed:.2f} s", _short(document)))
        done += 1
        if progress is not None and done % 10_000 == 0:
            progress(done)
    return Report(
        seed=seed_value,
        documents=done,
        seconds=time.perf_counter() - started,
        outcomes=dict(outcomes),
        slowest=slowest,
        findings=tuple(findings),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz from_json for every public qsdomain type.")
    parser.add_argument("--documents", type=int, default=1_000_000, help="how many documents")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--budget", type=float, default=3600.0, help="time budget in seconds")
    args = parser.parse_args(argv)
    seed_value = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    print(
        f"fuzzing {len(public_types_cache())} public types: up to {args.documents} documents, "
        f"seed {seed_value}, time budget {args.budget:.0f} s",
        flush=True,
    )
    report = run(
        args.documents,
        seed_value,
        budget=args.budget,
        progress=lambda n: print(f"  {n} documents", file=sys.stderr, flush=True),
    )
    print(report.summary())
    for finding in report.findings[:50]:
        print(f"- {finding.type_name} ({finding.kind}): {finding.problem}\n    {finding.document}")
    return 1 if report.findings else 0


if __name__ == "__main__":
    sys.exit(main())
