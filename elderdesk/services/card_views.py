"""Read-only card views for the counter: eligibility at a glance, recent cards, the issue preview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from elderdesk.domain.cards import PAID_REISSUES, CardRules, check_person, upgrade_due
from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import SEX_NAMES, Person
from elderdesk.services import card_photo, settings
from elderdesk.services.auth import Operator, require
from elderdesk.services.cards import Card, CardService, holder, to_card
from elderdesk.services.clock import today
from elderdesk.services.people import to_person
from elderdesk.store import cards_repo as repo
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_cards import CardRow

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
        return next((c for c in self.cards if c.status == "valid"), None)

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


def eligibility(cards: CardService, op: Operator, id_number: str,
                on: date | None = None) -> Eligibility:
    """The person, their cards and the rules' verdict, read in one snapshot."""
    require(op, "people.read")
    on = on or today()
    with cards.db.read() as s:
        row = cards.people.resolve(s, id_number)
        rules = CardService.rules_in(s)
        history = tuple(to_card(r, row) for r in repo.cards_of(s, row.id))
        who = holder(row)
        photo = repo.latest_photo_image(s, row.id)
        person = to_person(row)
    valid = next((c for c in history if c.status == "valid"), None)
    rule_refusal = None
    try:
        check_person(rules, who, on)
    except ElderError as exc:
        rule_refusal = exc
    if valid is not None and person.status == "active":
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


def recent_cards(cards: CardService, op: Operator, limit: int = 200) -> list[Card]:
    """The most recently issued cards, newest first."""
    require(op, "people.read")
    with cards.db.read() as s:
        rows = s.execute(
            select(CardRow, PersonRow).join(PersonRow, PersonRow.id == CardRow.person_id)
            .order_by(CardRow.id.desc()).limit(limit)).all()
        return [to_card(card, person) for card, person in rows]


def preview_pdf(cards: CardService, op: Operator, id_number: str, path: Path,
                photo: bytes | None = None, box: tuple[int, int, int, int] | None = None,
                on: date | None = None) -> None:
    """A one-page full-design sample of the card a person would get today (no number yet, an
    unsigned QR): the issue dialog's preview. Writes nothing to the database."""
    from elderdesk.reports.card_pdf import CardFace, write_cards

    require(op, "people.read")
    on = on or today()
    image = card_photo.prepare(photo, box).image if photo is not None else None
    with cards.db.read() as s:
        row = cards.people.resolve(s, id_number)
        rules = CardService.rules_in(s)
        office = settings.get(s, "office.name") or ""
        if image is None:
            image = repo.latest_photo_image(s, row.id)
        face = CardFace(
            card_no=PREVIEW_NUMBER,
            card_type=rules.type_for(rules.age_for(row.birth_date, on)) or "blue",
            name=row.name, sex=SEX_NAMES.get(row.sex, ""), ethnicity=row.ethnicity,
            birth_date=row.birth_date, id_number=row.id_number, address=row.current_address,
            issued_on=on, office=office, qr=PREVIEW_QR, photo=image)
    write_cards(path, [face], "full")
