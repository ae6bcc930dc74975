"""Commands: people add/show/search/death/moved-out, import people/deaths/applications."""

from __future__ import annotations

import sys
from typing import Any

from elderdesk.cli.common import date_arg, existing_file, new_file
from elderdesk.cli.output import emit, iso, person_json, person_text
from elderdesk.cli.person_office import office_ref
from elderdesk.domain.person import STATUS_NAMES, PersonInput

SEX_ARGS = {"男": "M", "女": "F"}


def register(sub: Any) -> None:
    people = sub.add_parser("people", help="人员登记").add_subparsers(dest="sub", metavar="子命令")
    p = people.add_parser("add", help="登记一人")
    p.add_argument("--id", required=True, dest="id_number")
    p.add_argument("--name", required=True)
    p.add_argument("--sex", choices=["男", "女"])
    p.add_argument("--community")
    p.add_argument("--street")
    p.add_argument("--phone")
    p.add_argument("--ethnicity")
    p.add_argument("--address", dest="current_address")
    p.add_argument("--bank")
    p.add_argument("--account")
    p.add_argument("--household", choices=["local", "nonlocal"], dest="household_type")
    p.add_argument("--permit-expiry", metavar="YYYY-MM-DD", help="居住证有效期至（非本地户籍）")
    p.add_argument("--checksum-override", metavar="REASON")
    p.set_defaults(handler=cmd_add)

    p = people.add_parser("account", help="登记或更改开户银行和银行账号")
    p.add_argument("id_number")
    p.add_argument("--bank", required=True)
    p.add_argument("--account", required=True)
    p.set_defaults(handler=cmd_account)

    p = people.add_parser("show", help="查看一人")
    p.add_argument("id_number")
    p.set_defaults(handler=cmd_show)

    p = people.add_parser("search", help="按姓名、拼音首字母或身份证号查找")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_search)

    for name, label, handler in (("death", "登记死亡", cmd_death),
                                 ("moved-out", "登记迁出", cmd_moved_out)):
        p = people.add_parser(name, help=label)
        p.add_argument("id_number")
        p.add_argument("--date", required=True)
        p.set_defaults(handler=handler)

    imp = sub.add_parser("import", help="导入 Excel 名册").add_subparsers(dest="sub", metavar="子命令")
    p = imp.add_parser("people", help="导入人员名册（.xlsx/.xls）")
    p.add_argument("file")
    p.add_argument("--sheet")
    p.add_argument("--report")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--strict", action="store_true")
    p.set_defaults(handler=cmd_import_people)
    p = imp.add_parser("deaths", help="导入死亡名单")
    p.add_argument("file")
    p.add_argument("--sheet")
    p.add_argument("--report")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(handler=cmd_import_deaths)
    p = imp.add_parser("applications", help="导入网上申请（市级平台导出的申请表）")
    p.add_argument("file")
    p.add_argument("--sheet")
    p.add_argument("--report")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(handler=cmd_import_applications)


def show_person(ctx: Any, person: Any) -> int:
    emit(person_json(person), ctx.json, person_text(person))
    return 0


def _warn(person: Any) -> None:
    """Warnings (exit 0) go to stderr, one line each, after the document."""
    from elderdesk.domain.errors import message_for

    for code, params in person.extra.get("warnings", []):
        sys.stderr.write(f"{code}: {message_for(code, **params)}\n")


def cmd_add(ctx: Any, args: Any) -> int:
    if args.bank is not None or args.account is not None:  # together, as `people account`
        from elderdesk.domain.person import clean_account

        clean_account(args.bank, args.account)
    op = ctx.operator()
    data = PersonInput(
        id_number=args.id_number, name=args.name, sex=SEX_ARGS.get(args.sex or ""),
        community=args.community, street=args.street, phone=args.phone,
        ethnicity=args.ethnicity, current_address=args.current_address, bank=args.bank,
        account=args.account, household_type=args.household_type,
        residence_permit_expiry=date_arg(args.permit_expiry) if args.permit_expiry else None,
    )
    person = ctx.services.people.add(op, data, checksum_override=args.checksum_override)
    return show_person(ctx, ctx.services.profile(op, office_ref(args, person.id_number)))


def cmd_account(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    person = ctx.services.people.set_account(op, args.id_number, args.bank, args.account)
    return show_person(ctx, ctx.services.profile(op, office_ref(args, person.id_number)))


def cmd_show(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    return show_person(ctx, ctx.services.profile(op, args.id_number))


def cmd_search(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    results = ctx.services.people.search(op, args.text, limit=args.limit)
    data = {"results": [{
        "id_number": r.id_number, "name": r.name, "sex": r.sex, "birth_date": iso(r.birth_date),
        "status": r.status, "community": r.community,
        **({"office": r.office} if r.office else {}),  # at a district
    } for r in results]}
    text = "\n".join(
        f"{r.id_number}  {r.name}  {r.birth_date.isoformat()}  "
        f"{STATUS_NAMES.get(r.status, r.status)}  {r.community or ''}"
        for r in results
    ) or "没有找到符合条件的人员"
    emit(data, ctx.json, text)
    return 0


def cmd_death(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    when = date_arg(args.date)
    person = ctx.services.people.record_death(op, args.id_number, when)
    status = show_person(ctx, ctx.services.profile(op, office_ref(args, person.id_number)))
    _warn(person)
    return status


def cmd_moved_out(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    when = date_arg(args.date)
    person = ctx.services.people.record_moved_out(op, args.id_number, when)
    return show_person(ctx, ctx.services.profile(op, office_ref(args, person.id_number)))


def _import_text(outcome: Any) -> str:
    lines = [f"读取 {outcome.rows_read} 行，导入 {outcome.imported} 行，跳过 {outcome.skipped} 行"
             + ("（试运行，未写入）" if outcome.dry_run else "")]
    for f in outcome.findings:
        level = "错误" if f.level == "error" else "警告"
        lines.append(f"第 {f.row} 行 {level} {f.code} {f.id_number or ''} {f.name or ''}：{f.message}")
    if outcome.report_path:
        lines.append(f"报告已保存到 {outcome.report_path}")
    return "\n".join(lines)


def _import(ctx: Any, args: Any, kind: str) -> int:
    op = ctx.operator()
    path = existing_file(args.file)
    report = new_file(args.report)
    if kind == "people":
        outcome = ctx.services.imports.import_people(
            op, path, sheet=args.sheet, dry_run=args.dry_run, strict=args.strict, report=report)
    elif kind == "applications":
        outcome = ctx.services.imports.import_applications(
            op, path, sheet=args.sheet, dry_run=args.dry_run, report=report)
    else:
        outcome = ctx.services.imports.import_deaths(
            op, path, sheet=args.sheet, dry_run=args.dry_run, report=report)
    emit(outcome.as_dict(), ctx.json, _import_text(outcome))
    return 1 if outcome.has_errors else 0


def cmd_import_people(ctx: Any, args: Any) -> int:
    return _import(ctx, args, "people")


def cmd_import_deaths(ctx: Any, args: Any) -> int:
    return _import(ctx, args, "deaths")


def cmd_import_applications(ctx: Any, args: Any) -> int:
    return _import(ctx, args, "applications")
