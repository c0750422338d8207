"""What every command shares: its parser and help, the common options, the catalog, filters, errors.

A command group is a module of this package with a ``register(commands)``
function that adds its subcommands through :func:`add_command`: a one-line
summary, a description, at least two examples and the exit codes, every
argument with its help.  :mod:`._app` lists the modules; adding a command is
adding a module (or a function to one) and a line there.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from .._args import check_path
from .._errors import DealkitError, PathError, short_path

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Commands",
    "Parser",
    "PathError",
    "UsageError",
    "add_catalog_options",
    "add_command",
    "add_deal_filters",
    "add_format",
    "add_locale",
    "add_part",
    "check_output",
    "no_such_path",
    "load_catalog_for",
    "part_deals",
    "plural_translator",
    "selected_subjects",
    "translator",
]

#: The exit code of a command that succeeded.
EXIT_OK: Final = 0
#: The exit code for invalid data, an unknown id, a conflict `check` found.
EXIT_INVALID: Final = 1
#: The exit code of a usage error: an unknown option, a bad argument, a path problem (missing, unreadable,
#: unwritable, or no usable path: a NUL byte, a lone surrogate, thousands of characters).
EXIT_USAGE: Final = 2

#: The exit codes every command shares, for its help.
EXIT_CODES: Final = (
    (EXIT_OK, "success"),
    (EXIT_INVALID, "invalid data or an unknown id"),
    (EXIT_USAGE, "a usage error: an unknown option, a bad argument, a path that does not exist, cannot be "
     "read or written, or is no path at all"),
)

#: The width help descriptions are wrapped to.
_HELP_WIDTH: Final = 79

Commands = Any  # argparse's _SubParsersAction, which typeshed keeps private
Runner = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A bad argument found after parsing: the command prints its own usage and exits 2."""


def no_such_path(name: str, what: str = "no such file or directory") -> PathError:
    """The error for a path that is not there: one line on stderr, the path cut short, exit 2."""
    return PathError(what, file=short_path(name))


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors print its own usage (a subcommand's, not the top level's)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _epilog(examples: Sequence[tuple[str, str]], exit_codes: Sequence[tuple[int, str]]) -> str:
    lines = ["examples:"]
    for command, what in examples:
        lines += [f"  {command}", f"      {what}"]
    lines += ["", "exit codes:"]
    lines += [f"  {code}  {meaning}" for code, meaning in exit_codes]
    return "\n".join(lines)


def add_command(
    commands: Commands,
    name: str,
    run: Runner,
    *,
    summary: str,
    description: str,
    examples: Sequence[tuple[str, str]],
    exit_codes: Sequence[tuple[int, str]] = EXIT_CODES,
) -> Parser:
    """Add subcommand ``name``: its help has the summary, a description, examples and exit codes."""
    if len(examples) < 2:
        raise ValueError(f"the help of {name!r} needs at least two examples")
    parser: Parser = commands.add_parser(
        name, help=summary, description=textwrap.fill(description, _HELP_WIDTH), epilog=_epilog(examples, exit_codes),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run, parser=parser)
    return parser


# -- the shared options ------------------------------------------------------------------------


def add_catalog_options(parser: argparse.ArgumentParser) -> None:
    """``--catalog PATH`` (repeatable) and ``--no-builtin``."""
    group = parser.add_argument_group("catalog")
    group.add_argument(
        "--catalog", action="append", default=[], metavar="PATH",
        help="a catalog file (.toml or .json) or a folder of them, read beside the built-in catalog; repeatable",
    )
    group.add_argument(
        "--no-builtin", action="store_true",
        help="leave the built-in deals and claims out (its parties still name those your files refer to)",
    )


def add_locale(parser: argparse.ArgumentParser, what: str = "tables and text") -> None:
    """``--locale LOCALE``: the language and number format of what people read."""
    parser.add_argument(
        "--locale", default="en_US", metavar="LOCALE",
        help=f"CLDR locale of the words, numbers and dates in {what}, e.g. de_DE, fr_FR, es_ES, ja_JP "
        "(default en_US; the environment is never read). JSON and CSV are the same in every locale",
    )


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str] = ("table", "json", "csv"),
               default: str | None = "table", extra: str = "") -> None:
    """``--format``: ``table`` for people, ``json`` and ``csv`` for programs (docs/cli-json.md)."""
    parser.add_argument(
        "--format", choices=choices, default=default,
        help=f"output format: table for people, {', '.join(c for c in choices if c != 'table')} for programs "
        f"(field names as in the Python API; see the docs' command JSON page){extra} (default: {default})",
    )


