"""Verdict reports: Markdown, HTML, JSON, CSV and schema.org ClaimReview. No UI code here."""

from workbench.export.report import FORMATS, Report, build_report, render

__all__ = ["FORMATS", "Report", "build_report", "render"]
