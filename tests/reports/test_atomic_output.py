"""Every file the program writes for the user (PDFs, workbooks, the import report) goes through
output_file.atomic_output: a failure, a full disk midway included, leaves neither a truncated
file under the real name nor the scratch file, and an existing file stays as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError, message_for
from elderdesk.domain.forms import PickupRegister
from elderdesk.importing.findings import Finding
from elderdesk.reports.audit_xlsx import AuditLine, write_audit_xlsx
from elderdesk.reports.card_overlay import write_calibration_page
from elderdesk.reports.card_pdf import write_cards
from elderdesk.reports.forms_pdf import write_form_pdf
from elderdesk.reports.import_report import write_import_report
from elderdesk.reports.output_file import atomic_output
from elderdesk.reports.roster_pdf import write_roster_pdf
from elderdesk.reports.roster_xlsx import write_bank_rows
from elderdesk.reports.stats_pdf import write_stats_pdf
from elderdesk.reports.stats_xlsx import write_stats_xlsx
from elderdesk.reports.tables import StatTable
from tests.reports.test_card_pdf import face
from tests.reports.test_roster_reports import build_roster

TABLE = StatTable("age", "年龄分布", ("年龄段", "人数"), (("80-89", 12), ("90-99", 3)))
LONG = StatTable("community", "社区", ("社区", "人数"), tuple((f"社区{i}", i) for i in range(3000)))
BIG = 400  # cards: a PDF of several hundred KB, so a small disk fills midway

WRITERS: dict[str, Callable[[Path], object]] = {
    "roster.pdf": lambda p: write_roster_pdf(p, build_roster(300)),
    "stats.pdf": lambda p: write_stats_pdf(p, [TABLE] * 20, title="统计", subtitle="2026年"),
    "pickup.pdf": lambda p: write_form_pdf(p, PickupRegister(
        "江汉区民意街道社区服务中心", date(2026, 5, 20), date(2026, 5, 1), date(2026, 5, 20), ())),
    "cards.pdf": lambda p: write_cards(p, [face(no=f"42010320260{i:05d}") for i in range(BIG)],
                                       "sheet"),
    "calibration.pdf": lambda p: write_calibration_page(p),
    "bank.xlsx": lambda p: write_bank_rows(p, [("张三", "420103194501011234", "工商银行",
                                                "6222000011112222", 30000)] * 3000),
    "stats.xlsx": lambda p: write_stats_xlsx(p, [TABLE, LONG], heading="统计"),
    "audit.xlsx": lambda p: write_audit_xlsx(p, [AuditLine(i, "2026-05-20T09:00:00", "admin",
                                                           "people.add", "张三", ["姓名：张三"] * 5)
                                                 for i in range(1, 3000)]),
    "report.xlsx": lambda p: write_import_report(p, [Finding(i, "error", "ID_FORMAT", "4201",
                                                             "张三", "身份证号格式不对")
                                                     for i in range(2, 3000)]),
}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "stick"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _leave_free(folder: Path, free: int) -> None:
    """Fill the disk but `free` bytes."""
    total = shutil.disk_usage(folder).free - free
    with open(folder / "filler", "wb") as f:
        f.write(b"\0" * max(total, 0))


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_writes_the_real_name_and_no_scratch_file(tmp_path, name):
    WRITERS[name](tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).stat().st_size > 0


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_full_disk_midway_leaves_nothing_and_says_disk_full(small_disk, name):
    _leave_free(small_disk, 16 * 1024)  # room for the start of each file, not for all of it
    with pytest.raises(ElderError) as e:
        WRITERS[name](small_disk / name)
    assert e.value.code == "DISK_FULL" and e.value.exit_status == 4
    assert e.value.message == message_for("DISK_FULL", path=str(small_disk))
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


@pytest.mark.parametrize("name", ["roster.pdf", "cards.pdf", "report.xlsx"])
def test_a_failure_keeps_the_existing_file_as_it_was(small_disk, name):
    target = small_disk / name
    target.write_bytes(b"the earlier print")
    _leave_free(small_disk, 16 * 1024)
    with pytest.raises(ElderError):
        WRITERS[name](target)
    assert target.read_bytes() == b"the earlier print"
    assert sorted(p.name for p in small_disk.iterdir()) == sorted(["filler", name])


def test_an_error_in_the_writer_removes_the_scratch_file(tmp_path):
    target = tmp_path / "x.pdf"
    with pytest.raises(ZeroDivisionError), atomic_output(target) as out:
        out.write(b"%PDF-1.4 half")
        1 / 0  # noqa: B018
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_clear_refusal(tmp_path):
    with pytest.raises(ElderError) as e:
        WRITERS["roster.pdf"](tmp_path / "no such folder" / "r.pdf")
    assert e.value.code == "FILE_UNWRITABLE" and "文件夹不存在" in e.value.message


def test_a_read_only_folder_is_a_clear_refusal(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        for name in ("stats.pdf", "stats.xlsx"):
            with pytest.raises(ElderError) as e:
                WRITERS[name](folder / name)
            assert e.value.code == "FILE_UNWRITABLE" and "没有权限" in e.value.message
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    assert list(folder.iterdir()) == []


def test_other_os_errors_pass_through(tmp_path):
    """Only the output's own errors become refusals: a writer's other failure stays itself."""
    with pytest.raises(FileNotFoundError), atomic_output(tmp_path / "x.pdf"):
        open(tmp_path / "missing-font.ttf", "rb")  # noqa: SIM115
    assert not os.listdir(tmp_path)


def test_a_name_at_the_length_limit_still_gets_a_scratch_file(tmp_path):
    name = "高龄津贴" * 20 + "花名册" + ".pdf"  # 253 bytes: name.part would be 258
    assert len(name.encode()) == 253
    WRITERS["roster.pdf"](tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]
