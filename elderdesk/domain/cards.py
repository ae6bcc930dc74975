"""Senior card (老年证) rules as data: eligibility, type by age, card numbers, fees."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month, age_in


class CardType(StrEnum):
    BLUE = "blue"  # 蓝卡
    RED = "red"  # 红卡


class CardStatus(StrEnum):
    VALID = "valid"
    REPLACED = "replaced"  # by a reissue
    REVOKED = "revoked"  # the holder died


class CardReason(StrEnum):
    """Why a card was issued: the first card, or a reissue's reason."""

    NEW = "new"
    LOST = "lost"
    DAMAGED = "damaged"
    UPGRADE = "upgrade"  # blue to red at the age
    CORRECTION = "correction"


# labels (literal keys: tools/i18n_data.py reads these tables)
TYPE_NAMES = {"blue": "蓝卡", "red": "红卡"}
STATUS_NAMES = {"valid": "有效", "replaced": "已换发", "revoked": "已注销"}
REISSUE_REASONS = {"lost": "遗失", "damaged": "损坏", "upgrade": "年满换证", "correction": "信息更正"}
REASON_NAMES = {"new": "首次发证", **REISSUE_REASONS}
PAID_REISSUES = ("lost", "damaged")

# Office settings of the card rules: key -> (Chinese label, default). Fees are in fen.
RULE_SETTINGS: dict[str, tuple[str, str]] = {
    "card.min_age": ("老年证最低年龄（周岁）", "60"),
    "card.advance_months": ("生日前可提前办理的月数", "2"),
    "card.types": ("按年龄发放的卡种（起始年龄:卡种）", "60:blue,65:red"),
    "card.number_prefix": ("老年证编号前缀（{region} 行政区划代码，{year} 发证年份）",
                           "{region}{year}"),
    "card.number_digits": ("老年证编号顺序号位数", "6"),
    "card.fee.new": ("首次发证工本费（分）", "0"),
    "card.fee.reissue_first": ("首次遗失、损坏补证工本费（分）", "600"),
    "card.fee.reissue": ("再次遗失、损坏补证工本费（分）", "1200"),
    "card.fee.upgrade": ("年满换证工本费（分）", "0"),
    "card.fee.correction": ("信息更正换证工本费（分）", "0"),
}
CALIBRATION_KEY = "card.calibration"  # JSON {printer name: [x mm, y mm]}; "" = any printer
CARD_SETTINGS: dict[str, tuple[str, str]] = {
    **RULE_SETTINGS, CALIBRATION_KEY: ("老年证打印校准偏移（毫米）", "{}")}
MAX_OFFSET_MM = 20.0
_PREFIX_CHARS = re.compile(r"^[A-Za-z0-9\-]*$")


@dataclass(frozen=True)
class CardRules:
    min_age: int = 60
    advance_months: int = 2
    types: tuple[tuple[int, str], ...] = ((60, "blue"), (65, "red"))  # (from age, type) ascending
    number_prefix: str = "{region}{year}"
    number_digits: int = 6
    fee_new: int = 0
    fee_reissue_first: int = 600
    fee_reissue: int = 1200
    fee_upgrade: int = 0
    fee_correction: int = 0

    def age_for(self, birth: date, on: date) -> int:
        """The age the card is made for: registration opens `advance_months` before the
        birth month, so the card is ready when the person reaches the age."""
        return age_in(birth, Month.of(on) + self.advance_months)

    def type_for(self, age: int) -> str | None:
        found = None
        for start, kind in self.types:
            if age >= start:
                found = kind
        return found

    def earliest(self, birth: date) -> Month:
        """First month a card may be issued in."""
        return Month(birth.year + self.min_age, birth.month) - self.advance_months

    def fee(self, reason: str, paid_reissues_before: int) -> int:
        """Fee in fen for a new card ('new') or a reissue for `reason`."""
        if reason == "new":
            return self.fee_new
        if reason in PAID_REISSUES:
            return self.fee_reissue_first if paid_reissues_before == 0 else self.fee_reissue
        return self.fee_upgrade if reason == "upgrade" else self.fee_correction

    def card_number(self, region: str, year: int, seq: int) -> str:
        if seq >= 10 ** self.number_digits:
            raise ElderError("CARD_NUMBERS_EXHAUSTED", year=year, max=10 ** self.number_digits - 1)
        prefix = self.number_prefix.replace("{region}", region).replace("{year}", f"{year:04d}")
        return f"{prefix}{seq:0{self.number_digits}d}"

    def to_settings(self) -> dict[str, str]:
        return {
            "card.min_age": str(self.min_age), "card.advance_months": str(self.advance_months),
            "card.types": ",".join(f"{a}:{t}" for a, t in self.types),
            "card.number_prefix": self.number_prefix,
            "card.number_digits": str(self.number_digits),
            "card.fee.new": str(self.fee_new),
            "card.fee.reissue_first": str(self.fee_reissue_first),
            "card.fee.reissue": str(self.fee_reissue), "card.fee.upgrade": str(self.fee_upgrade),
            "card.fee.correction": str(self.fee_correction),
        }


