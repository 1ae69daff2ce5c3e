"""Verdict reports: Markdown, HTML, JSON, CSV and schema.org ClaimReview. No UI code here."""

from workbench.reports.formats import REPORT_FORMATS, render_report
from workbench.reports.model import Report, build_report

__all__ = ["REPORT_FORMATS", "Report", "build_report", "render_report"]
