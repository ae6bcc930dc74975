"""Computing a roster draft: every candidate's items for a period, from facts read in bulk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from sqlalchemy.orm import Session

from elderdesk.domain.entitlement import Entitlement, PersonFacts
from elderdesk.domain.ledger import RECOVERY, Item, reconcile_runs
from elderdesk.domain.months import Month, Period, age_in
from elderdesk.domain.person import has_account
from elderdesk.domain.policy import Policy
from elderdesk.domain.roster import ItemView, LineView, WithheldView
from elderdesk.services.imports import Cancelled
from elderdesk.store import roster_repo
from elderdesk.store.bulk import gc_paused

Progress = Callable[[int, int], None]
CHECK_EVERY = 5000  # people between progress reports and cancel checks


@dataclass
class Draft:
    """What a build stores (rows for roster_lines and roster_items) and returns (the views)."""

    lines: list[tuple] = field(default_factory=list)  # roster_repo.LINE_COLUMNS order
    items: list[tuple] = field(default_factory=list)  # (line_id, month, kind, amount_fen)
    views: list[LineView] = field(default_factory=list)  # sorted by ID number
    withheld: list[WithheldView] = field(default_factory=list)  # sorted by ID number
    totals: dict[str, int] = field(
        default_factory=lambda: {"regular": 0, "arrears": 0, "recovery": 0, "people": 0})


class DateCache(dict):
    """ISO text (as stored) -> date, parsed once per distinct value; None and '' -> None."""

    def __missing__(self, key: str | None) -> date | None:
        value = date.fromisoformat(key[:10]) if key else None
        self[key] = value
        return value


def parse_ledger(text: str | None) -> dict[int, int]:
    """'YYYY-MM:fen,...' (roster_repo.ledger_texts) -> {Month.index: fen}."""
    out: dict[int, int] = {}
    if text:
        for part in text.split(","):
            month, fen = part.split(":")
            out[int(month[:4]) * 12 + int(month[5:7]) - 1] = int(fen)
    return out


def person_items(period: Period, runs: list[tuple[int, int, int, bool]], ledger: str | None,
                 settled_until: int | None, cache: dict[tuple[int, int, int], str]) -> list[Item]:
    """reconcile_runs(period, runs, parse_ledger(ledger)), without parsing the ledger when it is
    settled: it holds exactly the entitled amount of every payable month up to settled_until
    (the last frozen month) and nothing else. Then those months give no item, and only the later
    ones need reconciling, against an empty ledger. Any other ledger (an unpaid or withheld month
    paid, a month missing, another order of months) takes the full path."""
    if settled_until is not None:
        parts = []
        for lo, hi, e, payable in runs:
            if lo > settled_until:
                break
            if payable:
                key = (lo, min(hi, settled_until), e)
                text = cache.get(key)
                if text is None:
                    text = cache[key] = ",".join(
                        f"{Month.from_index(i)}:{e}" for i in range(key[0], key[1] + 1))
                parts.append(text)
        if ",".join(parts) == (ledger or ""):
            tail = [(max(lo, settled_until + 1), hi, e, pay) for lo, hi, e, pay in runs
                    if hi > settled_until]
            return reconcile_runs(period, tail, {})
    return reconcile_runs(period, runs, parse_ledger(ledger))


def unpaid_withheld(runs: list[tuple[int, int, int, bool]], ledger: str | None
                    ) -> list[tuple[int, int]]:
    """(Month.index, fen still owed) of the months the proof-of-life test withholds (runs not
    payable) that the ledger has not paid in full."""
    paid: dict[int, int] | None = None
    out = []
    for lo, hi, e, payable in runs:
        if payable:
            continue
        if paid is None:
            paid = parse_ledger(ledger)
        for i in range(lo, hi + 1):
            owed = e - paid.get(i, 0)
            if owed > 0:
                out.append((i, owed))
    return out


def compute(s: Session, policy: Policy, period: Period, roster_id: int, first_line_id: int,
            settled_until: int | None, progress: Progress | None = None,
            cancel: Any = None) -> Draft:
    """The draft of `period` for everyone ever approved or holding ledger money.

    One pass over people with their facts read in bulk beforehand: enrollments, the latest
    proof of life, each ledger as one text; Entitlement.runs and reconcile_runs instead of
    per-month objects; past months are only revisited when a person's ledger is not settled
    (see person_items). settled_until: Month.index of the last frozen month, if any.
    """
    with gc_paused():
        return _compute(s, policy, period, roster_id, first_line_id, settled_until, progress,
                        cancel)


def _compute(s: Session, policy: Policy, period: Period, roster_id: int, first_line_id: int,
             settled_until: int | None, progress: Progress | None, cancel: Any) -> Draft:
    ledgers = roster_repo.ledger_texts(s)
    people = roster_repo.build_candidates(s, ledgers.keys())
    enrollments = roster_repo.enrollment_facts_by_person(s)
    certs = roster_repo.latest_lifecert_by_person(s)
    dates = DateCache()
    labels: dict[int, str] = {}
    cache: dict[tuple[int, int, int], str] = {}
    last = period.last
    draft = Draft()
    lines, items, views, totals = draft.lines, draft.items, draft.views, draft.totals
    line_id = first_line_id
    total = len(people)
    for n, p in enumerate(people):
        if n % CHECK_EVERY == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress:
                progress(n, total)
        pid, birth_text = p[0], p[4]
        birth = dates[birth_text]
        cert = certs.get(pid)
        ent = Entitlement(policy, PersonFacts(birth, dates[p[9]], dates[p[10]]),  # type: ignore[arg-type]
                          enrollments.get(pid, ()), (cert,) if cert else ())
        runs = ent.runs(last)
        found = person_items(period, runs, ledgers.get(pid), settled_until, cache)
        held = unpaid_withheld(runs, ledgers.get(pid))
        reason = "no_proof_of_life" if held else None
        if found and not has_account(p[7], p[8]):
            # No account: nothing is paid; the payments are withheld, recoveries still listed.
            payments = [(i.month.index, i.amount_fen) for i in found if i.kind != RECOVERY]
            if payments:
                reason = "no_account"
                held = sorted(held + payments)
                found = [i for i in found if i.kind == RECOVERY]
        if reason is not None:
            draft.withheld.append(WithheldView(
                p[1], p[2], reason, tuple(str(Month.from_index(i)) for i, _ in held),
                sum(owed for _, owed in held)))
        if not found:
            continue
        paid = rec = 0
        last_paid: Month | None = None
        shown = []
        for i in found:
            label = labels.get(i.month.index)
            if label is None:
                label = labels[i.month.index] = str(i.month)
            items.append((line_id, label, i.kind, i.amount_fen))
            shown.append(ItemView(label, i.kind, i.amount_fen))
            totals[i.kind] += i.amount_fen
            if i.kind == RECOVERY:
                rec += i.amount_fen
            else:
                paid += i.amount_fen
                last_paid = i.month  # items come sorted by month
        band = policy.band_for(birth, last_paid or last) if paid else None  # type: ignore[arg-type]
        label_band = band.label if band else None
        monthly = band.monthly if band else 0
        totals["people"] += 1 if paid else 0
        lines.append((line_id, roster_id, pid, p[1], p[2], p[3], birth_text, p[5], p[6], p[7],
                      p[8], label_band, monthly, paid, rec))
        views.append(LineView(p[1], p[2], p[3], birth, p[5], p[6], p[7], p[8],  # type: ignore[arg-type]
                              label_band, monthly, age_in(birth, last), tuple(shown)))  # type: ignore[arg-type]
        line_id += 1
    views.sort(key=attrgetter("id_number"))
    draft.withheld.sort(key=attrgetter("id_number"))
    return draft


def item_views(text: str | None, cache: dict[str | None, tuple[ItemView, ...]]
               ) -> tuple[ItemView, ...]:
    """'YYYY-MM kind fen,...' (roster_repo.load_lines) -> ItemViews sorted by month and kind;
    equal texts share one (immutable) tuple."""
    found = cache.get(text)
    if found is None:
        parts = sorted((m, k, int(a)) for m, k, a in (p.split(" ") for p in text.split(","))) \
            if text else []
        found = cache[text] = tuple(ItemView(m, k, a) for m, k, a in parts)
    return found


def line_views(lines: list[tuple], items: dict[int, str], period: Period) -> list[LineView]:
    """Stored lines (roster_repo.load_lines) as views, in the order given."""
    dates = DateCache()
    cache: dict[str | None, tuple[ItemView, ...]] = {}
    last = period.last
    out = []
    with gc_paused():
        for ln in lines:
            birth = dates[str(ln[4])]
            out.append(LineView(ln[1], ln[2], ln[3], birth, ln[5], ln[6], ln[7], ln[8],  # type: ignore[arg-type]
                                ln[9], ln[10], age_in(birth, last),  # type: ignore[arg-type]
                                item_views(items.get(ln[0]), cache)))
    return out
