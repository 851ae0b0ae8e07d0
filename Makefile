# Two commands for a fresh machine (only Python 3.11+ and make needed):
#   make run    create .venv, install, and check the bundled example cases
#   make test   create .venv, install the test tools, and run lint, types and tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint types pytest schemas bench fuzz clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.run-installed

# The checker exits 1 when it finds violations, as it should on the example with
# violations; only exit 2 (the checker could not run) fails this target.
run: $(VENV)/.run-installed
	@$(BIN)/checker check fixtures/examples/; status=$$?; test $$status -le 1

test: $(VENV)/.test-installed browser lint types pytest

# The HTML report's tests (tests/test_html.py) render it in Debian's chromium, headless,
# with a font that has Vietnamese glyphs: installed here only when missing (on CI: root,
# Debian, apt reachable; elsewhere through sudo). `make run` does not need them.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		$(SUDO) apt-get update && \
		$(SUDO) apt-get install -y --no-install-recommends chromium fonts-dejavu-core; \
	fi

lint: $(VENV)/.test-installed
	$(BIN)/ruff check checker tests

types: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/pytest

schemas: $(VENV)/.run-installed
	$(BIN)/python -m checker.schemagen

# The peer (check-jsonschema) and the parse floor's parser (orjson) are installed for the
# benchmark only; paired, interleaved runs, about 10-15 minutes on 2 cores (see README,
# Performance); BENCH_QUICK=1 runs a small smoke version whose verdicts do not count.
bench: $(VENV)/.run-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check check-jsonschema orjson
	@# An installed tool runs from compiled bytecode (pip compiles a wheel's modules, and
	@# the peer's); an editable install under PYTHONDONTWRITEBYTECODE=1 never gets it.
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q checker
	$(BIN)/python -m checker.bench

# Longer fuzzing with atheris (not part of `make test`); crashes are written to
# fixtures/hostile/fuzz/, where the test suite replays them as regressions.
FUZZ_SECONDS ?= 300
fuzz: $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check atheris
	$(BIN)/python tests/fuzz/fuzz_check.py -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=fixtures/hostile/fuzz/ fixtures/hostile/fuzz-corpus

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
