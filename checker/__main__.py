"""`python -m checker` and the `checker` console script.

The import of the CLI is inside the try, so Ctrl-C during start-up exits 130 quietly
like Ctrl-C at any later moment.
"""

import sys


def main() -> None:
    try:
        from checker.cli import run
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
