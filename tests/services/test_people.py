"""People service: add, edit, search, death and move-out, roles and audit."""

from datetime import date

import pytest
from sqlalchemy import func, select

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.store.orm import AuditRow, PersonKeyRow
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def add(services, op, name, birth="1946-05-20", seq=1, **kw):
    return services.people.add(op, PersonInput(id_number=make_id(birth, seq), name=name, **kw))


def test_add_takes_birth_date_and_sex_from_the_id(services, clerk):
    p = add(services, clerk, "王秀英", "1946-05-20", seq=2, community="民意社区")
    assert p.birth_date == date(1946, 5, 20)
    assert p.sex == "F"
    assert services.people.get(clerk, p.id_number).community == "民意社区"


def test_add_refuses_duplicate_and_bad_ids(services, clerk):
    p = add(services, clerk, "王秀英")
    with pytest.raises(ElderError) as e:
        add(services, clerk, "王秀英")
    assert e.value.code == "PERSON_EXISTS" and e.value.exit_status == 4
    bad = p.id_number[:-1] + ("0" if p.id_number[-1] != "0" else "1")
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=bad, name="李四"))
    assert e.value.code == "ID_CHECKSUM" and e.value.exit_status == 2


def test_checksum_override_is_admin_only_and_recorded(services, clerk, admin):
    good = make_id("1940-01-01", 5)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=bad, name="赵六"), checksum_override="证件如此")
    assert e.value.exit_status == 3
    p = services.people.add(admin, PersonInput(id_number=bad, name="赵六"),
                            checksum_override="户籍证明原件核实")
    assert p.checksum_override == "户籍证明原件核实"
    assert services.people.get(clerk, bad).name == "赵六"


def test_sex_given_must_match_the_id(services, clerk):
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=make_id("1950-01-01", 3), name="甲",
                                               sex="F"))
    assert e.value.code == "SEX_MISMATCH"


def test_fifteen_digit_id_is_converted(services, clerk):
    id15 = "420103460520123"
    p = services.people.add(clerk, PersonInput(id_number=id15, name="老张"))
    assert len(p.id_number) == 18 and p.id_number.startswith("42010319460520123")
    assert services.people.get(clerk, id15).name == "老张"


def test_roles_are_checked_in_the_service(services, reviewer):
    with pytest.raises(ElderError) as e:
        add(services, reviewer, "王五")
    assert e.value.code == "ROLE_DENIED" and e.value.exit_status == 3


def test_search_by_name_initials_and_id(services, clerk):
    a = add(services, clerk, "张三丰", "1946-05-20", 11)
    b = add(services, clerk, "曾乐", "1941-02-03", 13)
    c = add(services, clerk, "张伟", "1950-07-08", 15)
    ids = lambda rows: [r.id_number for r in rows]  # noqa: E731
    assert ids(services.people.search(clerk, "张")) == sorted([a.id_number, c.id_number])
    assert ids(services.people.search(clerk, "ZSF")) == [a.id_number]
    assert ids(services.people.search(clerk, "zl")) == [b.id_number]  # 曾 read as z
    assert ids(services.people.search(clerk, "cy")) == [b.id_number]  # 曾 as c, 乐 as y
    assert ids(services.people.search(clerk, a.id_number[-4:])) == [a.id_number]
    assert ids(services.people.search(clerk, "420")) == sorted([a.id_number, b.id_number,
                                                               c.id_number])
    assert services.people.search(clerk, "１９４６０５２０") == services.people.search(clerk, "19460520")


def test_search_pages_with_after(services, clerk):
    made = sorted(add(services, clerk, "王一", "1950-01-01", i).id_number for i in range(1, 12))
    first = services.people.search(clerk, "王", limit=5)
    second = services.people.search(clerk, "王", limit=5, after=first[-1].id_number)
    assert [r.id_number for r in first + second] == made[:10]


def test_edit_changes_fields_and_search_keys(services, clerk):
    p = add(services, clerk, "李四")
    services.people.update(clerk, p.id_number, PersonInput(id_number=p.id_number, name="王四",
                                                           phone="13800001111"))
    assert services.people.get(clerk, p.id_number).phone == "13800001111"
    assert [r.name for r in services.people.search(clerk, "ws")] == ["王四"]
    assert services.people.search(clerk, "ls") == []


def test_death_and_move_out(services, clerk):
    p = add(services, clerk, "孙七")
    with pytest.raises(ElderError) as e:
        services.people.record_death(clerk, p.id_number, date(1900, 1, 1))
    assert e.value.code == "DATE_BEFORE_BIRTH"
    d = services.people.record_death(clerk, p.id_number, date(2026, 3, 15))
    assert d.status == "deceased" and d.death_date == date(2026, 3, 15)
    with pytest.raises(ElderError) as e:
        services.people.record_moved_out(clerk, p.id_number, date(2026, 4, 1))
    assert e.value.code == "PERSON_DECEASED" and e.value.exit_status == 4


def test_every_change_is_audited_with_before_and_after(services, clerk):
    p = add(services, clerk, "周八")
    services.people.record_moved_out(clerk, p.id_number, date(2026, 2, 1))
    with services.db.read() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.entity_key == p.id_number)
                         .order_by(AuditRow.id)).scalars().all()
        assert [r.action for r in rows] == ["people.add", "people.moved_out"]
        assert rows[1].operator == "clerk1"
        assert '"status": "active"' in rows[1].before_json
        assert '"status": "moved_out"' in rows[1].after_json
        assert rows[1].prev_hash == rows[0].hash


def test_failed_add_leaves_nothing(services, clerk):
    with services.db.read() as s:
        before = s.execute(select(func.count()).select_from(PersonKeyRow)).scalar()
    with pytest.raises(ElderError):
        services.people.add(clerk, PersonInput(id_number=make_id("1950-01-01"), name="x" * 100))
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonKeyRow)).scalar() == before
