"""P8 (docs/performance.md): card PDF, 1 card ≤ 50 ms (warm process), 1,000 cards ≤ 12 s.

Builds its own data: a fresh database, the demo register (seed 1), a card with a photo for each
of the first 1,000 eligible people; then times the service call that prints (database read,
layout, QR, PDF file). Prints one line per figure: median, ceiling.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("ELDERDESK_FAST_HASH", "1")
os.environ.setdefault("ELDERDESK_TODAY", "2026-05-01")


def main() -> None:
    from PIL import Image, ImageDraw

    from elderdesk.domain.errors import ElderError
    from elderdesk.services.container import Services
    from elderdesk.services.demo import DemoService
    from elderdesk.services.users import initialise

    folder = Path(tempfile.mkdtemp(prefix="p8-"))
    initialise(folder / "p8.db", "420103", "江汉区民意街道社区服务中心", "admin", "bench-pass-1").close()
    services = Services.open(folder / "p8.db")
    op = services.users.authenticate("admin", "bench-pass-1")
    DemoService(services.db).fill(op, 1500, seed=1)
    ids = [r.id_number for r in services.people.search(op, "420", limit=1500)]
    issued: list[str] = []
    for n, number in enumerate(ids):
        img = Image.new("RGB", (480, 640), (180 + n % 60, 200, 230))
        ImageDraw.Draw(img).ellipse((140, 120, 340, 380), fill=(230, 190, 160))
        out = io.BytesIO()
        img.save(out, "JPEG")
        try:
            services.cards.issue(op, number, photo=out.getvalue())
        except ElderError:
            continue  # too young, deceased, moved out, no residence permit
        issued.append(number)
        if len(issued) == 1000:
            break
    printer = services.cards.printer
    printer.print_cards(op, issued[:1], folder / "warm.pdf")  # font registration, imports
    one = []
    for i in range(21):
        started = time.perf_counter()
        printer.print_cards(op, [issued[i]], folder / f"one-{i}.pdf")
        one.append(time.perf_counter() - started)
    print(f"P8 one card: median {statistics.median(one) * 1000:.1f} ms, ceiling 50 ms")
    for mode in ("full", "sheet"):
        runs = []
        for i in range(3):
            started = time.perf_counter()
            printer.print_cards(op, issued, folder / f"batch-{mode}-{i}.pdf", mode)
            runs.append(time.perf_counter() - started)
        print(f"P8 {len(issued)} cards ({mode}): median {statistics.median(runs):.2f} s, "
              "ceiling 12 s")
    services.close()


if __name__ == "__main__":
    main()
