"""Roster exports: the bank xlsx read back with openpyxl, the printed PDF through poppler."""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.roster import ItemView, LineView, RosterView
from elderdesk.reports import fonts
from elderdesk.reports.pdf_table import fit, plan_pages
from elderdesk.reports.roster_pdf import month_ranges, period_zh, write_roster_pdf
from elderdesk.reports.roster_xlsx import HEADERS, write_bank_xlsx
from tests.helpers import make_id
from tests.system_tools import needs

poppler = needs("pdftotext")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑欧阳"
GIVEN = "秀英桂兰凤珍玉梅淑芳明华建国志强德福永红春丽金花堃喆"
COMMUNITIES = ("万松园社区", "新华家园社区居民委员会", "常青花园第一社区居民委员会", "前进社区")
BANKS = ("汉口银行", "中国农业银行股份有限公司武汉市江汉区万松园路支行营业部", "中国邮政储蓄银行")


def build_roster(n: int, status: str = "draft", seed: int = 7, period: str = "2026Q3"):
    """n people, deterministic: ~15% with arrears, ~10% with recoveries (some only that)."""
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        birth = date(rnd.randint(1920, 1946), rnd.randint(1, 12), rnd.randint(1, 28))
        monthly = rnd.choice((10000, 20000, 50000, 12345, 1, 99999))
        items = [ItemView(f"2026-0{m}", "regular", monthly) for m in (7, 8, 9)]
        if rnd.random() < 0.15:
            items[:0] = [
                ItemView("2026-05", "arrears", monthly + 7),
                ItemView("2026-06", "arrears", monthly),
            ]
        if rnd.random() < 0.10:
            recovery = [
                ItemView("2026-03", "recovery", 10000),
                ItemView("2026-04", "recovery", 333),
            ]
            items = recovery if rnd.random() < 0.3 else recovery + items
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2)))
        person = (make_id(birth, i), name, rnd.choice("MF"), birth, "民意街道")
        bank = (rnd.choice(COMMUNITIES), rnd.choice(BANKS), f"62284800{rnd.randrange(10**11):011d}")
        lines.append(LineView(*person, *bank, "80–89", monthly, 2026 - birth.year, tuple(items)))
    lines.sort(key=lambda ln: ln.id_number)
    frozen = status == "frozen"
    return RosterView(
        period,
        status,
        "江汉区民意街道社区服务中心",
        datetime(2026, 9, 20, 9, 30),
        "clerk",
        datetime(2026, 9, 25) if frozen else None,
        "approver" if frozen else None,
        tuple(lines),
    )


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path, *flags: str) -> list[str]:
    return run("pdftotext", *flags, str(pdf), "-").split("\f")[:-1]


# ---- bank xlsx ------------------------------------------------------------------------------


def read_sheet(path: Path):
    from openpyxl import load_workbook

    book = load_workbook(path)
    return list(book.worksheets[0].iter_rows())


def test_bank_xlsx_has_the_six_columns_full_ids_and_exact_amounts(tmp_path):
    roster = build_roster(200)
    paying = roster.paying_lines
    assert 0 < len(paying) < len(roster.lines)  # recovery-only lines are left out
    path = tmp_path / "bank.xlsx"
    write_bank_xlsx(path, roster)
    rows = read_sheet(path)
    assert tuple(c.value for c in rows[0]) == HEADERS
    assert len(rows) == len(paying) + 2
    for n, (row, line) in enumerate(zip(rows[1:-1], paying, strict=True), start=1):
        seq, name, id_cell, bank, account, amount = row
        assert (seq.value, name.value, bank.value) == (n, line.name, line.bank)
        assert id_cell.data_type == "s" and id_cell.value == line.id_number
        assert len(id_cell.value) == 18 and id_cell.number_format == "@"
        assert account.data_type == "s" and account.value == line.account
        assert Decimal(str(amount.value)).quantize(Decimal("0.01")) * 100 == line.paid_fen
        assert amount.number_format == "0.00"
    total = rows[-1]
    assert total[0].value == "合计" and total[1].value == f"{len(paying)}人"
    fen = Decimal(str(total[5].value)).quantize(Decimal("0.01")) * 100
    assert fen == sum(ln.paid_fen for ln in paying) == roster.totals_fen()["paid"]


