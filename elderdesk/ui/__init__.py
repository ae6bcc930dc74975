"""The PySide6 desktop interface: main window, pages, dialogs, table models, background work."""
