"""Entry point: parse, open the database, authenticate, run one command, map errors to exit codes."""

from __future__ import annotations

import functools
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from elderdesk import __version__
from elderdesk.cli import person_office
from elderdesk.cli.parser import GlobalOptions, Parser, split_globals
from elderdesk.domain.errors import ElderError, file_error

log = logging.getLogger("elderdesk.cli")


class Context:
    """What a command handler gets: options, the services (opened on demand) and the operator."""

    def __init__(self, opts: GlobalOptions) -> None:
        self.opts = opts
        self.json = opts.json
        self._services: Any = None

    @property
    def db_path(self) -> Path | str:
        """The database file, or a PostgreSQL URL (str)."""
        from elderdesk.pc_config import db_location

        return db_location(self.opts.db)

    @property
    def db_shown(self) -> str:
        """The database for messages (a URL without its password)."""
        from elderdesk.paths import masked

        where = self.db_path
        return masked(where) if isinstance(where, str) else str(where)

    @property
    def services(self) -> Any:
        if self._services is None:
            from elderdesk.services.container import Services

            self._services = Services.open(self.db_path)
            self._services.safety.clean_leftovers()  # what interrupted backups and restores left
        return self._services

    def operator(self) -> Any:
        """The authenticated --user (password from ELDERDESK_PASSWORD or a terminal prompt)."""
        if not self.opts.user:
            raise ElderError("AUTH_REQUIRED")
        password = os.environ.get("ELDERDESK_PASSWORD")
        if password is None:
            if sys.stdin is not None and sys.stdin.isatty():
                password = getpass.getpass("密码：")
            else:
                raise ElderError("AUTH_REQUIRED")
        services = self.services
        return services.users.authenticate(self.opts.user, password)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


Handler = Callable[[Context, Any], int]


@functools.lru_cache(maxsize=1)  # argparse's gettext lookups make a build ~40 ms; parsing is pure
def build_parser() -> Parser:
    from elderdesk.cli import commands_admin, commands_register

    parser = Parser(prog="elderdesk", description="ElderDesk 老年证与高龄津贴办理系统。不带命令时启动图形界面。")
    parser.add_argument("--version", action="store_true", help="显示版本号")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认 ELDERDESK_DB 或用户数据目录）")
    parser.add_argument("--user", metavar="NAME", help="操作员用户名（密码取自 ELDERDESK_PASSWORD）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)
    for module in (commands_admin, commands_register):
        module.register(sub)
    for module_name in ("commands_allowance", "commands_cards", "commands_safety",
                        "commands_users", "commands_reports", "commands_devices",
                        "commands_receipts", "commands_exchange", "commands_server"):
        try:
            module = __import__(f"elderdesk.cli.{module_name}", fromlist=["register"])
        except ModuleNotFoundError:
            continue
        module.register(sub)
    person_office.add_office_options(parser)
    return parser


def _undecodable(arg: str) -> bool:
    """Bytes of the command line that were not UTF-8 arrive as lone surrogates; a NUL cannot
    come from a real command line (only from an in-process caller)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return "\x00" in arg


def _error(exc: ElderError) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"{exc.code}: {exc.message}\n")
    return exc.exit_status


def _machine_state(exc: Exception, db: str | None) -> ElderError | None:
    """An SQLite failure that no unit of work translated (a raw connection): DISK_FULL,
    DB_READ_ONLY, DB_LOCKED, DB_IO_ERROR, or DB_CORRUPT confirmed by quick_check."""
    from elderdesk.paths import default_db_path, is_url
    from elderdesk.services.container import database_failure

    if is_url(db or os.environ.get("ELDERDESK_DB")):
        return None  # PostgreSQL faults are translated by the store (store/pg.py)
    return database_failure(exc, Path(db) if db else default_db_path())


def main(argv: list[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    from elderdesk.logs import configure

    configure()
    db: str | None = None
    try:
        if any(_undecodable(a) for a in args_in):
            raise ElderError("USAGE", detail="参数含有无法识别的字符，请使用 UTF-8 编码输入")
        opts, rest = split_globals(args_in)
        db = opts.db
        if not rest:
            from elderdesk.app import run_gui

            return run_gui(opts.db)  # a file or a server URL (never made a Path)
        if rest == ["--version"]:
            sys.stdout.write(f"elderdesk {__version__}\n")
            return 0
        parser = build_parser()
        try:
            args = parser.parse_args(rest)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        if args.version:
            sys.stdout.write(f"elderdesk {__version__}\n")
            return 0
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            raise ElderError("USAGE", detail="缺少命令")
        from elderdesk.services.clock import today

        today()  # a bad ELDERDESK_TODAY is TODAY_INVALID for every command, not only some
        person_office.apply(args)  # --office CODE: the ID becomes the reference ID@CODE
        ctx = Context(opts)
        try:
            return handler(ctx, args)
        finally:
            ctx.close()
    except ElderError as exc:
        if exc.code == "DB_CORRUPT":  # what SQLite said goes to the log, not to the user
            log.error("DB_CORRUPT: %s", exc.params.get("detail"))
        return _error(exc)
    except KeyboardInterrupt:
        sys.stderr.write("INTERRUPTED: 操作已取消，未完成的更改没有保存\n")
        return 130
    except OSError as exc:  # a file the command could not open or write (name too long...)
        log.warning("file error", exc_info=True)
        return _error(file_error(exc))
    except Exception as exc:  # never a traceback for the user; the log keeps it
        found = _machine_state(exc, db)
        if found is not None:
            return _error(found)
        log.exception("unexpected error")
        return _error(ElderError("INTERNAL", detail=type(exc).__name__))
