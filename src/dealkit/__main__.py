"""``python -m dealkit``: the same as the ``dealkit`` command."""

import sys

from .cli import main

sys.exit(main())
