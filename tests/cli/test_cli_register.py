"""The CLI contract for init, users, people and errors (docs/cli.md), run in process."""

import pytest

from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID1 = make_id("1946-05-20", 11)
ID2 = make_id("1941-02-03", 22)


def test_version(run):
    r = run("--version", user=None)
    assert r.status == 0 and r.out.startswith("elderdesk ")


def test_help_works_everywhere(run):
    assert run("--help", user=None).status == 0
    assert run("people", "add", "--help", user=None).status == 0


def test_init_creates_and_refuses_existing(run_new):
    r = run_new("init", "--region", "420103", "--office", "民意街道", "--admin", "boss",
                user=None, password="pw-123456")
    assert r.status == 0 and run_new.db.exists()
    r = run_new("init", "--region", "420103", "--office", "民意街道", "--admin", "boss",
                user=None, password="pw-123456")
    assert r.status == 4 and r.err.startswith("DB_EXISTS: ") and r.out == ""


def test_init_needs_a_password(run_new, monkeypatch):
    monkeypatch.delenv("ELDERDESK_PASSWORD", raising=False)
    r = run_new("init", "--region", "420103", "--office", "x", "--admin", "boss", user=None,
                password="")
    assert r.status == 2 and not run_new.db.exists()


def test_other_commands_on_a_missing_file_exit_2(run_new):
    r = run_new("people", "show", ID1)
    assert r.status == 2 and r.err.startswith("DB_MISSING") and not run_new.db.exists()


def test_global_options_anywhere(run):
    r = run("--json", "people", "add", "--name", "张三丰", "--id", ID1)
    assert r.status == 0, r.err
    assert r.json["id_number"] == ID1 and r.json["enrollment"] is None
    assert r.json["sex"] in ("M", "F") and r.json["birth_date"] == "1946-05-20"


def test_people_show_json_shape(run):
    run("people", "add", "--id", ID1, "--name", "张三丰", "--community", "民意社区")
    doc = run("people", "show", ID1.lower(), "--json").json
    for key in ("id_number", "name", "sex", "birth_date", "status", "death_date",
                "moved_out_on", "street", "community", "enrollment", "card"):
        assert key in doc
    assert doc["status"] == "active" and doc["death_date"] is None and doc["street"] is None


def test_people_search_rules(run):
    run("people", "add", "--id", ID1, "--name", "张三丰")
    run("people", "add", "--id", ID2, "--name", "曾乐")
    res = lambda *a: [x["name"] for x in run("people", "search", *a, "--json").json["results"]]  # noqa: E731
    assert res("zsf") == ["张三丰"]
    assert res("ZL") == ["曾乐"]
    assert res("张") == ["张三丰"]
    assert res(ID2[-6:]) == ["曾乐"]
    assert sorted(res("420")) == sorted(["张三丰", "曾乐"])
    assert res("zsf", "--limit", "1") == ["张三丰"]


def test_errors_are_one_chinese_line_on_stderr(run):
    r = run("people", "show", ID1)
    assert r.status == 4 and r.out == ""
    assert r.err.count("\n") == 1 and r.err.startswith("PERSON_NOT_FOUND: ")
    bad = ID1[:-1] + ("0" if ID1[-1] != "0" else "1")
    r = run("people", "add", "--id", bad, "--name", "李四")
    assert r.status == 2 and r.err.startswith("ID_CHECKSUM: ")
    r = run("people", "add", "--id", "123", "--name", "李四")
    assert r.status == 2 and r.err.startswith("ID_FORMAT: ")
    r = run("people", "show", ID1, "--bogus")
    assert r.status == 2 and r.err.startswith("USAGE: ") and "--bogus" in r.err


@pytest.mark.parametrize("user,password", [(None, "x"), ("admin", "wrong"), ("ghost", "x")])
def test_authentication_failures_exit_3(run, user, password):
    r = run("people", "search", "zsf", user=user, password=password)
    assert r.status == 3 and r.out == ""


def test_user_add_and_roles(run):
    r = run("user", "add", "xiaoli", "--role", "clerk", stdin="clerk-pass\n")
    assert r.status == 0, r.err
    assert run("user", "add", "xiaoli", "--role", "clerk", stdin="clerk-pass\n").status == 4
    assert run("user", "add", "nopw", "--role", "clerk", stdin="\n").status == 2
    r = run("people", "add", "--id", ID1, "--name", "张三丰", user="xiaoli", password="clerk-pass")
    assert r.status == 0
    r = run("user", "add", "other", "--role", "clerk", user="xiaoli", password="clerk-pass",
            stdin="pw-123456\n")
    assert r.status == 3 and r.err.startswith("ROLE_DENIED")


def test_death_moved_out_and_dates(run):
    run("people", "add", "--id", ID1, "--name", "张三丰")
    assert run("people", "death", ID1, "--date", "2026-13-01").status == 2
    r = run("people", "death", ID1, "--date", "2026-03-15", "--json")
    assert r.status == 0 and r.json["status"] == "deceased" and r.json["death_date"] == "2026-03-15"
    r = run("people", "moved-out", ID1, "--date", "2026-04-01")
    assert r.status == 4 and r.err.startswith("PERSON_DECEASED")


def test_today_from_environment(run):
    # A birth date after "today" is not a real birth date yet.
    young = make_id("2026-06-01", 1)
    r = run("people", "add", "--id", young, "--name", "小宝", today="2026-05-01")
    assert r.status == 2 and r.err.startswith("ID_BIRTHDATE")
