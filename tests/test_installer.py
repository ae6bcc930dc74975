"""The frozen bundle: build build_installer.spec with PyInstaller once, then run the frozen program
(version, migrations, import, roster exports, card print and verify, the GUI) so the spec cannot
rot. Slow (~1 min on 2 cores): deselect locally with `-m "not installer"`; `make test` runs it."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import make_id

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "admin-pass-1"
TODAY = "2026-05-20"
OLD = make_id("1940-03-12", 11)  # 86 at TODAY: paid from the policy floor
IMPORTED = make_id("1938-11-20", 22)
EXE = ".exe" if sys.platform == "win32" else ""


def version() -> str:
    text = (ROOT / "elderdesk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Iterator[Path]:
    """The one-folder bundle, built once per session into a temporary folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: it belongs to the `test` extra")
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
         str(ROOT / "build_installer.spec")],
        cwd=out, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    print(f"\nPyInstaller build: {time.monotonic() - started:.1f} s")
    yield out / "dist" / "elderdesk"
    shutil.rmtree(out, ignore_errors=True)  # ~300 MB; pytest keeps its last three temp folders


@pytest.fixture(scope="session")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("frozen-home")


def frozen(bundle: Path, home: Path, *argv: str, stdin: str = "", program: str = "elderdesk",
           **env: str) -> subprocess.CompletedProcess:
    """Run a program of the bundle with a private home, fast hashing and a fixed today."""
    environ = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
               "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
               "ELDERDESK_FAST_HASH": "1", "ELDERDESK_PASSWORD": PASSWORD,
               "ELDERDESK_TODAY": TODAY, "QT_QPA_PLATFORM": "offscreen", **env}
    environ.pop("ELDERDESK_DB", None)
    return subprocess.run([str(bundle / f"{program}{EXE}"), *argv], input=stdin, env=environ,
                          capture_output=True, text=True, timeout=120, cwd=home)


@pytest.fixture(scope="session")
def office(bundle, home):
    """A database made by the frozen `init` (all migrations), with a reviewer, an approver and
    one person of 86; `office(*argv, user=...)` runs a command on it."""
    db = home / "office.db"
    r = frozen(bundle, home, "init", "--region", "420103", "--office", "江汉区民意街道社区服务中心",
               "--admin", "admin", "--db", str(db))
    assert r.returncode == 0, r.stderr

    def run(*argv: str, user: str | None = "admin", ok: bool = True, **kw):  # type: ignore[no-untyped-def]
        args = [*argv, "--db", str(db)] + (["--user", user] if user else [])
        result = frozen(bundle, home, *args, **kw)
        if ok:
            assert result.returncode == 0, f"{argv}: {result.stderr}"
        return result

    for name, role in (("rev", "reviewer"), ("appr", "approver")):
        run("user", "add", name, "--role", role, stdin=f"{PASSWORD}\n")
    run("people", "add", "--id", OLD, "--name", "欧阳秀英", "--community", "民意社区",
        "--bank", "中国工商银行", "--account", "6222021234567890123")  # paid: has an account
    run.db = db  # type: ignore[attr-defined]
    return run


def test_version(bundle, home):
    r = frozen(bundle, home, "--version")
    assert (r.returncode, r.stdout) == (0, f"elderdesk {version()}\n")


def test_bundle_carries_every_resource(bundle):
    internal = bundle / "_internal"
    shipped = {p.relative_to(ROOT) for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert shipped and all((internal / p).is_file() for p in shipped)
    for needed in ("resources/templates/register_template.xlsx", "resources/icons/elderdesk.png",
                   "resources/fonts/wqy-microhei.ttf", "resources/policies/wuhan.toml",
                   "elderdesk/store/migrations/env.py"):
        assert (internal / needed).is_file(), needed
    assert list((internal / "elderdesk/store/migrations/versions").glob("0001_*.py"))
    assert list(internal.glob("_rl_accel*")), "reportlab's C accelerator is missing"
    assert (bundle / f"elderdesk-gui{EXE}").is_file()


def test_register_search_and_import(bundle, office, home):
    workbook = fill_template(bundle, home / "名册.xlsx")
    report = home / "报告.xlsx"
    r = office("import", "people", str(workbook), "--report", str(report), "--json")
    assert '"imported": 1' in r.stdout and '"findings": []' in r.stdout
    assert report.is_file() and report.stat().st_size > 0
    found = office("people", "search", "oy", "--json").stdout  # pinyin initials (pypinyin data)
    assert OLD in found and "欧阳秀英" in found
    assert IMPORTED in office("people", "search", "孙", "--json").stdout


def fill_template(bundle: Path, path: Path) -> Path:
    """One person typed into the register template that the bundle ships."""
    from openpyxl import load_workbook

    book = load_workbook(bundle / "_internal/resources/templates/register_template.xlsx")
    ws = book.worksheets[0]
    header = [c.value for c in ws[3]]
    for column, value in (("序号", 1), ("姓名", "孙三"), ("身份证号", IMPORTED),
                          ("联系电话", "13900001111"), ("户籍类型", "本地")):
        ws.cell(4, header.index(column) + 1).value = value
    book.save(path)
    return path


def test_allowance_roster_pdf_and_bank_file(office, home):
    office("allowance", "apply", OLD, "--date", "2026-04-01")
    office("allowance", "review", OLD, "--approve", "--date", "2026-04-02", user="rev")
    office("allowance", "approve", OLD, "--date", "2026-04-03", user="appr")
    office("roster", "build", "--period", "2026Q2", user="appr")
    office("roster", "freeze", "--period", "2026Q2", user="appr")
    pdf, xlsx = home / "roster.pdf", home / "bank.xlsx"
    office("roster", "export", "--period", "2026Q2", "--pdf", str(pdf), "--xlsx", str(xlsx),
           user="appr")
    assert pdf.read_bytes()[:5] == b"%PDF-" and xlsx.read_bytes()[:2] == b"PK"
    if shutil.which("pdftotext"):  # the CJK font came along
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "欧阳秀英" in text


def test_card_issue_print_and_verify(office, home):
    from PIL import Image

    photo = home / "photo.jpg"
    Image.new("RGB", (300, 420), (200, 220, 240)).save(photo)
    issued = office("card", "issue", OLD, "--photo", str(photo), "--json").stdout
    qr = re.search(r'"qr": "([^"]+)"', issued).group(1)  # type: ignore[union-attr]
    card = home / "card.pdf"
    office("card", "print", OLD, "--pdf", str(card))
    assert card.read_bytes()[:5] == b"%PDF-"
    assert '"valid": true' in office("card", "verify", qr, "--json", user=None).stdout
    assert "BEGIN PUBLIC KEY" in office("card", "pubkey", user=None).stdout


def test_gui_opens_the_main_window(bundle, home, office):
    shot = home / "window.png"
    r = frozen(bundle, home, "--db", str(office.db), program="elderdesk-gui",
               ELDERDESK_SMOKE="1", ELDERDESK_SMOKE_USER="admin", ELDERDESK_SMOKE_SHOT=str(shot))
    assert r.returncode == 0, r.stderr
    assert "smoke: window shown=True" in r.stdout and "icon=True" in r.stdout
    assert "qt_zh=True" in r.stdout  # Qt's own texts (是/取消) came along and load
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"  # Qt's image plugins came along
