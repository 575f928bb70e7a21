# Two entry points (see README): `make demo` runs the desk on a generated county bureau,
# `make test` runs the whole suite (lint, types, docs build, tests). Both create .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha256(open('pyproject.toml','rb').read()).hexdigest()[:12])")

.PHONY: demo test lint typecheck docs pytest bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,lint,docs,plot,progress,dask]'
	rm -f $(VENV)/.installed-* && touch $@

demo: $(STAMP)
	@$(BIN)/python examples/demo.py --as-of 2026-11-27

test: lint typecheck docs pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks examples docs
	$(BIN)/ruff format --check src tests benchmarks examples docs

typecheck: $(STAMP)
	$(BIN)/mypy

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

# Every core: each file on one worker (a docs page's examples share one namespace).
pytest: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

# The long fuzzing campaign: FUZZ_DOCS documents (or FUZZ_SECONDS), seed FUZZ_SEED (random if empty).
FUZZ_DOCS ?= 1000000
FUZZ_SECONDS ?= 3600
FUZZ_SEED ?=
fuzz: $(STAMP)
	$(BIN)/python tests/fuzzing.py --documents $(FUZZ_DOCS) --budget $(FUZZ_SECONDS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python benchmarks/bench_calendar.py
	$(BIN)/python benchmarks/bench_import.py
	@for f in benchmarks/bench_sampling*.py; do [ -f "$$f" ] && $(BIN)/python "$$f"; done; true
	@# The ledger benchmarks at a fifth of their full size (each takes ROWS; the issue targets are
	@# for 1,000,000: run them by hand without the argument for the full figures).
	$(BIN)/python benchmarks/bench_metrology.py 200000
	$(BIN)/python benchmarks/bench_metrology_cli.py 200000
	$(BIN)/python benchmarks/bench_licensing.py 200000
	$(BIN)/python benchmarks/bench_commitments.py 100000

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis
