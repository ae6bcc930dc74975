"""A person in the register: input fields, their checks, and the read-only view services return."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from elderdesk.domain.errors import ElderError

STATUS_NAMES = {"active": "在册", "deceased": "已故", "moved_out": "迁出"}
SEX_NAMES = {"M": "男", "F": "女"}
HOUSEHOLD_NAMES = {"local": "本地户籍", "nonlocal": "非本地户籍"}

# field -> (Chinese label, max length)
TEXT_FIELDS: dict[str, tuple[str, int]] = {
    "name": ("姓名", 30),
    "ethnicity": ("民族", 20),
    "household_address": ("户籍地址", 120),
    "current_address": ("现住址", 120),
    "street": ("街道", 40),
    "community": ("社区", 40),
    "phone": ("联系电话", 30),
    "bank": ("开户银行", 40),
    "account": ("银行账号", 32),
    "notes": ("备注", 500),
}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and broken Unicode
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what is
# shown, so a name holding one reads differently on screen, in the roster and at the bank.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
REFUSED_CHARS = re.compile(f"{_CONTROL.pattern[:-1]}{_BIDI.pattern[1:]}")  # one search for both
# Characters that show nothing alone: the format (Cf), control and separator categories, lone
# combining marks, and the Hangul and braille fillers.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_INVISIBLE_CATEGORIES = frozenset(("Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"))
_PHONE = re.compile(r"^[0-9+\-() ]{3,30}$")
_ACCOUNT = re.compile(r"^[0-9]{12,30}$")  # allowance-rules.md section 4 (spaces removed)
ACCOUNT_DETAIL = "应为 12 到 30 位数字（空格不计）"


def has_account(bank: str | None, account: str | None) -> bool:
    """A valid bank account for the roster: a 开户银行 and a 银行账号 of 12-30 digits once
    spaces are removed (allowance-rules.md section 4); without one nothing is paid."""
    return bool(bank and bank.strip() and account
                and _ACCOUNT.fullmatch(account.replace(" ", "")))


@dataclass(frozen=True)
class PersonInput:
    """What a clerk types (or an import row supplies) for one person."""

    id_number: str
    name: str
    sex: str | None = None  # "M" | "F" | None (taken from the ID)
    ethnicity: str | None = None
    household_address: str | None = None
    current_address: str | None = None
    street: str | None = None
    community: str | None = None
    phone: str | None = None
    bank: str | None = None
    account: str | None = None
    household_type: str | None = None  # local | nonlocal
    residence_permit_expiry: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Person:
    """A registered person as services return it (never a live ORM row)."""

    id_number: str
    name: str
    sex: str
    birth_date: date
    status: str = "active"
    ethnicity: str | None = None
    household_address: str | None = None
    current_address: str | None = None
    street: str | None = None
    community: str | None = None
    phone: str | None = None
    bank: str | None = None
    account: str | None = None
    household_type: str | None = None
    residence_permit_expiry: date | None = None
    death_date: date | None = None
    moved_out_on: date | None = None
    notes: str | None = None
    checksum_override: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)


PERSON_FIELDS = tuple(f.name for f in fields(Person) if f.name != "extra")


def clean_field(name: str, value: str | None) -> str | None:
    """Trim, normalise full-width forms, refuse control characters and over-long values."""
    if value is None:
        return None
    label, max_len = TEXT_FIELDS[name]
    text = unicodedata.normalize("NFKC", str(value)) if name in ("phone", "account") else str(value)
    text = text.strip(" \t\r\n\u3000")
    if name == "account":  # spaces group the digits: they count neither in length nor value
        text = text.replace(" ", "")
    problem = field_problem(name, text)
    if problem is not None:
        raise ElderError(problem, field=label, max=max_len)
    return text or None


def field_problem(name: str, text: str) -> str | None:
    """Why a trimmed value of a TEXT_FIELDS field is refused (FIELD_BAD_CHARS, FIELD_TOO_LONG,
    FIELD_INVISIBLE), or None; people add and the register import share it."""
    if REFUSED_CHARS.search(text) is not None or "\n" in text and name != "notes":
        return "FIELD_BAD_CHARS"
    if len(text) > TEXT_FIELDS[name][1]:
        return "FIELD_TOO_LONG"
    if text and (not text[0].isalnum() or text[0] in _BLANK_LOOKING) and is_invisible(text):
        # isalnum: quick, and visible (but the Hangul fillers are letters that show nothing)
        return "FIELD_INVISIBLE"
    return None


def is_invisible(text: str) -> bool:
    """True if no character of `text` shows anything (zero-width spaces, BOMs, fillers...)."""
    return all(c in _BLANK_LOOKING or unicodedata.category(c) in _INVISIBLE_CATEGORIES
               for c in text)


def clean_account(bank: str | None, account: str | None) -> tuple[str, str]:
    """Both parts of a bank account, checked as `people account` needs them (both required)."""
    bank_text, account_text = clean_field("bank", bank), clean_field("account", account)
    if not bank_text:
        raise ElderError("FIELD_REQUIRED", field="开户银行")
    if not account_text:
        raise ElderError("FIELD_REQUIRED", field="银行账号")
    if not _ACCOUNT.fullmatch(account_text):
        raise ElderError("INVALID_VALUE", field="银行账号", value=account_text,
                         detail=ACCOUNT_DETAIL)
    return bank_text, account_text


def clean_input(data: PersonInput) -> PersonInput:
    """Checked and cleaned copy of the input; ID checks are done separately (idcard)."""
    # by field name (TEXT_FIELDS): each value goes back into the field it came from
    values: dict[str, Any] = {name: clean_field(name, getattr(data, name)) for name in TEXT_FIELDS}
    if not values["name"]:
        raise ElderError("FIELD_REQUIRED", field="姓名")
    if values["phone"] and not _PHONE.match(values["phone"]):
        raise ElderError("INVALID_VALUE", field="联系电话", value=values["phone"],
                         detail="只能包含数字、空格、+ 和 -")
    if values["account"]:
        values["account"] = values["account"].replace(" ", "")
        if not _ACCOUNT.fullmatch(values["account"]):
            raise ElderError("INVALID_VALUE", field="银行账号", value=values["account"],
                             detail=ACCOUNT_DETAIL)
    if data.sex not in (None, "M", "F"):
        raise ElderError("INVALID_VALUE", field="性别", value=data.sex, detail="只能是男或女")
    if data.household_type not in (None, "local", "nonlocal"):
        raise ElderError("INVALID_VALUE", field="户籍类型", value=data.household_type,
                         detail="只能是本地户籍或非本地户籍")
    return replace(data, **values)
