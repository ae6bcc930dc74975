"""Heads of the audit chain kept outside the database (anchors) and the chain's check.

A head is the record number and SHA-256 of the last audit record at some moment. Anchors are
heads the database cannot rewrite: `NAME.head` beside each backup in the backup folder (one line
`office record sha256`), heads a partner office returned in exchange packages (a pluggable
source, empty until exchange packages exist), and `audit verify --head N-HEX` (the 校验码 printed
on a frozen roster). The chain must still contain each one: record N, with that hash. A restore
legitimately discards the records after the restored head; its audit record names both heads
(`restored_head`, `replaced_head`), and anchors taken before it inside that range are
`superseded`, not missing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit
from elderdesk.store import audit_repo, backup_names, office_repo
from elderdesk.store import backup as backup_store
from elderdesk.store.db import Session

HEAD_SUFFIX = ".head"
MAX_HEAD_FILE = 4096  # a head file is one short line; anything bigger is not one
_ARG = re.compile(r"([1-9][0-9]{0,17})-([0-9a-fA-F]+(?:-[0-9a-fA-F]+)*)")
_LINE = re.compile(r"([0-9A-Za-z]{1,32})[ \t]+([1-9][0-9]{0,17})[ \t]+([0-9a-fA-F]{64})")


@dataclass(frozen=True)
class Head:
    record: int
    sha256: str  # lower-case hex: all 64 digits, or the first 16 (a 校验码)

    def matches(self, sha256: str) -> bool:
        return sha256.lower().startswith(self.sha256)


@dataclass(frozen=True)
class Anchor:
    source: str  # "backup" | "package" | "argument"
    name: str  # the backup's file name, the package, the code as given
    head: Head
    taken_at: datetime | None = None  # None: unknown (a code typed in)


@dataclass(frozen=True)
class AnchorResult:
    source: str
    name: str
    record: int
    found: bool
    superseded: bool
    by: int | None = None  # the restore record that superseded it

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "name": self.name, "record": self.record,
                "found": self.found, "superseded": self.superseded}


@dataclass(frozen=True)
class ChainCheck:
    records: int
    first_broken: int | None
    anchors: tuple[AnchorResult, ...]
    clock_back: tuple[int, ...]

    @property
    def ok(self) -> bool:
        return self.first_broken is None and all(a.found or a.superseded for a in self.anchors)


# Heads partner offices returned in exchange packages: each source gives the anchors it knows
# for a database. Empty until exchange packages exist (multi-office.md).
PACKAGE_SOURCES: list[Callable[[Any], Iterable[Anchor]]] = []


def check_code(record: int, sha256: str) -> str:
    """The 校验码 printed on a frozen roster: `N-XXXX-XXXX-XXXX-XXXX`."""
    h = sha256[:16].upper()
    return f"{record}-{h[0:4]}-{h[4:8]}-{h[8:12]}-{h[12:16]}"


def parse_head_arg(text: str) -> Head:
    """`N-HEX` (HEX 16 or 64 hex digits, dashes inside it and case ignored; full-width forms and
    surrounding spaces cleaned as for ID arguments); else AUDIT_HEAD_INVALID (exit 2)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    m = _ARG.fullmatch(cleaned)
    digits = m[2].replace("-", "").lower() if m else ""
    if m is None or len(digits) not in (16, 64):
        raise ElderError("AUDIT_HEAD_INVALID", value=text[:80])
    return Head(int(m[1]), digits)


class HeadLine(NamedTuple):
    """What a head file says: the office it belongs to and the head."""

    office: str
    head: Head


def parse_head_line(text: str) -> HeadLine | None:
    """The office and head of a head file's text; None unless it is exactly one head line."""
    m = _LINE.fullmatch(text.lstrip("\ufeff").strip())
    return HeadLine(m[1], Head(int(m[2]), m[3].lower())) if m else None


def head_path(backup_file: Path) -> Path:
    """Where a backup's head is kept: `NAME.head` beside `NAME`."""
    return backup_file.with_name(backup_file.name + HEAD_SUFFIX)


_CODE_KEYS = ("office.code", "office.region")


def office_codes(session: Session) -> set[str]:
    """Every code this office's head files may carry: its current codes and every former one
    the audit log knows (the region is an editable setting; changing it must not switch the
    older backups' anchors off)."""
    codes: set[str | None] = set(office_repo.own_codes(session))
    for before, after in audit_repo.records_on(session, "settings.change", _CODE_KEYS):
        for text in (before, after):
            try:
                doc = json.loads(text or "null")
            except ValueError:
                continue
            if isinstance(doc, dict):
                codes.add(doc.get("value"))
    return {c for c in codes if isinstance(c, str) and c}


def backup_folders(session: Session, current: Path, default: Path) -> list[Path]:
    """The backup folder, the default one beside the database and every folder the log says was
    chosen before: moving the folder (`backup folder`) must not leave the older heads behind.
    A folder that is not there now (a stick unplugged) simply gives none."""
    folders = [current, default]
    for before, after in audit_repo.records_on(session, "settings.change",
                                               (backup_store.FOLDER_KEY,)):
        for text in (before, after):
            try:
                doc = json.loads(text or "null")
            except ValueError:
                continue
            if isinstance(doc, dict) and isinstance(doc.get("value"), str) and doc["value"]:
                folders.append(Path(doc["value"]))
    unique: dict[str, Path] = {}
    for f in folders:
        try:
            key = str(f.resolve())
        except (OSError, RuntimeError, ValueError):
            continue
        unique.setdefault(key, f)
    return list(unique.values())


