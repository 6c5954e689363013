"""`python -m loaders` is the `targets` command."""

from loaders.cli import main

raise SystemExit(main())
