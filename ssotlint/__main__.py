"""Allow ``python -m ssotlint``."""

import sys

from ssotlint.cli import main

sys.exit(main())
