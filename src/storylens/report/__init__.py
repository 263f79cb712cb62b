"""The report: one self-contained, offline HTML file built from an analysis."""

from storylens.report.html import render_report, write_report

__all__ = ["render_report", "write_report"]
