# mamori: the two set-up commands.
#   make run   - create .venv, install mamori, run the main job: mamori serve (web app + SMTP gateway + local sink)
#                on the embedded demo, data in var/; prints the URLs and the first admin login. Ctrl-C stops it.
#   make scan  - the discovery scan over examples/ with an HTML report (what make run did before the gateway)
#   make test  - create .venv, install mamori[test] (builds the Rust core), run ruff check, the core's cargo tests,
#                a release-wheel smoke test and the whole pytest suite (2 workers)
#   make fuzz  - the MIME/extract and core fuzz targets, long and randomised (make test runs short fixed-seed passes)
# Needs only python3 (>= 3.11) and make. Idempotent: the venv and the installs are redone only when
# pyproject.toml changes (stamp files inside .venv).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
BENCH_VENV ?= .venv-bench
# The engine's core is Rust (core/, built by maturin into mamori._core): rustup puts cargo in ~/.cargo/bin.
export PATH := $(HOME)/.cargo/bin:$(PATH)
CORE_SOURCES := core/Cargo.toml core/Cargo.lock $(shell find core/src -name '*.rs' 2>/dev/null)
HAVE_CARGO = @command -v cargo >/dev/null || { echo "mamori: cargo (Rust) is needed to build the engine core: install it with rustup (https://rustup.rs) or your distribution's cargo package" >&2; exit 2; }

.DEFAULT_GOAL := help
.PHONY: help run scan test lint core-test wheel-smoke fuzz system-deps bench bench-venv corpus throughput accuracy presidio clean

help:
	@echo "make run         install mamori into $(VENV) and start mamori serve (web app + gateway) on the embedded demo"
	@echo "make scan        scan examples/ with an HTML report (exit 0 whatever it finds)"
	@echo "make test        install mamori[test] into $(VENV); ruff check, the core's cargo fmt/clippy/test, a release-wheel smoke test, pytest -n 2"
	@echo "make fuzz        long, randomised passes of the MIME/extract and core fuzz targets (FUZZ_EXAMPLES=20000 per target)"
	@echo "make bench       speed and accuracy figures into bench-out/ (also: corpus, throughput, accuracy, presidio)"
	@echo "make clean       remove $(VENV), $(BENCH_VENV) and bench-out/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalled when pyproject.toml or the core's sources change (the editable install rebuilds mamori/_core*.so).
$(VENV)/.stamp-run: pyproject.toml $(CORE_SOURCES) | $(BIN)/python
	$(HAVE_CARGO)
	$(BIN)/pip install --disable-pip-version-check -q -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml $(CORE_SOURCES) | $(BIN)/python
	$(HAVE_CARGO)
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

# The core's own tests and lints (plain Rust, no interpreter).
core-test:
	$(HAVE_CARGO)
	cd core && cargo fmt --check && cargo clippy --all-targets --features python -q -- -D warnings && cargo test -q

# The release wheel a user installs: built with maturin, installed into a fresh venv with no Rust on PATH, smoke-tested.
wheel-smoke: $(VENV)/.stamp-test
	rm -rf dist/wheel-smoke && $(BIN)/maturin build --release -q -o dist/wheel-smoke
	rm -rf dist/wheel-venv && $(PYTHON) -m venv dist/wheel-venv
	env PATH=/usr/bin:/bin dist/wheel-venv/bin/pip install --disable-pip-version-check -q dist/wheel-smoke/mamori-*.whl
	env PATH=/usr/bin:/bin bash scripts/wheel-smoke.sh dist/wheel-venv

test: system-deps lint core-test wheel-smoke
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
	rm -rf $(VENV) $(BENCH_VENV) bench-out dist core/target

# The MIME/extract fuzz target, long and randomised (the normal test run does a short fixed-seed pass of the same
# file). MAMORI_FUZZ_EXAMPLES inputs per target; failing inputs are kept in .hypothesis/ and replayed first.
FUZZ_EXAMPLES ?= 20000
fuzz: $(VENV)/.stamp-test
	MAMORI_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider -q tests/security/test_extract_fuzz.py tests/detect/test_core_fuzz.py
