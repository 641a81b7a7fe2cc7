from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the user's own data folder (default database, batch print files) and log folder stay out of
# the tests
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="poortpost-tests-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="poortpost-tests-")
# the window remembers its size in Qt's settings file: never the user's own
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="poortpost-tests-")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from correspondence.workflows.actors import acting_employee  # noqa: E402
from correspondence.workflows.demo import load_demo  # noqa: E402
from store.database import Database  # noqa: E402
from tests.support.data import TODAY  # noqa: E402

POSTGRES_URL = os.environ.get("POORTPOST_TEST_POSTGRES_URL")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'poortpost.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server CI starts; dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("POORTPOST_TEST_POSTGRES_URL is not set (.ci/run sets it)")
    name = f"poortpost_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = POSTGRES_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database.open(database_url)
    yield db
    db.close()


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    db = Database.open(sqlite_url)
    yield db
    db.close()


@pytest.fixture
def demo_database(sqlite_database: Database) -> Database:
    with sqlite_database.session() as session, session.begin():
        load_demo(session, acting_employee(session, "tester"), TODAY)
    return sqlite_database


@pytest.fixture
def app_context():
    """A window context whose reads and writes are done when the call that asks returns;
    `AppContext(database, username)` itself runs them on the thread pool."""
    from tests.support.ui import synchronous_context  # Qt only for the tests that use it

    return synchronous_context
