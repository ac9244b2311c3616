"""whosaid's command line: argument parsing only; every command calls the Python API.

Each module in this package registers one family of sub-commands with ``register(subparsers)``
and sets ``func`` on its parser; ``main`` parses, calls it, and turns ``WhosaidError`` into a
one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from whosaid.errors import WhosaidError

# One module per family of commands, each owned by the stage it drives.
COMMAND_MODULES = (
    "whosaid.cli.ingest",  # ingest, extract, quotes, demo
    "whosaid.cli.evaluate",  # eval
    "whosaid.cli.entities",  # speakers, entity
    "whosaid.cli.link",  # link, stories, claims, conflicts, stance, eval-stance
    "whosaid.cli.serve",  # serve
    "whosaid.cli.scale",  # spark, load
    "whosaid.cli.watch",  # watch, sources
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="whosaid", description="Who said what, when, about what - and who contradicts whom."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a family not built yet: skip it, keep the rest working
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except WhosaidError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`whosaid quotes | head`): stop quietly, as other Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("whosaid: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
