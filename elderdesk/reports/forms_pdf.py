"""The forms as PDFs for signature and archive: application-and-approval form, stop filing form
with its notice, adjustment list, recovery notice, card pick-up register (domain/forms.py)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape

from elderdesk.domain.forms import (
    FORM_KINDS,
    AdjustmentList,
    ApplicationForm,
    PersonBlock,
    PickupRegister,
    RecoveryNotice,
    StopForm,
    date_zh,
    yuan,
)
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_capital
from elderdesk.domain.months import Month
from elderdesk.reports import fonts
from elderdesk.reports.form_grid import Grid, draw_in_box, paragraph

MARGIN = 40.0
ROW = 29.0
LAB = 66.0  # label cells: six characters at 9.5 pt
LIST_ROW, LIST_HEAD = 24.0, 26.0
LIST_SIZES = (9.5, 8.5, 7.5, 6.5, 5.5)


def _title(c, page_w: float, page_h: float, title: str, left: str, right: str) -> float:
    fonts.draw_string(c, page_w / 2, page_h - MARGIN - 20, title, 18, "center")
    y = page_h - MARGIN - 44
    fonts.draw_string(c, MARGIN, y, left, 9.5)
    fonts.draw_string(c, page_w - MARGIN, y, right, 9.5, "right")
    return y - 8


def _footer(c, page_w: float, text: str) -> None:
    fonts.draw_string(c, page_w / 2, MARGIN - 18, text, 8, "center")


def _person_rows(g: Grid, p: PersonBlock, photo: bool = True) -> None:
    """姓名 … 户籍地址: four rows beside a photo box, then the current address."""
    w = g.inner - (85 if photo else 0)
    top = g.y
    g.row(ROW, [(LAB, "姓名", "l"), (100, p.name, "v"), (42, "性别", "l"), (40, p.sex, "c"),
                (50, "民族", "l"), (w - LAB - 232, p.ethnicity or "", "v")]
          + ([(85, "", "v")] if photo else []))
    g.row(ROW, [(LAB, "出生日期", "l"), (100, p.birth_date.isoformat(), "v"), (42, "年龄", "l"),
                (40, f"{p.age}岁", "c"), (50, "联系电话", "l"), (w - LAB - 232, p.phone or "", "v")]
          + ([(85, "", "v")] if photo else []))
    g.row(ROW, [(LAB, "身份证号码", "l"), (w - LAB, p.id_number, "v")]
          + ([(85, "", "v")] if photo else []))
    g.row(ROW, [(LAB, "户籍地址", "l"), (w - LAB, p.household_address or "", "v")]
          + ([(85, "", "v")] if photo else []))
    if photo:
        g.photo(g.x0 + g.caption + w, top, 85, top - g.y, p.photo)
    g.row(ROW, [(LAB, "现居住地址", "l"), (0, p.current_address or "", "v")])


def _application(c, f: ApplicationForm, printed_by: str) -> None:
    pw, ph = A4
    top = _title(c, pw, ph, FORM_KINDS["application"], f"申请单位：{f.office}",
                 f"申请日期：{date_zh(f.applied_on)}")
    g = Grid(c, MARGIN, top, pw - 2 * MARGIN)
    p = f.person
    g.section("申请人情况")
    _person_rows(g, p)
    g.row(ROW, [(LAB, "所属社区", "l"), (150, " ".join(x for x in (p.street, p.community) if x),
                                        "v"), (LAB, "申请状态", "l"), (0, f.state, "v")])
    g.section("收款账户")
    g.row(ROW, [(LAB, "开户银行", "l"), (150, p.bank or "", "v"), (LAB, "银行账号", "l"),
                (0, p.account or "", "v")])
    g.row(20, [(0, "津贴发放至老人本人名下账户，账户户名须与身份证姓名一致", "v")])
    g.section("代办人")
    g.row(ROW, [(LAB, "姓名", "l"), (150, "", "v"), (LAB, "与老人关系", "l"), (0, "", "v")])
    g.row(ROW, [(LAB, "身份证号", "l"), (150, "", "v"), (LAB, "联系电话", "l"), (0, "", "v")])
    g.section("享受情况")
    g.row(ROW, [(LAB, "享受类别", "l"), (150, f.category, "v"), (LAB, "计发起始月", "l"),
                (0, _month_zh(f.start_month), "v")])
    g.row(ROW, [(LAB, "月标准", "l"), (150, yuan(f.monthly_fen) if f.monthly_fen else "", "v"),
                (LAB, "补发金额", "l"),
                (0, f"{yuan(f.backpay_fen)}（大写：{fen_to_capital(f.backpay_fen)}）"
                 if f.backpay_fen else "无", "v")])
    g.row(ROW, [(LAB, "补发起止月", "l"), (0, f.backpay_text, "v")])
    g.row(ROW + 6, [(LAB, "补发原因", "l"), (0, f.backpay_reason or "无", "v")])
    g.section("审核审批")
    g.row(92, [(LAB, "社区（村）\n初审意见", "l"), (0, "", "o")])
    g.row(92, [(LAB, "街道（乡镇）\n审核意见", "l"), (0, f.reviewed, "o")])
    g.row(92, [(LAB, "区民政局\n审批意见", "l"), (0, f.approved, "o")])
    g.end_section()
    y = g.y - 16
    for note in ("注：1. 年龄以身份证为准；2. 本表一式两份，街道、区民政局各存一份；",
                 "3. 补发月份和金额按高龄津贴政策及发放记录计算，以实际发放为准。"):
        fonts.draw_string(c, MARGIN, y, note, 8.5)
        y -= 13
    _footer(c, pw, f"打印：{printed_by}　{date_zh(f.on)}")


def _month_zh(month: str | None) -> str:
    return Month.parse(month).zh() if month else ""


def _stop(c, f: StopForm, printed_by: str) -> None:
    pw, ph = A4
    top = _title(c, pw, ph, "高龄津贴停发备案表", f"填报单位：{f.office}", f"填报日期：{date_zh(f.on)}")
    g = Grid(c, MARGIN, top, pw - 2 * MARGIN)
    p = f.person
    g.section("人员情况")
    _person_rows(g, p, photo=False)
    g.row(ROW, [(LAB, "所属社区", "l"), (150, " ".join(x for x in (p.street, p.community) if x),
                                        "v"), (LAB, "开户银行", "l"), (0, p.bank or "", "v")])
    g.section("停发情况")
    g.row(ROW, [(LAB, "停发原因", "l"), (150, f.reason, "v"), (LAB, "发生日期", "l"),
                (0, date_zh(f.ended_on), "v")])
    g.row(ROW, [(LAB, "应停发日期", "l"), (150, date_zh(f.due_stop), "v"), (LAB, "实际停发日期", "l"),
                (0, date_zh(f.actual_stop), "v")])
    g.section("追缴情况")
    g.row(ROW, [(LAB, "是否追缴", "l"), (150, "是" if f.recover else "否", "c"), (LAB, "追缴金额", "l"),
                (0, f"{yuan(f.recovery_fen)}（大写：{fen_to_capital(f.recovery_fen)}）"
                 if f.recover else "无", "v")])
    g.row(ROW, [(LAB, "追缴起止月", "l"), (0, f.recovery_text, "v")])
    settled = (f"已退回 {yuan(f.settled_fen)}，尚欠 {yuan(f.recovery_fen - f.settled_fen)}"
               if f.recover else "")
    g.row(ROW, [(LAB, "备注", "l"), (0, settled, "v")])
    g.section("审核审批")
    g.row(92, [(LAB, "经办人意见", "l"), (0, f.recorded, "o")])
    g.row(92, [(LAB, "街道审核意见", "l"), (0, "", "o")])
    g.row(92, [(LAB, "区民政局\n审批意见", "l"), (0, "", "o")])
    g.end_section()
    _footer(c, pw, f"打印：{printed_by}　{date_zh(f.on)}")
    c.showPage()
    due = f.due_stop
    text = (f"经核实，{p.name}因{f.reason}（{date_zh(f.ended_on)}），根据高龄津贴发放规定，"
            f"自{due.year}年{due.month}月起停止发放高龄津贴。")
    owed = f.recovery_fen - f.settled_fen
    if owed > 0:
        text += (f"经核对，{f.recovery_text}已发放的津贴不符合发放条件，共计{yuan(f.recovery_fen)}"
                 f"（大写：{fen_to_capital(f.recovery_fen)}），尚需退回{yuan(owed)}，"
                 "请按追回通知书的期限退回。")
    _letter(c, "高龄津贴停发通知书", p, [text], f.office, f.on)


def _letter(c, title: str, p: PersonBlock, paragraphs: list[str], office: str, on: Any) -> float:
    pw, ph = A4
    width = pw - 2 * MARGIN - 20
    fonts.draw_string(c, pw / 2, ph - MARGIN - 30, title, 20, "center")
    y = ph - MARGIN - 80
    fonts.draw_string(c, MARGIN + 10, y, f"{p.name}（身份证号：{p.id_number}）或其家属：", 12)
    y -= 26
    for text in [*paragraphs, "如对本通知有异议，请自收到本通知之日起30日内持相关证明到所在社区或"
                 f"{office}申请复核。", "特此通知。"]:
        y = paragraph(c, MARGIN + 10, y, width, text) - 6
    y -= 20
    fonts.draw_string(c, pw - MARGIN - 20, y, f"{office}（盖章）", 12, "right")
    fonts.draw_string(c, pw - MARGIN - 20, y - 24, date_zh(on), 12, "right")
    return y - 24


def _recovery(c, f: RecoveryNotice, printed_by: str) -> None:
    pw, _ph = A4
    p = f.person
    text = (f"经核对高龄津贴发放记录，已向{p.name}发放的{f.months_text}的高龄津贴不符合发放条件"
            f"（{'；'.join(f.reasons)}），共计{yuan(f.amount_fen)}（大写："
            f"{fen_to_capital(f.amount_fen)}）。")
    ask = f"根据规定，请于{date_zh(f.deadline)}前将上述款项退回{f.office}。"
    y = _letter(c, FORM_KINDS["recovery"], p, [text, ask], f.office, f.on) - 50
    c.setDash(4, 3)
    c.line(MARGIN, y, pw - MARGIN, y)
    c.setDash()
    fonts.draw_string(c, pw / 2, y - 12, "（沿此线剪下，回执交回）", 8, "center")
    y -= 36
    fonts.draw_string(c, pw / 2, y, "追回通知书回执", 14, "center")
    y -= 30
    fonts.draw_string(c, MARGIN + 10, y, f"{p.name}（身份证号：{p.id_number}）的家属已收到追回通知书，"
                      f"应退回{yuan(f.amount_fen)}。", 11)
    y -= 34
    fonts.draw_string(c, MARGIN + 10, y, "签收人：____________　与老人关系：________　"
                      "日期：______年____月____日", 11)
    _footer(c, pw, f"打印：{printed_by}　{date_zh(f.on)}　追回期次：{'、'.join(f.periods)}")


def _list_pages(c, title: str, sub: tuple[str, str], cols: Sequence[tuple[str, float]],
                rows: list[list[str]], closing: str, printed_by: str, on: Any) -> None:
    """A landscape list: header on every page, page numbers, signatures after the last row."""
    pw, ph = landscape(A4)
    rest = pw - 2 * MARGIN - sum(w for _, w in cols)
    widths = [w or rest for _, w in cols]
    per_page = max(1, int((ph - 2 * MARGIN - 60 - LIST_HEAD) // LIST_ROW))
    chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    if len(chunks[-1]) > 1 and len(chunks[-1]) * LIST_ROW + 90 > per_page * LIST_ROW:
        chunks.append([chunks[-1].pop()])  # signatures never stand alone: a row goes with them
    for n, chunk in enumerate(chunks, start=1):
        y = _title(c, pw, ph, title, *sub)
        for texts, height, head in [([t for t, _ in cols], LIST_HEAD, True),
                                    *[(r, LIST_ROW, False) for r in chunk]]:
            x = MARGIN
            for w, text in zip(widths, texts, strict=True):
                if head:
                    c.setFillGray(0.9)
                    c.rect(x, y - height, w, height, stroke=0, fill=1)
                    c.setFillGray(0)
                draw_in_box(c, x, y, w, height, text, "center", size=None)
                c.rect(x, y - height, w, height, stroke=1, fill=0)
                x += w
            y -= height
        if n == len(chunks):
            fonts.draw_string(c, MARGIN, y - 20, closing, 10)
            step = (pw - 2 * MARGIN) / 4
            for i, label in enumerate(("制表人：" + printed_by, "审核人：", "负责人：",
                                       "单位（盖章）：")):
                fonts.draw_string(c, MARGIN + i * step, y - 50, label, 10)
            fonts.draw_string(c, pw - MARGIN, y - 74, f"日期：{date_zh(on)}", 10, "right")
        _footer(c, pw, f"第 {n} 页 共 {len(chunks)} 页")
        c.showPage()


def _adjust(c, f: AdjustmentList, printed_by: str, mask: bool) -> None:
    cols = [("序号", 30), ("社区", 84), ("姓名", 56), ("性别", 30), ("身份证号", 118),
            ("出生日期", 64), ("调整原因", 84), ("调整情况", 0), ("起调月份", 60), ("备注", 64)]
    rows = [[str(n), ln.community or "", ln.name, ln.sex, mask_id(ln.id_number) if mask
             else ln.id_number, ln.birth_date.isoformat(), ln.reason, ln.change,
             _month_zh(f.month), ""] for n, ln in enumerate(f.lines, start=1)]
    _list_pages(c, f"高龄津贴调整备案表（{_month_zh(f.month)}）",
                (f"填报单位：{f.office}", "金额单位：元"), cols, rows,
                f"合计：调整 {len(rows)} 人。", printed_by, f.on)


def _pickup(c, f: PickupRegister, printed_by: str, mask: bool) -> None:
    cols = [("序号", 28), ("老年证编号", 92), ("姓名", 52), ("身份证号", 108), ("社区", 64),
            ("卡型", 32), ("办证类别", 50), ("发证日期", 60), ("领取日期", 60), ("代领人", 48),
            ("代领人身份证号", 108), ("领取人签字", 0)]
    rows = [[str(n), ln.card_no, ln.name, mask_id(ln.id_number) if mask
             else ln.id_number, ln.community or "", ln.card_type, ln.reason,
             ln.issued_on.isoformat(), ln.picked_up_on.isoformat() if ln.picked_up_on else "",
             ln.agent_name or "", (mask_id(ln.agent_id_number) if mask else ln.agent_id_number)
             if ln.agent_id_number else "", "" if ln.picked_up_on or ln.status == "有效"
             else f"（{ln.status}）"] for n, ln in enumerate(f.lines, start=1)]
    done = sum(1 for ln in f.lines if ln.picked_up_on)
    _list_pages(c, "老年证领取登记表", (f"发证单位：{f.office}",
                f"发证日期：{f.first.isoformat()} 至 {f.last.isoformat()}"), cols, rows,
                f"合计：发证 {len(rows)} 张，已领取 {done} 张，未领取 {len(rows) - done} 张。",
                printed_by, f.on)


def form_title(data: Any) -> str:
    if isinstance(data, list):
        return FORM_KINDS["recovery"]
    return {ApplicationForm: FORM_KINDS["application"], StopForm: FORM_KINDS["stop"],
            AdjustmentList: FORM_KINDS["adjust"], PickupRegister: FORM_KINDS["pickup"]}[type(data)]


def write_form_pdf(path: str | os.PathLike[str], data: Any, *, printed_by: str = "",
                   mask: bool = True) -> None:
    """Write one filled form (a list of RecoveryNotice: one page each) to `path`; lists mask
    ID numbers unless mask=False."""
    wide = isinstance(data, AdjustmentList | PickupRegister)
    with fonts.pdf_canvas(path, landscape(A4) if wide else A4, form_title(data)) as c:
        if isinstance(data, ApplicationForm):
            _application(c, data, printed_by)
            c.showPage()
        elif isinstance(data, StopForm):
            _stop(c, data, printed_by)
            c.showPage()
        elif isinstance(data, AdjustmentList):
            _adjust(c, data, printed_by, mask)
        elif isinstance(data, PickupRegister):
            _pickup(c, data, printed_by, mask)
        else:
            for notice in data:
                _recovery(c, notice, printed_by)
                c.showPage()