def _int(key: str, value: str, low: int, high: int) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"\d{1,9}", text) or not low <= int(text) <= high:
        raise ElderError("CARD_RULE_INVALID", key=key, value=value,
                         detail=f"应为 {low} 到 {high} 之间的整数")
    return int(text)


def parse_types(value: str) -> tuple[tuple[int, str], ...]:
    key = "card.types"
    out: list[tuple[int, str]] = []
    for part in str(value).replace("，", ",").split(","):
        age, _, kind = part.strip().partition(":")
        if kind.strip() not in TYPE_NAMES:
            raise ElderError("CARD_RULE_INVALID", key=key, value=value,
                             detail="写作“起始年龄:卡种”，卡种为 blue 或 red，如 60:blue,65:red")
        out.append((_int(key, age, 0, 150), kind.strip()))
    if [a for a, _ in out] != sorted({a for a, _ in out}):
        raise ElderError("CARD_RULE_INVALID", key=key, value=value, detail="起始年龄须从小到大且不重复")
    return tuple(out)


def check_rule(key: str, value: str) -> str:
    """The normalised stored text of one rule setting; CARD_RULE_INVALID (exit 2) if bad."""
    if key not in RULE_SETTINGS:
        raise ElderError("CARD_RULE_UNKNOWN", key=key, keys="、".join(RULE_SETTINGS))
    value = str(value).strip()
    if key == "card.types":
        return ",".join(f"{a}:{t}" for a, t in parse_types(value))
    if key == "card.number_prefix":
        rest = value.replace("{region}", "").replace("{year}", "")
        if not _PREFIX_CHARS.match(rest) or len(value) > 40:
            raise ElderError("CARD_RULE_INVALID", key=key, value=value,
                             detail="只能包含字母、数字、减号和 {region}、{year}")
        return value
    limits = {"card.min_age": (40, 120), "card.advance_months": (0, 12),
              "card.number_digits": (3, 9)}
    low, high = limits.get(key, (0, 1_000_000))
    return str(_int(key, value, low, high))


def rules_from_settings(values: Mapping[str, str | None]) -> CardRules:
    """CardRules from stored settings; a missing key takes its default."""
    v = {k: check_rule(k, values.get(k) or default) for k, (_l, default) in RULE_SETTINGS.items()}
    return CardRules(
        min_age=int(v["card.min_age"]), advance_months=int(v["card.advance_months"]),
        types=parse_types(v["card.types"]), number_prefix=v["card.number_prefix"],
        number_digits=int(v["card.number_digits"]), fee_new=int(v["card.fee.new"]),
        fee_reissue_first=int(v["card.fee.reissue_first"]),
        fee_reissue=int(v["card.fee.reissue"]), fee_upgrade=int(v["card.fee.upgrade"]),
        fee_correction=int(v["card.fee.correction"]),
    )


@dataclass(frozen=True)
class Holder:
    """What the rules need to know about the person asking for a card."""

    name: str
    id_number: str
    birth_date: date
    status: str = "active"
    death_date: date | None = None
    moved_out_on: date | None = None
    household_type: str | None = None  # local | nonlocal | None (not recorded: local)
    residence_permit_expiry: date | None = None


def check_person(rules: CardRules, who: Holder, on: date) -> None:
    """Refuse a card to a deceased or moved-out person, or a non-local one without a valid
    residence permit (the household type field, never the ID's area code), or one too young."""
    if who.status == "deceased":
        raise ElderError("PERSON_DECEASED", name=who.name, id=who.id_number, date=who.death_date)
    if who.status == "moved_out":
        raise ElderError("PERSON_MOVED_OUT", name=who.name, id=who.id_number,
                         date=who.moved_out_on)
    if who.household_type == "nonlocal":
        expiry = who.residence_permit_expiry
        if expiry is None or expiry < on:
            detail = "未登记居住证" if expiry is None else f"居住证已于 {expiry} 到期"
            raise ElderError("CARD_NOT_LOCAL", name=who.name, id=who.id_number, detail=detail)
    age = rules.age_for(who.birth_date, on)
    if age < rules.min_age or rules.type_for(age) is None:
        raise ElderError("CARD_TOO_YOUNG", name=who.name, id=who.id_number,
                         birth=who.birth_date, age=age_in(who.birth_date, Month.of(on)),
                         min_age=rules.min_age, earliest=rules.earliest(who.birth_date).zh())


def upgrade_due(rules: CardRules, current_type: str, birth: date, on: date) -> bool:
    """True when the age calls for another card type than the one held (blue at 65)."""
    wanted = rules.type_for(rules.age_for(birth, on))
    return wanted is not None and wanted != current_type


def parse_calibration(text: str | None) -> dict[str, tuple[float, float]]:
    """The stored calibration JSON; anything unreadable counts as no offsets."""
    try:
        raw = json.loads(text or "{}")
        return {str(k): (float(v[0]), float(v[1])) for k, v in raw.items()}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}


def check_offset(axis: str, value: float) -> float:
    if not -MAX_OFFSET_MM <= value <= MAX_OFFSET_MM:
        raise ElderError("INVALID_VALUE", field=f"{axis} 偏移", value=value,
                         detail=f"应在 -{MAX_OFFSET_MM:g} 到 {MAX_OFFSET_MM:g} 毫米之间")
    return round(float(value), 2)
