"""The printed forms: plain frozen dataclasses the forms service fills, and their texts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, date_zh, month_ranges

FORM_KINDS = {
    "application": "高龄津贴申请审批表",
    "stop": "高龄津贴停发备案表",
    "adjust": "高龄津贴调整备案表",
    "recovery": "高龄津贴追回通知书",
    "pickup": "老年证领取登记表",
}
PERSON_KINDS = ("application", "stop", "recovery")  # one person's form: an ID number
RECOVERY_DEADLINE_MONTHS = 3  # a refund order gives three months (domain-reference.md)


def months_text(months: list[str] | tuple[str, ...]) -> str:
    """['2026-05', '2026-06'] -> '2026年5月至2026年6月，共2个月'; gaps list each stretch."""
    count = len({Month.parse(m) for m in months})
    return f"{'、'.join(month_ranges(months))}，共{count}个月" if count else "无"


def yuan(fen: int) -> str:
    return f"{fen_to_str(fen, grouping=True)}元"


def plain_yuan(fen: int) -> str:
    """12000 -> '120', 12050 -> '120.50' (as notices write monthly amounts)."""
    return str(fen // 100) if fen % 100 == 0 else fen_to_str(fen)


def add_months(day: date, n: int) -> date:
    m = Month.of(day) + n
    return date(m.year, m.month, min(day.day, m.last_day().day))


def _signed(text: str, who: str | None, on: date | None) -> str:
    """An opinion with who gave it and when: '材料齐全。（reviewer1，2026年8月15日）'."""
    by = "，".join(x for x in (who, date_zh(on) if on else None) if x)
    return f"{text}（{by}）" if by else text


def _sentence(text: str) -> str:
    """The opinion as one sentence: trailing commas and stops replaced by one '。'."""
    text = text.rstrip("，,、；;。.　 ")
    return text if text.endswith(("！", "？")) else text + "。"


def street_opinion(row: Any, opinion: str | None = None) -> str:
    """The street's review as recorded: the opinion the reviewer entered (审核意见), or only the
    decision when none was entered; the returned application's reason."""
    if row.status == "returned":
        return _signed(f"退回：{row.decision_reason or ''}", row.reviewed_by, row.reviewed_on)
    if row.reviewed_on:
        text = f"{_sentence(opinion)}同意上报。" if opinion else "同意上报。"
        return _signed(text, row.reviewed_by, row.reviewed_on)
    return ""


def district_opinion(row: Any, start: Month | None, band: Any,
                     decided_on: date | None = None) -> str:
    """The district's decision: approval with the start month and amount it grants, or the
    rejection with its reason; decided_on for a rejection (the record keeps no date)."""
    if row.status == "rejected":
        return _signed(f"不予批准：{row.decision_reason or ''}", row.approved_by, decided_on)
    if row.approved_on and start and band:
        return _signed(f"同意，自{start.zh()}起享受高龄津贴，月标准{yuan(band.monthly)}。",
                       row.approved_by, row.approved_on)
    return ""


@dataclass(frozen=True)
class PersonBlock:
    """The elder as a form prints them."""

    name: str
    sex: str  # 男 | 女
    ethnicity: str | None
    birth_date: date
    age: int  # full years on the form's date
    id_number: str
    household_address: str | None
    current_address: str | None
    phone: str | None
    street: str | None
    community: str | None
    bank: str | None
    account: str | None
    photo: bytes | None = None  # the latest 1-inch JPEG, if any


@dataclass(frozen=True)
class ApplicationForm:
    office: str
    on: date
    person: PersonBlock
    state: str  # Chinese state of the application
    applied_on: date
    reviewed: str  # street opinion text ('' = blank for handwriting)
    approved: str  # district opinion text
    category: str  # 享受类别, e.g. '80–89周岁（每月100.00元）'
    start_month: str | None  # YYYY-MM: 计发起始月
    monthly_fen: int | None
    backpay_months: tuple[str, ...]
    backpay_fen: int
    backpay_reason: str

    @property
    def backpay_text(self) -> str:
        return months_text(self.backpay_months)


