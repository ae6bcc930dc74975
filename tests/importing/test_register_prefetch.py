"""Issue 14 (P3 on PostgreSQL): the register check asks the register for the IDs of a stretch of
rows in one statement (store/lookup_repo.StatusLookup.prefetch) instead of one round trip per
row; the answers, and so the findings and the rows imported, are those of the per-ID look-up."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.person import PersonInput
from elderdesk.importing import register
from elderdesk.importing.register import RegisterState, read_register
from elderdesk.services.clock import today
from elderdesk.store import lookup_repo

from .sheets import make_id, write_xlsx

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ACTIVE = make_id("19450312", "011")
DECEASED = make_id("19440101", "022")
OLD = make_id("19460505", "031")  # registered; the sheet gives its 15-digit form
NEW = [make_id("19470707", f"{i:03d}") for i in range(41, 46)]
ABSENT = make_id("19480808", "051")
DIED_ON = date(2025, 3, 4)


@pytest.fixture
def registered(services, admin):
    for number, name in ((ACTIVE, "张三"), (DECEASED, "李四"), (OLD, "王五")):
        services.people.add(admin, PersonInput(id_number=number, name=name))
    services.people.record_death(admin, DECEASED, DIED_ON)
    return services


def test_prefetched_answers_equal_the_per_id_answers(registered):
    ids = [ACTIVE, DECEASED, OLD, ABSENT, NEW[0]]
    lookup = lookup_repo.status_lookup(registered.db)
    try:
        one_by_one = [lookup(n) for n in ids]
        lookup.prefetch(ids)
        assert [lookup(n) for n in ids] == one_by_one
        lookup.prefetch([])  # a stretch without a valid ID: every answer by its own query
        assert [lookup(n) for n in ids] == one_by_one
    finally:
        lookup.close()
    active, deceased, old, absent, new = one_by_one
    assert (active.name, active.status, active.birth_date) == ("张三", "active", date(1945, 3, 12))
    assert (deceased.status, deceased.death_date) == ("deceased", DIED_ON)
    assert old.name == "王五" and absent is None and new is None


def test_a_prefetched_stretch_is_answered_from_memory_and_others_by_a_query(registered, admin):
    lookup = lookup_repo.status_lookup(registered.db)
    try:
        lookup.prefetch([ABSENT])
        for number in (ABSENT, NEW[0]):  # registered by another counter after the prefetch
            registered.people.add(admin, PersonInput(id_number=number, name="赵六"))
        assert lookup(ABSENT) is None  # as fetched: no round trip for it
        assert lookup(NEW[0]).name == "赵六"  # not prefetched: a query of its own
        lookup.prefetch([ABSENT])  # the next stretch is read anew
        assert lookup(ABSENT).name == "赵六"
    finally:
        lookup.close()


def test_import_over_several_stretches_gives_the_per_id_findings(registered, admin, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(register, "PREFETCH_ROWS", 2)  # 9 rows: five stretches
    old15 = OLD[:6] + OLD[8:17]
    rows = [["序号", "姓名", "身份证号"],
            [1, "甲", NEW[0]], [2, "张三", ACTIVE], [3, "乙", "12345"], [4, "李四", DECEASED],
            [5, "王五", old15], [6, "丙", NEW[1]], [7, "甲", NEW[0]], [8, "丁", NEW[2]],
            [9, "张三", ACTIVE]]
    book = write_xlsx(tmp_path / "register.xlsx", rows)

    per_id = lookup_repo.status_lookup(registered.db)
    try:
        def state(number: str) -> RegisterState | None:
            r = per_id(number)
            if r is None:
                return None
            return (RegisterState("deceased", r.death_date) if r.status == "deceased"
                    else RegisterState("registered"))

        expected = read_register(book, today=today(), lookup=state)  # no prefetch
    finally:
        per_id.close()
    outcome = registered.imports.import_people(admin, book)

    assert [f.as_dict() for f in outcome.findings] == [f.as_dict() for f in expected.findings]
    assert [(f.row, f.code) for f in outcome.findings] == [
        (3, "ALREADY_REGISTERED"), (4, "ID_FORMAT"), (5, "DECEASED_ON_RECORD"),
        (6, "ID_15_CONVERTED"), (6, "ALREADY_REGISTERED"), (8, "DUPLICATE_IN_FILE"),
        (10, "DUPLICATE_IN_FILE"), (10, "ALREADY_REGISTERED")]  # sheet rows (header: row 1)
    assert outcome.imported == len(expected.rows) == 3
    for number in NEW[:3]:
        assert registered.people.get(admin, number).status == "active"


def test_death_list_over_several_stretches_gives_the_per_id_findings(registered, admin,
                                                                     tmp_path, monkeypatch):
    """The death list is looked up the same way: one query per stretch of rows, and every ID
    the check asks about was in the stretch fetched before it; findings as per ID."""
    from elderdesk.importing.deaths import read_deaths

    monkeypatch.setattr(register, "PREFETCH_ROWS", 2)  # 7 rows: four stretches
    old15 = OLD[:6] + OLD[8:17]
    rows = [["姓名", "身份证号", "死亡日期"],
            ["张三", ACTIVE, "2025-06-01"], ["李四", DECEASED, "2025-05-05"],
            ["某人", ABSENT, "2025-06-02"], ["乙", "12345", "2025-06-03"],
            ["王五", old15, "2025-06-04"], ["张三", ACTIVE, "2025-06-01"],
            ["甲", NEW[0], "2025-06-05"]]
    book = write_xlsx(tmp_path / "deaths.xlsx", rows)

    lookup = lookup_repo.status_lookup(registered.db)
    fetched: list[list[str]] = []
    asked: list[tuple[str, bool]] = []  # (ID, in the stretch fetched last)
    try:
        expected = read_deaths(book, today=today(), lookup=lookup)  # per ID, no prefetch

        def prefetch(ids: list[str]) -> None:
            fetched.append(ids)
            lookup.prefetch(ids)

        def ask(number: str) -> lookup_repo.Registered | None:
            asked.append((number, bool(fetched) and number in fetched[-1]))
            return lookup(number)

        stretched = read_deaths(book, today=today(), lookup=ask, prefetch=prefetch)
    finally:
        lookup.close()
    assert [f.as_dict() for f in stretched.findings] == [f.as_dict() for f in expected.findings]
    assert stretched.rows == expected.rows
    assert len(fetched) == 4 and all(inside for _n, inside in asked) and len(asked) == 6
    assert [(f.row, f.code) for f in expected.findings] == [
        (3, "ALREADY_DECEASED"), (4, "NOT_REGISTERED"), (5, "ID_FORMAT"),
        (6, "ID_15_CONVERTED"), (7, "ALREADY_DECEASED"), (8, "NOT_REGISTERED")]  # 6: applied

    outcome = registered.imports.import_deaths(admin, book)  # the service prefetches too
    assert [f.as_dict() for f in outcome.findings] == [f.as_dict() for f in expected.findings]
    assert registered.people.get(admin, ACTIVE).status == "deceased"
    assert registered.people.get(admin, OLD).status == "deceased"


def test_a_death_recorded_elsewhere_between_check_and_commit_applies_nothing(
        registered, admin, tmp_path, monkeypatch):
    """Another counter records one of the list's deaths after the list was checked (the
    prefetched answers are then stale): the import refuses as busy and applies none of it."""
    from elderdesk.domain.errors import ElderError
    from elderdesk.services.people import imports

    book = write_xlsx(tmp_path / "deaths.xlsx", [["姓名", "身份证号", "死亡日期"],
                                                 ["张三", ACTIVE, "2025-06-01"],
                                                 ["王五", OLD, "2025-06-04"]])
    real = imports.read_deaths

    def checked_then_changed(*args, **kwargs):  # the second counter acts in between
        result = real(*args, **kwargs)
        registered.people.record_death(admin, OLD, date(2025, 6, 2))
        return result

    monkeypatch.setattr(imports, "read_deaths", checked_then_changed)
    with pytest.raises(ElderError) as refused:
        registered.imports.import_deaths(admin, book)
    assert refused.value.code == "DB_BUSY"
    assert registered.people.get(admin, ACTIVE).status == "active"  # rolled back whole
    assert registered.people.get(admin, OLD).status == "deceased"  # the other counter's stands
