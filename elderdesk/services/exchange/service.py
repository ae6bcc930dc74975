"""Exchange packages between a street and its district (multi-office.md §4-6): export, import
(one transaction, refusals change nothing), status; and the partners' returned audit heads as
`package` anchors for `audit verify`."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from elderdesk.domain.errors import ElderError, file_error, output_error
from elderdesk.services import audit, settings
from elderdesk.services.audit import anchors
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now
from elderdesk.services.exchange import district as payment
from elderdesk.services.exchange import duplicates, package, records, returns
from elderdesk.services.exchange.held import Held
from elderdesk.services.exchange.office import district_code
from elderdesk.store import audit_repo, district_repo, exchange_repo, office_repo, settings_repo
from elderdesk.store.db import Database, Session

MAX_PACKAGE = 512 * 1024 * 1024


@dataclass(frozen=True)
class Exported:
    path: Path
    receiver: str
    first_seq: int
    seq: int
    records: int

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "to": self.receiver, "first_seq": self.first_seq,
                "seq": self.seq, "records": self.records}


@dataclass
class Imported:
    sender: str
    receiver: str
    first_seq: int
    seq: int
    already_imported: bool
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(records.COUNT_KEYS, 0))
    findings: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"from": self.sender, "to": self.receiver, "first_seq": self.first_seq,
                "seq": self.seq, "already_imported": self.already_imported,
                "counts": dict(self.counts), "findings": list(self.findings)}


def _require(op: Operator, s: Session) -> tuple[str, str]:
    """(own code, level); roles by level (street: clerk, district: approver; admin both)."""
    level = office_repo.level(s)
    require(op, "exchange.district" if level == office_repo.DISTRICT else "exchange.street")
    code = office_repo.exchange_code(s)
    if code is None:
        raise ElderError("OFFICE_NO_CODE")
    return code, level


def _head(s: Session) -> dict[str, Any] | None:
    h = audit_repo.head(s)
    return {"record": h.record, "sha256": h.sha256} if h else None


def _stamp(s: Session, code: str, level: str) -> None:
    """Give every own record whose content changed since its last version the next version."""
    if level == office_repo.DISTRICT:
        owned = records.district_records(s, code, exchange_repo.partners(s))
    else:
        owned = records.street_records(s, code)
    known = exchange_repo.records_of(s, code)
    version = exchange_repo.current_version(s)
    fresh: dict[tuple[str, str], dict[str, Any]] = {}  # new records, inserted at once
    for kind, key, data in owned:
        dg = records.digest(data)
        row = known.get((kind, key)) or fresh.get((kind, key))
        if row is not None and (row["digest"] if isinstance(row, dict) else row.digest) == dg:
            continue
        version += 1
        body = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if row is None or isinstance(row, dict):
            fresh[(kind, key)] = {"kind": kind, "owner": code, "key": key, "local_id": key,
                                  "version": version, "digest": dg, "body": body}
        else:
            row.version, row.digest, row.body = version, dg, body
    exchange_repo.add_records(s, list(fresh.values()))
    exchange_repo.raise_version(s, version)
    if level == office_repo.DISTRICT:
        returns.stamped(s)  # the frozen rosters' return records are written


def _for(receiver: str, level: str, row: Any) -> bool:
    """Whether an own record goes to receiver (a district sends each street its part)."""
    if level != office_repo.DISTRICT:
        return True
    return row.key.startswith(f"{receiver}-") or row.key == f"payment-{receiver}"


class ExchangeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _role(self, op: Operator) -> None:
        """The role check before anything else (street: clerk; district: approver)."""
        with self.db.read() as s:
            level = office_repo.level(s)
        require(op, "exchange.district" if level == office_repo.DISTRICT else "exchange.street")

    # --- export --------------------------------------------------------------------------
    def export(self, op: Operator, out: Path, to: str | None = None,
               since_seq: int | None = None) -> Exported:
        self._role(op)
        if since_seq is not None and since_seq < 0:
            raise ElderError("USAGE", detail="--since-seq 不能为负数")
        out = Path(out)
        if out.exists():
            raise ElderError("FILE_EXISTS", path=str(out))
        made: list[Path] = []
        try:
            return self._export(op, out, to, since_seq, made)
        except BaseException:
            for p in made:  # written, but the transaction did not commit: no package
                p.unlink(missing_ok=True)
            raise

    def _export(self, op: Operator, out: Path, to: str | None, since_seq: int | None,
                made: list[Path]) -> Exported:
        with self.db.write() as s:
            code, level = _require(op, s)
            if to is None:
                if level == office_repo.DISTRICT:
                    raise ElderError("EXCHANGE_NEED_TO")
                to = district_code(s)
                if to is None:
                    raise ElderError("OFFICE_UNKNOWN", office=code[:6])
            partner = exchange_repo.partner(s, to)
            if partner is None:
                raise ElderError("OFFICE_UNKNOWN", office=str(to)[:20])
            _stamp(s, code, level)
            last = partner.sent_seq
            if since_seq is None:
                first_seq = seq = last + 1
                base = exchange_repo.version_before(s, to, last)
            else:
                first_seq, seq = since_seq + 1, max(last, since_seq) + 1
                base = exchange_repo.version_before(s, to, since_seq)
            rows = [r for r in exchange_repo.changed_since(s, code, base) if _for(to, level, r)]
            body = package.body_bytes([{"kind": r.kind, "owner": r.owner, "key": r.key,
                                        "version": r.version, "data": json.loads(r.body or "{}")}
                                       for r in rows])
            top = max([base, *(r.version for r in rows)])
            stamp = now()
            audit.record(s, op, "exchange.export", "exchange", to, None,
                         {"to": to, "first_seq": first_seq, "seq": seq, "records": len(rows),
                          "file": out.name})
            header = {
                "sender": code, "receiver": to, "first_seq": first_seq, "seq": seq,
                "received_seq": partner.received_seq,
                "received_head": (None if partner.their_head_record is None else
                                  {"record": partner.their_head_record,
                                   "sha256": partner.their_head_sha}),
                "received_version": partner.received_version,
                "created_at": stamp.isoformat(timespec="seconds"), "head": _head(s),
                "records": len(rows)}
            data = package.write(header, body, settings.get(s, "office.private_key") or "")
            partner.sent_seq, partner.sent_at = seq, stamp
            if level == office_repo.DISTRICT:  # the package carrying a payment setting
                payment.carried(partner, seq, [r.kind for r in rows])
            exchange_repo.add_package(s, to, "out", seq, hashlib.sha256(body).hexdigest(),
                                      top, stamp)
            _write_new(out, data)  # inside the transaction: no file, no commit
            made.append(out)
        return Exported(out, to, first_seq, seq, len(rows))

    # --- import --------------------------------------------------------------------------
    def import_file(self, op: Operator, path: Path) -> Imported:
        self._role(op)
        path = Path(path)
        try:
            if path.stat().st_size > MAX_PACKAGE:
                raise ElderError("EXCHANGE_BAD_PACKAGE", detail="文件过大")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ElderError("FILE_NOT_FOUND", path=str(path)) from None
        except OSError as exc:
            raise file_error(exc) from None
        pkg = package.read(data, str(path))
        with self.db.write() as s:
            code, level = _require(op, s)
            partner = exchange_repo.partner(s, pkg.sender)
            if partner is None:
                raise ElderError("EXCHANGE_UNKNOWN_SENDER", sender=str(pkg.sender)[:20])
            pkg.check_signature(partner.public_key)
            h = pkg.header
            if h["receiver"] != code:
                raise ElderError("EXCHANGE_OTHER_RECEIVER", receiver=str(h["receiver"])[:20],
                                 own=code)
            result = Imported(pkg.sender, code, h["first_seq"], h["seq"], False)
            last = partner.received_seq
            sha = h["body_sha256"]
            if h["seq"] <= last:
                kept = exchange_repo.package(s, pkg.sender, "in", h["seq"])
                if kept is not None and kept.body_sha256 == sha:
                    result.already_imported = True
                    return result
                raise ElderError("EXCHANGE_SEQ_REUSED", seq=h["seq"], last=last)
            if not h["first_seq"] <= last + 1 <= h["seq"]:
                raise ElderError("EXCHANGE_GAP", missing=last + 1, first=h["first_seq"],
                                 seq=h["seq"], last=last)
            recs = pkg.records()
            held = Held(s, pkg.sender, code, recs)  # the sender's records held: one read
            decided = self._check_owner(s, pkg.sender, code, level, recs)  # kept loaded
            counts = self._apply_all(s, code, recs, held)
            del decided
            result.counts.update(counts)
            result.findings.extend(duplicates.import_findings(s, pkg.sender, recs, held))
            pays_from = payment.take_effect(s, partner, h) if level == office_repo.DISTRICT \
                else None
            self._acknowledge(s, partner, h, sha)
            audit.record(s, op, "exchange.import", "exchange", pkg.sender, None,
                         {"from": pkg.sender, "first_seq": h["first_seq"], "seq": h["seq"],
                          "counts": dict(counts), "findings": len(result.findings),
                          **({"pays_from": pays_from} if pays_from is not None else {})})
        for f in result.findings:
            f.setdefault("message", "")
        return result

    @staticmethod
    def _check_owner(s: Session, sender: str, code: str, level: str,
                     recs: list[dict[str, Any]]) -> dict[int, Any]:
        """Refusals before anything is written; returns the applications decisions name."""
        allowed = records.STREET_KINDS if level == office_repo.DISTRICT else records.DISTRICT_KINDS
        apps: dict[str, str] = {}
        for rec in recs:
            what = f"{rec['kind']} {rec['key']}"[:60]
            if rec["owner"] != sender or rec["kind"] not in allowed:
                raise ElderError("EXCHANGE_NOT_OWNER", sender=sender, what=what,
                                 owner=str(rec["owner"])[:20])
            if level == office_repo.DISTRICT:
                continue
            d = rec["data"]
            if d.get("street") != code:
                raise ElderError("EXCHANGE_NOT_OWNER", sender=sender, what=what, owner=code)
            if rec["kind"] in ("decision", "stop"):
                apps.setdefault(str(d.get("application") or ""), what)
        if apps:  # every application a decision names is here (one read, kept in the session)
            found = exchange_repo.enrollments_by_ids(s, [int(a) for a in apps if a.isdigit()])
            for app in apps:
                if not app.isdigit() or int(app) not in found:
                    raise ElderError("EXCHANGE_BAD_PACKAGE",
                                     detail=f"决定所指的申请 {app[:20]} 不在本库")
            return found
        return {}

    @staticmethod
    def _apply_all(s: Session, code: str, recs: list[dict[str, Any]], held: Held
                   ) -> Counter[str]:
        """Write every record newer than the version held (older never overwrites newer): the
        people first, then the applications (each kind in bulk), then the others in the
        package's order; proofs of life, the street ledgers and exchange_records in bulk at
        the end. A well-signed record this program cannot read imports nothing."""
        def unreadable(n: int, rec: dict[str, Any]) -> ElderError:
            return ElderError("EXCHANGE_BAD_PACKAGE",
                              detail=f"第 {n} 条记录（{rec['kind']}）内容无法读取")

        fresh = [(n, rec) for n, rec in enumerate(recs, 1) if held.newer(rec)]
        counts: Counter[str] = Counter()
        for _n, rec in fresh:
            counts[payment.COUNTED_AS.get(rec["kind"], rec["kind"])] += 1
        records.apply_people(s, [(n, rec) for n, rec in fresh if rec["kind"] == "person"],
                             held, unreadable)
        records.apply_applications(s, [(n, rec) for n, rec in fresh
                                       if rec["kind"] == "application"], held, unreadable)
        lifecerts: list[Any] = []
        ledgers: dict[int, dict[int, int]] = {}
        for n, rec in fresh:
            if rec["kind"] in ("person", "application"):
                continue
            try:
                local = ExchangeService._apply(s, code, rec, held, lifecerts, ledgers)
            except (ValueError, TypeError, KeyError, AttributeError):
                raise unreadable(n, rec) from None
            held.put(rec, local, records.digest(rec["data"]))
        returns.write_ledgers(s)  # a district's ledger records, in bulk
        exchange_repo.add_lifecerts(s, lifecerts, now())
        district_repo.replace_ledgers(s, ledgers)
        held.write()
        return counts

    @staticmethod
    def _apply(s: Session, code: str, rec: dict[str, Any], held: Held, lifecerts: list[Any],
               ledgers: dict[int, dict[int, int]]) -> str:
        """One record other than a person or an application; the local id it maps to."""
        kind, key = rec["kind"], rec["key"]
        if kind == "lifecert":
            return records.apply_lifecert(s, rec, held, lifecerts)
        if kind == "card":
            return records.apply_card(s, rec)
        if kind == "decision":
            return records.apply_decision(s, rec)
        if kind == "stop":
            return records.apply_stop(s, rec)
        if kind in payment.PAID_KINDS:  # what a street's own frozen rosters paid
            return payment.apply_paid(s, rec, held, ledgers)
        if kind in returns.KINDS:  # a district's roster, ledger, recovery, settlement
            return returns.apply(s, code, rec, held)
        # setting: who pays this street
        settings_repo.store(s, "office.payment", str(rec["data"].get("payment") or "street"))
        return key

    @staticmethod
    def _acknowledge(s: Session, partner: Any, h: dict[str, Any], sha: str) -> None:
        stamp = now()
        exchange_repo.add_package(s, partner.code, "in", h["seq"], sha, 0, stamp)
        partner.received_seq, partner.received_at = h["seq"], stamp
        head = h.get("head")
        if isinstance(head, dict):
            partner.their_head_record = int(head.get("record") or 0) or None
            partner.their_head_sha = str(head.get("sha256") or "")[:64] or None
        back = h.get("received_head")
        if isinstance(back, dict) and back.get("record"):
            partner.returned_head_record = int(back["record"])
            partner.returned_head_sha = str(back.get("sha256") or "")[:64].lower()
            partner.returned_at = stamp
        partner.acked_seq = max(partner.acked_seq, h["received_seq"])
        partner.acked_version = max(partner.acked_version, h["received_version"])
        partner.sent_seq = max(partner.sent_seq, partner.acked_seq)  # after a restore here
        partner.received_version = max(partner.received_version,
                                       exchange_repo.max_version(s, partner.code))
        exchange_repo.raise_version(s, partner.acked_version)

    # --- status --------------------------------------------------------------------------
    def status(self, op: Operator) -> list[dict[str, Any]]:
        """Per partner: last sequence sent and received, when, and how many changes wait."""
        with self.db.read() as s:
            code, level = _require(op, s)
            if level == office_repo.DISTRICT:
                owned = records.district_records(s, code, exchange_repo.partners(s))
            else:
                owned = records.street_records(s, code)
            known = exchange_repo.records_of(s, code)
            out = []
            for p in exchange_repo.partners(s):
                base = exchange_repo.version_before(s, p.code, p.sent_seq)
                pending = 0
                for kind, key, data in owned:
                    row = known.get((kind, key))
                    if level == office_repo.DISTRICT and not (
                            key.startswith(f"{p.code}-") or key == f"payment-{p.code}"):
                        continue
                    if row is None or row.digest != records.digest(data) or row.version > base:
                        pending += 1
                out.append({"code": p.code, "name": p.name, "sent_seq": p.sent_seq,
                            "sent_at": _iso(p.sent_at), "received_seq": p.received_seq,
                            "received_at": _iso(p.received_at), "pending": pending})
            return out

    def offices_of(self, op: Operator, id_numbers: list[str]) -> dict[str, str]:
        """At a district: ID number -> the street code(s) that registered the person ("A、B"
        for one held by two streets); at a street: {} (every entry is its own)."""
        require(op, "people.read")
        with self.db.read() as s:
            if office_repo.level(s) != office_repo.DISTRICT:
                return {}
            return {k: "、".join(v)
                    for k, v in exchange_repo.person_offices(s, id_numbers).items()}


def _iso(v: Any) -> str | None:
    return v.isoformat(timespec="seconds") if v is not None else None


def _write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet (never replacing one)."""
    try:
        with open(path, "xb") as f:
            f.write(data)
            f.flush()
    except OSError as exc:
        raise output_error(exc, path) from None


def package_anchors(db: Database) -> list[anchors.Anchor]:
    """The heads partners returned in their packages (audit verify's `package` source)."""
    with db.read() as s:
        return [anchors.Anchor("package", r.code, anchors.Head(r.returned_head_record,
                                                               r.returned_head_sha), None)
                for r in exchange_repo.partners(s)
                if r.returned_head_record and r.returned_head_sha]


def install() -> None:
    if package_anchors not in anchors.PACKAGE_SOURCES:
        anchors.PACKAGE_SOURCES.append(package_anchors)
