"""The ``dealkit`` command: the parser of every subcommand, and how a run ends.

Each group of subcommands is a module of this package with a ``register``
function (:data:`COMMAND_GROUPS`); this module only builds the parser from
them, runs the chosen command and turns errors into exit codes:
0 success; 1 invalid data or an unknown id; 2 a usage error.
Errors are one line each on stderr, never a traceback; a usage error found
after parsing prints the subcommand's own usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final

from .._errors import CatalogError, DealkitError, short_repr
from . import _analysis, _catalog, _claims, _completion, _deals, _extract, _plot
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Parser, PathError, UsageError

__all__ = ["COMMAND_GROUPS", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

#: The modules that add subcommands, in the order `dealkit --help` lists them.
COMMAND_GROUPS: Final = (_deals, _claims, _analysis, _catalog, _extract, _plot, _completion)

_DESCRIPTION: Final = """\
Typed, sourced figures of very large AI-infrastructure deals: list and show
deals, their claims and sources, derived metrics, consistency checks, exports,
figures read out of text, and pictures.

Every command that prints data takes --format table|json|csv (json and csv
carry the field names of the Python API, the same in every locale), and
--locale for the words, numbers and dates of tables and text.  Listings,
`check` and `export` take DEAL_IDs and --party to filter, and every command
that reads the catalog takes --catalog PATH and --no-builtin."""

_EPILOG: Final = """\
examples:
  dealkit list
  dealkit show amazon-anthropic-2026 --locale de_DE
  dealkit claims amazon-anthropic-2026 --format json
  dealkit COMMAND --help      every command's options, examples and exit codes

exit codes:
  0  success
  1  invalid data, an unknown id, a conflict `check` found, a file that cannot be written
  2  a usage error: an unknown option, a bad argument, a path that does not exist"""


def build_parser() -> Parser:
    """The parser of ``dealkit`` and every subcommand."""
    from .._version import __version__

    parser = Parser(prog="dealkit", description=_DESCRIPTION, epilog=_EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"dealkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="COMMAND",
                                     title="commands")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    _completion.setup(parser)
    args = parser.parse_args(argv)
    command: Parser = args.parser
    if getattr(args, "locale", None) is not None:
        from .._values import resolve_locale

        try:
            resolve_locale(args.locale)
        except DealkitError as exc:  # a bad option value is a usage error (exit 2)
            command.error(f"argument --locale: {exc}")
    try:
        code: int = args.run(args)
        return code
    except UsageError as exc:
        command.error(str(exc))
    except PathError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CatalogError as exc:
        for problem in exc.problems:
            print(f"dealkit: {problem}", file=sys.stderr)
        return EXIT_INVALID
    except DealkitError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # e.g. `dealkit claims | head`
        return EXIT_OK
    except OSError as exc:  # a directory that cannot be listed, a file that vanished
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"dealkit: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback, even for a bug in dealkit
        print(f"dealkit: internal error ({type(exc).__name__}: {short_repr(str(exc))}); please report it",
              file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
