"""Backups of an office database on a PostgreSQL server (multi-office.md §1): pg_dump's custom
format (`pg_dump -Fc`), the head file beside each dump, and the checked, all-or-nothing restore.

- The client tools come from ELDERDESK_PG_BIN when set (that folder only: the tests point it at
  an empty one), else the bundle's `pgsql/bin`, the PATH, the Debian and Windows install
  folders. A tool that is missing or older than the server is PG_TOOLS_MISSING (exit 4).
- The password goes to the tools in PGPASSWORD of their environment, never on a command line;
  their messages are logged with the URL masked.
- A dump is taken on a snapshot exported by a transaction that also reads the head (last audit
  record) and the office code: the head file beside it names exactly what the dump holds.
- Restore: the dump is checked first (`pg_restore --list` readable, every data block readable,
  an ElderDesk database of a known revision, the same office), then one transaction on the live
  database takes the writers' lock (waiting at most RESTORE_WAIT: DB_BUSY), dumps the current
  data into the backup folder (kept), drops this program's tables, functions and sequences,
  loads the dump's SQL (pg_restore's script, fed to the server through this connection), brings
  an older revision up to date, checks the tables against the program's, bumps db.generation and
  writes the restore's audit record, and commits. Anything failing rolls all of it back: the
  database is as before. Sessions opened before see the new generation at their next write
  (DB_RESTORED, store/db.py), exactly as after an SQLite restore. An empty database (a new
  server) takes a dump the same way, with nothing to keep and pg_trgm created first; its login
  is checked against the dump's users (dump_user).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from elderdesk import paths
from elderdesk.domain.errors import ElderError
from elderdesk.paths import masked
from elderdesk.store import backup, backup_names, leftovers, pg, schema
from elderdesk.store.audit_repo import RecordHash
from elderdesk.store.db import GENERATION_KEY, RESTORING_KEY
from elderdesk.store.orm import Base
from elderdesk.store.safety import reason

log = logging.getLogger(__name__)

TOOLS_ENV = "ELDERDESK_PG_BIN"  # the folder of pg_dump/pg_restore (only that one when set)
SUFFIX = backup_names.PG_SUFFIX
RESTORE_WAIT = 10.0  # seconds the restore waits for other writers (= store/safety.py)
_TIMEOUT_SETS = re.compile(
    r"^SET (statement_timeout|lock_timeout|idle_in_transaction_session_timeout|"
    r"transaction_timeout) = ")
_SKIPPED_TOC = re.compile(r"^\d+; \d+ \d+ (EXTENSION|SCHEMA|COMMENT - EXTENSION) ")

RestoreRecord = Callable[[Session, dict[str, Any]], None]


# --- the tools --------------------------------------------------------------------------------
def _candidate_dirs() -> list[Path]:
    given = os.environ.get(TOOLS_ENV)
    if given:
        return [Path(given)]
    found = [paths.resources_dir().parent / "pgsql" / "bin"]  # the Windows bundle
    found += [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    for pattern in ("/usr/lib/postgresql/*/bin", r"C:\Program Files\PostgreSQL\*\bin"):
        found += sorted((Path(p) for p in glob.glob(pattern)), key=_folder_version, reverse=True)
    return found


def _folder_version(folder: Path) -> int:
    digits = re.match(r"\d+", folder.parent.name)
    return int(digits[0]) if digits else 0


def _version(exe: Path) -> int | None:
    """The major version a tool reports (`pg_dump (PostgreSQL) 15.18 …` → 15)."""
    try:
        done = subprocess.run([str(exe), "--version"], capture_output=True, text=True,
                              timeout=30, check=False, **_quiet())
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"\(PostgreSQL\)\s+(\d+)", done.stdout)
    return int(m[1]) if done.returncode == 0 and m else None


def tool(name: str, server_major: int) -> Path:
    """The newest usable `name` (pg_dump, pg_restore) at least as new as the server; else
    PG_TOOLS_MISSING naming what to install."""
    exe_name = name + (".exe" if os.name == "nt" else "")
    best: tuple[int, Path] | None = None
    for folder in _candidate_dirs():
        exe = folder / exe_name
        if not exe.is_file():
            continue
        major = _version(exe)
        if major is not None and (best is None or major > best[0]):
            best = (major, exe)
            if major >= server_major:
                break
    if best is None:
        raise ElderError("PG_TOOLS_MISSING", tool=name, major=server_major, detail="没有找到")
    if best[0] < server_major:
        raise ElderError("PG_TOOLS_MISSING", tool=name, major=server_major,
                         detail=f"找到的是 {best[0]} 版，比服务器的 {server_major} 版旧")
    return best[1]


def _quiet() -> dict[str, Any]:
    """No console window flashing up on Windows when the GUI runs a tool."""
    flag = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return {"creationflags": flag} if flag else {}


def _conninfo(url: str) -> tuple[str, dict[str, str]]:
    """The tools' connection string (no password in it) and their environment (PGPASSWORD)."""
    parsed = pg.engine_url(url)
    parts: dict[str, Any] = {"host": parsed.host, "port": parsed.port, "user": parsed.username,
                             "dbname": parsed.database}
    for key, value in parsed.query.items():
        parts[key] = value if isinstance(value, str) else ",".join(value)
    info = " ".join(f"{k}={_quoted(str(v))}" for k, v in parts.items() if v not in (None, ""))
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    env.setdefault("PGCONNECT_TIMEOUT", str(pg.CONNECT_TIMEOUT))
    env["PGAPPNAME"] = "elderdesk-backup"
    return info, env


