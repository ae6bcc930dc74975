"""Every page and dialog fits the counter's screens: 1366 × 768 with the normal font and
1920 × 1080 at 150 % (1280 × 720 logical) with the largest font, in Chinese and in English;
with every error state filled in, no label, button, tab or placeholder is clipped."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.paths import resource
from elderdesk.ui.layout import COUNTER_SCREEN, FRAME
from tests.ui.allowance_helpers import BORN_MAY, BORN_SEP, NAMES
from tests.ui.conftest import PEOPLE

# (screen in logical pixels, font size key); the window gets the screen less its frame, the
# title bar and the task bar
SCREENS = {"medium": COUNTER_SCREEN, "xlarge": (1280, 720)}
FRAME_W, FRAME_H = FRAME
CASES = [(lang, font) for lang in ("zh_CN", "en") for font in SCREENS]
TODAY = "2026-08-20"
LONG_ADDRESS = "湖北省武汉市江汉区民意街道民意一路十八号华安里小区三栋二单元五〇二室"
PASSWORD = "all-roles-pass-1"


@pytest.fixture(scope="module")
def office(tmp_path_factory, qapp):
    """One database for every case: staff with every role, people, an application the same
    operator made (so approving it is refused), a card."""
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise
    from tests.conftest import ADMIN_PASSWORD, wuhan_policy

    mp = pytest.MonkeyPatch()
    mp.setenv("ELDERDESK_TODAY", TODAY)
    mp.setenv("ELDERDESK_SETTINGS", str(tmp_path_factory.mktemp("settings") / "s.ini"))
    path = tmp_path_factory.mktemp("layout") / "office.db"
    initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    services = Services.open(path)
    admin = services.users.authenticate("admin", ADMIN_PASSWORD)
    services.users.add(admin, "王秀英", ["clerk", "reviewer", "approver", "admin"], PASSWORD)
    boss = services.users.authenticate("王秀英", PASSWORD)
    for name, number in [*PEOPLE, (NAMES[BORN_MAY], BORN_MAY), (NAMES[BORN_SEP], BORN_SEP)]:
        services.people.add(boss, PersonInput(
            id_number=number, name=name, community="民意社区", street="民意街道",
            household_address=LONG_ADDRESS, current_address=LONG_ADDRESS))
    services.allowance.apply(boss, BORN_MAY, date(2026, 8, 10))
    services.allowance.review(boss, BORN_MAY, True, "材料齐全", date(2026, 8, 12))
    services.cards.issue(boss, PEOPLE[0][1], date(2026, 3, 1))
    yield services, boss
    services.close()
    mp.undo()


@pytest.fixture
def setting(request, qapp, office):
    """Install the language and font size of the case; restore both afterwards."""
    from elderdesk.ui.preferences import apply_font_size

    lang, font = request.param
    translator = None
    if lang == "en":
        translator = QTranslator()
        assert translator.load(str(resource("i18n", "elderdesk_en.qm")))
        QApplication.installTranslator(translator)
    before = QApplication.font()
    apply_font_size(font, save=False)
    yield lang, font
    QApplication.setFont(before)
    if translator is not None:
        QApplication.removeTranslator(translator)


def client_size(font: str) -> tuple[int, int]:
    width, height = SCREENS[font]
    return width - FRAME_W, height - FRAME_H


def placeholder_clipped(edit: QLineEdit) -> bool:
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    room = edit.width() - 2 * frame - margins.left() - margins.right() - 4
    return QFontMetrics(edit.font()).horizontalAdvance(edit.placeholderText()) > room


def clipped(root: QWidget) -> list[str]:
    """What of root's visible texts gets less room than it needs (sizeHint / heightForWidth);
    widgets marked with the property 'elided' (their full text in a tooltip) excepted."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.property("elided"):
            continue
        size, text = w.size(), ""
        if isinstance(w, QLabel):
            text = w.text()
            if not text or not w.pixmap().isNull():
                continue
            if w.wordWrap():
                need = w.heightForWidth(size.width())
                if need > size.height() + 1:
                    found.append(f"wrapped label {text!r}: needs {need} px high, has {size.height()}")
                continue
            hint = w.sizeHint()
        elif isinstance(w, (QPushButton, QCheckBox, QRadioButton)):
            text = w.text()
            if not text:
                continue
            hint = w.sizeHint()
        elif isinstance(w, QGroupBox):
            text, hint = w.title(), w.minimumSizeHint()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                rect = w.tabRect(i)
                if rect.right() > w.width() or rect.width() < w.tabSizeHint(i).width() - 1:
                    found.append(f"tab {w.tabText(i)!r} cut off ({rect.width()} of "
                                 f"{w.tabSizeHint(i).width()} px, bar {w.width()} px)")
            continue
        elif isinstance(w, QTableView):
            if w.wordWrap():  # wrapped cells: every row as tall as its text
                for row in range(min(w.model().rowCount(), 40)):
                    if w.rowHeight(row) < w.sizeHintForRow(row) - 1:
                        found.append(f"table {w.objectName() or type(w.model()).__name__} row {row} cut off ({w.rowHeight(row)} of "
                                     f"{w.sizeHintForRow(row)} px)")
            continue
        elif isinstance(w, QLineEdit):
            if not w.text() and w.placeholderText() and placeholder_clipped(w) \
                    and w.toolTip() != w.placeholderText():
                found.append(f"placeholder {w.placeholderText()!r} cut off ({w.width()} px)")
            continue
        else:
            continue
        if hint.width() > size.width() + 1 or hint.height() > size.height() + 1:
            found.append(f"{type(w).__name__} {text!r}: needs {hint.width()}×{hint.height()}, "
                         f"has {size.width()}×{size.height()}")
    return found


