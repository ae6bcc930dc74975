"""Commands: office code/add/list/payment, exchange export/import/status (issue 15,
multi-office.md §2-6)."""

from __future__ import annotations

from typing import Any

from elderdesk.cli.common import existing_file, new_file
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError, file_error


def register(sub: Any) -> None:
    office = sub.add_parser("office", help="本机构代码与交换机构").add_subparsers(
        dest="sub", metavar="子命令")
    p = office.add_parser("code", help="为已有数据库设定 3 位街道编号（只能一次）")
    p.add_argument("number", metavar="NNN")
    p.set_defaults(handler=cmd_code)
    p = office.add_parser("add", help="登记交换机构（区登记街道，街道登记区）及其公钥")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--name", required=True, metavar="N")
    p.add_argument("--pubkey", required=True, metavar="F.pem")
    p.set_defaults(handler=cmd_add)
    office.add_parser("list", help="列出已登记的交换机构").set_defaults(handler=cmd_list)
    p = office.add_parser("payment", help="发放方式：区为街道设定 street|district；街道只显示")
    p.add_argument("code", nargs="?", metavar="CODE")
    p.add_argument("value", nargs="?", choices=["street", "district"], metavar="street|district")
    p.set_defaults(handler=cmd_payment)

    ex = sub.add_parser("exchange", help="街道与区之间的交换包").add_subparsers(
        dest="sub", metavar="子命令")
    p = ex.add_parser("export", help="导出交换包")
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--to", metavar="CODE")
    p.add_argument("--since-seq", type=int, metavar="N")
    p.set_defaults(handler=cmd_export)
    p = ex.add_parser("import", help="导入交换包")
    p.add_argument("file", metavar="F")
    p.set_defaults(handler=cmd_import)
    ex.add_parser("status", help="各交换机构的收发序号和待发变更").set_defaults(handler=cmd_status)
    p = ex.add_parser("duplicates", help="疑似重复名单：同一身份证号在两个街道在册或在办（区级）")
    p.add_argument("--xlsx", metavar="F", help="另存为 Excel 文件")
    p.set_defaults(handler=cmd_duplicates)


def cmd_code(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    code = ctx.services.office.set_code(op, args.number)
    emit({"ok": True, "code": code}, ctx.json, f"本机构代码已设定为 {code}")
    return 0


def cmd_add(ctx: Any, args: Any) -> int:
    path = existing_file(args.pubkey)
    try:
        pem = path.read_bytes()[:64 * 1024]
    except OSError as exc:
        raise file_error(exc) from None
    op = ctx.operator()
    p = ctx.services.office.add_partner(op, args.code, args.name, pem, args.pubkey)
    emit({"ok": True}, ctx.json, f"已登记机构 {p.code}（{p.name}）")
    return 0


def cmd_list(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    partners = ctx.services.office.partners(op)
    me = ctx.services.office.identity(op)
    lines = [f"本机构 {me.code}（{me.name}，{'区级' if me.level == 'district' else '街道'}）"]
    lines += [f"{p.code}  {p.name}" for p in partners] or ["尚未登记交换机构"]
    emit({"office": me.to_json(), "offices": [p.to_json() for p in partners]}, ctx.json,
         "\n".join(lines))
    return 0


def cmd_payment(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    if args.value is None and args.code in ("street", "district"):
        raise ElderError("USAGE", detail="请写成 office payment CODE street|district")
    found = ctx.services.office.payment(op, args.code, args.value)
    names = {"street": "街道发放", "district": "区统一发放"}
    emit({"payment": found}, ctx.json,
         "\n".join(f"{c}  {names[v]}" for c, v in found.items()) or "尚未登记街道")
    return 0


def cmd_export(ctx: Any, args: Any) -> int:
    out = new_file(args.out)
    op = ctx.operator()
    e = ctx.services.exchange.export(op, out, args.to, args.since_seq)
    emit(e.to_json(), ctx.json, f"已导出交换包 {e.path}：发往 {e.receiver}，序号 "
                                f"{e.first_seq}–{e.seq}，{e.records} 条记录")
    return 0


def cmd_import(ctx: Any, args: Any) -> int:
    path = existing_file(args.file)
    op = ctx.operator()
    r = ctx.services.exchange.import_file(op, path)
    if r.already_imported:
        text = f"交换包 {r.sender} 第 {r.seq} 号已导入过，未作更改"
    else:
        shown = "，".join(f"{k} {v}" for k, v in r.counts.items() if v) or "无变更"
        text = f"已导入 {r.sender} 的交换包（序号 {r.first_seq}–{r.seq}）：{shown}"
        text += "".join(f"\n{f['code']}: {f['message']}" for f in r.findings)
    emit(r.to_json(), ctx.json, text)
    return 1 if r.findings else 0


def cmd_status(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    offices = ctx.services.exchange.status(op)
    lines = [f"{o['code']} {o['name']}：已发 {o['sent_seq']} 号，已收 {o['received_seq']} 号，"
             f"待发 {o['pending']} 条" for o in offices] or ["尚未登记交换机构"]
    emit({"offices": offices}, ctx.json, "\n".join(lines))
    return 0


def cmd_duplicates(ctx: Any, args: Any) -> int:
    """The 疑似重复 list (services/exchange/duplicates.py); --xlsx writes it as a workbook."""
    op = ctx.operator()
    out = new_file(args.xlsx)
    service = ctx.services.duplicates
    found = service.write_xlsx(op, out) if out is not None else service.list(op)
    lines = []
    for d in found:
        lines.append(f"{d.id_number}：")
        lines += [f"  街道 {r.office} {r.office_name} {r.name} "
                  f"{r.to_json()['status_label']} {r.to_json()['application_label']}"
                  for r in d.registrations]
    emit({"duplicates": [d.to_json() for d in found]}, ctx.json,
         "\n".join(lines) or "没有疑似重复的人员")
    return 0
