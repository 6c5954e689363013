"""`python -m loaders` is the `targets` command."""

from loaders.cli import command_line

raise SystemExit(command_line())
