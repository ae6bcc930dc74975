"""The allowance policy: settings, dated versions of age bands, and its TOML/JSON forms."""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str, parse_yuan
from elderdesk.domain.months import Month, index_of

STARTS = ("birth_month", "next_month")
BACKPAYS = ("eligibility", "application_month", "after_application")
DEATH_STOPS = ("next_month", "same_month")
PERIODS = ("month", "quarter")
_TOP_KEYS = ("start", "backpay", "backpay_floor", "death_stop", "life_cert_months", "period")
# Sane limits (issue 11): amounts, ages and months beyond these are typing errors, and larger
# ones overflowed roster arithmetic; a policy file is a few hundred bytes.
MAX_MONTHLY_FEN = 100_000_00  # 100000 yuan a month
MAX_AGE = 150
MAX_LIFE_CERT_MONTHS = 120
MAX_SOURCE_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Band:
    """An age band: min_age..max_age inclusive (max_age None = no upper bound), monthly fen."""

    min_age: int
    max_age: int | None
    monthly: int

    @property
    def label(self) -> str:
        return f"{self.min_age}+" if self.max_age is None else f"{self.min_age}–{self.max_age}"

    def contains(self, age: int) -> bool:
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """Bands in force from `effective` until the next version."""

    effective: Month
    bands: tuple[Band, ...]  # sorted by min_age, non-overlapping

    def band_for_age(self, age: int) -> Band | None:
        for band in self.bands:
            if band.contains(age):
                return band
        return None

    @property
    def min_age(self) -> int:
        return min(b.min_age for b in self.bands)


@dataclass(frozen=True, slots=True)
class Policy:
    """Settings of allowance-rules.md section 1; versions sorted by effective month."""

    start: str
    backpay: str
    backpay_floor: Month | None
    death_stop: str
    life_cert_months: int
    period: str
    versions: tuple[PolicyVersion, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _edges: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        versions = tuple(sorted(self.versions, key=lambda v: v.effective))
        if not versions or not all(v.bands for v in versions):
            raise ValueError("a policy needs at least one version, each with a band")
        object.__setattr__(self, "versions", versions)
        object.__setattr__(self, "_starts", tuple(v.effective.index for v in versions))
        edges = {b.min_age for v in versions for b in v.bands}
        edges |= {b.max_age + 1 for v in versions for b in v.bands if b.max_age is not None}
        object.__setattr__(self, "_edges", tuple(sorted(edges)))

    @property
    def version_starts(self) -> tuple[int, ...]:
        """Month indexes at which a version takes effect, ascending."""
        return self._starts

    @property
    def age_edges(self) -> tuple[int, ...]:
        """Ages at which some band begins or ends (max_age + 1), ascending."""
        return self._edges

    def version_at(self, index: int) -> PolicyVersion | None:
        """Version in force in the month with this Month.index."""
        pos = bisect.bisect_right(self._starts, index)
        return self.versions[pos - 1] if pos else None

    def version_in(self, month: Month) -> PolicyVersion | None:
        return self.version_at(month.index)

    def band_for(self, birth: date, month: Month) -> Band | None:
        """Band of `month` (section 2): age in the month, or in the month before (next_month)."""
        version = self.version_in(month)
        if version is None:
            return None
        shift = 1 if self.start == "next_month" else 0
        age = (month.index - shift - index_of(birth)) // 12
        return version.band_for_age(age)

    def min_age_in(self, month: Month) -> int | None:
        version = self.version_in(month)
        return None if version is None else version.min_age


# --- TOML / JSON ---------------------------------------------------------------------


def _bad(where: str, detail: str) -> ElderError:
    return ElderError("POLICY_INVALID", where=where, detail=detail)


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data[key]
    if value not in allowed:
        raise _bad(key, f"应为 {' | '.join(allowed)} 之一，而不是 {value!r}")
    return str(value)


def _int(value: object, where: str, low: int = 0, high: int = MAX_AGE) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(where, f"应为 {low} 到 {high} 之间的整数")
    return value


def _month(value: object, where: str) -> Month:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}", value):
        raise _bad(where, '应为 "YYYY-MM" 格式的字符串，例如 "2018-01"')
    try:
        return Month.parse(value)
    except ElderError:
        raise _bad(where, f"月份 {value!r} 无效") from None


