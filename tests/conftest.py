"""Shared fixtures: headless Qt, cheap password hashing, temporary databases."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ELDERDESK_FAST_HASH", "1")  # test-only: argon2 with minimal cost
# per-PC GUI preferences (language, font size, window geometry) of a test run: never the user's
os.environ.setdefault("ELDERDESK_SETTINGS", os.path.join(
    __import__("tempfile").mkdtemp(prefix="elderdesk-settings-"), "settings.ini"))
# per-PC settings outside Qt (elderdesk/pc_config.py: the office server, a server's backup folder)
os.environ.setdefault("ELDERDESK_PC_CONFIG", os.path.join(
    __import__("tempfile").mkdtemp(prefix="elderdesk-pc-"), "pc.json"))

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests import system_tools  # noqa: E402

ADMIN_PASSWORD = "admin-pass-1"
PASSWORD = "secret-pass-1"


def wuhan_policy() -> str | None:
    p = Path(__file__).resolve().parent.parent / "resources" / "policies" / "wuhan.toml"
    return p.read_text(encoding="utf-8") if p.exists() else None


ENGINES = ("sqlite", "postgresql")


# Tests that need a system program or font (tests/system_tools.py): fail under CI, else skip and
# say so at the end of the run.
def pytest_configure(config):
    config.addinivalue_line("markers", "needs_system(*names): needs these system programs or "
                                       "fonts (tests/system_tools.needs)")
    config.addinivalue_line("markers", "sqlite_only(reason): in a BOTH_ENGINES module, this "
                                       "test runs on SQLite only (the time budget)")


def pytest_runtest_setup(item):
    system_tools.check(item)


def pytest_terminal_summary(terminalreporter):
    system_tools.summary(terminalreporter)


def pytest_generate_tests(metafunc):
    """A test module with `BOTH_ENGINES = True` runs each test that uses the database (through
    db_path, services...) on SQLite and on PostgreSQL (tests/pg.py); one marked
    `@pytest.mark.sqlite_only(reason)` (many variants of one check) on SQLite only."""
    if "db_engine" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_ENGINES", False):
        one = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("db_engine", ENGINES[:1] if one else ENGINES, indirect=True)


@pytest.fixture
def db_engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL server for the whole session (tests/pg.py)."""
    from tests.pg import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_office_template(pg_cluster) -> str:
    """A database holding the office of db_path (made once; tests get copies)."""
    from elderdesk.services.users.service import initialise

    name = pg_cluster.create()
    db = initialise(pg_cluster.url(name), "420103", "江汉区民意街道社区服务中心", "admin",
                    ADMIN_PASSWORD, policy_source=wuhan_policy())
    db.close()
    return name


@pytest.fixture
def pg_url(pg_cluster, pg_office_template):
    """A fresh copy of the office database on the test server: its URL."""
    name = pg_cluster.create(pg_office_template)
    yield pg_cluster.url(name)
    pg_cluster.drop(name)


@pytest.fixture
def pg_empty_url(pg_cluster):
    """A fresh empty database on the test server (as an office's administrator makes it)."""
    name = pg_cluster.create()
    yield pg_cluster.url(name)
    pg_cluster.drop(name)


@pytest.fixture
def db_path(tmp_path: Path, db_engine: str, request):
    """An initialised database file (office 江汉区民意街道, admin 'admin') in a temp folder; in
    a BOTH_ENGINES module also the same office on PostgreSQL (then a URL, str)."""
    from elderdesk.services.users.service import initialise

    if db_engine == "postgresql":
        return request.getfixturevalue("pg_url")
    path = tmp_path / "office.db"
    db = initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
                    policy_source=wuhan_policy())
    db.close()
    return path


@pytest.fixture
def services(db_path: Path):
    from elderdesk.services.container import Services

    svc = Services.open(db_path)
    yield svc
    svc.close()


@pytest.fixture
def admin(services):
    return services.users.authenticate("admin", ADMIN_PASSWORD)


def _user(services, admin, name: str, *roles: str):
    services.users.add(admin, name, list(roles), PASSWORD)
    return services.users.authenticate(name, PASSWORD)


@pytest.fixture
def clerk(services, admin):
    return _user(services, admin, "clerk1", "clerk")


@pytest.fixture
def reviewer(services, admin):
    return _user(services, admin, "reviewer1", "reviewer")


@pytest.fixture
def approver(services, admin):
    return _user(services, admin, "approver1", "approver")