def _quoted(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _said(stderr: str, url: str) -> str:
    """A tool's complaint for the log and for a message: without the password, one line."""
    shown = stderr.replace(url, masked(url)).strip()
    password = pg.engine_url(url).password
    if password:
        shown = shown.replace(str(password), "***")
    lines = [ln for ln in shown.splitlines() if ln.strip()]
    return lines[-1][:300] if lines else ""


def _tool_fault(stderr: str, url: str) -> ElderError | None:
    """The server's faults in a tool's messages (the connection is tested before, so rare)."""
    if "server version mismatch" in stderr or "unsupported version" in stderr:
        return ElderError("PG_TOOLS_MISSING", tool="pg_dump/pg_restore", major="与服务器相同",
                          detail=_said(stderr, url))
    if "password authentication failed" in stderr or "no password supplied" in stderr:
        return ElderError("PG_LOGIN_REFUSED", url=masked(url))
    if "Connection refused" in stderr or "could not connect" in stderr \
            or "could not translate host name" in stderr:
        return ElderError("PG_UNREACHABLE", url=masked(url))
    return None


# --- reading the live database ----------------------------------------------------------------
def server_major(conn: Connection) -> int:
    return int(conn.execute(text("SHOW server_version_num")).scalar_one()) // 10000


def _has_table(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": name}).scalar())


def _settings(conn: Connection) -> dict[str, str]:
    if not _has_table(conn, "settings"):
        return {}
    return {str(k): str(v) for k, v in conn.execute(text(
        "SELECT key, value FROM settings WHERE key IN ('office.name', 'office.region', "
        "'office.code', 'office.former_code', :g)"), {"g": GENERATION_KEY}).all()}


def _last_record(conn: Connection) -> RecordHash | None:
    if not _has_table(conn, "audit_log"):
        return None
    row = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    return RecordHash(int(row[0]), str(row[1])) if row else None


def _head(conn: Connection) -> backup.BackupHead | None:
    values = _settings(conn)
    office = values.get("office.code") or values.get("office.region")
    last = _last_record(conn)
    return backup.BackupHead(office, last.record, last.sha256) if office and last else None


def _generation(values: dict[str, str]) -> int:
    value = values.get(GENERATION_KEY, "0")
    return int(value) if value.isdigit() else 0


# --- backing up -------------------------------------------------------------------------------
def stem(url: str) -> str:
    """The name backups are named after: the database's name on the server."""
    return re.sub(r'[\\/:*?"<>|\s]', "_", str(pg.engine_url(url).database))


def dump(engine: Any, url: str, target: Path, *, exclusive: bool = True) -> Path:
    """pg_dump -Fc of the database into target (written aside, flushed, renamed: complete or
    absent; exclusive: never over an existing file, FileExistsError), then its head beside it."""
    with pg.translated(url), engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            snapshot = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar_one())
            exe = tool("pg_dump", server_major(conn))
            head = _head(conn)
            _dump_snapshot(exe, url, snapshot, target, exclusive)
    if head is not None:
        backup.put_head(target, head)
    return target


# --- the checksum beside each dump: pg_restore reads back a dump whose uncompressed parts (the
# table definitions) were changed; the checksum tells -----------------------------------------
CHECKSUM_SUFFIX = ".sha256"


def checksum_path(dump_file: Path) -> Path:
    return dump_file.with_name(dump_file.name + CHECKSUM_SUFFIX)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _put_checksum(dump_file: Path) -> None:
    """`NAME.sha256` beside the dump (sha256sum's format), written aside then renamed."""
    target = checksum_path(dump_file)
    partial = leftovers.tagged(target, backup.PARTIAL)
    try:
        partial.write_text(f"{_sha256(dump_file)}  {dump_file.name}\n", encoding="utf-8")
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _check_checksum(source: Path) -> None:
    """A dump with its checksum beside it must match it (a dump without one is checked by
    reading it back only)."""
    try:
        said = checksum_path(source).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    m = re.match(r"\s*([0-9a-fA-F]{64})\b", said)
    if m is None or m[1].lower() != _sha256(source):
        raise ElderError("BACKUP_INVALID", detail="备份文件与它旁边的校验值（.sha256）不符：文件被改动过或已损坏")


def _dump_snapshot(exe: Path, url: str, snapshot: str, target: Path, exclusive: bool) -> None:
    info, env = _conninfo(url)
    partial = leftovers.tagged(target, backup.PARTIAL)
    partial.unlink(missing_ok=True)
    try:
        done = subprocess.run(
            [str(exe), "--format=custom", f"--snapshot={snapshot}", "--no-owner",
             "--no-privileges", f"--file={partial}", f"--dbname={info}"],
            env=env, capture_output=True, text=True, check=False, **_quiet())
        if done.returncode != 0:
            log.warning("pg_dump failed on %s: %s", masked(url), _said(done.stderr, url))
            fault = _tool_fault(done.stderr, url)
            if fault is not None:
                raise fault
            raise OSError(0, _said(done.stderr, url) or "pg_dump 失败")
        backup._fsync(partial)
        backup._rename(partial, target, exclusive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _put_checksum(target)
    backup._fsync_dir(target.parent)


def snapshot(engine: Any, url: str, folder: Path, at: datetime, kind: str) -> Path:
    """A dump into folder under a dated name (kind-1, kind-2 ... when taken)."""
    folder.mkdir(parents=True, exist_ok=True)
    named = Path(stem(url))
    n = 0
    while True:
        target = folder / backup_names.backup_name(named, at, f"{kind}-{n}" if n else kind, SUFFIX)
        n += 1
        if target.exists():
            continue
        try:
            return dump(engine, url, target)
        except FileExistsError:
            continue


def snapshot_into(engine: Any, url: str, folder: Path, at: datetime, kind: str) -> Path:
    """snapshot, a full or pulled-out USB stick said as BACKUP_FOLDER_UNUSABLE."""
    try:
        return snapshot(engine, url, folder, at, kind)
    except OSError as exc:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folder), detail=reason(exc)) from None


