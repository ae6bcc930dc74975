"""Card printing through the service: batches, warnings, calibration offsets, audit."""

from datetime import date

from elderdesk.domain.person import PersonInput
from elderdesk.services.cards import qr_token
from tests.services.test_cards import actions, add, code_of

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

D = date.fromisoformat


def test_print_batch_warns_of_missing_glyphs_and_is_audited(services, clerk, tmp_path):
    from elderdesk.reports import fonts

    a = add(services, clerk, "1950-01-01", 1, name="王䶮")
    b = add(services, clerk, "1950-01-01", 2, name="李四")
    for p in (a, b):
        services.cards.issue(clerk, p.id_number, D("2026-01-10"))
    fonts.set_fallback_fonts([])  # no fallback font: 䶮 must be reported, never a silent box
    try:
        out = services.cards.printer.print_cards(clerk, [a.id_number, b.id_number],
                                                 tmp_path / "s.pdf", "sheet")
    finally:
        fonts.set_fallback_fonts(None)
    assert (out.cards, out.pages) == (2, 1)
    assert out.warnings == (("CARD_GLYPH_MISSING", {"name": "王䶮", "id": a.id_number,
                                                     "chars": "䶮"}),)
    assert "card.print" in actions(services)
    assert code_of(services.cards.printer.print_cards, clerk, [a.id_number], tmp_path / "x.pdf",
                   "poster") == ("INVALID_VALUE", 2)


def test_calibration_offsets_per_printer(services, clerk, reviewer):
    printer = services.cards.printer
    assert printer.calibration(clerk, "HP") == (0.0, 0.0)
    printer.set_calibration(clerk, "", 0.5, 0.5)
    printer.set_calibration(clerk, "HP", -1.25, 2)
    assert printer.calibration(clerk, "HP") == (-1.25, 2.0)
    assert printer.calibration(clerk, "Epson") == (0.5, 0.5)  # the default entry
    assert code_of(printer.set_calibration, reviewer, "HP", 0, 0) == ("ROLE_DENIED", 3)
    assert code_of(printer.set_calibration, clerk, "HP", 0, 25) == ("INVALID_VALUE", 2)


def test_reprint_after_a_name_change_asks_for_a_correction(services, clerk, tmp_path):
    from dataclasses import asdict

    p = add(services, clerk, "1950-01-01", 1, name="王秀英")
    services.cards.issue(clerk, p.id_number, D("2026-01-10"))
    data = {k: v for k, v in asdict(p).items() if k in PersonInput.__dataclass_fields__}
    services.people.update(clerk, p.id_number, PersonInput(**{**data, "name": "王秀瑛"}))
    out = services.cards.printer.print_cards(clerk, [p.id_number], tmp_path / "a.pdf")
    assert [code for code, _ in out.warnings] == ["CARD_DATA_CHANGED"]
    fixed = services.cards.reissue(clerk, p.id_number, "correction", D("2026-02-01"))
    assert fixed.fee_fen == 0 and qr_token.payload_of(fixed.qr)["name"] == "王秀瑛"
    assert services.cards.printer.print_cards(clerk, [p.id_number], tmp_path / "b.pdf").warnings == ()
