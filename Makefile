# 社群运营实战课 — every command a contributor or CI needs.
# `make serve` and `make test` work on a fresh machine with Python 3.11 (and root, for apt).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build teacher check test test-fast system-deps lock clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "需要 $(PYTHON)（Python 3.11）"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)  ## check content, then serve the student site with live reload
	$(BIN)/coursekit check
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## student edition → site/
	$(BIN)/mkdocs build --strict

teacher: $(STAMP)  ## teacher edition → site-teacher/
	$(BIN)/mkdocs build --strict -f mkdocs.teacher.yml

check: $(STAMP)  ## validate data and pages
	$(BIN)/coursekit check

system-deps:  ## apt packages the tests need (Chromium)
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps  ## everything: schema, golden, build, browser tests
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## tests that need neither a build nor a browser
	$(BIN)/python -m pytest -m "not build and not browser"

lock:  ## re-pin every dependency into constraints.txt
	rm -rf /tmp/coursekit-lock && $(PYTHON) -m venv /tmp/coursekit-lock
	/tmp/coursekit-lock/bin/pip install --quiet -e '.[test]'
	{ echo "# Pinned versions of every dependency (direct and transitive). Update with \`make lock\`."; \
	  /tmp/coursekit-lock/bin/pip freeze --exclude-editable | grep -v '^coursekit'; } > constraints.txt

clean:
	rm -rf site site-teacher dist .pytest_cache
