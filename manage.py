#!/usr/bin/env python
"""Django's command-line utility, with configuration errors reported in one clear line."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    from scrapersky.cli import run

    run(sys.argv)


if __name__ == "__main__":
    main()
