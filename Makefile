# The course's commands. Each target sets up .venv from the pinned requirements when it is
# missing or older than requirements.txt/pyproject.toml, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
A      ?=
# nbgrader shells out to `alembic`, which must be on PATH; so must the venv's jupyter.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: help setup system lint check book book-en book-sv print-sv test bench serve lab docs assignments grade evaluate clean hub

help:
	@echo "make book   - set up and build the HTML book into _build/html, Swedish in _build/html/sv (strict)"
	@echo "make test   - set up, build the book and run the whole test suite"
	@echo "make check  - lint, type-check and the unit tests only (fast)"
	@echo "make serve  - serve the built book on http://127.0.0.1:$(PORT)"
	@echo "make lab    - JupyterLab on this repository"
	@echo "make docs   - regenerate the case READMEs' data dictionaries and the case-library page"
	@echo "make assignments [A=part1] - generate the student versions (instructor)"
	@echo "make grade A=part1         - autograde, feedback, export and cohort report (instructor)"
	@echo "make evaluate              - programme evaluation report from the pre/post self-assessments"
	@echo "make bench [N=30] - benchmarks (build, explorers, grading, hub with N participants)"
	@echo "make hub [INSTRUCTOR=name] - install and start the course hub on this Debian machine (root)"
	@echo "make clean  - remove the build, caches and generated nbgrader folders (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

# Sphinx re-reads a page, and jupyter-cache re-runs it, only when the page's source changes, not
# when the toolkit it imports does: a file in innolead/ or cases/ newer than the stamp clears
# both editions' read pages and notebook caches first (the next build is a cold one).
TOOLKIT_STAMP := _build/.toolkit-stamp
$(TOOLKIT_STAMP): $(shell find innolead cases -type f -not -path '*/__pycache__/*' 2>/dev/null)
	rm -rf _build/.doctrees _build/.jupyter_cache _build/sv/_build/.doctrees _build/sv/_build/.jupyter_cache
	mkdir -p _build && touch $@

# Two editions, built side by side (one core each): English from the repository root into
# _build/html, Swedish from sv/ (written from locales/sv/ by innolead.editions) into
# _build/html/sv. Each edition executes its chapters with its own notebook cache.
book: setup $(TOOLKIT_STAMP)
	$(BIN)/python -m innolead.editions sources
	$(MAKE) --no-print-directory -j2 book-en book-sv
	rm -rf _build/html/sv && cp -a _build/sv/_build/html _build/html/sv

book-en:
	$(BIN)/jupyter-book build . -W -n --keep-going

book-sv:
	$(BIN)/jupyter-book build sv -W -n --keep-going --path-output _build/sv

# The system packages the tests need (bubblewrap, chromium-headless-shell): installed with apt-get
# as root or with passwordless sudo, otherwise a one-line message with the command, before
# anything runs. The benchmarks also need the full chromium (Lighthouse).
system:
	@scripts/system-packages

# Browser tests fail (not skip) without Chromium: `system` has installed it or stopped.
# The hub suite (tests/hub, marker hub) runs last, in one process: its tests share one hub and
# cohort (pytest-xdist cannot keep them in one worker). It creates system users, so it runs as
# root: directly for root, through passwordless sudo for a user who has it (root's sbin added
# to PATH for useradd; nothing is written into the checkout), and otherwise it skips saying why.
ROOT_USER := $(filter 0,$(shell id -u))
SUDO_OK = $(if $(ROOT_USER),,$(shell command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && echo yes))
HUB_AS = $(if $(SUDO_OK),sudo -n env PATH="$$PATH:/usr/local/sbin:/usr/sbin:/sbin" PYTHONDONTWRITEBYTECODE=1)
# The suite reads the English edition (tests/i18n reads both); then the build and browser checks
# run again on the Swedish edition, served on its own and in its own language (INNOLEAD_LANG=sv),
# except the three that look for English words (tests/i18n/test_browser.py has their Swedish twins)
# and the explorer race (a burst of choices): the same script and states, only the words
# differ, and test_static_explorers drives every control of every Swedish explorer.
SV_CHECKS := tests/book/test_build.py tests/book/test_browser_offline.py \
	tests/browser/test_accessibility.py tests/browser/test_static_explorers.py tests/browser/test_page_speed.py
SV_SKIP := not phone_navigation_opens and not search_finds_glossary_term \
	and not widget_manager_loads_on_request and not choices_faster_than_it_draws
# The Swedish pass's files and -k expression, one per line (benchmarks/suite.py times that pass).
print-sv:
	@echo $(SV_CHECKS)
	@echo "$(SV_SKIP)"

test: system book lint
	REQUIRE_BROWSER=1 $(BIN)/python -m pytest -m "not hub"
	INNOLEAD_LANG=sv BOOK_HTML=$(abspath _build/html/sv) REQUIRE_BROWSER=1 $(BIN)/python -m pytest \
		-p no:cacheprovider $(SV_CHECKS) -k "$(SV_SKIP)"
	$(HUB_AS) REQUIRE_BROWSER=1 REQUIRE_HUB=$(if $(ROOT_USER)$(SUDO_OK),1,0) $(BIN)/python -m pytest \
		-n 0 -p no:cacheprovider -m hub tests/hub

# Style and types: ruff over the repository, mypy over the toolkit (settings in pyproject.toml).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# The fast loop while working: lint and the unit tests (no book build, browser, grading runs
# or hub), in a minute or two.
check: lint
	$(BIN)/python -m pytest -m "not slow and not browser and not book and not hub"

# N: participants in the hub load benchmark's last round (rounds of 10 and N; default 30).
N ?=
comma := ,
bench: export EXTRA_PACKAGES := chromium
bench: system book
	$(if $(N),HUB_BENCH_N=10$(comma)$(N)) $(BIN)/python -m benchmarks

# The course hub (deploy/hub): JupyterHub, its proxy, the shared environment and the exchange,
# brought up in one step on a fresh Debian machine (as root). INSTRUCTOR=name also creates the
# instructor's account and course folder.
INSTRUCTOR ?=
hub:
	$(if $(ROOT_USER),,sudo) deploy/hub/install.sh $(if $(INSTRUCTOR),--instructor $(INSTRUCTOR))

serve:
	@test -d _build/html || { echo "No built book yet: run 'make book' first."; exit 1; }
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

lab: setup
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --notebook-dir=.

docs: setup
	$(BIN)/python -m innolead.cases.docs

assignments: setup
	$(BIN)/innolead generate $(A)

grade: setup
	@test -n "$(A)" || { echo "Name the assignment: make grade A=part1"; exit 1; }
	$(BIN)/innolead grade $(A)

evaluate: setup
	$(BIN)/innolead evaluate

clean:
	rm -rf _build .pytest_cache .ruff_cache
	rm -rf exercises/release exercises/autograded exercises/feedback exercises/reports exercises/lms exercises/downloaded
