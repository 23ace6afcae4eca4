# eventgen: the commands the README names. Everything runs from the project's own .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run generate check test test-unit lint bench clean

$(BIN)/eventgen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/eventgen

# Sets up and runs the service on its embedded defaults: the in-process broker and ClickHouse engine
# (chDB) under ./data, gRPC on 127.0.0.1:50051, HTTP on 127.0.0.1:8080. Ctrl-C drains and stops it.
run: setup
	$(BIN)/eventgen run

generate: setup
	$(BIN)/eventgen generate

check: setup
	$(BIN)/eventgen generate --check

test: setup
	$(BIN)/python -m pytest -q

test-unit: setup
	$(BIN)/python -m pytest -q -m "not rabbitmq and not clickhouse"

lint: setup
	$(BIN)/ruff check codegen runtime tests
	$(BIN)/ruff format --check codegen runtime tests

bench: setup
	$(BIN)/eventgen bench transform

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis results
