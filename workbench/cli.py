"""The ``workbench`` command: thin wrappers over the core. Heavy imports stay inside commands."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from workbench import __version__
from workbench.articles import PARALLEL_FROM, default_jobs
from workbench.cli_export import register as register_export_commands
from workbench.cli_review import register as register_review_commands
from workbench.cli_support import allow_private_option, db_option, open_store
from workbench.cli_team import register as register_team_commands
from workbench.errors import WorkbenchError

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


# -- ingest / split ---------------------------------------------------------------------------


def _read_documents(
    sources: Sequence[str],
    sample: bool,
    overrides: dict[str, str | None],
    *,
    allow_private: bool = False,
) -> list:
    from workbench.errors import InputError
    from workbench.ingest import read_all, read_sources

    if not sources and not sample:
        raise click.UsageError("give a file, folder, URL or - (stdin), or --sample")
    documents = []
    if sample:
        from importlib.resources import as_file, files

        with as_file(files("workbench.data") / "sample_article.md") as path:
            documents.extend(read_sources([str(path)]))
    reading = read_all(list(sources), allow_private=allow_private)
    if reading.skipped:
        shown = ", ".join(reading.skipped[:5]) + (" …" if len(reading.skipped) > 5 else "")
        click.echo(
            f"skipped {len(reading.skipped)} file{'s' if len(reading.skipped) > 1 else ''} "
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


@cli.command()
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
    """
    from workbench.actions import ingest_article
    from workbench.articles import prepare_each  # (loads no model until used)
    from workbench.identity import current_reviewer
    from workbench.progress import Progress

    if url is not None:
        from workbench.sources import check_url

        check_url(url)  # --url must be an http(s) address
    overrides = {"title": title, "url": url, "outlet": outlet, "published": published}
    documents = _read_documents(sources, sample, overrides, allow_private=allow_private)
    actor = current_reviewer(reviewer)
    say = (lambda line: None) if quiet or as_json else click.echo
    started = time.monotonic()
    stored: list[dict] = []
    with open_store(db_path, create=True) as store:
        progress = Progress(len(documents), "articles", "claims")
        split = prepare_each(documents, n_process=jobs or default_jobs(len(documents)))
        try:
            for item in split:
                result = ingest_article(store, item, actor)
                stored.append(_ingested(item, result))
                progress.close()
                say(_ingest_line(item, result))
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


def _ingest_line(item, result) -> str:
    """What ingest says about one article."""
    if not result.created:
        change = (
            f"{result.restored} missing claims added back" if result.restored else "nothing changed"
        )
        return f"article {result.article_id}: already stored ({result.claims} claims), {change}"
    kinds = {k: sum(c.kind == k for c in item.claims) for k in ("fact", "opinion")}
    links = ""
    if result.matched or result.duplicates:
        links = (
            f", {result.matched} match earlier claims, "
            f"{result.duplicates} repeated within the article"
        )
    return (
        f"article {result.article_id}: {result.claims} claims "
        f"({kinds['fact']} fact, {kinds['opinion']} opinion), "
        f"{len(item.article.dropped)} boilerplate segments dropped{links}"
        + (f" — {item.article.title}" if item.article.title else "")
    )


@cli.command()
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
    from workbench.articles import prepare
    from workbench.output import render_claims

    (item,) = prepare(_read_documents([source], False, {}, allow_private=allow_private))
    if explain:
        from workbench.coverage import non_claims
        from workbench.output import render_explained

        segments = non_claims(item.article.text, item.claims, item.article.dropped)
        click.echo(render_explained(item.claims, segments, fmt), nl=False)
        return
    click.echo(render_claims(item.claims, fmt), nl=False)


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
    from workbench.output import render_claims

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
    from workbench.output import claim_to_dict, render_key_values

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
    """Every event about a claim (or an article), oldest first, with who did it.

    \b
    Example:
        workbench history 3fa9
    """
    from workbench.errors import NotFoundError
    from workbench.history import describe

    with open_store(db_path) as store:
        try:
            subject = store.resolve_id(item_id, "claims")
        except NotFoundError:
            subject = store.resolve_id(item_id, "articles")
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
@db_option
def stats(fmt: str, chart: bool, db_path: str | None) -> None:
    """Counts of articles, claims by kind and status, verdicts and events."""
    from workbench.output import render_key_values

    with open_store(db_path) as store:
        figures = store.stats()
    if fmt == "json":
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    if chart:
        from workbench.export.chart import text_bars

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


register_review_commands(cli)
register_export_commands(cli)
register_team_commands(cli)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="workbench")
    except KeyboardInterrupt:
        click.echo("interrupted; nothing half-written was kept", err=True)
        sys.exit(130)


# -- learned classifiers: classify / eval / train ---------------------------------------------


