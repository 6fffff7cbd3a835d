# Two entry points: `make demo` and `make test`. Each creates its own virtual
# environment in .venv on first use, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint pytest bench fuzz data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## demo: repair the bundled damaged documents and show every change
demo: $(STAMP)
	rm -rf build/demo
	$(BIN)/dkfix fix fixtures/demo --glob "*.txt" --out build/demo --diff --report build/demo-report.jsonl
	@echo "Repaired copies are in build/demo/; the per-file report is build/demo-report.jsonl,"
	@echo "with a page to open in a browser: build/demo-report.html"

## test: lint, type-check and run the whole test suite
test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

## bench: print accuracy and speed against ftfy
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_speed.py
	$(BIN)/python benchmarks/bench_decode.py

## fuzz: ten minutes of coverage-guided fuzzing per public function, two at a time
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py --all --seconds 600 --parallel 2

## data: rebuild the bundled language data from its sources (maintainers only)
data: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[build-data]"
	$(BIN)/python scripts/build_data.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
