# The two commands of the README: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
# Fresh environments with the built wheel, one per supported Python found here (tests/smoke.py).
SMOKE_STAMP := $(VENV)/smoke/.prepared
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install test-install bench lock clean

$(STAMP): pyproject.toml requirements/main.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements/main.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP)

# Browser tests drive Debian's Chromium; a test tool's own browser download fails offline.
$(TEST_STAMP): $(STAMP) requirements/test.txt
	$(PIP) install --require-hashes -r requirements/test.txt
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else echo "note: install Debian's chromium and chromium-driver for the browser tests"; fi; \
	fi
	touch $@

# Built once per change of pyproject.toml or the lock, so that `make test` only reinstalls the wheel.
$(SMOKE_STAMP): $(TEST_STAMP) pyproject.toml requirements/main.txt tests/smoke.py
	$(BIN)/python tests/smoke.py prepare
	touch $@

test-install: $(TEST_STAMP) $(SMOKE_STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/storylens analyze examples/kazakhstan-2022 --db demo.db --out demo-report
	@echo "open demo-report/report.html in a browser (it works offline, from the file)"
	@echo "or browse it in the web app: $(BIN)/storylens serve --db demo.db   (then open http://127.0.0.1:8000/)"

test: $(TEST_STAMP) $(SMOKE_STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/ingest.py

# Regenerate the pinned, hashed requirement files after editing the dependencies in pyproject.toml
# (or requirements/test.in). The smoke tests check the lock on Python 3.12 and 3.13 as well.
lock:
	$(BIN)/python -m pip install -q uv
	cd requirements && ../$(BIN)/uv pip compile --python-version 3.11 --generate-hashes ../pyproject.toml -o main.txt
	cd requirements && ../$(BIN)/uv pip compile --python-version 3.11 --generate-hashes test.in -o test.txt

clean:
	rm -rf $(VENV) demo.db demo-report
