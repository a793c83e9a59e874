# Two commands: `make run` serves the app on its embedded defaults, `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHAINLP_OFFLINE := 1
export FLASK_APP := bot

.PHONY: run test test-pg bench lint model eval setup setup-dev browser nginx clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

# The category classifier, trained from the Traffy Fondue sample beside the repository.
# Only these targets train it: without the file the app ranks categories by keywords alone.
TRAFFY ?= ../shared/data/traffy_fondue_sample.csv
MODEL := instance/models/classifier.npz

$(MODEL): | $(VENV)/.installed
	$(BIN)/python -m handlers.classify.train --data $(TRAFFY) --out $(MODEL)

model: setup
	$(BIN)/python -m handlers.classify.train --data $(TRAFFY) --out $(MODEL)

eval: setup
	$(BIN)/python tests/bench/eval_classifier.py --data $(TRAFFY) --misses

# waitress would drop X-Forwarded-* itself; the app decides how many hops to trust
# (TRUSTED_PROXIES, 0 by default: the headers are ignored).
# The address people open: a server listening on every interface is reached at 127.0.0.1.
OPEN_HOST = $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))

run: setup $(MODEL)
	$(BIN)/flask init-db --address http://$(OPEN_HOST):$(PORT)
	@echo ""
	@echo "  Prongsai is running:"
	@echo "    citizen pages   http://$(OPEN_HOST):$(PORT)/"
	@echo "    complaint form  http://$(OPEN_HOST):$(PORT)/complaint"
	@echo "    track a case    http://$(OPEN_HOST):$(PORT)/track"
	@echo "    health          http://$(OPEN_HOST):$(PORT)/healthz"
	@echo "    LINE webhook    http://$(OPEN_HOST):$(PORT)/callback (set LINE_CHANNEL_SECRET first)"
	@echo ""
	$(BIN)/waitress-serve --host $(HOST) --port $(PORT) --threads 16 \
		--no-clear-untrusted-proxy-headers --call bot.app:create_wsgi

browser:
	@bash .ci/ensure-chromium

# nginx for the end-to-end test behind a reverse proxy (tests/e2e/test_behind_nginx.py).
nginx:
	@bash .ci/ensure-nginx

# In parallel (pytest-xdist): one worker more than this 2-core machine's cores measured fastest,
# as the end-to-end tests spend much of their time waiting for their servers and browser.
# Tests are handed out one by one: with whole files per worker a few long files (end-to-end,
# fuzzing) finished alone at the end (274 s against 161 s, measured 2026-12-03).
TEST_WORKERS ?= 3
XDIST = -n $(TEST_WORKERS) --dist load

test: setup-dev browser nginx $(MODEL)
	$(BIN)/python -m pytest -q $(XDIST)

# The integration suite again on a real PostgreSQL server (started locally by .ci/ensure-postgres).
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:55432/postgres
test-pg: setup-dev
	bash .ci/ensure-postgres
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -q $(XDIST) tests/integration

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup-dev $(MODEL)
	bash .ci/ensure-postgres
	$(BIN)/python -m pytest -q -s -p no:cacheprovider -o python_files='bench_*.py' \
		tests/bench/bench_webhook.py tests/bench/bench_webhook_pg.py tests/bench/bench_sheets.py
	$(BIN)/python -m tests.bench.bench_summary
	$(BIN)/python tests/bench/bench_classifier.py
	$(BIN)/python tests/bench/eval_classifier.py --data $(TRAFFY)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
