"""The report formats, by name: which module renders each (so that the renderers can use
:mod:`workbench.export.report` without it importing them back)."""

from __future__ import annotations

from workbench.export.report import Report

FORMATS = ("markdown", "html", "json", "csv", "claimreview")


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS."""
    if fmt == "markdown":
        from workbench.export.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from workbench.export.html import render_html

        return render_html(report)
    if fmt == "json":
        from workbench.export.jsonfile import render_json

        return render_json(report)
    if fmt == "csv":
        from workbench.export.csvfile import render_csv

        return render_csv(report)
    if fmt == "claimreview":
        from workbench.export.jsonld import render_claimreview

        return render_claimreview(report)
    raise ValueError(f"unknown format {fmt}")
