"""Tests that need a program or a font of the system (the Makefile's APT_PACKAGES; `make
system-packages` installs them): mark them `@needs("pdftotext")`. Missing, such a test fails
with a clear message under CI (the CI environment variable set), where the packages must be
there; on a developer machine without them it is skipped, and the run's summary names what
was missing (tests/conftest.py's terminal summary)."""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

# name -> (how it is found, the Debian package that brings it)
PROGRAMS = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "zbarimg": "zbar-tools"}
FONTS = {"DejaVu Sans": (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                         "fonts-dejavu-core")}
MARKER = "needs_system"
SKIPPED: dict[str, list[str]] = defaultdict(list)  # missing name -> the tests skipped for it


def needs(*names: str) -> pytest.MarkDecorator:
    """The test runs only with these programs (PROGRAMS) and fonts (FONTS) installed."""
    unknown = [n for n in names if n not in PROGRAMS and n not in FONTS]
    if unknown:
        raise ValueError(f"unknown system requirement {unknown}: add it to tests/system_tools.py")
    return getattr(pytest.mark, MARKER)(*names)


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def available(name: str) -> bool:
    if name in FONTS:
        return FONTS[name][0].exists()
    return shutil.which(name) is not None


def package(name: str) -> str:
    return FONTS[name][1] if name in FONTS else PROGRAMS[name]


def check(item: pytest.Item) -> None:
    """Before a marked test runs: fail (CI) or skip (elsewhere) when something is missing."""
    names = [n for m in item.iter_markers(MARKER) for n in m.args]
    missing = [n for n in dict.fromkeys(names) if not available(n)]
    if not missing:
        return
    packages = " ".join(dict.fromkeys(package(n) for n in missing))
    message = (f"needs {', '.join(missing)} (apt package {packages}; `make system-packages` "
               f"installs the Makefile's APT_PACKAGES)")
    if under_ci():
        pytest.fail(f"{message}: missing under CI", pytrace=False)
    for name in missing:
        SKIPPED[name].append(item.nodeid)
    pytest.skip(message)


def summary(reporter: pytest.TerminalReporter) -> None:
    """Name what was missing at the end of the run, so a skip is never silent."""
    if not SKIPPED:
        return
    reporter.write_sep("-", "skipped for want of system packages (install them: "
                            "make system-packages)", yellow=True)
    for name, tests in sorted(SKIPPED.items()):
        reporter.write_line(f"{name} ({package(name)}): {len(tests)} test(s) skipped, "
                            f"e.g. {tests[0]}")
