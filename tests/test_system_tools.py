"""A test that needs a system program or font fails under CI and is skipped (and named in the
summary) elsewhere: tests/system_tools.py."""

from __future__ import annotations

import pytest

from tests import system_tools
from tests.system_tools import needs


class _Item:
    """What system_tools.check reads of a collected test: its node id and needs_system marks."""

    def __init__(self, mark: pytest.MarkDecorator) -> None:
        self.nodeid = "tests/x.py::test_y"
        self._marks = [mark.mark]

    def iter_markers(self, name: str):  # type: ignore[no-untyped-def]
        return (m for m in self._marks if m.name == name)


@pytest.fixture
def no_programs(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no pdftoppm, no zbarimg
    monkeypatch.setitem(system_tools.FONTS, "DejaVu Sans",
                        (tmp_path / "none.ttf", "fonts-dejavu-core"))
    monkeypatch.setattr(system_tools, "SKIPPED", type(system_tools.SKIPPED)(list))


@pytest.mark.parametrize("ci", ["true", "1"])
def test_missing_under_ci_is_a_failure_naming_the_package(no_programs, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"needs pdftoppm, zbarimg \(apt package "
                                                    r"poppler-utils zbar-tools.*under CI"):
        system_tools.check(_Item(needs("pdftoppm", "zbarimg")))
    assert not system_tools.SKIPPED


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_missing_on_a_developer_machine_is_a_skip_in_the_summary(no_programs, monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="needs DejaVu Sans"):
        system_tools.check(_Item(needs("DejaVu Sans")))
    assert dict(system_tools.SKIPPED) == {"DejaVu Sans": ["tests/x.py::test_y"]}

    lines: list[str] = []

    class Reporter:
        def write_sep(self, _sep: str, title: str, **_kw: object) -> None:
            lines.append(title)

        def write_line(self, line: str) -> None:
            lines.append(line)

    system_tools.summary(Reporter())  # type: ignore[arg-type]
    assert "make system-packages" in lines[0]
    assert lines[1] == "DejaVu Sans (fonts-dejavu-core): 1 test(s) skipped, e.g. tests/x.py::test_y"


def test_present_tools_let_the_test_run(monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(system_tools, "available", lambda _name: True)
    system_tools.check(_Item(needs("pdftotext")))  # no exception: the test runs
    assert not [n for n in system_tools.PROGRAMS if not system_tools.available(n)]


def test_an_unknown_requirement_is_refused_when_written():
    with pytest.raises(ValueError, match="unknown system requirement"):
        needs("pdftocairo")
