"""Counts kept as the data changes, for the statistics page (issue 13, P13).

- `stats_people`: people by community, sex, status and birth month (the register's figures;
  store/stats_repo.people_groups). Kept by triggers on `people` (insert, delete, a change of
  those columns), so every writer (the services, the bulk import, the exchange) keeps it.
- `stats_ledger`: the ledger by month and birth month of the person: rows paid (> 0) and
  their sum (the money figures). Kept by triggers on `ledger` (the freeze is its only writer)
  and on a change of a person's birth date.
- `ix_roster_items_corrections`: the arrears and recovery items (a partial index: the few
  items that are not regular), read by the money figures instead of every item.

Community NULL is kept apart from '' (`known` = 0). Rows whose count falls to zero stay (the
reader skips them). The upgrade fills both tables from the data.
"""

from alembic import op

from elderdesk.store import ddl

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

PEOPLE_KEY = "community, known, sex, status, birth_month"


def _month(col: str) -> str:
    """Month index (year * 12 + month - 1) of a date column."""
    if ddl.is_pg():
        return (f"(CAST(EXTRACT(YEAR FROM {col}) AS INTEGER) * 12"
                f" + CAST(EXTRACT(MONTH FROM {col}) AS INTEGER) - 1)")
    return (f"(CAST(substr({col}, 1, 4) AS INTEGER) * 12"
            f" + CAST(substr({col}, 6, 2) AS INTEGER) - 1)")


def _person(r: str, n: str) -> str:
    """Add n to the count of person row `r` (new or old)."""
    return (f"INSERT INTO stats_people ({PEOPLE_KEY}, n) VALUES (coalesce({r}.community, ''),"
            f" CASE WHEN {r}.community IS NULL THEN 0 ELSE 1 END, {r}.sex, {r}.status,"
            f" {_month(r + '.birth_date')}, {n}) ON CONFLICT ({PEOPLE_KEY})"
            f" DO UPDATE SET n = stats_people.n + excluded.n;")


def _paid(r: str, sign: str) -> str:
    """Add (sign) ledger row `r` to its month and the person's birth month."""
    pos = f"CASE WHEN {r}.paid_fen > 0 THEN {sign}1 ELSE 0 END"
    fen = f"CASE WHEN {r}.paid_fen > 0 THEN {sign}{r}.paid_fen ELSE 0 END"
    return (f"INSERT INTO stats_ledger (month, birth_month, people, fen) SELECT {r}.month,"
            f" {_month('p.birth_date')}, {pos}, {fen} FROM people p"
            f" WHERE p.id = {r}.person_id ON CONFLICT (month, birth_month) DO UPDATE SET"
            " people = stats_ledger.people + excluded.people,"
            " fen = stats_ledger.fen + excluded.fen;")


def _moved(r: str, sign: str) -> str:
    """Add (sign) every ledger row of person row `r` under its birth month."""
    return (f"INSERT INTO stats_ledger (month, birth_month, people, fen) SELECT g.month,"
            f" {_month(r + '.birth_date')}, {sign}sum(CASE WHEN g.paid_fen > 0 THEN 1 ELSE 0"
            f" END), {sign}sum(CASE WHEN g.paid_fen > 0 THEN g.paid_fen ELSE 0 END) FROM ledger g"
            f" WHERE g.person_id = {r}.id"
            " GROUP BY g.month ON CONFLICT (month, birth_month) DO UPDATE SET"
            " people = stats_ledger.people + excluded.people,"
            " fen = stats_ledger.fen + excluded.fen;")


def _trigger(name: str, table: str, timing: str, body: str, when: str | None = None) -> None:
    """A row trigger running `body` (new./old. in both dialects) when `when` holds."""
    if not ddl.is_pg():
        cond = f" WHEN {when}" if when else ""
        op.execute(f"CREATE TRIGGER {name} {timing} ON {table}{cond} BEGIN {body} END")
        return
    op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN {body} RETURN NULL; END $$")
    cond = f" WHEN ({when.replace(' IS NOT ', ' IS DISTINCT FROM ')})" if when else ""
    op.execute(f"CREATE TRIGGER {name} {timing} ON {table} FOR EACH ROW{cond} "
               f"EXECUTE FUNCTION {name}()")


def _sqlite_row_triggers() -> None:
    changed = " OR ".join(f"old.{c} IS NOT new.{c}"
                          for c in ("community", "sex", "status", "birth_date"))
    _trigger("stats_people_ai", "people", "AFTER INSERT", _person("new", "1"))
    _trigger("stats_people_ad", "people", "AFTER DELETE", _person("old", "-1"))
    _trigger("stats_people_au", "people", "AFTER UPDATE OF community, sex, status, birth_date",
             _person("old", "-1") + " " + _person("new", "1"), changed)
    _trigger("stats_ledger_birth", "people", "AFTER UPDATE OF birth_date",
             _moved("old", "-") + " " + _moved("new", ""), "old.birth_date IS NOT new.birth_date")
    _trigger("stats_ledger_ai", "ledger", "AFTER INSERT", _paid("new", ""))
    _trigger("stats_ledger_ad", "ledger", "AFTER DELETE", _paid("old", "-"))
    _trigger("stats_ledger_au", "ledger", "AFTER UPDATE", _paid("old", "-") + " " + _paid("new", ""))


# PostgreSQL: statement triggers over the transition tables, one grouped upsert per statement
# (a freeze writes a city's 800,000 ledger rows in one statement: a row trigger ran over three
# minutes; COPY of people likewise). The SQLite row triggers above do the same per row.
_ADD_PEOPLE = (f"INSERT INTO stats_people ({PEOPLE_KEY}, n) SELECT coalesce(community, ''),"
               " CASE WHEN community IS NULL THEN 0 ELSE 1 END, sex, status, {b} AS b,"
               " sum(n) FROM ({rows}) r GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0"
               f" ON CONFLICT ({PEOPLE_KEY}) DO UPDATE SET n = stats_people.n + excluded.n;")
_ADD_LEDGER = ("INSERT INTO stats_ledger (month, birth_month, people, fen) SELECT month, b,"
               " sum(people), sum(fen) FROM ({rows}) r GROUP BY 1, 2"
               " HAVING sum(people) <> 0 OR sum(fen) <> 0 ON CONFLICT (month, birth_month)"
               " DO UPDATE SET people = stats_ledger.people + excluded.people,"
               " fen = stats_ledger.fen + excluded.fen;")


def _people_rows(table: str, n: str) -> str:
    return f"SELECT community, sex, status, birth_date, {n} AS n FROM {table}"


def _ledger_rows(table: str, sign: str) -> str:
    return (f"SELECT t.month, {_month('p.birth_date')} AS b,"
            f" {sign}(CASE WHEN t.paid_fen > 0 THEN 1 ELSE 0 END) AS people,"
            f" {sign}(CASE WHEN t.paid_fen > 0 THEN t.paid_fen ELSE 0 END) AS fen"
            f" FROM {table} t JOIN people p ON p.id = t.person_id")


def _statement_trigger(name: str, table: str, event: str, tables: str, body: str) -> None:
    op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN {body} RETURN NULL; END $$")
    op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables}"
               f" FOR EACH STATEMENT EXECUTE FUNCTION {name}()")


