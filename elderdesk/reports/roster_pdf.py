"""The printed payment roster (发放花名册): A4 landscape, drawn straight on a reportlab canvas.

Every page repeats the title and the column header and ends with a page subtotal; the last
table page holds the grand total (with the amount in capitals), followed by the recoveries
(追回名单) and the signature block. Layout is planned first (fixed row heights), so "第 N 页 共
M 页" is known while drawing. ID numbers and accounts are masked unless mask=False. A draft
carries a light-grey diagonal 草稿 watermark on every page; a frozen one its 校验码 (the freeze's
audit record, for `audit verify --head`) in every page's footer.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from elderdesk.domain.idcard import SEX_LABELS, mask_account, mask_id
from elderdesk.domain.money import fen_to_capital, fen_to_str
from elderdesk.domain.months import month_ranges, period_zh
from elderdesk.domain.roster import LineView, RosterView
from elderdesk.reports import fonts
from elderdesk.reports.pdf_table import Cols, draw_band, draw_cells, draw_rows, plan_pages

log = logging.getLogger(__name__)

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 18.0
TITLE_SIZE, SMALL = 15.0, 7.5
ROW_H, HEAD_H, SUM_H, REC_ROW_H = 21.0, 22.0, 16.0, 18.0
BODY_TOP = PAGE_H - MARGIN - 42  # below the title and the subtitle line
BODY_BOTTOM = MARGIN + 16  # above the page number
SIGN_H = 62.0  # signatures, seal and date

# (title, width, align, wrap); 银行账号 and 领取人签字 share the rest of the width.
_MAIN = [
    ("序号", 28, "c", False),
    ("街道", 42, "l", True),
    ("社区", 60, "l", True),
    ("姓名", 40, "l", True),
    ("性别", 18, "c", False),
    ("身份证号", 76, "c", False),
    ("出生日期", 40, "c", False),
    ("年龄", 20, "c", False),
    ("津贴档次", 30, "c", True),
    ("月标准", 32, "r", False),
    ("发放月数", 22, "c", False),
    ("本期应发", 38, "r", False),
    ("补发", 36, "r", False),
    ("实发金额", 40, "r", False),
    ("开户银行", 80, "l", True),
    ("银行账号", 0, "c", False),
    ("备注", 92, "l", True),
    ("领取人签字", 0, "c", False),
]
_REC = [
    ("序号", 30, "c", False),
    ("街道", 70, "l", True),
    ("社区", 110, "l", True),
    ("姓名", 60, "l", True),
    ("身份证号", 100, "c", False),
    ("追回月份", 190, "l", True),
    ("月数", 36, "c", False),
    ("追回金额", 80, "r", False),
    ("备注", 0, "l", True),
]
_AMOUNT_COLS = (11, 12, 13)  # 本期应发, 补发, 实发金额
# A district's roster ends with the subtotals per street and community (multi-office.md §5).
_SUB = [
    ("街道", 190, "l", True),
    ("社区", 150, "l", True),
    ("人数", 50, "c", False),
    ("本期应发", 90, "r", False),
    ("补发", 80, "r", False),
    ("实发金额", 90, "r", False),
    ("追回金额", 80, "r", False),
    ("备注", 0, "l", True),
]
SUB_TITLE_H = 20.0


def subtotal_rows(r: RosterView) -> list[tuple[str, list[str]]]:
    """('row' | 'street' | 'total', cells) of a district roster's subtotal table: each street's
    communities, then the street's subtotal; the grand total last."""
    names = r.offices or {}
    groups: dict[str, dict[str, list[int]]] = {}
    for ln in r.lines:
        sums = groups.setdefault(ln.office or "", {}).setdefault(ln.community or "", [0] * 5)
        sums[0] += 1 if ln.payments else 0
        sums[1] += ln.regular_fen
        sums[2] += ln.arrears_fen
        sums[3] += ln.paid_fen
        sums[4] += ln.recovery_fen

    def cells(a: str, b: str, v: list[int]) -> list[str]:
        return [a, b, str(v[0]), *(_money(x) for x in v[1:]), ""]

    out: list[tuple[str, list[str]]] = []
    grand = [0] * 5
    for code in sorted(groups):
        street = f"{code} {names.get(code, '')}".strip()
        total = [0] * 5
        for community in sorted(groups[code]):
            v = groups[code][community]
            out.append(("row", cells(street, community or "（未填社区）", v)))
            total = [x + y for x, y in zip(total, v, strict=True)]
        out.append(("street", cells(f"{street} 小计", "", total)))
        grand = [x + y for x, y in zip(grand, total, strict=True)]
    out.append(("total", cells("合计", "", grand)))
    return out