def backup_to(engine: Any, url: str, target: Path) -> Path:
    """A dump into a file that must not exist yet (FILE_EXISTS; a folder that takes no files:
    BACKUP_FOLDER_UNUSABLE with the reason)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return dump(engine, url, target, exclusive=True)
    except FileExistsError:
        raise ElderError("FILE_EXISTS", path=str(target)) from None
    except (OSError, ValueError) as exc:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(target.parent),
                         detail=reason(exc)) from None


# --- checking a dump --------------------------------------------------------------------------
@dataclass(frozen=True)
class DumpInfo:
    schema: str
    name: str | None
    region: str | None
    code: str | None  # office.code once set, else the region (as backup.office_of)


def _run(exe: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(exe), *args], capture_output=True, check=False, **_quiet())


def inspect(exe: Path, url: str, source: Path) -> DumpInfo:
    """Check a dump without touching any database: BACKUP_INVALID unless it is pg_dump's custom
    format, every block reads back, its checksum (when beside it) matches, and it holds an
    ElderDesk office."""
    _check_checksum(source)
    listed = _run(exe, "--list", str(source))
    if listed.returncode != 0:
        log.warning("pg_restore --list %s: %s", source, _said(_text(listed.stderr), url))
        fault = _tool_fault(_text(listed.stderr), url)
        if fault is not None:
            raise fault
        raise ElderError("BACKUP_INVALID",
                         detail="不是单位服务器数据库的备份（pg_dump 自定义格式），或文件已损坏")
    toc = _text(listed.stdout)
    if not all(re.search(rf"TABLE DATA \S+ {t} ", toc) for t in ("settings", "alembic_version",
                                                                   "audit_log")):
        raise ElderError("BACKUP_INVALID", detail="不是 ElderDesk 数据库")
    whole = _run(exe, f"--file={os.devnull}", str(source))
    if whole.returncode != 0:
        log.warning("pg_restore of %s: %s", source, _said(_text(whole.stderr), url))
        raise ElderError("BACKUP_INVALID", detail="备份文件不完整或已损坏（"
                         + _said(_text(whole.stderr), url)[:120] + "）")
    data = _run(exe, "--data-only", "--table=settings", "--table=alembic_version", "--file=-",
                str(source))
    tables = _copy_rows(_text(data.stdout)) if data.returncode == 0 else {}
    settings = {r[0]: r[1] for r in tables.get("settings", []) if len(r) >= 2 and r[0]}
    version = [r[0] for r in tables.get("alembic_version", []) if r and r[0]]
    region = settings.get("office.region")
    if not version or not region:
        raise ElderError("BACKUP_INVALID", detail="不是 ElderDesk 数据库")
    return DumpInfo(version[0], settings.get("office.name"), region,
                    settings.get("office.code") or region)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


_COPY = re.compile(r"^COPY (?:\S+\.)?\"?(\w+)\"? \((.*)\) FROM stdin;$")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "\\": "\\"}


def _copy_rows(script: str) -> dict[str, list[list[str | None]]]:
    """The rows of the COPY blocks in a script, by table (COPY's text format decoded)."""
    found: dict[str, list[list[str | None]]] = {}
    table = None
    for line in script.split("\n"):
        if table is None:
            m = _COPY.match(line)
            if m:
                table = m[1]
                found.setdefault(table, [])
            continue
        if line == "\\.":
            table = None
            continue
        found[table].append([None if f == "\\N" else re.sub(
            r"\\(.)", lambda e: _ESCAPES.get(e[1], e[1]), f) for f in line.split("\t")])
    return found


def _copy_columns(script: str) -> dict[str, list[str]]:
    """The column names of the COPY blocks in a script, by table."""
    found = {}
    for line in script.split("\n"):
        m = _COPY.match(line)
        if m:
            found[m[1]] = [c.strip().strip('"') for c in m[2].split(",")]
    return found


def is_empty(url: str) -> bool:
    """The database holds no table (a new server's database, made empty by its administrator);
    another program's tables: PG_NOT_ELDERDESK."""
    engine = pg.make_engine(url)
    try:
        return pg.schema_version(engine, url) is None
    finally:
        engine.dispose()


def dump_user(url: str, source: Path, name: str) -> dict[str, str | None] | None:
    """The user `name` as the dump holds it (column -> COPY text, None for NULL), after the
    dump passed inspect's checks; None when the dump has no such user. For the login of a
    restore into an empty database, which has no users of its own yet."""
    source = Path(source)
    if not source.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(source))
    engine = pg.make_engine(url)
    try:
        with pg.translated(url), engine.connect() as conn:
            exe = tool("pg_restore", server_major(conn))
            conn.rollback()
    finally:
        engine.dispose()
    inspect(exe, url, source)
    done = _run(exe, "--data-only", "--table=users", "--file=-", str(source))
    script = _text(done.stdout) if done.returncode == 0 else ""
    columns = _copy_columns(script).get("users", [])
    for row in _copy_rows(script).get("users", []):
        user = dict(zip(columns, row, strict=False))
        if user.get("name") == name:
            return user
    return None


