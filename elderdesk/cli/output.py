"""Printing results: one JSON document with --json, readable Chinese lines otherwise."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from elderdesk.domain.person import SEX_NAMES, STATUS_NAMES, Person


def emit(data: Any, as_json: bool, text: str | None = None) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")
    elif text is not None:
        sys.stdout.write(text.rstrip("\n") + "\n")


def warn(code: str, **params: Any) -> None:
    """One warning line on stderr (`CODE: 中文说明`), for a command that still succeeds."""
    from elderdesk.domain.errors import message_for

    sys.stderr.write(f"{code}: {message_for(code, **params)}\n")


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def person_json(p: Person) -> dict[str, Any]:
    """The `people show` document (cli.md), with the extra register fields after it."""
    return {
        "id_number": p.id_number,
        "name": p.name,
        "sex": p.sex,
        "birth_date": iso(p.birth_date),
        "status": p.status,
        "death_date": iso(p.death_date),
        "moved_out_on": iso(p.moved_out_on),
        "street": p.street,
        "community": p.community,
        "enrollment": p.extra.get("enrollment"),
        "card": p.extra.get("card"),
        "ethnicity": p.ethnicity,
        "household_address": p.household_address,
        "current_address": p.current_address,
        "phone": p.phone,
        "bank": p.bank,
        "account": p.account,
        "household_type": p.household_type,
        "residence_permit_expiry": iso(p.residence_permit_expiry),
        "notes": p.notes,
        **({"office": p.extra["office"]} if p.extra.get("office") else {}),  # at a district
    }


def person_text(p: Person) -> str:
    lines = [
        f"{p.name}  {SEX_NAMES.get(p.sex, p.sex)}  身份证号 {p.id_number}",
        f"出生日期 {p.birth_date.isoformat()}  状态 {STATUS_NAMES.get(p.status, p.status)}",
    ]
    if p.death_date:
        lines.append(f"死亡日期 {p.death_date.isoformat()}")
    if p.moved_out_on:
        lines.append(f"迁出日期 {p.moved_out_on.isoformat()}")
    where = " ".join(x for x in (p.street, p.community) if x)
    if where:
        lines.append(f"所属 {where}")
    enrollment = p.extra.get("enrollment")
    if enrollment:
        from elderdesk.services.allowance.service import STATE_NAMES

        state = STATE_NAMES.get(enrollment.get("status"), enrollment.get("status"))
        lines.append(f"高龄津贴 {state}（申请日期 {enrollment.get('applied_on')}）")
    card = p.extra.get("card")
    if card:
        status = {"valid": "有效", "replaced": "已换发", "revoked": "已注销"}.get(
            card.get("status"), card.get("status"))
        lines.append(f"老年证 {card.get('card_no')} {status}")
    return "\n".join(lines)
