"""Which registration an ID names (multi-office.md §5): a street holds an ID once; a district
holds it once per street that registered it (people.office, migration 0011).

A command names a person by ID, and at a district optionally by office: the reference
`ID@OFFICE` (the CLI's `--office CODE`, the GUI's 疑似重复 list), like the `name@CODE` of a
user from another office. The office is required only where the ID is active at two streets;
an office that does not hold the ID is refused; at a street an office is a usage error."""

from __future__ import annotations

from elderdesk.domain.errors import ElderError
from elderdesk.domain.states import PersonStatus
from elderdesk.store import office_repo, people_repo
from elderdesk.store.db import Session
from elderdesk.store.orm import PersonRow

SEP = "@"


def person_ref(id_number: str, office: str | None) -> str:
    """The reference of one registration: the ID, with `@OFFICE` when an office is named."""
    return f"{id_number}{SEP}{office}" if office else id_number


def split_ref(value: str) -> tuple[str, str | None]:
    """(ID text, office code or None) of a reference."""
    number, sep, office = str(value).partition(SEP)
    return number, (office.strip() if sep else None)


def office_of(row: PersonRow) -> str | None:
    """The registering office's code of a row held at a district (None: the office's own)."""
    return row.office or None


def _names(rows: list[PersonRow]) -> str:
    return "、".join(f"街道 {r.office}" for r in rows)


def find(s: Session, number: str, office: str | None) -> PersonRow | None:
    """The registration an ID (and office) names; None when nobody holds the ID."""
    if office is not None and office_repo.level(s) != office_repo.DISTRICT:
        raise ElderError("USAGE", detail="--office 只能在区级机构使用（街道只有本街道的登记）")
    rows = people_repo.holders(s, number)
    if office is not None:
        if not office:
            raise ElderError("USAGE", detail="--office 需要街道代码")
        held = [r for r in rows if r.office == office]
        if not held:
            if not rows:
                return None
            raise ElderError("OFFICE_NOT_HOLDER", office=office[:20], id=number,
                             offices=_names(rows))
        return held[0]
    if len(rows) <= 1:
        return rows[0] if rows else None
    active = [r for r in rows if r.status == PersonStatus.ACTIVE]
    if len(active) >= 2:
        raise ElderError("OFFICE_REQUIRED", id=number, offices=_names(active))
    return active[0] if active else max(rows, key=lambda r: r.id)