def _unknown(data: dict[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise _bad(prefix + key, "未知的设置项")


def _band(raw: object, where: str) -> Band:
    if not isinstance(raw, dict):
        raise _bad(where, "应为 { min_age = …, max_age = …, monthly = … }")
    _unknown(raw, ("min_age", "max_age", "monthly"), where + ".")
    for key in ("min_age", "monthly"):
        if key not in raw:
            raise _bad(f"{where}.{key}", "缺少此项")
    low = _int(raw["min_age"], where + ".min_age")
    high = None
    if "max_age" in raw:
        high = _int(raw["max_age"], where + ".max_age", low)
    monthly = raw["monthly"]
    if (
        isinstance(monthly, float)
        or not isinstance(monthly, (str, int))
        or isinstance(monthly, bool)
    ):
        raise _bad(where + ".monthly", '金额应写成字符串或整数（最多两位小数），例如 "100.50"')
    try:
        fen = parse_yuan(monthly)
    except ElderError:
        raise _bad(where + ".monthly", f"金额 {monthly!r} 无效，最多两位小数") from None
    if fen <= 0:
        raise _bad(where + ".monthly", "金额应大于 0")
    if fen > MAX_MONTHLY_FEN:
        raise _bad(where + ".monthly", f"每月金额最多 {MAX_MONTHLY_FEN // 100} 元，请核对")
    return Band(low, high, fen)


def _version(raw: object, where: str) -> PolicyVersion:
    if not isinstance(raw, dict):
        raise _bad(where, "应为 [[version]] 表")
    _unknown(raw, ("effective", "bands"), where + ".")
    for key in ("effective", "bands"):
        if key not in raw:
            raise _bad(f"{where}.{key}", "缺少此项")
    effective = _month(raw["effective"], where + ".effective")
    bands_raw = raw["bands"]
    if not isinstance(bands_raw, list) or not bands_raw:
        raise _bad(where + ".bands", "应为至少含一个档次的列表")
    bands = [_band(b, f"{where}.bands[{i}]") for i, b in enumerate(bands_raw, 1)]
    order = sorted(range(len(bands)), key=lambda i: bands[i].min_age)
    for prev, cur in zip(order, order[1:], strict=False):
        top = bands[prev].max_age
        if top is None or top >= bands[cur].min_age:
            later = max(prev, cur) + 1
            raise _bad(f"{where}.bands[{later}]", f"与第 {min(prev, cur) + 1} 个档次的年龄重叠")
    return PolicyVersion(effective, tuple(bands[i] for i in order))


def parse_policy_toml(text: str) -> Policy:
    """Parse and check a policy file; any fault refuses the whole file (POLICY_INVALID). A
    UTF-8 byte order mark (Notepad) is ignored."""
    if len(text) > MAX_SOURCE_CHARS:
        raise _bad("文件大小", f"政策文件超过 {MAX_SOURCE_CHARS // 1_000_000} MB 字符，不是政策文件")
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"第 {line.group(1)} 行" if line else "TOML 语法"
        raise _bad(where, f"TOML 语法错误（{exc}）") from None
    except RecursionError:
        raise _bad("TOML 语法", "数组或表的嵌套层数过深，不是政策文件") from None
    _unknown(data, (*_TOP_KEYS, "version"), "")
    for key in (*_TOP_KEYS, "version"):
        if key != "backpay_floor" and key not in data:
            raise _bad(key, "缺少此项")
    floor = data.get("backpay_floor")
    raw_versions = data["version"]
    if not isinstance(raw_versions, list) or not raw_versions:
        raise _bad("version", "应至少有一个 [[version]]")
    versions = [_version(v, f"version[{i}]") for i, v in enumerate(raw_versions, 1)]
    seen: dict[Month, int] = {}
    for i, v in enumerate(versions, 1):
        if v.effective in seen:
            raise _bad(f"version[{i}].effective", f"与 version[{seen[v.effective]}] 的生效月份相同")
        seen[v.effective] = i
    return Policy(
        start=_choice(data, "start", STARTS),
        backpay=_choice(data, "backpay", BACKPAYS),
        backpay_floor=None if floor is None else _month(floor, "backpay_floor"),
        death_stop=_choice(data, "death_stop", DEATH_STOPS),
        life_cert_months=_int(data["life_cert_months"], "life_cert_months",
                              high=MAX_LIFE_CERT_MONTHS),
        period=_choice(data, "period", PERIODS),
        versions=tuple(sorted(versions, key=lambda v: v.effective)),
    )


def _yuan_text(fen: int) -> str:
    """Money as policy files write it: '100', '100.50'."""
    return str(fen // 100) if fen % 100 == 0 else fen_to_str(fen)


def policy_to_toml(policy: Policy) -> str:
    """The policy as a file that parse_policy_toml reads back to an equal Policy."""
    lines = [
        f'start = "{policy.start}"',
        f'backpay = "{policy.backpay}"',
    ]
    if policy.backpay_floor is not None:
        lines.append(f'backpay_floor = "{policy.backpay_floor}"')
    lines += [
        f'death_stop = "{policy.death_stop}"',
        f"life_cert_months = {policy.life_cert_months}",
        f'period = "{policy.period}"',
    ]
    for v in policy.versions:
        lines += ["", "[[version]]", f'effective = "{v.effective}"', "bands = ["]
        for b in v.bands:
            top = "" if b.max_age is None else f", max_age = {b.max_age}"
            lines.append(
                f'  {{ min_age = {b.min_age}{top}, monthly = "{_yuan_text(b.monthly)}" }},'
            )
        lines.append("]")
    return "\n".join(lines) + "\n"


def policy_to_json(policy: Policy) -> dict[str, Any]:
    """Same keys as the TOML file; money as strings with two decimals; absent = None."""
    return {
        "start": policy.start,
        "backpay": policy.backpay,
        "backpay_floor": None if policy.backpay_floor is None else str(policy.backpay_floor),
        "death_stop": policy.death_stop,
        "life_cert_months": policy.life_cert_months,
        "period": policy.period,
        "version": [
            {
                "effective": str(v.effective),
                "bands": [
                    {"min_age": b.min_age, "max_age": b.max_age, "monthly": fen_to_str(b.monthly)}
                    for b in v.bands
                ],
            }
            for v in policy.versions
        ],
    }
