"""Card service: refusals, upgrade at 65, reissue fees, numbering (also concurrent), death,
pick-up, photos, rules and their audit."""

import io
import threading
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.cards import qr_token
from elderdesk.store.orm import AuditRow
from elderdesk.store.orm_cards import CardPhotoRow, CardRow
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import make_id

D = date.fromisoformat

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def add(services, op, birth="1961-07-15", seq=11, name="欧阳秀英", **kw):
    return services.people.add(op, PersonInput(id_number=make_id(birth, seq), name=name, **kw))


def code_of(fn, *args, **kw):  # type: ignore[no-untyped-def]
    with pytest.raises(ElderError) as e:
        fn(*args, **kw)
    return e.value.code, e.value.exit_status


def image_bytes(size=(600, 800), fmt="PNG", mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (120, 160, 200) if mode == "RGB" else (120, 160, 200, 128)).save(out, fmt)
    return out.getvalue()


def actions(services) -> list[str]:
    with services.db.read() as s:
        return list(s.execute(select(AuditRow.action).order_by(AuditRow.id)).scalars())


def test_issue_first_card_free_with_signed_qr(services, clerk):
    p = add(services, clerk, "1966-07-15")
    card = services.cards.issue(clerk, p.id_number, D("2026-05-01"))
    assert (card.card_no, card.card_type, card.fee_fen, card.status) == (
        "4201032026000001", "blue", 0, "valid")
    checked = qr_token.check(card.qr, services.cards.public_key())
    assert checked.good and checked.payload == {
        "no": card.card_no, "id": p.id_number[:6] + "********" + p.id_number[-4:],
        "name": "欧阳秀英", "type": "blue", "issued": "2026-05-01", "office": "420103"}
    assert services.cards.verify(card.qr).status == "valid"
    assert services.profile(clerk, p.id_number).extra["card"] == {
        "card_no": card.card_no, "type": "blue", "issued_on": "2026-05-01", "status": "valid"}
    assert "card.issue" in actions(services)


def test_every_issue_refusal(services, clerk):
    young = add(services, clerk, "1966-07-15", 1)
    assert code_of(services.cards.issue, clerk, young.id_number, D("2026-04-30")) == (
        "CARD_TOO_YOUNG", 4)
    assert services.cards.issue(clerk, young.id_number, D("2026-05-01")).card_type == "blue"
    assert code_of(services.cards.issue, clerk, young.id_number, D("2026-06-01")) == (
        "CARD_EXISTS", 4)

    dead = add(services, clerk, "1950-01-01", 2)
    services.people.record_death(clerk, dead.id_number, D("2026-01-05"))
    assert code_of(services.cards.issue, clerk, dead.id_number, D("2026-02-01")) == (
        "PERSON_DECEASED", 4)
    gone = add(services, clerk, "1950-01-01", 3)
    services.people.record_moved_out(clerk, gone.id_number, D("2026-01-05"))
    assert code_of(services.cards.issue, clerk, gone.id_number, D("2026-02-01")) == (
        "PERSON_MOVED_OUT", 4)

    visitor = add(services, clerk, "1950-01-01", 4, household_type="nonlocal")
    assert code_of(services.cards.issue, clerk, visitor.id_number, D("2026-02-01")) == (
        "CARD_NOT_LOCAL", 4)
    expired = add(services, clerk, "1950-01-01", 5, household_type="nonlocal",
                  residence_permit_expiry=D("2026-01-31"))
    assert code_of(services.cards.issue, clerk, expired.id_number, D("2026-02-01")) == (
        "CARD_NOT_LOCAL", 4)
    permit = add(services, clerk, "1950-01-01", 6, household_type="nonlocal",
                 residence_permit_expiry=D("2027-01-31"))
    assert services.cards.issue(clerk, permit.id_number, D("2026-02-01")).card_type == "red"
    # An ID from Beijing with no household type recorded: local, never guessed from the area.
    beijing = services.people.add(clerk, PersonInput(
        id_number=make_id("1950-01-01", 7, area="110101"), name="李四"))
    assert services.cards.issue(clerk, beijing.id_number, D("2026-02-01")).status == "valid"


def test_roles(services, reviewer):
    assert code_of(services.cards.issue, reviewer, make_id("1950-01-01", 1)) == ("ROLE_DENIED", 3)


