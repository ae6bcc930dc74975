"""The demo register: deterministic, valid and realistic people; refusals; audit; search after."""

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from elderdesk.demo import data as demo_data
from elderdesk.demo.generator import DemoService, generate_people, make_people
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import check_char, expected_sex, parse_id
from elderdesk.domain.person import PersonInput
from elderdesk.store.orm import AuditRow, PersonKeyRow, PersonRow

TODAY = "2026-06-15"
ON = date(2026, 6, 15)
STAMP = datetime(2026, 6, 15, 9, 30)


@pytest.fixture(scope="module")
def people():
    return make_people(5000, 1, on=ON, stamp=STAMP)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_deterministic_for_people_and_seed(people):
    again = make_people(5000, 1, on=ON, stamp=STAMP)
    assert [(r["id_number"], r["name"]) for r in again] == [
        (r["id_number"], r["name"]) for r in people]
    assert again == people
    other = make_people(5000, 2, on=ON, stamp=STAMP)
    assert {r["id_number"] for r in other} != {r["id_number"] for r in people}
    assert [r["name"] for r in other] != [r["name"] for r in people]
    # The first people do not depend on how many are asked for, nor on the batch size.
    assert make_people(300, 1, on=ON, stamp=STAMP) == people[:300]
    batched = [r for b in generate_people(5000, 1, on=ON, stamp=STAMP, batch=777) for r in b]
    assert batched == people