def _money(fen: int) -> str:
    """Printed money columns: 1,200.00, as the screens show amounts."""
    return fen_to_str(fen, grouping=True)



def _main_row(n: int, ln: LineView, mask: bool, streets: dict[str, str] | None = None
              ) -> tuple[list[str], tuple[int, int, int]]:
    pay = ln.payments
    arrears = [i.month for i in pay if i.kind == "arrears"]
    note = "补发" + "、".join(month_ranges(arrears)) if arrears else ""
    if ln.recoveries:
        note += ("；" if note else "") + "另有追回，见追回名单"
    acct = ln.account or ""
    regular, arr = ln.regular_fen, ln.arrears_fen
    cells = [
        str(n),
        ln.street or (streets or {}).get(ln.office or "", ""),  # a district: the street's name
        ln.community or "",
        ln.name,
        SEX_LABELS.get(ln.sex, ln.sex),
        mask_id(ln.id_number) if mask else ln.id_number,
        ln.birth_date.isoformat(),
        str(ln.age),
        ln.band or "",
        _money(ln.monthly_fen),
        str(len({i.month for i in pay})),
        _money(regular),
        _money(arr) if arr else "",
        _money(regular + arr),
        ln.bank or "",
        mask_account(acct) if mask else acct,
        note,
        "",
    ]
    return cells, (regular, arr, regular + arr)


def _rec_row(n: int, ln: LineView, mask: bool) -> list[str]:
    months = [i.month for i in ln.recoveries]
    return [
        str(n),
        ln.street or "",
        ln.community or "",
        ln.name,
        mask_id(ln.id_number) if mask else ln.id_number,
        "、".join(month_ranges(months)),
        str(len(set(months))),
        _money(ln.recovery_fen),
        "",
    ]


def _report_unprintable(texts: list[tuple[str, str, str]], on_missing: Callable | None) -> None:
    """texts: (name, printed ID, everything printed for that person)."""
    bad = fonts.unprintable("".join(t for _, _, t in texts))
    if not bad:
        return
    found = [(name, pid, "".join(sorted(bad & set(t)))) for name, pid, t in texts if bad & set(t)]
    log.warning(
        "roster PDF: characters without a font, printed as %s: %s", fonts.PLACEHOLDER, found
    )
    if on_missing is not None:
        on_missing(found)