# --- restoring --------------------------------------------------------------------------------
def restore(url: str, source: Path, folder: Path, clock: Callable[[], datetime],
            record: RestoreRecord) -> Path | None:
    """Check a dump and put it in place of the database's data, all or nothing (module
    docstring). folder: this PC's backup folder, where the current data is kept (and an older
    dump before its migration); clock: their names' time; record: writes the restore's audit
    record. Returns the dump of the data it replaced (None: the database was empty)."""
    source = Path(source)
    if not source.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(source))
    engine = pg.make_engine(url)
    try:
        with pg.translated(url):
            with engine.connect() as conn:
                major = server_major(conn)
                conn.rollback()
            if pg.schema_version(engine, url) is None:  # another program's: PG_NOT_ELDERDESK
                pg.ensure_trgm(engine, url)  # an empty database (a new server): the dump's
                # ID-fragment index needs it (created by the database's owner, else PG_RIGHTS)
            restore_exe = tool("pg_restore", major)
            dump_exe = tool("pg_dump", major)
            found = inspect(restore_exe, url, source)
            if found.schema not in schema.known_revisions():
                if found.schema > schema.HEAD:
                    raise ElderError("BACKUP_NEWER_SCHEMA", found=found.schema, known=schema.HEAD)
                raise ElderError("BACKUP_INVALID", detail=f"未知的数据库版本 {found.schema}")
            plan = _Plan(folder, clock, record)
            try:
                return _restore_locked(engine, url, source, found, plan, restore_exe, dump_exe)
            except ElderError:
                raise
            except Exception as exc:
                err = getattr(exc, "orig", exc)
                if pg.fault(exc, url) is not None or not (
                        isinstance(exc, DBAPIError) or type(err).__module__.startswith("psycopg")):
                    raise
                log.warning("restore of %s refused by the server: %s", source, err)
                raise ElderError("BACKUP_INVALID", detail="服务器拒绝载入这份备份（详情已记入日志）"
                                 ) from None
    finally:
        engine.dispose()