def test_bank_xlsx_amounts_survive_awkward_fen_values(tmp_path):
    base = build_roster(1).lines[0]
    values = [1, 7, 10, 29, 110, 1005, 99999, 12345678901, 10**12 - 1]
    lines = tuple(
        dataclasses.replace(
            base, id_number=make_id("1940-01-01", i), items=(ItemView("2026-07", "regular", v),)
        )
        for i, v in enumerate(values)
    )
    path = tmp_path / "odd.xlsx"
    write_bank_xlsx(path, dataclasses.replace(build_roster(0), lines=lines))
    got = [Decimal(str(r[5].value)).quantize(Decimal("0.01")) * 100 for r in read_sheet(path)[1:]]
    assert got == [*values, sum(values)]


def test_bank_xlsx_of_an_empty_roster_has_a_zero_total(tmp_path):
    write_bank_xlsx(tmp_path / "empty.xlsx", build_roster(0))
    rows = read_sheet(tmp_path / "empty.xlsx")
    assert [c.value for c in rows[-1]][:2] == ["合计", "0人"] and rows[-1][5].value == 0


def test_a_failed_bank_export_leaves_no_file(tmp_path):
    def lines():
        yield from build_roster(5).lines
        raise OSError("disk full")

    roster = dataclasses.replace(build_roster(0), lines=lines())
    with pytest.raises(OSError):
        write_bank_xlsx(tmp_path / "bank.xlsx", roster)
    assert list(tmp_path.iterdir()) == []


# ---- printed roster -------------------------------------------------------------------------


def test_period_and_month_ranges_in_chinese():
    assert period_zh("2026Q3") == "2026年第3季度" and period_zh("2026-07") == "2026年7月"
    assert month_ranges(["2026-06", "2026-05", "2026-09"]) == ["2026年5月至2026年6月", "2026年9月"]
    assert month_ranges(["2025-12", "2026-01"]) == ["2025年12月至2026年1月"]


@poppler
def test_draft_roster_pdf(tmp_path):
    roster = build_roster(120)
    pdf = tmp_path / "roster.pdf"
    write_roster_pdf(pdf, roster, prepared_by="张晓梅")
    info = run("pdfinfo", str(pdf))
    assert re.search(r"Page size:\s+841.89 x 595.276 pts \(A4\)", info)  # landscape
    n_pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    pages = pages_of(pdf, "-layout")
    assert len(pages) == n_pages >= 6
    title = "江汉区民意街道社区服务中心高龄津贴发放花名册（2026年第3季度）"
    for i, page in enumerate(pages, start=1):
        assert title in page and re.search(rf"第\s*{i}\s*页\s*共\s*{n_pages}\s*页", page)
    table_pages = [p for p in pages if "本页小计" in p]
    assert len(table_pages) >= 5
    for page in table_pages:  # the column header is repeated on every page of the table
        for word in ("序号", "身份证号", "出生日期", "实发金额", "开户银行", "领取人签字"):
            assert word in page
    text = "\n".join(pages)
    totals = roster.totals_fen()
    for line in roster.paying_lines:
        assert line.name in text and mask_id(line.id_number) in text
        assert line.id_number not in text and line.account not in text
    assert re.search(
        rf"合计\s+人数：{totals['people']} 人\s+{fen_to_str(totals['regular'], grouping=True)}\s+"
        rf"{fen_to_str(totals['arrears'], grouping=True)}\s+{fen_to_str(totals['paid'], grouping=True)}",
        text,
    )
    assert "补发2026年5月至2026年6月" in text
    assert totals["paid"] >= 100000  # money columns print as the screens do: 1,200.00
    assert "追回名单（" in text and len(roster.recovery_lines) > 5
    assert re.search(
        rf"追回合计\s+人数：{len(roster.recovery_lines)} 人\s+"
        rf"{fen_to_str(totals['recovery'], grouping=True)}",
        text,
    )
    for word in ("制表人：张晓梅", "审核人", "负责人", "盖章", "日期"):
        assert word in pages[-1]
    for page in pages_of(pdf, "-raw"):  # the watermark, as text of its own, on every page
        assert "草稿" in page.splitlines()
    fonts_table = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts_table and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in fonts_table)


@poppler
def test_frozen_roster_pdf_has_no_watermark_and_can_show_full_numbers(tmp_path):
    roster = build_roster(40, status="frozen")
    pdf = tmp_path / "frozen.pdf"
    write_roster_pdf(pdf, roster, mask=False)
    text = run("pdftotext", "-layout", str(pdf), "-")
    assert "草稿" not in text and "定稿：2026-09-25" in text
    for line in roster.paying_lines[:10]:
        assert line.id_number in text and line.account in text


