"""Review commands: rubrics, verdicts, approvals, edits, sources, notes, undo.

Thin wrappers over :mod:`workbench.usecases.actions` and :mod:`workbench.review.rubrics`;
registered on the main ``workbench`` group by :func:`register`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from workbench.cli.support import allow_private_option, db_option, open_store, who
from workbench.review.queue import DEFAULT_FILTER, FILTERS

REVIEWER_HELP = "Who acts (default: $WORKBENCH_REVIEWER, then git user.name, then login)."
RUBRIC_HELP = "Rubric name or .toml path (default: $WORKBENCH_RUBRIC, then 'default')."


def _opts(f: Callable) -> Callable:
    return db_option(click.option("--reviewer", help=REVIEWER_HELP)(f))


def _store(db_path: str | None):
    return open_store(db_path)


_who = who


@click.group()
def rubrics() -> None:
    """List, show and check rubrics (the ratings a reviewer may give)."""


@rubrics.command("list")
def rubrics_list() -> None:
    """The built-in rubrics."""
    from workbench.review.rubrics import builtin_names, load_rubric

    for name in builtin_names():
        r = load_rubric(name)
        rules = f"{r.rules.min_independent_sources} independent source(s)"
        if r.rules.require_approval:
            rules += ", second reviewer approves"
        click.echo(f"{name:12s} {len(r.verdicts)} verdicts  {rules:48s} {r.title}")


@rubrics.command("show")
@click.argument("name", default="default")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rubrics_show(name: str, fmt: str) -> None:
    """One rubric's verdicts in key order.

    \b
    Example:
        workbench rubrics show politifact --format json
    """
    from workbench.review.rubrics import load_rubric, rubric_to_dict

    r = load_rubric(name)
    if fmt == "json":
        click.echo(json.dumps(rubric_to_dict(r), ensure_ascii=False, indent=2))
        return
    click.echo(f"{r.name}: {r.title}")
    if r.description:
        click.echo(r.description)
    click.echo(
        f"rules: {r.rules.min_independent_sources} independent source(s) for a final verdict; "
        f"second reviewer {'must' if r.rules.require_approval else 'need not'} approve"
    )
    for v in r.verdicts:
        needs = f"{v.sources_required} source(s)" if v.sources_required else "no source needed"
        click.echo(f"  {v.key}  {v.id:18s} {v.label:30s} {needs:18s} {v.help}")


@rubrics.command("check")
@click.argument("path", type=click.Path(dir_okay=False))
def rubrics_check(path: str) -> None:
    """Validate a rubric file; name the field and line at fault.

    \b
    Example:
        workbench rubrics check my-rubric.toml
    """
    from pathlib import Path

    from workbench.review.rubrics import parse_rubric_file

    r = parse_rubric_file(Path(path))
    click.echo(f"ok: {path} is rubric '{r.name}' with {len(r.verdicts)} verdicts")


@click.command()
@click.argument("claim_id", metavar="ID")
@click.argument("rating")
@click.option("--source", "sources", multiple=True, metavar="URL", help="Evidence (repeatable).")
@click.option("--title", "titles", multiple=True, help="Title of each --source, in order.")
@click.option("--excerpt", "excerpts", multiple=True, help="Quoted excerpt of each --source.")
@click.option("--publisher", "publishers", multiple=True, help="Publisher of each --source.")
@click.option("--note", help="Explanation of the verdict.")
@click.option("--rubric", envvar="WORKBENCH_RUBRIC", default=None, help=RUBRIC_HELP)
@_opts
def verdict(
    claim_id: str,
    rating: str,
    sources: tuple[str, ...],
    titles: tuple[str, ...],
    excerpts: tuple[str, ...],
    publishers: tuple[str, ...],
    note: str | None,
    rubric: str | None,
    reviewer: str | None,
    db_path: str | None,
) -> None:
    """Record your verdict on a claim: RATING is a rubric id, label or key.

    --title, --excerpt and --publisher pair with the --source URLs in the order given.

    \b
    Example:
        workbench verdict 3fa9 false --source https://stats.example.org/wheat-2025 \\
            --title "Wheat imports 2025" --excerpt "38 per cent" --note "Figure is from 2024"
    """
    from workbench.review.rubrics import load_rubric
    from workbench.usecases import actions

    for name, values in (("--title", titles), ("--excerpt", excerpts), ("--publisher", publishers)):
        if len(values) > len(sources):
            raise click.UsageError(f"more {name} than --source values")
    given = [
        actions.SourceInput(
            url,
            title=titles[i] if i < len(titles) else None,
            excerpt=excerpts[i] if i < len(excerpts) else None,
            publisher=publishers[i] if i < len(publishers) else None,
        )
        for i, url in enumerate(sources)
    ]
    chosen = load_rubric(rubric)
    who = _who(reviewer)
    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        try:
            actions.record_verdict(store, full, rating, chosen, who, given, note)
        except actions.NeedsSources as err:
            raise actions.ActionError(f"{err} (add --source URL)") from None
        claim = store.claim(full)
    click.echo(f"{full}: {who} rated '{chosen.verdict(rating).label}'; status {claim.status}")


@click.command()
@click.argument("claim_id", metavar="ID")
@_opts
def approve(claim_id: str, reviewer: str | None, db_path: str | None) -> None:
    """Approve another reviewer's verdict on a claim."""
    from workbench.usecases import actions

    who = _who(reviewer)
    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        event = actions.approve(store, full, who)
        claim = store.claim(full)
    click.echo(
        f"{full}: {who} approved {event.payload['reviewer']}'s '{event.payload['rating']}'; "
        f"status {claim.status}"
    )


