"""The audit chain against anchors kept outside the database (issue 11, item 7).

Each test first shows the forgery verifying as ok without an anchor (what the bare chain cannot
see), then detected with one. The forger has the sqlite3 shell and the program's source: drops
the append-only triggers, deletes, edits and appends rows with hashes recomputed exactly as the
program computes them.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services import audit
from elderdesk.services.audit import anchors as audit_anchors
from elderdesk.services.audit.anchors import Anchor, Head
from elderdesk.services.safety.service import SafetyService, verify_chain
from tests.helpers import make_id

OFFICE = "420103"


# --- the forger's tools (sqlite3 shell + the published hash rule) ---------------------------
def _rows(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT id, at, operator, action, entity, entity_key, before_json, after_json, "
            "prev_hash, hash, today FROM audit_log ORDER BY id").fetchall()
    finally:
        conn.close()


def _head(db_path: Path) -> tuple[int, str]:
    last = _rows(db_path)[-1]
    return last[0], last[9]


def cut(db_path: Path, keep: int) -> None:
    """Delete every record after `keep`."""
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id > ?", (keep,))
    conn.commit()
    conn.close()


def append(db_path: Path, action: str = "user.roles", at: str | None = None) -> int:
    """Append one forged record chained to the last one; its number."""
    last = _rows(db_path)[-1]
    at = at or datetime.now().isoformat(timespec="seconds")
    after = json.dumps({"roles": ["admin"]})
    h = audit.record_hash(last[9], at, "admin", action, "user", "clerk1", None, after)
    conn = sqlite3.connect(db_path)
    cur = conn.execute(
        "INSERT INTO audit_log (at, operator, action, entity, entity_key, before_json, "
        "after_json, prev_hash, hash) VALUES (?, 'admin', ?, 'user', 'clerk1', NULL, ?, ?, ?)",
        (at, action, after, last[9], h))
    conn.commit()
    conn.close()
    return int(cur.lastrowid)


def rewrite(db_path: Path, record: int, **changes: str) -> None:
    """Change record's fields, then recompute every hash from it on (the whole chain after)."""
    rows = _rows(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    prev = audit.GENESIS
    cols = ("id", "at", "operator", "action", "entity", "entity_key", "before_json",
            "after_json", "prev_hash", "hash", "today")
    for row in rows:
        r = dict(zip(cols, row, strict=True))
        if r["id"] == record:
            r.update(changes)
        h = audit.record_hash(prev, r["at"], r["operator"], r["action"], r["entity"],
                              r["entity_key"], r["before_json"], r["after_json"], r["today"])
        conn.execute("UPDATE audit_log SET at=?, operator=?, prev_hash=?, hash=? WHERE id=?",
                     (r["at"], r["operator"], prev, h, r["id"]))
        prev = h
    conn.commit()
    conn.close()


# --- the office's side ----------------------------------------------------------------------
def add_people(services, clerk, first: int, n: int = 1) -> None:
    for seq in range(first, first + n):
        services.people.add(clerk, PersonInput(id_number=make_id("1940-01-02", seq),
                                               name=f"老人{seq}"))


_COUNT = itertools.count(1)


def backup_with_head(services, admin, office: str = OFFICE, at: datetime | None = None) -> Path:
    """A backup in the backup folder, named as the folder's backups are (its time in the name),
    with its NAME.head beside it. Named explicitly so that several in one second stay apart and
    no rotation runs. The backup command writes the head file itself once the backup helper's
    work lands; until then it is written here by hand, in the contract's format
    (`office record sha256`, the backup's last record)."""
    stamp = at or datetime.now()
    folder = services.safety.backup_folder(admin)
    target = folder / f"office-{stamp:%Y%m%d-%H%M%S}-manual-{next(_COUNT)}.db"
    path = services.safety.create_backup(admin, target)
    head = audit_anchors.head_path(path)
    if not head.exists():
        conn = sqlite3.connect(path)
        n, h = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        conn.close()
        head.write_text(f"{office} {n} {h}\n", encoding="utf-8")
    return path


def verify(services, admin, head: str | None = None):  # type: ignore[no-untyped-def]
    return services.safety.verify_audit(admin, head)


def hide(path: Path) -> Path:
    """Take a backup's head file away (as if no anchor had been taken); returns where it went."""
    head = audit_anchors.head_path(path)
    moved = head.with_name(head.name + ".away")
    head.rename(moved)
    return moved


# --- tests ----------------------------------------------------------------------------------
def test_cut_is_detected_by_a_backup_anchor(services, admin, clerk, db_path):
    add_people(services, clerk, 1, 3)
    b = backup_with_head(services, admin)
    anchored = int(audit_anchors.head_path(b).read_text().split()[1])
    add_people(services, clerk, 4, 2)
    cut(db_path, anchored - 2)
    away = hide(b)
    check = verify(services, admin)
    assert check.ok and check.anchors == ()  # the defect: a cut chain is a valid chain
    away.rename(audit_anchors.head_path(b))
    check = verify(services, admin)
    assert not check.ok and check.first_broken is None
    [a] = check.anchors
    assert (a.source, a.name, a.record, a.found, a.superseded) == (
        "backup", b.name, anchored, False, False)
    assert check.to_json()["anchors"] == [{"source": "backup", "name": b.name,
                                           "record": anchored, "found": False,
                                           "superseded": False}]


def test_an_untouched_chain_finds_every_anchor(services, admin, clerk):
    add_people(services, clerk, 1)
    first = backup_with_head(services, admin)
    add_people(services, clerk, 2)
    second = backup_with_head(services, admin)
    add_people(services, clerk, 3)
    check = verify(services, admin)
    assert check.ok and check.first_broken is None and check.clock_back == ()
    assert sorted((a.name, a.found, a.superseded) for a in check.anchors) == sorted(
        [(first.name, True, False), (second.name, True, False)])


def test_append_over_an_anchored_position_is_detected(services, admin, clerk, db_path):
    """The forger's file lacks the office's latest records (a copy taken home, or the tail cut)
    and carries forged records with recomputed hashes in their place."""
    add_people(services, clerk, 1, 2)
    b = backup_with_head(services, admin)
    anchored = int(audit_anchors.head_path(b).read_text().split()[1])
    cut(db_path, anchored - 3)
    for _ in range(5):  # past the anchored record number
        append(db_path)
    away = hide(b)
    assert verify(services, admin).ok  # the defect
    away.rename(audit_anchors.head_path(b))
    check = verify(services, admin)
    assert not check.ok and check.first_broken is None
    assert [(a.record, a.found) for a in check.anchors] == [(anchored, False)]


def test_an_append_after_the_newest_anchor_is_not_provable(services, admin, clerk, db_path):
    """What no anchor can show (documented): a record appended after the newest anchor. Dated
    before its predecessor, it is listed in clock_back (which does not change ok)."""
    add_people(services, clerk, 1)
    backup_with_head(services, admin)
    n, _ = _head(db_path)
    last_at = datetime.fromisoformat(_rows(db_path)[-1][1])
    forged = append(db_path, at=(last_at - timedelta(days=30)).isoformat(timespec="seconds"))
    check = verify(services, admin)
    assert check.ok and all(a.found for a in check.anchors)
    assert check.clock_back == (forged,)
    assert check.to_json()["clock_back"] == [forged]


def test_rewriting_the_whole_chain_is_detected(services, admin, clerk, db_path):
    add_people(services, clerk, 1, 2)
    b = backup_with_head(services, admin)
    n, h = _head(db_path)
    code = audit_anchors.check_code(n, h)
    add_people(services, clerk, 3)
    rewrite(db_path, 2, operator="nobody")
    away = hide(b)
    check = verify(services, admin)
    assert check.ok and check.first_broken is None  # the defect: a recomputed chain is valid
    assert verify(services, admin, code).to_json()["anchors"] == [
        {"source": "argument", "name": code, "record": n, "found": False, "superseded": False}]
    assert not verify(services, admin, code).ok
    away.rename(audit_anchors.head_path(b))
    check = verify(services, admin)
    assert not check.ok and [(a.source, a.found) for a in check.anchors] == [("backup", False)]


def test_head_argument_forms(services, admin, clerk, db_path):
    add_people(services, clerk, 1)
    n, h = _head(db_path)
    code = audit_anchors.check_code(n, h)
    assert code == f"{n}-{h[0:4]}-{h[4:8]}-{h[8:12]}-{h[12:16]}".upper()
    for typed in (code, code.lower(), f"{n}-{h[:16]}", f"{n}-{h}", f"{n}-{h.upper()}",
                  f"{n}-{h[:8]}-{h[8:16]}", f" {code} ", f"{n}－{h[:16]}"):
        check = verify(services, admin, typed)
        assert check.ok and [(a.record, a.found) for a in check.anchors] == [(n, True)], typed
    wrong = f"{n}-{'0' * 16}"
    check = verify(services, admin, wrong)
    assert not check.ok and [(a.record, a.found) for a in check.anchors] == [(n, False)]
    check = verify(services, admin, f"{n + 50}-{h[:16]}")  # no such record (a cut)
    assert not check.ok and check.anchors[0].found is False
    for bad in ("", "-", f"{n}", f"{n}-", f"-{h[:16]}", f"x{n}-{h[:16]}", f"{n}-{h[:15]}",
                f"{n}-{h[:17]}", f"{n}-{h[:63]}", f"{n}-{h}0", f"{n}-{h[:15]}g", "0-" + h[:16],
                f"{n}-{h[:16]}-", f"{n}--{h[:16]}", f"{n} {h[:16]}", f"{n}-{h[:16]}\x00",
                "9" * 30 + "-" + h[:16], f"+{n}-{h[:16]}", f"{n}.0-{h[:16]}"):
        with pytest.raises(ElderError) as e:
            verify(services, admin, bad)
        assert e.value.code == "AUDIT_HEAD_INVALID" and e.value.exit_status == 2, bad


def test_heads_of_other_offices_and_stray_files_are_not_anchors(services, admin, clerk):
    add_people(services, clerk, 1)
    b = backup_with_head(services, admin)
    folder = b.parent
    (folder / "other-20260101-000000-manual.db.head").write_text(
        f"420104 999 {'a' * 64}\n", encoding="utf-8")  # another office's backup in the folder
    (folder / "broken.db.head").write_text("not a head line\n", encoding="utf-8")
    (folder / "empty.db.head").write_bytes(b"")
    (folder / "huge.db.head").write_bytes(b"4" * 100_000)
    (folder / "office-20260101-000000-manual.db").write_bytes(b"x")  # a backup without a head
    check = verify(services, admin)
    assert check.ok and [a.name for a in check.anchors] == [b.name]


def test_package_anchors_come_from_a_pluggable_source(services, admin, clerk, db_path,
                                                       monkeypatch):
    add_people(services, clerk, 1)
    n, h = _head(db_path)
    # the exchange's source (issue 15: heads partners returned) gives none without partners
    assert [a for src in audit_anchors.PACKAGE_SOURCES for a in src(services.db)] == []
    monkeypatch.setattr(audit_anchors, "PACKAGE_SOURCES", [
        lambda db: [Anchor("package", "420103002-seq-7", Head(n, h)),
                    Anchor("package", "420103002-seq-8", Head(n, "f" * 64))]])
    check = verify(services, admin)
    assert [(a.source, a.name, a.found) for a in check.anchors] == [
        ("package", "420103002-seq-7", True), ("package", "420103002-seq-8", False)]
    assert not check.ok


def _restore_by_hand(services, admin, db_path: Path, backup: Path) -> int:
    """What `backup restore` does to the chain: the backup's records, then the restore's own
    record holding both heads (written by hand here; the restore command writes the same keys
    once the backup helper's work lands). Returns the restore record's number."""
    replaced = _head(db_path)
    conn = sqlite3.connect(backup)
    restored = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    cut(db_path, restored[0])
    with services.db.write() as s:
        row = audit.record(s, admin, "backup.restore", "backup", backup.name, None, {
            "file": str(backup),
            "restored_head": {"record": restored[0], "sha256": restored[1]},
            "replaced_head": {"record": replaced[0], "sha256": replaced[1]}})
        return row.id


def test_anchors_between_the_restored_and_replaced_heads_are_superseded(services, admin, clerk,
                                                                       db_path):
    add_people(services, clerk, 1)
    old = backup_with_head(services, admin)
    add_people(services, clerk, 2, 3)
    newer = backup_with_head(services, admin)
    newer_record = int(audit_anchors.head_path(newer).read_text().split()[1])
    n, h = _head(db_path)
    code = audit_anchors.check_code(n, h)  # printed on a roster later discarded by the restore
    add_people(services, clerk, 5)
    _restore_by_hand(services, admin, db_path, old)
    add_people(services, clerk, 6, 4)  # the new history reuses the discarded record numbers
    check = verify(services, admin, code)
    assert check.ok, check
    got = {a.name: (a.found, a.superseded) for a in check.anchors}
    assert got == {old.name: (True, False), newer.name: (False, True), code: (False, True)}
    assert newer_record > int(audit_anchors.head_path(old).read_text().split()[1])


def test_an_anchor_taken_after_the_restore_is_never_excused(services, admin, clerk, db_path):
    add_people(services, clerk, 1)
    old = backup_with_head(services, admin)
    add_people(services, clerk, 2, 4)
    _restore_by_hand(services, admin, db_path, old)
    add_people(services, clerk, 6)
    # in the discarded range, but taken after the restore (named a minute later: the names
    # carry whole seconds, and a backup in the restore's own second counts as before it)
    after = backup_with_head(services, admin, at=datetime.now() + timedelta(minutes=1))
    record = int(audit_anchors.head_path(after).read_text().split()[1])
    assert verify(services, admin).ok
    rewrite(db_path, record, operator="nobody")
    check = verify(services, admin)
    assert not check.ok
    assert {a.name: (a.found, a.superseded) for a in check.anchors}[after.name] == (False, False)


def test_a_forged_restore_record_does_not_excuse_earlier_anchors_it_postdates(
        services, admin, clerk, db_path):
    """A forger who cuts the chain and appends a restore record of their own claiming to have
    replaced the cut records: backups taken after the head it claims to restore, but named
    (timed) after the forged record's time, stay missing; one whose restored head is not in the
    chain excuses nothing."""
    add_people(services, clerk, 1)
    backup_with_head(services, admin)
    add_people(services, clerk, 2, 2)
    late = backup_with_head(services, admin)
    late_record = int(audit_anchors.head_path(late).read_text().split()[1])
    keep = late_record - 3
    conn = sqlite3.connect(db_path)
    kept_hash = conn.execute("SELECT hash FROM audit_log WHERE id=?", (keep,)).fetchone()[0]
    conn.close()
    cut(db_path, keep)
    before_backup = (datetime.now() - timedelta(hours=2)).isoformat(timespec="seconds")
    for restored_hash in (kept_hash, "0" * 64):
        last = _rows(db_path)[-1]
        after = json.dumps({"restored_head": {"record": keep, "sha256": restored_hash},
                            "replaced_head": {"record": late_record + 10, "sha256": "1" * 64}})
        at = before_backup if restored_hash == kept_hash else last[1]
        h = audit.record_hash(last[9], at, "admin", "backup.restore", "backup", "x.db", None,
                              after)
        conn = sqlite3.connect(db_path)
        conn.execute("INSERT INTO audit_log (at, operator, action, entity, entity_key, "
                     "after_json, prev_hash, hash) VALUES (?, 'admin', 'backup.restore', "
                     "'backup', 'x.db', ?, ?, ?)", (at, after, last[9], h))
        conn.commit()
        conn.close()
        check = verify(services, admin)
        assert not check.ok
        assert {a.name: (a.found, a.superseded) for a in check.anchors}[late.name] == (
            False, False)
        cut(db_path, keep)


def test_stored_times_come_from_the_system_clock(services, admin, clerk, db_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2025-03-01")
    add_people(services, clerk, 1)
    row = _rows(db_path)[-1]
    assert row[1][:10] == date.today().isoformat() and row[10] == "2025-03-01"
    monkeypatch.delenv("ELDERDESK_TODAY")
    add_people(services, clerk, 2)
    assert _rows(db_path)[-1][10] is None
    check = verify(services, admin)
    assert check.ok and check.clock_back == ()
    # The recorded date is covered by the hash: changing it breaks the chain there.
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET today='2025-03-02' WHERE id=?", (row[0],))
    conn.commit()
    conn.close()
    assert verify(services, admin).first_broken == row[0]


def test_records_without_a_recorded_date_keep_their_old_hash():
    """Records written before migration 0006 (no date column) verify unchanged."""
    import hashlib

    fields = ["0" * 64, "2026-01-01T09:00:00", "admin", "people.add", "person", "1", None, "{}"]
    old = hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8")).hexdigest()
    assert audit.record_hash(*fields) == old == audit.record_hash(*fields, None)
    assert audit.record_hash(*fields, "2025-03-01") != old


def test_back_dating_a_record_is_flagged_and_caught_by_a_later_anchor(services, admin, clerk,
                                                                    db_path):
    add_people(services, clerk, 1, 3)
    target = _head(db_path)[0] - 1
    b = backup_with_head(services, admin)
    rewrite(db_path, target, at="2020-01-01T08:00:00")
    away = hide(b)
    check = verify(services, admin)
    assert check.ok and check.clock_back == (target,)
    away.rename(audit_anchors.head_path(b))
    check = verify(services, admin)
    assert not check.ok and check.clock_back == (target,)


def test_verify_chain_reads_a_large_log_in_order(services, admin, db_path):
    """Many records (streamed, not loaded at once); anchors at the first and last record."""
    with services.db.write() as s:
        for i in range(3000):
            audit.record(s, admin, "settings.change", "setting", f"k{i}", None, {"v": i})
    rows = _rows(db_path)
    first, last = rows[0], rows[-1]
    check = verify_chain(services.db, [
        Anchor("argument", "a", Head(first[0], first[9])),
        Anchor("argument", "b", Head(last[0], last[9][:16]))])
    assert check.ok and check.records == len(rows)
    assert [a.found for a in check.anchors] == [True, True]


def test_the_safety_service_is_unchanged_for_the_role_matrix(services, admin, clerk):
    with pytest.raises(ElderError) as e:
        SafetyService(services.db).verify_audit(clerk)
    assert e.value.code == "ROLE_DENIED"


def test_the_audit_tab_names_a_missing_anchor(qtbot, services, admin, clerk, db_path):
    """The GUI's 校验审计日志 (系统 → 审计): a missing anchor is not reported as a break at
    record "None"; the report names the backup and its record."""
    from PySide6.QtWidgets import QWidget

    from elderdesk.ui.ops import Ops
    from elderdesk.ui.pages.audit_tab import AuditTab

    add_people(services, clerk, 1, 2)
    b = backup_with_head(services, admin)
    anchored = int(audit_anchors.head_path(b).read_text().split()[1])
    cut(db_path, anchored - 1)
    holder = QWidget()
    qtbot.addWidget(holder)
    ops = Ops(holder)
    tab = AuditTab(ops, services, admin)
    qtbot.addWidget(tab)
    tab.verify()
    qtbot.waitUntil(lambda: tab.verify_button.isEnabled(), timeout=10000)
    ops.wait_done()
    text = tab.status_label.text()
    assert "None" not in text and b.name in text and f"第 {anchored} 条" in text


def test_changing_the_region_code_does_not_drop_older_heads(services, admin, clerk, db_path):
    """office.region is editable: heads written under the former code stay this office's
    anchors (else an admin could switch every backup anchor off by editing the setting)."""
    add_people(services, clerk, 1, 2)
    b = backup_with_head(services, admin)
    anchored = int(audit_anchors.head_path(b).read_text().split()[1])
    services.settings.set(admin, "office.region", "420104")
    services.settings.set(admin, "office.region", "420105")
    cut(db_path, anchored - 1)
    check = verify(services, admin)
    assert not check.ok and [(a.name, a.found) for a in check.anchors] == [(b.name, False)]


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.one_of(
    st.text(max_size=90),
    st.builds(lambda n, h, sep, up: f"{n}{sep}{h.upper() if up else h}",
              st.integers(-5, 10**19), st.text("0123456789abcdefABCDEF-－ g", max_size=70),
              st.sampled_from(["-", "－", " ", "", "--"]), st.booleans())))
def test_any_head_argument_is_a_head_or_audit_head_invalid(text):
    try:
        head = audit_anchors.parse_head_arg(text)
    except ElderError as e:
        assert e.code == "AUDIT_HEAD_INVALID" and e.exit_status == 2
        assert "\n" not in e.message and len(e.message) < 300
    else:
        assert head.record >= 1 and len(head.sha256) in (16, 64)
        assert set(head.sha256) <= set("0123456789abcdef")


def test_moving_the_backup_folder_does_not_drop_older_heads(services, admin, clerk, db_path,
                                                            tmp_path):
    """Heads in the folders the office used before (the log's backup.folder changes, and the
    default `backups` beside the database) stay anchors after `backup folder` moves on. (The
    move is known from the log: a cut reaching back before it hides that folder too.)"""
    add_people(services, clerk, 1)
    b = backup_with_head(services, admin)  # in the default folder
    services.safety.set_backup_folder(admin, tmp_path / "stick1")
    add_people(services, clerk, 2, 2)
    on_stick = backup_with_head(services, admin)
    anchored = int(audit_anchors.head_path(on_stick).read_text().split()[1])
    services.safety.set_backup_folder(admin, tmp_path / "stick2")
    add_people(services, clerk, 4)
    assert sorted((a.name, a.found) for a in verify(services, admin).anchors) == sorted(
        [(b.name, True), (on_stick.name, True)])
    cut(db_path, anchored - 1)
    check = verify(services, admin)
    assert not check.ok
    assert sorted((a.name, a.found) for a in check.anchors) == sorted(
        [(b.name, True), (on_stick.name, False)])
