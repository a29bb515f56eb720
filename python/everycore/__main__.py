"""``python -m everycore bench …`` and ``list``: see everycore/lab/cli.py."""

import sys

from everycore.lab.cli import main

if __name__ == "__main__":  # a "spawn" worker imports this module too: it must not run main()
    sys.exit(main())
