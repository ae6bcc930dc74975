"""Prepared files for the safety tests, made once per session and copied per run: a 50,000-row
register workbook, an empty initialised office, and an office with a large roster draft."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.safety.kill import TODAY

REGISTER_ROWS = 50_000
DEMO_PEOPLE = 30_000  # ~3,500 enrolled aged 80+, ~200,000 roster items: freeze takes ~0.8 s
FREEZE_PERIOD = "2026Q1"
HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "银行账号"]


def initialise_office(path: Path) -> Path:
    from elderdesk.services.users.service import initialise

    db = initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
                    policy_source=wuhan_policy())
    db.close()
    return path


def settle(path: Path) -> None:
    """Fold the WAL into the file, so that one file is the whole database (to copy it)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def copy_db(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


@pytest.fixture(scope="session")
def register_workbook(tmp_path_factory) -> Path:
    """50,000 valid, distinct people (the demo generator's) in a register workbook."""
    import xlsxwriter

    from elderdesk.demo.generator import make_people

    path = tmp_path_factory.mktemp("workbook") / "register-50000.xlsx"
    people = make_people(REGISTER_ROWS, 7, on=date(2026, 5, 20), stamp=datetime(2026, 5, 20))
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("花名册")
    sheet.write_row(0, 0, HEADER)
    for row, p in enumerate(people, start=1):
        sheet.write_number(row, 0, row)
        sheet.write_string(row, 1, p["name"])
        sheet.write_string(row, 2, "男" if p["sex"] == "M" else "女")
        sheet.write_string(row, 3, p["id_number"])
        sheet.write_string(row, 4, p["birth_date"].isoformat())
        sheet.write_string(row, 5, p["phone"] or "")
        sheet.write_string(row, 6, p["account"] or "")
    book.close()
    return path


@pytest.fixture(scope="session")
def empty_office(tmp_path_factory) -> Path:
    path = initialise_office(tmp_path_factory.mktemp("empty") / "office.db")
    settle(path)
    return path


@pytest.fixture(scope="session")
def roster_office(tmp_path_factory) -> Path:
    """30,000 demo people; everyone active born by 1946-03 enrolled (approved 2026-04, proof of
    life 2026-04) by direct SQL; the 2026Q1 draft built by the roster service."""
    from sqlalchemy import text

    from elderdesk.demo.generator import DemoService
    from elderdesk.services.container import Services

    path = initialise_office(tmp_path_factory.mktemp("roster") / "office.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", TODAY)
        services = Services.open(path)
        try:
            op = services.users.authenticate("admin", ADMIN_PASSWORD)
            DemoService(services.db).fill(op, DEMO_PEOPLE, seed=3)
            with services.db.write() as s:
                s.execute(text(
                    "INSERT INTO enrollments (person_id, status, applied_on, applied_by, "
                    "reviewed_on, reviewed_by, approved_on, approved_by, created_at) "
                    "SELECT id, 'approved', '2026-04-01', 'clerk', '2026-04-05', 'reviewer', "
                    "'2026-04-10', 'approver', '2026-04-10 09:00:00.000000' FROM people "
                    "WHERE status = 'active' AND birth_date <= '1946-03-31'"))
                s.execute(text(
                    "INSERT INTO lifecerts (person_id, cert_date, user_id, recorded_at) "
                    "SELECT person_id, '2026-04-01', NULL, 20260401090000 "
                    "FROM enrollments"))
            services.roster.build(op, FREEZE_PERIOD)
        finally:
            services.close()
    settle(path)
    return path
