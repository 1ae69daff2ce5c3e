"""Team commands: merge copies of a database, settle conflicts, measure agreement, git."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from workbench.cli.support import db_option, open_store, who
from workbench.core.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.store import Store


class GitError(WorkbenchError):
    """git is missing or the folder is not a git repository."""


def _merge_into(store: Store, other: Path) -> tuple[str, tuple]:
    """Merge ``other`` into ``store``; a summary line and the new conflicts."""
    from workbench.usecases.merge import merge_copy

    result = merge_copy(store, other)
    summary = (
        f"merged {other}: {result.added} new events ({result.skipped} already here); "
        f"head {result.head} (check later with `workbench verify --expect-head`)"
    )
    return summary, result.new_conflicts


def _report_conflicts(conflicts: Sequence, err: bool = False) -> None:
    for c in conflicts:
        ratings = ", ".join(f"{v.reviewer}: {v.rating}" for v in c.verdicts)
        click.echo(f"conflict {c.id}: {' '.join(c.claim.split())[:70]} — {ratings}", err=err)
    if conflicts:
        click.echo(
            f"{len(conflicts)} conflict(s); settle each with `workbench resolve ID RATING`",
            err=err,
        )


@click.command()
@click.argument("other", type=click.Path(dir_okay=False))
@db_option
def merge(other: str, db_path: str | None) -> None:
    """Merge another copy of the database into this one (union of events).

    Nothing is overwritten: verdicts that disagree become conflicts, listed here and under
    the review session's conflicts filter. Merging the same copy twice changes nothing.

    \b
    Example:
        workbench merge ~/shared/claims-bob.db
    """
    with open_store(db_path, create=True) as store:
        if Path(other).resolve() == store.path.resolve():
            raise click.BadParameter("cannot merge a database into itself", param_hint="OTHER")
        summary, conflicts = _merge_into(store, Path(other))
    click.echo(summary)
    _report_conflicts(conflicts)


@click.command("merge-driver", hidden=True)
@click.argument("base")
@click.argument("ours")
@click.argument("theirs")
def merge_driver(base: str, ours: str, theirs: str) -> None:
    """git merge driver: merge THEIRS into OURS in place (see `workbench git-setup`)."""
    from workbench.store import Store

    with Store(Path(ours), create=False) as store:
        summary, conflicts = _merge_into(store, Path(theirs))
    click.echo(f"workbench: {summary}", err=True)
    _report_conflicts(conflicts, err=True)


def _git(repo: Path, *args: str) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if out.returncode != 0:
        raise GitError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "git failed")
    return out.stdout.strip()


@click.command("git-setup")
@click.option("--repo", type=click.Path(file_okay=False), default=".", help="The git repository.")
@click.option("--pattern", default="*.db", show_default=True, help="Database files to merge.")
def git_setup(repo: str, pattern: str) -> None:
    """Make git merge workbench databases with `workbench merge` instead of failing.

    Registers a merge driver in the repository's config and marks PATTERN in
    .gitattributes. Run it once per clone (git does not copy config between clones).

    \b
    Example:
        workbench git-setup --pattern claims.db
    """
    root = Path(_git(Path(repo), "rev-parse", "--show-toplevel"))
    driver = f'"{sys.executable}" -m workbench merge-driver %O %A %B'
    _git(root, "config", "merge.workbench.name", "workbench database merge")
    _git(root, "config", "merge.workbench.driver", driver)
    attributes = root / ".gitattributes"
    line = f"{pattern} merge=workbench -diff"
    existing = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() else []
    if line not in existing:
        attributes.write_text("\n".join([*existing, line]) + "\n", encoding="utf-8")
    ignore = root / ".gitignore"
    ignored = ignore.read_text(encoding="utf-8").splitlines() if ignore.exists() else []
    extra = [p for p in (f"{pattern}-wal", f"{pattern}-shm") if p not in ignored]
    if extra:
        ignore.write_text("\n".join([*ignored, *extra]) + "\n", encoding="utf-8")
    click.echo(f"git will merge {pattern} in {root} with `workbench merge`")
    click.echo("commit .gitattributes and .gitignore; each clone runs `workbench git-setup` once")


@click.command()
@click.argument("claim_id", metavar="ID")
@click.argument("rating")
@click.option("--rubric", envvar="WORKBENCH_RUBRIC", default=None, help="Rubric name or path.")
@click.option("--reviewer", help="Who settles it (default: $WORKBENCH_REVIEWER, …).")
@db_option
def resolve(
    claim_id: str, rating: str, rubric: str | None, reviewer: str | None, db_path: str | None
) -> None:
    """Settle a conflict between reviewers with one rating.

    \b
    Example:
        workbench resolve 3fa9 misleading
    """
    from workbench.review.rubrics import load_rubric
    from workbench.usecases import actions

    chosen = load_rubric(rubric)
    with open_store(db_path) as store:
        full = store.resolve_id(claim_id)
        event = actions.resolve(store, full, rating, chosen, who(reviewer))
    click.echo(f"{full}: resolved as '{event.payload['label']}'")


@click.command()
@click.option("--rubric", envvar="WORKBENCH_RUBRIC", default=None, help="Orders the ratings.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@db_option
def agreement(rubric: str | None, fmt: str, db_path: str | None) -> None:
    """Agreement between reviewers on claims rated by two or more of them.

    Cohen's kappa for each pair of reviewers and Krippendorff's alpha overall, nominal and
    ordinal (ordered by the rubric's ClaimReview rating values).
    """
    from workbench.review.agreement import agreement_text, agreement_to_dict, measure, scale_of
    from workbench.review.rubrics import load_rubric

    chosen = load_rubric(rubric)
    with open_store(db_path) as store:
        ratings = {c.id: {v.reviewer: v.rating for v in c.verdicts} for c in store.claims()}
    result = measure(ratings, scale_of(chosen))
    if fmt == "json":
        click.echo(json.dumps(agreement_to_dict(result), indent=2))
        return
    click.echo(agreement_text(result))


@click.command()
@click.option("--port", type=int, default=8001, show_default=True)
@db_option
def browse(port: int, db_path: str | None) -> None:
    """Open the database read-only in Datasette (pip install datasette), for the whole team.

    \b
    Example:
        workbench browse --db claims.db
    """
    import shutil
    from importlib.resources import as_file, files

    with open_store(db_path) as store:  # refuses anything that is not a workbench database
        path = store.path
    datasette = shutil.which("datasette")
    if datasette is None:
        raise WorkbenchError("Datasette is not installed: pip install datasette")
    with as_file(files("workbench.data") / "datasette-metadata.json") as metadata:
        subprocess.run(
            [datasette, "--immutable", str(path), "--metadata", str(metadata), "--port",
             str(port)],
            check=False,
        )  # fmt: skip


def register(group: click.Group) -> None:
    for command in (merge, merge_driver, git_setup, resolve, agreement, browse):
        group.add_command(command)
