"""Export and import commands: thin wrappers over :mod:`workbench.reports`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from workbench.cli.support import db_option, open_store
from workbench.core.errors import WorkbenchError


class ImportFileError(WorkbenchError):
    """A file given to ``workbench import`` is not a workbench JSON report."""


@click.command()
@click.option(
    "--format", "fmt", required=True,
    type=click.Choice(["markdown", "html", "json", "csv", "claimreview", "site"]),
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(), help="File (default: stdout); a folder for site."
)
@click.option("--article", metavar="ID", help="Only this article (prefix).")
@click.option("--reviewer", help="Only verdicts by this reviewer.")
@click.option("--since", metavar="DATE", help="Only verdicts given on or after DATE (2026-03-01).")
@click.option("--final-only", is_flag=True, help="Only claims with an agreed verdict.")
@click.option("--org", help="Publisher name for ClaimReview (default: config file).")
@click.option("--base-url", help="Base of each fact-check's URL (default: config file).")
@click.option(
    "--draft", is_flag=True, help="ClaimReview without a configured publisher (not to publish)."
)
@click.option("--include-opinions", is_flag=True, help="ClaimReview for rated opinions too.")
@db_option
def export(
    fmt: str,
    output: str | None,
    article: str | None,
    reviewer: str | None,
    since: str | None,
    final_only: bool,
    org: str | None,
    base_url: str | None,
    draft: bool,
    include_opinions: bool,
    db_path: str | None,
) -> None:
    """Write a verdict report.

    `site` writes a folder to publish at the publisher's base URL: index.html and one page
    per fact-check, each embedding its ClaimReview JSON-LD (the page its `url` names).

    \b
    Examples:
        workbench export --format html -o report.html
        workbench export --format site -o fact-checks/
        workbench export --format claimreview --final-only --base-url https://ledger.example/fc/
    """
    from workbench.reports import build_report, render_report
    from workbench.reports.config import load_publisher
    from workbench.reports.model import ReportError, parse_since
    from workbench.review.evidence import check_url

    if since:
        try:
            parse_since(since)
        except ReportError as err:
            raise click.BadParameter(str(err).split(": ", 1)[1], param_hint="--since") from None
    if base_url:
        check_url(base_url)
    publisher = load_publisher(name=org, base_url=base_url)
    if fmt == "site" and not output:
        raise click.BadParameter("site needs a folder: -o DIR", param_hint="--format")
    if fmt in ("claimreview", "site") and not publisher.configured and not draft:
        raise ImportFileError(
            "ClaimReview needs its publisher: set name and base_url under [publisher] in the "
            "config file, or pass --org and --base-url (--draft writes a preview with "
            "placeholders)"
        )
    with open_store(db_path) as store:
        article_id = store.resolve_id(article, "articles") if article else None
        report = build_report(
            store,
            article_id=article_id,
            reviewer=reviewer,
            since=since,
            final_only=final_only,
            publisher=publisher,
            include_opinions=include_opinions,
        )
    if fmt == "site":
        from workbench.reports.site import write_site

        names = write_site(report, Path(output))
        click.echo(f"wrote {output}: index.html and {len(names) - 1} fact-check pages")
        return
    text = render_report(report, fmt)
    if output:
        target = Path(output)
        tmp = target.with_name(target.name + ".partial")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)  # never leave a half-written report behind
        except OSError as err:
            tmp.unlink(missing_ok=True)
            raise ImportFileError(f"cannot write {output}: {err.strerror}") from None
        if fmt == "claimreview":
            held = f"{len(json.loads(text))} ClaimReviews"
        else:
            reviewed = sum(c.reviewed for a in report.articles for c in a.claims)
            held = f"{reviewed} reviewed claims"
        click.echo(f"wrote {output}: {held} from {len(report.articles)} articles")
    else:
        click.echo(text, nl=False)


@click.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--unverified",
    is_flag=True,
    help="Accept a version 1 report, whose events carry no hashes to verify them by.",
)
@db_option
def import_(path: str, unverified: bool, db_path: str | None) -> None:
    """Read a JSON report (from `workbench export --format json`) into this database.

    Every event's hash is recomputed first: a file edited after export is refused and
    nothing is written. Events already present are skipped, so importing twice changes
    nothing.

    \b
    Example:
        workbench import colleague-report.json --db claims.db
    """
    from workbench.reports.jsonfile import FORMAT, VERSION

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportFileError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise ImportFileError(f"{path} is not a JSON report: {err}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(f"{path} is not a workbench JSON report")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ImportFileError(
            f"{path} is report version {data.get('version')}; this workbench reads up to {VERSION}"
        )
    events = data.get("events")
    if not isinstance(events, list):
        raise ImportFileError(f"{path} has no events to import")
    from workbench.usecases.incoming import check_hashes, check_incoming

    if data["version"] < 2 and not unverified:
        raise ImportFileError(
            f"{path} is a version 1 report: its events carry no hashes, so edits cannot be "
            "detected; import it with --unverified only if you trust where it came from"
        )
    checked = check_incoming(events)  # what is malformed, by name, before what was edited
    if data["version"] >= 2:
        check_hashes(events)
    with open_store(db_path, create=True) as store:
        result = store.import_events(checked)
        head = store.head()
    click.echo(f"imported {result.added} events ({result.skipped} already present); head {head}")


def register(group: click.Group) -> None:
    group.add_command(export)
    group.add_command(import_)
