"""Statistics queries: small grouped reads the service maps to policy and age bands in Python.

The register's and the ledger's figures come from counts kept as the data changes
(`stats_people`, `stats_ledger`: triggers of migration 0012), not from scanning a city's
million people and millions of ledger rows; the other figures group the enrollees. Portable:
dates are DATE on PostgreSQL and ISO text on SQLite, so month indexes are computed per dialect
(`_month`)."""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import date
from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from elderdesk.domain.ledger import KIND_CODE, KINDS, REGULAR
from elderdesk.domain.months import Month, month_index


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _month(session: Session, col: str) -> str:
    """Month index (year * 12 + month - 1, as Month.index counts) of a date column."""
    if _is_pg(session):
        return (f"(CAST(EXTRACT(YEAR FROM {col}) AS INTEGER) * 12"
                f" + CAST(EXTRACT(MONTH FROM {col}) AS INTEGER) - 1)")
    return (f"(CAST(substr({col}, 1, 4) AS INTEGER) * 12"
            f" + CAST(substr({col}, 6, 2) AS INTEGER) - 1)")


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _areas(session: Session) -> list[str]:
    """The area codes (first six characters) of the ID numbers held: one index seek each."""
    out: list[str] = []
    after = ""
    while True:
        first = session.execute(text("SELECT min(id_number) FROM people WHERE id_number > :a"),
                                {"a": after}).scalar()
        if first is None:
            return out
        out.append(first[:6])
        after = first[:6] + "Z"  # past every number of that area (digits, then X last)


class PeopleGroup(NamedTuple):
    """People born by a day, counted by community, sex, status and age level."""

    community: str | None  # None: not filled in
    sex: str
    status: str  # active | deceased | moved_out
    level: int  # index in `ages` of the highest age reached (people_groups)
    people: int


def people_groups(session: Session, on: date, ages: tuple[int, ...]) -> list[PeopleGroup]:
    """The people born by `on`, grouped: level is the index in `ages` (ascending,
    ages[0] = 0) of the highest age reached on `on` (in full years).

    `stats_people` counts people by birth month: a birth month before the month in which age
    A is reached on `on` has reached it, one after has not. Of the people born in that month,
    those born after `on`'s day have not: they are found by their ID numbers (the birth date
    is the ID's, import-rules.md BIRTHDATE_MISMATCH), one index range per area."""
    # descending; month_index, not Month(): a day in the first years A.D. has no Month A years
    # before it (nobody is born by then)
    cuts = [month_index(on.year - age, on.month) for age in ages]
    reached = ", ".join(f"sum(CASE WHEN birth_month <= {c} THEN n ELSE 0 END)" for c in cuts)
    count: dict[tuple[str | None, str, str, int], int] = defaultdict(int)
    for community, known, sex, status, *upto in session.execute(text(  # in key order: no sort
            f"SELECT community, known, sex, status, {reached} FROM stats_people"
            " GROUP BY community, known, sex, status")):
        upto.append(0)
        for k in range(1, len(cuts) + 1):  # upto[i]: born by the month age i is reached
            if upto[k - 1] - upto[k]:
                count[(community if known else None, sex, status, k)] += upto[k - 1] - upto[k]
    if on.day < 31:
        areas = _areas(session)
        for k, (age, cut) in enumerate(zip(ages, cuts, strict=True), 1):
            y, m = on.year - age, on.month
            lo, hi = f"{y:04d}{m:02d}{on.day + 1:02d}", f"{y:04d}{m:02d}4"
            ranges = " OR ".join(f"(id_number >= :lo{i} AND id_number < :hi{i})"
                                 for i in range(len(areas)))
            params = {**{f"lo{i}": a + lo for i, a in enumerate(areas)},
                      **{f"hi{i}": a + hi for i, a in enumerate(areas)}}
            if not areas:
                continue
            for community, sex, status, born in session.execute(text(
                    f"SELECT community, sex, status, birth_date FROM people WHERE {ranges}"),
                    params):
                b = _day(born)
                if Month.of(b).index == cut and b.day > on.day:  # counted as reached: not yet
                    count[(community, sex, status, k)] -= 1
                    if k > 1:
                        count[(community, sex, status, k - 1)] += 1
    return [PeopleGroup(c, sex, status, k - 1, n)
            for (c, sex, status, k), n in count.items() if n]


class ApplicationGroup(NamedTuple):
    """People by community and the state of their latest application."""

    community: str | None
    state: str
    people: int


