"""Pieces every command module shares: the --db option and opening the store."""

from __future__ import annotations

from collections.abc import Callable

import click

DB_HELP = "Database file (default: $WORKBENCH_DB, then ./claims.db)."


def db_option(f: Callable) -> Callable:
    return click.option(
        "--db", "db_path", envvar="WORKBENCH_DB", default=None, metavar="PATH", help=DB_HELP
    )(f)


def allow_private_option(f: Callable) -> Callable:
    return click.option(
        "--allow-private",
        is_flag=True,
        help="Allow fetching from this machine or a private network (refused by default).",
    )(f)


def open_store(db_path: str | None, *, create: bool = False):
    """Open the database; print its warnings (e.g. a network filesystem) on stderr."""
    from workbench.store import Store, resolve_db_path

    store = Store(resolve_db_path(db_path), create=create)
    for warning in store.warnings:
        click.echo(f"warning: {warning}", err=True)
    return store


def who(reviewer: str | None) -> str:
    from workbench.core.identity import current_reviewer

    return current_reviewer(reviewer)