def backup_anchors(folder: Path, offices: set[str]) -> list[Anchor]:
    """The heads beside the backups in folder that belong to this office, by file name. Other
    offices' heads and files that are not one head line are not anchors."""
    found = []
    try:
        paths = sorted(folder.glob("*" + HEAD_SUFFIX)) if folder.is_dir() else []
    except OSError:
        return []
    for path in paths:
        try:
            if not path.is_file() or path.stat().st_size > MAX_HEAD_FILE:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parsed = parse_head_line(text)
        if parsed is None or parsed.office not in offices:
            continue
        name = path.name[: -len(HEAD_SUFFIX)]
        stamp = backup_names.parse_name(name)
        found.append(Anchor("backup", name, parsed.head, stamp.at if stamp else None))
    return found


@dataclass(frozen=True)
class _Restore:
    id: int
    at: str
    restored: Head
    replaced: Head


def _restore_of(row: audit_repo.ChainRow) -> _Restore | None:
    try:
        after = json.loads(row.after_json or "null")
        heads = [after[k] for k in ("restored_head", "replaced_head")]
        restored, replaced = (Head(int(h["record"]), str(h["sha256"]).lower()) for h in heads)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if not (1 <= restored.record < row.id):
        return None
    return _Restore(row.id, row.at, restored, replaced)


def check_chain(session: Session, anchors: Sequence[Anchor] = ()) -> ChainCheck:
    """Recompute every link (the first record whose hash or back-link is wrong is reported),
    list records whose time is earlier than their predecessor's, and look up every anchor."""
    wanted = {a.head.record for a in anchors}
    hashes: dict[int, str] = {}
    restores: list[_Restore] = []
    prev, prev_at = audit.GENESIS, None
    count, first_broken, clock_back = 0, None, []
    for row in audit_repo.chain(session):
        count += 1
        if first_broken is None:
            expected = audit.record_hash(prev, row.at, row.operator, row.action, row.entity,
                                         row.entity_key, row.before_json, row.after_json,
                                         row.today)
            if row.prev_hash != prev or row.hash != expected:
                first_broken = row.id
        prev = row.hash
        if prev_at is not None and row.at < prev_at:
            clock_back.append(row.id)
        prev_at = row.at
        if row.id in wanted:
            hashes[row.id] = row.hash
        if row.action == "backup.restore":
            r = _restore_of(row)
            if r is not None:
                restores.append(r)
    # A restore counts only if the head it says it restored is in the chain (a record naming
    # heads at random excuses nothing).
    stored = audit_repo.hashes_of(session, {r.restored.record for r in restores})
    restores = [r for r in restores if stored.get(r.restored.record) == r.restored.sha256]
    results = []
    for a in anchors:
        found = a.head.matches(hashes.get(a.head.record, "-"))
        by = None if found else _superseding(a, restores)
        results.append(AnchorResult(a.source, a.name, a.head.record, found, by is not None, by))
    return ChainCheck(count, first_broken, tuple(results), tuple(clock_back))


def _superseding(a: Anchor, restores: list[_Restore]) -> int | None:
    """The restore that discarded an anchor's record: the record lies after the restored head
    and at or before the replaced one, and the anchor was taken before the restore."""
    taken = a.taken_at.isoformat(timespec="seconds") if a.taken_at else None
    for r in restores:
        if (r.restored.record < a.head.record <= r.replaced.record
                and (taken is None or taken <= r.at)):
            return r.id
    return None


_SOURCES = {"backup": "备份", "package": "交换包", "argument": "校验码"}


def report_text(check: Any) -> str:
    """The Chinese report of a chain check (the CLI's text, the GUI's status when an anchor is
    missing): the verdict, then each problem on its own line."""
    lines = []
    if check.ok:
        superseded = sum(a.superseded for a in check.anchors)
        lines.append(f"审计日志完整，共 {check.records} 条记录；库外留存的链头 "
                     f"{len(check.anchors)} 个，均已核对" +
                     (f"（其中 {superseded} 个已被恢复备份取代）" if superseded else ""))
    if check.first_broken is not None:
        lines.append(f"审计日志在第 {check.first_broken} 条记录处断链：该记录或其之前的记录"
                     "被程序外修改过")
    for a in check.anchors:
        if not a.found and not a.superseded:
            lines.append(f"审计日志与{_SOURCES[a.source]}“{a.name}”留存的第 {a.record} 条记录"
                         "不符：该记录已被删除或改写，日志在此之后（含）被程序外截断或重写过")
    for a in check.anchors:
        if a.superseded:
            lines.append(f"{_SOURCES[a.source]}“{a.name}”留存的第 {a.record} 条记录已被第 "
                         f"{a.by} 条记录所记的恢复备份取代（不算缺失）")
    if check.clock_back:
        shown = "、".join(str(n) for n in check.clock_back[:20])
        more = f" 等 {len(check.clock_back)} 条" if len(check.clock_back) > 20 else ""
        lines.append(f"注意：第 {shown}{more} 条记录的时间早于前一条（电脑时钟曾回拨，"
                     "或记录被程序外改过），请核对")
    if not check.ok:
        lines.append("请保留现场（不要再办理业务），报告管理员，并用备份核对")
    return "\n".join(lines)
