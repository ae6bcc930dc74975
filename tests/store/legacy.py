"""The store as the code of schema 0007 wrote and read it, for the migration tests: a database
of that revision is built by today's services with these few functions swapped in (the ones
migration 0008 changed: months and item kinds as text, proofs of life with a row id, the
clerk's name and ISO times), then upgraded and compared with what today's code reads."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import text

from elderdesk.domain.ledger import KINDS
from elderdesk.domain.months import Month, month_range
from elderdesk.store import allowance_repo, forms_repo, roster_repo, stats_repo
from elderdesk.store.roster_repo import raw_cursor

INDEX = "(CAST(substr({c}, 1, 4) AS INTEGER) * 12 + CAST(substr({c}, 6, 2) AS INTEGER) - 1)"
CODE = "(CASE {c} WHEN 'regular' THEN 0 WHEN 'arrears' THEN 1 ELSE 2 END)"


def _text_rows(first_line_id, lines):  # type: ignore[no-untyped-def]
    """Items as text, numbered as insert_lines numbers the lines (in person order)."""
    return [(first_line_id + n, str(Month.from_index(m)), KINDS[k], fen)
            for n, ln in enumerate(sorted(lines, key=lambda ln: ln.person_id))
            for m, k, fen in ln.rows]


def insert_lines(session, roster_id, first_line_id, lines, full=True):  # type: ignore[no-untyped-def]
    items = _text_rows(first_line_id, lines)
    bare = [replace(ln, rows=()) for ln in lines]  # 0008's snapshots and lines, no items
    NEW["insert_lines"](session, roster_id, first_line_id, bare, full)
    raw_cursor(session).executemany(
        "INSERT INTO roster_items (line_id, month, kind, amount_fen) VALUES (?, ?, ?, ?)", items)


class _Cursor:
    """The 0008 reads on a 0007 file: its text months and kinds seen as 0008 stores them."""

    def __init__(self, cur):  # type: ignore[no-untyped-def]
        self.cur = cur

    def execute(self, sql, *args):  # type: ignore[no-untyped-def]
        sql = sql.replace("group_concat(month || ':' || paid_fen)",
                          f"group_concat({INDEX.format(c='month')} || ':' || paid_fen)")
        sql = sql.replace("group_concat(month || ' ' || kind || ' ' || amount_fen)",
                          f"group_concat({INDEX.format(c='month')} || ' ' || "
                          f"{CODE.format(c='kind')} || ' ' || amount_fen)")
        return self.cur.execute(sql, *args)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.cur, name)


def reading(fn):  # type: ignore[no-untyped-def]
    def read(session, *args):  # type: ignore[no-untyped-def]
        real = roster_repo.raw_cursor
        roster_repo.raw_cursor = lambda s: _Cursor(real(s))
        try:
            return fn(session, *args)
        finally:
            roster_repo.raw_cursor = real
    return read


def apply_to_ledger(session, roster_id):  # type: ignore[no-untyped-def]
    """0007's freeze: text kinds and months."""
    cur = raw_cursor(session)
    cur.execute(
        "INSERT INTO ledger (person_id, month, paid_fen) "
        "SELECT l.person_id, i.month, CASE i.kind WHEN 'recovery' THEN -i.amount_fen "
        "ELSE i.amount_fen END FROM roster_lines l JOIN roster_items i ON i.line_id = l.id "
        "WHERE l.roster_id = ? "
        "ON CONFLICT (person_id, month) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen",
        (roster_id,))
    cur.execute("DELETE FROM ledger WHERE paid_fen = 0")
    cur.execute(
        "INSERT INTO recoveries (person_id, roster_id, period, month, amount_fen) "
        "SELECT l.person_id, r.id, r.period, i.month, i.amount_fen FROM roster_items i "
        "JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id "
        "WHERE r.id = ? AND i.kind = 'recovery'", (roster_id,))


def ledger_by_person_id(session, person_id):  # type: ignore[no-untyped-def]
    return dict(session.execute(text(
        "SELECT month, paid_fen FROM ledger WHERE person_id = :p ORDER BY month"),
        {"p": person_id}).all())


