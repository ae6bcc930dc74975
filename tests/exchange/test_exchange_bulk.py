"""The bulk writes of `exchange import` (issue 15, P14) on SQLite and PostgreSQL: new people get
their ids in the order given (their records point at them), pinyin keys stored once per ID
number even when a second street registers it, exchange_records inserted then updated, proofs
of life not doubled, street ledgers replaced, and what is held read back by key."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, text

from elderdesk.store import district_repo, exchange_repo, people_repo
from elderdesk.store.orm import PersonKeyRow
from elderdesk.store.pinyin import name_keys

BOTH_ENGINES = True
AT = datetime(2026, 5, 20, 9, 0)


def _person(number: str, name: str, office: str) -> dict:
    return {"id_number": number, "name": name, "sex": "F", "birth_date": date(1940, 5, 20),
            "household_address": "江汉路1号", "current_address": "江汉路1号", "street": "民意",
            "community": "一社区", "status": "active", "office": office, "created_at": AT,
            "updated_at": AT}


def test_bulk_writes_of_an_import(services):
    numbers = [f"4201031940052{n:04d}"[:17] + "X" for n in range(1, 4)]
    with services.db.write() as s:
        ids = exchange_repo.insert_people(s, [_person(numbers[0], "王秀英", "420103001"),
                                              _person(numbers[1], "李明", "420103001")])
        again = exchange_repo.insert_people(s, [_person(numbers[0], "王秀英", "420103002")])
        people_repo.set_keys_many(s, [(ids[0], numbers[0], name_keys("王秀英")),
                                      (ids[1], numbers[1], name_keys("李明")),
                                      (again[0], numbers[0], name_keys("王秀英"))])
        rows = exchange_repo.people_by_ids(s, [*ids, *again])
        assert [rows[i].id_number for i in ids] == numbers[:2]
        assert rows[again[0]].office == "420103002"
        assert rows[ids[0]].household_address == "江汉路1号"  # stored compact, read whole
        exchange_repo.write_records(s, [
            {"kind": "person", "owner": "420103001", "key": str(k), "local_id": str(pid),
             "version": k, "digest": "d", "body": "{}"} for k, pid in enumerate(ids, 1)], set())
        exchange_repo.add_lifecerts(s, [(ids[0], date(2026, 5, 1)), (ids[0], date(2026, 5, 1))],
                                    AT)
        exchange_repo.add_lifecerts(s, [(ids[0], date(2026, 5, 1)), (ids[1], date(2026, 5, 2))],
                                    AT)
        district_repo.replace_ledgers(s, {ids[0]: {500: 12300, 501: 0}})
        district_repo.replace_ledgers(s, {ids[0]: {502: 100}, ids[1]: {500: 200}})
    with services.db.write() as s:
        held = exchange_repo.held_records(s, "person", "420103001", ["1", "2", "9"])
        assert held == {"1": (str(ids[0]), 1), "2": (str(ids[1]), 2)}
        exchange_repo.write_records(s, [
            {"kind": "person", "owner": "420103001", "key": "2", "local_id": str(ids[1]),
             "version": 7, "digest": "e", "body": '{"x": 1}'}],
            {("person", "420103001", "2")})
        assert exchange_repo.max_version(s, "420103001") == 7
        changed = exchange_repo.changed_since(s, "420103001", 1)
        assert [(r.key, r.version, r.digest, r.body) for r in changed] == [
            ("2", 7, "e", '{"x": 1}')]
        keys = {(k, n, p) for k, n, p in s.execute(
            select(PersonKeyRow.key, PersonKeyRow.id_number, PersonKeyRow.person_id))}
    wang = set(dict.fromkeys(name_keys("王秀英")))
    assert {(k, p) for k, n, p in keys if n == numbers[0]} == {(k, ids[0]) for k in wang}
    assert {k for k, n, _p in keys if n == numbers[1]} == set(name_keys("李明"))
    with services.db.read() as s:
        certs = s.execute(text(
            "SELECT person_id, cert_date FROM lifecerts ORDER BY person_id, cert_date")).all()
        ledger = s.execute(text(
            "SELECT person_id, month, paid_fen FROM ledger ORDER BY person_id, month")).all()
    assert [r[0] for r in certs] == [ids[0], ids[1]]
    assert [tuple(r) for r in ledger] == [(ids[0], 502, 100), (ids[1], 500, 200)]
