"""Senior card use cases: rules, issue, reissue, revoke on death, pick-up, photos, verify."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from elderdesk.domain.cards import (
    PAID_REISSUES,
    REISSUE_REASONS,
    RULE_SETTINGS,
    TYPE_NAMES,
    CardReason,
    CardRules,
    CardStatus,
    CardType,
    Holder,
    check_person,
    check_rule,
    rules_from_settings,
    upgrade_due,
)
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id, parse_id
from elderdesk.domain.money import fen_to_str, parse_yuan
from elderdesk.domain.months import Month, age_in
from elderdesk.domain.person import SEX_NAMES, Person, clean_field
from elderdesk.domain.states import EndReason, PersonStatus
from elderdesk.services import audit, settings
from elderdesk.services.auth import Operator, require
from elderdesk.services.cards import photo as card_photo
from elderdesk.services.cards import qr_token
from elderdesk.services.cards.printing import CardPrinter
from elderdesk.services.cards.verify import Verification
from elderdesk.services.cards.verify import public_key as office_public_key
from elderdesk.services.cards.verify import verify as verify_qr
from elderdesk.services.clock import event_date, now, today
from elderdesk.services.people.service import PeopleService, to_person
from elderdesk.services.receipts.service import issue_receipt
from elderdesk.store import cards_repo as repo
from elderdesk.store import office_repo
from elderdesk.store.db import Database, Session
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_cards import CardPhotoRow, CardRow


@dataclass(frozen=True)
class Card:
    """One card as services return it."""

    card_no: str
    card_type: str  # blue | red
    status: str  # valid | replaced | revoked
    reason: str  # new | lost | damaged | upgrade | correction
    issued_on: date
    fee_fen: int
    qr: str
    id_number: str
    name: str
    ended_on: date | None = None
    end_reason: str | None = None
    picked_up_on: date | None = None
    agent_name: str | None = None
    agent_id_number: str | None = None
    receipt_no: str | None = None  # the fee's receipt, when this issue took a fee

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.card_type]

    def to_json(self) -> dict[str, Any]:
        """The `card issue` / `card reissue` document of cli.md."""
        return {"card_no": self.card_no, "type": self.card_type,
                "issued_on": self.issued_on.isoformat(), "fee": fen_to_str(self.fee_fen),
                "qr": self.qr, "receipt_no": self.receipt_no}

    def profile_json(self) -> dict[str, Any]:
        """The `card` object of `people show`."""
        return {"card_no": self.card_no, "type": self.card_type,
                "issued_on": self.issued_on.isoformat(), "status": self.status}


def to_card(row: CardRow, person: PersonRow) -> Card:
    return Card(row.card_no, row.card_type, row.status, row.reason, row.issued_on, row.fee_fen,
                row.qr, person.id_number, person.name, row.ended_on, row.end_reason,
                row.picked_up_on, row.agent_name, row.agent_id_number)


def card_audit(row: CardRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in (
        "card_no", "card_type", "status", "reason", "issued_on", "fee_fen", "photo_id",
        "ended_on", "end_reason", "picked_up_on", "agent_name", "agent_id_number")}


def holder(row: PersonRow) -> Holder:
    return Holder(row.name, row.id_number, row.birth_date, row.status, row.death_date,
                  row.moved_out_on, row.household_type, row.residence_permit_expiry)

PREVIEW_NUMBER = "（发证时生成）"
PREVIEW_QR = "EC1.PREVIEW.NOT-A-CARD"  # never signed: a preview cannot pass `card verify`


@dataclass(frozen=True)
class Eligibility:
    """What the counter needs to know about one person before a card action, on one day."""

    person: Person
    rules: CardRules
    on: date
    cards: tuple[Card, ...]  # oldest first
    issue_refusal: ElderError | None  # why a first card cannot be issued (None: it can)
    reissue_refusal: ElderError | None  # why the valid card cannot be replaced
    card_type: str | None  # the type the age calls for on `on`
    photo: bytes | None  # the latest 1-inch photo (JPEG)

    @property
    def valid(self) -> Card | None:
        return next((c for c in self.cards if c.status == CardStatus.VALID), None)

    @property
    def current(self) -> Card | None:
        """The valid card, else the latest one."""
        return self.valid or (self.cards[-1] if self.cards else None)

    @property
    def paid_reissues(self) -> int:
        return sum(1 for c in self.cards if c.reason in PAID_REISSUES)

    @property
    def upgrade_due(self) -> bool:
        card = self.valid
        return card is not None and upgrade_due(self.rules, card.card_type,
                                                self.person.birth_date, self.on)

    def fee(self, reason: str) -> int:
        """The fee in fen of a new card ('new') or of a reissue for `reason`, today."""
        return self.rules.fee(reason, self.paid_reissues)


class CardService:
    def __init__(self, db: Database, people: PeopleService) -> None:
        self.db = db
        self.people = people
        self.printer = CardPrinter(db, self)
        people.status_hooks.append(self._on_status_change)

    # --- views for the counter --------------------------------------------------------
    def eligibility(self, op: Operator, id_number: str, on: date | None = None) -> Eligibility:
        """The person, their cards and the rules' verdict, read in one snapshot."""
        require(op, "people.read")
        on = on or today()
        with self.db.read() as s:
            row = self.people.resolve(s, id_number)
            rules = CardService.rules_in(s)
            history = tuple(to_card(r, row) for r in repo.cards_of(s, row.id))
            who = holder(row)
            photo = repo.latest_photo_image(s, row.id)
            person = to_person(row)
        valid = next((c for c in history if c.status == CardStatus.VALID), None)
        rule_refusal = None
        try:
            check_person(rules, who, on)
        except ElderError as exc:
            rule_refusal = exc
        if valid is not None and person.status == PersonStatus.ACTIVE:
            issue_refusal: ElderError | None = ElderError(
                "CARD_EXISTS", name=person.name, id=person.id_number, card_no=valid.card_no)
        else:
            issue_refusal = rule_refusal
        if valid is None:
            reissue_refusal: ElderError | None = ElderError("CARD_NONE", name=person.name,
                                                            id=person.id_number)
        else:
            reissue_refusal = rule_refusal
        return Eligibility(person, rules, on, history, issue_refusal, reissue_refusal,
                           rules.type_for(rules.age_for(person.birth_date, on)), photo)

    def recent_cards(self, op: Operator, limit: int = 200) -> list[Card]:
        """The most recently issued cards, newest first."""
        require(op, "people.read")
        with self.db.read() as s:
            return [to_card(r.card, r.person) for r in repo.recent_cards(s, limit)]

    def preview_pdf(self, op: Operator, id_number: str, path: Path,
                    photo: bytes | None = None, box: tuple[int, int, int, int] | None = None,
                    on: date | None = None) -> None:
        """A one-page full-design sample of the card a person would get today (no number yet, an
        unsigned QR): the issue dialog's preview. Writes nothing to the database."""
        from elderdesk.reports.card_pdf import CardFace, write_cards  # reportlab: loaded when used

        require(op, "people.read")
        on = on or today()
        image = card_photo.prepare(photo, box).image if photo is not None else None
        with self.db.read() as s:
            row = self.people.resolve(s, id_number)
            rules = CardService.rules_in(s)
            office = settings.get(s, "office.name") or ""
            if image is None:
                image = repo.latest_photo_image(s, row.id)
            face = CardFace(
                card_no=PREVIEW_NUMBER,
                card_type=rules.type_for(rules.age_for(row.birth_date, on)) or CardType.BLUE,
                name=row.name, sex=SEX_NAMES.get(row.sex, ""), ethnicity=row.ethnicity,
                birth_date=row.birth_date, id_number=row.id_number, address=row.current_address,
                issued_on=on, office=office, qr=PREVIEW_QR, photo=image)
        write_cards(path, [face], "full")

    # --- rules -----------------------------------------------------------------------
    @staticmethod
    def rules_in(s: Session) -> CardRules:
        return rules_from_settings({k: settings.get(s, k) for k in RULE_SETTINGS})

    def rules(self, op: Operator) -> CardRules:
        require(op, "people.read")
        with self.db.read() as s:
            return self.rules_in(s)

    def set_rule(self, op: Operator, key: str, value: str) -> CardRules:
        """Change one rule (admin; audited). Fees are given in yuan ('6', '6.00')."""
        require(op, "settings.change")
        if key.startswith("card.fee.") and key in RULE_SETTINGS:
            value = str(parse_yuan(str(value)))
        stored = check_rule(key, value)
        with self.db.write() as s:
            settings.put(s, op, key, stored)
            return self.rules_in(s)

    # --- issue and reissue -----------------------------------------------------------
    def issue(self, op: Operator, id_number: str, on: date | None = None,
              photo: bytes | None = None, photo_box: tuple[int, int, int, int] | None = None,
              photo_name: str = "照片") -> Card:
        """A first card (or a new one after a revoked card); refusals are ElderErrors."""
        require(op, "card.issue")
        on = event_date(on)
        prepared = card_photo.prepare(photo, photo_box, photo_name) if photo is not None else None
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            rules = self.rules_in(s)
            current = repo.valid_card(s, person.id)
            if current is not None and person.status == PersonStatus.ACTIVE:
                raise ElderError("CARD_EXISTS", name=person.name, id=person.id_number,
                                 card_no=current.card_no)
            check_person(rules, holder(person), on)
            row = self._new_card(s, op, person, rules, on, CardReason.NEW, rules.fee(CardReason.NEW, 0), prepared)
            audit.record(s, op, "card.issue", "card", person.id_number, None, card_audit(row))
            return self._with_receipt(s, op, person, row)

    def reissue(self, op: Operator, id_number: str, reason: str, on: date | None = None,
                photo: bytes | None = None, photo_box: tuple[int, int, int, int] | None = None,
                photo_name: str = "照片") -> Card:
        """Replace the valid card (lost | damaged | upgrade | correction): the old one is marked
        replaced, the new one gets a new number and the type the age calls for."""
        require(op, "card.issue")
        if reason not in REISSUE_REASONS:
            raise ElderError("CARD_REISSUE_REASON", reason=reason)
        on = event_date(on)
        prepared = card_photo.prepare(photo, photo_box, photo_name) if photo is not None else None
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            rules = self.rules_in(s)
            if person.status != PersonStatus.ACTIVE:
                check_person(rules, holder(person), on)  # deceased / moved out
            old = repo.valid_card(s, person.id)
            if old is None:
                raise ElderError("CARD_NONE", name=person.name, id=person.id_number)
            check_person(rules, holder(person), on)
            if reason == CardReason.UPGRADE and not upgrade_due(rules, old.card_type, person.birth_date, on):
                wanted = rules.type_for(rules.age_for(person.birth_date, on)) or old.card_type
                raise ElderError("CARD_UPGRADE_NOT_DUE", name=person.name, id=person.id_number,
                                 type=TYPE_NAMES[old.card_type], wanted=TYPE_NAMES[wanted],
                                 date=on, age=age_in(person.birth_date, Month.of(on)))
            fee = rules.fee(reason, repo.paid_reissues(s, person.id))
            before = card_audit(old)
            old.status, old.ended_on, old.end_reason = CardStatus.REPLACED, on, reason
            s.flush()  # free the one-valid-card slot before the new row goes in
            row = self._new_card(s, op, person, rules, on, reason, fee, prepared,
                                 replaces=old.id)
            audit.record(s, op, "card.reissue", "card", person.id_number, {"card": before},
                         {"replaced": card_audit(old), "card": card_audit(row)})
            return self._with_receipt(s, op, person, row)

    @staticmethod
    def _with_receipt(s: Session, op: Operator, person: PersonRow, row: CardRow) -> Card:
        """The card, with the receipt of its fee numbered in the same transaction (none for a
        free card)."""
        card = to_card(row, person)
        if row.fee_fen > 0:
            card = replace(card, receipt_no=issue_receipt(s, op, person, row).receipt_no)
        return card

    def _new_card(self, s: Session, op: Operator, person: PersonRow, rules: CardRules, on: date,
                  reason: str, fee: int, prepared: card_photo.PreparedPhoto | None,
                  replaces: int | None = None) -> CardRow:
        private_pem = settings.get(s, "office.private_key")
        region = office_repo.office_code(s)  # the street code once set (cli.md card numbers)
        if not private_pem:
            raise ElderError("CARD_NO_KEY")
        kind = rules.type_for(rules.age_for(person.birth_date, on))
        assert kind is not None  # check_person refused ages without a type
        photo = self._store_photo(s, op, person, prepared) if prepared else None
        if photo is None:
            photo = repo.latest_photo(s, person.id)
        seq = repo.next_seq(s, on.year)
        card_no = rules.card_number(region, on.year, seq)
        if repo.by_card_no(s, card_no) is not None:
            raise ElderError("CARD_NUMBER_TAKEN", card_no=card_no)
        token = qr_token.sign({"no": card_no, "id": mask_id(person.id_number),
                               "name": person.name, "type": kind, "issued": on.isoformat(),
                               "office": region}, private_pem)
        row = CardRow(person_id=person.id, card_no=card_no, card_type=kind, status=CardStatus.VALID,
                      reason=reason, issued_on=on, seq_year=on.year, seq=seq, fee_fen=fee,
                      replaces_id=replaces, photo_id=photo.id if photo else None, qr=token,
                      qr_mask=qr_token.best_mask(token), issued_by=op.name, created_at=now())
        s.add(row)
        s.flush()
        return row

    # --- photos ----------------------------------------------------------------------
    def set_photo(self, op: Operator, id_number: str, data: bytes | None = None,
                  box: tuple[int, int, int, int] | None = None, name: str = "照片") -> None:
        """Store a new photo for the person, or (data None) re-crop the latest one with `box`
        (the GUI's movable frame). Cards print the person's latest photo."""
        require(op, "card.issue")
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            if data is None:
                latest = repo.latest_photo(s, person.id)
                if latest is None:
                    raise ElderError("PHOTO_UNREADABLE", path=name, detail="此人还没有照片")
                data = latest.original
            self._store_photo(s, op, person, card_photo.prepare(data, box, name))

    def photo(self, op: Operator, id_number: str) -> bytes | None:
        """The latest photo's 1-inch JPEG, or None."""
        require(op, "people.read")
        with self.db.read() as s:
            return repo.latest_photo_image(s, self.people.resolve(s, id_number).id)

    @staticmethod
    def _store_photo(s: Session, op: Operator, person: PersonRow,
                     p: card_photo.PreparedPhoto) -> CardPhotoRow:
        x, y, w, h = p.box
        row = CardPhotoRow(person_id=person.id, original=p.original,
                           original_format=p.original_format, crop_x=x, crop_y=y, crop_w=w,
                           crop_h=h, image=p.image, created_at=now(), created_by=op.name)
        s.add(row)
        s.flush()
        audit.record(s, op, "card.photo", "person", person.id_number, None,
                     {"photo_id": row.id, "format": p.original_format, "bytes": len(p.original),
                      "box": list(p.box)})
        return row

    # --- pick-up and revocation ------------------------------------------------------
    def pickup(self, op: Operator, id_number: str, on: date | None = None,
               agent_name: str | None = None, agent_id: str | None = None) -> Card:
        """Record that the valid card was handed over (领取), to the holder or an agent."""
        require(op, "card.pickup")
        on = event_date(on)
        if bool(agent_name) != bool(agent_id):
            raise ElderError("CARD_AGENT_INCOMPLETE")
        agent = clean_field("name", agent_name) if agent_name else None
        agent_number = parse_id(agent_id, today()).number if agent_id else None
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            row = repo.valid_card(s, person.id)
            if row is None:
                raise ElderError("CARD_NONE", name=person.name, id=person.id_number)
            if row.picked_up_on is not None:
                raise ElderError("CARD_PICKED_UP", card_no=row.card_no, date=row.picked_up_on)
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            before = card_audit(row)
            row.picked_up_on, row.agent_name, row.agent_id_number = on, agent, agent_number
            row.pickup_recorded_by = op.name
            audit.record(s, op, "card.pickup", "card", person.id_number, before, card_audit(row))
            return to_card(row, person)

    def _on_status_change(self, s: Session, person: PersonRow, status: str, when: date,
                          op: Operator) -> None:
        """A recorded death revokes the valid card (in the same transaction)."""
        if status != PersonStatus.DECEASED:
            return
        row = repo.valid_card(s, person.id)
        if row is not None:
            before = card_audit(row)
            row.status, row.ended_on, row.end_reason = CardStatus.REVOKED, when, EndReason.DEATH
            audit.record(s, op, "card.revoke", "card", person.id_number, before, card_audit(row))

    # --- reading ---------------------------------------------------------------------
    def cards(self, op: Operator, id_number: str) -> list[Card]:
        """Every card of the person, oldest first."""
        require(op, "people.read")
        with self.db.read() as s:
            person = self.people.resolve(s, id_number)
            return [to_card(r, person) for r in repo.cards_of(s, person.id)]

    def current(self, op: Operator, id_number: str) -> Card | None:
        """The valid card, else the latest one (None if never issued)."""
        require(op, "people.read")
        with self.db.read() as s:
            person = self.people.resolve(s, id_number)
            row = repo.latest_card(s, person.id)
            return to_card(row, person) if row else None

    def card_json(self, op: Operator, id_number: str) -> dict[str, Any] | None:
        card = self.current(op, id_number)
        return card.profile_json() if card else None

    # --- verification (no operator: anyone holding the card may ask) -----------------
    def public_key(self) -> str:
        return office_public_key(self.db)

    def verify(self, text: str) -> Verification:
        """valid / tampered / revoked / unknown (cli.md), checked offline."""
        return verify_qr(self.db, text)
