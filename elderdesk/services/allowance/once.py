"""Paid once (multi-office.md §5): a district that holds an ID from two streets approves it
once. Approving one street's application while another street's registration of the same ID
has an approved application is refused (DUP_APPROVED, exit 4, naming the other street)."""

from __future__ import annotations

from elderdesk.domain.errors import ElderError
from elderdesk.domain.states import EnrollmentStatus as St
from elderdesk.store import allowance_repo, people_repo
from elderdesk.store.db import Session
from elderdesk.store.orm import PersonRow


def refuse_second_approval(s: Session, person: PersonRow) -> None:
    for other in people_repo.holders(s, person.id_number):
        if other.id == person.id:
            continue
        latest = allowance_repo.latest_enrollment(s, other.id)
        if latest is not None and latest.status == St.APPROVED:
            raise ElderError("DUP_APPROVED", id=person.id_number, other=other.office or "本机构",
                             office=person.office or "本机构")
