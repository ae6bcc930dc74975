"""Demo data: an invented but realistic 江汉区 register, deterministic for (people, seed)."""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.demo import data
from elderdesk.demo.history import MAX_QUARTERS, History, history_periods, plan
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import check_char
from elderdesk.domain.months import Month
from elderdesk.domain.policy import Policy, parse_policy_toml
from elderdesk.domain.progress import Progress
from elderdesk.services import audit
from elderdesk.services.allowance.service import AllowanceService
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now, today
from elderdesk.services.people.service import PeopleService
from elderdesk.services.roster.service import RosterService
from elderdesk.store import allowance_repo
from elderdesk.store.bulk import bulk_load, stepper
from elderdesk.store.db import Database
from elderdesk.store.orm import PersonRow

BATCH = 50_000  # people generated and inserted at a time (bounds memory; not in the output)
MAX_PEOPLE = 2_000_000  # twice a whole city; keeps the ID sequence space far from full
T = TypeVar("T")


@dataclass(frozen=True)
class DemoOutcome:
    people: int
    seconds: float
    enrolled: int = 0
    quarters: int = 0


class DemoService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def fill(self, op: Operator, people: int, seed: int = 1, progress: Progress | None = None,
             *, enrolled: int = 0, quarters: int = 0) -> DemoOutcome:
        """Fill an initialised, empty register with `people` invented people (one transaction);
        with `enrolled`, that many over-80s enrolled and `quarters` frozen quarters of history,
        each built and frozen by the roster service (one transaction per step)."""
        require(op, "demo")
        if not 1 <= people <= MAX_PEOPLE:
            raise ElderError("INVALID_VALUE", field="--people", value=people,
                             detail=f"应在 1 到 {MAX_PEOPLE} 之间")
        if not 0 <= enrolled <= people:
            raise ElderError("INVALID_VALUE", field="--enrolled", value=enrolled,
                             detail=f"应在 0 到 {people} 之间")
        if not 0 <= quarters <= MAX_QUARTERS:
            raise ElderError("INVALID_VALUE", field="--quarters", value=quarters,
                             detail=f"应在 0 到 {MAX_QUARTERS} 之间")
        started = time.perf_counter()
        on = today()
        history = bool(enrolled or quarters)
        with self.db.read() as s:  # fail fast, before the generating work
            _check_empty(s)
            policy = _policy(s) if history else None
        periods = history_periods(policy, on, quarters) if policy else []
        if policy and periods and periods[0].first < policy.versions[0].effective:
            raise ElderError("INVALID_VALUE", field="--quarters", value=quarters,
                             detail=f"历史不能早于政策实施月份 {policy.versions[0].effective}")
        # Four steps per person (generated, row, keys, ID index), then one per history step.
        unit = max(1, people // 10)
        step = stepper(progress, 4 * people + (unit * (len(periods) + 2) if history else 0))
        counts = {"active": 0, "deceased": 0, "moved_out": 0}
        old = min(0.9, 1.25 * enrolled / people) if enrolled else None
        candidates: list[tuple] = []
        oldest_birth = on.year - 79
        with self.db.write() as s:
            _check_empty(s)
            with bulk_load(s, people, step) as load:
                for batch in generate_people(people, seed, on=on, stamp=now(), old_share=old):
                    step(len(batch))
                    ids = load.insert(batch, step)
                    for r in batch:
                        counts[r["status"]] += 1
                        if history and r["birth_date"].year <= oldest_birth:
                            candidates.append((ids[r["id_number"]], r["birth_date"],
                                               r["death_date"], r["moved_out_on"]))
            extra = {"enrolled": enrolled, "quarters": quarters} if history else {}
            audit.record(s, op, "demo.fill", "register", None, None,
                         {"people": people, "seed": seed, "today": on, **counts, **extra})
        if policy is not None:
            stories = plan(candidates, enrolled, seed, policy, on,
                           periods[0].first if periods else Month.of(on))
            del candidates
            History(self.db, op, stories, periods, on, now(), seed).run(
                _roster_service(self.db), lambda n: step(n * unit))
        return DemoOutcome(people=people, seconds=round(time.perf_counter() - started, 3),
                           enrolled=enrolled, quarters=len(periods))


def _policy(s: Session) -> Policy:
    source = allowance_repo.current_policy_source(s)
    if source is None:
        raise ElderError("NO_POLICY")
    return parse_policy_toml(source)


def _roster_service(db: Database) -> RosterService:
    return RosterService(db, AllowanceService(db, PeopleService(db)))


def _check_empty(s: Session) -> None:
    if s.execute(select(PersonRow.id).limit(1)).first() is not None:
        raise ElderError("DEMO_NOT_EMPTY")


def make_people(n: int, seed: int = 1, *, on: date, stamp: datetime) -> list[dict]:
    """All n people as PersonRow column dicts (see generate_people)."""
    return [r for batch in generate_people(n, seed, on=on, stamp=stamp) for r in batch]


def _pool(weighted: Iterable[tuple[T, float]]) -> tuple[T, ...]:
    """Each item repeated by its integer weight: pool[int(random() * len(pool))] is a draw."""
    return tuple(item for item, w in weighted for _ in range(round(w)))


def _luhn_sum(digits: str, doubled_first: bool) -> int:
    """Luhn sum of digits placed so that the last one is doubled iff doubled_first."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if (i % 2 == 0) == doubled_first else 1)
        total += d - 9 if d > 9 else d
    return total


# Luhn sums of 3-digit blocks: for blocks whose last digit is doubled, and for the others.
_LUHN_D = tuple(_luhn_sum(f"{v:03d}", True) for v in range(1000))
_LUHN_N = tuple(_luhn_sum(f"{v:03d}", False) for v in range(1000))


def _account(prefix_sum: int, x: int) -> str:
    """The 12 digits of x and the Luhn check digit after a 6-digit prefix (its sum given)."""
    hi, rest = divmod(x, 1_000_000_000)
    mid, rest = divmod(rest, 1_000_000)
    low, last = divmod(rest, 1000)
    total = prefix_sum + _LUHN_N[hi] + _LUHN_D[mid] + _LUHN_N[low] + _LUHN_D[last]
    return f"{x:012d}{-total % 10}"


def generate_people(n: int, seed: int = 1, *, on: date, stamp: datetime,
                    batch: int = BATCH, old_share: float | None = None) -> Iterator[list[dict]]:
    """Invented people in batches: PersonRow column dicts, unique valid IDs, ages 55–105 on `on`.

    Every person draws from one random.Random(seed) stream in a fixed order, so the output
    depends only on (n, seed, on, old_share) and not on the batch size; `stamp` is only
    created_at. old_share raises the share of the over-80s to that (a register enrolling them).
    """
    rng = random.Random(seed)
    rnd = rng.random
    # Age → the ordinal range of birth dates giving that age on `on`.
    ages = _pool((age, w * 100) for age, w in _age_weights(old_share))
    born: dict[int, tuple[int, int]] = {}
    for age in range(55, 106):
        hi = _years_before(on, age)
        lo = _years_before(on, age + 1) + timedelta(days=1)
        born[age] = (lo.toordinal(), hi.toordinal() - lo.toordinal() + 1)
    surnames = _pool(data.SURNAMES)
    given = {"F": _pool(data.FEMALE_NAMES), "M": _pool(data.MALE_NAMES)}
    era_given = {era: {sex: _pool(w) for sex, w in by_sex.items()}
                 for era, by_sex in data.ERA_NAMES.items()}
    wuhan = tuple(code for code in data.WUHAN if code != data.JIANGHAN)
    others = _pool(((code, place), w) for code, place, w in data.OTHER_AREAS)
    ethnicities = _pool(data.ETHNICITIES)
    streets = tuple(data.STREETS.items())
    roads = data.ROADS
    banks = _pool(data.BANKS)
    bank_sums = {b: _luhn_sum(p, True) for b, p in data.BANK_PREFIX.items()}  # 12 digits follow
    mobiles = _pool(data.MOBILE_PREFIXES)
    seqs = tuple(f"{i:03d}" for i in range(1000))
    days: dict[int, tuple[date, str, str]] = {}  # ordinal → (date, YYYYMMDD, era)
    used: set[str] = set()
    today_ord = on.toordinal()

    def address() -> str:
        road = roads[int(rnd() * len(roads))]
        return (f"湖北省武汉市江汉区{road}{1 + int(rnd() * 300)}号{1 + int(rnd() * 30)}栋"
                f"{1 + int(rnd() * 6)}单元{1 + int(rnd() * 18)}0{1 + int(rnd() * 4)}室")

    out: list[dict] = []
    for _ in range(n):
        age = ages[int(rnd() * len(ages))]
        first, span = born[age]
        ordinal = first + int(rnd() * span)
        day = days.get(ordinal)
        if day is None:
            d = date.fromordinal(ordinal)
            day = days[ordinal] = (d, d.strftime("%Y%m%d"), data.era_of(d.year))
        birth, ymd, era = day
        # Women outlive men: the older the band, the more of it is female.
        female = rnd() < (0.5 if age < 70 else 0.55 if age < 80 else 0.6 if age < 90 else 0.7)
        sex = "F" if female else "M"
        r = rnd()
        home = None
        if r < 0.74:
            area = data.JIANGHAN
        elif r < 0.9:
            area = wuhan[int(rnd() * len(wuhan))]
        else:
            area, home = others[int(rnd() * len(others))]
        while True:
            first17 = area + ymd + seqs[int(rnd() * 500) * 2 + (0 if female else 1)]
            if first17 not in used:
                used.add(first17)
                break
        pool = era_given[era][sex] if rnd() < 0.3 else given[sex]
        name = surnames[int(rnd() * len(surnames))] + pool[int(rnd() * len(pool))]
        street, communities = streets[int(rnd() * len(streets))]
        community = communities[int(rnd() * len(communities))] + "社区"
        current = address()
        nonlocal_ = home is not None and rnd() < 0.5
        if nonlocal_:
            household = f"{home}人民路{1 + int(rnd() * 200)}号"
            permit: date | None = date.fromordinal(today_ord - 180 + int(rnd() * 1275))
        else:
            household = current if rnd() < 0.85 else address()
            permit = None
        phone = None
        if rnd() < 0.92:
            phone = mobiles[int(rnd() * len(mobiles))] + f"{int(rnd() * 1e8):08d}"
        bank = account = None
        if age >= 79 or rnd() < 0.55:
            bank = banks[int(rnd() * len(banks))]
            account = data.BANK_PREFIX[bank] + _account(bank_sums[bank], int(rnd() * 1e12))
        # About 2 % deceased (more among the oldest), 1 % moved out, within the last 2–3 years.
        r = rnd()
        dead_p = 0.013 if age < 75 else 0.045 if age < 90 else 0.11
        status, death, moved = "active", None, None
        if r < dead_p:
            status, death = "deceased", date.fromordinal(today_ord - int(rnd() * 730))
        elif r < dead_p + 0.01:
            status, moved = "moved_out", date.fromordinal(today_ord - int(rnd() * 1095))
        out.append({
            "id_number": first17 + check_char(first17), "name": name, "sex": sex,
            "ethnicity": ethnicities[int(rnd() * len(ethnicities))], "birth_date": birth,
            "household_address": household, "current_address": current, "street": street,
            "community": community, "phone": phone, "bank": bank, "account": account,
            "household_type": "nonlocal" if nonlocal_ else "local",
            "residence_permit_expiry": permit, "status": status, "death_date": death,
            "moved_out_on": moved, "notes": None, "checksum_override": None,
            "created_at": stamp, "updated_at": stamp,
        })
        if len(out) >= batch:
            yield out
            out = []
    if out:
        yield out


def _age_weights(old_share: float | None) -> list[tuple[int, float]]:
    """The census age shape, with the over-80s scaled up to old_share of everyone if asked."""
    weights = data.age_weights()
    old = sum(w for a, w in weights if a >= 80)
    young = sum(w for a, w in weights if a < 80)
    if old_share is None or old_share <= old / (old + young):
        return weights
    scale = old_share / (1 - old_share) * young / old
    return [(a, w * scale if a >= 80 else w) for a, w in weights]


def _years_before(d: date, years: int) -> date:
    """The same day `years` earlier (29 Feb → 28 Feb)."""
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)
