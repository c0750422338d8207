"""The command's output contract: every command that prints data, in every format and every shipped locale.

- ``--format json`` validates against the command's JSON Schema (``dealkit/cli/schemas``, shown in
  docs/cli-json.md) and is the same in every locale;
- ``--format csv`` has the command's columns, one row per JSON record, the same values, in every locale;
- ``--format table`` speaks the locale (a word of its catalog, written out here by hand).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from dealkit.cli._app import build_parser, main
from tests.catalog_fixtures import USER_TOML

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "src" / "dealkit" / "cli" / "schemas"
HEADLINE = "amazon-anthropic-2026"
LOCALES = ("en_US", "de_DE", "fr_FR", "es_ES", "ja_JP")
FORMATS = ("table", "json", "csv")
COMMANDS = ("list", "show", "claims", "metrics", "asof", "compare", "history", "check", "validate", "extract")

ARTICLE = "Amazon will invest up to $2 billion in Acme AI by 2027, roughly 5% of its capex.\n"

#: A word each locale's table shows, from the catalogs (written out by hand).
TABLE_WORDS = {
    "list": {"en_US": "announced", "de_DE": "angekündigt", "fr_FR": "annoncé", "es_ES": "anunciado", "ja_JP": "発表日"},
    "show": {"en_US": "Announced: Apr 20, 2026", "de_DE": "Angekündigt: 20.04.2026", "fr_FR": "Annoncé : 20 avr. 2026",
             "es_ES": "Anunciado:", "ja_JP": "発表: 2026/04/20"},
    "claims": {"en_US": "qualifier", "de_DE": "Einschränkung", "fr_FR": "qualificatif", "es_ES": "calificador",
               "ja_JP": "修飾"},
    "metrics": {"en_US": "more than $10B/year", "de_DE": "mehr als 10\xa0Mrd.\xa0$/Jahr", "fr_FR": "plus de 10\xa0Md\xa0$US/an",
                "es_ES": "más de 10\xa0mil\xa0M\xa0US$/año", "ja_JP": "$100億/年超"},
    "asof": {"en_US": "certainty", "de_DE": "Gewissheit", "fr_FR": "certitude", "es_ES": "certeza", "ja_JP": "確度"},
    "history": {"en_US": "3 deals", "de_DE": "3 Deals", "fr_FR": "3 accords", "es_ES": "3 acuerdos", "ja_JP": "3件の取引"},
    "compare": {"en_US": "spend per year", "de_DE": "Ausgaben je Jahr", "fr_FR": "dépense par an",
                "es_ES": "gasto por año", "ja_JP": "年間支出"},
    # By hand: the seed part's 1 conflict found, 2 implied checks, 7 recorded conflicts; the field part's
    # 1 conflict found, 8 implied checks (investors' amounts, tranches), 2 recorded conflicts.
    "check": {"en_US": "22 findings", "de_DE": "22 Befunde", "fr_FR": "22 constats", "es_ES": "22 hallazgos",
              "ja_JP": "所見22件"},
    "validate": {"en_US": "1 file valid", "de_DE": "1 Datei gültig", "fr_FR": "1 fichier valide", "es_ES": "1 archivo válido",
                 "ja_JP": "1件のファイルは有効"},
    "extract": {"en_US": "qualifier", "de_DE": "Einschränkung", "fr_FR": "qualificatif", "es_ES": "calificador",
                "ja_JP": "修飾"},
}

#: The CSV header of each command (dotted paths into its JSON records), written out by hand.
CSV_COLUMNS = {
    "metrics": ["name", "label", "kind", "estimate.kind", "estimate.qualifier", "estimate.value", "formula", "claims",
                "sources", "reason"],
    "asof": ["deal_id", "day", "item", "state", "certainty", "amount.kind", "amount.qualifier", "amount.value",
             "date.qualifier", "date.value", "description", "claims"],
    "check": ["kind", "status", "subject", "property", "stated.kind", "stated.qualifier", "stated.value", "other.kind",
              "other.qualifier", "other.value", "claims", "sources", "message", "resolved", "as_of", "deviation",
              "figure_kind", "meaning"],
    "history": ["investor", "investee", "deal", "title", "announced", "amount.qualifier", "amount.value",
                "cumulative.total.qualifier", "cumulative.total.value", "cumulative.unknown", "claims"],
    "validate": ["file", "path", "reason", "value"],
    "extract": ["kind", "value", "qualifier", "start", "end", "text", "unit"],
}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("contract")
    (folder / "mine.toml").write_text(USER_TOML, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return {"catalog": folder / "mine.toml", "article": folder / "article.txt"}


def _args(command: str, files: dict[str, Path]) -> list[str]:
    return {
        "list": [], "show": [HEADLINE], "claims": [HEADLINE], "metrics": [HEADLINE],
        "asof": [HEADLINE, "2026-07-01"], "compare": [HEADLINE, "openai-oracle-2025", "microsoft-iren-2025"],
        "history": ["amazon", "anthropic", "--as-of", "2026-04-20"], "check": [],
        "validate": [str(files["catalog"])],
        "extract": [str(files["article"])],
    }[command]


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def outputs(files):
    """Every command in every format and locale, run once: (command, format, locale) -> stdout."""
    import contextlib

    found: dict[tuple[str, str, str], str] = {}
    for command in COMMANDS:
        for fmt in FORMATS:
            for locale in LOCALES:
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = main([command, *_args(command, files), "--format", fmt, "--locale", locale])
                assert code == 0, (command, fmt, locale, err.getvalue())
                assert err.getvalue() == "", (command, fmt, locale)
                found[command, fmt, locale] = out.getvalue()
    return found


def _schema(command: str) -> dict[str, object]:
    schema: dict[str, object] = json.loads((SCHEMAS / f"{command}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("command", COMMANDS)
class TestEveryCommand:
    def test_json_validates_against_its_schema(self, outputs, command):
        data = json.loads(outputs[command, "json", "en_US"])
        jsonschema.validate(data, _schema(command), cls=jsonschema.Draft202012Validator)
        assert data  # something to check: no command prints an empty record here
        if command == "validate":
            assert data["valid"] is True and data["problems"] == []

    def test_json_and_csv_are_the_same_in_every_locale(self, outputs, command):
        for fmt in ("json", "csv"):
            assert {outputs[command, fmt, locale] for locale in LOCALES} == {outputs[command, fmt, "en_US"]}

    def test_the_table_speaks_the_locale(self, outputs, command):
        for locale in LOCALES:
            assert TABLE_WORDS[command][locale] in outputs[command, "table", locale], locale
        assert len({outputs[command, "table", locale] for locale in LOCALES}) == len(LOCALES)

    def test_csv_rows_are_the_json_records(self, outputs, command):
        from dealkit.analysis import COMPARISON_COLUMNS
        from dealkit.serialization import CLAIM_COLUMNS, DEAL_COLUMNS

        data = json.loads(outputs[command, "json", "en_US"])
        reader = csv.DictReader(io.StringIO(outputs[command, "csv", "en_US"]))
        rows = list(reader)
        if command == "asof":
            records = [{"deal_id": data["deal_id"], "day": data["day"], **i} for i in data["items"]]
        elif command == "history":
            records = [{"investor": data["investor"], "investee": data["investee"], **e} for e in data["entries"]]
        elif command == "validate":
            records = data["problems"]
        else:
            records = data
        columns = {"list": list(DEAL_COLUMNS), "claims": list(CLAIM_COLUMNS), "show": list(DEAL_COLUMNS),
                   "compare": list(COMPARISON_COLUMNS)}.get(
            command) or CSV_COLUMNS[command]
        assert reader.fieldnames == columns
        if command == "compare":
            # Its CSV is the typed flat row (dealkit.comparison_rows): the deal and each figure's qualifier match.
            assert [r["deal"] for r in rows] == [d["deal_id"] for d in data]
            for row, record in zip(rows, data, strict=True):
                for figure in ("capacity", "investment", "spend", "money_per_gw", "spend_per_year", "first_capacity"):
                    metric = record[figure]
                    estimate = None if metric is None else metric["estimate"]
                    assert row[f"{figure}_qualifier"] == ("" if estimate is None else estimate["qualifier"])
            return
        if command == "show":
            assert [r["id"] for r in rows] == [data["deal"]["id"]]
            return
        assert len(rows) == len(records)
        for row, record in zip(rows, records, strict=True):
            for column in columns:
                value = record
                for part in column.split("."):
                    value = value.get(part) if isinstance(value, dict) else None
                expected = ("" if value is None else json.dumps(value, ensure_ascii=False) if isinstance(value, list)
                            else "true" if value is True else "false" if value is False else str(value))
                assert row[column] == expected, (command, column)


class TestSchemasAreDocumented:
    def test_every_schema_is_shown_in_the_docs(self):
        page = (ROOT / "docs" / "cli-json.md").read_text(encoding="utf-8")
        for command in COMMANDS:
            assert f'--8<-- "src/dealkit/cli/schemas/{command}.schema.json"' in page, command
            assert f"## `dealkit {command}" in page, command


class TestExportInEveryLocale:
    @pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
    def test_the_file_is_the_same_in_every_locale(self, capsys, tmp_path, fmt):
        contents = set()
        for locale in LOCALES:
            path = tmp_path / f"{locale}.{fmt}"
            code, out, err = _run(capsys, ["export", HEADLINE, "-o", str(path), "--locale", locale])
            assert code == 0 and not err
            contents.add(_content(path, fmt))
            assert str(path) in out
        assert len(contents) == 1

    def test_the_line_it_prints_speaks_the_locale(self, capsys, tmp_path):
        expected = {"en_US": "claims written to", "de_DE": "Angaben nach", "fr_FR": "affirmations écrites dans",
                    "es_ES": "afirmaciones escritas en", "ja_JP": "件の主張を"}
        for locale, words in expected.items():
            _, out, _ = _run(capsys, ["export", HEADLINE, "-o", str(tmp_path / "c.csv"), "--locale", locale])
            assert words in out, locale


def _content(path: Path, fmt: str) -> object:
    if fmt != "parquet":
        return path.read_bytes()
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist().__repr__()


class TestHelpTeaches:
    def _subcommands(self):
        parser = build_parser()
        (action,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
        return action.choices

    def test_every_subcommand_has_a_description_examples_and_exit_codes(self):
        for name, sub in self._subcommands().items():
            text = sub.format_help()
            assert sub.description and len(sub.description) > 40, name
            examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0]
            assert sum(line.startswith(f"  dealkit {name}") for line in examples.splitlines()) >= 2, name
            assert "exit codes:\n  0  " in text, name

    def test_every_argument_is_explained(self):
        for name, sub in self._subcommands().items():
            for action in sub._actions:
                assert action.help, (name, action.dest)

    def test_top_level_help_lists_every_command(self, capsys):
        code = main(["--help"])
        out = capsys.readouterr().out
        assert code == 0
        for name in self._subcommands():
            assert f"\n    {name}" in out, name
        assert "exit codes:" in out

    @pytest.mark.parametrize(
        ("argv", "usage"),
        [
            (["asof", HEADLINE, "2026-02-30"], "usage: dealkit asof "),
            (["asof", HEADLINE], "usage: dealkit asof "),
            (["export", "-o", "claims.xlsx"], "usage: dealkit export "),
            (["list", "--locale", "xx_XX"], "usage: dealkit list "),
            (["plot", HEADLINE, "-o", "x.png", "--as-of", "soon"], "usage: dealkit plot "),
            (["extract", "x.txt", "--jobs", "0"], "usage: dealkit extract "),
        ],
    )
    def test_a_usage_error_shows_the_subcommands_own_usage(self, capsys, argv, usage):
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 2
        assert err.startswith(usage)
        assert "usage: dealkit [-h]" not in err


class TestOutputFiles:
    @pytest.mark.parametrize("name", ["claims.xlsx", "claims.txt", "claims"])
    def test_an_unknown_extension_is_a_usage_error(self, capsys, tmp_path, name):
        code = main(["export", "-o", str(tmp_path / name)])
        assert code == 2
        assert not (tmp_path / name).exists()

    def test_an_extension_that_names_another_format(self, capsys, tmp_path):
        code = main(["export", "--format", "csv", "-o", str(tmp_path / "c.json")])
        assert code == 2
        assert "names json but --format is csv" in capsys.readouterr().err

    def test_the_format_without_an_extension(self, capsys, tmp_path):
        assert main(["export", "--format", "json", "-o", str(tmp_path / "claims")]) == 0
        assert json.loads((tmp_path / "claims").read_text(encoding="utf-8"))


class TestFilters:
    def test_no_builtin_keeps_only_your_deals_and_claims(self, capsys, files):
        code, out, _ = _run(capsys, ["list", "--catalog", str(files["catalog"]), "--no-builtin", "--format", "json"])
        assert code == 0 and [d["id"] for d in json.loads(out)] == ["amazon-acme-2026"]
        code, out, _ = _run(capsys, ["claims", "--catalog", str(files["catalog"]), "--no-builtin", "--format", "json"])
        assert [c["id"] for c in json.loads(out)] == ["acme-announced", "acme-investment"]
        code, out, _ = _run(capsys, ["check", "--catalog", str(files["catalog"]), "--no-builtin", "--format", "json"])
        assert code == 0 and json.loads(out) == []

    def test_no_builtin_without_files_lists_nothing(self, capsys):
        code, out, _ = _run(capsys, ["list", "--no-builtin", "--format", "json"])
        assert code == 0 and json.loads(out) == []

    def test_no_builtin_leaves_the_builtin_deals_out_of_show(self, capsys):
        code, _, err = _run(capsys, ["show", HEADLINE, "--no-builtin"])
        assert code == 1 and HEADLINE in err

    def test_deal_ids(self, capsys):
        code, out, _ = _run(capsys, ["list", "amazon-openai-2026", "amazon-anthropic-2023", "--format", "json"])
        assert [d["id"] for d in json.loads(out)] == ["amazon-anthropic-2023", "amazon-openai-2026"]
        code, out, _ = _run(capsys, ["check", "amazon-openai-2026", "--format", "json"])
        assert code == 0 and {f["subject"] for f in json.loads(out)} <= {"amazon-openai-2026"}

    def test_a_party_keeps_its_deals_and_its_group(self, capsys):
        # OpenAI takes part in one deal; AWS (Amazon's) is paid in the 2026 Anthropic deal.
        code, out, _ = _run(capsys, ["list", "--party", "openai", "--part", "seed", "--format", "json"])
        assert [d["id"] for d in json.loads(out)] == ["amazon-openai-2026"]
        code, out, _ = _run(capsys, ["claims", "--party", "anthropic", "--part", "seed", "--format", "json"])
        subjects = {c["subject"] for c in json.loads(out)}
        assert subjects == {"amazon-anthropic-2026", "amazon-anthropic-2023", "amazon-anthropic-before-2026", "anthropic"}

    def test_an_unknown_party(self, capsys):
        code, _, err = _run(capsys, ["list", "--party", "nobody"])
        assert code == 1 and "nobody" in err and "amazon" in err

    def test_export_a_filtered_catalog(self, capsys, tmp_path, files):
        path = tmp_path / "mine.json"
        code, _, _ = _run(capsys, ["export", "--catalog", str(files["catalog"]), "--no-builtin", "-o", str(path)])
        assert code == 0
        assert [r["id"] for r in json.loads(path.read_text(encoding="utf-8"))] == ["acme-announced", "acme-investment"]


class TestTablesWrapByCell:
    def test_cells_wrap_at_spaces_within_the_width(self, capsys, monkeypatch):
        # The seed part's longest id (amazon-anthropic-before-2026, 28 characters) is one token: beside the
        # part column, at 64 columns the table cannot keep every token whole; at 70 it can, and must wrap
        # the titles to fit.
        monkeypatch.setenv("COLUMNS", "70")
        code, out, _ = _run(capsys, ["list", "--part", "seed"])
        assert code == 0
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= 70
        # No token is cut: every id appears whole, and every word of every title.
        for deal_id in ("amazon-anthropic-2026", "amazon-anthropic-2023", "amazon-openai-2026"):
            assert deal_id in out
        words = set(out.split())
        assert {"Anthropic;", "commits", "$100B+", "AWS", "initial"} <= words
        # A long title goes on over lines of its own column; the other cells of those lines are blank.
        title_column = lines[0].index("title")
        assert any(line.startswith(" " * title_column) and line.strip() for line in lines[2:])

    def test_the_claims_table_never_cuts_a_token(self, capsys, monkeypatch):
        # Ten columns of long ids are wider than 80 columns: they stay whole, wider than asked.
        monkeypatch.setenv("COLUMNS", "80")
        code, out, _ = _run(capsys, ["claims", HEADLINE])
        assert code == 0
        for token in ("002_71c77df9dbb0c619.txt", "amazon-anthropic-2026", "milestone.year-end-capacity.capacity"):
            assert token in out

    def test_a_word_longer_than_its_share_keeps_its_line(self):
        from dealkit.cli._render import table

        text = table(["id", "note"], [["amazon-anthropic-2026", "a " * 40]], stream=None)
        assert "amazon-anthropic-2026" in text

    def test_wide_characters_count_twice(self, monkeypatch):
        from dealkit.cli._render import display_width, wrap_cell

        assert display_width("$250億") == 6
        assert wrap_cell("最大$250億 最大$500億", 10) == ["最大$250億", "最大$500億"]

    def test_piped_without_columns_is_one_line_per_row(self, capsys, monkeypatch):
        monkeypatch.delenv("COLUMNS", raising=False)
        code, out, _ = _run(capsys, ["list", "--part", "seed"])
        assert len(out.splitlines()) == 2 + 4  # header, rule, four deals


class TestCompletion:
    @pytest.mark.parametrize(("shell", "marker"), [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")])
    def test_a_script_for_each_shell(self, capsys, shell, marker):
        code, out, _ = _run(capsys, ["completion", shell])
        assert code == 0
        assert "dealkit" in out and marker in out

    @pytest.mark.parametrize(("line", "expected"), [("dealkit cl", ["claims"]),
                                                     ("dealkit show amazon-open", ["amazon-openai-2026"]),
                                                     ("dealkit plot x --ki", ["--kind"])])
    def test_completes_commands_options_and_deal_ids(self, tmp_path, line, expected):
        # The shell's side of argcomplete's protocol: the line so far in the environment, answers in a file.
        import os
        import subprocess
        import sys

        answers = tmp_path / "answers"
        env = {**os.environ, "_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
               "_ARGCOMPLETE_STDOUT_FILENAME": str(answers),
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
        done = subprocess.run([sys.executable, "-m", "dealkit"], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        found = [w.strip() for w in answers.read_text(encoding="utf-8").replace("\v", "\n").split("\n") if w.strip()]
        assert found == expected
