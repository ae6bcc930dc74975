"""`backup restore` into an empty server database (issue 14, multi-office.md "Backups"): after a
disaster the office makes a new empty database and role on a new server, points the program at
it and restores its last dump. The dump is checked as for any restore; the login is checked
against the dump's users (the empty database has none, as a missing SQLite file); the restored
office has the same rows and money, `audit verify` is ok, and numbering goes on (the next card
number, new people). A database holding another program's tables is refused, nothing changed."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD, PASSWORD
from tests.helpers import make_id
from tests.safety.test_pg_backup import audit_rows, fingerprint

ROLE = "office_new"  # the new server's role: no superuser, owner of the empty database
MONEY = {  # the money an office keeps, each a sum of fen
    "roster_lines": "paid_fen", "roster_items": "amount_fen", "ledger": "paid_fen",
    "rosters": "regular_fen + arrears_fen"}


@pytest.fixture(scope="module")
def office_and_dump(pg_cluster, pg_office_template, tmp_path_factory):
    """An office on the server with people, applications, two frozen quarters and cards, and
    its dump made by `backup create` (once per module)."""
    from elderdesk.demo.generator import DemoService

    folder = tmp_path_factory.mktemp("pg_restore_empty")
    name = pg_cluster.create(pg_office_template)
    url = pg_cluster.url(name)
    services = Services.open(url)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        services.users.add(admin, "clerk1", ["clerk"], PASSWORD)
        services.users.add(admin, "former", ["admin"], PASSWORD)
        services.users.disable(admin, "former")  # an admin who left: no restore either
        clerk = services.users.authenticate("clerk1", PASSWORD)
        DemoService(services.db).fill(admin, 300, seed=3, enrolled=60, quarters=2)
        cards = issue(services, clerk, 3)
    finally:
        services.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_PC_CONFIG", str(folder / "pc.json"))
        dump = folder / "office.dump"
        r = Runner(url, mp)("backup", "create", str(dump))  # type: ignore[arg-type]
        assert r.status == 0, r.err
    return url, dump, cards


@pytest.fixture
def empty_db(pg_cluster):
    """A new empty database owned by a role of its own (as the office's administrator makes
    it on a new server): its URL as that role."""
    pg_cluster.sql(f"DO $$ BEGIN CREATE ROLE {ROLE} LOGIN; EXCEPTION WHEN duplicate_object "
                   "THEN NULL; END $$")
    name = pg_cluster.create()
    pg_cluster.sql(f"ALTER DATABASE {name} OWNER TO {ROLE}")
    pg_cluster.sql(f"ALTER SCHEMA public OWNER TO {ROLE}", dbname=name)
    yield pg_cluster.url(name, user=ROLE)
    pg_cluster.drop(name)


@pytest.fixture
def run(empty_db, tmp_path, monkeypatch) -> Runner:
    monkeypatch.setenv("ELDERDESK_PC_CONFIG", str(tmp_path / "pc.json"))
    monkeypatch.delenv("ELDERDESK_PG_BIN", raising=False)
    return Runner(empty_db, monkeypatch)  # type: ignore[arg-type]


def tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]


def money(url: str) -> dict[str, tuple[int, int]]:
    with psycopg.connect(url) as conn:
        return {t: tuple(conn.execute(f"SELECT count(*), coalesce(sum({fen}), 0) FROM {t}")
                         .fetchone()) for t, fen in MONEY.items()}


def test_a_dump_restores_into_an_empty_database(office_and_dump, run, empty_db, tmp_path):
    url, dump, cards = office_and_dump
    assert tables(empty_db) == []
    r = run("backup", "restore", str(dump), "--json")  # the dump's admin and password
    assert r.status == 0, r.err
    assert r.json == {"ok": True, "previous_kept_as": None}  # nothing was there to keep
    source, restored = fingerprint(url), fingerprint(empty_db)
    assert {t: v for t, v in restored.items() if t not in ("audit_log", "settings")} == \
        {t: v for t, v in source.items() if t not in ("audit_log", "settings")}
    assert money(empty_db) == money(url) and money(url)["roster_lines"][1] > 0
    before, after = audit_rows(url), audit_rows(empty_db)  # the dump's chain, then each one's
    assert after[:-1] == before[:-1] and before[-1][1] == "backup.create"
    assert after[-1][1] == "backup.restore"
    check = run("audit", "verify", "--json")
    assert check.status == 0 and check.json["ok"] is True, check.out
    services = Services.open(empty_db)
    try:
        clerk = services.users.authenticate("clerk1", PASSWORD)
        assert sorted(c.card_no for c in services.cards.recent_cards(clerk)) == sorted(
            c.card_no for c in cards)
        card, = issue(services, clerk, 1)  # the numbering goes on from the dump's
        assert card.card_no == _next(max(c.card_no for c in cards)), (card, cards)
        services.people.add(clerk, PersonInput(make_id("1941-02-03", 7), "新服务器登记"))
        assert [p.name for p in services.people.search(clerk, "新服务器")] == ["新服务器登记"]
    finally:
        services.close()


def issue(services, clerk, n: int) -> list:
    """Cards for the first n people who may have one (no card yet, alive, living here)."""
    made, refused = [], set()
    for p in services.people.search(clerk, "4", limit=200):
        try:
            made.append(services.cards.issue(clerk, p.id_number))
        except ElderError as exc:
            refused.add(exc.code)
            continue
        if len(made) == n:
            return made
    raise AssertionError(f"only {len(made)} cards: {refused}")


def _next(card_no: str) -> str:
    head = card_no.rstrip("0123456789")
    digits = card_no[len(head):]
    return f"{head}{int(digits) + 1:0{len(digits)}d}"


def test_the_login_is_the_dumps_and_a_refused_one_changes_nothing(office_and_dump, run,
                                                                   empty_db, tmp_path):
    _url, dump, _cards = office_and_dump
    r = run("backup", "restore", str(dump), password="wrong-password-1")
    assert r.status == 3 and r.err.startswith("AUTH_FAILED:"), r.err
    r = run("backup", "restore", str(dump), user=None)
    assert r.status == 3 and r.err.startswith("AUTH_REQUIRED:"), r.err
    r = run("backup", "restore", str(dump), user="clerk1", password=PASSWORD)
    assert r.status == 3 and r.err.startswith("ROLE_DENIED:"), r.err
    r = run("backup", "restore", str(dump), user="former", password=PASSWORD)
    assert r.status == 3 and r.err.startswith("AUTH_DISABLED:"), r.err
    r = run("backup", "restore", str(dump), user="nobody", password=PASSWORD)
    assert r.status == 3 and r.err.startswith("AUTH_FAILED:"), r.err
    cut = tmp_path / "cut.dump"  # checked before the login is: a damaged dump is said so
    cut.write_bytes(Path(dump).read_bytes()[:-40])
    r = run("backup", "restore", str(cut))
    assert r.status == 2 and r.err.startswith("BACKUP_INVALID:"), r.err
    r = run("backup", "restore", str(Path(dump).with_name("nowhere.dump")))
    assert r.status == 2 and r.err.startswith("FILE_NOT_FOUND:"), r.err
    assert tables(empty_db) == []


def test_a_database_of_another_program_is_refused_and_kept(office_and_dump, run, empty_db):
    _url, dump, _cards = office_and_dump
    with psycopg.connect(empty_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int PRIMARY KEY, total numeric)")
        conn.execute("INSERT INTO invoices VALUES (1, 99.5)")
    before = fingerprint(empty_db)
    r = run("backup", "restore", str(dump))
    assert r.status == 4 and r.err.startswith("PG_NOT_ELDERDESK:"), r.err
    assert "invoices" in r.err
    assert fingerprint(empty_db) == before and tables(empty_db) == ["invoices"]
