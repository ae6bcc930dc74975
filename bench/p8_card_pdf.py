"""P8: card PDF: 1 card ≤ 50 ms in a warm process (font registered once), 1,000 cards in one
file ≤ 12 s.

Builds its own data: a fresh database, the demo register (1,500 people, seed 1), a card with a
photo for each of the first 1,000 eligible people; then times the service call that prints
(database read, layout, QR, PDF file). Prints one line per figure.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import common


def main() -> None:
    from PIL import Image, ImageDraw

    from elderdesk.demo.generator import DemoService
    from elderdesk.domain.errors import ElderError
    from elderdesk.paths import resource
    from elderdesk.services.users.service import initialise

    folder = Path(tempfile.mkdtemp(prefix="p8-"))
    policy = resource("policies", "wuhan.toml").read_text(encoding="utf-8")
    initialise(folder / "p8.db", "420103", common.OFFICE, "admin", common.PASSWORD,
               policy_source=policy).close()
    services, op = common.open_services(folder / "p8.db")
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
    one = [common.timed(lambda i=i: printer.print_cards(op, [issued[i]], folder / f"one-{i}.pdf"),
                        1)[0] for i in range(21)]
    common.report("P8", "card PDF, 1 card (warm process)", common.median(one), 0.050, unit="ms")
    batches = {}
    for mode in ("full", "sheet"):
        batches[mode] = common.timed(
            lambda mode=mode: printer.print_cards(op, issued, folder / f"batch-{mode}.pdf", mode),
            3)
    common.detail(f"{len(issued):,} cards on A4 sheets (sheet mode): median "
                  f"{common.median(batches['sheet']):.2f} s")
    common.report("P8", f"card PDF, {len(issued):,} cards in one file", common.median(
        batches["full"]), 12)
    services.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
