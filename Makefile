# ElderDesk: `make run` starts the program, `make test` runs the test suite (headless).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
APT_PACKAGES := libegl1 libgl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 xvfb xauth \
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 \
  libxcb-xkb1 libxkbcommon-x11-0 fonts-wqy-microhei fonts-dejavu-core poppler-utils poppler-data \
  zbar-tools sqlite3 \
  binutils gcc libc6-dev postgresql
# The stamp names the package list: a machine set up for an older list installs the new one.
SYS_STAMP := /var/tmp/elderdesk-system-packages-$(shell echo '$(APT_PACKAGES)' | cksum | cut -d' ' -f1).done

.PHONY: run test system-packages venv lint bench screenshots clean i18n

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PIP) install -q -e '.[test]'
	touch $(TEST_STAMP)

venv: $(STAMP)

# System libraries for Qt (offscreen and Xvfb), the CJK font, PDF and QR tools (Debian/Ubuntu).
system-packages:
	@if [ -f $(SYS_STAMP) ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(APT_PACKAGES) >/dev/null && touch $(SYS_STAMP); \
	elif command -v apt-get >/dev/null 2>&1; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(APT_PACKAGES) >/dev/null && sudo touch $(SYS_STAMP); \
	else echo "Not Debian: install the Qt runtime libraries listed in APT_PACKAGES yourself."; fi

run: system-packages $(STAMP)
	$(PY) -m elderdesk

test: system-packages $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not timing"
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m timing

lint: $(TEST_STAMP)
	$(PY) -m ruff check elderdesk tests
	$(PY) -m mypy

bench: system-packages $(STAMP)
	$(PY) bench/run_all.py

screenshots: system-packages $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshot.py docs/manual/images

# Re-extract the GUI's strings (Chinese source; the data texts of elderdesk/ui/i18n_data.py, written
# by tools/i18n_data.py) and compile the translations to .qm (committed).
I18N_SOURCES = $(shell find elderdesk/ui -name '*.py' | sort) elderdesk/app.py
i18n: $(STAMP)
	$(PY) tools/i18n_data.py
	for lang in zh_CN en; do \
	  $(VENV)/bin/pyside6-lupdate $(I18N_SOURCES) -source-language zh_CN -target-language $$lang \
	    -no-obsolete -ts resources/i18n/elderdesk_$$lang.ts && \
	  $(VENV)/bin/pyside6-lrelease resources/i18n/elderdesk_$$lang.ts \
	    -qm resources/i18n/elderdesk_$$lang.qm || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info
