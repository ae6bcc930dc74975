"""Plain titled tables (with an optional chart) that the statistics hand to the PDF, the xlsx
writer and the GUI alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from elderdesk.domain.money import fen_to_str


class Yuan(NamedTuple):
    """A money cell, in fen: printed '1,234.50', written to xlsx as a number."""

    fen: int

    def __str__(self) -> str:
        return fen_to_str(self.fen, grouping=True)


Cell = str | int | Yuan
MAX_BARS = 20  # chart categories; more are cut to the largest ones
# Series (pie: slice) colours of the printed and the Excel charts alike, unless a Chart names its own.
PALETTE = ("#3b6fb6", "#d9822b", "#4a9a5b", "#b94a48", "#7b5ea7", "#8c8c8c", "#2aa1a5", "#c4a000")


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if isinstance(cell, int):
        return f"{cell:,}"
    return str(cell)


def cell_number(cell: Cell | None) -> float:
    """The value a chart plots (money in yuan)."""
    if isinstance(cell, Yuan):
        return cell.fen / 100
    return float(cell) if isinstance(cell, int) else 0.0


def largest(cats: list[str], series: list[tuple[str, list[float]]], kind: str
            ) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """At most MAX_BARS categories: the largest ones, in table order (hbar: largest first)."""
    totals = [sum(s[1][i] for s in series) for i in range(len(cats))]
    order = sorted(range(len(cats)), key=lambda i: -totals[i])
    keep = order[:MAX_BARS] if kind == "hbar" else sorted(order[:MAX_BARS])
    return [cats[i] for i in keep], [(n, [v[i] for i in keep]) for n, v in series]


def short_labels(cats: list[str]) -> list[str]:
    """Chart axis labels: months 'YYYY-MM' as '5月' (the chart's title names the years)."""
    if not cats or not all(len(c) == 7 and c[4] == "-" and c[:4].isdigit() for c in cats):
        return cats
    return [f"{int(c[5:])}月" for c in cats]


@dataclass(frozen=True)
class Chart:
    """How a table is drawn as a chart.

    kind: 'bar' (side by side), 'stacked', 'hbar' (horizontal, for long category names; the
    largest first) or 'pie'. Categories come from column `category`, one
    series per column in `values` (the header names it). With `split`, the rows are long-form
    instead: one series per distinct value of column `split`, plotting column values[0].
    A pie plots the first value column by category, or with `from_total` the total row's values.
    """

    kind: str
    category: int
    values: tuple[int, ...]
    split: int | None = None
    from_total: bool = False
    title: str = ""
    colors: tuple[str, ...] = ()  # '#rrggbb' per series (pie: per slice); default palette

    def color(self, k: int, palette: tuple[str, ...]) -> str:
        return self.colors[k] if k < len(self.colors) else palette[k % len(palette)]

    def series(self, table: StatTable) -> tuple[list[str], list[tuple[str, list[float]]]]:
        """(categories, [(series name, one value per category)])."""
        if self.from_total and table.total is not None:
            names = [table.headers[i] for i in self.values]
            return names, [("", [cell_number(table.total[i]) for i in self.values])]
        if self.split is None:
            cats = [cell_text(r[self.category]) for r in table.rows]
            return cats, [(table.headers[i], [cell_number(r[i]) for r in table.rows])
                          for i in self.values]
        cats = list(dict.fromkeys(cell_text(r[self.category]) for r in table.rows))
        names = list(dict.fromkeys(cell_text(r[self.split]) for r in table.rows))
        grid = {n: [0.0] * len(cats) for n in names}
        where = {c: k for k, c in enumerate(cats)}
        for r in table.rows:
            grid[cell_text(r[self.split])][where[cell_text(r[self.category])]] += cell_number(
                r[self.values[0]])
        return cats, [(n, grid[n]) for n in names]


@dataclass(frozen=True)
class StatTable:
    key: str  # stable name: 'age', 'community', ...
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell | None, ...] | None = None
    note: str = ""
    chart: Chart | None = None

    @property
    def all_rows(self) -> tuple[tuple[Cell | None, ...], ...]:
        """The rows, then the total row if there is one: what is printed and exported."""
        return tuple(self.rows) + ((self.total,) if self.total is not None else ())