def test_upgrade_at_65_voids_the_blue_card(services, clerk):
    p = add(services, clerk, "1961-07-15")
    blue = services.cards.issue(clerk, p.id_number, D("2024-03-01"))
    assert blue.card_type == "blue"
    assert code_of(services.cards.reissue, clerk, p.id_number, "upgrade", D("2026-04-30")) == (
        "CARD_UPGRADE_NOT_DUE", 4)
    red = services.cards.reissue(clerk, p.id_number, "upgrade", D("2026-05-01"))
    assert (red.card_type, red.fee_fen, red.reason) == ("red", 0, "upgrade")
    assert red.card_no == "4201032026000001" != blue.card_no
    old, new = services.cards.cards(clerk, p.id_number)
    assert (old.status, old.ended_on, old.end_reason) == ("replaced", D("2026-05-01"), "upgrade")
    assert new.status == "valid"
    assert code_of(services.cards.reissue, clerk, p.id_number, "upgrade", D("2026-08-01")) == (
        "CARD_UPGRADE_NOT_DUE", 4)
    v = services.cards.verify(blue.qr)
    assert (v.valid, v.status, v.card_no) == (False, "revoked", blue.card_no)
    assert "card.reissue" in actions(services)


def test_reissue_fees_first_half_price_then_full(services, clerk):
    p = add(services, clerk, "1950-03-03")
    services.cards.issue(clerk, p.id_number, D("2026-01-10"))
    fees = [services.cards.reissue(clerk, p.id_number, r, D("2026-02-01")).fee_fen
            for r in ("correction", "lost", "damaged", "correction", "lost")]
    assert fees == [0, 600, 1200, 0, 1200]
    cards = services.cards.cards(clerk, p.id_number)
    assert [c.status for c in cards] == ["replaced"] * 5 + ["valid"]
    assert len({c.card_no for c in cards}) == 6


def test_reissue_refusals(services, clerk):
    p = add(services, clerk, "1950-03-03")
    assert code_of(services.cards.reissue, clerk, p.id_number, "lost") == ("CARD_NONE", 4)
    assert code_of(services.cards.reissue, clerk, p.id_number, "stolen") == (
        "CARD_REISSUE_REASON", 2)


def test_numbers_are_gap_free_per_year_and_a_failure_gives_the_number_back(services, clerk,
                                                                           monkeypatch):
    people = [add(services, clerk, "1950-01-01", i) for i in range(1, 5)]
    services.cards.issue(clerk, people[0].id_number, D("2025-12-31"))
    services.cards.issue(clerk, people[1].id_number, D("2026-01-01"))
    real_sign = qr_token.sign
    monkeypatch.setattr(qr_token, "sign", lambda *a: (_ for _ in ()).throw(RuntimeError("x")))
    with pytest.raises(RuntimeError):
        services.cards.issue(clerk, people[2].id_number, D("2026-01-02"))
    monkeypatch.setattr(qr_token, "sign", real_sign)
    services.cards.issue(clerk, people[2].id_number, D("2026-01-02"))
    services.cards.issue(clerk, people[3].id_number, D("2026-01-03"))
    numbers = [services.cards.current(clerk, p.id_number).card_no for p in people]
    assert numbers == ["4201032025000001", "4201032026000001", "4201032026000002",
                       "4201032026000003"]