def add_deal_filters(parser: argparse.ArgumentParser) -> None:
    """``[DEAL_ID ...]``, ``--party PARTY`` and ``--part PART``: which deals (and their claims) a listing keeps."""
    parser.add_argument("deal_ids", nargs="*", metavar="DEAL_ID",
                        help="keep only these deals (ids as `dealkit list` shows them); default: every deal")
    parser.add_argument("--party", action="append", default=[], metavar="PARTY",
                        help="keep the deals this party or a party of its group (its subsidiaries) takes part in, "
                        "and what is said about the party itself; repeatable")
    add_part(parser)


def add_part(parser: argparse.ArgumentParser) -> None:
    """``--part PART``: the deals of one part of the catalog."""
    parser.add_argument("--part", metavar="PART",
                        help="keep the deals of one part of the catalog: seed (the five seed articles' deals), "
                        "field (the field's deals, sourced to web pages) or user (your --catalog files)")


def part_deals(catalog: Catalog, part: str) -> tuple[str, ...]:
    """The ids of the deals of ``part``; a part no deal belongs to raises :class:`~dealkit.DealkitError` (exit 1)."""
    parts = sorted(set(catalog.parts.values()))
    if part not in parts:
        raise DealkitError(f"no deal belongs to this part; parts: {', '.join(parts)}", part)
    return catalog.deal_ids(part)


def check_output(path: str, formats: dict[str, str], fmt: str | None, option: str = "-o/--output") -> str:
    """The format to write ``path`` in: ``fmt`` if given, else the one its extension names.

    An unknown extension (``claims.xlsx``), or one that names another format than ``fmt``, is a usage error.
    """
    suffix = Path(path).suffix.lower()
    implied = formats.get(suffix)
    known = ", ".join(sorted(formats))
    if fmt is None:
        if implied is None:
            raise UsageError(f"argument {option}: cannot tell the format of {path!r} by its extension; "
                             f"use one of {known}, or --format")
        return implied
    if suffix and implied is None and suffix not in ("",):
        raise UsageError(f"argument {option}: unknown extension {suffix!r} (use one of {known})")
    if implied is not None and implied != fmt:
        raise UsageError(f"argument {option}: {path!r} names {implied} but --format is {fmt}")
    return fmt


def translator(locale: str) -> Callable[[str], str]:
    """The gettext function of ``locale`` (English words where dealkit has no catalog)."""
    from .._values import translations

    return translations(locale).gettext


def plural_translator(locale: str) -> Callable[[str, str, int], str]:
    """The ngettext function of ``locale``: the singular or plural message the number needs."""
    from .._values import translations

    return translations(locale).ngettext


# -- the catalog and the filters ---------------------------------------------------------------


def load_catalog_for(args: argparse.Namespace) -> Catalog:
    """The catalog a command reads: ``--catalog`` files beside the built-in one, or its parties only."""
    from ..catalog import USER_PART, Catalog, CatalogFile, builtin_files, load_catalog, read_catalog_files
    from .._errors import CatalogError

    for name in args.catalog:
        if not check_path(name).exists():
            raise no_such_path(name)
    if not args.no_builtin:
        return load_catalog(*args.catalog)
    files, problems = read_catalog_files(args.catalog)
    if problems:
        raise CatalogError(problems)
    parties = [(name, CatalogFile(parties=content.parties)) for name, content in builtin_files()]
    return Catalog.build([*parties, *files], parts={name: USER_PART for name, _ in files if name is not None})


def selected_subjects(catalog: Catalog, args: argparse.Namespace) -> set[str] | None:
    """The subjects the filters keep (deals, and with ``--party`` the party's group), or ``None``: all.

    Unknown ids raise :class:`~dealkit.UnknownDealError` (exit 1), naming the known ones.
    """
    deal_ids: list[str] = list(getattr(args, "deal_ids", None) or [])
    parties: list[str] = list(getattr(args, "party", None) or [])
    part: str | None = getattr(args, "part", None)
    if part is not None:
        # One part of the catalog: its deals, narrowed by the ids and parties given (a party's own
        # subjects stay: they belong to no part).
        in_part = set(part_deals(catalog, part))
        chosen = selected_subjects(catalog, argparse.Namespace(deal_ids=deal_ids, party=parties))
        if chosen is None:
            return in_part
        every_deal = set(catalog.deal_ids())
        return {s for s in chosen if s in in_part or s not in every_deal}
    if not deal_ids and not parties:
        return None
    subjects = {catalog.deal(d).id for d in deal_ids}
    for party in parties:
        try:
            catalog.party(party)
        except DealkitError:
            from .._errors import UnknownDealError

            known = ", ".join(p.id for p in catalog.parties)
            raise UnknownDealError(f"no party with this id; known: {known}", party) from None
        group = {party} | {p.id for p in catalog.parties if p.parent == party}
        subjects |= group
        subjects |= {d.id for d in catalog.deals() if group & set(d.parties)}
    return subjects
