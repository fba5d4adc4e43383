"""The bundle's ``paritrana`` executable: the command line (merge, demo, verify...)."""

import sys

from paritrana_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
