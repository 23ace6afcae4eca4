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

# Sets up, generates the code from proto/ and shows what was generated.
run: setup
	$(BIN)/eventgen generate
	@echo "generated/ holds the code, DDL, topology and CATALOG.md of $$(grep -c '^### ' generated/CATALOG.md) event types"

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
