"""Data-only printing onto pre-printed card or booklet stock, and its calibration test page.

Field positions come from a TOML template in resources/templates (mm from the page's top-left
corner; text at its left baseline). The per-printer offset (mm) is added to every position:
positive X moves right, positive Y moves down.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import date_zh
from elderdesk.paths import resource
from elderdesk.reports.card_draw import BLACK, CardFace, Photos, draw_photo, draw_qr, draw_text
from elderdesk.reports.fonts import pdf_canvas

DEFAULT_TEMPLATE = ("templates", "card_overlay_sichuan.toml")
FIELDS = ("name", "sex", "ethnicity", "birth_date", "address", "id_number", "card_no",
          "issued_on", "office")
GUIDE = HexColor("#C03030")


@dataclass(frozen=True)
class Field:
    x: float
    y: float
    size: float
    max_width: float | None
    label: str


@dataclass(frozen=True)
class Template:
    name: str
    width: float  # mm
    height: float
    fields: dict[str, Field]
    photo: tuple[float, float, float, float] | None  # x, y, w, h (mm, top-left)
    qr: tuple[float, float, float] | None  # x, y, size


def _num(raw: dict, key: str, where: str, path: str, default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ElderError("CARD_TEMPLATE_INVALID", path=path, detail=f"{where}.{key} 应为数字（毫米）")
    return float(value)


def load_template(path: Path | str | None = None) -> Template:
    """Read and check a template file (default: the Sichuan-style booklet)."""
    file = Path(path) if path else resource(*DEFAULT_TEMPLATE)
    name = str(file)
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ElderError("CARD_TEMPLATE_INVALID", path=name, detail=str(exc)) from None
    page = raw.get("page", {})
    width, height = _num(page, "width", "page", name), _num(page, "height", "page", name)
    default_size = _num(raw, "font_size", "", name, 10.0)
    fields = {}
    for key, spec in raw.get("fields", {}).items():
        if key not in FIELDS or not isinstance(spec, dict):
            raise ElderError("CARD_TEMPLATE_INVALID", path=name,
                             detail=f"未知字段 fields.{key}，可用：{'、'.join(FIELDS)}")
        where = f"fields.{key}"
        max_width = spec.get("max_width")
        fields[key] = Field(_num(spec, "x", where, name), _num(spec, "y", where, name),
                            _num(spec, "size", where, name, default_size),
                            None if max_width is None else _num(spec, "max_width", where, name),
                            str(spec.get("label", key)))
    photo = raw.get("photo")
    qr = raw.get("qr")
    return Template(
        name=str(raw.get("name", file.stem)), width=width, height=height, fields=fields,
        photo=None if not photo or not photo.get("print", True) else _box(photo, name),
        qr=None if not qr else _square(qr, name),
    )


def _box(photo: dict, path: str) -> tuple[float, float, float, float]:
    x, y, w, h = (_num(photo, k, "photo", path) for k in ("x", "y", "width", "height"))
    return x, y, w, h


def _square(qr: dict, path: str) -> tuple[float, float, float]:
    x, y, size = (_num(qr, k, "qr", path) for k in ("x", "y", "size"))
    return x, y, size


def _values(face: CardFace) -> dict[str, str]:
    return {"name": face.name, "sex": face.sex, "ethnicity": face.ethnicity or "",
            "birth_date": date_zh(face.birth_date), "address": face.address or "",
            "id_number": face.id_number, "card_no": face.card_no,
            "issued_on": date_zh(face.issued_on), "office": face.office}


def draw_overlay(c: Canvas, tpl: Template, face: CardFace, photos: Photos,
                 offset: tuple[float, float]) -> None:
    dx, dy = offset

    def pos(x: float, y: float) -> tuple[float, float]:
        return (x + dx) * mm, (tpl.height - y - dy) * mm

    values = _values(face)
    for key, f in tpl.fields.items():
        px, py = pos(f.x, f.y)
        draw_text(c, px, py, values[key], f.size,
                  max_width=f.max_width * mm if f.max_width else None)
    if tpl.photo:
        x, y, w, h = tpl.photo
        px, py = pos(x, y + h)
        draw_photo(c, photos, face.photo, px, py, w * mm, h * mm)
    if tpl.qr:
        x, y, size = tpl.qr
        px, py = pos(x, y + size)
        c.setFillColor(BLACK)
        draw_qr(c, face.qr, face.qr_mask, px, py, size * mm)


def _rulers(c: Canvas, tpl: Template, pos: Callable[[float, float], tuple[float, float]]) -> None:
    """A horizontal ruler 8 mm below the top edge and a vertical one 8 mm from the left edge,
    numbered in mm from the page's edges."""
    c.setStrokeColor(BLACK)
    c.setLineWidth(0.25)
    for v in range(0, int(tpl.width) + 1):
        length = 4 if v % 10 == 0 else 2.5 if v % 5 == 0 else 1.5
        x0, y0 = pos(v, 8)
        c.line(x0, y0, x0, y0 - length * mm)
        if v % 10 == 0 and v > 10:  # 10 would collide with the other ruler
            draw_text(c, x0, y0 - 6.5 * mm, str(v), 5, align="center")
    for v in range(0, int(tpl.height) + 1):
        length = 4 if v % 10 == 0 else 2.5 if v % 5 == 0 else 1.5
        x0, y0 = pos(8, v)
        c.line(x0, y0, x0 + length * mm, y0)
        if v % 10 == 0 and v > 10:
            draw_text(c, x0 + 5 * mm, y0 - 1.7, str(v), 5)
    x0, y0 = pos(0, 8)
    x1, _ = pos(tpl.width, 8)
    c.line(x0, y0, x1, y0)
    x0, y0 = pos(8, 0)
    _, y1 = pos(8, tpl.height)
    c.line(x0, y0, x0, y1)


