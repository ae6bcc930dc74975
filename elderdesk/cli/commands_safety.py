"""Commands: backup create/restore, audit verify."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from elderdesk.cli.common import existing_file
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="备份与恢复").add_subparsers(dest="sub", metavar="子命令")
    p = b.add_parser("create", help="在线备份到新文件")
    p.add_argument("file")
    p.set_defaults(handler=cmd_backup_create)
    p = b.add_parser("restore", help="检查后从备份恢复（当前数据库先另存）")
    p.add_argument("file")
    p.set_defaults(handler=cmd_backup_restore)
    a = sub.add_parser("audit", help="审计日志").add_subparsers(dest="sub", metavar="子命令")
    a.add_parser("verify", help="校验审计日志哈希链").set_defaults(handler=cmd_audit_verify)


def cmd_backup_create(ctx: Any, args: Any) -> int:
    from elderdesk.services.safety import SafetyService

    target = Path(args.file)
    if target.exists():
        raise ElderError("FILE_EXISTS", path=args.file)
    op = ctx.operator()
    SafetyService(ctx.services.db).create_backup(op, target)
    emit({"ok": True}, ctx.json, f"已备份到 {target}")
    return 0


def cmd_backup_restore(ctx: Any, args: Any) -> int:
    from elderdesk.services import audit
    from elderdesk.services.auth import require
    from elderdesk.services.container import Services
    from elderdesk.services.safety import restore

    source = existing_file(args.file)
    db_path = ctx.db_path
    # Authenticate against the current database, or against the backup when there is none.
    auth_path = db_path if db_path.exists() else source
    if not ctx.opts.user:
        raise ElderError("AUTH_REQUIRED")
    checker = Services.open(auth_path) if auth_path == source else ctx.services
    try:
        op = checker.users.authenticate(ctx.opts.user, os.environ.get("ELDERDESK_PASSWORD"))
        require(op, "backup.restore")
    finally:
        if checker is not ctx.services:
            checker.close()
    ctx.close()
    ctx._services = None
    kept = restore(db_path, source)
    services = Services.open(db_path)
    try:
        with services.db.write() as s:
            audit.record(s, op, "backup.restore", "backup", source.name, None,
                         {"file": str(source), "previous_kept_as": str(kept) if kept else None})
    finally:
        services.close()
    text = f"已从 {source} 恢复" + (f"，原数据库已另存为 {kept}" if kept else "")
    emit({"ok": True}, ctx.json, text)
    return 0


def cmd_audit_verify(ctx: Any, args: Any) -> int:
    from elderdesk.services.safety import SafetyService

    op = ctx.operator()
    check = SafetyService(ctx.services.db).verify_audit(op)
    text = (f"审计日志完整，共 {check.records} 条记录" if check.ok else
            f"审计日志在第 {check.first_broken} 条记录处断链：该记录或其之前的记录被程序外修改过")
    emit(check.to_json(), ctx.json, text)
    return 0 if check.ok else 1