@cli.command()
@click.argument("source", metavar="[FILE|-]", default="-", required=False)
@click.option(
    "--text-column",
    metavar="COL",
    help="Read a table (.tsv: tabs, otherwise commas; header row) and classify this column.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True
)
def classify(source: str, text_column: str | None, fmt: str) -> None:
    """Classify sentences: one JSON object per input line (or table row), in input order.

    Each line is one sentence. Fields: text; subjective (true when the sentence carries
    the writer's own opinion; an opinion reported neutrally with its source is not);
    subjectivity and checkworthiness (0..1, 0.5 is each model's threshold); kind (fact or
    opinion of the content, as `workbench split` decides it for a claim); speaker (null
    when the writer asserts it); cues (what decided the kind). A blank line (or empty
    cell) gives {"text": "", ...} with null fields and no cues, so output lines stay
    aligned with input lines.

    \b
    Example:
        workbench classify sentences.txt
        workbench classify data.tsv --text-column Text
    """
    from workbench.sentences import classify_texts, read_texts

    results = classify_texts(read_texts(source, text_column=text_column))
    if fmt == "json":
        rows = [r.to_dict() for r in results]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for result in results:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


@cli.command("eval")
@click.argument(
    "task", type=click.Choice(["subjectivity", "checkworthiness", "attribution", "matching"])
)
@click.argument("source", metavar="FILE|DIR")
@click.option("--text-column", metavar="COL", help="Column of the sentences (default: auto).")
@click.option("--label-column", metavar="COL", help="Column of the labels (default: auto).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def eval_command(
    task: str, source: str, text_column: str | None, label_column: str | None, fmt: str
) -> None:
    """Score a shipped model on a labelled file: P/R/F1 per class, macro-F1, confusion;
    or the splitter's attribution on a folder of annotated articles.

    Columns default to Sentence/Label (NewsSD) or Text/class_label (CT24). Labels are
    OBJ/SUBJ for subjectivity and No/Yes for checkworthiness (any case). For attribution,
    DIR holds NAME.txt with NAME.ann (brat standoff: Source, Cue and Content spans tied by
    an event line; see docs/annotation.md): it prints attribution recall, speaker
    precision and the share of claims inside someone's words given as the article's own.
    For matching, FILE holds claim pairs (see docs/matching.md): it prints precision,
    recall and the errors of each class of pair.

    \b
    Example:
        workbench eval subjectivity ../shared/data/newssd-eng/test.csv
        workbench eval checkworthiness CT24_checkworthy_english_dev-test.tsv
        workbench eval attribution my-annotated-articles/
        workbench eval matching data/matching-pairs/dev.txt
    """
    if task == "matching":
        from workbench.training import matching_pairs

        pair_scores = matching_pairs.evaluate_pairs(matching_pairs.read_pairs(source))
        if fmt == "json":
            click.echo(json.dumps(pair_scores.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(matching_pairs.render(pair_scores, source), nl=False)
        return
    if task == "attribution":
        from workbench.training.attribution import evaluate_attribution, render

        scores = evaluate_attribution(source)
        if fmt == "json":
            click.echo(json.dumps(scores.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(render(scores, source), nl=False)
        return
    from workbench.training.evaluate import evaluate_file
    from workbench.training.metrics import render

    report, summary = evaluate_file(
        task, source, text_column=text_column, label_column=label_column
    )
    positive = report.labels[1]
    if fmt == "json":
        figures = {**summary, **report.to_dict()}
        if task == "checkworthiness":
            figures["f1_yes"] = round(report.scores(positive).f1, 4)
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    title = (
        f"{task} on {source}: {summary['sentences']} sentences "
        f"(model trained {summary['model']['trained']}, threshold {summary['model']['threshold']})"
    )
    highlight = positive if task == "checkworthiness" else None
    click.echo(render(report, title=title, highlight=highlight), nl=False)


@cli.command()
@click.option(
    "--data",
    "data_dir",
    default="../shared/data",
    show_default=True,
    metavar="DIR",
    help="Folder holding newssd-eng/ and ct24-checkworthy/.",
)
@click.option(
    "--out",
    "out_dir",
    default="models",
    show_default=True,
    metavar="DIR",
    help="Where to write the models; to ship them, use workbench/data/models of a checkout.",
)
def train(data_dir: str, out_dir: str) -> None:
    """Train the subjectivity and check-worthiness models again (needs scikit-learn).

    Deterministic: the same data gives the same weights. Takes a few minutes; progress and
    cross-validation figures go to stderr, the summary to stdout. Never writes into the
    installed package unless --out names it.

    \b
    Example:
        workbench train --data ../shared/data --out workbench/data/models
    """
    from pathlib import Path

    from workbench.splitting.linear import LinearModel
    from workbench.training.train import train_all

    out = Path(out_dir)
    written = train_all(data_dir, out)
    for name, path in written.items():
        cv = LinearModel.load(path).metadata.get("cv", {})
        figures = ", ".join(
            f"{k} {v}" for k, v in cv.items() if isinstance(v, int | float) and k != "held_out_rows"
        )
        click.echo(f"{name}: {path} ({path.stat().st_size // 1024} KiB); CV {figures}")


if __name__ == "__main__":  # pragma: no cover
    main()
