"""Subcommands of the ghnt-desktop command line (see ghnt_desktop.cli)."""
