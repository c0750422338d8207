"""``dealkit validate`` and ``dealkit schema``: check catalog files; the JSON Schema of their format."""

from __future__ import annotations

import argparse
import enum
import sys
from pathlib import Path
from typing import Any, Final

from .._args import check_path, file_errors
from .._errors import CatalogError, Problem, short_path, short_repr
from . import _render
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    UsageError,
    add_command,
    add_format,
    add_locale,
    check_output,
    no_such_path,
    plural_translator,
    translator,
)

__all__ = ["PROBLEM_COLUMNS", "register"]

#: The fields of one problem, in JSON and CSV (``dealkit.Problem``'s attributes).
PROBLEM_COLUMNS: Final = ("file", "path", "reason", "value")


#: How many unchecked sources `validate --sources` names in its table line.
UNCHECKED_SHOWN: Final = 5

def register(commands: Commands) -> None:
    p = add_command(
        commands, "validate", run_validate,
        summary="check catalog files; print every problem",
        description="Checks catalog files (or folders of them) together with the built-in catalog: each "
        "file's shape and values, then references and ids across files, and every rule that joins them "
        "(parties named, valuations, dates, tranches). With --sources DIR, also that every quote stands "
        "verbatim in the article it cites, found in DIR by its file name (whitespace and typographic quotes "
        "aside); without PATHs, the built-in catalog's quotes. The table form prints every problem on "
        "standard error, one line each (file, field path, reason, value), or `N files valid`; json prints "
        "{\"valid\", \"files\", \"problems\"} and csv one row per problem, on standard output.",
        examples=[
            ("dealkit validate my-deals.toml", "one file"),
            ("dealkit validate catalog/ --format json", "a folder, the problems as JSON"),
            ("dealkit validate --sources ../shared/seeds", "the built-in catalog's quotes against its articles"),
            ("dealkit validate --sources articles/ my-deals.toml", "your claims' quotes against your articles"),
        ],
        exit_codes=((EXIT_OK, "every file is valid"), (EXIT_INVALID, "a problem in a file, or a quote not found"),
                    (EXIT_USAGE, "a usage error, or a path that does not exist or is no path")),
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="catalog files (.toml, .json) or folders of them (none: the built-in catalog, with --sources)")
    p.add_argument("--sources", metavar="DIR",
                   help="also check that every quote stands verbatim in the article it cites, in DIR")
    add_format(p)
    add_locale(p, "the summary line")

    p = add_command(
        commands, "schema", run_schema,
        summary="print the JSON Schema of the catalog file format",
        description="The JSON Schema (draft 2020-12) of a catalog file: editors use it for completion and "
        "checks as you type (see the docs' page on your own deals).",
        examples=[
            ("dealkit schema", "print it"),
            ("dealkit schema -o dealkit-catalog.schema.json", "write it to a file"),
        ],
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE.json instead of standard output")
    add_locale(p, "the line that reports what was written (the schema itself is JSON)")


def problem_data(problem: Problem) -> dict[str, Any]:
    """A problem as JSON: its converter form, with a value that is not JSON written as text (``None``: none)."""
    from ..serialization import unstructure

    data: dict[str, Any] = dict(unstructure(problem))  # type: ignore[arg-type]
    value = data.get("value")
    if isinstance(value, enum.Enum) and value.name == "NO_VALUE":
        data["value"] = None  # the marker of a problem without an offending value
    elif not (value is None or isinstance(value, (str, int, float, bool))):
        data["value"] = short_repr(value)
    return {k: data.get(k) for k in PROBLEM_COLUMNS}


def run_validate(args: argparse.Namespace) -> int:
    from ..catalog import (
        Catalog,
        builtin_dir,
        builtin_files,
        catalog_paths,
        read_catalog_file,
        unchecked_sources,
        verify_sources,
    )

    if not args.paths and args.sources is None:
        raise UsageError("validate needs a PATH, or --sources DIR to check the built-in catalog's quotes")
    if args.sources is not None and not check_path(args.sources).is_dir():
        raise no_such_path(args.sources, "not a directory of articles")
    problems: list[Problem] = []
    files = []
    for name in args.paths:
        if not check_path(name).exists():
            raise no_such_path(name)
    for name in args.paths:
        for target in _render.progress(catalog_paths([Path(name)]), f"validating {short_path(name)}"):
            try:
                files.append((str(target), read_catalog_file(target)))
            except CatalogError as exc:
                problems += exc.problems
    if not problems:
        try:
            # References between files (and to the built-in parties) are checked together.
            # The built-in files themselves may be among those given: check them once.
            given = {Path(name).resolve() for name, _ in files}
            root = builtin_dir()
            builtin = [(name, content) for name, content in builtin_files()
                       if (root / name.removeprefix("dealkit/catalog/builtin/")).resolve() not in given]
            Catalog.build([*builtin, *files])
        except CatalogError as exc:
            problems += exc.problems
    unchecked: list[Problem] = []
    if not problems and args.sources is not None:
        # The quotes of the files given; of the built-in catalog when none is.  Web pages are
        # not read: they are named, and leave the result as it is.
        for name, content in files if args.paths else list(builtin_files()):
            problems += verify_sources(content, args.sources, file=name)
            unchecked += unchecked_sources(content, file=name)
    status = EXIT_INVALID if problems else EXIT_OK
    if args.format == "json":
        data: dict[str, Any] = {"valid": not problems, "files": [name for name, _ in files],
                                "problems": [problem_data(p) for p in problems]}
        if args.sources is not None:
            data["unchecked"] = [problem_data(p) for p in unchecked]
        sys.stdout.write(_render.json_text(data))
    elif args.format == "csv":
        sys.stdout.write(_render.csv_text([problem_data(p) for p in problems], PROBLEM_COLUMNS))
    else:
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            ngettext = plural_translator(args.locale)
            gettext = translator(args.locale)  # named so that `pybabel extract` finds the messages
            if args.paths:
                print(ngettext("{count} file valid", "{count} files valid", len(files)).format(count=len(files)))
            else:
                print(gettext("the built-in catalog is valid"))
            if args.sources is not None:
                print(gettext("every quote stands in its article in {path}").format(
                    path=short_path(args.sources)))
            if unchecked:
                owners = list(dict.fromkeys(p.reason.split(":", 1)[0] for p in unchecked))
                # The first few by name; `--format json` lists every one with its path.
                shown = ", ".join(owners[:UNCHECKED_SHOWN]) + (", …" if len(owners) > UNCHECKED_SHOWN else "")
                print(gettext("web pages, not article files, so not checked ({count}): {names}")
                      .format(count=len(unchecked), names=shown))
    return status


def run_schema(args: argparse.Namespace) -> int:
    from ..catalog import catalog_schema_json

    text = catalog_schema_json()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    check_output(args.output, {".json": "json"}, None)
    with file_errors(args.output, "write file"):
        Path(args.output).write_text(text, encoding="utf-8")
    gettext = translator(args.locale)
    print(gettext("schema written to {path}").format(path=short_path(args.output)))
    return EXIT_OK
