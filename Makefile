# 社群运营实战课 — every command a contributor or CI needs.
# `make serve` and `make test` work on a fresh machine with Python 3.11 (and root, for apt).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# The 简/繁 switch links to the other edition: on only where `make zh-hant` builds the pair (coursekit.hant.switch).
LANGUAGE_SWITCH := false

.PHONY: serve build teacher zh-hant handouts print slides diagrams slide-samples samples guide-screenshots bench bench-site offline release check fix lint schemas test test-fast system-deps lock clean

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "需要 $(PYTHON)（Python 3.11）"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)  ## check content, then serve the student site with live reload
	$(BIN)/coursekit check
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) system-deps  ## student edition → site/, with its PDF / Word / Excel files in site/downloads/
	COURSEKIT_DOWNLOADS=true COURSEKIT_LANGUAGES=$(LANGUAGE_SWITCH) $(BIN)/mkdocs build --strict
	$(BIN)/coursekit handouts --edition student --out site/downloads

teacher: $(STAMP) system-deps  ## teacher edition → site-teacher/, with student and teacher files, the PPTX decks and the question bank's platform exports in site-teacher/downloads/
	COURSEKIT_DOWNLOADS=true COURSEKIT_LANGUAGES=$(LANGUAGE_SWITCH) $(BIN)/mkdocs build --strict -f mkdocs.teacher.yml
	$(BIN)/coursekit handouts --edition both --out site-teacher/downloads
	$(BIN)/coursekit slides --out site-teacher/downloads/slides
	$(BIN)/coursekit questions --out site-teacher/downloads/questions

zh-hant: $(STAMP) system-deps  ## both languages: build and teacher again with the 简/繁 switch, then the 繁體中文 editions → site/zh-hant/ and site-teacher/zh-hant/
	$(MAKE) build teacher LANGUAGE_SWITCH=true
	COURSEKIT_DOWNLOADS=true COURSEKIT_LANGUAGES=true $(BIN)/mkdocs build --strict -f mkdocs.zh-hant.yml -d site/zh-hant
	$(BIN)/coursekit handouts --edition student --lang zh-Hant --out site/zh-hant/downloads
	COURSEKIT_DOWNLOADS=true COURSEKIT_LANGUAGES=true $(BIN)/mkdocs build --strict -f mkdocs.zh-hant.teacher.yml -d site-teacher/zh-hant
	$(BIN)/coursekit handouts --edition both --lang zh-Hant --out site-teacher/zh-hant/downloads
	$(BIN)/coursekit slides --lang zh-Hant --out site-teacher/zh-hant/downloads/slides
	$(BIN)/coursekit questions --out site-teacher/zh-hant/downloads/questions

diagrams: $(STAMP) system-deps  ## draw each Mermaid diagram as the site does → diagrams/*.svg (commit them; the build inlines them)
	$(BIN)/coursekit diagrams
	$(BIN)/coursekit diagrams --root tests/fixtures/course

slides: $(STAMP)  ## an editable PowerPoint deck per project → dist/slides/ (--lang zh-Hant for 繁體中文)
	$(BIN)/coursekit slides

slide-samples: $(STAMP)  ## a few slides of each deck as PNG → dist/samples/slides/ (to look at)
	$(BIN)/python scripts/render-slides.py

handouts: $(STAMP) system-deps  ## handouts, SOP spreadsheets, 教学包 zips and 授课计划 → dist/handouts/
	$(BIN)/coursekit handouts

print: $(STAMP) system-deps  ## print edition, student and teacher → dist/print/
	$(BIN)/coursekit print

samples: $(STAMP) system-deps  ## sample pages of the PDFs as PNG → dist/samples/ (to look at)
	$(BIN)/python scripts/render-samples.py

guide-screenshots: $(STAMP) system-deps  ## the teacher guide's 布置与收作业 screenshots, from fresh builds of both editions → docs/assets/images/guide/*.png (commit them)
	$(BIN)/python scripts/guide_screenshots.py

bench: $(STAMP) system-deps  ## time handouts and print edition, cold and warm → bench/results/
	$(BIN)/python bench/handouts.py

bench-site: $(STAMP) system-deps  ## site build vs plain material, scale 1×/10×/30×, page weight, search → bench/results/
	$(BIN)/python bench/site.py

offline: $(STAMP)  ## offline classroom bundle of the student site (works from file://) → dist/offline/社群运营实战课.zip
	$(BIN)/coursekit offline

release: $(STAMP) system-deps  ## everything for a term in one versioned folder → dist/release/shequn-<version>/ (README: 发布包)
	$(MAKE) build teacher
	$(BIN)/coursekit offline
	$(BIN)/coursekit handouts
	$(BIN)/coursekit slides
	$(BIN)/coursekit questions
	$(BIN)/coursekit release

check: $(STAMP)  ## validate data and pages, lint them (rules and severities: coursekit.toml)
	$(BIN)/coursekit check

fix: $(STAMP)  ## correct Chinese typography and tabs in docs/ and data/, then check
	$(BIN)/coursekit check --fix

schemas: $(STAMP)  ## regenerate the editors' JSON Schemas in schemas/ from the models
	$(BIN)/coursekit schemas

lint: $(STAMP)  ## code and content gates: ruff, mypy --strict, layers (lint-imports), coursekit check --strict, schemas up to date
	$(BIN)/ruff check src tests macros
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/coursekit check --strict
	$(BIN)/coursekit schemas --check

system-deps:  ## apt packages the tests need (Chromium, LibreOffice, nginx)
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps lint  ## everything: lint gates, schema, golden, build, browser tests
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## tests that need no site build, no browser and no LibreOffice (markers in pyproject.toml)
	$(BIN)/python -m pytest -m "not build and not browser and not office"

lock:  ## re-pin every dependency into constraints.txt
	rm -rf /tmp/coursekit-lock && $(PYTHON) -m venv /tmp/coursekit-lock
	/tmp/coursekit-lock/bin/pip install --quiet -e '.[test]'
	{ echo "# Pinned versions of every dependency (direct and transitive). Update with \`make lock\`."; \
	  /tmp/coursekit-lock/bin/pip freeze --exclude-editable | grep -v '^coursekit'; } > constraints.txt

clean:
	rm -rf site site-teacher site-zh-hant site-zh-hant-teacher dist .pytest_cache .cache
