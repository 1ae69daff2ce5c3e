"""`workbench ingest` and `workbench split`: articles in, claims out."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Sequence

import click

from workbench.cli.support import allow_private_option, db_option, open_store
from workbench.core.text import counted
from workbench.ingest.articles import PARALLEL_FROM, default_jobs

# -- ingest / split ---------------------------------------------------------------------------


def _read_documents(
    sources: Sequence[str],
    sample: bool,
    overrides: dict[str, str | None],
    *,
    allow_private: bool = False,
    shard: str | None = None,
) -> list:
    from workbench.core.errors import InputError
    from workbench.ingest.read import read_all, read_sample
    from workbench.ingest.shards import Shard

    if not sources and not sample:
        raise click.UsageError("give a file, folder, URL or - (stdin), or --sample")
    share = Shard.parse(shard) if shard is not None else None
    if share is not None and sample:
        raise click.UsageError("--sample cannot be sharded: ingest it once, without --shard")
    documents = []
    if sample:
        documents.extend(read_sample())
    reading = read_all(list(sources), allow_private=allow_private, shard=share)
    if reading.skipped:
        shown = ", ".join(reading.skipped[:5]) + (" …" if len(reading.skipped) > 5 else "")
        click.echo(
            f"skipped {counted(len(reading.skipped), 'file')} "
            f"that {'are' if len(reading.skipped) > 1 else 'is'} not .txt, .md or .html: {shown}",
            err=True,
        )
    if len(reading.errors) == 1:
        raise InputError(reading.errors[0])
    if reading.errors:  # every bad file named in one run, then one verdict
        for line in reading.errors:
            click.echo(f"error: {line}", err=True)
        raise InputError(
            f"{len(reading.errors)} of {len(reading.errors) + len(reading.documents)} sources "
            "could not be read; nothing was stored"
        )
    documents.extend(reading.documents)
    given = {k: v for k, v in overrides.items() if v is not None}
    if given and len(documents) != 1:
        names = ", ".join(f"--{k}" for k in given)
        raise click.UsageError(f"{names} apply to a single article, but {len(documents)} were read")
    return [dataclasses.replace(d, **given) for d in documents]


@click.command()
@click.argument("sources", nargs=-1, metavar="PATH|URL|-")
@click.option("--sample", is_flag=True, help="Also ingest the bundled sample article.")
@click.option("--title", help="Headline (single article only).")
@click.option("--url", help="Canonical URL of the article (single article only).")
@click.option("--outlet", help="Publication name (single article only).")
@click.option("--published", help="Publication date, e.g. 2026-03-14 (single article only).")
@click.option("--reviewer", help="Name recorded on the events (default: $WORKBENCH_REVIEWER).")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that split articles (default: the free cores when there are more than "
    f"{PARALLEL_FROM} articles, else 1).",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Take only the K-th of N deterministic shares of the inputs (by canonical URL or "
    "path), to spread one ingest over N machines; fold them with `workbench merge`.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary instead of lines.")
@allow_private_option
@db_option
def ingest(
    sources: tuple[str, ...],
    sample: bool,
    title: str | None,
    url: str | None,
    outlet: str | None,
    published: str | None,
    reviewer: str | None,
    jobs: int | None,
    shard: str | None,
    quiet: bool,
    as_json: bool,
    allow_private: bool,
    db_path: str | None,
) -> None:
    """Read articles, drop boilerplate, split them into claims and store them.

    Takes .txt, .md and .html files, folders (recursively), http(s) URLs and - for stdin.
    Every source is read first: if any cannot be read, each one is named and nothing is
    stored. Then each article is stored in its own transaction as soon as it is split, so
    an interruption keeps the articles already done, and running the same command again
    adds the rest. A progress line is shown on a terminal.

    \b
    Example:
        workbench ingest article.html --outlet "The Meridian Ledger"
        workbench ingest reports/ --jobs 2 --json
        workbench ingest reports/ --shard 2/4 --db part2.db
    """
    from workbench.cli.progress import Progress
    from workbench.core.identity import current_reviewer
    from workbench.ingest.articles import prepare_each  # (loads no model until used)
    from workbench.usecases.actions import ingest_article

    if url is not None:
        from workbench.review.evidence import check_url

        check_url(url)  # --url must be an http(s) address
    overrides = {"title": title, "url": url, "outlet": outlet, "published": published}
    documents = _read_documents(
        sources, sample, overrides, allow_private=allow_private, shard=shard
    )
    if shard is not None and not documents:
        click.echo(f"shard {shard} holds none of these inputs; nothing to do", err=True)
        return
    actor = current_reviewer(reviewer)
    lines = not (quiet or as_json)  # a line per article
    started = time.monotonic()
    stored: list[dict] = []
    with open_store(db_path, create=True) as store:
        progress = Progress(len(documents), "articles", "claims")
        split = prepare_each(documents, n_process=jobs or default_jobs(len(documents)))
        try:
            for item in split:
                entry = _ingested(item, ingest_article(store, item, actor))
                stored.append(entry)
                if lines:
                    progress.close()
                    click.echo(_ingest_line(entry))
                progress.advance(len(item.claims))
        except KeyboardInterrupt:
            progress.close()
            click.echo(
                f"interrupted: {len(stored)} of {len(documents)} articles stored; the same "
                "command adds the rest",
                err=True,
            )
            sys.exit(130)
        progress.close()
    summary = _ingest_summary(stored, time.monotonic() - started)
    if as_json:
        click.echo(json.dumps({**summary, "articles": stored}, indent=2, ensure_ascii=False))
    elif quiet or len(stored) > 1:
        click.echo(
            f"{summary['articles_read']} articles: {summary['stored']} stored, "
            f"{summary['already_stored']} already stored; {summary['claims']} claims in "
            f"{summary['seconds']:.1f} s"
        )


def _ingested(item, result) -> dict:
    """One article's line of the JSON summary."""
    return {
        "id": result.article_id,
        "source": item.article.source,
        "title": item.article.title,
        "created": result.created,
        "claims": result.claims,
        "fact": sum(c.kind == "fact" for c in item.claims),
        "opinion": sum(c.kind == "opinion" for c in item.claims),
        "restored": result.restored,
        "matched": result.matched,
        "duplicates": result.duplicates,
        "boilerplate_dropped": len(item.article.dropped),
    }


