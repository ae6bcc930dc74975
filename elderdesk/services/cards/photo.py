"""Card photos: decode a JPEG/PNG, crop to the 1-inch portrait (25 × 35 mm), render at 300 dpi."""

from __future__ import annotations

import io
from dataclasses import dataclass

from elderdesk.domain.errors import ElderError

RATIO = (25, 35)  # width : height of a 1-inch photo (一寸照)
SIZE_PX = (295, 413)  # 25 × 35 mm at 300 dpi
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000
MIN_SIDE = 60


@dataclass(frozen=True)
class PreparedPhoto:
    original: bytes
    original_format: str  # jpeg | png
    box: tuple[int, int, int, int]  # x, y, w, h in pixels of the upright image
    image: bytes  # the JPEG printed on the card
    size: tuple[int, int]  # upright image size


def default_box(width: int, height: int) -> tuple[int, int, int, int]:
    """The largest 25:35 box centred in the image."""
    if width * RATIO[1] >= height * RATIO[0]:  # wider than 25:35: full height
        h, w = height, min(width, round(height * RATIO[0] / RATIO[1]))
    else:
        w, h = width, min(height, round(width * RATIO[1] / RATIO[0]))
    return ((width - w) // 2, (height - h) // 2, w, h)


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        raise ElderError("PHOTO_UNREADABLE", path=name, detail="文件超过 20 MB")
    try:
        img = Image.open(io.BytesIO(data))
        if img.format not in ("JPEG", "PNG"):
            raise ElderError("PHOTO_UNREADABLE", path=name, detail=f"格式为 {img.format}")
        if img.width * img.height > MAX_PIXELS:
            raise ElderError("PHOTO_UNREADABLE", path=name, detail="像素过多")
        fmt = img.format.lower()
        img = ImageOps.exif_transpose(img)  # phone photos: upright as the camera held them
        img.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ElderError("PHOTO_UNREADABLE", path=name,
                         detail="不是有效的图片文件" if isinstance(exc, UnidentifiedImageError)
                         else str(exc)) from None
    if min(img.size) < MIN_SIDE:
        raise ElderError("PHOTO_UNREADABLE", path=name,
                         detail=f"图片只有 {img.width} × {img.height} 像素，太小")
    return img, fmt


def check_box(box: tuple[int, int, int, int], width: int, height: int) -> tuple[int, int, int, int]:
    x, y, w, h = (int(v) for v in box)
    text = f"({x}, {y}, {w}, {h})"
    if w < MIN_SIDE // 2 or h < MIN_SIDE // 2 or x < 0 or y < 0 or x + w > width or y + h > height:
        raise ElderError("PHOTO_CROP_INVALID", box=text,
                         detail=f"须在 {width} × {height} 像素的图片之内")
    if abs(w * RATIO[1] - h * RATIO[0]) > max(w, h) * RATIO[1] * 0.02:
        raise ElderError("PHOTO_CROP_INVALID", box=text, detail="宽高比应为 25 : 35（一寸照）")
    return x, y, w, h


def prepare(data: bytes, box: tuple[int, int, int, int] | None = None,
            name: str = "照片") -> PreparedPhoto:
    """Decode, crop (default: centred) and render the photo; PHOTO_* errors (exit 2)."""
    from PIL import Image

    img, fmt = _open(data, name)
    box = check_box(box, *img.size) if box is not None else default_box(*img.size)
    x, y, w, h = box
    part = img.crop((x, y, x + w, y + h))
    if part.mode in ("RGBA", "LA", "P", "PA"):
        part = part.convert("RGBA")
        white = Image.new("RGBA", part.size, (255, 255, 255, 255))
        part = Image.alpha_composite(white, part)
    part = part.convert("RGB").resize(SIZE_PX, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    part.save(out, "JPEG", quality=90, dpi=(300, 300), optimize=True)
    return PreparedPhoto(data, fmt, box, out.getvalue(), img.size)


def from_chip(data: bytes, name: str = "身份证照片") -> bytes:
    """The ID card's chip photo (a BMP from the folder and termb drivers or a decoded WLT; a
    JPEG or PNG from a vendor's web service) as a PNG, the lossless form `prepare` takes: the
    card photo is then cropped and scaled like any other (largest centred 25:35 box, no
    distortion). PHOTO_UNREADABLE when it is not a usable image."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_BYTES:
        raise ElderError("PHOTO_UNREADABLE", path=name, detail="文件超过 20 MB")
    try:
        img = Image.open(io.BytesIO(data))
        if img.format not in ("BMP", "DIB", "JPEG", "PNG"):
            raise ElderError("PHOTO_UNREADABLE", path=name, detail=f"格式为 {img.format}")
        if img.width * img.height > MAX_PIXELS:
            raise ElderError("PHOTO_UNREADABLE", path=name, detail="像素过多")
        img.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError) as exc:
        raise ElderError("PHOTO_UNREADABLE", path=name,
                         detail="不是有效的图片文件" if isinstance(exc, UnidentifiedImageError)
                         else "像素过多" if isinstance(exc, Image.DecompressionBombError)
                         else str(exc)) from None
    if min(img.size) < MIN_SIDE:
        raise ElderError("PHOTO_UNREADABLE", path=name,
                         detail=f"图片只有 {img.width} × {img.height} 像素，太小")
    out = io.BytesIO()
    img.convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue()
