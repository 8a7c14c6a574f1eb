# The two commands a new machine needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# PostgreSQL for the second test run; .ci/run makes sure one is reachable here.
TEST_DATABASE_URL ?= postgres://postgres:postgres@127.0.0.1:5432/journeys
DEMO_COUNT ?= 300
# The demo archive is locked with a key file beside it, which is fine for fictional data
# only: a real archive keeps its key file (or passphrase) away from the data (docs/deployment.md).
DEMO_KEY_FILE ?= $(CURDIR)/demo.key

.PHONY: install demo test test-sqlite test-postgres lint format messages bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

demo: install
	mkdir -p -m 700 var
	JOURNEYS_KEY_FILE=$(DEMO_KEY_FILE) $(BIN)/journeys init
	JOURNEYS_KEY_FILE=$(DEMO_KEY_FILE) $(BIN)/journeys demo-users
	JOURNEYS_KEY_FILE=$(DEMO_KEY_FILE) $(BIN)/journeys demo-data --count $(DEMO_COUNT) --seed 1 --if-empty
	JOURNEYS_KEY_FILE=$(DEMO_KEY_FILE) $(BIN)/journeys demo-releases
	JOURNEYS_KEY_FILE=$(DEMO_KEY_FILE) $(BIN)/journeys serve

test: install lint test-sqlite test-postgres

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

test-sqlite: install
	@echo "== Test suite on SQLite =="
	$(BIN)/python -m pytest -n 2 -q

test-postgres: install
	@if $(BIN)/python bench/pg_reachable.py "$(TEST_DATABASE_URL)"; then \
		echo "== Test suite on PostgreSQL =="; \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/python -m pytest -n 2 -q; \
	else \
		echo; echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!!  PostgreSQL run SKIPPED: no server at $(TEST_DATABASE_URL)"; \
		echo "!!  Only SQLite was tested. .ci/run starts one; or set TEST_DATABASE_URL."; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; echo; \
	fi

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/journeys makemessages -l ko --no-location --no-obsolete -i .venv -i tests -i bench
	$(BIN)/journeys compilemessages -i .venv

bench: install
	$(BIN)/python bench/pages.py

clean:
	rm -rf $(VENV) var build *.egg-info