def _ingest_summary(stored: list[dict], seconds: float) -> dict:
    return {
        "articles_read": len(stored),
        "stored": sum(a["created"] for a in stored),
        "already_stored": sum(not a["created"] for a in stored),
        "claims": sum(a["claims"] for a in stored if a["created"]),
        "seconds": round(seconds, 2),
    }


def _ingest_line(entry: dict) -> str:
    """What ingest says about one article (an entry of the JSON summary)."""
    if not entry["created"]:
        restored = entry["restored"]
        change = f"{restored} missing claims added back" if restored else "nothing changed"
        return f"article {entry['id']}: already stored ({entry['claims']} claims), {change}"
    links = ""
    if entry["matched"] or entry["duplicates"]:
        links = (
            f", {entry['matched']} match earlier claims, "
            f"{entry['duplicates']} repeated within the article"
        )
    return (
        f"article {entry['id']}: {entry['claims']} claims "
        f"({entry['fact']} fact, {entry['opinion']} opinion), "
        f"{entry['boilerplate_dropped']} boilerplate segments dropped{links}"
        + (f" — {entry['title']}" if entry["title"] else "")
    )


@click.command()
@click.argument("source", metavar="PATH|URL|-")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also list what is not a claim (boilerplate, connectors …) with the reason.",
)
@allow_private_option
def split(source: str, fmt: str, explain: bool, allow_private: bool) -> None:
    """Split one article into claims and print them; nothing is stored.

    With --explain every word of the article is accounted for: each claim with its kind
    and speaker, and each stretch that is not a claim with the reason (text, or JSON with
    --format json).

    \b
    Example:
        workbench split article.txt --format table
        workbench split article.txt --explain
    """
    from workbench.cli.output import render_claims
    from workbench.ingest.articles import prepare

    (item,) = prepare(_read_documents([source], False, {}, allow_private=allow_private))
    if explain:
        from workbench.cli.output import render_explained
        from workbench.ingest.coverage import non_claims

        segments = non_claims(item.article.text, item.claims, item.article.dropped)
        click.echo(render_explained(item.claims, segments, fmt), nl=False)
        return
    click.echo(render_claims(item.claims, fmt), nl=False)


def register(group: click.Group) -> None:
    """Add the ingest commands to the main command group."""
    group.add_command(ingest)
    group.add_command(split)
