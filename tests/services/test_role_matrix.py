"""Every public service method × every role: ROLE_DENIED (exit 3) exactly when PERMISSIONS says so.

Methods are found by introspection (the Services container, every *Service class of
elderdesk.services and elderdesk.demo, and every module function there that takes an operator), so a new method
without an entry below fails `test_every_method_is_in_the_table`.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import elderdesk.demo as demo_pkg
import elderdesk.services as services_pkg
from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.audit.view import AuditQuery
from elderdesk.services.auth import PERMISSIONS, Operator
from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.helpers import make_id

NO_OP = "no operator"  # by contract callable without one (card verify, login, office name...)
IN_SESSION = "session helper"  # takes the caller's Session: only reachable inside a use case
ROLE_CASES = ("clerk", "reviewer", "approver", "admin", "nobody")
_paths = itertools.count(1)


@dataclass
class Ctx:
    services: Any
    tmp: Path
    person: str  # registered, born 1940: eligible for everything
    other: str  # registered, for deaths and moves
    corrected: str  # registered, for ID corrections
    spare_ids: Any  # fresh valid ID numbers

    def path(self, suffix: str) -> Path:
        return self.tmp / f"out{next(_paths)}{suffix}"

    def service(self, cls_name: str) -> Any:
        s = self.services
        return {"AllowanceService": s.allowance, "CardService": s.cards, "PeopleService": s.people,
                "RosterService": s.roster, "CardPrinter": s.cards.printer}[cls_name]


def _safety(c: Ctx) -> Any:
    return c.services.safety


def _system() -> Any:
    from elderdesk.services.auth import SYSTEM

    return SYSTEM


def _month(text: str) -> Any:
    from elderdesk.domain.months import Month

    return Month.parse(text)


def _demo(c: Ctx) -> Any:
    from elderdesk.demo.generator import DemoService

    return DemoService(c.services.db)


P = "2026Q1"  # a period in the Wuhan policy's form
TODAY = date(2026, 5, 20)

# "Class.method" or "module.function" -> (PERMISSIONS action | NO_OP | IN_SESSION, call(c, op))
TABLE: dict[str, tuple[str, Any]] = {
    # --- people ---------------------------------------------------------------------------
    "PeopleService.get": ("people.read", lambda c, op: c.services.people.get(op, c.person)),
    "PeopleService.search": ("people.read", lambda c, op: c.services.people.search(op, "张")),
    "PeopleService.add": ("people.add", lambda c, op: c.services.people.add(
        op, PersonInput(id_number=next(c.spare_ids), name="钱七"))),
    "PeopleService.update": ("people.edit", lambda c, op: c.services.people.update(
        op, c.person, PersonInput(id_number=c.person, name="张三丰", community="民意社区"))),
    "RosterService.missing_accounts": ("roster.read", lambda c, op:
        c.services.roster.missing_accounts(op)),
    "PeopleService.set_account": ("people.edit", lambda c, op: c.services.people.set_account(
        op, c.person, "中国工商银行", "622202123456")),
    "PeopleService.record_death": ("people.death", lambda c, op: c.services.people.record_death(
        op, c.other, TODAY)),
    "PeopleService.record_moved_out": ("people.moved_out", lambda c, op:
                                       c.services.people.record_moved_out(op, c.other, TODAY)),
    "PeopleService.resolve": (IN_SESSION, None),
    "PeopleService.apply_end": (IN_SESSION, None),
    "PeopleService.check_can_end": (IN_SESSION, None),
    "PeopleService.correct_id": ("people.correct_id", lambda c, op:
                                 c.services.people.correct_id(
                                     op, c.corrected, next(c.spare_ids), "户籍更正")),
    # --- allowance ------------------------------------------------------------------------
    "AllowanceService.policy": ("people.read", lambda c, op: c.services.allowance.policy(op)),
    "AllowanceService.load_policy": ("policy.load", lambda c, op:
                                     c.services.allowance.load_policy(op, wuhan_policy())),
    "AllowanceService.apply": ("allowance.apply", lambda c, op: c.services.allowance.apply(
        op, c.person, TODAY)),
    "AllowanceService.review": ("allowance.review", lambda c, op: c.services.allowance.review(
        op, c.person, True, None, TODAY)),
    "AllowanceService.approve": ("allowance.approve", lambda c, op: c.services.allowance.approve(
        op, c.person, TODAY)),
    "AllowanceService.reject": ("allowance.approve", lambda c, op: c.services.allowance.reject(
        op, c.person, "材料不全", TODAY)),
    "AllowanceService.stop": ("allowance.stop", lambda c, op: c.services.allowance.stop(
        op, c.person, TODAY, "voluntary")),
    "AllowanceService.lifecert": ("lifecert.add", lambda c, op: c.services.allowance.lifecert(
        op, c.person, TODAY)),
    "AllowanceService.enrollment_json": ("people.read", lambda c, op:
                                         c.services.allowance.enrollment_json(op, c.person)),
    "AllowanceService.queue": ("people.read", lambda c, op: c.services.allowance.queue(
        op, "applied")),
    "AllowanceService.due_list": ("people.read", lambda c, op: c.services.allowance.due_list(op)),
    "AllowanceService.lifecert_due": ("people.read", lambda c, op:
                                      c.services.allowance.lifecert_due(op)),
    "AllowanceService.history": ("people.read", lambda c, op: c.services.allowance.history(
        op, c.person)),
    "AllowanceService.policy_in": (IN_SESSION, None),
    "AllowanceService.entitlement": (IN_SESSION, None),
    "AllowanceService.policy_of": (IN_SESSION, None),
    "AllowanceService.application_of": ("people.read", lambda c, op:
                                        c.services.allowance.application_of(op, c.person)),
    # --- rosters --------------------------------------------------------------------------
    "RosterService.build": ("roster.build", lambda c, op: c.services.roster.build(op, P)),
    "RosterService.show": ("roster.read", lambda c, op: c.services.roster.show(op, P)),
    "RosterService.compare": ("roster.read", lambda c, op: c.services.roster.compare(op, P)),
    "RosterService.export": ("roster.export", lambda c, op: c.services.roster.export(
        op, P, pdf=c.path(".pdf"))),
    "RosterService.freeze": ("roster.freeze", lambda c, op: c.services.roster.freeze(op, P)),
    "RosterService.recoveries": ("recoveries.read", lambda c, op:
                                 c.services.roster.recoveries(op)),
    "RosterService.settle": ("recoveries.settle", lambda c, op: c.services.roster.settle(
        op, c.person, "2026-01", TODAY)),
    "RosterService.parse_period": (IN_SESSION, None),
    "Services.profile": ("people.read", lambda c, op: c.services.profile(op, c.person)),
    "Services.offline_safety": (NO_OP, None),
    "Services.open": (NO_OP, None),
    "Services.close": (NO_OP, None),
    # --- cards ----------------------------------------------------------------------------
    "CardService.issue": ("card.issue", lambda c, op: c.services.cards.issue(op, c.person)),
    "CardService.reissue": ("card.issue", lambda c, op: c.services.cards.reissue(
        op, c.person, "lost")),
    "CardService.set_photo": ("card.issue", lambda c, op: c.services.cards.set_photo(
        op, c.person)),
    "CardService.photo": ("people.read", lambda c, op: c.services.cards.photo(op, c.person)),
    "CardService.pickup": ("card.pickup", lambda c, op: c.services.cards.pickup(op, c.person)),
    "CardService.cards": ("people.read", lambda c, op: c.services.cards.cards(op, c.person)),
    "CardService.current": ("people.read", lambda c, op: c.services.cards.current(op, c.person)),
    "CardService.card_json": ("people.read", lambda c, op: c.services.cards.card_json(
        op, c.person)),
    "CardService.rules": ("people.read", lambda c, op: c.services.cards.rules(op)),
    "CardService.set_rule": ("settings.change", lambda c, op: c.services.cards.set_rule(
        op, "card.min_age", "60")),
    "CardService.rules_in": (IN_SESSION, None),
    "CardService.public_key": (NO_OP, None),
    "CardService.verify": (NO_OP, None),
    "CardPrinter.calibration": ("people.read", lambda c, op:
                                c.services.cards.printer.calibration(op)),
    "CardPrinter.set_calibration": ("card.calibrate", lambda c, op:
                                    c.services.cards.printer.set_calibration(op, "", 0.5, 0.5)),
    "CardPrinter.print_cards": ("card.print", lambda c, op: c.services.cards.printer.print_cards(
        op, [c.person], c.path(".pdf"))),
    "CardPrinter.calibration_page": ("card.print", lambda c, op:
                                     c.services.cards.printer.calibration_page(
                                         op, c.path(".pdf"))),
    # --- fee receipts (issue 16) ----------------------------------------------------------
    "ReceiptService.day": ("receipt.read", lambda c, op: c.services.receipts.day(op)),
    "ReceiptService.get": ("receipt.read", lambda c, op: c.services.receipts.get(
        op, "SJ4201032026000001")),
    "ReceiptService.for_card": ("receipt.read", lambda c, op: c.services.receipts.for_card(
        op, "4201032026000001")),
    "ReceiptService.void": ("receipt.void", lambda c, op: c.services.receipts.void(
        op, "SJ4201032026000001", "收款有误")),
    "ReceiptService.print_pdf": ("receipt.print", lambda c, op: c.services.receipts.print_pdf(
        op, "SJ4201032026000001", c.path(".pdf"))),
    "ReceiptService.export_day": ("receipt.read", lambda c, op: c.services.receipts.export_day(
        op, pdf=c.path(".pdf"), xlsx=c.path(".xlsx"))),
    "CardService.eligibility": ("people.read", lambda c, op: c.services.cards.eligibility(
        op, c.person)),
    "CardService.recent_cards": ("people.read", lambda c, op: c.services.cards.recent_cards(op)),
    "CardService.preview_pdf": ("people.read", lambda c, op: c.services.cards.preview_pdf(
        op, c.person, c.path(".pdf"))),
    # --- imports, settings, users, audit ----------------------------------------------------
    "ImportService.import_people": ("import.people", lambda c, op:
                                    c.services.imports.import_people(op, c.path(".xlsx"))),
    "ImportService.import_deaths": ("import.deaths", lambda c, op:
                                    c.services.imports.import_deaths(op, c.path(".xlsx"))),
    "ImportService.import_applications": ("import.applications", lambda c, op:
                                          c.services.imports.import_applications(
                                              op, c.path(".xlsx"))),
    "SettingsService.set": ("settings.change", lambda c, op: c.services.settings.set(
        op, "security.idle_minutes", "15")),
    "SettingsService.office": (NO_OP, None),
    "SettingsService.idle_minutes": (NO_OP, None),
    "UserService.authenticate": (NO_OP, None),
    "UserService.add": ("user.add", lambda c, op: c.services.users.add(
        op, f"u{next(_paths)}", ["clerk"], PASSWORD)),
    "UserService.list": ("user.manage", lambda c, op: c.services.users.list(op)),
    "UserService.change_password": ("user.passwd", lambda c, op:
                                    c.services.users.change_password(op, "wrong-pass", PASSWORD)),
    "UserService.reset_password": ("user.manage", lambda c, op: c.services.users.reset_password(
        op, "spare", PASSWORD)),
    "UserService.set_active": ("user.manage", lambda c, op: c.services.users.set_active(
        op, "spare", True)),
    "UserService.disable": ("user.manage", lambda c, op: c.services.users.disable(op, "spare")),
    "UserService.set_roles": ("user.manage", lambda c, op: c.services.users.set_roles(
        op, "spare", ["clerk"])),
    "AuditViewService.list": ("audit.read", lambda c, op: c.services.audit.list(
        op, AuditQuery())),
    "AuditViewService.operators": ("audit.read", lambda c, op: c.services.audit.operators(op)),
    "AuditViewService.person_trail": ("people.read", lambda c, op: c.services.audit.person_trail(
        op, c.person)),
    "AuditViewService.export": ("audit.read", lambda c, op: c.services.audit.export(
        op, AuditQuery(), c.path(".xlsx"))),
    # --- demo, safety, statistics -----------------------------------------------------------
    "DemoService.fill": ("demo", lambda c, op: _demo(c).fill(op, 1)),
    "SafetyService.verify_audit": ("audit.verify", lambda c, op: _safety(c).verify_audit(op)),
    "SafetyService.create_backup": ("backup.create", lambda c, op: _safety(c).create_backup(
        op, c.path(".db"))),
    "SafetyService.backups": ("backup.create", lambda c, op: _safety(c).backups(op)),
    "SafetyService.backup_folder": ("backup.create", lambda c, op: _safety(c).backup_folder(op)),
    "SafetyService.set_backup_folder": ("settings.change", lambda c, op:
                                        _safety(c).set_backup_folder(op, c.tmp / "usb")),
    "SafetyService.startup_checks": ("backup.auto", lambda c, op:
                                     _safety(c).startup_checks(op)),
    "SafetyService.record_auto_backup": ("backup.auto", lambda c, op:
                                         _safety(c).record_auto_backup(op, c.path(".db"))),
    "SafetyService.restore": ("backup.restore", lambda c, op: _safety(c).restore(
        op, c.path(".db"))),
    "SafetyService.clean_leftovers": (NO_OP, None),
    "SafetyService.usable": (NO_OP, None),
    "SafetyService.backup_login": (NO_OP, None),
    "SafetyService.limit_lock_wait": (NO_OP, None),
    "StatsService.compute": ("stats.read", lambda c, op: c.services.stats.compute(op)),
    # --- statistics export and forms (issue 7) ---------------------------------------------
    "StatsService.export": ("stats.read", lambda c, op: c.services.stats.export(
        op, c.services.stats.compute(_system()), pdf=c.path(".pdf"))),
    "FormsService.application": ("forms.print", lambda c, op: c.services.forms.application(
        op, c.person)),
    "FormsService.stop": ("forms.print", lambda c, op: c.services.forms.stop(op, c.person)),
    "FormsService.adjustments": ("forms.print", lambda c, op: c.services.forms.adjustments(
        op, _month("2026-09"))),
    "FormsService.recovery": ("forms.print", lambda c, op: c.services.forms.recovery(op)),
    "FormsService.pickups": ("forms.print", lambda c, op: c.services.forms.pickups(
        op, date(2026, 1, 1), date(2026, 12, 31))),
    "FormsService.fill": ("forms.print", lambda c, op: c.services.forms.fill(
        op, "adjust", month=_month("2026-09"))),
    "FormsService.write_pdf": ("forms.print", lambda c, op: c.services.forms.write_pdf(
        op, c.services.forms.adjustments(_system(), _month("2026-09")), c.path(".pdf"))),
    # --- the ID card reader of this PC (issue 16) --------------------------------------------
    "ReaderService.choice": (NO_OP, None),
    "ReaderService.close": (NO_OP, None),
    "ReaderService.configure": ("reader.set", lambda c, op: c.services.reader.configure(
        op, "folder", str(c.tmp))),
    "ReaderService.read": ("reader.read", lambda c, op: c.services.reader.read(op)),
    "ReaderService.read_person": ("people.read", lambda c, op:
                                  c.services.reader.read_person(op)),
    # --- street and district (issue 15): this office is a street without its code yet ----
    "OfficeService.identity": ("people.read", lambda c, op: c.services.office.identity(op)),
    "OfficeService.partners": ("people.read", lambda c, op: c.services.office.partners(op)),
    "OfficeService.set_code": ("settings.change", lambda c, op: c.services.office.set_code(
        op, "001")),
    "OfficeService.add_partner": ("settings.change", lambda c, op: c.services.office.add_partner(
        op, "420103", "江汉区民政局", c.services.cards.public_key().encode())),
    "OfficeService.payment": ("settings.change", lambda c, op: c.services.office.payment(
        op, "420103001", "district")),
    "ExchangeService.export": ("exchange.street", lambda c, op: c.services.exchange.export(
        op, c.path(".edx"))),
    "ExchangeService.import_file": ("exchange.street", lambda c, op:
                                    c.services.exchange.import_file(op, c.path(".edx"))),
    "ExchangeService.status": ("exchange.street", lambda c, op: c.services.exchange.status(op)),
    # issue 14: an admin's copy reaches the server (none listens here: PG_UNREACHABLE)
    "ServerService.copy_to": ("server.copy", lambda c, op: c.services.server.copy_to(
        op, "postgresql://nobody@127.0.0.1:1/none")),
    "DuplicatesService.list": ("people.read", lambda c, op: c.services.duplicates.list(op)),
    "DuplicatesService.write_xlsx": ("people.read", lambda c, op:
                                     c.services.duplicates.write_xlsx(op, c.path(".xlsx"))),
    "ExchangeService.offices_of": ("people.read", lambda c, op: c.services.exchange.offices_of(
        op, [c.person])),
}


# Further calls of methods above with the new inputs of issue 11: the role is checked before
# anything else, so a refused role gets ROLE_DENIED whatever the dates, periods or options.
FUTURE = date(2199, 12, 31)
EXTRA: dict[str, tuple[str, Any]] = {
    "PeopleService.record_death@future": ("people.death", lambda c, op:
                                          c.services.people.record_death(op, c.other, FUTURE)),
    "AllowanceService.lifecert@future": ("lifecert.add", lambda c, op:
                                         c.services.allowance.lifecert(op, c.person, FUTURE)),
    "AllowanceService.apply@year1": ("allowance.apply", lambda c, op:
                                     c.services.allowance.apply(op, c.person, date(1, 1, 1))),
    "AllowanceService.review@future": ("allowance.review", lambda c, op:
                                       c.services.allowance.review(op, c.person, True, None,
                                                                   FUTURE)),
    "AllowanceService.stop@future": ("allowance.stop", lambda c, op: c.services.allowance.stop(
        op, c.person, FUTURE, "voluntary")),
    "CardService.issue@future": ("card.issue", lambda c, op: c.services.cards.issue(
        op, c.person, FUTURE)),
    "CardService.pickup@future": ("card.pickup", lambda c, op: c.services.cards.pickup(
        op, c.person, FUTURE)),
    "RosterService.build@future": ("roster.build", lambda c, op: c.services.roster.build(
        op, "2199Q4")),
    "RosterService.freeze@0000Q1": ("roster.freeze", lambda c, op: c.services.roster.freeze(
        op, "0000Q1")),
    "RosterService.settle@future": ("recoveries.settle", lambda c, op: c.services.roster.settle(
        op, c.person, "2026-01", FUTURE)),
    "AllowanceService.load_policy@deep": ("policy.load", lambda c, op:
                                          c.services.allowance.load_policy(
                                              op, "a = " + "[" * 5000 + "]" * 5000)),
    "StatsService.compute@year1": ("stats.read", lambda c, op: c.services.stats.compute(
        op, date(1, 1, 1))),
    "FormsService.write_pdf@full_id": ("people.unmask", lambda c, op:
                                       c.services.forms.write_pdf(
                                           op, c.services.forms.pickups(
                                               _system(), date(2026, 1, 1), date(2026, 12, 31)),
                                           c.path(".pdf"), mask=False)),
}


# --- discovery ------------------------------------------------------------------------------
def _is_service_class(cls: type, reachable: set[type]) -> bool:
    if cls in reachable:
        return True
    params = list(inspect.signature(cls.__init__).parameters)[1:]
    return cls.__name__.endswith("Service") and params[:1] == ["db"]


def _reachable(services: Any) -> set[type]:
    """Classes of the objects hanging off the Services container (cards.printer, ...)."""
    found: set[type] = set()
    todo = [services]
    while todo:
        obj = todo.pop()
        cls = type(obj)
        if cls in found or not cls.__module__.startswith("elderdesk.services"):
            continue
        found.add(cls)
        todo.extend(v for v in vars(obj).values() if hasattr(v, "__dict__"))
    return found


def discover(services: Any) -> dict[str, Any]:
    """'Class.method' / 'module.function' -> the callable, for every public entry point."""
    reachable = _reachable(services)
    out: dict[str, Any] = {}
    infos = [*pkgutil.walk_packages(services_pkg.__path__, "elderdesk.services."),
             *pkgutil.walk_packages(demo_pkg.__path__, "elderdesk.demo.")]  # `elderdesk demo`
    for info in infos:
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("elderdesk.services.")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj) and _is_service_class(obj, reachable):
                for meth, fn in vars(obj).items():
                    if not meth.startswith("_") and (inspect.isfunction(fn) or isinstance(
                            fn, staticmethod | classmethod)):
                        out[f"{name}.{meth}"] = getattr(obj, meth)
            elif inspect.isfunction(obj):
                params = list(inspect.signature(obj).parameters)
                if "op" in params and params[0] not in ("s", "session") and name != "require":
                    out[f"{short}.{name}"] = obj
    return out


# --- fixtures -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    tmp = tmp_path_factory.mktemp("matrix")
    initialise(tmp / "m.db", "420103", "矩阵测试中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    services = Services.open(tmp / "m.db")
    admin = services.users.authenticate("admin", ADMIN_PASSWORD)
    for name, role in (("clerk", "clerk"), ("reviewer", "reviewer"),
                       ("approver", "approver"), ("spare", "clerk")):
        services.users.add(admin, name, [role], PASSWORD)
    ops = {r: services.users.authenticate(r, PASSWORD) for r in ("clerk", "reviewer", "approver")}
    ops["admin"] = admin
    ops["nobody"] = Operator("nobody", frozenset({"visitor"}))  # roles that match nothing
    person, other, corrected = (make_id("1940-03-12", 11), make_id("1941-06-02", 21),
                                make_id("1942-08-09", 31))
    for number, name in ((person, "张三丰"), (other, "李四"), (corrected, "王五")):
        services.people.add(ops["clerk"], PersonInput(id_number=number, name=name))
    spare = (make_id(date(1945, 1, 1 + i % 28), 100 + i) for i in itertools.count())
    yield Ctx(services, tmp, person, other, corrected, spare), ops
    services.close()


def test_every_method_is_in_the_table(ctx) -> None:  # type: ignore[no-untyped-def]
    c, _ops = ctx
    found = discover(c.services)
    missing = sorted(set(found) - set(TABLE))
    stale = sorted(set(TABLE) - set(found))
    assert not missing, f"public service methods without a role-matrix entry: {missing}"
    assert not stale, f"role-matrix entries for methods that no longer exist: {stale}"
    for key, (action, _call) in TABLE.items():
        params = list(inspect.signature(found[key]).parameters)
        if action == NO_OP:
            assert "op" not in params, f"{key} takes an operator: give it a permission"
        elif action == IN_SESSION:
            assert {"s", "session", "row"} & set(params[:2]), f"{key} is not a session helper"
        else:
            assert action in PERMISSIONS, f"{key}: unknown action {action}"


CASES = [(key, role) for key, (action, _c) in {**TABLE, **EXTRA}.items()
         if action not in (NO_OP, IN_SESSION) for role in ROLE_CASES]


@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{k}-{r}" for k, r in CASES])
def test_role_matrix(ctx, key: str, role: str) -> None:  # type: ignore[no-untyped-def]
    c, ops = ctx
    action, call = {**TABLE, **EXTRA}[key]
    op = ops[role]
    allowed = op.can(action)
    try:
        call(c, op)
    except ElderError as exc:
        if allowed:
            assert exc.code != "ROLE_DENIED", f"{key}: {role} refused but may {action}"
        else:
            assert exc.code == "ROLE_DENIED", f"{key}: {role} got {exc.code}, not ROLE_DENIED"
            assert exc.exit_status == 3
        return
    assert allowed, f"{key}: {role} was let through without {action}"
