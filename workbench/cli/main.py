"""The ``workbench`` command: thin wrappers over the core. Heavy imports stay inside commands."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from workbench import __version__
from workbench.cli.export import register as register_export_commands
from workbench.cli.feeds import register as register_feed_commands
from workbench.cli.ingest import register as register_ingest_commands
from workbench.cli.learn import register as register_learn_commands
from workbench.cli.review import register as register_review_commands
from workbench.cli.support import db_option, open_store, who
from workbench.cli.team import register as register_team_commands
from workbench.core.errors import WorkbenchError
from workbench.core.text import counted

if TYPE_CHECKING:
    from workbench.store import Store
    from workbench.store.events import Head


class WorkbenchGroup(click.Group):
    """Turns WorkbenchError into a one-line ``error: …`` and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except WorkbenchError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
            ctx.exit(0)


@click.group(cls=WorkbenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
def cli() -> None:
    """Split news articles into claims, review them, and keep a tamper-evident record."""


# -- reading ----------------------------------------------------------------------------------


@cli.command()
@click.option("--kind", type=click.Choice(["fact", "opinion"]), help="Only this kind.")
@click.option("--status", help="Only this status, e.g. unreviewed.")
@click.option("--article", "article", metavar="ID", help="Only claims of this article (prefix).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
@db_option
def claims(
    kind: str | None, status: str | None, article: str | None, fmt: str, db_path: str | None
) -> None:
    """List stored claims.

    \b
    Example:
        workbench claims --kind fact --format json
    """
    from workbench.cli.output import render_claims

    with open_store(db_path) as store:
        article_id = store.resolve_id(article, "articles") if article else None
        found = store.claims(kind=kind, status=status, article_id=article_id)
    if not found and fmt == "table":
        click.echo("no claims match", err=True)
        return
    click.echo(render_claims(found, fmt), nl=False)


@cli.command()
@click.argument("claim_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@db_option
def show(claim_id: str, fmt: str, db_path: str | None) -> None:
    """Show one claim (an id prefix is enough), in its paragraph.

    \b
    Example:
        workbench show 3fa9
    """
    from workbench.cli.output import claim_to_dict, render_key_values

    with open_store(db_path) as store:
        claim = store.claim(store.resolve_id(claim_id))
        article = store.article(claim.article_id)
    if fmt == "json":
        click.echo(json.dumps(claim_to_dict(claim), ensure_ascii=False, indent=2))
        return
    start = article.text.rfind("\n\n", 0, claim.start)
    end = article.text.find("\n\n", claim.end)
    paragraph = article.text[start + 2 if start >= 0 else 0 : end if end >= 0 else None]
    click.echo(
        render_key_values(
            [
                ("claim", claim.claim),
                ("id", claim.id),
                ("article", f"{article.id} {article.title or article.source}"),
                ("kind", claim.kind),
                ("speaker", claim.speaker or "(the article)"),
                ("speaker type", claim.speaker_type or "-"),
                ("stance", f"{claim.stance} (what the speaker does with it)"),
                ("quote", "yes" if claim.quote else "no"),
                ("cues", ", ".join(claim.cues) or "-"),
                ("checkworthiness", f"{claim.checkworthiness:.2f}"),
                ("status", claim.verdict or claim.status),
                ("span", f"{claim.start}-{claim.end}"),
            ]
        ),
        nl=False,
    )
    for v in claim.verdicts:
        click.echo(f"verdict     {v.rating} by {v.reviewer} at {v.at}")
    click.echo("\n" + paragraph.strip())


@cli.command()
@click.argument("item_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@db_option
def history(item_id: str, fmt: str, db_path: str | None) -> None:
    """Every event about a claim (or an article, or a feed), oldest first, with who did it.

    \b
    Example:
        workbench history 3fa9
    """
    from workbench.core.errors import NotFoundError
    from workbench.review.history import describe

    with open_store(db_path) as store:
        try:
            subject = store.resolve_id(item_id, "claims")
        except NotFoundError:
            try:
                subject = store.resolve_id(item_id, "articles")
            except NotFoundError:
                subject = store.resolve_id(item_id, "feeds")
        events = list(store.events(subject))
    if fmt == "json":
        rows = [
            {"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "payload": e.payload}
            for e in events
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for e in events:
        click.echo(f"{e.at}  {e.actor}  {e.action}  {describe(e.action, e.payload)}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--chart", is_flag=True, help="Also draw the agreed verdicts as bars.")
@click.option("--reviewer", help="Whose last review session counts (default: $WORKBENCH_REVIEWER).")
@db_option
def stats(fmt: str, chart: bool, reviewer: str | None, db_path: str | None) -> None:
    """Counts of articles, claims by kind and status, verdicts and events, and the claims
    that arrived since your last review session."""
    from workbench.cli.output import render_key_values
    from workbench.usecases.sessions import arrivals

    with open_store(db_path) as store:
        figures = store.stats()
        name = who(reviewer)
        came = arrivals(store, name)
    if fmt == "json":
        arrived = {"reviewer": name, "since": came.since, "claims": came.claims}
        figures["arrived_since_last_session"] = arrived
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    if chart:
        from workbench.reports.chart import text_bars

        bars = text_bars(list(figures["agreed_verdicts"].items()))
        click.echo("Agreed verdicts" + ("" if bars else ": none yet"))
        for line in bars:
            click.echo("  " + line)
        click.echo()

    def flat(value: object) -> str:
        if isinstance(value, dict):
            return ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        return str(value)

    click.echo(
        render_key_values((k.replace("_", " "), flat(v)) for k, v in figures.items()), nl=False
    )
    if came.since:
        when = came.since[:16].replace("T", " ")
        click.echo(f"\n{counted(came.claims, 'claim')} arrived since {name}'s last review "
                   f"session ({when} UTC)")  # fmt: skip
    else:
        click.echo(f"\n{name} has not opened a review session on this database yet")


@cli.command()
@click.option(
    "--deep",
    is_flag=True,
    help="Also replay the events into a scratch database and compare every derived row.",
)
@click.option(
    "--expect-head",
    "expected",
    metavar="HASH",
    help="A head recorded earlier (by verify, a JSON report, a merge): must be in the chain.",
)
@db_option
def verify(deep: bool, expected: str | None, db_path: str | None) -> None:
    """Recompute the audit trail's hash chain; exit 1 naming the first bad event.

    The chain alone cannot show that the newest events were removed, or that the whole
    chain was re-hashed: keep the head this prints (it is also in every JSON report and
    in merge output) and check it later with --expect-head.

    \b
    Example:
        workbench verify --deep --expect-head 3fa9c2d41e07
    """
    with open_store(db_path) as store:
        problem = store.verify()
        count = store.event_count()
        head = store.head()
        if problem is None and expected is not None:
            problem_text = _head_problem(store, expected, head)
        else:
            problem_text = None
        difference = store.projection_difference() if deep and problem is None else None
    if problem is not None:
        click.echo(f"tampered: {problem.message}", err=True)
        sys.exit(1)
    if problem_text is not None:
        click.echo(f"tampered: {problem_text}", err=True)
        sys.exit(1)
    if difference is not None:
        click.echo(
            f"tampered: {difference} (the events are intact; `workbench rebuild` re-derives "
            "the tables from them)",
            err=True,
        )
        sys.exit(1)
    checked = "hash chain intact" + (", every derived row matches the events" if deep else "")
    click.echo(f"ok: {count} events, {checked}; head {head or 'none (no events)'}")


def _head_problem(store: Store, expected: str, head: Head | None) -> str | None:
    """Why the chain does not contain the expected head, or None when it does.

    ``expected`` is a hash or unique prefix, ``SEQ:HASH``, or ``#SEQ HASH`` as verify prints.
    """
    seq_text, _, digest = expected.strip().lower().lstrip("#").replace(" ", ":").rpartition(":")
    if len(digest) < 12 or any(ch not in "0123456789abcdef" for ch in digest):
        raise click.BadParameter(
            "give the head's hash (at least 12 hex digits), optionally as SEQ:HASH",
            param_hint="--expect-head",
        )
    found = store.event_with_hash(digest)
    if found is None:
        return (
            f"the expected head {digest[:16]} is not in this chain (newest is "
            f"{head or 'none'}): events were removed from the end, or the chain was rewritten"
        )
    if seq_text.isdigit() and int(seq_text) != found.seq:
        return f"the expected head {digest[:16]} was event #{seq_text} but is now #{found.seq}"
    return None


@cli.command()
@db_option
def rebuild(db_path: str | None) -> None:
    """Re-derive every table from the events, in one transaction (see verify --deep).

    \b
    Example:
        workbench rebuild --db claims.db
    """
    with open_store(db_path) as store:
        problem = store.verify()
        if problem is not None:
            raise WorkbenchError(f"refusing to rebuild from a broken chain: {problem.message}")
        count = store.rebuild()
    click.echo(f"rebuilt the tables from {count} events")


register_ingest_commands(cli)
register_review_commands(cli)
register_learn_commands(cli)
register_export_commands(cli)
register_team_commands(cli)
register_feed_commands(cli)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="workbench")
    except KeyboardInterrupt:
        click.echo("interrupted; nothing half-written was kept", err=True)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