class EnrollmentWindow(NamedTuple):
    """Approved enrollments by the months they cover (and the birth month: the band)."""

    birth_month: int  # Month.index
    approved_month: int
    ended_month: int | None  # None: still open
    person_id: int  # 0: a group of people with one window each; else one person's window
    people: int  # how many (1 for one person's window)


class CoverGroup(NamedTuple):
    """Living approved enrollees by community and the month of their latest proof of life."""

    community: str | None
    latest_month: int  # Month.index of the latest proof of life or application; -1: none
    people: int


class Enrollees(NamedTuple):
    """The enrollee figures of one pass over the applications (see enrollee_groups)."""

    latest: list[ApplicationGroup]
    windows: list[EnrollmentWindow]
    cover: list[CoverGroup]


def enrollee_groups(session: Session) -> Enrollees:
    """Every application read once with its person (community, birth month, status) and, for
    the approved ones of living people, the latest proof of life; grouped three ways:

    - latest: people by community and the state of their latest application;
    - windows: approved enrollments (approved or stopped) of people with one of them, grouped
      (person_id 0); of people with several, one row per distinct window (person_id, 1);
    - cover: the living people with an approved enrollment by community and the month of the
      latest proof of life or application (allowance-rules.md section 4; an online
      application is no proof of life).

    One statement: the people of a city's 300,000 enrollees are read once, not three times,
    and the groups come back (not the 300,000 rows: building Python rows cost more than
    grouping them in the database)."""
    m = functools.partial(_month, session)
    approved = "e.approved_on IS NOT NULL AND e.status IN ('approved', 'stopped')"
    other = "o.approved_on IS NOT NULL AND o.status IN ('approved', 'stopped')"
    cert = (f"(SELECT {m('c.cert_date')} FROM lifecerts c WHERE c.person_id = e.person_id"
            " ORDER BY c.cert_date DESC LIMIT 1)")  # the latest by the key: one seek
    latest = "CASE WHEN cm > ap THEN cm ELSE ap END"
    # On SQLite in person order (the index of enrollments by person): the people rows and the
    # proofs of life are then read in their key order, a fifth less work than in random order.
    scan = ("enrollments e" if _is_pg(session) else
            "enrollments e INDEXED BY ix_enrollments_person_id")
    rows = session.execute(text(
        "WITH f AS MATERIALIZED (SELECT p.community AS c, e.status AS st,"
        f" {m('p.birth_date')} AS b, CASE WHEN {approved} THEN {m('e.approved_on')} END AS a,"
        f" {m('e.ended_on')} AS x,"
        f" CASE WHEN e.source = 'online' THEN -1 ELSE {m('e.applied_on')} END AS ap,"
        " CASE WHEN e.status = 'approved' AND p.status = 'active'"
        f" THEN coalesce({cert}, -1) END AS cm,"
        " CASE WHEN EXISTS (SELECT 1 FROM enrollments o WHERE o.person_id = e.person_id"
        " AND o.id > e.id) THEN 0 ELSE 1 END AS last,"
        f" CASE WHEN {approved} AND EXISTS (SELECT 1 FROM enrollments o"
        f" WHERE o.person_id = e.person_id AND o.id <> e.id AND {other}) THEN e.person_id"
        f" ELSE 0 END AS several FROM {scan} JOIN people p ON p.id = e.person_id"
        " WHERE e.person_id > -1)"
        # the latest applications and the cover in one grouping (one sort, not two)
        f" SELECT 0, c, st, last, CASE WHEN cm IS NULL THEN NULL ELSE {latest} END AS cover,"
        " NULL, 0, count(*) FROM f GROUP BY c, st, last, CASE WHEN cm IS NULL THEN NULL"
        f" ELSE {latest} END"
        " UNION ALL SELECT 1, NULL, NULL, b, a, x, several, CASE WHEN several = 0 THEN count(*)"
        " ELSE 1 END FROM f WHERE a IS NOT NULL GROUP BY b, a, x, several"))
    states: dict[tuple[str | None, str], int] = defaultdict(int)
    cover: dict[tuple[str | None, int], int] = defaultdict(int)
    windows: list[EnrollmentWindow] = []
    for kind, community, state, b, a, x, person, n in rows:
        if kind == 0:
            if b:  # the person's latest application
                states[(community, state)] += n
            if a is not None:  # approved, living: the month of the latest proof
                cover[(community, a)] += n
        else:
            windows.append(EnrollmentWindow(b, a, x, person, n))
    return Enrollees([ApplicationGroup(c, st, n) for (c, st), n in states.items()], windows,
                     [CoverGroup(c, month, n) for (c, month), n in cover.items()])