def add_lifecert(session, person_id, on, user_name, at):  # type: ignore[no-untyped-def]
    session.execute(text(
        "INSERT INTO lifecerts (person_id, cert_date, recorded_by, recorded_at) "
        "VALUES (:p, :d, :u, :a)"),
        {"p": person_id, "d": on.isoformat(), "u": user_name, "a": f"{at:%Y-%m-%d %H:%M:%S.%f}"})


def insert_lifecerts(session, rows):  # type: ignore[no-untyped-def]
    names = dict(session.execute(text("SELECT id, name FROM users")).all())
    session.connection().exec_driver_sql(
        "INSERT INTO lifecerts (person_id, cert_date, recorded_by, recorded_at) "
        "VALUES (?, ?, ?, ?)",
        [(pid, on.isoformat(), names.get(user, "system"), f"{at:%Y-%m-%d %H:%M:%S.%f}")
         for pid, on, user, at in rows])


# Month index of an ISO date or month text column (the statistics' SQL before 0012).
_IDX = "(CAST(substr({c}, 1, 4) AS INTEGER) * 12 + CAST(substr({c}, 6, 2) AS INTEGER) - 1)"


def ledger_groups(session, first, last):  # type: ignore[no-untyped-def]
    """0007's: text months compared as text."""
    idx = _IDX
    birth = idx.format(c="p.birth_date")
    steady = f"r.fen = r.top AND r.n = {idx.format(c='r.hi')} - {idx.format(c='r.lo')} + 1"
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
        " GROUP BY b, g.month"), {"first": first, "last": last})
    cells: dict = defaultdict(lambda: [0, 0])
    for steady_run, b, lo, hi, x, y in rows:
        if steady_run:
            for m in month_range(Month.parse(lo), Month.parse(hi)):
                cell = cells[(str(m), b)]
                cell[0] += y
                cell[1] += y * x
        else:
            cell = cells[(lo, b)]
            cell[0] += x
            cell[1] += y
    return [stats_repo.LedgerGroup(month, b, n, fen) for (month, b), (n, fen) in cells.items()]


def frozen_correction_groups(session, first, last):  # type: ignore[no-untyped-def]
    birth = _IDX.format(c="p.birth_date")
    rows = session.execute(text(
        f"SELECT i.month, {birth} AS b, i.kind, sum(i.amount_fen) FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " JOIN people p ON p.id = l.person_id"
        " WHERE i.kind != 'regular' AND r.status = 'frozen' AND i.month >= :first"
        " AND i.month <= :last GROUP BY i.month, b, i.kind"), {"first": first, "last": last})
    return [stats_repo.CorrectionGroup._make(r) for r in rows]


def people_groups(session, on, ages):  # type: ignore[no-untyped-def]
    """Before 0012's counts: one grouped scan of people by age, mapped to the age levels."""
    rows = session.execute(text(
        "SELECT community, sex, status, :y - CAST(substr(birth_date, 1, 4) AS INTEGER)"
        " - (substr(birth_date, 6, 5) > :md) AS age, count(*) FROM people NOT INDEXED"
        " WHERE birth_date <= :on GROUP BY community, sex, status, age"),
        {"y": on.year, "md": on.strftime("%m-%d"), "on": on.isoformat()})
    out: dict = defaultdict(int)
    for community, sex, status, age, n in rows:
        out[(community, sex, status, max(i for i, low in enumerate(ages) if age >= low))] += n
    return [stats_repo.PeopleGroup(*key, n) for key, n in out.items()]