@poppler
def test_roster_pdf_with_no_payments_still_prints_totals_and_signatures(tmp_path):
    pdf = tmp_path / "empty.pdf"
    write_roster_pdf(pdf, build_roster(0, status="frozen"))
    text = run("pdftotext", "-layout", str(pdf), "-")
    assert re.search(r"合计\s+人数：0 人\s+0.00\s+0.00\s+0.00", text) and "制表人" in text


@pytest.fixture
def no_fallback_fonts():
    fonts.set_fallback_fonts([])
    yield
    fonts.set_fallback_fonts(None)


def test_missing_glyphs_are_found_and_replaced_visibly(no_fallback_fonts):
    assert fonts.missing_glyphs("张堃喆 420103") == set()
    assert fonts.missing_glyphs("刘䶮") == {"䶮"}
    assert fonts.unprintable("刘䶮") == {"䶮"}
    assert fonts.runs("刘䶮") == ((fonts.FONT_NAME, "刘" + fonts.PLACEHOLDER),)


@poppler
def test_rare_name_character_is_reported_and_printed_as_placeholder(tmp_path, no_fallback_fonts):
    roster = build_roster(5)
    rare = dataclasses.replace(roster.lines[0], name="刘䶮")
    roster = dataclasses.replace(roster, lines=(rare, *roster.lines[1:]))
    found = []
    write_roster_pdf(tmp_path / "rare.pdf", roster, on_missing=found.extend)
    assert found == [("刘䶮", mask_id(rare.id_number), "䶮")]
    assert "刘" + fonts.PLACEHOLDER in run("pdftotext", str(tmp_path / "rare.pdf"), "-")


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@poppler
@needs("DejaVu Sans")
def test_a_system_font_draws_what_the_main_font_lacks(tmp_path):
    fonts.set_fallback_fonts([DEJAVU])
    try:
        assert fonts.missing_glyphs("张‱") == {"‱"} and fonts.unprintable("张‱") == set()
        assert [f for f, _ in fonts.runs("张‱")] == [fonts.FONT_NAME, fonts.fallback_font("‱")]
        roster = build_roster(3)
        odd = dataclasses.replace(roster.lines[0], community="前进‱社区")
        write_roster_pdf(tmp_path / "fb.pdf", dataclasses.replace(roster, lines=(odd,)))
        assert "前进‱社区" in run("pdftotext", str(tmp_path / "fb.pdf"), "-")
        assert re.search(r"DejaVuSans\s.*yes\s+yes", run("pdffonts", str(tmp_path / "fb.pdf")))
    finally:
        fonts.set_fallback_fonts(None)


def test_fitted_text_never_leaves_its_cell():
    fonts.register_cjk_font()
    rnd = random.Random(3)
    for _ in range(300):
        text = "".join(rnd.choice(GIVEN + "0123456789·（）") for _ in range(rnd.randint(1, 60)))
        width, height = rnd.choice((36, 56, 76, 90)), rnd.choice((16.0, 21.0))
        size, lines = fit(text, width, height, True)
        assert "".join(lines).replace("…", "") in text.replace(" ", "") or lines[-1][-1] == "…"
        assert all(fonts.text_width(ln, size) <= width + 0.01 for ln in lines)
        assert len(lines) * size * 1.2 <= height


def test_page_plan_places_every_row_once_and_never_leaves_signatures_alone():
    kw = {
        "top": 520.0,
        "bottom": 36.0,
        "row_h": 21.0,
        "head_h": 22.0,
        "sum_h": 16.0,
        "rec_row_h": 18.0,
        "sign_h": 62.0,
    }
    for n in range(70):
        for r in (0, 1, 4, 25, 60):
            pages = plan_pages(n, r, **kw)
            ops = [op for page in pages for op in page]
            assert [i for o, _, a, b in ops if o == "rows" for i in range(a, b)] == list(range(n))
            assert [i for o, _, a, b in ops if o == "rec_rows" for i in range(a, b)] == list(
                range(r)
            )
            assert all(pages) and pages[-1][-1][0] == "sign" and len(pages[-1]) > 1


@pytest.mark.slow
def test_ten_thousand_line_roster_pdf_is_fast(tmp_path):
    roster = build_roster(10_000)
    start = time.perf_counter()
    write_roster_pdf(tmp_path / "big.pdf", roster)
    assert time.perf_counter() - start < 15  # P7; about 2.5 s here
