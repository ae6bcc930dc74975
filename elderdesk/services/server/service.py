"""`server copy`: the office of this SQLite file into an empty PostgreSQL database; the copy is
kept only when both sides agree (rows and money per table in store/pg_copy.py, the audit chain
here), and the file is then marked as moved (it refuses writes: DB_MOVED)."""

from __future__ import annotations

from dataclasses import dataclass

from elderdesk.domain.errors import ElderError
from elderdesk.services.audit import anchors as audit_anchors
from elderdesk.services.auth import Operator, require
from elderdesk.services.safety.rotation import check_integrity
from elderdesk.store import pg_copy
from elderdesk.store.db import Database, Session


@dataclass(frozen=True)
class CopyResult:
    server: str  # postgresql://USER@HOST:PORT/DB, never the password
    tables: dict[str, int]  # rows per table, equal on both sides
    money: dict[str, int]  # "table.column" -> sum in fen, equal on both sides
    audit_records: int
    audit_ok: bool  # `audit verify` of the chain (the same result on both sides)
    seconds: float

    def to_json(self) -> dict:
        return {"ok": True, "server": self.server, "tables": self.tables, "money_fen": self.money,
                "audit": {"records": self.audit_records, "ok": self.audit_ok},
                "seconds": round(self.seconds, 1)}


def audit_differences(here: Session, there: Session, ok: list[bool]) -> list[str]:
    """`audit verify` of the chain on both sides (the file's anchors stay with the file): the
    same count, the same first broken record. Appends to `ok` whether the chain is whole."""
    a, b = audit_anchors.check_chain(here), audit_anchors.check_chain(there)
    ok.append(b.first_broken is None)
    if (a.records, a.first_broken) == (b.records, b.first_broken):
        return []
    return [f"审计日志校验：本机 {a.records} 条（首个断点 {a.first_broken}），"
            f"服务器 {b.records} 条（首个断点 {b.first_broken}）"]


class ServerService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def copy_to(self, op: Operator, url: str) -> CopyResult:
        """Copy this office (an SQLite file) into the empty database at `url`; afterwards the
        file only reads. COPY_TARGET_NOT_EMPTY, COPY_MISMATCH (nothing kept), DB_MOVED (this
        file was moved before), the server's faults (PG_*)."""
        require(op, "server.copy")
        if self.db.is_pg:
            raise ElderError("USAGE", detail="要复制的必须是本机数据库文件，不是服务器地址")
        check_integrity(self.db)  # a damaged file is never copied
        checked: list[bool] = []
        report = pg_copy.copy_office(
            self.db, url, lambda here, there: audit_differences(here, there, checked))
        return CopyResult(
            server=report.server,
            tables={t: f.rows for t, f in sorted(report.tables.items())},
            money={f"{t}.{c}": v for t, f in sorted(report.tables.items()) for c, v in f.sums},
            audit_records=report.audit_records, audit_ok=all(checked),
            seconds=report.seconds)
