"""The demo office of the manual's screenshots: a few hundred invented people with history."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

TODAY = "2026-11-16"  # ELDERDESK_TODAY for stable pictures (mid-quarter, before period end)
PASSWORD = "demo-pass-1"
OFFICE = "江汉区民意街道社区服务中心"
OVER_80 = "birth_date <= '1946-11-16'"
NEWCOMERS = (("钱玉珍", "19461203", "024", "华安里社区"), ("郑国华", "19461219", "051", "新华社区"),
             ("冯秀兰", "19470108", "066", "民意社区"), ("蒋德明", "19470125", "073", "前进社区"))
STAFF = (("李丽", ["clerk"]), ("王芳", ["reviewer"]), ("陈刚", ["approver"]))


@contextmanager
def fixed_clock() -> Iterator[Callable[[], None]]:
    """ELDERDESK_TODAY = TODAY and clock.now() = TODAY 09:30 (stamps in pictures stay put), also
    in modules that imported `now` already; yields a function that patches those imported since.
    Everything is restored on exit (the tool also runs inside the test suite)."""
    from elderdesk.services import clock

    original, saved_today = clock.now, os.environ.get("ELDERDESK_TODAY")

    def fixed() -> datetime:
        return datetime.fromisoformat(TODAY + "T09:30:00")

    def swap(old: Callable, new: Callable) -> None:
        for module in list(sys.modules.values()):
            if module.__name__.startswith("elderdesk") and getattr(module, "now", None) is old:
                module.now = new  # type: ignore[attr-defined]

    os.environ["ELDERDESK_TODAY"] = TODAY
    swap(original, fixed)
    try:
        yield lambda: swap(original, fixed)
    finally:
        swap(fixed, original)
        if saved_today is None:
            os.environ.pop("ELDERDESK_TODAY", None)
        else:
            os.environ["ELDERDESK_TODAY"] = saved_today


def make_demo(path: Path) -> None:
    """Initialise `path` and fill it: 400 people, 70 enrolled with 4 frozen quarters, staff,
    applications waiting at each step, and some issued cards. Run inside fixed_clock()."""
    from elderdesk.demo.generator import DemoService
    from elderdesk.paths import resource
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    source = resource("policies", "wuhan.toml").read_text(encoding="utf-8")
    initialise(path, "420103", OFFICE, "admin", PASSWORD, policy_source=source).close()
    services = Services.open(path)
    try:
        admin = services.users.authenticate("admin", PASSWORD)
        DemoService(services.db).fill(admin, 400, seed=7, enrolled=70, quarters=4)
        for name, roles in STAFF:
            services.users.add(admin, name, roles, PASSWORD)
        _newcomers(services, admin)
        clerk, reviewer = (services.users.authenticate(n, PASSWORD) for n, _ in STAFF[:2])
        _applications(services, path, clerk, reviewer)
        _cards(services, path, admin)
    finally:
        services.close()


def ids(path: Path, where: str, limit: int) -> list[str]:
    """ID numbers of active people matching an SQL condition, in a stable order."""
    with closing(sqlite3.connect(path)) as con:
        return [r[0] for r in con.execute(
            "SELECT id_number FROM people p WHERE status = 'active' AND " + where
            + " ORDER BY id_number LIMIT ?", (limit,))]


def _newcomers(services, op) -> None:  # type: ignore[no-untyped-def]
    """People turning 80 in the next weeks, for the 'due' list."""
    from elderdesk.domain.idcard import check_char
    from elderdesk.domain.person import PersonInput

    for name, birth, seq, community in NEWCOMERS:
        first17 = "420103" + birth + seq
        services.people.add(op, PersonInput(
            id_number=first17 + check_char(first17), name=name, community=community,
            street="民意街道", phone="139" + birth[2:] + seq[:2], ethnicity="汉族",
            household_type="local", household_address="湖北省武汉市江汉区" + community + "8号"))


def _applications(services, path, clerk, reviewer) -> None:  # type: ignore[no-untyped-def]
    """Five applications waiting for review, three for approval."""
    on = date.fromisoformat(TODAY) - timedelta(days=6)
    numbers = ids(path, OVER_80 + " AND NOT EXISTS (SELECT 1 FROM enrollments e "
                   "WHERE e.person_id = p.id)", 8)
    for i, number in enumerate(numbers):
        services.allowance.apply(clerk, number, on + timedelta(days=i % 3))
    for number in numbers[5:]:
        services.allowance.review(reviewer, number, True, None, on + timedelta(days=4))


def _cards(services, path, admin) -> None:  # type: ignore[no-untyped-def]
    """Cards for the first active people who may have one, issued over the last weeks."""
    from elderdesk.domain.errors import ElderError

    end = date.fromisoformat(TODAY)
    issued = 0
    for number in ids(path, "birth_date <= '1966-11-16'", 60):
        if issued >= 24:
            break
        try:
            services.cards.issue(admin, number, end - timedelta(days=2 * (24 - issued)))
        except ElderError:
            continue
        issued += 1
