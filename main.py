"""Poortpost: the correspondence of the Poortmodel intake route.

Without a command it opens the desktop app; the commands (in `cli`) do headless work through
the same workflows as the windows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli.commands import run_command
from cli.errors import refuse
from cli.parser import build_parser
from correspondence import logbook


def run_desktop(args: argparse.Namespace) -> int:
    from ui.app import run  # Qt loads for the desktop only

    return run(args.db, args.username)


def main(argv: Sequence[str] | None = None) -> int:
    logbook.start()
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return run_desktop(args)
        return run_command(args)
    except Exception as exc:
        status = refuse(exc)
        if status is None:
            raise  # logged with its traceback by the logbook's hook
        return status


if __name__ == "__main__":
    sys.exit(main())
