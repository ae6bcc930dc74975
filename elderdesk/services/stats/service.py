"""Statistics: people by age band, community and status; allowance enrolled and paid by month
and band; cards issued by month and type; proof-of-life coverage. Read-only, one snapshot."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month, month_range
from elderdesk.domain.policy import Policy
from elderdesk.services import settings
from elderdesk.services.allowance.service import AllowanceService
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import today
from elderdesk.services.stats.figures import (
    AGE_BANDS,
    MAX_MONTHS,
    OUT_OF_BAND,
    BandCount,
    CardMonth,
    CommunityCount,
    Coverage,
    MoneyRow,
    Statistics,
)
from elderdesk.services.stats.tables import all_tables
from elderdesk.store import stats_repo as repo
from elderdesk.store.db import Database
from elderdesk.store.stats_repo import (
    ApplicationGroup,
    CardGroup,
    CorrectionGroup,
    CoverGroup,
    EnrollmentWindow,
    LedgerGroup,
    PeopleGroup,
    PickupGroup,
)

# The ages at which the bands of the age table start, and 80 (the community table's column):
# people_groups gives the index of the highest of them each person has reached.
AGES = tuple(sorted({low for _, low, _ in AGE_BANDS} | {80}))
_BAND_OF = {i: next(label for label, low, _high in reversed(AGE_BANDS) if age >= low)
            for i, age in enumerate(AGES)}
_OVER_80 = AGES.index(80)


class StatsService:
    def __init__(self, db: Database, allowance: AllowanceService) -> None:
        self.db = db
        self.allowance = allowance

    def compute(self, op: Operator, on: date | None = None, first: Month | None = None,
                last: Month | None = None) -> Statistics:
        """Figures on `on` (default today) with monthly figures for first..last (default the
        twelve months up to the month of `on`)."""
        require(op, "stats.read")
        on = on or today()
        last = last or Month.of(on)
        first = first or last - 11
        if first > last or last - first >= MAX_MONTHS:
            raise ElderError("STATS_RANGE", first=first, last=last, max=MAX_MONTHS)
        span = (str(first), str(last))
        with self.db.read() as s:
            try:
                policy: Policy | None = self.allowance.policy_in(s)
            except ElderError:
                policy = None
            people = repo.people_groups(s, on, AGES)
            enrollees = repo.enrollee_groups(s)
            apps = enrollees.latest
            money = _money(policy, first, last, enrollees.windows,
                           repo.ledger_groups(s, *span), repo.frozen_correction_groups(s, *span))
            cards = _cards(first, last, repo.card_groups(s, *span), repo.pickup_groups(s, *span))
            cover = enrollees.cover
            office = settings.get(s, "office.name") or ""
        n = policy.life_cert_months if policy else None
        return Statistics(office, on, first, last, n, _bands(people), _communities(people, apps),
                          _statuses(people), _applications(apps), money, cards,
                          _coverage(cover, Month.of(on), n or 0))

    def export(self, op: Operator, stats: Statistics, *, pdf: Path | None = None,
               xlsx: Path | None = None) -> list[Path]:
        """Print computed statistics to a PDF and/or write them to a workbook."""
        require(op, "stats.read")
        tables = all_tables(stats)
        title = f"{stats.office}统计报表"
        span = f"月度统计 {stats.first} 至 {stats.last}"
        written = []
        if pdf is not None:
            from elderdesk.reports.stats_pdf import write_stats_pdf

            write_stats_pdf(pdf, tables, title=title,
                            subtitle=f"统计日期 {stats.on.isoformat()}　{span}",
                            footer=f"制表：{op.name}　{today().isoformat()}")
            written.append(pdf)
        if xlsx is not None:
            from elderdesk.reports.stats_xlsx import write_stats_xlsx

            write_stats_xlsx(xlsx, tables, heading=f"{title}　统计日期 {stats.on.isoformat()}"
                             f"　{span}")
            written.append(xlsx)
        return written


def _bands(groups: list[PeopleGroup]) -> tuple[BandCount, ...]:
    count: dict[tuple[str, str], int] = defaultdict(int)
    for _community, sex, status, level, n in groups:
        if status == "active":
            count[(_BAND_OF[level], sex)] += n
    return tuple(BandCount(label, count[(label, "M")], count[(label, "F")])
                 for label, _, _ in AGE_BANDS)


def _communities(groups: list[PeopleGroup],
                 apps: list[ApplicationGroup]) -> tuple[CommunityCount, ...]:
    c: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for community, _sex, status, level, n in groups:
        c[community][status] += n
        if status == "active" and level >= _OVER_80:
            c[community]["active_80"] += n
    for community, state, n in apps:
        if state == "approved":
            c[community]["enrolled"] += n
    return tuple(CommunityCount(k, v["active"], v["active_80"], v["deceased"], v["moved_out"],
                                v["enrolled"])
                 for k, v in sorted(c.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))


def _statuses(groups: list[PeopleGroup]) -> tuple[tuple[str, int], ...]:
    count: dict[str, int] = defaultdict(int)
    for _community, _sex, status, _level, n in groups:
        count[status] += n
    return tuple((k, count[k]) for k in ("active", "deceased", "moved_out"))


def _applications(apps: list[ApplicationGroup]) -> tuple[tuple[str, int], ...]:
    count: dict[str, int] = defaultdict(int)
    for _community, state, n in apps:
        count[state] += n
    order = ("applied", "reviewed", "returned", "approved", "rejected", "stopped", "cancelled")
    return tuple((k, count[k]) for k in order if count[k])


def _money(policy: Policy | None, first: Month, last: Month, windows: list[EnrollmentWindow],
           ledger: list[LedgerGroup], items: list[CorrectionGroup]) -> tuple[MoneyRow, ...]:
    """Rows for every month and band of the policy (zeros included); regular payments are the
    ledger less arrears plus recoveries (the ledger is their net, person by person)."""
    if policy is None:
        return ()
    months = month_range(first, last)
    low, high = first.index, last.index
    names = {m.index: str(m) for m in months}
    indexes = {name: index for index, name in names.items()}
    labels: dict[tuple[int, int], str] = {}  # (birth month, month) -> band label

    def band(birth_index: int, month_index: int) -> str:
        label = labels.get((birth_index, month_index))
        if label is None:
            found = policy.band_for(Month.from_index(birth_index).first_day(),
                                    Month.from_index(month_index))
            label = labels[(birth_index, month_index)] = found.label if found else OUT_OF_BAND
        return label

    # [enrolled, paid people, regular, arrears, recovery, net] per (month, band label)
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
    # Enrolled people per (birth month, month): each window adds its people to the months it
    # covers, by a running sum per birth month (+n where it starts, -n after it ends) instead
    # of a step per covered month (225,000 steps for a city's 30,000 window groups).
    span = high - low + 1
    steps: dict[int, list[int]] = {}
    seen: set[tuple[int, int]] = set()  # (person, month) of people with several enrollments
    for birth, approved, ended, person, n in windows:  # the months each window covers
        first, last = max(approved, low), high if ended is None else min(ended, high)
        if first > last:
            continue
        row = steps.get(birth)
        if row is None:
            row = steps[birth] = [0] * (span + 1)
        if not person:
            row[first - low] += n
            row[last - low + 1] -= n
            continue
        for index in range(first, last + 1):  # one person's windows: each month counted once
            if (person, index) not in seen:
                seen.add((person, index))
                row[index - low] += n
                row[index - low + 1] -= n
    for birth, row in steps.items():
        enrolled = 0
        for offset in range(span):
            enrolled += row[offset]
            if enrolled:
                label = band(birth, low + offset)
                if label != OUT_OF_BAND:
                    cells[(names[low + offset], label)][0] += enrolled
    for month, birth, people, fen in ledger:
        row = cells[(month, band(birth, indexes[month]))]
        row[1] += people
        row[5] += fen
    for month, birth, kind, fen in items:  # arrears and recoveries; regular = the rest
        cells[(month, band(birth, indexes[month]))][3 if kind == "arrears" else 4] += fen
    for row in cells.values():
        row[2] = row[5] - row[3] + row[4]
    out = []
    for m in months:
        version = policy.version_in(m)
        bands: list[tuple[str, int | None]] = [(b.label, b.monthly) for b in version.bands] \
            if version else []
        if (str(m), OUT_OF_BAND) in cells:
            bands.append((OUT_OF_BAND, None))
        for label, monthly in bands:
            out.append(MoneyRow(str(m), label, monthly, *cells.get((str(m), label), [0] * 6)))
    return tuple(out)


def _cards(first: Month, last: Month, groups: list[CardGroup],
           pickups: list[PickupGroup]) -> tuple[CardMonth, ...]:
    c: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for month, kind, reason, n, fee in groups:
        c[month][kind] += n
        c[month]["new" if reason == "new" else "reissued"] += n
        c[month]["fee"] += fee or 0
    for month, n in pickups:
        c[month]["picked_up"] += n
    return tuple(CardMonth(str(m), c[str(m)]["blue"], c[str(m)]["red"], c[str(m)]["new"],
                           c[str(m)]["reissued"], c[str(m)]["fee"], c[str(m)]["picked_up"])
                 for m in month_range(first, last))


def _coverage(groups: list[CoverGroup], month: Month, n: int) -> tuple[Coverage, ...]:
    c: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for community, latest, people in groups:
        covered = n == 0 or latest + n - 1 >= month.index
        c[community][0 if covered else 1] += people
    return tuple(Coverage(k, v[0], v[1])
                 for k, v in sorted(c.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
