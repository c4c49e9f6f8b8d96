# Local Offer. `make site` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)

.PHONY: site serve test check catalogs schema tools benchmarks screenshots clean

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

## tools: Debian's chromium (browser tests), Noto fonts (every script on the page, as a phone has them),
## GNU gettext (msgfmt checks our catalogs as Poedit reads them), axe-core (npm)
DEBIAN_TOOLS := chromium fonts-noto-core gettext
tools: node_modules/.installed
	@dpkg -s $(DEBIAN_TOOLS) >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEBIAN_TOOLS); }

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## test: the whole suite, browser tests included (two workers: CI has two cores)
test: $(STAMP) tools
	$(PY) -m pytest -n 2

## benchmarks: build time, checker time, page weight and reading age
benchmarks: $(STAMP)
	$(PY) benchmarks/build_time.py
	$(PY) benchmarks/check_time.py
	$(PY) benchmarks/page_weight.py
	$(PY) benchmarks/reading_age.py

## screenshots: phone-sized pictures of the real build for the README
screenshots: site tools
	$(PY) scripts/screenshots.py

clean:
	rm -rf site site.new site.old reports docs/index.md $(filter-out docs/assets/ docs/readme/,$(wildcard docs/*/))
