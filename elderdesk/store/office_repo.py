"""The office's identity, in one place (multi-office.md §2): the code every identifier that
leaves the office carries (card and receipt numbers, QR payloads, backup head files, packages)
is `office.code` (the 9-digit street code) once set, else the 6-digit region code. A district's
code is its region code (`office.level` = district)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.orm import SettingRow

CODE = "office.code"
REGION = "office.region"
LEVEL = "office.level"  # street (the default) | district
FORMER = "office.former_code"  # the region code used before `office code`
STREET, DISTRICT = "street", "district"


def _values(session: Session) -> dict[str, str]:
    rows = session.execute(select(SettingRow).where(
        SettingRow.key.in_((CODE, REGION, LEVEL, FORMER)))).scalars()
    return {r.key: r.value for r in rows}


def office_code(session: Session) -> str:
    """The code numbers and packages carry: the street code once set, else the region code."""
    v = _values(session)
    return v.get(CODE) or v.get(REGION) or ""


def level(session: Session) -> str:
    return _values(session).get(LEVEL) or STREET


def exchange_code(session: Session) -> str | None:
    """The code an office exchanges under: a district's region code, a street's 9-digit code;
    None for a street without its code (exchange refuses it)."""
    v = _values(session)
    if (v.get(LEVEL) or STREET) == DISTRICT:
        return v.get(REGION) or None
    return v.get(CODE) or None


def own_codes(session: Session) -> set[str]:
    """The current code and the former one (card verify and backup restore accept both)."""
    v = _values(session)
    return {c for c in (v.get(CODE), v.get(REGION), v.get(FORMER)) if c}
