# The two commands a newcomer needs:  make run  (the dashboard)  and  make test  (everything).
# Only Python >= 3.11, pip, git and make are assumed; uv is installed into .tools/ on first use.

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PORT ?= 8501
# `make run` listens on this machine only; `make run ADDRESS=0.0.0.0` opens it to the network
ADDRESS ?= 127.0.0.1
# tests run in this many processes (pytest-xdist), each test file whole in one of them
TEST_WORKERS ?= 2
export UV_PYTHON_DOWNLOADS := never

.PHONY: run serve test setup db sql chromium axe libreoffice nginx lint types unit benchmark loadtest stress bench-burst bench-exports bench-first-paint bench-profiles clean

run: db  ## start the dashboard, building the database first if it is missing
	$(UV) run python -m dashboard.launch --server.address $(ADDRESS) --server.port $(PORT)

serve: db nginx  ## production mode: one app process per core behind nginx on :8080
	$(UV) run python -m dashboard.serving

test: setup chromium libreoffice nginx axe  ## lint, types, unit, integration and browser tests
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run pytest -n $(TEST_WORKERS) --dist loadfile

setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked
	@touch $@

db: setup
	$(UV) run python -m etl ensure

sql: db  ## the database read-only for analysts (DuckDB CLI if on PATH, else a SQL prompt)
	$(UV) run python -m etl sql

chromium:  ## Debian's Chromium, for browser tests and image export
	@bash scripts/install-chromium.sh

axe:  ## axe-core from npm (locked in tests/browser/axe/), for the accessibility browser tests
	@bash scripts/install-axe.sh

libreoffice:  ## Debian's LibreOffice Impress and poppler: a test renders a generated deck
	@bash scripts/install-libreoffice.sh

nginx:  ## Debian's nginx with brotli, for the production mode and its tests
	@bash scripts/install-nginx.sh

loadtest: setup chromium nginx  ## 1 vs 20 sessions against the production mode (national scale)
	$(UV) run python -m benchmarks.load.loadtest --report test-artifacts/loadtest.json

stress: db  ## 40 sessions for 10 minutes against one app process, health check watched
	$(UV) run python -m benchmarks.load.stress --sessions 40 --minutes 10 --self-serve

bench-burst: db  ## 20 sessions at once, each page: ours vs a bare Streamlit page with its elements
	$(UV) run python -m benchmarks.load.bare_vs_ours --json test-artifacts/bare_vs_ours.json

bench-exports: db chromium nginx  ## export URLs, nginx's cache and an embed's first paint, timed
	$(UV) run python -m benchmarks.exports --json test-artifacts/exports.json

bench-first-paint: db chromium nginx  ## a link's first paint and live chart vs a bare Streamlit page, and 20 at once
	$(UV) run python -m benchmarks.first_paint --json test-artifacts/first_paint.json

benchmark: db
	$(UV) run python benchmarks/run.py

bench-profiles: db  ## all 312 printable profiles, their pages and sizes, /profil/0461.pdf warm
	$(UV) run python benchmarks/profiles.py

clean:
	rm -rf .venv $(TOOLS) test-artifacts .serve
