# The README's two commands are `make demo` and `make test`; both set up what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint setup system-deps eval bench fuzz clean

demo: setup
	$(BIN)/whosaid demo

test: setup system-deps
	bash scripts/run-tests.sh

lint: setup
	$(BIN)/ruff check src tests benchmarks eval scripts
	$(BIN)/ruff format --check src tests benchmarks eval scripts
	$(BIN)/mypy

setup: $(VENV)/.installed

# torch first, pinned, so that pip takes the CPU wheel on disk rather than a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check "torch==2.13.0"
	$(BIN)/pip install -q --disable-pip-version-check -c requirements.lock -e ".[dev]"
	touch $@

# Debian packages the tests use: Chromium for the browser tests, PostgreSQL for the second store
# backend, Java for Spark. Installed only when missing.
system-deps:
	bash scripts/system-deps.sh

eval: setup
	$(BIN)/whosaid eval ../shared/data/polnear/dev.jsonl

# Speed and memory figures (see benchmarks/README.md); not tests, and slow.
bench: setup
	for b in ingest workers memory spark extract link; do $(BIN)/python benchmarks/bench_$$b.py || exit 1; done

# A fixed-budget fuzz run of the readers (see benchmarks/fuzz_readers.py).
fuzz: setup
	$(BIN)/python benchmarks/fuzz_readers.py --examples 4000 --seed 1

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache whosaid.duckdb