@dataclass(frozen=True)
class _Plan:
    folder: Path
    clock: Callable[[], datetime]
    record: RestoreRecord


def _tables() -> dict[str, set[str]]:
    """The program's tables and their columns (a restored dump must have them all)."""
    return {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}


def _restore_locked(engine: Any, url: str, source: Path, found: DumpInfo, plan: _Plan,
                    restore_exe: Path, dump_exe: Path) -> Path | None:
    with engine.connect() as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(RESTORE_WAIT * 1000)}ms'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({pg.WRITE_LOCK})")
        current = _settings(conn)
        codes = {current.get(k) for k in ("office.code", "office.region", "office.former_code")}
        codes.discard(None)
        if codes and found.code not in codes:
            raise ElderError("BACKUP_WRONG_OFFICE", found=found.name, region=found.code,
                             expected=current.get("office.name"))
        generation = _generation(current)
        replaced = _last_record(conn)
        at = plan.clock()
        kept = None
        if replaced is not None or current:
            exported = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar_one())
            kept = _keep(dump_exe, url, exported, plan.folder, at, _head(conn))
        if found.schema != schema.HEAD:
            _keep_older(source, url, plan.folder, at, found)
        _drop_own_objects(conn)
        _load(conn, restore_exe, url, source)
        if found.schema != schema.HEAD:
            schema.upgrade_on(conn)
        _check_tables(conn, _tables())
        _seal(conn, generation, kept, replaced, source, plan.record)
    return kept


def _keep(exe: Path, url: str, exported: str, folder: Path, at: datetime,
          head: backup.BackupHead | None) -> Path:
    """The current data, dumped on the restore's own snapshot into the backup folder."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    while True:
        kind = "before-restore" + (f"-{n}" if n else "")
        target = folder / backup_names.backup_name(Path(stem(url)), at, kind, SUFFIX)
        n += 1
        if target.exists():
            continue
        try:
            _dump_snapshot(exe, url, exported, target, True)
        except FileExistsError:
            continue
        if head is not None:
            backup.put_head(target, head)
        return target


def _keep_older(source: Path, url: str, folder: Path, at: datetime, found: DumpInfo) -> None:
    """A dump at an older revision is copied into the backup folder before it is migrated."""
    target = folder / backup_names.backup_name(Path(stem(url)), at,
                                         f"before-migration-{found.schema}", SUFFIX)
    if not target.exists():
        shutil.copyfile(source, target)
        _put_checksum(target)


def _drop_own_objects(conn: Connection) -> None:
    """This program's tables, views, sequences, functions and types in the current schema
    (never an extension's: pg_trgm stays, it may belong to the superuser)."""
    not_extension = ("NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = {oid} "
                     "AND d.deptype = 'e')")
    relations = conn.execute(text(
        "SELECT c.oid::regclass::text, c.relkind FROM pg_class c "
        "WHERE c.relnamespace = current_schema()::regnamespace "
        "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND "
        + not_extension.format(oid="c.oid"))).all()
    kinds = {"r": "TABLE", "p": "TABLE", "f": "FOREIGN TABLE", "v": "VIEW",
             "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}
    for kind in ("v", "m", "r", "p", "f", "S"):
        names = [name for name, k in relations if k == kind]
        if names:
            conn.exec_driver_sql(f"DROP {kinds[kind]} IF EXISTS {', '.join(names)} CASCADE")
    functions = conn.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p "
        "WHERE p.pronamespace = current_schema()::regnamespace AND "
        + not_extension.format(oid="p.oid"))).scalars().all()
    for name in functions:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name} CASCADE")
    types = conn.execute(text(
        "SELECT t.oid::regtype::text FROM pg_type t "
        "WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd') "
        "AND " + not_extension.format(oid="t.oid"))).scalars().all()
    for name in types:
        conn.exec_driver_sql(f"DROP TYPE IF EXISTS {name} CASCADE")


