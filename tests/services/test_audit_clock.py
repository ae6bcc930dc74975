"""Audit times come from the database server's clock on PostgreSQL (multi-office.md §1: several
counters append to one chain; their PCs' clocks disagree), from the PC's clock on SQLite."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text

from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.store.orm import AuditRow
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import make_id


def _person() -> PersonInput:
    return PersonInput(id_number=make_id("1940-01-01", 11), name="时钟甲",
                       community="民意社区")


def test_audit_time_is_the_servers_clock_on_postgresql(pg_cluster, pg_url) -> None:
    # The server's zone put 14 hours ahead of UTC: its local time differs from this PC's.
    dbname = pg_url.rsplit("/", 1)[1].split("?")[0]
    pg_cluster.sql(f"ALTER DATABASE \"{dbname}\" SET timezone = 'Pacific/Kiritimati'")
    services = Services.open(pg_url)
    try:
        admin = services.users.authenticate("admin", ADMIN_PASSWORD)
        services.people.add(admin, _person())
        with services.db.read() as s:
            server = s.execute(text("SELECT localtimestamp(0)")).scalar_one()
            at = s.execute(select(AuditRow.at).order_by(AuditRow.id.desc()).limit(1)).scalar_one()
    finally:
        services.close()
    stored = datetime.fromisoformat(at)
    assert abs((server - stored).total_seconds()) < 60
    assert abs((datetime.now() - stored).total_seconds()) > 3600  # not this PC's clock


def test_audit_time_is_the_pcs_clock_on_sqlite(services, admin) -> None:
    services.people.add(admin, _person())
    with services.db.read() as s:
        at = s.execute(select(AuditRow.at).order_by(AuditRow.id.desc()).limit(1)).scalar_one()
    assert abs((datetime.now() - datetime.fromisoformat(at)).total_seconds()) < 60
