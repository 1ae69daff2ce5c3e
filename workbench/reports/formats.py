"""The report formats, by name: which module renders each (so that the renderers can use
:mod:`workbench.reports.model` without it importing them back)."""

from __future__ import annotations

from workbench.reports.model import Report

REPORT_FORMATS = ("markdown", "html", "json", "csv", "claimreview")


def render_report(report: Report, fmt: str) -> str:
    """The report in one of REPORT_FORMATS."""
    if fmt == "markdown":
        from workbench.reports.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from workbench.reports.html import render_html

        return render_html(report)
    if fmt == "json":
        from workbench.reports.jsonfile import render_json

        return render_json(report)
    if fmt == "csv":
        from workbench.reports.csvfile import render_csv

        return render_csv(report)
    if fmt == "claimreview":
        from workbench.reports.jsonld import render_claimreview

        return render_claimreview(report)
    raise ValueError(f"unknown format {fmt}")
