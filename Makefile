# mamori: the two set-up commands.
#   make run   - create .venv, install mamori, run the main job: mamori serve (web app + SMTP gateway + local sink)
#                on the embedded demo, data in var/; prints the URLs and the first admin login. Ctrl-C stops it.
#   make scan  - the discovery scan over examples/ with an HTML report (what make run did before the gateway)
#   make test  - create .venv, install mamori[test], run ruff check and the whole pytest suite (2 workers)
# Needs only python3 (>= 3.11) and make. Idempotent: the venv and the installs are redone only when
# pyproject.toml changes (stamp files inside .venv).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
BENCH_VENV ?= .venv-bench

.DEFAULT_GOAL := help
.PHONY: help run scan test lint system-deps bench bench-venv corpus throughput accuracy presidio clean

help:
	@echo "make run         install mamori into $(VENV) and start mamori serve (web app + gateway) on the embedded demo"
	@echo "make scan        scan examples/ with an HTML report (exit 0 whatever it finds)"
	@echo "make test        install mamori[test] into $(VENV); ruff check + pytest -n 2"
	@echo "make bench       speed and accuracy figures into bench-out/ (also: corpus, throughput, accuracy, presidio)"
	@echo "make clean       remove $(VENV), $(BENCH_VENV) and bench-out/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -e '.[test]'
	@touch $@ $(VENV)/.stamp-run

run: $(VENV)/.stamp-run
	$(BIN)/mamori serve --data-dir var

# mamori exits 0 (nothing found), 1 (personal information found) or 2 (error): only 2 fails the job.
scan: $(VENV)/.stamp-run
	@mkdir -p bench-out
	@$(BIN)/mamori scan examples/ --report bench-out/examples-report.html; rc=$$?; \
	if [ $$rc -eq 2 ] || [ $$rc -gt 2 ]; then echo "mamori scan failed (exit $$rc)" >&2; exit $$rc; fi; \
	echo "mamori scan: exit $$rc (0 = nothing found, 1 = personal information found); report: bench-out/examples-report.html"

system-deps:
	@bash scripts/system-deps.sh

lint: $(VENV)/.stamp-test
	$(BIN)/ruff check .

test: system-deps lint
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

# ---- benchmarks (optional; the Presidio anchors go into a separate venv, never into .venv) ----

$(BENCH_VENV)/.stamp: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --disable-pip-version-check -q -e '.[bench]'
	@touch $@

bench-venv: $(BENCH_VENV)/.stamp

corpus: bench-venv
	$(BENCH_VENV)/bin/python benchmarks/make_corpus.py

throughput: $(VENV)/.stamp-run corpus
	$(BIN)/python benchmarks/throughput.py

accuracy: $(VENV)/.stamp-run
	bash benchmarks/accuracy.sh

presidio: bench-venv corpus
	$(BENCH_VENV)/bin/python benchmarks/presidio_baseline.py all

bench: throughput accuracy presidio

clean:
	rm -rf $(VENV) $(BENCH_VENV) bench-out
