"""`python -m elderdesk` runs the command line (no command: the GUI)."""

import sys

from elderdesk.cli import main

sys.exit(main())
