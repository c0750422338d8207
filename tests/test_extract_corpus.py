"""Extraction at corpus scale: many files, directories, JSONL, a process pool, JSONL and Parquet
output, the Dask route, the CLI agreeing with the API, and hostile text within the limits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dealkit import PartialDate, extract
from dealkit.cli import main
from dealkit.extraction import _corpus
from dealkit.extraction import (
    MAX_EXTRACT_LENGTH,
    Document,
    extract_bag,
    extract_rows,
    figure_rows,
    read_documents,
)

CORPUS = Path(__file__).resolve().parent / "extraction_corpus"


def _corpus_docs() -> list[Document]:
    docs = []
    for path in sorted(CORPUS.glob("[0-9][0-9]_*.txt")):
        labels = json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))
        docs.append(Document(path.name, path.read_text(encoding="utf-8"), PartialDate.parse(labels["reference"])))
    return docs


def _api_rows(docs: list[Document]) -> list[dict[str, object]]:
    return [{"doc": d.id, **f.to_json()} for d in docs for f in extract(d.text, reference=d.reference)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestDocuments:
    def test_files_directories_and_jsonl(self, tmp_path: Path) -> None:
        (tmp_path / "d").mkdir()
        (tmp_path / "d" / "b.txt").write_text("5 GW", encoding="utf-8")
        (tmp_path / "d" / "a.txt").write_text("$5 billion", encoding="utf-8")
        (tmp_path / "d" / "skip.md").write_text("10 GW", encoding="utf-8")
        corpus = tmp_path / "c.jsonl"
        corpus.write_text(
            '{"id": "x", "text": "by year-end", "reference": "2026-04-20"}\n\n{"text": "3x"}\n', encoding="utf-8"
        )
        docs = list(read_documents([tmp_path / "d", corpus]))
        assert [(d.id.rsplit("/", 1)[-1], d.text, d.reference) for d in docs] == [
            ("a.txt", "$5 billion", None),
            ("b.txt", "5 GW", None),
            ("x", "by year-end", PartialDate.parse("2026-04-20")),
            ("c.jsonl:3", "3x", None),
        ]

    @pytest.mark.parametrize(
        ("line", "reason"),
        [("not json", "not a JSON object"), ('{"id": 1}', "'text' string"), ('{"text": "x", "reference": "soon"}', "'reference'")],
    )
    def test_bad_jsonl_lines_are_named(self, tmp_path: Path, line: str, reason: str) -> None:
        corpus = tmp_path / "c.jsonl"
        corpus.write_text('{"text": "ok"}\n' + line + "\n", encoding="utf-8")
        with pytest.raises(Exception, match=reason) as info:
            list(read_documents([corpus]))
        assert "c.jsonl:2" in str(info.value)


class TestPool:
    def test_the_pool_gives_the_rows_the_api_gives_in_order(self) -> None:
        docs = _corpus_docs()
        expected = _api_rows(docs)
        assert list(extract_rows(docs, jobs=2)) == expected
        assert list(extract_rows(docs, jobs=1)) == expected

    def test_small_batches_through_the_pool_give_the_same_rows_in_order(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # The labelled corpus is below one batch's minimum: with a minimum of one character
        # it is cut into several tasks, so the workers really read it.
        monkeypatch.setattr(_corpus, "MIN_BATCH_CHARS", 1)
        docs = _corpus_docs()
        assert len(list(_corpus._batches([(d.id, d.text, None) for d in docs], 2))) > 2
        heard: list[str] = []
        rows = list(extract_rows(docs, jobs=2, on_document=lambda d, e: heard.append(d.id)))
        assert rows == _api_rows(docs)
        assert heard == [d.id for d in docs]

    @pytest.mark.parametrize("jobs", [1, 2])
    def test_each_document_reads_relative_dates_against_its_own_reference(
        self, monkeypatch: pytest.MonkeyPatch, jobs: int
    ) -> None:
        monkeypatch.setattr(_corpus, "MIN_BATCH_CHARS", 40)  # two documents of 21 characters a task
        docs = [Document(f"d{i}", "Sales fell last year.", PartialDate.parse(ref))
                for i, ref in enumerate(["2026-04-20", "2020-01-01", "2026-04-20", "2011-07"])]
        values = [(r["doc"], r["value"]) for r in extract_rows(docs, jobs=jobs)]
        assert values == [("d0", "2025"), ("d1", "2019"), ("d2", "2025"), ("d3", "2010")]

    def test_documents_are_batched_in_order_by_size(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_corpus, "MIN_BATCH_CHARS", 1)
        items = [(name, "x" * size, None) for name, size in (("a", 100), ("b", 100), ("c", 100), ("d", 100), ("e", 50))]
        # 450 characters for one worker: tasks of at least 450 // 4 = 112 characters.
        batches = [[item[0] for item in batch] for batch in _corpus._batches(items, 1)]
        assert batches == [["a", "b"], ["c", "d"], ["e"]]
        monkeypatch.setattr(_corpus, "MAX_BATCH_DOCUMENTS", 3)
        monkeypatch.setattr(_corpus, "MIN_BATCH_CHARS", 10_000)
        batches = [[item[0] for item in batch] for batch in _corpus._batches(items, 1)]
        assert batches == [["a", "b", "c"], ["d", "e"]]

    def test_a_refused_document_is_reported_and_the_rest_read(self) -> None:
        heard: list[tuple[str, str | None]] = []
        docs = [Document("big", " " * (MAX_EXTRACT_LENGTH + 1)), Document("ok", "5 GW")]
        rows = list(extract_rows(docs, jobs=2, on_document=lambda d, e: heard.append((d.id, e))))
        assert [r["doc"] for r in rows] == ["ok"]
        assert heard[0][0] == "big" and "longer than" in (heard[0][1] or "") and heard[1] == ("ok", None)


class TestCommand:
    def test_jsonl_from_a_directory_agrees_with_the_api(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        docs = []
        for i, d in enumerate(_corpus_docs()[:4]):
            path = tmp_path / f"{i}.txt"
            path.write_text(d.text, encoding="utf-8")
            docs.append(Document(str(path), d.text, PartialDate.parse("2026-04-20")))
        code, out, err = run(capsys, "extract", str(tmp_path), "--reference", "2026-04-20", "--jobs", "2")
        assert code == 0, err
        assert [json.loads(line) for line in out.splitlines()] == _api_rows(docs)

    def test_single_file_json_agrees_with_the_api(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        doc = _corpus_docs()[6]
        path = tmp_path / "a.txt"
        path.write_text(doc.text, encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path), "--format", "json", "--reference", str(doc.reference))
        assert code == 0
        assert json.loads(out) == [f.to_json() for f in extract(doc.text, reference=doc.reference)]

    def test_parquet(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        pq = pytest.importorskip("pyarrow.parquet")
        corpus = tmp_path / "c.jsonl"
        docs = _corpus_docs()[:3]
        corpus.write_text(
            "".join(json.dumps({"id": d.id, "text": d.text, "reference": str(d.reference)}) + "\n" for d in docs),
            encoding="utf-8",
        )
        out_file = tmp_path / "figures.parquet"
        code, out, err = run(capsys, "extract", str(corpus), "-o", str(out_file))
        assert code == 0, err
        table = pq.read_table(out_file).to_pylist()
        assert table == _api_rows(docs)
        assert f"{len(table)} figures written to" in out

    def test_one_bad_document_exits_1_and_keeps_the_others(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        (tmp_path / "a.txt").write_bytes(b"\xff\xfe 5 GW")
        (tmp_path / "b.txt").write_text("5 GW", encoding="utf-8")
        code, out, err = run(capsys, "extract", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))
        assert code == 1
        assert "a.txt" in err and "not UTF-8" in err and "Traceback" not in err

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("--format", "parquet"), "needs -o"),
            (("--format", "table"), "reads one text"),
        ],
    )
    def test_format_errors(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], message: str) -> None:
        (tmp_path / "a.txt").write_text("5 GW", encoding="utf-8")
        (tmp_path / "b.txt").write_text("5 GW", encoding="utf-8")
        # A format that cannot hold the output asked for is a usage error: the command's own usage, exit 2.
        code = main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), *args])
        err = capsys.readouterr().err
        assert code == 2 and message in err
        assert err.startswith("usage: dealkit extract ")

    def test_bad_jobs_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        assert main(["extract", "x.txt", "--jobs", "0"]) == 2

    def test_progress_bar_on_a_terminal_only(self, tmp_path: Path) -> None:
        for i in range(4):
            (tmp_path / f"{i}.txt").write_text("5 GW", encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "dealkit", "extract", str(tmp_path), "--jobs", "1"],
            capture_output=True, text=True, check=False, timeout=120,
        )
        assert proc.returncode == 0 and proc.stderr == ""  # not a terminal: no bar
        assert len(proc.stdout.splitlines()) == 4


class TestDask:
    def test_bag_on_the_local_schedulers_gives_the_api_rows(self, tmp_path: Path) -> None:
        import dask  # the test extra installs it (the corpus extra)
        docs = _corpus_docs()[:5]
        paths = []
        for d in docs:
            path = tmp_path / d.id
            path.write_text(d.text, encoding="utf-8")
            paths.append(str(path))
        reference = PartialDate.parse("2026-04-20")
        expected = _api_rows([Document(p, d.text, reference) for p, d in zip(paths, docs, strict=True)])
        bag = extract_bag(paths, reference=reference, partitions=2)
        for scheduler in ("synchronous", "threads"):
            with dask.config.set(scheduler=scheduler):
                assert bag.compute() == expected


class TestHostileText:
    """Refused or read within the documented limits, never a traceback, in bounded time."""

    @pytest.mark.parametrize(
        "text",
        [
            "9" * 100_000,
            "$" + "9" * 100_000 + " billion",
            "(" * 50_000 + "5 GW" + ")" * 50_000,
            "[{" * 30_000,
            "gigawatt " * 200_000,
            "a" * (MAX_EXTRACT_LENGTH - 10) + " 5 GW",
            "\x00" * 10_000 + "$5 billion\x00",
            "Σ 5 ГВт ５GW ٥ GW 5\u200bGW 五 billion ¥五 $5 billion 😀 2026年",
            "1," * 50_000,
            "- " * 100_000 + "2026",
            "between " * 50_000 + "5 and 6 GW",
            "up to " * 50_000 + "$5 billion",
            "İ" * 50_000 + " 5 GW",
        ],
        ids=["digits", "money-digits", "brackets", "braces", "one-word", "at-limit", "nul", "mixed-scripts",
             "commas", "dashes", "betweens", "qualifiers",
             "two-character-lower-case"],
    )
    def test_read_without_error(self, text: str) -> None:
        figures = extract(text)
        for f in figures:
            assert text[f.start : f.end] == f.words

    def test_the_figures_among_hostile_text_are_still_read(self) -> None:
        assert [f.value_text for f in extract("\x00" * 10 + "$5 billion\x00")] == ["5000000000 USD"]
        assert [f.value_text for f in extract("a" * (MAX_EXTRACT_LENGTH - 10) + " 5 GW")] == ["5 GW"]
        assert [f.words for f in extract("Σ 5 ГВт ５GW 5 GW")] == ["5 GW"]

    def test_letters_that_lower_case_to_two_keep_every_offset(self) -> None:
        # "İ".lower() is two characters: offsets found in a lower-cased copy must still be the text's.
        assert [(f.words, f.start) for f in extract("İİ up to $5 billion")] == [("up to $5 billion", 3)]
        assert [(f.words, f.start) for f in extract("up to İ $5 billion and 5 GW")] == [("$5 billion", 8), ("5 GW", 23)]
        figures = extract("İ" * 30 + " 5 GW and İ 3 years")
        assert [(f.words, f.start, f.value_text) for f in figures] == [("5 GW", 31, "5 GW"), ("3 years", 42, "3 years")]
        assert [f.value_text for f in extract("İ by 2027")] == ["2027"]
        assert extract("İ by 2027")[0].qualifier.value == "at_most"

    def test_too_long_is_refused_with_one_message(self) -> None:
        with pytest.raises(Exception, match="longer than 5000000 characters"):
            extract("5" * (MAX_EXTRACT_LENGTH + 1))

    def test_cli_refuses_a_huge_file_in_one_line(self, tmp_path: Path) -> None:
        path = tmp_path / "big.txt"
        path.write_bytes(b"gigawatt " * 2_300_000)  # 20.7 MB: more than four bytes per allowed character
        proc = subprocess.run(
            [sys.executable, "-m", "dealkit", "extract", str(path)],
            capture_output=True, text=True, check=False, timeout=120,
        )
        assert proc.returncode == 1
        assert proc.stderr.count("\n") == 1 and "larger than" in proc.stderr and "Traceback" not in proc.stderr

    def test_figure_rows(self) -> None:
        assert figure_rows("d", "nearly 1GW") == [
            {"doc": "d", "kind": "power", "value": "1 GW", "qualifier": "approximately", "start": 0, "end": 10,
             "text": "nearly 1GW", "unit": "GW"}
        ]