@dataclass(frozen=True)
class StopForm:
    office: str
    on: date
    person: PersonBlock
    reason: str  # 停发原因
    ended_on: date  # the death, move or stop date on record
    due_stop: date  # 应停发日期: first day of the first month not entitled
    actual_stop: date  # 实际停发日期: first day after the last month frozen rosters paid
    recovery_months: tuple[str, ...]
    recovery_fen: int
    settled_fen: int  # already repaid of recovery_fen
    recorded: str = ""  # who recorded the stop and when ('' = blank for handwriting)

    @property
    def recover(self) -> bool:
        return self.recovery_fen > 0

    @property
    def recovery_text(self) -> str:
        return months_text(self.recovery_months) if self.recover else "无"


@dataclass(frozen=True)
class AdjustmentLine:
    id_number: str
    name: str
    sex: str
    birth_date: date
    community: str | None
    reason: str  # e.g. '年龄89→90周岁'
    old_fen: int
    new_fen: int

    @property
    def change(self) -> str:
        return f"由{plain_yuan(self.old_fen)}元/月调整至{plain_yuan(self.new_fen)}元/月"


@dataclass(frozen=True)
class AdjustmentList:
    office: str
    on: date
    month: str  # YYYY-MM
    lines: tuple[AdjustmentLine, ...]


@dataclass(frozen=True)
class RecoveryNotice:
    office: str
    on: date
    deadline: date
    person: PersonBlock
    months: tuple[str, ...]
    amount_fen: int
    reasons: tuple[str, ...]
    periods: tuple[str, ...]  # rosters that listed the recovery

    @property
    def months_text(self) -> str:
        return months_text(self.months)


@dataclass(frozen=True)
class PickupLine:
    card_no: str
    card_type: str  # 蓝卡 | 红卡
    reason: str  # 首次发证 | 遗失 ...
    issued_on: date
    picked_up_on: date | None
    agent_name: str | None
    agent_id_number: str | None
    id_number: str
    name: str
    sex: str
    community: str | None
    status: str  # 有效 | 已换发 | 已注销


@dataclass(frozen=True)
class PickupRegister:
    office: str
    on: date
    first: date
    last: date
    lines: tuple[PickupLine, ...]


def summary(data: Any) -> str:
    """What the form will say, in a few lines for the clerk to check before printing."""
    if isinstance(data, ApplicationForm):
        p = data.person
        return "\n".join([
            f"{p.name}　{p.sex}　{p.age}岁　身份证号 {p.id_number}",
            f"申请日期 {date_zh(data.applied_on)}　状态 {data.state}",
            f"享受类别 {data.category or '（尚未确定）'}",
            f"计发起始月 {Month.parse(data.start_month).zh() if data.start_month else '—'}",
            f"补发 {data.backpay_text}　补发金额 {yuan(data.backpay_fen)}",
            f"补发原因 {data.backpay_reason or '无'}"])
    if isinstance(data, StopForm):
        p = data.person
        return "\n".join([
            f"{p.name}　身份证号 {p.id_number}",
            f"停发原因 {data.reason}（{date_zh(data.ended_on)}）",
            f"应停发日期 {date_zh(data.due_stop)}　实际停发日期 {date_zh(data.actual_stop)}",
            f"是否追缴 {'是' if data.recover else '否'}　追缴 {data.recovery_text}"
            + (f"　金额 {yuan(data.recovery_fen)}" if data.recover else "")])
    if isinstance(data, AdjustmentList):
        lines = [f"{Month.parse(data.month).zh()} 调整 {len(data.lines)} 人"]
        lines += [f"{ln.name}　{ln.reason}　{ln.change}" for ln in data.lines[:20]]
        if len(data.lines) > 20:
            lines.append(f"……另有 {len(data.lines) - 20} 人")
        return "\n".join(lines)
    if isinstance(data, PickupRegister):
        done = sum(1 for ln in data.lines if ln.picked_up_on)
        lines = [f"{data.first.isoformat()} 至 {data.last.isoformat()} 发证 {len(data.lines)} 张，"
                 f"已领取 {done} 张"]
        lines += [f"{ln.card_no}　{ln.name}　{ln.card_type}　{ln.issued_on.isoformat()}　" + (
            f"{ln.picked_up_on.isoformat()} 领取" + (f"（代领：{ln.agent_name}）"
                                                   if ln.agent_name else "")
            if ln.picked_up_on else "未领取") for ln in data.lines[:20]]
        return "\n".join(lines)
    notices = list(data)
    lines = [f"追回通知书 {len(notices)} 份"]
    lines += [f"{n.person.name}　{n.months_text}　{yuan(n.amount_fen)}　期限 {date_zh(n.deadline)}"
              for n in notices[:20]]
    return "\n".join(lines)
