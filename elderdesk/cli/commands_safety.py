"""Commands: backup create/restore/folder/list, audit verify.

The CLI runs PRAGMA quick_check only where docs/cli.md says (backup create, audit verify, before
a migration); every command checks the file header and schema version when it opens the file.
Automatic (daily) backups are the GUI's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from elderdesk.cli.common import existing_file
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError
from elderdesk.services.auth import require


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="备份与恢复").add_subparsers(dest="sub", metavar="子命令")
    p = b.add_parser("create", help="在线备份到新文件（不指定文件时备份到备份文件夹并轮换）")
    p.add_argument("file", nargs="?")
    p.set_defaults(handler=cmd_backup_create)
    p = b.add_parser("restore", help="检查后从备份恢复（当前数据库先另存）")
    p.add_argument("file")
    p.set_defaults(handler=cmd_backup_restore)
    p = b.add_parser("folder", help="查看或设置自动备份文件夹（如U盘）")
    p.add_argument("path", nargs="?")
    p.set_defaults(handler=cmd_backup_folder)
    b.add_parser("list", help="列出备份文件夹中的备份").set_defaults(handler=cmd_backup_list)
    a = sub.add_parser("audit", help="审计日志").add_subparsers(dest="sub", metavar="子命令")
    p = a.add_parser("verify", help="校验审计日志哈希链及库外留存的链头（备份、交换包、校验码）")
    p.add_argument("--head", metavar="N-HEX", help="花名册上印的校验码，如 1234-89AB-CDEF-0123-4567")
    p.set_defaults(handler=cmd_audit_verify)


def _service(ctx: Any) -> Any:
    return ctx.services.safety


def cmd_backup_create(ctx: Any, args: Any) -> int:
    target = Path(args.file) if args.file else None
    if target is not None and target.exists():
        raise ElderError("FILE_EXISTS", path=args.file)
    op = ctx.operator()
    written = _service(ctx).create_backup(op, target)
    emit({"ok": True, "file": str(written)}, ctx.json, f"已备份到 {written}")
    return 0


def cmd_backup_folder(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    service = _service(ctx)
    if args.path is None:
        folder = service.backup_folder(op)
        emit({"folder": str(folder)}, ctx.json, f"自动备份文件夹：{folder}")
    else:
        folder = service.set_backup_folder(op, Path(args.path))
        emit({"ok": True, "folder": str(folder)}, ctx.json, f"自动备份文件夹已设为 {folder}")
    return 0


def cmd_backup_list(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    service = _service(ctx)
    folder = service.backup_folder(op)
    rows = []
    for b in service.backups(op):
        try:
            size = b.path.stat().st_size
        except OSError:  # removed meanwhile
            continue
        rows.append({"file": str(b.path), "at": b.at.isoformat(timespec="seconds"),
                     "kind": b.public_kind, "size": size})
    kinds = {"daily": "每日自动", "manual": "手动", "upgrade": "升级前"}
    text = "\n".join(f"{r['at'].replace('T', ' ')}  {kinds[r['kind']]}  {r['size']:>12,} 字节  "
                     f"{r['file']}" for r in rows)
    emit({"folder": str(folder), "backups": rows}, ctx.json,
         f"备份文件夹：{folder}\n" + (text or "备份文件夹中还没有备份"))
    return 0


def cmd_backup_restore(ctx: Any, args: Any) -> int:
    source = existing_file(args.file)
    op = _restore_operator(ctx, source)
    ctx.close()
    ctx._services = None
    from elderdesk.services.container import Services

    kept = Services.offline_safety(ctx.db_path).restore(op, source)
    text = f"已从 {source} 恢复" + (f"，原数据库已另存为 {kept}" if kept else "")
    emit({"ok": True, "previous_kept_as": str(kept) if kept else None}, ctx.json, text)
    return 0


def _restore_operator(ctx: Any, source: Path) -> Any:
    """Authenticate against the current database; when it is missing or damaged, against a
    temporary copy of the backup (the backup file itself is never opened for writing); an
    empty server database, against the dump's users."""
    from elderdesk.services.container import Services

    if not ctx.opts.user:
        raise ElderError("AUTH_REQUIRED")
    safety = Services.offline_safety(ctx.db_path)
    if safety.usable():
        op = _login_waiting_at_most(ctx)
        require(op, "backup.restore")
        return op
    password = os.environ.get("ELDERDESK_PASSWORD")
    if isinstance(ctx.db_path, str):  # an empty server database: the dump's users
        op = safety.backup_login(source, ctx.opts.user, password)
        require(op, "backup.restore")
        return op
    with tempfile.TemporaryDirectory(prefix="elderdesk-restore-") as tmp:
        copy = Path(tmp) / "backup.db"
        shutil.copyfile(source, copy)
        try:
            services = Services.open(copy)
        except ElderError as exc:
            raise ElderError("BACKUP_INVALID", detail=exc.message) from None
        try:
            op = services.users.authenticate(ctx.opts.user, password)
        finally:
            services.close()
    require(op, "backup.restore")
    return op


def _login_waiting_at_most(ctx: Any) -> Any:
    """The login writes (lockout bookkeeping): like the restore itself, it waits at most
    RESTORE_WAIT for another writer, then DB_BUSY (cli.md)."""
    ctx.services.safety.limit_lock_wait()
    try:
        return ctx.operator()
    except ElderError as exc:
        if exc.code == "DB_LOCKED":
            raise ElderError("DB_BUSY") from None
        raise


def cmd_audit_verify(ctx: Any, args: Any) -> int:
    from elderdesk.services.audit.anchors import report_text

    op = ctx.operator()
    check = _service(ctx).verify_audit(op, args.head)
    emit(check.to_json(), ctx.json, report_text(check))
    return 0 if check.ok else 1
