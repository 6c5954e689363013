# Two commands for a newcomer: `make run` (dashboard on the bundled data) and `make test`.
# Both set themselves up from nothing: a virtual environment in .venv with everything installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test lint format check bench setup system-packages clean readme

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## Start the dashboard on the bundled targets.yaml and seeds/ (http://localhost:8501).
run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true

## System packages the browser test needs (Debian's chromium and CJK fonts); needs root or sudo.
system-packages:
	@sh scripts/install-system-packages.sh

## Lint, format check, validate the bundled file, and every test (browser test included).
test: $(STAMP) system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/targets check
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/targets check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks at 1x, 100x and 1000x synthetic data; prints `name: value` lines.
bench: $(STAMP) system-packages
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis artifacts

## Regenerate README's field reference from loaders/schema.py.
readme: $(STAMP)
	$(BIN)/python scripts/update_readme.py
