"""The GUI's first start on an office server (multi-office.md §1: 连接单位服务器): test a
PostgreSQL URL before it is saved, and save it as this PC's database (elderdesk/pc_config.py;
pc_config.db_location reads it when neither --db nor ELDERDESK_DB is given).

The URL may carry the password; it is shown and logged only masked (paths.masked)."""

from __future__ import annotations

from enum import StrEnum
from urllib.parse import quote

from elderdesk import pc_config
from elderdesk.domain.errors import ElderError
from elderdesk.paths import is_url, masked
from elderdesk.store import pg, schema
from elderdesk.store.db import Database, schema_version


class ServerState(StrEnum):
    EMPTY = "empty"  # an empty database: the office is set up on it (the same setup as SQLite)
    OFFICE = "office"  # it holds ElderDesk: the login follows


def server_url(url: str, password: str = "") -> str:
    """The URL with the password put in (a password typed in its own field); PG_URL_INVALID
    for anything but a PostgreSQL URL naming a database."""
    url = (url or "").strip()
    if not is_url(url):
        raise ElderError("PG_URL_INVALID", url=masked(url)[:200])
    pg.engine_url(url)  # a database name, parseable
    if not password:
        return url
    scheme, rest = url.split("://", 1)
    userinfo, at, host = rest.rpartition("@")
    if not at:
        raise ElderError("PG_URL_INVALID", url=masked(url))
    user = userinfo.split(":", 1)[0]
    return f"{scheme}://{user}:{quote(password, safe='')}@{host}"


def probe(url: str) -> ServerState:
    """Connect and look: the server's faults as their Chinese codes (unreachable, login refused,
    no such database: exit-2 faults; another program's tables: PG_NOT_ELDERDESK; a newer
    ElderDesk: DB_NEWER_SCHEMA)."""
    db = Database(url)
    try:
        found = schema_version(db)
    finally:
        db.close()
    if found is None:
        return ServerState.EMPTY
    if found not in schema.known_revisions():
        raise ElderError("DB_NEWER_SCHEMA", found=found, known=schema.HEAD)
    return ServerState.OFFICE


def shown(url: str) -> str:
    """The URL for a message or a label: never its password."""
    return masked(url)


def remember(url: str) -> None:
    """This PC works on that server from now on (the GUI and the CLI without --db)."""
    pc_config.put(pc_config.DATABASE, url)


def remembered() -> str | None:
    return pc_config.get(pc_config.DATABASE)
