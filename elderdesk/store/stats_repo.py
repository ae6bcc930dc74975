"""Statistics queries: one GROUP BY per figure, grouped finely enough that the service can map
ages to policy bands in Python (at most a few thousand groups each)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from elderdesk.domain.ledger import KIND_CODE, KINDS, REGULAR
from elderdesk.domain.months import Month, month_range

# Month index (year * 12 + month - 1) of an ISO date or month column, as Month.index counts it.
_IDX = "(CAST(substr({c}, 1, 4) AS INTEGER) * 12 + CAST(substr({c}, 6, 2) AS INTEGER) - 1)"
APPROVED = "e.approved_on IS NOT NULL AND e.status IN ('approved', 'stopped')"


def people_groups(session: Session, on: date) -> list[tuple[str | None, str, str, int, int]]:
    """(community, sex, status, age in full years on `on`, people) for people born by `on`."""
    rows = session.execute(text(
        "SELECT community, sex, status, :y - CAST(substr(birth_date, 1, 4) AS INTEGER)"
        " - (substr(birth_date, 6, 5) > :md) AS age, count(*) FROM people NOT INDEXED"
        " WHERE birth_date <= :on GROUP BY community, sex, status, age"),  # a scan, not 1M seeks
        {"y": on.year, "md": on.strftime("%m-%d"), "on": on.isoformat()})
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def latest_application_groups(session: Session) -> list[tuple[str | None, str, int]]:
    """(community, state of the person's latest application, people)."""
    rows = session.execute(text(
        "SELECT p.community, e.status, count(*) FROM enrollments e"
        " JOIN (SELECT max(id) AS id FROM enrollments GROUP BY person_id) l ON l.id = e.id"
        " JOIN people p ON p.id = e.person_id GROUP BY p.community, e.status"))
    return [(r[0], r[1], r[2]) for r in rows]


def enrollment_windows(session: Session) -> list[tuple[int, int, int, int | None, int]]:
    """Approved enrollments of people with one of them, grouped:
    (birth month index, approved month index, ended month index or None, 0, count); and of
    people with several, one row each: (birth, approved, ended, person id, 1)."""
    birth, approved, ended = (_IDX.format(c=c) for c in
                              ("p.birth_date", "e.approved_on", "e.ended_on"))
    multi = (f"SELECT e.person_id FROM enrollments e WHERE {APPROVED}"
             " GROUP BY e.person_id HAVING count(*) > 1")
    rows = session.execute(text(  # one statement: the people with several are found once
        f"WITH multi AS MATERIALIZED ({multi})"
        f" SELECT {birth} AS b, {approved} AS a, {ended} AS x, 0, count(*) FROM enrollments e"
        f" JOIN people p ON p.id = e.person_id WHERE {APPROVED}"
        " AND e.person_id NOT IN multi GROUP BY b, a, x"
        " UNION ALL"
        f" SELECT {birth}, {approved}, {ended}, e.person_id, 1 FROM enrollments e"
        f" JOIN people p ON p.id = e.person_id WHERE {APPROVED}"
        " AND e.person_id IN multi"))
    return [tuple(r) for r in rows]  # type: ignore[misc]


def ledger_groups(session: Session, first: str, last: str) -> list[tuple[str, int, int, int]]:
    """(month, birth month index, people paid, net fen) of the ledger, months first..last
    ('YYYY-MM'; the ledger holds Month.index).

    Millions of rows: grouping them by month and birth month took a sort of them all. Read in
    key order instead, one row per person: most were paid the same amount every month of one
    unbroken run, and such runs are grouped (birth month, first, last, amount: a few thousand)
    and spread over their months here; only the other people's rows are grouped by month."""
    birth = _IDX.format(c="p.birth_date")
    steady = "r.fen = r.top AND r.n = r.hi - r.lo + 1"
    rows = session.execute(text(
        "WITH r AS MATERIALIZED (SELECT g.person_id AS pid, min(g.month) AS lo,"
        " max(g.month) AS hi, count(*) AS n, min(g.paid_fen) AS fen, max(g.paid_fen) AS top"
        " FROM ledger g WHERE g.paid_fen > 0 AND g.month >= :first AND g.month <= :last"
        " GROUP BY g.person_id)"
        f" SELECT 1, {birth} AS b, r.lo, r.hi, r.fen, count(*) FROM r"
        f" JOIN people p ON p.id = r.pid WHERE {steady} GROUP BY b, r.lo, r.hi, r.fen"
        " UNION ALL"
        f" SELECT 0, {birth} AS b, g.month, g.month, count(*), sum(g.paid_fen) FROM r"
        " JOIN ledger g ON g.person_id = r.pid JOIN people p ON p.id = r.pid"
        f" WHERE NOT ({steady}) AND g.paid_fen > 0 AND g.month >= :first AND g.month <= :last"
        " GROUP BY b, g.month"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    names = {m.index: str(m) for m in month_range(Month.parse(first), Month.parse(last))}
    cells: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    for steady_run, b, lo, hi, x, y in rows:
        if steady_run:  # y people paid x fen every month lo..hi
            for m in range(lo, hi + 1):
                cell = cells[(names[m], b)]
                cell[0] += y
                cell[1] += y * x
        else:  # x people paid y fen in month lo
            cell = cells[(names[lo], b)]
            cell[0] += x
            cell[1] += y
    return [(month, b, n, fen) for (month, b), (n, fen) in cells.items()]


def frozen_correction_groups(session: Session, first: str,
                             last: str) -> list[tuple[str, int, str, int]]:
    """(month, birth month index, kind, fen) of the arrears and recovery items of frozen
    rosters, months first..last (the month an item is for). Regular items are not read: per
    person and month the ledger is regular + arrears - recovery, so the caller derives them
    (a city's ledger holds millions of regular items; arrears and recoveries are few)."""
    birth = _IDX.format(c="p.birth_date")
    rows = session.execute(text(
        f"SELECT i.month, {birth} AS b, i.kind, sum(i.amount_fen) FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " JOIN people p ON p.id = l.person_id"
        f" WHERE i.kind != {KIND_CODE[REGULAR]} AND r.status = 'frozen' AND i.month >= :first"
        " AND i.month <= :last GROUP BY i.month, b, i.kind"),
        {"first": Month.parse(first).index, "last": Month.parse(last).index})
    return [(str(Month.from_index(r[0])), r[1], KINDS[r[2]], r[3]) for r in rows]


def card_groups(session: Session, first: str, last: str) -> list[tuple[str, str, str, int, int]]:
    """(month issued, card type, reason, cards, fees in fen) for cards issued first..last."""
    rows = session.execute(text(
        "SELECT substr(issued_on, 1, 7) AS m, card_type, reason, count(*), sum(fee_fen)"
        " FROM cards WHERE substr(issued_on, 1, 7) BETWEEN :first AND :last"
        " GROUP BY m, card_type, reason"), {"first": first, "last": last})
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def pickup_groups(session: Session, first: str, last: str) -> list[tuple[str, int]]:
    """(month, cards picked up) for pick-ups first..last."""
    rows = session.execute(text(
        "SELECT substr(picked_up_on, 1, 7) AS m, count(*) FROM cards"
        " WHERE picked_up_on IS NOT NULL AND substr(picked_up_on, 1, 7) BETWEEN :first AND :last"
        " GROUP BY m"), {"first": first, "last": last})
    return [(r[0], r[1]) for r in rows]


def cover_groups(session: Session) -> list[tuple[str | None, int, int]]:
    """(community, month index of the latest proof of life or application, people) of the living
    people with an approved enrollment (proof of life: allowance-rules.md section 4)."""
    latest = ("max(coalesce((SELECT max(cert_date) FROM lifecerts c WHERE c.person_id = p.id),"
              " ''), CASE WHEN e.source = 'online' THEN '' ELSE e.applied_on END)")
    rows = session.execute(text(  # materialized: `latest` once a row, not once per use of it
        f"WITH w AS MATERIALIZED (SELECT p.community AS community, {latest} AS latest"
        " FROM enrollments e JOIN people p ON p.id = e.person_id"
        " WHERE e.status = 'approved' AND p.status = 'active')"
        f" SELECT community, {_IDX.format(c='latest')} AS m, count(*) FROM w GROUP BY community, m"))
    return [(r[0], r[1], r[2]) for r in rows]
