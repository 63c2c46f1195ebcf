"""Command implementations behind the CLI: new, stats, --changed."""
