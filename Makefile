# The two set-up commands of the README: `make demo` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := src/vakanuvis/samples/lozan-musul-ornek.txt
DEMO_DB := demo.db

.PHONY: demo test install install-test system-test-deps lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/vakanuvis ingest --db $(DEMO_DB) $(SAMPLE)
	$(BIN)/vakanuvis timeline --db $(DEMO_DB)
	$(BIN)/vakanuvis entities --db $(DEMO_DB)
	$(BIN)/vakanuvis sources --db $(DEMO_DB)

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install-test
	$(BIN)/mypy src/vakanuvis

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
system-test-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; }
	@command -v tesseract >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr \
	    tesseract-ocr-tur tesseract-ocr-rus tesseract-ocr-aze tesseract-ocr-aze-cyrl tesseract-ocr-eng; }

test: install-test system-test-deps lint typecheck
	VAKANUVIS_TEST_POSTGRES=$$(scripts/test-postgres.sh) $(BIN)/pytest

bench: install-test
	for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
