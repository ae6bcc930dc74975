"""Commands: server copy (an office's SQLite file onto its PostgreSQL server, multi-office.md §1)."""

from __future__ import annotations

from typing import Any

from elderdesk.cli.common import existing_file
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError
from elderdesk.pc_config import db_location


def register(sub: Any) -> None:
    s = sub.add_parser("server", help="单位数据库服务器（PostgreSQL）").add_subparsers(
        dest="sub", metavar="子命令")
    p = s.add_parser("copy", help="把本机数据库文件复制到空的服务器数据库，核对一致后本机文件只读")
    p.add_argument("sqlite_file", metavar="SQLITE_FILE")
    p.add_argument("url", metavar="URL")
    p.set_defaults(handler=cmd_server_copy)


def cmd_server_copy(ctx: Any, args: Any) -> int:
    if isinstance(db_location(args.sqlite_file), str):  # a URL (never taken for a file name)
        raise ElderError("USAGE", detail="第一个参数应为本机数据库文件，第二个为服务器地址")
    source = existing_file(args.sqlite_file)
    ctx.opts.db = str(source)  # the file named here, never --db
    op = ctx.operator()
    result = ctx.services.server.copy_to(op, args.url)
    rows = sum(result.tables.values())
    text = (f"已复制到 {result.server}：{len(result.tables)} 张表共 {rows:,} 行，"
            f"审计日志 {result.audit_records:,} 条，两边核对一致（{result.seconds:.1f} 秒）。\n"
            f"本机文件 {source} 今后只能查看；各窗口请改用 --db {result.server}")
    emit(result.to_json(), ctx.json, text)
    return 0
