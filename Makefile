# Two commands for a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup system-deps browser-deps run serve worker test lint pytest check messages bench clean

help:
	@echo "make run    install everything, migrate, load the demo agenda, serve on http://$(HOST):$(PORT)"
	@echo "make test   install everything, then ruff, makemigrations --check and the whole test suite"
	@echo "make serve  the production stack locally: gunicorn, WhiteNoise, the task worker"
	@echo "make setup  the shared, idempotent install step"

# --- installation -------------------------------------------------------------------------

# Debian packages: Pango for WeasyPrint, DejaVu fonts embedded in PDFs, gettext for messages.
system-deps:
	@missing=""; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages:$$missing. Install them (Debian/Ubuntu: sudo apt-get install$$missing) and run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2; \
	    exit 1; \
	  fi; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: $(wildcard package-lock.json)
	@if [ -f package.json ]; then \
	  command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ (Debian: apt-get install nodejs npm)" >&2; exit 1; }; \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	fi

setup: system-deps $(VENV)/.installed node_modules/.installed

# --- running ------------------------------------------------------------------------------

# A local .env with a generated secret key, made once; never committed.
.env:
	@echo "Creating .env for local use (DEBUG on, a generated SECRET_KEY)"
	@printf 'DEBUG=on\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env

run: setup .env
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data --if-empty
	@echo ""
	@echo "The portal runs at http://$(HOST):$(PORT)/"
	@echo "Create an account:  PASSWORD=... $(MANAGE) add_user NAME --role coordinator --password-env PASSWORD"
	@echo "An administrator:   $(MANAGE) createsuperuser"
	@echo ""
	@# The task worker (large annexes) runs beside the development server and stops with it.
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# Production settings over plain HTTP on this machine: DEBUG off, hashed and compressed static
# files served by WhiteNoise, gunicorn (config/gunicorn.conf.py) and the task worker.
SERVE_ENV := DEBUG=off STATIC_MANIFEST=on SECURE_SSL_REDIRECT=off SESSION_COOKIE_SECURE=off \
	CSRF_COOKIE_SECURE=off SECURE_HSTS_SECONDS=0 HOST=$(HOST) PORT=$(PORT)

serve: setup .env
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) load_demo_data --if-empty
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	@echo "The portal runs at http://$(HOST):$(PORT)/ (gunicorn; the health check is /health/)"
	$(SERVE_ENV) $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(BIN)/gunicorn config.wsgi -c config/gunicorn.conf.py

# The task worker alone (production runs it as its own service next to gunicorn).
worker: setup
	$(MANAGE) db_worker

# --- checks -------------------------------------------------------------------------------

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: setup
	DEBUG=on $(MANAGE) check
	DEBUG=on $(MANAGE) makemigrations --check --dry-run

pytest: setup browser-deps
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint check pytest

messages: setup
	DEBUG=on $(MANAGE) makemessages -l nl --no-obsolete --ignore=node_modules --ignore=.venv
	DEBUG=on $(MANAGE) compilemessages -l nl --ignore=node_modules --ignore=.venv

bench: setup
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/table.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/api.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/annex.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/import.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/exports.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/pages.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/annex_cache.py
	DEBUG=off SECRET_KEY=bench-only $(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache
