"""PostgreSQL as the office server (issue 14): URLs, faults, `init`, one schema on both engines."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, inspect
from sqlalchemy.types import TypeDecorator

from elderdesk.paths import is_url, masked
from elderdesk.store.orm import Base
from elderdesk.store.pg import engine_url
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD

INIT = ("init", "--region", "420103", "--office", "江汉区民意街道", "--admin", "admin")


@pytest.fixture
def run_pg(pg_empty_url, monkeypatch) -> Runner:
    return Runner(pg_empty_url, monkeypatch)  # type: ignore[arg-type]


def test_urls_are_never_file_names_and_passwords_never_shown():
    assert is_url("postgresql://u:p@h/db") and is_url(" postgres://u@h:5433/db")
    assert not is_url("postgresql.db") and not is_url("C:/data/postgres://x")
    assert masked("postgresql://clerk:s3cr3t@10.0.0.5:5432/office") == \
        "postgresql://clerk:***@10.0.0.5:5432/office"
    assert masked("postgres://clerk@10.0.0.5/office") == "postgres://clerk@10.0.0.5/office"
    assert engine_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"


def test_init_creates_the_office_then_refuses_a_second_init(run_pg):
    r = run_pg(*INIT, user=None)
    assert r.status == 0, r.err
    r = run_pg("user", "list", "--json")
    assert r.status == 0, r.err
    assert [u["name"] for u in r.json["users"]] == ["admin"]
    assert run_pg("audit", "verify").status == 0
    r = run_pg(*INIT, user=None)
    assert r.status == 4 and r.err.startswith("PG_ALREADY_ELDERDESK"), r.err


def test_a_database_of_another_program_is_left_alone(run_pg, pg_cluster):
    name = run_pg.db.rsplit("/", 1)[1]
    pg_cluster.sql("CREATE TABLE invoices (id int)", dbname=name)
    for argv in (INIT, ("user", "list")):
        r = run_pg(*argv, user=None if argv is INIT else "admin")
        assert r.status == 4 and r.err.startswith("PG_NOT_ELDERDESK"), r.err
        assert "invoices" in r.err and "CREATE DATABASE" in r.err


@pytest.mark.parametrize("fault", ["unreachable", "no_database", "no_role"])
def test_server_faults_exit_2_with_the_password_masked(fault, pg_cluster, monkeypatch, caplog,
                                                       tmp_path):
    port = {"unreachable": 1}.get(fault, pg_cluster.port)
    user = "nobody" if fault == "no_role" else "postgres"
    db = "missing_db" if fault == "no_database" else "postgres"
    url = f"postgresql://{user}:Sekret-99@127.0.0.1:{port}/{db}"
    monkeypatch.setenv("ELDERDESK_LOG_DIR", str(tmp_path))
    with caplog.at_level(logging.DEBUG):
        r = Runner(url, monkeypatch)("user", "list")  # type: ignore[arg-type]
    code = {"unreachable": "PG_UNREACHABLE", "no_database": "PG_DB_MISSING",
            "no_role": "PG_LOGIN_REFUSED"}[fault]
    assert r.status == 2 and r.err.startswith(code), r.err
    assert "***" in r.err
    assert "Sekret-99" not in r.err + r.out + caplog.text


def test_missing_rights_exit_4_naming_the_sql(pg_cluster, monkeypatch):
    """A role that owns nothing: pg_trgm (and the tables) cannot be created."""
    name = pg_cluster.create()
    pg_cluster.sql("DROP ROLE IF EXISTS weak")
    pg_cluster.sql("CREATE ROLE weak LOGIN")
    try:
        r = Runner(pg_cluster.url(name, user="weak"), monkeypatch)(*INIT, user=None)  # type: ignore[arg-type]
        assert r.status == 4 and r.err.startswith("PG_RIGHTS"), r.err
        assert "CREATE EXTENSION pg_trgm" in r.err
        # the extension made by the administrator: now the schema rights are missing
        pg_cluster.sql("CREATE EXTENSION pg_trgm", dbname=name)
        r = Runner(pg_cluster.url(name, user="weak"), monkeypatch)(*INIT, user=None)  # type: ignore[arg-type]
        assert r.status == 4 and r.err.startswith("PG_RIGHTS"), r.err
        assert "GRANT" in r.err
    finally:
        pg_cluster.drop(name)
        pg_cluster.sql("DROP ROLE IF EXISTS weak")


def _family(t, dialect) -> str:  # type: ignore[no-untyped-def]
    if isinstance(t, TypeDecorator):
        t = t.load_dialect_impl(dialect)
    name = type(t).__name__.upper()
    for family, words in (("int", ("INT", "SERIAL")), ("text", ("TEXT", "CLOB")),
                          ("str", ("CHAR", "STRING")), ("datetime", ("DATETIME", "TIMESTAMP")),
                          ("date", ("DATE",)), ("bytes", ("BLOB", "BINARY", "BYTEA")),
                          ("bool", ("BOOL",))):
        if any(w in name for w in words):
            return family
    return name


def _reflect(url: str) -> dict:
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        out = {}
        for table in insp.get_table_names():
            if table.startswith("people_id_fts") or table == "alembic_version":
                continue  # SQLite's FTS5 tables: a pg_trgm index on PostgreSQL
            cols = {c["name"]: _family(c["type"], engine.dialect)
                    for c in insp.get_columns(table)}
            pk = tuple(insp.get_pk_constraint(table)["constrained_columns"])
            idx = {(i["name"], tuple(i["column_names"]), bool(i["unique"]))
                   for i in insp.get_indexes(table)
                   if i["name"] != "ix_people_id_trgm" and not i.get("duplicates_constraint")}
            out[table] = (cols, pk, idx)
        return out
    finally:
        engine.dispose()


def test_one_schema_on_both_engines_as_the_orm_says(db_path, pg_url):
    sqlite = _reflect(f"sqlite:///{db_path}")
    pg = _reflect(str(engine_url(pg_url)))
    assert set(sqlite) == set(pg) == set(Base.metadata.tables)
    pg_dialect = create_engine("postgresql+psycopg://").dialect
    sqlite_dialect = create_engine("sqlite://").dialect
    for name, table in Base.metadata.tables.items():
        for reflected, dialect in ((sqlite, sqlite_dialect), (pg, pg_dialect)):
            cols, pk, idx = reflected[name]
            want = {c.name: _family(c.type, dialect) for c in table.columns}
            assert cols == want, (name, dialect.name)
            assert set(pk) == {c.name for c in table.primary_key.columns}, (name, dialect.name)
        # indexes: the same names, columns and uniqueness on both
        assert sqlite[name][2] == pg[name][2], name
        orm_idx = {i.name for i in table.indexes}
        assert orm_idx <= {i[0] for i in pg[name][2]}, name


def test_pg_triggers_keep_the_audit_log_append_only(pg_url):
    from sqlalchemy.exc import DBAPIError

    from elderdesk.store import schema

    db = schema.open_existing(pg_url)
    try:
        for sql in ("UPDATE audit_log SET operator = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
                conn.exec_driver_sql(sql)
    finally:
        db.close()


def test_password_from_pgpassword(pg_cluster, monkeypatch):
    """libpq's own sources (PGPASSWORD, ~/.pgpass) are used: the URL needs no password."""
    monkeypatch.setenv("PGPASSWORD", "not-needed-under-trust")
    name = pg_cluster.create()
    try:
        r = Runner(pg_cluster.url(name), monkeypatch)(*INIT, user=None)  # type: ignore[arg-type]
        assert r.status == 0, r.err
        assert "not-needed" not in r.out + r.err
    finally:
        pg_cluster.drop(name)


ADMIN = ADMIN_PASSWORD