def _pg_statement_triggers() -> None:
    b = _month("birth_date")
    _statement_trigger("stats_people_ai", "people", "INSERT", "NEW TABLE AS nt",
                       _ADD_PEOPLE.format(b=b, rows=_people_rows("nt", "1")))
    _statement_trigger("stats_people_ad", "people", "DELETE", "OLD TABLE AS ot",
                       _ADD_PEOPLE.format(b=b, rows=_people_rows("ot", "-1")))
    _statement_trigger(  # the rows' old values out, the new in (unchanged ones cancel out)
        "stats_people_au", "people", "UPDATE", "OLD TABLE AS ot NEW TABLE AS nt",
        _ADD_PEOPLE.format(b=b, rows=_people_rows("ot", "-1") + " UNION ALL "
                           + _people_rows("nt", "1")))
    moved = ("SELECT g.month, {m} AS b, {s}(CASE WHEN g.paid_fen > 0 THEN 1 ELSE 0 END) AS"
             " people, {s}(CASE WHEN g.paid_fen > 0 THEN g.paid_fen ELSE 0 END) AS fen"
             " FROM ot JOIN nt ON nt.id = ot.id JOIN ledger g ON g.person_id = ot.id"
             " WHERE ot.birth_date IS DISTINCT FROM nt.birth_date")
    _statement_trigger(
        "stats_ledger_birth", "people", "UPDATE", "OLD TABLE AS ot NEW TABLE AS nt",
        _ADD_LEDGER.format(rows=moved.format(m=_month("ot.birth_date"), s="-") + " UNION ALL "
                           + moved.format(m=_month("nt.birth_date"), s="")))
    _statement_trigger("stats_ledger_ai", "ledger", "INSERT", "NEW TABLE AS nt",
                       _ADD_LEDGER.format(rows=_ledger_rows("nt", "")))
    _statement_trigger("stats_ledger_ad", "ledger", "DELETE", "OLD TABLE AS ot",
                       _ADD_LEDGER.format(rows=_ledger_rows("ot", "-")))
    _statement_trigger(
        "stats_ledger_au", "ledger", "UPDATE", "OLD TABLE AS ot NEW TABLE AS nt",
        _ADD_LEDGER.format(rows=_ledger_rows("ot", "-") + " UNION ALL "
                           + _ledger_rows("nt", "")))


def upgrade() -> None:
    ddl.table("CREATE TABLE stats_people (community VARCHAR(64) NOT NULL, known INTEGER NOT NULL,"
              " sex VARCHAR(1) NOT NULL, status VARCHAR(10) NOT NULL, birth_month INTEGER NOT NULL,"
              f" n INTEGER NOT NULL, PRIMARY KEY ({PEOPLE_KEY})) WITHOUT ROWID")
    ddl.table("CREATE TABLE stats_ledger (month INTEGER NOT NULL, birth_month INTEGER NOT NULL,"
              " people INTEGER NOT NULL, fen BIGINT NOT NULL, PRIMARY KEY (month, birth_month))"
              " WITHOUT ROWID")
    op.execute(f"INSERT INTO stats_people ({PEOPLE_KEY}, n) SELECT coalesce(community, ''),"
               f" CASE WHEN community IS NULL THEN 0 ELSE 1 END, sex, status,"
               f" {_month('birth_date')} AS b, count(*) FROM people"
               " GROUP BY coalesce(community, ''), CASE WHEN community IS NULL THEN 0 ELSE 1 END,"
               " sex, status, b")
    op.execute(f"INSERT INTO stats_ledger (month, birth_month, people, fen) SELECT g.month,"
               f" {_month('p.birth_date')} AS b, sum(CASE WHEN g.paid_fen > 0 THEN 1 ELSE 0 END),"
               " sum(g.paid_fen) FROM ledger g JOIN people p ON p.id = g.person_id"
               " WHERE g.paid_fen > 0 GROUP BY g.month, b")
    if ddl.is_pg():
        _pg_statement_triggers()
    else:
        _sqlite_row_triggers()
    op.execute("CREATE INDEX ix_roster_items_corrections ON roster_items (kind, line_id, month)"
               " WHERE kind <> 0")


def downgrade() -> None:
    op.execute("DROP INDEX ix_roster_items_corrections")
    for name, table in (("stats_people_ai", "people"), ("stats_people_ad", "people"),
                        ("stats_people_au", "people"), ("stats_ledger_birth", "people"),
                        ("stats_ledger_ai", "ledger"), ("stats_ledger_ad", "ledger"),
                        ("stats_ledger_au", "ledger")):
        if ddl.is_pg():
            op.execute(f"DROP TRIGGER {name} ON {table}")
            op.execute(f"DROP FUNCTION {name}()")
        else:
            op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE stats_ledger")
    op.execute("DROP TABLE stats_people")
