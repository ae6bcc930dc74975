"""Duplicates across streets (multi-office.md §5, 应退尽退).

A district keeps each street's registration of an ID as its own row (people.office; migration
0011): two streets' registrations of one person are both visible, neither merged nor dropped.
A registration is *live* when the person is active there, or its latest application is open
(applied, reviewed) or approved. An ID live at two streets is

- the `exchange import` finding DUP_OFFICE (naming both offices) whenever a package touches it;
- listed in the 疑似重复 list (`exchange duplicates`, the district's 疑似重复 page);
- paid once: a second approval of the ID is refused (services/allowance/once.py), and a
  command naming the ID needs `--office` (services/people/refs.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import STATUS_NAMES
from elderdesk.domain.states import PersonStatus
from elderdesk.services.auth import Operator, require
from elderdesk.store import duplicates_repo, exchange_repo, office_repo
from elderdesk.store.db import Database, Session
from elderdesk.store.duplicates_repo import Registration

LIVE_APPLICATIONS = ("applied", "reviewed", "approved")
APPLICATION_NAMES = {"applied": "已受理待审核", "returned": "审核退回", "reviewed": "已审核待审批",
                     "approved": "已批准", "rejected": "审批不予批准", "cancelled": "已撤销",
                     "stopped": "已停发"}


def live(reg: Registration) -> bool:
    return reg.status == PersonStatus.ACTIVE or reg.application in LIVE_APPLICATIONS


def _iso(v: Any) -> str | None:
    if isinstance(v, date):
        return v.isoformat()
    return str(v)[:10] if v else None


@dataclass(frozen=True)
class DuplicateRegistration:
    office: str
    office_name: str
    name: str
    status: str
    community: str | None
    application: str | None
    applied_on: str | None
    approved_on: str | None
    live: bool

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, "office_name": self.office_name, "name": self.name,
                "status": self.status, "status_label": STATUS_NAMES.get(self.status, self.status),
                "community": self.community, "application": self.application,
                "application_label": APPLICATION_NAMES.get(self.application or "", "无申请"),
                "applied_on": self.applied_on, "approved_on": self.approved_on,
                "live": self.live}


@dataclass(frozen=True)
class Duplicate:
    """One ID registered at two (or more) streets, live at least at two of them."""

    id_number: str
    registrations: tuple[DuplicateRegistration, ...]

    @property
    def offices(self) -> list[str]:
        return [r.office for r in self.registrations]

    def to_json(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "offices": self.offices,
                "registrations": [r.to_json() for r in self.registrations]}


def _group(regs: list[Registration]) -> dict[str, list[Registration]]:
    by_id: dict[str, list[Registration]] = defaultdict(list)
    for r in regs:
        by_id[r.id_number].append(r)
    return by_id


def _live_offices(regs: list[Registration]) -> list[str]:
    return sorted({r.office for r in regs if r.office and live(r)})


def suspected(s: Session) -> list[Duplicate]:
    """Every ID live at two streets held here, with each street's registration."""
    names = {p.code: p.name for p in exchange_repo.partners(s)}
    out = []
    for number, regs in _group(duplicates_repo.registrations_of(
            s, duplicates_repo.shared_numbers(s))).items():
        if len(_live_offices(regs)) < 2:
            continue
        out.append(Duplicate(number, tuple(DuplicateRegistration(
            r.office, names.get(r.office, ""), r.name, r.status, r.community, r.application,
            _iso(r.applied_on), _iso(r.approved_on), live(r)) for r in regs)))
    return out


def import_findings(s: Session, sender: str, recs: list[dict[str, Any]], held: Any
                    ) -> list[dict[str, Any]]:
    """DUP_OFFICE for each ID a package's person or application records touched that is live
    at the sender and at another street (called after the records are written)."""
    people, apps = [], []
    for rec in recs:
        if rec.get("kind") not in ("person", "application"):
            continue
        local = held.local_int(rec["kind"], str(rec["key"]))  # as written (services/exchange/held.py)
        if local is None:
            continue
        (people if rec["kind"] == "person" else apps).append(local)
    numbers = set(duplicates_repo.numbers_of_people(s, people))
    numbers |= set(duplicates_repo.numbers_of_applications(s, apps))
    if not numbers:
        return []
    findings = []
    for number, regs in _group(duplicates_repo.registrations_of(s, sorted(numbers))).items():
        offices = _live_offices(regs)
        if sender not in offices or len(offices) < 2:
            continue
        others = [o for o in offices if o != sender]
        findings.append({"code": "DUP_OFFICE", "id_number": number, "offices": offices,
                         "message": ElderError("DUP_OFFICE", id=number,
                                               other="、".join(f"街道 {o}" for o in others),
                                               office=f"街道 {sender}").message})
    return findings


class DuplicatesService:
    """The district's 疑似重复 list (a street holds an ID once: its list is empty)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, op: Operator) -> list[Duplicate]:
        require(op, "people.read")
        with self.db.read() as s:
            if office_repo.level(s) != office_repo.DISTRICT:
                return []
            return suspected(s)

    def write_xlsx(self, op: Operator, path: Path) -> list[Duplicate]:
        """The list as a workbook (reports/duplicates_xlsx.py, atomic); returns the list."""
        from elderdesk.reports.duplicates_xlsx import write_duplicates_xlsx

        found = self.list(op)
        with self.db.read() as s:
            title = f"疑似重复享受名单（{office_repo.office_code(s)}）"
        write_duplicates_xlsx(path, title, [d.to_json() for d in found])
        return found
