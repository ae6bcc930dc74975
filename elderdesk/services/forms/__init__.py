"""Printed forms filled from the record (FormsService)."""