def settle(qtbot, *ops) -> None:
    for _ in range(3):
        for o in ops:
            qtbot.waitUntil(lambda o=o: not o.is_busy(), timeout=20000)
        qtbot.wait(20)


def tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [t for t in root.findChildren(QTabWidget) if t.isVisibleTo(root.window())]


def visit_tabs(qtbot, window, where: str, problems: list[str]) -> None:
    """Every tab of every tab widget in view (nested ones too), each checked for clipping."""
    page = window.stack.currentWidget()
    seen: set[int] = set()

    def walk(widgets: list[QTabWidget]) -> None:
        for tabs in widgets:
            if id(tabs) in seen:
                continue
            seen.add(id(tabs))
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                settle(qtbot, window.ops)
                problems.extend(f"{where} / {tabs.tabText(i)}: {p}" for p in clipped(window))
                walk(tab_widgets(tabs.widget(i)))

    problems.extend(f"{where}: {p}" for p in clipped(window))
    walk(tab_widgets(page))


@pytest.mark.parametrize("setting", CASES, indirect=True, ids=[f"{a}-{b}" for a, b in CASES])
def test_every_page_and_dialog_fits_the_screen(qtbot, setting, office):
    from elderdesk.ui.main_window import MainWindow

    lang, font = setting
    services, boss = office
    width, height = client_size(font)
    window = MainWindow(services, boss)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    for row in range(window.nav.count()):
        window.show_page(row)
        settle(qtbot, window.ops)
        if row == 0:  # a person selected: the detail pane and its payment history filled in
            window.register_page.search_edit.setText(PEOPLE[0][1])
            qtbot.waitUntil(lambda: window.register_page.detail.person is not None)
            settle(qtbot, window.ops)
        visit_tabs(qtbot, window, window.nav.item(row).text(), problems)
    minimum = window.minimumSizeHint()
    if minimum.width() > width or minimum.height() > height:
        problems.append(f"the window needs {minimum.width()}×{minimum.height()}, "
                        f"the screen gives {width}×{height}")
    if (window.width(), window.height()) != (width, height):
        problems.append(f"the window is {window.width()}×{window.height()}")
    problems += dialog_problems(qtbot, window, services, boss, (width, height))
    window.ops.wait_done()
    assert not problems, f"{lang}, {font}:\n" + "\n".join(problems)


def dialog_problems(qtbot, window, services, boss, screen) -> list[str]:
    problems: list[str] = []
    for name, make, states in dialogs(window, services, boss):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot, window.ops)
        for state, fill in [("", None), *states]:
            if fill is not None:
                fill(dialog)
                settle(qtbot, window.ops)
            where = f"{name}{' / ' + state if state else ''}"
            problems.extend(f"{where}: {p}" for p in clipped(dialog))
            if dialog.width() > screen[0] or dialog.height() > screen[1]:
                problems.append(f"{where}: {dialog.width()}×{dialog.height()} exceeds the screen")
        dialog.close()
    return problems


def failing(exc: ElderError):
    """Fill a dialog's error line the way its failed save does."""
    def fill(dialog) -> None:
        handler = getattr(dialog, "_on_failed", None) or dialog._on_save_failed
        handler(exc)
    return fill


