"""``python -m paritrana_desktop.cli``: the same as the ``paritrana`` command."""

import sys

from . import main

sys.exit(main())
