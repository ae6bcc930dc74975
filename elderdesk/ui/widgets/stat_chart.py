"""A statistics table's chart (reports/tables.Chart) drawn with QtCharts: bars side by side or
stacked, or a pie. Imported only when the statistics page is first shown (QtCharts is large)."""

from __future__ import annotations

import html
import re

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from elderdesk.reports.tables import PALETTE, StatTable, largest, short_labels
from elderdesk.ui.data_text import tr_data


def axis_labels(cats: list[str]) -> list[str]:
    """Category labels: months as '5月', or '25年5月' when a month name would come twice (a
    category axis drops repeated names, and every bar after it would sit under the wrong one)."""
    short = short_labels(cats)
    if short is cats or len(set(short)) == len(short):
        return [str(tr_data(c)) for c in short]
    return [str(tr_data(f"{c[2:4]}年{int(c[5:])}月")) for c in cats]


class StatChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 190)  # two charts in a 720 px high window
        self._x_axis: QBarCategoryAxis | None = None  # the category axis below vertical bars
        self.set_table(None)

    def set_table(self, table: StatTable | None) -> None:
        chart = QChart()
        chart.setFont(self.font())
        chart.setTitleFont(self.font())
        chart.legend().setFont(self.font())
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setShowToolTips(True)  # a label cut short shows whole on hover
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.plotAreaChanged.connect(self._fit_labels)
        self._x_axis = None
        self._title = ""
        spec = table.chart if table is not None else None
        if table is not None and spec is not None:
            self._title = spec.title or table.title
            self.setToolTip(self._title)
            chart.setTitle(self._wrapped_title(chart))
            cats, series = spec.series(table)
            colors = [spec.color(k, PALETTE) for k in range(max(len(cats), len(series)))]
            if spec.kind == "pie":
                self._pie(chart, cats, series[0][1] if series else [], colors)
            else:
                self._bars(chart, cats, series, spec.kind, colors)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def _pie(self, chart: QChart, cats: list[str], values: list[float],
             colors: list[str]) -> None:
        pie = QPieSeries()
        total = sum(values) or 1
        for k, (cat, v) in enumerate(zip(cats, values, strict=True)):
            piece = pie.append(str(tr_data(f"{cat} {v:,.0f}（{v * 100 / total:.1f}%）")), v)
            piece.setColor(QColor(colors[k]))
        chart.addSeries(pie)

    def _bars(self, chart: QChart, cats: list[str], series: list[tuple[str, list[float]]],
              kind: str, colors: list[str]) -> None:
        cats, series = largest(cats, series, kind)
        if kind == "hbar":  # Qt draws the first category at the bottom: the largest on top
            cats, series = cats[::-1], [(n, v[::-1]) for n, v in series]
        stacked = kind == "stacked"
        bars = {"stacked": QStackedBarSeries, "hbar": QHorizontalBarSeries}.get(kind, QBarSeries)()
        for k, (name, values) in enumerate(series):
            bar_set = QBarSet(str(tr_data(name)) if name else self._title)
            bar_set.setColor(QColor(colors[k]))
            bar_set.append(values)
            bars.append(bar_set)
        chart.addSeries(bars)
        small = self.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        x_axis = QBarCategoryAxis()
        x_axis.append(axis_labels(cats))
        x_axis.setLabelsFont(small)
        x_axis.setTruncateLabels(False)
        if kind != "hbar":
            self._x_axis = x_axis
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        y_axis.setLabelsFont(small)
        counts_only = all(float(v).is_integer() for _, values in series for v in values)
        top = max([sum(s[1][i] for s in series) for i in range(len(cats))] if stacked else
                  [v for _, values in series for v in values], default=0)
        if top >= 1_000_000:  # a city's yuan: in ten thousands (万)
            for bar_set in bars.barSets():
                for i in range(bar_set.count()):
                    bar_set.replace(i, bar_set.at(i) / 10_000)
            top /= 10_000
            y_axis.setTitleText(self.tr("单位：万"))
            y_axis.setTitleFont(small)
        if counts_only and top < 5:  # whole steps: never the ticks 0, 0, 1, 1, 1 of 0–1.2
            y_axis.setRange(0, int(top) + 1)
            y_axis.setTickCount(int(top) + 2)
        else:
            y_axis.setRange(0, max(top * 1.1, 1))
            y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignLeft if kind == "hbar" else
                      Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignBottom if kind == "hbar" else
                      Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        chart.legend().setVisible(len(series) > 1)

    def _wrapped_title(self, chart: QChart) -> str:
        """The title in lines that fit the chart's width (QtCharts cuts a long one off)."""
        room = max(80.0, self.viewport().width() - 48.0)
        metrics = QFontMetricsF(chart.titleFont())
        lines, line = [], ""
        for token in re.findall(r"[^\s\u3400-\u9fff（）]+\s*|\S\s*", self._title):
            if line and metrics.horizontalAdvance(line + token) > room:
                lines.append(line.rstrip())
                line = ""
            line += token
        lines.append(line.rstrip())
        return "<br>".join(html.escape(x) for x in lines if x)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        chart = self.chart()
        if chart is not None and self._title:
            chart.setTitle(self._wrapped_title(chart))

    def _fit_labels(self, area: QRectF) -> None:
        """QtCharts hides the first and the last category label when it is wider than its
        category (the months at both ends went missing): such labels are turned upright."""
        axis = self._x_axis
        if axis is None or not Shiboken.isValid(axis) or not axis.count() or area.width() <= 0:
            return
        metrics = QFontMetricsF(axis.labelsFont())
        widest = max(metrics.horizontalAdvance(label) for label in axis.categories())
        angle = 0 if widest + 4 <= area.width() / axis.count() else -90
        if axis.labelsAngle() != angle:
            axis.setLabelsAngle(angle)
