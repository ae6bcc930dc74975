"""Who owns what (multi-office.md §3), enforced where every change passes: the audit record
it writes (services/audit GUARDS). At a district the street's records (people and everything
recorded on them at the counter) are read-only; at a street that has joined its district the
decisions (approve, reject, stop) are the district's. Refusals are OWNED_BY_OTHER (exit 4)
naming the owner; the whole change rolls back."""

from __future__ import annotations

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit
from elderdesk.services.audit.labels import ACTIONS
from elderdesk.services.auth import Operator
from elderdesk.store import exchange_repo, office_repo, people_repo
from elderdesk.store.db import Session

STREET_ACTIONS = ("people.", "allowance.apply", "allowance.review", "allowance.end",
                  "lifecert.add", "card.issue", "card.reissue", "card.revoke", "card.pickup",
                  "card.photo", "import.people", "import.deaths", "import.applications")
DISTRICT_ACTIONS = ("allowance.approve", "allowance.reject", "allowance.stop")
_ALL = STREET_ACTIONS + DISTRICT_ACTIONS


def _state(session: Session) -> tuple[str, str | None]:
    """(level, the district's code at a joined street), cached for the transaction."""
    cached = session.info.get("office.ownership")
    if cached is None:
        level = office_repo.level(session)
        district = None
        # Only a street with its code can exchange, hence have joined (an office without one
        # never reads the exchange tables here).
        if level == office_repo.STREET and office_repo.exchange_code(session) is not None:
            district = next((p.code for p in exchange_repo.partners(session)
                             if len(p.code) == 6), None)
        cached = session.info["office.ownership"] = (level, district)
    return cached


def owner_of_person(session: Session, id_number: str | None) -> str | None:
    """The office that registered a person held here (None: this office, or nobody)."""
    if not id_number:
        return None
    # people.office (migration 0011); an ID two streets registered names both
    return "、".join(r.office for r in people_repo.holders(session, id_number) if r.office) \
        or None


def guard(session: Session, op: Operator, action: str, entity_key: str | None) -> None:
    if not action.startswith(_ALL):
        return
    level, district = _state(session)
    what = ACTIONS.get(action, action)
    if level == office_repo.DISTRICT and action.startswith(STREET_ACTIONS):
        owner = owner_of_person(session, entity_key)
        raise ElderError("OWNED_BY_OTHER", owner=f"街道 {owner}" if owner else "街道",
                         what=what)
    if district is not None and action.startswith(DISTRICT_ACTIONS):
        raise ElderError("OWNED_BY_OTHER", owner=f"区级机构 {district}", what=what)


def install() -> None:
    if guard not in audit.GUARDS:
        audit.GUARDS.append(guard)
