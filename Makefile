# newslib developer commands. Every target that needs the environment calls `install` first,
# so `make run` and `make test` each work alone on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds
OUT ?= out

.PHONY: install run test lint bench bench-quotes bench-scale bench-formats bench-duplicates lab clean

install: $(STAMP)

# Re-run pip only when the package metadata changed; a no-op install takes well under a second.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,html,dask]"
	touch $(STAMP)

# The tables in OUT/, then OUT/report.html and beside it OUT/report_files/ (every figure of the
# report as PNG and SVG, every table as CSV).
run: install
	$(BIN)/newslib analyze $(CORPUS) -o $(OUT)
	$(BIN)/newslib report $(CORPUS) -o $(OUT)/report.html

lint: install
	$(BIN)/ruff check newslib tests benchmarks tools notebooks
	$(BIN)/ruff format --check newslib tests benchmarks tools notebooks
	$(BIN)/python tools/strip_notebooks.py --check

test: install lint
	$(BIN)/python -m pytest -q

# Speed and accuracy, measured on ../shared/corpora/polnear-train when present (else synthetic).
# About 6 minutes on 2 cores; bench-scale alone is the scale table (about 4 of them).
bench: install
	$(BIN)/python -m benchmarks.bench_readability
	$(BIN)/python -m benchmarks.bench_sentiment
	$(BIN)/python -m benchmarks.quotes_polnear
	$(BIN)/python -m benchmarks.people_polnear
	$(BIN)/python -m benchmarks.bench_scale
	$(BIN)/python -m benchmarks.bench_formats
	$(BIN)/python -m benchmarks.bench_duplicates

# Full analysis at scale (10,000 articles built from PolNeAR): naive vs 1 job, all jobs, reruns.
# With the 100,000-article memory run (about 25 minutes on 2 cores in all); the memory figure
# alone: .venv/bin/python -m benchmarks.bench_scale --memory 100000 --memory-only
bench-scale: install
	$(BIN)/python -m benchmarks.bench_scale --memory 100000

bench-quotes: install
	$(BIN)/python -m benchmarks.quotes_polnear
	$(BIN)/python -m benchmarks.people_polnear

# One corpus as a folder, CSV, JSONL, JSONL.gz, zip, tar.gz and WARC.gz: load speed, peak memory,
# and whether every form gives the same table.
bench-formats: install
	$(BIN)/python -m benchmarks.bench_formats

# Near-duplicates on generated wire copy: precision and recall by threshold and by edit, then
# articles/s and the index's memory at 100,000 articles (about 4 minutes on 2 cores).
bench-duplicates: install
	$(BIN)/python -m benchmarks.bench_duplicates

# Open the notebooks in JupyterLab (their CORPUS defaults to ../seeds); Ctrl-C twice stops it.
# No news feed, update check or PyPI extension listing: nothing is fetched from the network.
# tools/lab/overrides.json is JupyterLab's documented defaults override (in the application
# settings directory): it turns the "official Jupyter news?" pop-up off; a user's own settings
# still win. --allow-root: JupyterLab refuses to start as root (e.g. in a container) without it.
lab: install
	$(BIN)/jupyter lab --notebook-dir=notebooks --allow-root \
		--LabApp.app_settings_dir="$(CURDIR)/tools/lab" \
		--LabApp.news_url=None \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		--LabApp.extension_manager=readonly

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .hypothesis
