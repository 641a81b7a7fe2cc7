"""The headless commands: the Dutch command line, one module per command, and their reports."""
