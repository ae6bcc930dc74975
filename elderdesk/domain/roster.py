"""Plain views of a stored roster (what services return and reports print)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from operator import attrgetter
from typing import Any

from elderdesk.domain.money import fen_to_str


@dataclass(frozen=True)
class ItemView:
    month: str  # YYYY-MM
    kind: str  # regular | arrears | recovery
    amount_fen: int


@dataclass(frozen=True)
class LineView:
    """One person in a roster: a snapshot of the register at build time, and the items."""

    id_number: str
    name: str
    sex: str  # M | F
    birth_date: date
    street: str | None
    community: str | None
    bank: str | None
    account: str | None
    band: str | None  # e.g. "80–89"
    monthly_fen: int  # 月标准 of the band in the period's last payable month
    age: int  # allowance age in the period's last month
    items: tuple[ItemView, ...]
    office: str | None = None  # at a district: the registering street's code

    @property
    def payments(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind != "recovery")

    @property
    def recoveries(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "recovery")

    @property
    def regular_fen(self) -> int:
        return sum(i.amount_fen for i in self.items if i.kind == "regular")

    @property
    def arrears_fen(self) -> int:
        return sum(i.amount_fen for i in self.items if i.kind == "arrears")

    @property
    def paid_fen(self) -> int:
        return self.regular_fen + self.arrears_fen

    @property
    def recovery_fen(self) -> int:
        return sum(i.amount_fen for i in self.items if i.kind == "recovery")


@dataclass(frozen=True)
class WithheldView:
    """Someone owed months this roster does not pay (allowance-rules.md section 4)."""

    id_number: str
    name: str
    reason: str  # no_account | no_proof_of_life (no_account wins when both apply)
    months: tuple[str, ...]  # YYYY-MM, ascending
    amount_fen: int  # what those months would pay
    office: str | None = None  # at a district: the registering street (roster show)

    def to_json(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "name": self.name,
                **({"office": self.office} if self.office is not None else {}),
                "reason": self.reason, "months": list(self.months),
                "amount": fen_to_str(self.amount_fen)}


@dataclass(frozen=True)
class RosterView:
    period: str
    status: str  # draft | frozen
    office: str
    built_at: datetime
    built_by: str
    frozen_at: datetime | None
    frozen_by: str | None
    lines: tuple[LineView, ...]  # sorted by ID number; payments and recoveries together
    notes: dict[str, Any] = field(default_factory=dict)
    withheld: tuple[WithheldView, ...] = ()  # sorted by ID number
    check_code: str | None = None  # 校验码 of the freeze's audit record (frozen rosters only)
    offices: dict[str, str] | None = None  # at a district: street code -> name (subtotals)
    frozen_by_office: str | None = None  # at a street: the district that froze this roster

    @property
    def missing_accounts(self) -> tuple[WithheldView, ...]:
        return tuple(w for w in self.withheld if w.reason == "no_account")

    @property
    def paying_lines(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if line.payments)

    @property
    def recovery_lines(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if line.recoveries)

    def totals_fen(self) -> dict[str, int]:
        regular = sum(line.regular_fen for line in self.lines)
        arrears = sum(line.arrears_fen for line in self.lines)
        return {"people": len(self.paying_lines), "regular": regular, "arrears": arrears,
                "paid": regular + arrears,
                "recovery": sum(line.recovery_fen for line in self.lines)}

    def to_json(self) -> dict[str, Any]:
        """The roster document of docs/cli.md."""
        t = self.totals_fen()
        return {
            "period": self.period,
            "status": self.status,
            **({"frozen_by": self.frozen_by_office} if self.frozen_by_office else {}),
            "lines": [{
                "id_number": ln.id_number, "name": ln.name, "community": ln.community,
                **({"office": ln.office} if self.offices is not None else {}),
                "items": [{"month": i.month, "kind": i.kind, "amount": fen_to_str(i.amount_fen)}
                          for i in ln.payments],
                "total": fen_to_str(ln.paid_fen),
            } for ln in self.paying_lines],
            "recoveries": [{
                "id_number": ln.id_number, "name": ln.name,
                **({"office": ln.office} if self.offices is not None else {}),
                "items": [{"month": i.month, "amount": fen_to_str(i.amount_fen)}
                          for i in ln.recoveries],
                "total": fen_to_str(ln.recovery_fen),
            } for ln in self.recovery_lines],
            "totals": {"people": t["people"], **{k: fen_to_str(t[k]) for k in
                                                 ("regular", "arrears", "paid", "recovery")}},
            "withheld": [w.to_json() for w in self.withheld],
        }


_BY_ID = attrgetter("id_number")


def replace_lines(lines: tuple[LineView, ...], drop: Collection[str],
                  new: Iterable[LineView]) -> tuple[LineView, ...]:
    """`lines` (sorted by ID number) without the lines of the ID numbers in `drop`, with `new`
    in their places: a draft's view after an incremental rebuild, found by bisection (a few
    changed people among 300,000 lines), not by a pass over every line."""
    cut = sorted({i for k in drop if (i := bisect_left(lines, k, key=_BY_ID)) < len(lines)
                  and lines[i].id_number == k})
    parts, prev = [], 0
    for i in cut:
        parts.append(lines[prev:i])
        prev = i + 1
    parts.append(lines[prev:])
    kept = list(chain.from_iterable(parts))
    out: list[Sequence[LineView]] = []
    prev = 0
    for view in sorted(new, key=_BY_ID):
        at = bisect_left(kept, view.id_number, lo=prev, key=_BY_ID)
        out.append(kept[prev:at])
        out.append((view,))
        prev = at
    out.append(kept[prev:])
    return tuple(chain.from_iterable(out))
