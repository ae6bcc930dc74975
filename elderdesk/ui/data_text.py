"""The interface language for what screens show as data: value names (性别, 状态, 卡种…), period
and date texts, the statistics tables' words, and the error messages of domain/errors.py.

Chinese stays the source everywhere: the services, the CLI, the PDFs and workbooks print Chinese.
The GUI passes such texts through `tr_data` and errors through `error_message`; with the English
translation installed they come out in English, otherwise unchanged. The Chinese texts reach the
.ts files through elderdesk/ui/i18n_data.py, which tools/i18n_data.py writes from the tables
(`make i18n`): a new error code or value name is one `make i18n` and one translation away.
"""

from __future__ import annotations

import calendar
import dataclasses
import re

from PySide6.QtCore import QCoreApplication

from elderdesk.domain.errors import MESSAGES, ElderError, format_message
from elderdesk.reports.tables import StatTable

translate = QCoreApplication.translate  # literal contexts for lupdate
CJK = re.compile(r"[\u3400-\u9fff]")
# the separators tools/i18n_data.py splits the statistics words at, with their English form
_SEPARATORS = {"（": " (", "）": ")", "(": "(", ")": ")", "，": ", ", "、": ", ", "；": "; ",
               "：": ": ", "至": " – "}
_SPLIT = re.compile(r"([（）()，、；：]|至|\s+)")
_QUARTER = re.compile(r"(\d{4})年第(\d)季度")
_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
_AXIS_MONTH = re.compile(r"(?:(\d{2})年)?(\d{1,2})月")  # chart axes: 25年5月, 5月


def english() -> bool:
    """Is a translation of the data texts installed (the interface language is not Chinese)?"""
    return translate("Data", "男") != "男"


def _dates(text: str) -> str:
    text = _QUARTER.sub(lambda m: translate("Data", "{year}年第{quarter}季度").format(
        year=m[1], quarter=m[2]), text)
    text = _DAY.sub(lambda m: translate("Data", "{year}年{month}月{day}日").format(
        year=m[1], month=m[2], day=m[3]), text)
    text = _MONTH.sub(lambda m: translate("Data", "{year}年{month}月").format(
        year=m[1], month=m[2]), text)
    return _AXIS_MONTH.sub(lambda m: calendar.month_abbr[int(m[2])] + (f" {m[1]}" if m[1] else "")
                           if 1 <= int(m[2]) <= 12 else m[0], text)


def _patterns() -> list[tuple[re.Pattern, str]]:
    """Sentences the services build around names (the template translated as a whole)."""
    return [(re.compile(r"该申请由 (?P<name>\S+) (?P<role>\S+)"),
             translate("Data", "该申请由 {name} {role}")),
            (re.compile(r"(?P<a>\d+) ?[–-] ?(?P<b>\d+) ?岁"), translate("Data", "{a}–{b}岁")),
            (re.compile(r"(?P<a>\d+) ?岁以下"), translate("Data", "{a}岁以下")),
            (re.compile(r"(?P<a>\d+) ?岁及以上"), translate("Data", "{a}岁及以上"))]


def tr_data(value: object) -> object:
    """A data text in the interface language: whole, else piece by piece between punctuation
    (pieces that are not in the translations, such as names, stay as they are)."""
    if not isinstance(value, str) or not CJK.search(value) or not english():
        return value
    whole = translate("Data", value)
    if whole != value:
        return whole
    for pattern, template in _patterns():
        match = pattern.fullmatch(value)
        if match:
            return template.format(**{k: tr_data(v) for k, v in match.groupdict().items()})
    out = []
    for piece in _SPLIT.split(value):
        if piece in _SEPARATORS:
            out.append(_SEPARATORS[piece])
        elif CJK.search(piece):
            found = translate("Data", piece)
            out.append(found if found != piece else _dates(piece))
        else:
            out.append(piece)
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def tr_table(table: StatTable) -> StatTable:
    """A statistics table with its words (title, headers, note, row names, chart title) in the
    interface language; the figures as they are."""
    if not english():
        return table

    def row(cells: tuple) -> tuple:
        return tuple(tr_data(c) if isinstance(c, str) else c for c in cells)

    chart = table.chart
    if chart is not None:
        chart = dataclasses.replace(chart, title=tr_data(chart.title))
    return dataclasses.replace(
        table, title=tr_data(table.title), headers=tuple(tr_data(h) for h in table.headers),
        rows=tuple(row(r) for r in table.rows), note=tr_data(table.note), chart=chart,
        total=row(table.total) if table.total is not None else None)


def error_message(exc: ElderError) -> str:
    """The error's message in the interface language (the CLI keeps exc.message, Chinese)."""
    entry = MESSAGES.get(exc.code)
    if entry is None or not english():
        return exc.message
    template = translate("Errors", entry[1])
    if template == entry[1]:
        return exc.message
    return format_message(template, **{k: tr_data(v) for k, v in exc.params.items()})


def message(code: str, **params: object) -> str:
    """message_for in the interface language."""
    return error_message(ElderError(code, **params))
