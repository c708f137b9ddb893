"""reportlint: a linter for structured Chinese reports (述职报告, 工作总结)."""

__version__ = "0.1.0"