def dialogs(window, services, boss):
    """(name, factory, [(error state, fill)]) of every dialog of the program."""
    from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
    from elderdesk.ui.dialogs.calibration_dialog import CalibrationDialog
    from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
    from elderdesk.ui.dialogs.decision_dialog import OPTIONAL, REQUIRED, DecisionDialog
    from elderdesk.ui.dialogs.end_dialog import EndDialog
    from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
    from elderdesk.ui.dialogs.login_dialog import LoginDialog
    from elderdesk.ui.dialogs.password_dialog import PasswordDialog
    from elderdesk.ui.dialogs.person_dialog import PersonDialog
    from elderdesk.ui.dialogs.pickup_dialog import PickupDialog
    from elderdesk.ui.dialogs.reissue_dialog import ReissueDialog
    from elderdesk.ui.dialogs.setup_dialog import SetupDialog
    from elderdesk.ui.dialogs.stop_dialog import StopDialog
    from elderdesk.ui.dialogs.user_dialog import UserDialog
    from elderdesk.ui.idle_lock import LockDialog

    ops = window.ops
    zhang = services.people.get(boss, PEOPLE[0][1])
    subject = f"{NAMES[BORN_MAY]}（{BORN_MAY}）"
    bad_id = PEOPLE[1][1][:-1] + ("0" if PEOPLE[1][1][-1] != "0" else "1")
    refused = ElderError("LIFECERT_AFTER_DEATH", name=zhang.name, id=zhang.id_number,
                         death="2026-01-05", date="2026-03-01")

    def approve(reason, when):
        return services.allowance.approve(boss, BORN_MAY, when)

    def type_bad_id(d) -> None:
        d.id_edit.setText(bad_id)

    def save(d) -> None:
        d.save_button.click()

    def ok(d) -> None:
        d.ok_button.click()

    def login_failed(d) -> None:
        d._on_failed(ElderError("AUTH_LOCKED", until="2026-08-20 10:30"))

    return [
        ("person new", lambda: PersonDialog(ops, services, boss, None, window),
         [("bad ID", type_bad_id), ("saved with bad ID", save)]),
        ("person edit", lambda: PersonDialog(ops, services, boss, zhang, window),
         [("refused", failing(ElderError("FIELD_TOO_LONG", field="户籍地址", max=100)))]),
        ("application", lambda: ApplicationDialog(ops, services, boss, BORN_SEP, window),
         [("too early", failing(ElderError(
             "APPLY_TOO_EARLY", birth="1946-09-15", month="2026-09", age=80,
             earliest="2026-08-01")))]),
        ("approve", lambda: DecisionDialog(ops, "批准", subject, approve, reason="none",
                                           note="批准后自下一期花名册起发放（含应补发的月份）。",
                                           ok_text="批准", parent=window),
         [("separation of duties", ok)]),
        ("reject", lambda: DecisionDialog(ops, "退回", subject, approve, reason=REQUIRED,
                                          ok_text="退回", parent=window),
         [("no reason", ok)]),
        ("review", lambda: DecisionDialog(ops, "审核通过", subject, approve, reason=OPTIONAL,
                                          ok_text="审核通过", parent=window), []),
        ("proof of life", lambda: LifecertDialog(ops, subject, lambda d: None, months=12,
                                                 parent=window),
         [("refused", failing(refused))]),
        ("stop", lambda: StopDialog(ops, subject, lambda *a: None, window),
         [("refused", failing(refused))]),
        ("death", lambda: EndDialog(ops, zhang, "death", lambda *a: None, window),
         [("refused", failing(refused))]),
        ("card issue", lambda: CardIssueDialog(
            ops, services, boss, services.cards.eligibility(boss, PEOPLE[2][1]), window),
         [("refused", failing(ElderError(
             "CARD_NOT_LOCAL", name=zhang.name, id=zhang.id_number,
             detail="没有登记有效期内的居住证")))]),
        ("card reissue", lambda: ReissueDialog(
            ops, services, boss, services.cards.eligibility(boss, PEOPLE[0][1]), window), []),
        ("pickup", lambda: PickupDialog(ops, services, boss,
                                        services.cards.current(boss, PEOPLE[0][1]), window),
         [("agent missing", lambda d: (d.agent_radio.setChecked(True), ok(d)))]),
        ("calibration", lambda: CalibrationDialog(ops, services, boss, ["Card-Printer"],
                                                  "Card-Printer", window), []),
        ("new user", lambda: UserDialog(ops, services.users, boss, parent=window),
         [("no role", ok)]),
        ("my password", lambda: PasswordDialog(ops, services.users, boss, parent=window),
         [("refused", failing(ElderError("PASSWORD_TOO_SHORT", min=8)))]),
        ("login", lambda: LoginDialog(ops, lambda n, p: None, "江汉区民意街道社区服务中心",
                                      window, user="王秀英"), [("locked", login_failed)]),
        ("lock", lambda: LockDialog(ops, boss, lambda n, p: None, window),
         [("locked", login_failed)]),
        ("setup", lambda: SetupDialog(ops, window.services.db.path.parent / "new.db", window),
         [("refused", failing(ElderError("FILE_UNWRITABLE", path="D:/ElderDesk/elderdesk.db",
                                         detail="拒绝访问")))]),
    ] + later_dialogs(window, services, boss)


