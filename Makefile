# Two commands for a newcomer: `make run` (dashboard on the bundled data) and `make test`.
# Both set themselves up from nothing: a virtual environment in .venv with everything installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
LOCK := requirements.lock
# The lock tool (uv), pinned; only `make lock` and `make upgrade` use it.
UV_VERSION := 0.13.9
UV := $(BIN)/uv
LOCK_COMPILE = $(UV) pip compile pyproject.toml requirements-build.in --extra test \
	--generate-hashes --universal --python-version 3.11 --quiet -o $(LOCK)
LATEST := .venv-latest

.PHONY: run test test-latest lint format check bench setup system-packages clean readme lock upgrade

# Exactly the versions in requirements.lock (hash-checked), then the project itself, built with
# the locked setuptools.
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

## Start the dashboard on the bundled targets.yaml and seeds/ (http://localhost:8501).
run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true

## System packages the browser test needs (Debian's chromium and CJK fonts); needs root or sudo.
system-packages:
	@sh scripts/install-system-packages.sh

## Lint, format check, type check, validate the bundled file, and every test (browser test
## included).
test: $(STAMP) system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/targets check
	$(BIN)/python -m pytest --durations=15

check: $(STAMP)
	$(BIN)/targets check

## ruff, ruff format --check and mypy (loaders/ and dashboard/, configured in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks at 1x, 100x and 1000x synthetic data; prints `name: value` lines.
bench: $(STAMP) system-packages
	$(BIN)/python -m bench

## The lock after a change of pyproject.toml's dependencies: new packages resolved, every
## other version kept.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(LOCK_COMPILE)

## Move every locked version to the newest release (then run `make test` and commit the lock).
upgrade: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(LOCK_COMPILE) --upgrade

## The whole suite on the newest releases, ignoring the lock, in a separate environment
## (.venv-latest): the next breakage, seen before users see it.
test-latest: system-packages
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
	$(LATEST)/bin/python -m pip list --format=freeze | grep -i -E '^(streamlit|pandas|plotly|pyyaml|ruff|pytest|hypothesis|playwright|mypy|pandas-stubs|types-pyyaml)=='
	$(LATEST)/bin/ruff check .
	$(LATEST)/bin/ruff format --check .
	$(LATEST)/bin/mypy
	$(LATEST)/bin/targets check
	$(LATEST)/bin/python -m pytest -p no:cacheprovider

clean:
	rm -rf $(VENV) $(LATEST) .pytest_cache .ruff_cache .mypy_cache .hypothesis artifacts

## Regenerate README's field reference from loaders/record/schema.py.
readme: $(STAMP)
	$(BIN)/python scripts/update_readme.py