@click.command()
@click.argument("claim_id", metavar="ID")
@click.argument("kind", type=click.Choice(["fact", "opinion"]))
@_opts
def reclassify(claim_id: str, kind: str, reviewer: str | None, db_path: str | None) -> None:
    """Mark a claim as fact or opinion."""
    from workbench.usecases import actions

    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        actions.reclassify(store, full, kind, _who(reviewer))
    click.echo(f"{full}: now a {kind}")


@click.command()
@click.argument("claim_id", metavar="ID")
@click.argument("wording")
@_opts
def edit(claim_id: str, wording: str, reviewer: str | None, db_path: str | None) -> None:
    """Reword a claim's stand-alone text (the verbatim span is kept)."""
    from workbench.usecases import actions

    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        actions.edit(store, full, wording, _who(reviewer))
    click.echo(f"{full}: reworded")


@click.command()
@click.argument("claim_id", metavar="ID")
@click.argument("text")
@_opts
def note(claim_id: str, text: str, reviewer: str | None, db_path: str | None) -> None:
    """Attach a note to a claim."""
    from workbench.usecases import actions

    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        actions.add_note(store, full, text, _who(reviewer))
    click.echo(f"{full}: note added")


@click.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@db_option
def match(text: str, limit: int, fmt: str, db_path: str | None) -> None:
    """The stored claims closest to TEXT, best first, with score, verdict and why.

    A match needs the same numbers, polarity, speaker and roles: "4,000 tonnes" never
    matches "40,000", nor "Freedonia shipped grain to Ruritania" the other way round. Each
    candidate says what agrees (agent, target, place, date, numbers) and, when it is only
    related, what differs; only a match can lend its verdict (docs/matching.md).

    \b
    Example:
        workbench match "Ruritania shipped 40,000 tonnes of grain to Freedonia"
    """
    from workbench import matching
    from workbench.splitting import split_text

    drafts = split_text(text)
    # the frame of the claim that says most: a query cut in two keeps its main clause's roles
    query = max(drafts, key=lambda d: len(d.text), default=None)
    sig = matching.signature(text, None, query.frame if query else None)
    with _store(db_path) as store:
        best = matching.related(store, sig, limit=limit, floor=50.0)
        ids = [c.claim_id for c in best]
        claims = {c.id: c for c in store.claims(ids=ids)} if best else {}
    rows = [
        {
            "claim_id": c.claim_id,
            "score": c.score,
            "match": c.is_match,
            "alike": c.alike,
            "differs": list(c.differs),
            "agrees": list(c.agrees),
            "verdict": claims[c.claim_id].verdict,
            "claim": claims[c.claim_id].claim,
            "speaker": claims[c.claim_id].speaker,
        }
        for c in best
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no similar claims", err=True)
    for r in rows:
        flag = "match  " if r["match"] else ("related" if r["differs"] else "       ")
        verdict = r["verdict"] or "-"
        click.echo(f"{r['claim_id']}  {r['score']:5.1f} {flag}  {verdict:14s} {r['claim']}")
        alike = "" if r["alike"] is None else f"; the same action, meaning alike {r['alike']:.2f}"
        if r["differs"]:
            click.echo(f"{'':31}differs in: {', '.join(r['differs'])}")
        elif r["match"] and r["score"] < matching.THRESHOLD:
            click.echo(f"{'':31}worded apart{alike} (from {matching.MEANING_SAME:.2f})")
        elif not r["match"]:
            click.echo(
                f"{'':31}worded too differently (match from {matching.THRESHOLD:.0f}{alike})"
            )
        if r["agrees"]:
            click.echo(f"{'':31}agrees on: {'; '.join(r['agrees'])}")


@click.command()
@_opts
def undo(reviewer: str | None, db_path: str | None) -> None:
    """Undo your newest review action (a new event; nothing is deleted)."""
    from workbench.usecases import actions

    who = _who(reviewer)
    with _store(db_path) as store:
        event = actions.undo(store, who)
    click.echo(f"{event.subject}: undid {who}'s {event.payload['action']}")


@click.group()
def source() -> None:
    """Attach evidence to claims."""


@source.command("add")
@click.argument("claim_id", metavar="ID")
@click.argument("url")
@click.option("--title")
@click.option("--publisher")
@click.option("--excerpt", help="The passage that supports or refutes the claim.")
@click.option("--fetch", is_flag=True, help="Save a text snapshot of the page and its hash.")
@allow_private_option
@_opts
def source_add(
    claim_id: str,
    url: str,
    title: str | None,
    publisher: str | None,
    excerpt: str | None,
    fetch: bool,
    allow_private: bool,
    reviewer: str | None,
    db_path: str | None,
) -> None:
    """Attach a source (http or https URL) to a claim.

    \b
    Example:
        workbench source add 3fa9 https://stats.example.org/wheat --title "Wheat 2025" --fetch
    """
    from workbench.review.evidence import check_url
    from workbench.usecases import actions

    snapshot = None
    if fetch:
        from workbench.ingest.read import read_url

        snapshot = read_url(check_url(url), allow_private=allow_private).text
    given = actions.SourceInput(url, title, publisher, excerpt, snapshot)
    with _store(db_path) as store:
        full = store.resolve_id(claim_id)
        event = actions.add_source(store, full, given, _who(reviewer))
    saved = f" (snapshot {event.payload['snapshot_hash'][:12]})" if fetch else ""
    click.echo(f"{full}: source added{saved}")


@click.command()
@click.option("--rubric", envvar="WORKBENCH_RUBRIC", default=None, help=RUBRIC_HELP)
@click.option("--article", metavar="ID", help="Only the claims of this article (prefix).")
@click.option(
    "--advance/--no-advance",
    envvar="WORKBENCH_AUTO_ADVANCE",
    default=True,
    show_default=True,
    help="After a verdict, go on to the next claim without your verdict.",
)
@click.option(
    "--filter",
    "filter_name",
    envvar="WORKBENCH_FILTER",
    type=click.Choice(FILTERS),
    default=DEFAULT_FILTER,
    show_default=True,
    help="The claims the queue opens on (f changes it in the session).",
)
@_opts
def review(
    rubric: str | None,
    article: str | None,
    advance: bool,
    filter_name: str,
    reviewer: str | None,
    db_path: str | None,
) -> None:
    """Open the keyboard-driven review session (press ? inside for every key).

    On a new or empty database it offers the bundled sample article. The queue opens on the
    claims nobody has rated yet (--filter all shows every claim). After a verdict the
    session moves on to the next claim without your verdict (--no-advance, or
    WORKBENCH_AUTO_ADVANCE=0, keeps it in place); space jumps there at any time.

    \b
    Example:
        workbench review --reviewer carol --rubric politifact
    """
    from workbench.review.rubrics import load_rubric
    from workbench.store import resolve_db_path
    from workbench.tui.keys import load_keymap

    chosen = load_rubric(rubric)
    keymap = load_keymap()
    path = resolve_db_path(db_path)
    with open_store(str(path), create=True) as store:  # refuse a bad database before the UI
        article_id = store.resolve_id(article, "articles") if article else None
    from workbench.tui.app import ReviewApp

    ReviewApp(
        path,
        _who(reviewer),
        chosen,
        article_id=article_id,
        keymap=keymap,
        auto_advance=advance,
        filter_name=filter_name,
    ).run()


def register(group: click.Group) -> None:
    """Add the review commands to the main command group."""
    for command in (
        rubrics, verdict, approve, reclassify, edit, note, undo, source, review, match,
    ):  # fmt: skip
        group.add_command(command)
