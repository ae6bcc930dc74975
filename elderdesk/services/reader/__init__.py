"""This PC's ID card reader (ReaderService)."""
