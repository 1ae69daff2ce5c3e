"""Pictures of a report: the distribution of agreed verdicts as a bar chart, and each
article as a strip of its claims coloured by verdict. Inline SVG for the HTML report (no
external loads, so the report's Content-Security-Policy stays as it is) and plain text
bars for the terminal (`workbench stats --chart`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from workbench.reports.model import Report, ReportArticle

UNSETTLED_COLOUR = "#9aa0a6"  # reviewed, no agreed verdict yet
UNREVIEWED_COLOUR = "#e8eaed"


def report_counts(report: Report) -> list[tuple[str, str, int]]:
    """(label, colour, count) of the agreed verdicts of the whole report, commonest first."""
    counts: Counter[tuple[str, str]] = Counter()
    for item in report.articles:
        for label, colour, n in report.summary(item):
            counts[(label, colour)] += n
    return [(label, colour, n) for (label, colour), n in counts.most_common()]


def bar_chart_svg(counts: Sequence[tuple[str, str, int]], *, width: int = 560) -> str:
    """A horizontal bar per verdict, labelled with its name and count; empty for none."""
    if not counts:
        return ""
    row, label_width, gap = 26, 190, 6
    biggest = max(n for _, _, n in counts)
    bar_room = width - label_width - 50
    height = row * len(counts)
    parts = [
        f'<svg class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        "<title>Agreed verdicts</title>",
    ]
    for i, (label, colour, n) in enumerate(counts):
        y = i * row
        length = max(2, round(bar_room * n / biggest))
        parts.append(
            f'<text x="{label_width - 8}" y="{y + row - 9}" text-anchor="end" '
            f'font-size="13">{escape(label)}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + gap // 2}" width="{length}" '
            f'height="{row - gap}" fill="{escape(colour)}"><title>{n} × {escape(label)}</title>'
            "</rect>"
            f'<text x="{label_width + length + 6}" y="{y + row - 9}" font-size="13">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def strip_svg(report: Report, item: ReportArticle, *, cell: int = 12) -> str:
    """One square per claim of the article, in article order, coloured by agreed verdict
    (grey while reviewers disagree or await approval, pale when not reviewed)."""
    claims = item.claims
    if not claims:
        return ""
    width = cell * len(claims)
    parts = [
        f'<svg class="strip" role="img" width="{width}" '
        f'height="{cell}" viewBox="0 0 {width} {cell}"><title>Claims in article order</title>'
    ]
    for i, c in enumerate(claims):
        agreed = report.agreed(c)
        if agreed is not None:
            colour, what = report.colour(agreed), report.label(agreed)
        elif c.reviewed:
            colour, what = UNSETTLED_COLOUR, c.unsettled or "not agreed"
        else:
            colour, what = UNREVIEWED_COLOUR, "not reviewed"
        parts.append(
            f'<rect x="{i * cell}" y="0" width="{cell - 1}" height="{cell}" '
            f'fill="{escape(colour)}"><title>{escape(c.claim.claim[:80])}: {escape(what)}'
            "</title></rect>"
        )
    parts.append("</svg>")
    return "".join(parts)


def text_bars(counts: Sequence[tuple[str, int]], *, width: int = 40) -> list[str]:
    """Terminal bars: "Accurate      ████████████ 12"."""
    if not counts:
        return []
    biggest = max(n for _, n in counts)
    name_width = max(len(label) for label, _ in counts)
    return [
        f"{label:<{name_width}}  {'█' * max(1, round(width * n / biggest))} {n}"
        for label, n in counts
    ]
