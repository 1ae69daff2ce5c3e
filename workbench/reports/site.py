"""A publishable fact-check site (``export --format site -o DIR``): ``index.html`` (the
report, each claim linking to its page) and one page per claim with an agreed verdict at
``<base_url>/<slug>.html``, the address its ClaimReview names as ``url``. Each page embeds
its ClaimReview as JSON-LD, with the verdict, sources and the article paragraph. Upload the
folder to ``base_url``."""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.reports.html import claim_card, e, page, render_html
from workbench.reports.jsonld import claimreview, slug
from workbench.reports.model import Report
from workbench.review.evidence import web_url


class SiteError(WorkbenchError):
    """The site cannot be written where asked."""


def site_files(report: Report) -> dict[str, str]:
    """{file name: page} of the whole site."""
    files: dict[str, str] = {}
    links: dict[str, str] = {}
    for item in report.articles:
        for c in item.claims:
            review = claimreview(report, item, c)
            if review is None:
                continue
            name = f"{slug(c)}.html"
            links[c.claim.id] = name
            article = item.article
            source = e(article.title or article.source)
            url = web_url(article.url)
            where = f'<a href="{e(url)}">{source}</a>' if url else source
            body = (
                f'<p class="meta"><a href="index.html">All fact-checks</a> · '
                f"{e(report.publisher.name)}</p>"
                f"<h1>{e(c.claim.claim)}</h1>"
                f'<p class="meta">From {where}</p>' + claim_card(report, c)
            )
            files[name] = page(c.claim.claim, body, [review])
    files["index.html"] = render_html(report, pages=links)
    return files


def write_site(report: Report, folder: Path) -> list[str]:
    """Write the site into ``folder`` (created if missing), each file whole or not at all;
    returns the file names."""
    files = site_files(report)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            tmp = folder / f".{name}.partial"
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(folder / name)
    except OSError as err:
        raise SiteError(f"cannot write the site into {folder}: {err.strerror}") from None
    return sorted(files)