def roster_items(session, person_id):  # type: ignore[no-untyped-def]
    rows = session.execute(text(
        "SELECT r.period, r.status, i.month, i.kind, i.amount_fen FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " WHERE l.person_id = :p ORDER BY r.period, r.status DESC, i.month, i.kind"),
        {"p": person_id})
    return [forms_repo.RosterItem(r[0], r[1], r[2], r[3], r[4]) for r in rows]


NEW = {"insert_lines": roster_repo.insert_lines}
SWAPS = [
    (roster_repo, "insert_lines", insert_lines),
    (roster_repo, "roster_facts", reading(roster_repo.roster_facts)),
    (roster_repo, "load_lines", reading(roster_repo.load_lines)),
    (roster_repo, "apply_to_ledger", apply_to_ledger),
    (roster_repo, "ledger_by_person_id", ledger_by_person_id),
    (allowance_repo, "add_lifecert", add_lifecert),
    (allowance_repo, "insert_lifecerts", insert_lifecerts),
    (stats_repo, "people_groups", people_groups),
    (stats_repo, "ledger_groups", ledger_groups),
    (stats_repo, "frozen_correction_groups", frozen_correction_groups),
    (forms_repo, "roster_items", roster_items),
]


def use_0007_store(mp) -> None:  # type: ignore[no-untyped-def]
    """Swap the 0007 versions in (a pytest monkeypatch context undoes it)."""
    for module, name, fn in SWAPS:
        mp.setattr(module, name, fn)


def people_as_0007(session) -> None:  # type: ignore[no-untyped-def]
    """People and applications as 0007's ORM wrote them: the household address in full, times
    as ISO text with microseconds."""
    iso = ("substr({c}, 1, 4) || '-' || substr({c}, 5, 2) || '-' || substr({c}, 7, 2) || ' ' || "
           "substr({c}, 9, 2) || ':' || substr({c}, 11, 2) || ':' || substr({c}, 13, 2) || "
           "'.000000'")
    session.execute(text(
        "UPDATE people SET household_address = CASE household_address WHEN '' THEN "
        "current_address ELSE household_address END, "
        f"created_at = {iso.format(c='created_at')}, updated_at = {iso.format(c='updated_at')} "
        "WHERE typeof(created_at) = 'integer'"))
    session.execute(text(f"UPDATE enrollments SET created_at = {iso.format(c='created_at')} "
                         "WHERE typeof(created_at) = 'integer'"))



def history_rows(services) -> dict:  # type: ignore[no-untyped-def]
    """Ledger, roster items and proofs of life, in 0007's terms whatever the revision."""
    def month(m):  # type: ignore[no-untyped-def]
        return m if isinstance(m, str) else str(Month.from_index(m))

    def kind(k):  # type: ignore[no-untyped-def]
        return k if isinstance(k, str) else KINDS[k]

    with services.db.read() as s:
        cols = {r[1] for r in s.execute(text("PRAGMA table_info(lifecerts)"))}
        clerk = "c.recorded_by" if "recorded_by" in cols else \
            "coalesce((SELECT u.name FROM users u WHERE u.id = c.user_id), 'system')"
        return {
            "ledger": sorted((p, month(m), fen) for p, m, fen in s.execute(text(
                "SELECT person_id, month, paid_fen FROM ledger"))),
            "items": sorted((r, p, month(m), kind(k), fen) for r, p, m, k, fen in s.execute(text(
                "SELECT l.roster_id, l.person_id, i.month, i.kind, i.amount_fen FROM roster_items"
                " i JOIN roster_lines l ON l.id = i.line_id"))),
            # one per person and day (0008 keeps the first recorded of a day)
            "certs": sorted({(p, d): (p, d, who) for p, d, who in reversed(s.execute(text(
                f"SELECT c.person_id, c.cert_date, {clerk} FROM lifecerts c ORDER BY 1, 2"
                + (", c.id" if "id" in cols else ""))).all())}.values()),
        }



# Today's ORM reads and writes columns later migrations added (people.office of 0011, the
# district columns of 0010 ...): an office built at an older revision gets them while the test
# fills it (nullable, or with their server default) and loses them again before the upgrade.
_ADDED: dict[str, list[tuple[str, str]]] = {}


def add_orm_columns(db, path) -> None:  # type: ignore[no-untyped-def]
    import elderdesk.store.orm_allowance
    import elderdesk.store.orm_cards
    import elderdesk.store.orm_exchange
    import elderdesk.store.orm_receipts  # noqa: F401  (every table in the metadata)
    from elderdesk.store.orm import Base

    added = _ADDED.setdefault(str(path), [])
    with db.write() as s:
        for table in Base.metadata.sorted_tables:
            have = {r[1] for r in s.execute(text(f"PRAGMA table_info({table.name})"))}
            for col in table.columns if have else ():  # (a table of a later revision: none)
                if col.name in have:
                    continue
                kind = col.type.compile(dialect=s.get_bind().dialect)
                default = col.server_default.arg if col.server_default is not None else None
                tail = f" NOT NULL DEFAULT '{default}'" if isinstance(default, str) else ""
                s.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {col.name} {kind}{tail}"))
                added.append((table.name, col.name))


def drop_orm_columns(path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        for table, column in reversed(_ADDED.pop(str(path), [])):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.commit()
    finally:
        conn.close()
