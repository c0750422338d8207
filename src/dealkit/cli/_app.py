"""The ``dealkit`` command: the parser of every subcommand, and how a run ends.

Each group of subcommands is a module of this package with a ``register``
function (:data:`COMMAND_GROUPS`); this module only builds the parser from
them, runs the chosen command and turns errors into exit codes:
0 success; 1 invalid data or an unknown id; 2 a usage error (a path that is
missing, unreadable, unwritable or no usable path at all included).  Errors
are one line each on stderr, never a traceback, with long paths and values cut
short; a usage error found after parsing prints the subcommand's own usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final

from .._args import check_path
from .._errors import CatalogError, DealkitError, short_path, short_repr
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
  1  invalid data, an unknown id, a conflict `check` found
  2  a usage error: an unknown option, a bad argument, a path that does not exist,
     cannot be read or written, or is no path at all (a NUL byte, thousands of characters)"""


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
    """Run the command line; return the exit code (``--help`` and ``--version`` give 0, usage errors 2)."""
    if argv is not None and (
        isinstance(argv, (str, bytes)) or not isinstance(argv, Sequence) or not all(isinstance(a, str) for a in argv)
    ):
        print(f"dealkit: error: the arguments must be a list of text, not {type(argv).__name__}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _main(argv)
    except SystemExit as exc:  # argparse: a usage error (2), or --help / --version (0)
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_USAGE
    except argparse.ArgumentError as exc:
        print(f"dealkit: error: {short_repr(str(exc))[1:-1]}", file=sys.stderr)
        return EXIT_USAGE


#: The arguments of any command that name a path, checked before the command runs.
_PATH_ARGUMENTS: Final = ("paths", "catalog", "output", "article", "sources")


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    _completion.setup(parser)
    args = parser.parse_args(argv)
    command: Parser = args.parser
    try:
        # Every path given is a usable path before any work starts (a NUL byte, a lone
        # surrogate, thousands of characters): a usage error, told with the path cut short.
        for attr in _PATH_ARGUMENTS:
            given = getattr(args, attr, None)
            for name in given if isinstance(given, list) else [given]:
                if isinstance(name, str) and name != "-":
                    check_path(name)
    except PathError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
    except OSError as exc:  # a directory that cannot be listed, a file that vanished: a path problem
        where = f"{short_path(exc.filename)}: " if exc.filename else ""
        print(f"dealkit: {where}{exc.strerror or short_repr(str(exc))[1:-1]}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback, even for a bug in dealkit
        print(f"dealkit: internal error ({type(exc).__name__}: {short_repr(str(exc))}); please report it",
              file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
