"""`python -m loaders` is the `targets` command."""

from loaders.cli.main import command_line

raise SystemExit(command_line())
