"""Entry script of the frozen application (PyInstaller needs a file, not a module)."""

import sys

from ghnt_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
