"""The district's two registrations of one ID on SQLite and PostgreSQL (migration 0011): the
疑似重复 list's SQL (latest application per registration), the resolver's choice, a search
(the trigram plan on PostgreSQL) listing both with their office, pinyin keys stored once."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from elderdesk.domain.errors import ElderError
from elderdesk.store import people_repo
from elderdesk.store.orm import PersonKeyRow, PersonRow
from elderdesk.store.orm_allowance import EnrollmentRow
from elderdesk.store.pinyin import name_keys
from tests.helpers import make_id

BOTH_ENGINES = True
A, B = "420103001", "420103002"
X, Y = make_id(date(1940, 2, 3), seq=21), make_id(date(1941, 5, 6), seq=23)
NOW = datetime(2026, 3, 10, 9, 0)


@pytest.fixture
def district(services):
    """The office made a district holding X from A and B (B's application applied after A's
    was rejected, then a newer one), Y from A only."""
    with services.db.write() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('office.level', 'district')"))
        rows = {}
        for number, office, status in ((X, A, "active"), (X, B, "active"), (Y, A, "active")):
            row = PersonRow(id_number=number, name="周桂芳", sex="F", birth_date=date(1940, 2, 3),
                            status=status, office=office, created_at=NOW, updated_at=NOW)
            s.add(row)
            s.flush()
            people_repo.set_keys(s, row.id, name_keys(row.name))
            rows[(number, office)] = row.id
        for pid, state in ((rows[(X, A)], "rejected"), (rows[(X, A)], "reviewed"),
                           (rows[(X, B)], "applied")):
            s.add(EnrollmentRow(person_id=pid, status=state, applied_on=date(2026, 3, 2),
                                applied_by=f"clerk@{A}", created_at=NOW))
            s.flush()
    return services


def test_the_list_the_resolver_and_the_search(district, admin):
    found = district.duplicates.list(admin)
    assert [(d.id_number, d.offices) for d in found] == [(X, [A, B])]
    assert [(r.application, r.live) for r in found[0].registrations] == \
        [("reviewed", True), ("applied", True)]
    with pytest.raises(ElderError) as needed:
        district.people.get(admin, X)
    assert needed.value.code == "OFFICE_REQUIRED"
    assert district.people.get(admin, f"{X}@{B}").extra["office"] == B
    assert district.people.get(admin, Y).extra["office"] == A
    for query in (X, X[4:12], "zgf"):
        assert [(r.id_number, r.office) for r in district.people.search(admin, query)] == \
            [(X, A), (X, B), (Y, A)][:3 if query == "zgf" else 2], query
    with district.db.read() as s:  # one key row per (key, ID number)
        assert s.execute(select(func.count()).select_from(PersonKeyRow).where(
            PersonKeyRow.id_number == X)).scalar() == len(set(name_keys("周桂芳")))
