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


def people_groups(session: Session, on: date,
                  ages: tuple[int, ...]) -> list[tuple[str | None, str, str, int, int]]:
    """(community, sex, status, level, people) for people born by `on`: level is the index in
    `ages` (ascending, ages[0] = 0) of the highest age reached on `on` (in full years).

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
    return [(c, sex, status, k - 1, n) for (c, sex, status, k), n in count.items() if n]


class Enrollees(NamedTuple):
    """The enrollee figures of one pass over the applications (see enrollee_groups)."""

    latest: list[tuple[str | None, str, int]]
    windows: list[tuple[int, int, int | None, int, int]]
    cover: list[tuple[str | None, int, int]]


def enrollee_groups(session: Session) -> Enrollees:
    """Every application read once with its person (community, birth month, status) and, for
    the approved ones of living people, the latest proof of life; grouped three ways:

    - latest: (community, state of the person's latest application, people);
    - windows: approved enrollments (approved or stopped) of people with one of them, grouped:
      (birth month index, approved month index, ended month index or None, 0, count); of people
      with several, one row per distinct window: (birth, approved, ended, person id, 1);
    - cover: (community, month index of the latest proof of life or application (-1: none),
      people) of the living people with an approved enrollment (allowance-rules.md section 4;
      an online application is no proof of life).

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
    windows = []
    for kind, community, state, b, a, x, person, n in rows:
        if kind == 0:
            if b:  # the person's latest application
                states[(community, state)] += n
            if a is not None:  # approved, living: the month of the latest proof
                cover[(community, a)] += n
        else:
            windows.append((b, a, x, person, n))
    return Enrollees([(c, st, n) for (c, st), n in states.items()], windows,
                     [(c, month, n) for (c, month), n in cover.items()])


def ledger_groups(session: Session, first: str, last: str) -> list[tuple[str, int, int, int]]:
    """(month, birth month index, people paid, net fen) of the ledger, months first..last
    ('YYYY-MM'), from `stats_ledger` (the ledger's rows above zero by month and birth month,
    kept by triggers on the ledger)."""
    rows = session.execute(text(
        "SELECT month, birth_month, people, fen FROM stats_ledger"
        " WHERE month >= :first AND month <= :last AND people > 0"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [(str(Month.from_index(m)), b, n, fen) for m, b, n, fen in rows]


def ledger_groups_scanned(session: Session, first: str,
                          last: str) -> list[tuple[str, int, int, int]]:
    """ledger_groups counted from the ledger itself (tests compare the two)."""
    rows = session.execute(text(
        f"SELECT g.month, {_month(session, 'p.birth_date')} AS b, count(*), sum(g.paid_fen)"
        " FROM ledger g JOIN people p ON p.id = g.person_id WHERE g.paid_fen > 0"
        f" AND g.month >= :first AND g.month <= :last GROUP BY g.month, {_month(session, 'p.birth_date')}"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [(str(Month.from_index(m)), b, n, fen) for m, b, n, fen in rows]


def frozen_correction_groups(session: Session, first: str,
                             last: str) -> list[tuple[str, int, str, int]]:
    """(month, birth month index, kind, fen) of the arrears and recovery items of frozen
    rosters, months first..last (the month an item is for). Regular items are not read: per
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
    return [(str(Month.from_index(r[0])), r[1], KINDS[r[2]], r[3]) for r in rows]


def card_groups(session: Session, first: str, last: str) -> list[tuple[str, str, str, int, int]]:
    """(month issued, card type, reason, cards, fees in fen) for cards issued first..last."""
    m = _month(session, "issued_on")
    rows = session.execute(text(
        f"SELECT {m} AS m, card_type, reason, count(*), sum(fee_fen) FROM cards"
        f" WHERE issued_on >= :lo AND issued_on < :hi GROUP BY {m}, card_type, reason"),
        _span_params(session, first, last))
    return [(str(Month.from_index(r[0])), r[1], r[2], r[3], r[4]) for r in rows]


def pickup_groups(session: Session, first: str, last: str) -> list[tuple[str, int]]:
    """(month, cards picked up) for pick-ups first..last."""
    m = _month(session, "picked_up_on")
    rows = session.execute(text(
        f"SELECT {m} AS m, count(*) FROM cards WHERE picked_up_on IS NOT NULL"
        f" AND picked_up_on >= :lo AND picked_up_on < :hi GROUP BY {m}"),
        _span_params(session, first, last))
    return [(str(Month.from_index(r[0])), r[1]) for r in rows]


def _span_params(session: Session, first: str, last: str) -> dict[str, object]:
    lo, hi = Month.parse(first).first_day(), (Month.parse(last) + 1).first_day()
    if _is_pg(session):
        return {"lo": lo, "hi": hi}
    return {"lo": lo.isoformat(), "hi": hi.isoformat()}
