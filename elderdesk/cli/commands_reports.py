"""Commands: stats (statistics, also to PDF/xlsx) and form (the printed forms)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from elderdesk.cli.common import new_file
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, parse_date

FORM_CHOICES = ["application", "stop", "adjust", "recovery", "pickup"]


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="统计：年龄段、社区、状态、津贴发放、老年证、生存认证")
    p.add_argument("--date", help="统计日期（年龄按此日计算），默认今天")
    p.add_argument("--from", dest="first", metavar="YYYY-MM", help="月度统计起始月，默认截止月前11个月")
    p.add_argument("--to", dest="last", metavar="YYYY-MM", help="月度统计截止月，默认统计日期所在月")
    p.add_argument("--pdf", help="打印为 PDF 文件")
    p.add_argument("--xlsx", help="导出为 Excel 工作簿")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("form", help="表格文书：申请审批表、停发备案表、调整备案表、追回通知书、领证登记表")
    p.add_argument("kind", choices=FORM_CHOICES,
                   help="application | stop | adjust | recovery | pickup")
    p.add_argument("id_number", nargs="?", help="身份证号（application、stop、recovery；"
                   "recovery 不写则为全部有追回款的人员）")
    p.add_argument("--month", help="月份 YYYY-MM（adjust；pickup 可代替 --from/--to）")
    p.add_argument("--from", dest="first", metavar="DATE", help="pickup：发证日期起")
    p.add_argument("--to", dest="last", metavar="DATE", help="pickup：发证日期止")
    p.add_argument("--date", help="填表日期，默认今天")
    p.add_argument("--pdf", help="输出 PDF 文件（不用 --json 时必填）")
    p.add_argument("--full-id", action="store_true", help="名单（adjust、pickup）中打印完整身份证号")
    p.set_defaults(handler=cmd_form)


# --- stats -----------------------------------------------------------------------------
def stats_json(st: Any) -> dict[str, Any]:
    covered = sum(c.covered for c in st.coverage)
    return {
        "office": st.office, "date": st.on.isoformat(),
        "months": {"from": str(st.first), "to": str(st.last)},
        "age_bands": [{"band": b.band, "male": b.male, "female": b.female, "total": b.total}
                      for b in st.by_band],
        "communities": [{"community": c.community, "active": c.active, "active_80": c.active_80,
                         "deceased": c.deceased, "moved_out": c.moved_out, "total": c.total,
                         "enrolled": c.enrolled} for c in st.by_community],
        "status": dict(st.by_status),
        "applications": dict(st.by_application),
        "money": [{"month": m.month, "band": m.band,
                   "monthly": fen_to_str(m.monthly_fen) if m.monthly_fen is not None else None,
                   "enrolled": m.enrolled, "paid_people": m.paid_people,
                   "regular": fen_to_str(m.regular_fen), "arrears": fen_to_str(m.arrears_fen),
                   "recovery": fen_to_str(m.recovery_fen), "net": fen_to_str(m.net_fen)}
                  for m in st.money],
        "cards": [{"month": c.month, "blue": c.blue, "red": c.red, "total": c.total,
                   "new": c.new, "reissued": c.reissued, "fee": fen_to_str(c.fee_fen),
                   "picked_up": c.picked_up} for c in st.cards],
        "life_cert": {"months": st.life_cert_months, "month": str(Month.of(st.on)),
                      "covered": covered,
                      "uncovered": sum(c.uncovered for c in st.coverage),
                      "communities": [{"community": c.community, "covered": c.covered,
                                       "uncovered": c.uncovered} for c in st.coverage]},
    }


def stats_text(tables: list) -> str:
    from elderdesk.reports.tables import cell_text

    out = []
    for t in tables:
        out.append(f"【{t.title}】" + (f"（{t.note}）" if t.note else ""))
        out.append("\t".join(t.headers))
        for row in t.all_rows:
            out.append("\t".join(cell_text(c) for c in row))
        out.append("")
    return "\n".join(out)


def cmd_stats(ctx: Any, args: Any) -> int:
    from elderdesk.services.stats.tables import all_tables

    pdf, xlsx = new_file(args.pdf), new_file(args.xlsx)
    on = parse_date(args.date) if args.date is not None else None  # "" is no date, not today
    first = Month.parse(args.first) if args.first is not None else None
    last = Month.parse(args.last) if args.last is not None else None
    op = ctx.operator()
    service = ctx.services.stats
    st = service.compute(op, on, first, last)
    written = service.export(op, st, pdf=pdf, xlsx=xlsx) if pdf or xlsx else []
    if ctx.json:
        emit(stats_json(st), True)
    else:
        text = stats_text(all_tables(st))
        emit(None, False, text + "".join(f"\n已导出 {p}" for p in written))
    return 0


# --- forms -----------------------------------------------------------------------------
_TEXTS = {"ApplicationForm": ("backpay_text",), "StopForm": ("recover", "recovery_text"),
          "AdjustmentLine": ("change",), "RecoveryNotice": ("months_text",)}


def form_json(value: Any) -> Any:
    """A filled form as JSON: dates ISO, *_fen as money strings without the suffix."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if f.name == "photo":
                out["has_photo"] = v is not None
            elif f.name.endswith("_fen"):
                out[f.name[:-4]] = fen_to_str(v) if v is not None else None
            else:
                out[f.name] = form_json(v)
        for name in _TEXTS.get(type(value).__name__, ()):
            out[name] = getattr(value, name)
        return out
    if isinstance(value, list | tuple):
        return [form_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def cmd_form(ctx: Any, args: Any) -> int:
    from elderdesk.domain.forms import FORM_KINDS, summary

    if not args.pdf and not ctx.json:
        raise ElderError("USAGE", detail="请用 --pdf 指定输出文件（或用 --json 查看表格内容）")
    if (args.first is None) != (args.last is None):
        raise ElderError("USAGE", detail="--from 和 --to 须同时指定")
    pdf = new_file(args.pdf)
    request: dict[str, Any] = {  # an empty value is malformed, never "today" or "none"
        "id_number": args.id_number,
        "on": parse_date(args.date) if args.date is not None else None,
        "month": Month.parse(args.month) if args.month is not None else None,
        "first": parse_date(args.first) if args.first is not None else None,
        "last": parse_date(args.last) if args.last is not None else None}
    op = ctx.operator()
    if args.full_id:  # full ID numbers on a printed list: only roles that may unmask
        from elderdesk.services.auth import require

        require(op, "people.unmask")
    forms = ctx.services.forms
    data = forms.fill(op, args.kind, **request)
    if pdf is not None:
        forms.write_pdf(op, data, pdf, mask=not args.full_id)
    if ctx.json:
        emit({"form": args.kind, "title": FORM_KINDS[args.kind], "data": form_json(data),
              "pdf": str(pdf) if pdf else None}, True)
    else:
        emit(None, False, f"{FORM_KINDS[args.kind]}\n{summary(data)}\n已导出 {pdf}")
    return 0
