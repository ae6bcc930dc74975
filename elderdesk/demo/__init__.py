"""Invented people and history for trying the program out (`elderdesk demo`, the manual's
screenshots): not part of the product's use cases."""
