"""Commands: receipts (the day's fee receipts, 日结), receipt void/print/show."""

from __future__ import annotations

from typing import Any

from elderdesk.cli.common import date_arg, new_file
from elderdesk.cli.output import emit
from elderdesk.domain.money import fen_to_str


def register(sub: Any) -> None:
    p = sub.add_parser("receipts", help="一天的收费收据及合计（日结）")
    p.add_argument("--date", help="日期（默认今天）")
    p.add_argument("--pdf", metavar="F", help="打印日结单（PDF）")
    p.add_argument("--xlsx", metavar="F", help="导出日结（Excel）")
    p.set_defaults(handler=cmd_receipts)
    receipt = sub.add_parser("receipt", help="收费收据").add_subparsers(dest="sub", metavar="子命令")
    p = receipt.add_parser("void", help="作废收据（保留编号）")
    p.add_argument("no", metavar="NO")
    p.add_argument("--reason", required=True, metavar="R")
    p.set_defaults(handler=cmd_void)
    p = receipt.add_parser("print", help="打印一张收据（PDF）")
    p.add_argument("no", metavar="NO")
    p.add_argument("--pdf", required=True, metavar="F")
    p.set_defaults(handler=cmd_print)
    p = receipt.add_parser("show", help="查看一张收据")
    p.add_argument("no", metavar="NO")
    p.set_defaults(handler=cmd_show)


def _line(r: Any) -> str:
    state = "" if r.valid else f"　作废（{r.void_reason}）"
    return (f"{r.no}  {r.issued_at:%H:%M}  {r.payer}  {r.item}  {fen_to_str(r.amount_fen)} 元"
            f"  收款人 {r.clerk}{state}")


def cmd_receipts(ctx: Any, args: Any) -> int:
    on = date_arg(args.date)
    pdf, xlsx = new_file(args.pdf), new_file(args.xlsx)
    op = ctx.operator()
    day = ctx.services.receipts.export_day(op, on, pdf=pdf, xlsx=xlsx)
    lines = [_line(r) for r in day.receipts]
    lines.append(f"{on.isoformat()} 有效收据 {len(day.valid)} 张，合计 "
                 f"{fen_to_str(day.total_fen)} 元；作废 {day.void_count} 张")
    lines += [f"已生成 {p}" for p in (pdf, xlsx) if p is not None]
    emit(day.to_json(), ctx.json, "\n".join(lines))
    return 0


def cmd_void(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    r = ctx.services.receipts.void(op, args.no, args.reason)
    emit(r.to_json(), ctx.json, f"已作废收据 {r.no}（{r.payer}，{fen_to_str(r.amount_fen)} 元），"
                                f"编号保留：{r.void_reason}")
    return 0


def cmd_print(ctx: Any, args: Any) -> int:
    pdf = new_file(args.pdf)
    op = ctx.operator()
    r = ctx.services.receipts.print_pdf(op, args.no, pdf)
    emit({"ok": True}, ctx.json, f"已生成 {pdf}：收据 {r.no}" + ("" if r.valid else "（作废）"))
    return 0


def cmd_show(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    r = ctx.services.receipts.get(op, args.no)
    emit(r.to_json(), ctx.json, _line(r) + f"\n大写：{r.capital}")
    return 0
