"""Opening a database compares its version with HEAD_REVISION instead of asking Alembic."""

from alembic.script import ScriptDirectory

from store.database import HEAD_REVISION, MIGRATIONS


def test_head_revision_is_the_newest_migration():
    assert ScriptDirectory(str(MIGRATIONS)).get_heads() == [HEAD_REVISION]
