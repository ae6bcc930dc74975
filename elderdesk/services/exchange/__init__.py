"""Street and district (issue 15, multi-office.md §2-6): the office's identity and partners
(`office.py`), ownership of records (`ownership.py`), the EDX1 package format (`package.py`),
the records that travel (`records.py`) and the exchange use cases (`service.py`)."""