def _load(conn: Connection, exe: Path, url: str, source: Path) -> None:
    """pg_restore's SQL for the dump (without extensions, schemas, owners and grants), run on
    this connection inside its transaction; COPY blocks stream through psycopg's copy."""
    listed = _run(exe, "--list", str(source))
    entries = [(";" + ln if _SKIPPED_TOC.match(ln) else ln)
               for ln in _text(listed.stdout).splitlines()]
    raw = conn.connection.driver_connection
    path = conn.exec_driver_sql("SHOW search_path").scalar_one()
    with tempfile.TemporaryDirectory(prefix="elderdesk-restore-") as tmp:
        toc = Path(tmp) / "toc.list"
        toc.write_text("\n".join(entries) + "\n", encoding="utf-8")
        errors = Path(tmp) / "stderr.txt"
        with open(errors, "wb") as err:
            proc = subprocess.Popen(
                [str(exe), "--no-owner", "--no-privileges", f"--use-list={toc}", "--file=-",
                 str(source)], stdout=subprocess.PIPE, stderr=err, **_quiet())
        try:
            assert proc.stdout is not None
            _feed(raw, proc.stdout)
        finally:
            with contextlib.suppress(OSError):
                proc.stdout.close()  # type: ignore[union-attr]
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.returncode != 0:
            said = _said(errors.read_text(encoding="utf-8", errors="replace"), url)
            log.warning("pg_restore of %s failed: %s", source, said)
            raise ElderError("BACKUP_INVALID", detail=f"备份文件不完整或已损坏（{said[:120]}）")
    conn.execute(text("SELECT set_config('search_path', :p, false)"), {"p": path})


def _feed(raw: Any, stream: Any) -> None:
    statements: list[str] = []
    cur = raw.cursor()

    def flush() -> None:
        sql = "".join(statements).strip()
        statements.clear()
        if sql:
            cur.execute(sql)

    for line_bytes in stream:
        line = line_bytes.decode("utf-8")
        if line.startswith(("\\restrict", "\\unrestrict")) or _TIMEOUT_SETS.match(line):
            continue
        stripped = line.rstrip("\n")
        if stripped.startswith("COPY ") and stripped.endswith(" FROM stdin;"):
            flush()
            with cur.copy(stripped[:-1]) as copy:
                for data in stream:
                    if data == b"\\.\n":
                        break
                    copy.write(data)
            continue
        statements.append(line)
    flush()


def _check_tables(conn: Connection, wanted: dict[str, set[str]]) -> None:
    """The restored tables are the program's, column for column (a dump changed outside
    pg_dump can still read back)."""
    have: dict[str, set[str]] = {}
    for table, column in conn.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()")).all():
        have.setdefault(str(table), set()).add(str(column))
    missing = [t for t, cols in wanted.items() if not cols <= have.get(t, set())]
    if missing:
        log.warning("restored tables differ from the program's: %s", missing)
        raise ElderError("BACKUP_INVALID", detail="数据表与本程序的不符：" + "、".join(missing[:5]))


def _seal(conn: Connection, generation: int, kept: Path | None,
          replaced: RecordHash | None, source: Path, record: RestoreRecord) -> None:
    """In the restore's transaction: a new restore generation, no restore mark, the restore's
    audit record naming both heads."""
    restored = _last_record(conn)
    new = max(generation, _generation(_settings(conn))) + 1
    conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": RESTORING_KEY})
    conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) "
                      "DO UPDATE SET value = EXCLUDED.value"), {"k": GENERATION_KEY, "v": str(new)})
    with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
        record(session, {
            "file": str(source), "previous_kept_as": str(kept) if kept else None,
            "restored_head": _head_json(restored), "replaced_head": _head_json(replaced)})
        session.commit()


def _head_json(last: RecordHash | None) -> dict | None:
    return {"record": last.record, "sha256": last.sha256} if last else None
