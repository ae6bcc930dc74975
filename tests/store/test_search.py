"""Search plans: the sparse and the dense plan of every kind give what a brute-force scan gives."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from elderdesk.demo.generator import DemoService
from elderdesk.store import people_repo
from elderdesk.store.pinyin import name_keys


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """3,000 demo people (module-wide: read only) and their ID numbers, names and keys."""
    import os

    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    os.environ.setdefault("ELDERDESK_FAST_HASH", "1")
    path = tmp_path_factory.mktemp("search") / "s.db"
    initialise(path, "420103", "测试", "admin", "secret-1").close()
    services = Services.open(path)
    op = services.users.authenticate("admin", "secret-1")
    DemoService(services.db).fill(op, 3000, seed=7)
    with services.db.read() as s:
        people = [(n, name, tuple(name_keys(name)))
                  for n, name in s.execute(text("SELECT id_number, name FROM people"))]
    yield services, people
    services.close()


def brute(people, query: str, limit: int, after: str = "") -> list[str]:
    kind = people_repo.classify(query)
    if kind == "id_prefix":
        hit = [n for n, _, _ in people if n.startswith(query)]
    elif kind == "id_any":
        hit = [n for n, _, _ in people if query in n]
    elif kind == "initials":
        q = query.lower()
        hit = [n for n, _, keys in people if any(k.startswith(q) for k in keys)]
    else:
        hit = [n for n, name, _ in people if name.startswith(query)]
    return sorted(n for n in hit if n > after)[:limit]


def queries(people) -> list[str]:
    rng = random.Random(3)
    out = ["4", "42", "420", "1", "X", "w", "zj", "wxy", "cy", "z", "c", "王", "张秀", "欧阳"]
    for number, name, keys in rng.sample(people, 25):
        start = rng.randrange(0, 14)
        out += [number[start:start + rng.choice((4, 6, 8))], number[-4:], number,
                name[:1], name[:2], name]
        if keys:
            out += [keys[0][:2], keys[-1]]
    return out


@pytest.mark.parametrize("dense", [1, 10**9], ids=["dense-plans", "sparse-plans"])
def test_every_plan_matches_a_full_scan(register, monkeypatch, dense):
    services, people = register
    monkeypatch.setattr(people_repo, "DENSE", dense)
    monkeypatch.setattr(people_repo, "ID_DENSE", dense)
    with services.db.read() as s:
        for q in queries(people):
            for limit in (1, 50):
                got = [r.id_number for r in people_repo.search(s, q, limit)]
                assert got == brute(people, q, limit), (q, limit)
            first = people_repo.search(s, q, 7)
            if first:  # keyset paging goes on after the last row shown
                after = first[-1].id_number
                got = [r.id_number for r in people_repo.search(s, q, 20, after)]
                assert got == brute(people, q, 20, after), (q, "after")


def test_keys_follow_an_id_correction(register):
    services, people = register
    number = people[0][0]
    new = "11" + number[2:17]
    from elderdesk.domain.idcard import check_char

    new = new + check_char(new)
    with services.db.write() as s:
        s.execute(text("UPDATE people SET id_number = :new WHERE id_number = :old"),
                  {"new": new, "old": number})
        keys = s.execute(text("SELECT DISTINCT k.id_number FROM person_keys k JOIN people p "
                              "ON p.id = k.person_id WHERE p.id_number = :new"),
                         {"new": new}).scalars().all()
        assert keys == [new]
        s.rollback()
