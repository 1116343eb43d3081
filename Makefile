# Set-up and everyday commands. `make run` and `make test` work on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WITH_BROWSER ?= 0
SERVICES_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kimtra_portal
SERVICES_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: run test test-services lint format setup system-deps messages messages-check worker

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Portal: http://127.0.0.1:$(PORT)/  (demo users: see README)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite with tasks in-process: no services needed. Browser tests use
# Debian's Chromium, installed with the other system packages.
test: WITH_BROWSER = 1
test: setup
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest

# The suite again on PostgreSQL and Redis with a real worker; a skipped test fails the run.
test-services: WITH_BROWSER = 1
test-services: setup
	DATABASE_URL=$(SERVICES_DATABASE_URL) REDIS_URL=$(SERVICES_REDIS_URL) $(BIN)/pytest --fail-on-skip

lint: setup messages-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: setup
	$(BIN)/celery -A kimtra_portal worker --loglevel=INFO

setup: system-deps $(VENV)/.installed messages

system-deps:
	@WITH_BROWSER=$(WITH_BROWSER) scripts/system-deps.sh

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

messages: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore=$(VENV) --verbosity=0

# Every UI string must have its Vietnamese translation.
messages-check: $(VENV)/.installed
	$(BIN)/python manage.py makemessages --locale=vi --no-location --ignore=$(VENV) --ignore=staticfiles --verbosity=0
	@untranslated=$$(msgattrib --untranslated --no-obsolete locale/vi/LC_MESSAGES/django.po | grep -c '^msgid' || true); \
	fuzzy=$$(msgattrib --only-fuzzy --no-obsolete locale/vi/LC_MESSAGES/django.po | grep -c '^msgid' || true); \
	if [ "$$untranslated$$fuzzy" != "00" ]; then \
	  echo "locale/vi: untranslated or fuzzy strings:"; \
	  msgattrib --untranslated locale/vi/LC_MESSAGES/django.po; msgattrib --only-fuzzy locale/vi/LC_MESSAGES/django.po; exit 1; \
	fi