class LedgerGroup(NamedTuple):
    """The ledger's rows above zero of one month and birth month."""

    month: str  # 'YYYY-MM'
    birth_month: int  # Month.index
    people: int  # people paid
    fen: int  # net fen paid


def ledger_groups(session: Session, first: str, last: str) -> list[LedgerGroup]:
    """The ledger of months first..last ('YYYY-MM') by month and birth month, from
    `stats_ledger` (the ledger's rows above zero by month and birth month, kept by triggers on
    the ledger)."""
    rows = session.execute(text(
        "SELECT month, birth_month, people, fen FROM stats_ledger"
        " WHERE month >= :first AND month <= :last AND people > 0"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [LedgerGroup(str(Month.from_index(m)), b, n, fen) for m, b, n, fen in rows]


def ledger_groups_scanned(session: Session, first: str, last: str) -> list[LedgerGroup]:
    """ledger_groups counted from the ledger itself (tests compare the two)."""
    rows = session.execute(text(
        f"SELECT g.month, {_month(session, 'p.birth_date')} AS b, count(*), sum(g.paid_fen)"
        " FROM ledger g JOIN people p ON p.id = g.person_id WHERE g.paid_fen > 0"
        f" AND g.month >= :first AND g.month <= :last GROUP BY g.month, {_month(session, 'p.birth_date')}"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [LedgerGroup(str(Month.from_index(m)), b, n, fen) for m, b, n, fen in rows]


class CorrectionGroup(NamedTuple):
    """Frozen rosters' arrears or recovery items of one month, birth month and kind."""

    month: str  # 'YYYY-MM' the items are for
    birth_month: int  # Month.index
    kind: str  # arrears | recovery
    fen: int


def frozen_correction_groups(session: Session, first: str,
                             last: str) -> list[CorrectionGroup]:
    """The arrears and recovery items of frozen rosters, months first..last (the month an
    item is for). Regular items are not read: per
    person and month the ledger is regular + arrears - recovery, so the caller derives them
    (a city's ledger holds millions of regular items; arrears and recoveries are few and have
    an index of their own, ix_roster_items_corrections)."""
    birth = _month(session, "p.birth_date")
    rows = session.execute(text(
        f"SELECT i.month, {birth} AS b, i.kind, sum(i.amount_fen) FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " JOIN people p ON p.id = l.person_id"
        f" WHERE i.kind <> {KIND_CODE[REGULAR]} AND r.status = 'frozen' AND i.month >= :first"
        f" AND i.month <= :last GROUP BY i.month, {birth}, i.kind"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [CorrectionGroup(str(Month.from_index(m)), b, KINDS[kind], fen)
            for m, b, kind, fen in rows]


class CardGroup(NamedTuple):
    """Cards issued in one month, of one type, for one reason."""

    month: str  # 'YYYY-MM' issued
    card_type: str  # blue | red
    reason: str  # new, or why reissued
    cards: int
    fee_fen: int | None  # None: no fees recorded


def card_groups(session: Session, first: str, last: str) -> list[CardGroup]:
    """Cards issued first..last by month, type and reason."""
    m = _month(session, "issued_on")
    rows = session.execute(text(
        f"SELECT {m} AS m, card_type, reason, count(*), sum(fee_fen) FROM cards"
        f" WHERE issued_on >= :lo AND issued_on < :hi GROUP BY {m}, card_type, reason"),
        _span_params(session, first, last))
    return [CardGroup(str(Month.from_index(m)), card_type, reason, n, fee)
            for m, card_type, reason, n, fee in rows]


class PickupGroup(NamedTuple):
    """Cards picked up in one month."""

    month: str  # 'YYYY-MM'
    cards: int


def pickup_groups(session: Session, first: str, last: str) -> list[PickupGroup]:
    """Cards picked up first..last, by month."""
    m = _month(session, "picked_up_on")
    rows = session.execute(text(
        f"SELECT {m} AS m, count(*) FROM cards WHERE picked_up_on IS NOT NULL"
        f" AND picked_up_on >= :lo AND picked_up_on < :hi GROUP BY {m}"),
        _span_params(session, first, last))
    return [PickupGroup(str(Month.from_index(m)), n) for m, n in rows]


def _span_params(session: Session, first: str, last: str) -> dict[str, object]:
    lo, hi = Month.parse(first).first_day(), (Month.parse(last) + 1).first_day()
    if _is_pg(session):
        return {"lo": lo, "hi": hi}
    return {"lo": lo.isoformat(), "hi": hi.isoformat()}