def test_same_people_in_another_process():
    """Nothing depends on the hash seed of the process."""
    code = ("import datetime, hashlib, json; from elderdesk.demo.generator import make_people; "
            "r = make_people(2000, 5, on=datetime.date(2026, 6, 15), "
            "stamp=datetime.datetime(2026, 6, 15)); "
            "print(hashlib.sha256(json.dumps(r, default=str).encode()).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       cwd=root, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_ids_valid_unique_and_match_the_person(people):
    ids = [r["id_number"] for r in people]
    assert len(set(ids)) == len(ids)
    for r in people:
        number = r["id_number"]
        assert re.fullmatch(r"\d{17}[\dX]", number)
        assert number[17] == check_char(number[:17])
        info = parse_id(number, ON)  # checksum, a real birth date
        assert info.birth_date == r["birth_date"]
        assert r["sex"] == expected_sex(number) == info.sex
        assert 55 <= _age(r["birth_date"], ON) <= 105


def test_population_shape(people):
    n = len(people)
    ages = Counter(_age(r["birth_date"], ON) for r in people)
    young_old = sum(v for a, v in ages.items() if 60 <= a <= 75)
    over80 = sum(v for a, v in ages.items() if a >= 80)
    over100 = sum(v for a, v in ages.items() if a >= 100)
    assert young_old > 0.55 * n
    assert 0.05 * n < over80 < 0.25 * n
    assert over100 < 0.005 * n
    areas = Counter(r["id_number"][:6] for r in people)
    assert areas[demo_data.JIANGHAN] > 0.6 * n
    wuhan = sum(v for a, v in areas.items() if a.startswith("4201"))
    assert 0.8 * n < wuhan < n  # some from elsewhere
    status = Counter(r["status"] for r in people)
    assert 0.01 * n < status["deceased"] < 0.035 * n
    assert 0.004 * n < status["moved_out"] < 0.02 * n
    assert Counter(r["household_type"] for r in people)["local"] > 0.9 * n
    surnames = Counter(r["name"][0] for r in people)
    assert {s for s, _ in surnames.most_common(5)} <= {"王", "李", "张", "刘", "陈", "杨"}
    assert len(people) - len({r["name"] for r in people}) > 0.2 * n  # common names repeat
    assert sum(1 for r in people if len(r["name"]) == 2) > 0.05 * n  # single given names


def test_fields_look_real(people):
    for r in people:
        assert r["street"] in demo_data.STREETS
        assert r["community"].endswith("社区")
        assert r["community"][:-2] in demo_data.STREETS[r["street"]]
        assert r["current_address"].startswith("湖北省武汉市江汉区")
        assert r["phone"] is None or re.fullmatch(r"1[3-9]\d{9}", r["phone"])
        if r["account"] is not None:
            assert r["bank"] in demo_data.BANK_PREFIX
            assert re.fullmatch(r"\d{19}", r["account"]) and _luhn_ok(r["account"])
        if _age(r["birth_date"], ON) >= 80:
            assert r["account"] is not None  # the allowance is paid to a bank account
        if r["status"] == "deceased":
            assert r["birth_date"] < r["death_date"] <= ON and r["moved_out_on"] is None
        elif r["status"] == "moved_out":
            assert r["birth_date"] < r["moved_out_on"] <= ON and r["death_date"] is None
        else:
            assert r["death_date"] is None and r["moved_out_on"] is None
        if r["household_type"] == "nonlocal":
            assert not r["id_number"].startswith("4201") and r["residence_permit_expiry"]
        assert r["created_at"] == STAMP


def test_fill_writes_people_keys_index_and_one_audit_record(services, admin, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)
    with services.db.read() as s:
        audits_before = s.execute(select(func.count()).select_from(AuditRow)).scalar_one()
    seen = []
    outcome = DemoService(services.db).fill(admin, 3000, seed=4,
                                            progress=lambda d, t: seen.append((d, t)))
    assert outcome.people == 3000 and outcome.seconds >= 0
    assert seen[-1] == (12000, 12000)
    expected = make_people(3000, 4, on=ON, stamp=STAMP)
    with services.db.read() as s:
        stored = s.execute(select(PersonRow.id_number, PersonRow.name)).all()
        assert sorted(map(tuple, stored)) == sorted((r["id_number"], r["name"]) for r in expected)
        people_with_keys = s.execute(
            select(func.count(func.distinct(PersonKeyRow.person_id)))).scalar_one()
        assert people_with_keys == 3000
        audits = s.execute(select(AuditRow).order_by(AuditRow.id)).scalars().all()
        assert len(audits) == audits_before + 1
        last = audits[-1]
        assert (last.action, last.operator) == ("demo.fill", "admin")
        after = json.loads(last.after_json)
        status = Counter(r["status"] for r in expected)
        assert after == {"people": 3000, "seed": 4, "today": TODAY, "active": status["active"],
                         "deceased": status["deceased"], "moved_out": status["moved_out"]}
        target = expected[123]["id_number"]
        found = s.execute(text("SELECT p.id_number FROM people_id_fts f JOIN people p "
                               "ON p.id = f.rowid WHERE f.id_number LIKE :p"),
                          {"p": f"%{target[9:17]}%"}).scalars().all()
        assert target in found
    # Search as the clerk does it: ID fragment, pinyin initials, name prefix.
    hit = services.people.search(admin, target[10:16], limit=200)
    assert target in {p.id_number for p in hit}
    name = expected[123]["name"]
    assert any(p.name == name for p in services.people.search(admin, name, limit=200))
    zeng = next(r for r in expected if r["name"].startswith("曾"))
    for letter in ("c", "z"):
        results = services.people.search(admin, letter, limit=10000)
        assert zeng["id_number"] in {p.id_number for p in results}


def test_refuses_a_register_with_people(services, admin, clerk, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)
    services.people.add(clerk, PersonInput(id_number="11010519491231002X", name="王秀英"))
    with pytest.raises(ElderError) as err:
        DemoService(services.db).fill(admin, 100)
    assert err.value.code == "DEMO_NOT_EMPTY" and err.value.exit_status == 4
    assert "空" in err.value.message
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonRow)).scalar_one() == 1


def test_refuses_a_second_fill_and_other_roles(services, admin, clerk, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)
    with pytest.raises(ElderError) as err:
        DemoService(services.db).fill(clerk, 10)
    assert err.value.code == "ROLE_DENIED"
    with pytest.raises(ElderError) as err:
        DemoService(services.db).fill(admin, 0)
    assert err.value.code == "INVALID_VALUE"
    DemoService(services.db).fill(admin, 50)
    with pytest.raises(ElderError) as err:
        DemoService(services.db).fill(admin, 50, seed=2)
    assert err.value.code == "DEMO_NOT_EMPTY"
