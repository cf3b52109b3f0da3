# The two commands of the README: `make demo` and `make test`. Everything installs into .venv.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
DEMO_OUT ?= out/demo
CHROMIUM ?= /usr/bin/chromium
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test lint types unit browser browser-deps bench clean

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
	$(VENV)/bin/pytest -q --ignore=tests/browser

# The browser test drives Debian's chromium through Playwright's Python driver; no browser
# is ever downloaded by Playwright (`playwright install` is not used).
browser-deps:
	@[ -x $(CHROMIUM) ] || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

browser: install browser-deps
	$(VENV)/bin/pytest -q tests/browser

test: lint types unit browser

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
