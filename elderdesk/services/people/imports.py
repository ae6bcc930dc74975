"""Importing register workbooks and death lists: check, then commit the good rows in one transaction."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.domain.policy import parse_policy_toml
from elderdesk.domain.progress import Cancel, Cancelled, Progress
from elderdesk.domain.states import PersonStatus
from elderdesk.importing.applications import OnRecord, check_state, read_applications
from elderdesk.importing.deaths import read_deaths
from elderdesk.importing.findings import Finding
from elderdesk.importing.register import RegisterState, read_register
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now, today
from elderdesk.services.people.service import PeopleService
from elderdesk.store import allowance_repo, lookup_repo, people_repo
from elderdesk.store.bulk import bulk_insert_people, gc_paused
from elderdesk.store.db import Database
from elderdesk.store.lookup_repo import StatusLookup
from elderdesk.store.orm_allowance import EnrollmentRow


@dataclass(frozen=True)
class ImportOutcome:
    kind: str  # "people" | "deaths" | "applications"
    rows_read: int
    imported: int
    skipped: int
    findings: tuple
    report_path: Path | None
    dry_run: bool
    strict: bool

    @property
    def has_errors(self) -> bool:
        return any(f.level == "error" for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {"rows_read": self.rows_read, "imported": self.imported, "skipped": self.skipped,
                "findings": [f.as_dict() for f in self.findings]}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _check_files(path: Path, report: Path | None) -> None:
    if not path.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(path))
    if report is not None and report.exists():
        raise ElderError("FILE_EXISTS", path=str(report))


def _write_report(report: Path | None, findings: list[Finding]) -> None:
    """Write the findings report (if asked); any failure is FILE_UNWRITABLE naming the report."""
    if report is None:
        return
    from elderdesk.reports.import_report import write_import_report

    try:
        write_import_report(report, findings)
    except ElderError:
        raise
    except Exception as exc:  # OSError, xlsxwriter's FileCreateError around one
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else exc
        detail = getattr(cause, "strerror", None) or type(cause).__name__
        raise ElderError("FILE_UNWRITABLE", path=str(report), detail=detail) from exc


@contextlib.contextmanager
def _report_before_commit(report: Path | None) -> Iterator[Callable[[list[Finding]], None]]:
    """Enter before the write transaction: the block writes the report just before its commit;
    if the commit then fails, the report is removed (no report of an import that did not
    happen). A report that cannot be written raises inside the transaction: rolled back."""
    written: list[bool] = []

    def write(findings: list[Finding]) -> None:
        _write_report(report, findings)
        written.append(True)

    try:
        yield write
    except BaseException:
        if written and report is not None:
            with contextlib.suppress(OSError):
                report.unlink()
        raise


def _step(progress: Progress | None, cancel: Cancel | None, done: int, total: int) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


class ImportService:
    def __init__(self, db: Database, people: PeopleService) -> None:
        self.db = db
        self.people = people

    def _status_lookup(self) -> StatusLookup:
        return lookup_repo.status_lookup(self.db)

    def import_people(self, op: Operator, path: Path | str, *, sheet: str | None = None,
                      dry_run: bool = False, strict: bool = False, report: Path | None = None,
                      progress: Progress | None = None, cancel: Cancel | None = None,
                      ) -> ImportOutcome:
        require(op, "import.people")
        path = Path(path)
        report = Path(report) if report else None
        _check_files(path, report)
        _step(progress, cancel, 0, 4)
        raw = self._status_lookup()

        def lookup(id18: str) -> RegisterState | None:
            r = raw(id18)
            if r is None:
                return None
            if r.status == PersonStatus.DECEASED:
                return RegisterState("deceased", r.death_date)
            return RegisterState("registered")

        with gc_paused():  # 100,000 rows of objects: no GIL-holding collections meanwhile
            try:
                result = read_register(path, sheet=sheet, today=today(), lookup=lookup,
                                       prefetch=raw.prefetch)
            finally:
                raw.close()
            _step(progress, cancel, 1, 4)
            rows = [] if strict and result.has_errors else list(result.rows)
            findings = list(result.findings)
            if rows and not dry_run:
                self._write_people(op, path, rows, findings, progress, cancel, report)
            else:
                _write_report(report, findings)
        imported = len(rows)
        outcome = ImportOutcome("people", result.rows_read, imported,
                                result.rows_read - imported, tuple(findings), report,
                                dry_run, strict)
        if progress is not None:  # committed: too late to cancel
            progress(4, 4)
        return outcome

    def _write_people(self, op: Operator, path: Path, rows: list, findings: list,
                      progress: Progress | None, cancel: Cancel | None,
                      report: Path | None) -> None:
        stamp = now()
        with _report_before_commit(report) as write_report, self.db.write() as s:
            # Someone may have registered a person since the check: skip them, as a re-import would.
            taken = lookup_repo.registered_numbers(s, [r.id_number for r in rows])
            if taken:
                for r in rows:
                    if r.id_number in taken:
                        findings.append(Finding.make(r.row, "warning", "ALREADY_REGISTERED",
                                                     r.id_number, r.name))
                rows[:] = [r for r in rows if r.id_number not in taken]
                findings.sort(key=lambda f: f.row)
            records = [{
                "id_number": r.id_number, "name": r.name, "sex": r.sex, "ethnicity": r.ethnicity,
                "birth_date": r.birth_date, "household_address": r.household_address,
                "current_address": r.current_address, "street": r.street,
                "community": r.community, "phone": r.phone, "bank": r.bank,
                "account": r.account, "household_type": r.household_type,
                "residence_permit_expiry": r.residence_permit_expiry, "notes": r.notes,
                "status": "active", "created_at": stamp, "updated_at": stamp,
            } for r in rows]
            total = len(records)
            bulk_insert_people(s, records, progress=lambda done, of: _step(progress, cancel,
                                                                           done, of))
            audit.record(s, op, "import.people", "import", path.name, None, {
                "file": path.name, "sha256": file_sha256(path), "imported": total,
                "id_numbers": [r.id_number for r in rows],
            })
            write_report(findings)  # before the commit: a report that fails undoes the import

    def import_deaths(self, op: Operator, path: Path | str, *, sheet: str | None = None,
                      dry_run: bool = False, report: Path | None = None,
                      progress: Progress | None = None, cancel: Cancel | None = None,
                      ) -> ImportOutcome:
        require(op, "import.deaths")
        path = Path(path)
        report = Path(report) if report else None
        _check_files(path, report)
        _step(progress, cancel, 0, 3)
        lookup = self._status_lookup()
        try:
            result = read_deaths(path, sheet=sheet, today=today(), lookup=lookup,
                                 prefetch=lookup.prefetch)
        finally:
            lookup.close()
        _step(progress, cancel, 1, 3)
        rows = list(result.rows)
        if not rows or dry_run:
            _write_report(report, result.findings)
        else:
            with _report_before_commit(report) as write_report, self.db.write() as s:
                applied = []
                for i, r in enumerate(rows):
                    if i % 500 == 0:
                        _step(progress, cancel, 2, 3)
                    row = people_repo.by_id_number(s, r.id_number)
                    if row is None or row.status == "deceased":
                        raise ElderError("DB_BUSY")
                    self.people.apply_end(s, op, row, r.death_date, "deceased")
                    applied.append({"id_number": r.id_number, "death_date": r.death_date})
                audit.record(s, op, "import.deaths", "import", path.name, None, {
                    "file": path.name, "sha256": file_sha256(path), "imported": len(applied),
                    "deaths": applied,
                })
                write_report(result.findings)
        outcome = ImportOutcome("deaths", result.rows_read, len(rows),
                                result.rows_read - len(rows), tuple(result.findings), report,
                                dry_run, False)
        if progress is not None:  # committed: too late to cancel
            progress(3, 3)
        return outcome

    def import_applications(self, op: Operator, path: Path | str, *, sheet: str | None = None,
                            dry_run: bool = False, report: Path | None = None,
                            progress: Progress | None = None, cancel: Cancel | None = None,
                            ) -> ImportOutcome:
        """Online applications from the city platform's export (cli.md `import applications`):
        each row without errors becomes an application in state applied with source online,
        dated by its 申请日期, after the checks of a counter application; an empty bank account
        is filled from the file. One transaction; the report is written before the commit."""
        require(op, "import.applications")
        path = Path(path)
        report = Path(report) if report else None
        _check_files(path, report)
        _step(progress, cancel, 0, 3)
        result = read_applications(path, sheet=sheet, today=today())
        _step(progress, cancel, 1, 3)
        findings = list(result.findings)
        if dry_run or not result.rows:
            with self.db.read() as s:
                accepted = self._judge_applications(s, result.rows, findings)
            _write_report(report, findings)
        else:
            with _report_before_commit(report) as write_report, self.db.write() as s:
                accepted = self._judge_applications(s, result.rows, findings)
                _step(progress, cancel, 2, 3)
                self._write_applications(s, op, path, accepted)
                write_report(findings)  # before the commit: a report that fails undoes it
        outcome = ImportOutcome("applications", result.rows_read, len(accepted),
                                result.rows_read - len(accepted), tuple(findings), report,
                                dry_run, False)
        if progress is not None:  # committed: too late to cancel
            progress(3, 3)
        return outcome

    @staticmethod
    def _judge_applications(s: Any, rows: list, findings: list[Finding]) -> list[tuple]:
        """(row, person, fill account) of each row the register accepts; the others' findings
        join `findings` (sorted by row)."""
        source = allowance_repo.current_policy_source(s)
        if source is None:
            raise ElderError("NO_POLICY")
        policy = parse_policy_toml(source)
        accepted = []
        for r in rows:
            person = people_repo.by_id_number(s, r.id_number)
            record = None
            if person is not None:
                latest = allowance_repo.latest_enrollment(s, person.id)
                record = OnRecord(person.name, person.birth_date, person.death_date,
                                  person.moved_out_on,
                                  latest is not None and latest.status in allowance_repo.ACTIVE,
                                  person.bank, person.account)
            found, fill = check_state(r, record, policy)
            findings.extend(found)
            if not any(f.level == "error" for f in found):
                accepted.append((r, person, fill))
        findings.sort(key=Finding.sort_key)
        return accepted

    @staticmethod
    def _write_applications(s: Any, op: Operator, path: Path, accepted: list[tuple]) -> None:
        stamp = now()
        for r, person, fill in accepted:
            row = EnrollmentRow(person_id=person.id, status="applied", applied_on=r.applied_on,
                                applied_by=op.name, created_at=stamp, source="online",
                                agent_name=r.agent_name, agent_phone=r.agent_phone)
            s.add(row)
            s.flush()
            audit.record(s, op, "allowance.apply", "enrollment", person.id_number, None, {
                "status": "applied", "applied_on": r.applied_on, "applied_by": op.name,
                "applied_via": "online", "agent": r.agent_name, "agent_phone": r.agent_phone,
                "file": path.name, "row": r.row})
            changes: dict[str, Any] = {}
            if fill:
                changes.update(bank=r.bank, account=r.account)
            if r.phone and not person.phone:
                changes["phone"] = r.phone
            if changes:
                before = {k: getattr(person, k) for k in changes}
                for k, v in changes.items():
                    setattr(person, k, v)
                person.updated_at = stamp
                action = "people.account" if fill else "people.edit"
                audit.record(s, op, action, "person", person.id_number, before, changes)
        audit.record(s, op, "import.applications", "import", path.name, None, {
            "file": path.name, "sha256": file_sha256(path), "imported": len(accepted),
            "id_numbers": [r.id_number for r, _p, _f in accepted],
        })
