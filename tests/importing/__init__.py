"""Tests of the importing package (workbook → checked rows and findings)."""
