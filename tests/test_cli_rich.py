"""The command's look: rich tables, colour and progress on a terminal; plain text when piped."""

from __future__ import annotations

import io
import json
import sys

import pytest

from dealkit.cli._app import main

ANSI = "\x1b["


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal_env(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)


def _run_on_terminal(monkeypatch, argv, *, stderr_tty=False):
    out, err = FakeTerminal(), (FakeTerminal() if stderr_tty else io.StringIO())
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _catalog_files(tmp_path, count):
    paths = []
    for i in range(count):
        path = tmp_path / f"party-{i}.json"
        path.write_text(json.dumps({"format": 1, "parties": [{"id": f"p{i}", "name": f"Party {i}"}]}), encoding="utf-8")
        paths.append(str(path))
    return paths


class TestPiped:
    def test_list_is_plain_aligned_text(self, capsys):
        assert main(["list"]) == 0
        out = capsys.readouterr().out
        assert ANSI not in out
        lines = out.splitlines()
        assert lines[0].split() == ["id", "part", "announced", "investment", "title"]
        assert set(lines[1].replace(" ", "")) == {"-"}
        assert any(line.startswith("amazon-anthropic-2026 ") for line in lines)

    def test_validate_shows_no_progress_when_piped(self, tmp_path, capsys):
        assert main(["validate", *_catalog_files(tmp_path, 4)]) == 0
        captured = capsys.readouterr()
        assert captured.out == "4 files valid\n"
        assert captured.err == ""


class TestTerminal:
    def test_list_is_a_rich_table_in_colour(self, monkeypatch, terminal_env):
        code, out, _ = _run_on_terminal(monkeypatch, ["list"])
        assert code == 0
        assert ANSI in out  # colour
        assert "\u2500" in out  # the rule under the header, drawn with box characters
        assert "amazon-anthropic-2026" in out
        assert "up to $25B" in out

    def test_claims_table(self, monkeypatch, terminal_env):
        code, out, _ = _run_on_terminal(monkeypatch, ["claims", "amazon-anthropic-2026"])
        assert code == 0
        assert "invest up to $25 billion" in out

    def test_cells_are_never_read_as_markup(self, terminal_env):
        from dealkit.cli._render import table

        text = table(["quote"], [["[bold]up to[/bold] $25 billion"]], stream=FakeTerminal())
        assert "\u2500" in text  # drawn by rich
        assert "[bold]up to[/bold] $25 billion" in text

    def test_show_in_colour_says_the_same_words(self, monkeypatch, terminal_env, capsys):
        import re

        assert main(["show", "amazon-anthropic-2026"]) == 0
        plain = capsys.readouterr().out
        code, out, _ = _run_on_terminal(monkeypatch, ["show", "amazon-anthropic-2026"])
        assert code == 0
        assert ANSI in out
        assert re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r", "") == plain

    def test_without_the_cli_extra_it_stays_plain(self, monkeypatch, terminal_env):
        monkeypatch.setitem(sys.modules, "rich.console", None)
        code, out, _ = _run_on_terminal(monkeypatch, ["list"])
        assert code == 0
        assert ANSI not in out and "\u2500" not in out
        assert out.splitlines()[0].split() == ["id", "part", "announced", "investment", "title"]

    def test_validate_many_files_with_a_progress_bar(self, monkeypatch, terminal_env, tmp_path):
        _catalog_files(tmp_path, 5)
        code, out, err = _run_on_terminal(monkeypatch, ["validate", str(tmp_path)], stderr_tty=True)
        assert code == 0
        assert "5 files valid" in out
        assert "validating" in err  # the bar's description, drawn on stderr

    def test_the_extract_bar_counts_documents_read(self, monkeypatch, terminal_env, tmp_path):
        from rich.progress import Progress

        import dealkit.extraction as extraction

        for i in range(5):
            (tmp_path / f"{i}.txt").write_text(f"{i + 1} GW", encoding="utf-8")
        advanced: list[int] = []
        real_advance = Progress.advance

        def advance(self, task, advance=1):
            advanced.append(advance)
            real_advance(self, task, advance)

        at_each_row: list[int] = []
        real_rows = extraction.extract_rows

        def rows(documents, **options):
            for row in real_rows(list(documents), **options):
                at_each_row.append(len(advanced))  # how far the bar was when this document's figure came out
                yield row

        monkeypatch.setattr(Progress, "advance", advance)
        monkeypatch.setattr(extraction, "extract_rows", rows)
        code, out, err = _run_on_terminal(monkeypatch, ["extract", str(tmp_path), "--jobs", "1"], stderr_tty=True)
        assert code == 0 and len(out.splitlines()) == 5
        assert at_each_row == [1, 2, 3, 4, 5]  # not 5 before the first document is read
        assert "extracting" in err


class TestLocale:
    def test_list_in_german(self, capsys):
        assert main(["list", "--locale", "de_DE"]) == 0
        out = capsys.readouterr().out
        assert "20.04.2026" in out
        assert "bis zu 25\xa0Mrd.\xa0$" in out

    def test_list_in_japanese(self, capsys):
        assert main(["list", "--locale", "ja_JP"]) == 0
        assert "$250億" in capsys.readouterr().out  # up to $25 billion

    def test_claims_table_reads_in_the_locale(self, capsys):
        assert main(["claims", "amazon-anthropic-2026", "--locale", "de_DE"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0].split()[:6] == ["Gegenstand", "Eigenschaft", "Art", "Einschränkung", "Wert", "gelesen"]
        row = next(line for line in out.splitlines() if "25000000000 USD" in line and "bis zu" in line)
        assert " höchstens " in row  # the qualifier, in words
        assert "bis zu 25\xa0Mrd.\xa0$" in row  # beside the canonical value
        assert "20.04.2026" in out  # the announcement date

    def test_unknown_locale_is_a_usage_error(self, capsys):
        assert main(["list", "--locale", "xx_XX"]) == 2
        assert "unknown locale" in capsys.readouterr().err
