"""The `targets` command."""
