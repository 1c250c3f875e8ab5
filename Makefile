# dichvucong: two commands on a fresh machine, `make start` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

# Resolve from the package index only, with the committed pins: ignore any machine-wide
# pip configuration (extra indexes, find-links folders).
export PIP_CONFIG_FILE := /dev/null
unexport PIP_FIND_LINKS PIP_EXTRA_INDEX_URL
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Portal settings (override on the command line: make start PORT=8081 SITE_ID=hn).
HOST ?= 127.0.0.1
PORT ?= 8080
SITE_ID ?= hanoi
CITY ?= hanoi
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin
export HOST PORT SITE_ID CITY ADMIN_USER ADMIN_PASSWORD

XML_FILES = $$(find src profiles -name '*.zcml' -o -name '*.xml')

.PHONY: help
help: ## Show the targets
	@grep -hE '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: constraints.txt requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "make: installing into $(VENV) from constraints.txt (first time: a few minutes)"
	@$(BIN)/python -m pip install -q -c constraints.txt pip setuptools wheel
	@$(BIN)/python -m pip install -q --no-build-isolation -r requirements.txt
	@$(BIN)/python -m pip check
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned stack

.PHONY: start
start: install ## Install, create the site if missing, serve on http://HOST:PORT/SITE_ID
	@$(BIN)/python scripts/portal.py start

.PHONY: upgrade
upgrade: install ## Run the pending upgrade steps of the add-on and the city's data (portal stopped)
	@$(BIN)/python scripts/portal.py upgrade

.PHONY: configure
configure: install ## Rewrite instance/etc/ from instance/templates/ (keeps zope.conf.bak)
	@$(BIN)/python scripts/portal.py configure

.PHONY: test
test: install ## Run the whole test suite
	@$(BIN)/pytest

.PHONY: lint
lint: install ## ruff (lint + format check) and zpretty
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/zpretty --check $(XML_FILES)

.PHONY: format
format: install ## Format Python (ruff) and XML/ZCML (zpretty)
	@$(BIN)/ruff check --select I --fix .
	@$(BIN)/ruff format .
	@$(BIN)/zpretty -i $(XML_FILES)

.PHONY: i18n
i18n: install ## Rebuild dichvucong.pot and sync the vi/en catalogues
	@$(BIN)/python -m dichvucong.locales

.PHONY: bench
bench: install ## Catalogue benchmark on a throw-away instance (import 2,000, search load)
	@$(BIN)/python benchmarks/catalogue_bench.py

.PHONY: bench-dossiers
bench-dossiers: install ## Dossier benchmark: submissions and worklist at 10,000 and 100,000 dossiers
	@$(BIN)/python benchmarks/dossier_bench.py

versions.cfg: constraints.txt scripts/versions_cfg.py
	@$(BIN)/python scripts/versions_cfg.py constraints.txt > $@
	@echo "make: wrote $@ from constraints.txt"

.PHONY: versions
versions: install versions.cfg ## Regenerate versions.cfg (buildout pins) from constraints.txt

.PHONY: clean
clean: ## Remove .venv and generated instance configuration (keeps the database)
	rm -rf $(VENV) instance/etc src/*.egg-info

.PHONY: clean-db
clean-db: ## Delete the database under instance/var (asks first)
	@read -p "Delete instance/var (all content)? [y/N] " ok && [ "$$ok" = y ] && rm -rf instance/var
