# The two commands: `make run` and `make test`. Everything else is a helper of theirs.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench services train clean-venv

$(BIN)/hoptac: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(BIN)/hoptac

## run: install, load the demo articles into the embedded store, serve the dashboard
run: $(BIN)/hoptac
	$(BIN)/hoptac demo --host $(HOST) --port $(PORT)

## test: install, start the services the tests need, run the whole suite and the linter
test: $(BIN)/hoptac services
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

## services: PostgreSQL on loopback and Debian chromium for the browser tests
services:
	bash scripts/services.sh

## train: retrain the learned models from annotations/ (train split) and the corpus they point into
train: $(BIN)/hoptac
	$(BIN)/python -m hoptac.learn.train

lint: $(BIN)/hoptac
	$(BIN)/ruff check src tests benchmarks

## bench: speed and memory benchmarks (on demand, never part of make test)
##        SCALE_SIZES=10000,100000,1000000 for the million-article run (hours on 2 cores)
SCALE_SIZES ?= 10000,100000
bench: $(BIN)/hoptac
	bash scripts/services/postgres.sh
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/ingest_throughput.py
	$(BIN)/python benchmarks/dask_vs_single.py
	$(BIN)/python benchmarks/scale.py --sizes $(SCALE_SIZES)

clean-venv:
	rm -rf $(VENV)
