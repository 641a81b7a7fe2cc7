"""Where the project's files are, for tests that run the command line or read the examples."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
EXAMPLES = ROOT / "examples"
