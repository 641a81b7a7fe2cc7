"""Running a command in-process as a test would type it, and reading what it refused."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

import main
from store.database import Database
from store.models import Client
from tests.support.paths import EXAMPLES


def example(kind: str) -> dict:
    return json.loads((EXAMPLES / f"{kind}.json").read_text("utf-8"))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(capsys, *argv: str) -> str:
    """The one Dutch line of a command that must exit 2."""
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("poortpost: ")
    return err


def write(path: Path, content: object) -> Path:
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def letter(capsys, db_url: str, tmp_path: Path, kind: str, data: object) -> tuple[int, str]:
    """Run `letter KIND` on `data`; its exit status and stderr. No file may stay on refusal."""
    out = tmp_path / "uit"
    out.mkdir(exist_ok=True)
    case = write(tmp_path / "zaak.json", data)
    pdf, docx = out / "b.pdf", out / "b.docx"
    code, _out, err = run_cli(
        capsys, "--db", db_url, "letter", kind, "--data", str(case), "--pdf", str(pdf),
        "--docx", str(docx),
    )  # fmt: skip
    if code != 0:
        assert len(err.splitlines()) == 1, err
        assert list(out.iterdir()) == []
    return code, err


def stored_clients(url: str) -> int:
    database = Database(url)
    try:
        with database.session() as session:
            return session.execute(select(func.count()).select_from(Client)).scalar_one()
    finally:
        database.close()
