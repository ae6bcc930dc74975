"""Card views for the counter: the eligibility verdicts, recent cards, the unaudited preview."""

import subprocess
from datetime import date

from sqlalchemy import func, select

from elderdesk.domain.person import PersonInput
from elderdesk.services.cards.service import PREVIEW_NUMBER, PREVIEW_QR
from elderdesk.store.orm import AuditRow
from tests.helpers import make_id
from tests.system_tools import needs

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

D = date.fromisoformat


def add(services, op, birth, seq, name, **kw):
    return services.people.add(op, PersonInput(id_number=make_id(birth, seq), name=name, **kw))


def test_eligibility_verdicts(services, clerk):
    young = add(services, clerk, "1966-07-15", 1, "欧阳秀英").id_number
    blue = add(services, clerk, "1961-07-15", 3, "李建国").id_number
    info = services.cards.eligibility(clerk, young, D("2026-04-30"))
    assert info.issue_refusal.code == "CARD_TOO_YOUNG" and info.reissue_refusal.code == "CARD_NONE"
    info = services.cards.eligibility(clerk, young, D("2026-05-01"))
    assert info.issue_refusal is None and info.card_type == "blue" and info.fee("new") == 0

    services.cards.issue(clerk, blue, D("2025-05-01"))
    info = services.cards.eligibility(clerk, blue, D("2026-05-01"))
    assert info.issue_refusal.code == "CARD_EXISTS" and info.reissue_refusal is None
    assert info.upgrade_due and info.card_type == "red" and info.valid.card_type == "blue"
    assert (info.fee("lost"), info.fee("upgrade")) == (600, 0)
    services.cards.reissue(clerk, blue, "lost", D("2026-05-02"))
    info = services.cards.eligibility(clerk, blue, D("2026-05-03"))
    assert info.paid_reissues == 1 and info.fee("damaged") == 1200 and len(info.cards) == 2
    assert not info.upgrade_due and info.current.card_no == "4201032026000001"

    services.people.record_death(clerk, blue, D("2026-06-01"))
    info = services.cards.eligibility(clerk, blue, D("2026-06-02"))
    assert info.valid is None and info.current.status == "revoked"
    assert info.issue_refusal.code == "PERSON_DECEASED"


def test_recent_cards_newest_first(services, clerk):
    numbers = [add(services, clerk, "1950-01-01", i, f"人{i}").id_number for i in range(1, 4)]
    for n in numbers:
        services.cards.issue(clerk, n)
    recent = services.cards.recent_cards(clerk, limit=2)
    assert [c.name for c in recent] == ["人3", "人2"]


@needs("pdftotext")
def test_preview_writes_a_sample_and_no_audit(services, clerk, tmp_path):
    number = add(services, clerk, "1950-01-01", 5, "林淑芬").id_number
    with services.db.read() as s:
        before = s.execute(select(func.count()).select_from(AuditRow)).scalar_one()
    path = tmp_path / "preview.pdf"
    services.cards.preview_pdf(clerk, number, path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "林淑芬" in text and PREVIEW_NUMBER in text
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(AuditRow)).scalar_one() == before
    assert services.cards.verify(PREVIEW_QR).status != "valid"
