"""Backups, their rotation, restore and the checks after start-up (SafetyService)."""
