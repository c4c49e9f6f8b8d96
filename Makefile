# Local Offer. `make site` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)

.PHONY: site serve test check catalogs schema browser clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## site: validate, translate, render and build every language into site/
site: $(STAMP)
	$(PY) -m localoffer site

## serve: live preview on http://127.0.0.1:8000, rebuilt on edits
serve: $(STAMP)
	$(PY) -m localoffer serve

## check: the checker (content, translations, links)
check: $(STAMP)
	$(PY) -m localoffer check

## catalogs: extract strings into locales/messages.pot, update and compile every .po
catalogs: $(STAMP)
	$(PY) -m localoffer catalogs

## schema: regenerate content/schema/*.json for editors
schema: $(STAMP)
	$(PY) -m localoffer schema

## browser: Debian's chromium, for the browser tests
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }

## test: the whole suite, browser tests included
test: $(STAMP) browser
	$(PY) -m pytest

clean:
	rm -rf site site.new site.old reports docs/index.md $(filter-out docs/assets/,$(wildcard docs/*/))
