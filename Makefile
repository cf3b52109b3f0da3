# The two commands of the README: `make demo` and `make test`. Everything installs into .venv.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
DEMO_OUT ?= out/demo

.PHONY: install demo test lint types unit bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/recoupe build examples/corpus --out $(DEMO_OUT)
	@echo "Open $(DEMO_OUT)/report.html, or browse it: $(VENV)/bin/recoupe serve $(DEMO_OUT)/dossier.sqlite"

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

types: install
	$(VENV)/bin/mypy

unit: install
	$(VENV)/bin/pytest -q

test: lint types unit

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