def write_calibration_page(path: Path | str, tpl: Template | None = None,
                           offset: tuple[float, float] = (0.0, 0.0), printer: str = "") -> None:
    """A test page for the stock: mm rulers, the template's field frames and instructions,
    all shifted by the current offset, so what the ruler reads on paper is the remaining error."""
    tpl = tpl or load_template()
    with pdf_canvas(path, (tpl.width * mm, tpl.height * mm), "套打校准页") as c:
        _calibration(c, tpl, offset, printer)


def _calibration(c: Canvas, tpl: Template, offset: tuple[float, float], printer: str) -> None:
    dx, dy = offset

    def pos(x: float, y: float) -> tuple[float, float]:
        return (x + dx) * mm, (tpl.height - y - dy) * mm

    _rulers(c, tpl, pos)
    c.setStrokeColor(GUIDE)
    c.setDash(1, 1)
    for f in tpl.fields.values():
        px, py = pos(f.x, f.y)
        width = (f.max_width or 20) * mm
        c.rect(px, py - f.size * 0.25, width, f.size * 1.1, stroke=1, fill=0)
        draw_text(c, px + 0.6 * mm, py, f.label, min(f.size, 7), GUIDE)
    for box, label in ((tpl.photo, "照片"), (tpl.qr and (*tpl.qr, tpl.qr[2]), "二维码")):
        if box:
            x, y, w, h = box
            px, py = pos(x, y + h)
            c.rect(px, py, w * mm, h * mm, stroke=1, fill=0)
            draw_text(c, px + w * mm / 2, py + h * mm / 2, label, 7, GUIDE, align="center")
    c.setDash()
    lines = [f"套打校准页：{tpl.name}", f"{tpl.width:g} × {tpl.height:g} 毫米，{printer or '默认打印机'}",
             f"当前偏移 X {dx:+.1f} 毫米，Y {dy:+.1f} 毫米", "",
             "请按实际大小（100%）打印到空白证本上，",
             "用直尺量刻度“20”到纸张左边缘和上边缘的距离：",
             "横向量得 20 + a 毫米，则 X 偏移减 a；",
             "纵向量得 20 + b 毫米，则 Y 偏移减 b。",
             "红色虚线框是各项内容的打印位置，",
             "应落在证本相应栏目之内。"]
    for i, text in enumerate(lines):
        px, py = pos(17, 20 + i * 4.2)
        draw_text(c, px, py, text, 6.5, max_width=max(20.0, tpl.width / 2 - 19) * mm)