def test_numbering_under_concurrent_issue_from_two_sessions(db_path, services, clerk):
    from elderdesk.services.container import Services

    ids = [add(services, clerk, "1950-01-01", i).id_number for i in range(1, 41)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def counter(batch: list[str]) -> None:
        own = Services.open(db_path)  # its own engine, connections and sessions
        try:
            op = own.users.authenticate("admin", ADMIN_PASSWORD)
            barrier.wait()
            for number in batch:
                own.cards.issue(op, number, D("2026-03-01"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=counter, args=(ids[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    with services.db.read() as s:
        seqs = sorted(s.execute(select(CardRow.seq).where(CardRow.seq_year == 2026)).scalars())
        nos = set(s.execute(select(CardRow.card_no)).scalars())
    assert seqs == list(range(1, 41))
    assert len(nos) == 40


def test_death_revokes_the_valid_card(services, clerk):
    p = add(services, clerk, "1950-01-01")
    card = services.cards.issue(clerk, p.id_number, D("2026-01-10"))
    services.people.record_death(clerk, p.id_number, D("2026-03-01"))
    now = services.cards.current(clerk, p.id_number)
    assert (now.status, now.ended_on, now.end_reason) == ("revoked", D("2026-03-01"), "death")
    assert services.profile(clerk, p.id_number).extra["card"]["status"] == "revoked"
    v = services.cards.verify(card.qr)
    assert (v.valid, v.status) == (False, "revoked") and "死亡" in v.reason
    assert "card.revoke" in actions(services)
    assert code_of(services.cards.reissue, clerk, p.id_number, "lost") == ("PERSON_DECEASED", 4)


def test_pickup_register(services, clerk):
    p = add(services, clerk, "1950-01-01")
    q = add(services, clerk, "1950-01-01", 2)
    assert code_of(services.cards.pickup, clerk, p.id_number) == ("CARD_NONE", 4)
    services.cards.issue(clerk, p.id_number, D("2026-01-10"))
    services.cards.issue(clerk, q.id_number, D("2026-01-10"))
    assert code_of(services.cards.pickup, clerk, p.id_number, agent_name="李四") == (
        "CARD_AGENT_INCOMPLETE", 2)
    assert code_of(services.cards.pickup, clerk, p.id_number, agent_name="李四",
                   agent_id="420103198001011230")[1] == 2
    agent = make_id("1980-01-01", 23)
    c = services.cards.pickup(clerk, p.id_number, D("2026-01-25"), "李四", agent.lower())
    assert (c.picked_up_on, c.agent_name, c.agent_id_number) == (D("2026-01-25"), "李四", agent)
    assert code_of(services.cards.pickup, clerk, p.id_number) == ("CARD_PICKED_UP", 4)
    self_ = services.cards.pickup(clerk, q.id_number, D("2026-01-26"))
    assert self_.agent_name is None and self_.picked_up_on == D("2026-01-26")
    assert actions(services).count("card.pickup") == 2


def test_photo_is_cropped_to_one_inch_and_stored(services, clerk):
    p = add(services, clerk, "1950-01-01")
    services.cards.issue(clerk, p.id_number, D("2026-01-10"), image_bytes((800, 600)))
    with services.db.read() as s:
        row = s.execute(select(CardPhotoRow)).scalar_one()
        card = s.execute(select(CardRow)).scalar_one()
        assert (row.crop_x, row.crop_y, row.crop_w, row.crop_h) == (185, 0, 429, 600)
        assert row.original_format == "png" and card.photo_id == row.id
    jpeg = Image.open(io.BytesIO(services.cards.photo(clerk, p.id_number)))
    assert (jpeg.format, jpeg.size) == ("JPEG", (295, 413))
    services.cards.set_photo(clerk, p.id_number, box=(0, 0, 250, 350))  # re-crop (movable frame)
    with services.db.read() as s:
        assert s.execute(select(CardPhotoRow.crop_x).order_by(CardPhotoRow.id.desc())).first()[0] == 0
    assert code_of(services.cards.set_photo, clerk, p.id_number, box=(0, 0, 300, 300)) == (
        "PHOTO_CROP_INVALID", 2)
    assert code_of(services.cards.set_photo, clerk, p.id_number, b"not an image") == (
        "PHOTO_UNREADABLE", 2)
    services.cards.set_photo(clerk, p.id_number, image_bytes(mode="RGBA"))  # transparent PNG


def test_rules_are_settings_audited_and_admin_only(services, clerk, admin):
    assert code_of(services.cards.set_rule, clerk, "card.min_age", "65") == ("ROLE_DENIED", 3)
    rules = services.cards.set_rule(admin, "card.fee.reissue", "15")
    assert rules.fee_reissue == 1500
    services.cards.set_rule(admin, "card.number_prefix", "WH{year}")
    with services.db.read() as s:
        keys = list(s.execute(select(AuditRow.entity_key).where(
            AuditRow.action == "settings.change")).scalars())
    assert "card.fee.reissue" in keys and "card.number_prefix" in keys
    p = add(services, clerk, "1950-01-01")
    assert services.cards.issue(clerk, p.id_number, D("2026-01-10")).card_no == "WH2026000001"


def test_unknown_token_with_a_good_signature(services, clerk):
    from elderdesk.services import settings

    with services.db.read() as s:
        private = settings.get(s, "office.private_key")
    token = qr_token.sign({"no": "4201032026999999", "id": "420103********0000", "name": "某",
                           "type": "red", "issued": "2026-01-01", "office": "420103"}, private)
    v = services.cards.verify(token)
    assert (v.valid, v.status, v.card_no) == (False, "unknown", "4201032026999999")
    assert services.cards.verify("hello").status == "tampered"
    assert services.cards.verify(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")).status == (
        "tampered")

