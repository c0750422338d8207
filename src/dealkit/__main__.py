"""``python -m dealkit``: the same as the ``dealkit`` command."""

import sys

from ._cli import main

sys.exit(main())
