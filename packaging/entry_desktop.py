"""The bundle's ``ParitranaDesktop`` executable: the judge's window."""

import sys

from paritrana_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
