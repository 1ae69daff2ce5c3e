"""Verdict reports: Markdown, HTML, JSON, CSV and schema.org ClaimReview. No UI code here."""

from workbench.export.formats import FORMATS, render
from workbench.export.report import Report, build_report

__all__ = ["FORMATS", "Report", "build_report", "render"]
