"""Finding a migration's place in the chain by its file name, so an upgrade test keeps working
when the migration's number changes."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from store.database import MIGRATIONS


def revision_before(file_suffix: str) -> str:
    """The revision the migration in the file ending in `file_suffix` upgrades from."""
    return next(
        str(script.down_revision)
        for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()
        if script.path.endswith(file_suffix)
    )
