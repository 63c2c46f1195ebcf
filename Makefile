# Foot to Back: two commands on a fresh machine (Python 3.11+, make):
#   make site   build the checked site into site/ (installs what it needs)
#   make test   run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.browser

.PHONY: site publish check serve test new stats lock clean online bench deps browser-deps

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

deps: $(STAMP)

# Browser tests need Debian's Chromium (a downloaded browser cannot be used here) and axe-core from npm.
$(BROWSER_STAMP): $(STAMP) tests/browser/package.json tests/browser/package-lock.json
	bash scripts/tools/ensure-chromium.sh
	cd tests/browser && npm ci --silent --no-audit --no-fund
	touch $@

browser-deps: $(BROWSER_STAMP)

## check: every offline check on docs/, no HTML build; exit 1 on errors
# CHANGED=<git ref> reports only what changed since it (CI: CHANGED=origin/main); FORMAT=text|json|github.
check: $(STAMP)
	$(PY) -m healthguide check $(if $(CHANGED),--changed "$(CHANGED)") $(if $(FORMAT),--format $(FORMAT))

## site: checks, then a strict build into site/ (the plugin runs the same checks inside MkDocs)
site: check
	$(PY) -m mkdocs build --strict --clean
	$(PY) -m healthguide check --built site

## publish: `make site` for putting online: refuses a missing or placeholder site_url in mkdocs.yml (HG610)
publish: $(STAMP)
	$(PY) -m healthguide check --publish
	$(MAKE) site

## serve: live preview; findings appear as warnings and pages keep rendering
serve: $(STAMP)
	$(PY) -m mkdocs serve

## test: the whole suite (unit, integration with real MkDocs builds, browser, online checks on 127.0.0.1)
test: $(STAMP) $(BROWSER_STAMP)
	$(PY) -m pytest

## new: scaffold an article, e.g. make new TYPE=spoke PILLAR=foot-back-connection/index.md TITLE="Heel cups"
new: $(STAMP)
	$(PY) -m healthguide new $(or $(TYPE),spoke) --title "$(TITLE)" $(if $(PILLAR),--pillar "$(PILLAR)")

## stats: words, citations, sources, reading grade and review date per article
stats: $(STAMP)
	$(PY) -m healthguide stats

## lock: re-pin requirements.txt with hashes from requirements.in
lock:
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

## online: network checks (external links of site/, DOIs, PMIDs); never part of check or site.
## Writes a Markdown report to $$GITHUB_STEP_SUMMARY when set. Run `make site` first.
online: $(STAMP)
	$(PY) -m healthguide online identifiers; id=$$?; \
	$(PY) -m healthguide online links --site site/; ln=$$?; \
	exit $$(( id > ln ? id : ln ))

## bench: our checks against MkDocs, lychee and linkchecker on synthetic guides (~30 min; table in bench/README.md)
bench: $(STAMP)
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(PY) bench/run.py

clean:
	rm -rf site .healthguide-cache