class _Writer:
    def __init__(self, c: Canvas, roster: RosterView, prepared_by: str | None, mask: bool):
        self.roster, self.prepared_by, self.mask = roster, prepared_by, mask
        self.c = c
        self.c.setAuthor(roster.office)
        # Full 19-digit accounts need 76 pt: 备注 gives up 16 of them.
        sizes = {"银行账号": 44, "备注": 92} if mask else {"银行账号": 76, "备注": 70}
        spec = [(t, sizes.get(t, w), a, wr) for t, w, a, wr in _MAIN]
        rest = PAGE_W - 2 * MARGIN - sum(w for _, w, _, _ in spec)
        self.main = Cols(MARGIN, [(t, w or rest, a, wr) for t, w, a, wr in spec])
        rec_rest = PAGE_W - 2 * MARGIN - sum(w for _, w, _, _ in _REC)
        self.rec = Cols(MARGIN, [(t, w or rec_rest, a, r) for t, w, a, r in _REC])
        sub_rest = PAGE_W - 2 * MARGIN - sum(w for _, w, _, _ in _SUB)
        self.sub = Cols(MARGIN, [(t, w or sub_rest, a, r) for t, w, a, r in _SUB])

    def frame(self, page: int, pages: int) -> None:
        c, r = self.c, self.roster
        if r.status == "draft":
            c.saveState()
            c.setFillGray(0.86)
            c.translate(PAGE_W / 2, PAGE_H / 2 - 60)
            c.rotate(28)
            fonts.draw_string(c, 0, 0, "草稿", 190, "center")
            c.restoreState()
        title = f"{r.office}高龄津贴发放花名册（{period_zh(r.period)}）"
        fonts.draw_string(c, PAGE_W / 2, PAGE_H - MARGIN - 16, title, TITLE_SIZE, "center")
        y = PAGE_H - MARGIN - 34
        fonts.draw_string(c, MARGIN, y, f"发放单位：{r.office}", SMALL)
        if r.status == "draft":
            when = f"编制：{r.built_at:%Y-%m-%d}（草稿，未经审批，不得作为发放依据）"
        else:
            when = f"定稿：{(r.frozen_at or r.built_at):%Y-%m-%d}"
        fonts.draw_string(c, PAGE_W / 2, y, when, SMALL, "center")
        fonts.draw_string(c, PAGE_W - MARGIN, y, "金额单位：元", SMALL, "right")
        fonts.draw_string(c, PAGE_W / 2, MARGIN, f"第 {page} 页 共 {pages} 页", SMALL, "center")
        if r.status != "draft" and r.check_code:  # the freeze's audit record (audit verify)
            fonts.draw_string(c, PAGE_W - MARGIN, MARGIN, f"校验码：{r.check_code}", SMALL,
                              "right")

    def total_row(
        self, y: float, label: str, people: int, sums: tuple[int, int, int], capital: bool
    ) -> None:
        cols = self.main
        spans = [(0, 4, label, "c"), (4, 11, f"人数：{people} 人", "l")]
        spans += [(i, i + 1, _money(s), "r") for i, s in zip(_AMOUNT_COLS, sums, strict=True)]
        words = f"实发金额（大写）：{fen_to_capital(sums[2])}" if capital else ""
        spans.append((14, len(cols.widths), words, "l"))
        draw_band(self.c, cols, y, SUM_H, spans)

    def signatures(self, y: float) -> None:
        c, x0 = self.c, MARGIN + 10
        step = (PAGE_W - 2 * MARGIN - 20) / 4
        who = [("制表人：", self.prepared_by or ""), ("审核人：", ""), ("负责人：", "")]
        for i, (label, name) in enumerate(who):
            x = x0 + i * step
            fonts.draw_string(c, x, y - 20, label + name, 9)
            c.line(x + 38, y - 23, x + step - 24, y - 23)
        fonts.draw_string(c, x0 + 3 * step, y - 20, "单位（盖章）：", 9)
        fonts.draw_string(c, x0 + 3 * step, y - 52, "日期：        年      月      日", 9)

    def write(self, on_missing: Callable | None) -> None:
        r, c = self.roster, self.c
        rows, sums = [], []
        for n, ln in enumerate(r.paying_lines, start=1):
            cells, s = _main_row(n, ln, self.mask, r.offices)
            rows.append(cells)
            sums.append(s)
        recs = [_rec_row(n, ln, self.mask) for n, ln in enumerate(r.recovery_lines, start=1)]
        _report_unprintable(
            [(x[3], x[5], "".join(x)) for x in rows]
            + [(x[3], x[4], "".join(x)) for x in recs]
            + [("", "", r.office + (self.prepared_by or "") + "".join((r.offices or {}).values()))],
            on_missing,
        )
        pages = plan_pages(
            len(rows),
            len(recs),
            top=BODY_TOP,
            bottom=BODY_BOTTOM,
            row_h=ROW_H,
            head_h=HEAD_H,
            sum_h=SUM_H,
            rec_row_h=REC_ROW_H,
            sign_h=SIGN_H,
        )
        tot = r.totals_fen()
        grand = (tot["regular"], tot["arrears"], tot["paid"])
        subs = subtotal_rows(r) if r.offices is not None else []
        per_page = int((BODY_TOP - BODY_BOTTOM - SUB_TITLE_H - HEAD_H) // ROW_H)
        sub_pages = [subs[i:i + per_page] for i in range(0, len(subs), per_page)]
        total_pages = len(pages) + len(sub_pages)
        for page_no, ops in enumerate(pages, start=1):
            self.frame(page_no, total_pages)
            for op, y, a, b in ops:
                if op == "head":
                    draw_cells(c, self.main, y, HEAD_H, [title for title, *_ in _MAIN], header=True)
                elif op == "rows":
                    draw_rows(c, self.main, y, ROW_H, rows[a:b])
                elif op == "subtotal":
                    on_page = sums[a:b]
                    page_sums = (sum(s[0] for s in on_page), sum(s[1] for s in on_page),
                                 sum(s[2] for s in on_page))
                    self.total_row(y, "本页小计", b - a, page_sums, False)
                elif op == "total":
                    self.total_row(y, "合计", tot["people"], grand, True)
                elif op == "rec_title":
                    text = "追回名单（应退回的已发津贴，不从本期发放金额中扣减）" + (
                        "（续）" if a else ""
                    )
                    fonts.draw_string(c, MARGIN, y - 13, text, 9)
                elif op == "rec_head":
                    draw_cells(c, self.rec, y, HEAD_H, [title for title, *_ in _REC], header=True)
                elif op == "rec_rows":
                    draw_rows(c, self.rec, y, REC_ROW_H, recs[a:b])
                elif op == "rec_total":
                    spans = [
                        (0, 4, "追回合计", "c"),
                        (4, 7, f"人数：{len(recs)} 人", "l"),
                        (7, 8, _money(tot["recovery"]), "r"),
                        (8, 9, "", "l"),
                    ]
                    draw_band(c, self.rec, y, SUM_H, spans)
                elif op == "sign":
                    self.signatures(y)
            c.showPage()
        for n, part in enumerate(sub_pages):
            self.frame(len(pages) + n + 1, total_pages)
            self.subtotals(part, n > 0)
            c.showPage()

    def subtotals(self, part: list[tuple[str, list[str]]], more: bool) -> None:
        """One page of the subtotal table per street and community."""
        c, y = self.c, BODY_TOP
        fonts.draw_string(c, MARGIN, y - 13, "分街道、社区小计" + ("（续）" if more else ""), 9)
        y -= SUB_TITLE_H
        draw_cells(c, self.sub, y, HEAD_H, [title for title, *_ in _SUB], header=True)
        y -= HEAD_H
        for what, cells in part:
            if what == "row":
                draw_rows(c, self.sub, y, ROW_H, [cells])
            else:
                spans = [(0, 2, cells[0], "c" if what == "total" else "l")]
                spans += [(i, i + 1, cells[i], "c" if i == 2 else "r") for i in range(2, 7)]
                spans.append((7, 8, "", "l"))
                draw_band(c, self.sub, y, ROW_H, spans)
            y -= ROW_H


def write_roster_pdf(
    path: str | os.PathLike[str],
    roster: RosterView,
    *,
    prepared_by: str | None = None,
    mask: bool = True,
    on_missing: Callable[[list[tuple[str, str, str]]], None] | None = None,
) -> None:
    """Write the printed roster to `path`.

    on_missing, if given, receives [(name, printed ID, characters)] for text holding characters
    that no font can draw (printed as fonts.PLACEHOLDER, and logged as a warning either way).
    """
    title = f"{roster.office}高龄津贴发放花名册（{period_zh(roster.period)}）"
    with fonts.pdf_canvas(path, (PAGE_W, PAGE_H), title, initialFontSize=SMALL) as c:
        _Writer(c, roster, prepared_by, mask).write(on_missing)
