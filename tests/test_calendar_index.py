"""The precomputed index china() reads equals the bundled JSON files it is made from.

``china()`` reads ``qsdomain/calendars/data/china.index`` instead of parsing and validating the
23 ``YYYY.json`` files on every start (issue #19, start-up time of the command line); the files
stay the source, read by ``bundled_schedules()`` through the validator. A year added or
corrected without regenerating the index fails here (regenerate it with
``python -c 'from qsdomain.calendars import _china; _china.write_index()'``).
"""

from __future__ import annotations

from qsdomain.calendars import _china as china_module
from qsdomain.calendars import bundled_schedules, china


def _from_json() -> object:
    schedules = bundled_schedules()
    sources = [line for s in schedules for line in china_module._source_lines(s)]
    return china_module._build(*china_module._parts(schedules, sources))


def test_the_index_file_is_the_text_the_bundled_files_give() -> None:
    with open(china_module.INDEX, encoding="utf-8") as handle:
        shipped = handle.read()
    assert shipped == china_module.index_text(bundled_schedules())


def test_china_read_from_the_index_equals_china_built_from_the_json_files() -> None:
    from_json = _from_json()
    assert china_module._build(*china_module._read_index()) == from_json
    assert china() == from_json
    assert china().sources == from_json.sources  # type: ignore[attr-defined]