def later_dialogs(window, services, boss):
    """The import, compare and freeze dialogs."""
    from elderdesk.ui.dialogs.import_dialog import ImportDialog

    return [("import", lambda: ImportDialog(window.ops, services, boss, window),
             [("unreadable", lambda d: d._on_failed(ElderError(
                 "FILE_UNREADABLE", path="D:/名册/民意社区老人名册2026年8月.xlsx",
                 detail="文件已损坏")))])]


def test_the_check_catches_a_clipped_label(qtbot):
    """The checker itself: a label squeezed below its text is reported."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("身份证号“420103194003120110”校验位错误（应为 1），请逐位核对", holder)
    label.setGeometry(0, 0, 80, 10)
    holder.show()
    assert clipped(holder)
    label.setWordWrap(True)
    assert clipped(holder)
    label.resize(label.sizeHint().width(), label.heightForWidth(label.sizeHint().width()))
    assert not clipped(holder)


def test_an_error_clears_when_its_field_is_edited_and_the_dialog_grows(qtbot, office):
    """Item 5: the refusal after 保存 shows whole (the dialog grows, the ID verdict is not
    squeezed) and goes away at the next edit of a field."""
    from elderdesk.ui.dialogs.person_dialog import PersonDialog
    from elderdesk.ui.ops import Ops

    services, boss = office
    ops = Ops()
    dialog = PersonDialog(ops, services, boss)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.id_edit.setText(PEOPLE[1][1][:-1] + ("0" if PEOPLE[1][1][-1] != "0" else "1"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and bool(dialog.error_label.text()))
    settle(qtbot, ops)
    assert dialog.height() > height
    assert not clipped(dialog)
    status = dialog.id_edit.status
    assert status.height() >= status.heightForWidth(status.width())
    qtbot.keyClicks(dialog.fields["name"], "Li")  # an edit: the old refusal no longer applies
    assert dialog.error_label.text() == "" and not dialog.error_label.isVisible()
    ops.wait_done()


def test_a_long_address_shows_its_beginning(qtbot, office):
    """Item 6: a filled field longer than its box shows its start, the whole in the tooltip."""
    from elderdesk.ui.dialogs.person_dialog import PersonDialog
    from elderdesk.ui.ops import Ops

    services, boss = office
    ops = Ops()
    dialog = PersonDialog(ops, services, boss, services.people.get(boss, PEOPLE[0][1]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name in ("household_address", "current_address"):
        edit = dialog.fields[name]
        assert edit.text() == LONG_ADDRESS
        assert edit.cursorPosition() == 0 and edit.toolTip() == LONG_ADDRESS
    ops.wait_done()


def test_the_largest_font_enlarges_navigation_and_headings(qtbot, office):
    """Item 10: 特大 makes the navigation and the headings larger, not smaller, than the text,
    also when chosen while the window is open."""
    from elderdesk.ui.main_window import MainWindow
    from elderdesk.ui.preferences import apply_font_size

    services, boss = office
    before = QApplication.font()
    window = MainWindow(services, boss)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        apply_font_size("xlarge", save=False)
        qtbot.wait(50)
        body = QApplication.font().pointSizeF()
        assert body == 17
        assert window.nav.font().pointSizeF() > body
        assert window.register_page.detail.title.font().pointSizeF() > body
        assert window.cards_page.panel.name_label.font().pointSizeF() > body
        assert window.nav.width() >= window.nav.sizeHintForColumn(0)
    finally:
        QApplication.setFont(before)
        window.ops.wait_done()
