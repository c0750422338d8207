"""Only DealkitError leaves the public API: every argument of every public function, hostile values included.

Each public function, constructor and method is called once with valid arguments
(the table ``CALLS``), then once per argument with that argument replaced by each
value of ``HOSTILE``: wrong types, NUL bytes, lone surrogates, 100,000 characters,
non-finite numbers.  The call must either give a result or raise a
:class:`~dealkit.DealkitError`; anything else (``TypeError``, ``KeyError``,
``OSError``, ``UnicodeEncodeError``, ...) fails.  ``test_every_public_callable_is_called``
keeps the table complete: a new public name without an entry fails it.

The property tests at the end drive each public parser and loader with arbitrary
text and bytes (hypothesis).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import io
import math
import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dealkit
from dealkit import (
    Certainty,
    CurrencyAmount,
    DealkitError,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Precision,
    Qualifier,
    Rank,
    Rate,
)
from dealkit import analysis, catalog, export, extraction, serialization
from dealkit.catalog import CatalogFile, DealShape
from dealkit.cli import main
from dealkit.extraction import Document

PUBLIC_MODULES = ["dealkit", "dealkit.serialization", "dealkit.catalog", "dealkit.analysis",
                  "dealkit.extraction", "dealkit.export", "dealkit.plots", "dealkit.cli"]

#: Names that are not dealkit's own functions: pint's registry, cattrs' converter class,
#: typing aliases and protocols (not callable with arguments).
NOT_DEALKITS: dict[str, str] = {
    "ureg": "pint's UnitRegistry (its errors are pint's)",
    "get_registry": "returns pint's UnitRegistry; takes no argument",
    "DealkitConverter.__init__": "cattrs.Converter's own constructor and options",
    "Convertible": "a typing Protocol, not a callable",
}


class _Hostile:
    """An object whose every dunder a careless caller might reach raises."""

    def __repr__(self) -> str:
        raise RuntimeError("hostile repr")

    def __str__(self) -> str:
        raise RuntimeError("hostile str")

    def __fspath__(self) -> str:
        raise RuntimeError("hostile fspath")


HOSTILE: list[tuple[str, object]] = [
    ("None", None), ("True", True), ("zero", 0), ("minus one", -1), ("huge int", 10**400),
    ("float", 1.5), ("nan", math.nan), ("inf", math.inf), ("empty text", ""), ("text", "x"),
    ("NUL", "a\x00b"), ("lone surrogate", "\ud800"), ("100k characters", "x" * 100_000),
    ("bytes", b"a\xff"), ("object", object()), ("list", [1, "a"]), ("dict", {"a": [1]}),
    ("Decimal NaN", Decimal("NaN")), ("Decimal huge", Decimal("1E+999999")),
    ("a date", dt.date(2026, 4, 20)), ("hostile object", _Hostile()),
    ("path with NUL", Path("a\x00b")), ("path of 100k characters", Path("d" * 100_000)),
]

CAT = dealkit.builtin_catalog()
DEAL = CAT.deal("amazon-anthropic-2026")
CLAIM = CAT.all_claims[0]
GW = Power(5, "GW")
USD = CurrencyAmount(5, "USD")
DAY = PartialDate.parse("2026-04-20")
EST = Estimate.at_most(GW)
DOC = Document("a.txt", "up to $25 billion")
HISTORY = dealkit.analysis.deal_history(CAT, "amazon", "anthropic")
ROWS = dealkit.compare(CAT, ["amazon-anthropic-2026"])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Calls that write files write them here.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("Amazon will invest up to $25 billion.", encoding="utf-8")


def _c(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]:
    return fn, args, kwargs


#: One valid call of every public callable: name -> (callable, args, kwargs).
CALLS: dict[str, tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = {
    # -- values
    "CurrencyAmount": _c(CurrencyAmount, 5, "USD"),
    "CurrencyAmount.zero": _c(CurrencyAmount.zero, "USD"),
    "CurrencyAmount.parse": _c(CurrencyAmount.parse, "$5B"),
    "CurrencyAmount.format": _c(USD.format, "en_US", style="compact"),
    "Rate": _c(Rate, USD, "MWh"),
    "Rate.of": _c(Rate.of, USD, Duration(1, "year")),
    "Rate.parse": _c(Rate.parse, "45 USD/MWh"),
    "Rate.to": _c(Rate(USD, "year").to, "month"),
    "Rate.from_quantity": _c(Rate.from_quantity, Rate(USD, "MWh").quantity),
    "Power": _c(Power, 5, "GW"),
    "Power.over": _c(GW.over, Duration(1, "year")),
    "Power.per_year": _c(GW.per_year),
    "Energy": _c(Energy, 5, "GWh"),
    "Energy.average_power": _c(Energy(5, "GWh").average_power, Duration(1, "day")),
    "Duration": _c(Duration, 10, "year"),
    "Duration.parse": _c(Duration.parse, "10 years"),
    "Estimate": _c(Estimate, Qualifier.EXACT, GW, GW),
    "Estimate.exact": _c(Estimate.exact, GW),
    "Estimate.at_most": _c(Estimate.at_most, GW),
    "Estimate.at_least": _c(Estimate.at_least, GW),
    "Estimate.between": _c(Estimate.between, Power(1, "GW"), GW),
    "Estimate.approximately": _c(Estimate.approximately, GW, low=Power(4, "GW"), high=Power(6, "GW"),
                                 tolerance=Decimal("0.1")),
    "Estimate.nearly": _c(Estimate.nearly, GW, tolerance=Decimal("0.1")),
    "Estimate.from_bounds": _c(Estimate.from_bounds, Power(1, "GW"), GW),
    "Estimate.parse": _c(Estimate.parse, "up to 5 GW", Power.parse),
    "Estimate.map": _c(EST.map, lambda p: p),
    "Estimate.contains": _c(EST.contains, GW),
    "Estimate.compatible_with": _c(EST.compatible_with, EST),
    "PartialDate": _c(PartialDate, dt.date(2026, 4, 1), Precision.MONTH),
    "PartialDate.of_day": _c(PartialDate.of_day, 2026, 4, 20),
    "PartialDate.of_month": _c(PartialDate.of_month, 2026, 4),
    "PartialDate.of_quarter": _c(PartialDate.of_quarter, 2026, 2),
    "PartialDate.of_half": _c(PartialDate.of_half, 2026, 1),
    "PartialDate.of_year": _c(PartialDate.of_year, 2026),
    "PartialDate.of_decade": _c(PartialDate.of_decade, 2020),
    "PartialDate.of_fiscal_year": _c(PartialDate.of_fiscal_year, 2027),
    "PartialDate.from_date": _c(PartialDate.from_date, dt.date(2026, 4, 20)),
    "PartialDate.parse": _c(PartialDate.parse, "year-end", reference=DAY),
    "PartialDate.contains": _c(DAY.contains, DAY),
    "PartialDate.overlaps": _c(DAY.overlaps, DAY),
    "PartialDate.reached_by": _c(DAY.reached_by, DAY),
    "PartialDate.sort_key": _c(DAY.sort_key),
    "PartialDate.shifted_months": _c(PartialDate.parse("2026-04").shifted_months, 2),
    "Certainty": _c(Certainty, "certainly"),
    "Precision": _c(Precision, "month"),
    "Qualifier": _c(Qualifier, "exact"),
    "Rank": _c(Rank, "normal"),
    "format_date": _c(dealkit.format_date, DAY, "de_DE"),
    "format_estimate": _c(dealkit.format_estimate, EST, "en_US", style="compact"),
    "format_money": _c(dealkit.format_money, USD, "en_US", style="full"),
    "format_power": _c(dealkit.format_power, GW, "en_US", unit="MW"),
    "format_value": _c(dealkit.format_value, USD, "en_US", style="full"),
    "from_money_quantity": _c(dealkit.from_money_quantity, dealkit.money_quantity(USD)),
    "money_quantity": _c(dealkit.money_quantity, USD),
    "known_currencies": _c(dealkit.known_currencies),
    "quantity_array": _c(dealkit.quantity_array, [GW, Power(1, "MW")], "MW"),
    "sum_amounts": _c(dealkit.sum_amounts, [USD, USD], "USD"),
    # -- the model
    "Party": _c(dealkit.Party, "acme", "Acme", parent="amazon", kind="organisation"),
    "Source": _c(dealkit.Source, "a.txt", "up to 5 GW"),
    "Claim": _c(dealkit.Claim, "c", "amazon", "power", "power", EST, (dealkit.Source("a.txt", "q"),),
                rank=Rank.NORMAL, as_of=None, note=""),
    "Tranche": _c(dealkit.Tranche, "immediate", Estimate.exact(USD), DAY, "on signing"),
    "ComputeCommitment": _c(dealkit.ComputeCommitment, "c", EST, "amazon", "anthropic", ("chip",),
                            Estimate.exact(DAY), "text", (), False),
    "SpendCommitment": _c(dealkit.SpendCommitment, "s", "anthropic", "aws", Estimate.exact(USD),
                          Duration(1, "year"), ("x",)),
    "SpendCommitment.per_year": _c(DEAL.spend[0].per_year),
    "Milestone": _c(dealkit.Milestone, "m", "d", Estimate.exact(DAY), EST, ("chip",), (), False),
    "Deal": _c(dealkit.Deal, "d", "t", DAY, (dealkit.Investor("amazon", "anthropic"),), Estimate.at_most(USD), None,
               (), (), (), "", (), ()),
    "Deal.single": _c(dealkit.Deal.single, "d", "t", DAY, "amazon", "anthropic", tranches=()),
    "Deal.amount_of": _c(DEAL.amount_of, "amazon"),
    "Investor": _c(dealkit.Investor, "amazon", "anthropic", Estimate.at_most(USD), (), "lead", ()),
    "DealRelation": _c(dealkit.DealRelation, "extends", "amazon-anthropic-2023", (), "note"),
    "Conflict": _c(dealkit.Conflict, "c1", ("a", "b"), "value", "they differ", "", None),
    "Derivation": _c(dealkit.Derivation, "nearly", "nearly 5 GW", ()),
    "Claim.value_as": _c(CAT.best("amazon-anthropic-2026", "investment").value_as, CurrencyAmount),  # type: ignore[union-attr]
    "CurrencyAmount.to_quantity": _c(USD.to_quantity, None),
    "Rate.to_quantity": _c(Rate(USD, "MWh").to_quantity, None),
    "validate_deal": _c(dealkit.validate_deal, DEAL),
    "Problem": _c(dealkit.Problem, "reason", "$.a", "value", "f.toml"),
    "DealkitError.located": _c(DealkitError("r", "v").located, "$.a", "f.toml"),
    # -- the catalog
    "Catalog": _c(catalog.Catalog, CAT.parties, CAT.shapes, CAT.all_claims),
    "Catalog.build": _c(catalog.Catalog.build, [("a.toml", CAT.to_file())]),
    "Catalog.deal_ids": _c(CAT.deal_ids),
    "Catalog.deals": _c(CAT.deals),
    "Catalog.deal": _c(CAT.deal, "amazon-anthropic-2026"),
    "Catalog.party": _c(CAT.party, "amazon"),
    "Catalog.claims": _c(CAT.claims, "amazon-anthropic-2026", "tranche.", rank=Rank.PREFERRED),
    "Catalog.claims_about_deal": _c(CAT.claims_about_deal, "amazon-anthropic-2026"),
    "Catalog.best": _c(CAT.best, "anthropic", "revenue.run_rate", as_of=PartialDate.parse("2026-04")),
    "Catalog.merged": _c(CAT.merged, catalog.Catalog((), (), ())),
    "Catalog.to_file": _c(CAT.to_file),
    "Catalog.to_data": _c(CAT.to_data),
    "Catalog.from_data": _c(catalog.Catalog.from_data, {"format": 1}),
    "CatalogFile": _c(CatalogFile, 1, (), (), ()),
    "CatalogFile.to_data": _c(CAT.to_file().to_data),
    "CatalogFile.from_data": _c(CatalogFile.from_data, {"format": 1}),
    "DealShape": _c(DealShape, "d", "t", "amazon", investee="anthropic", summary="s"),
    "DealShape.parts": _c(CAT.shapes[0].parts),
    "DealShape.named_parties": _c(CAT.shapes[0].named_parties),
    "DealShape.slots": _c(CAT.shapes[0].slots),
    "TrancheShape": _c(catalog.TrancheShape, "immediate", "c"),
    "ComputeShape": _c(catalog.ComputeShape, "c", "amazon", "anthropic", (), "", (), False),
    "SpendShape": _c(catalog.SpendShape, "s", "anthropic", "aws", ()),
    "MilestoneShape": _c(catalog.MilestoneShape, "m", "d", (), (), False),
    "InvestorShape": _c(catalog.InvestorShape, "amazon", "anthropic", "lead", (), ()),
    "DealShape.all_tranches": _c(CAT.shapes[0].all_tranches),
    "DealShape.investor_shapes": _c(CAT.shapes[0].investor_shapes),
    "Catalog.conflicts_about": _c(CAT.conflicts_about, ["a26-investment"]),
    "Catalog.group": _c(CAT.group, "aws"),
    "Catalog.group_of": _c(CAT.group_of, "aws"),
    "Catalog.same_group": _c(CAT.same_group, "aws", "amazon"),
    "Assembly": _c(catalog.Assembly, {}, []),
    "assemble": _c(catalog.assemble, CAT.parties, CAT.shapes, CAT.all_claims),
    "best_claims": _c(catalog.best_claims, CAT.all_claims),
    "build_deal": _c(catalog.build_deal, CAT.shapes[0], catalog.best_claims(CAT.all_claims)),
    "builtin_catalog": _c(dealkit.builtin_catalog),
    "builtin_dir": _c(catalog.builtin_dir),
    "builtin_files": _c(catalog.builtin_files),
    "catalog_paths": _c(catalog.catalog_paths, ["article.txt"]),
    "catalog_schema": _c(catalog.catalog_schema),
    "catalog_schema_json": _c(catalog.catalog_schema_json),
    "catalog_to_data": _c(catalog.catalog_to_data, CAT.to_file()),
    "dump_catalog": _c(catalog.dump_catalog, CAT.to_file(), "out.toml", fmt="toml"),
    "load_catalog": _c(dealkit.load_catalog, catalog.builtin_dir(), include_builtin=False),
    "parse_catalog_bytes": _c(catalog.parse_catalog_bytes, b"format = 1\n", name="a.toml", fmt="toml"),
    "read_catalog_file": _c(catalog.read_catalog_file, catalog.builtin_dir() / "00-parties.toml"),
    "read_catalog_files": _c(catalog.read_catalog_files, [catalog.builtin_dir()]),
    "structure_catalog": _c(catalog.structure_catalog, {"format": 1}, file="a.toml"),
    "verify_sources": _c(catalog.verify_sources, CAT.to_file(), ".", file="a.toml"),
    "normalize_quote": _c(catalog.normalize_quote, "up to\n$5\u00a0billion"),
    "get_deal": _c(dealkit.get_deal, "amazon-anthropic-2026"),
    # -- serialization
    "make_converter": _c(dealkit.make_converter),
    "DealkitConverter.structure": _c(dealkit.converter.structure, "5 GW", Power),
    "configure_converter": _c(serialization.configure_converter, dealkit.make_converter()),
    "canonical_text": _c(serialization.canonical_text, "power", GW),
    "parse_canonical": _c(serialization.parse_canonical, "power", "5 GW"),
    "claim_rows": _c(serialization.claim_rows, CAT.all_claims[:2]),
    "deal_rows": _c(serialization.deal_rows, [DEAL]),
    "plain_row": _c(serialization.plain_row, {"a": [1], "b": None}),
    "plain_value": _c(serialization.plain_value, USD),
    "problems_from": _c(serialization.problems_from, DealkitError("r"), "$"),
    "structure": _c(serialization.structure, "5 GW", Power, file="a.json"),
    "unstructure": _c(serialization.unstructure, GW, Power),
    "dumps": _c(serialization.dumps, {"capacity": GW}),
    "loads": _c(serialization.loads, b'"5 GW"', Power),
    "DealkitConverter.dumps": _c(dealkit.converter.dumps, EST, Estimate[Power]),
    "DealkitConverter.loads": _c(dealkit.converter.loads, '"5 GW"', Power),
    # -- analysis
    "as_of": _c(dealkit.as_of, CAT, "amazon-anthropic-2026", "2026-05-01"),
    "AsOfView": _c(analysis.AsOfView, "d", DAY, ()),
    "AsOfView.item": _c(dealkit.as_of(CAT, "amazon-anthropic-2026", DAY).item, "tranche.immediate"),
    "AsOfView.unlocked": _c(dealkit.as_of(CAT, "amazon-anthropic-2026", DAY).unlocked, Certainty.POSSIBLY),
    "AsOfView.online": _c(dealkit.as_of(CAT, "amazon-anthropic-2026", DAY).online, Certainty.POSSIBLY),
    "AsOfView.to_json": _c(dealkit.as_of(CAT, "amazon-anthropic-2026", DAY).to_json),
    "Status": _c(analysis.Status, "i", "committed", Certainty.CERTAINLY, None, None, "d", ()),
    "Status.to_json": _c(dealkit.as_of(CAT, "amazon-anthropic-2026", DAY).items[0].to_json),
    "check_consistency": _c(dealkit.check_consistency, CAT, tolerance=Decimal("0.1")),
    "Finding": _c(analysis.Finding, "claims", "agree", "s", "p", EST, None, (), (), "m"),
    "Finding.to_json": _c(dealkit.check_consistency(CAT)[0].to_json),
    "deal_history": _c(analysis.deal_history, CAT, "amazon", "anthropic"),
    "compare": _c(dealkit.compare, CAT, ["amazon-anthropic-2026"]),
    "comparison_rows": _c(analysis.comparison_rows, ROWS),
    "ComparisonRow": _c(analysis.ComparisonRow, "a-deal", "A deal", DAY, ("a", "b"), None, None, None, None, None,
                        None, None),
    "ComparisonRow.figure": _c(ROWS[0].figure, "capacity"),
    "ComparisonRow.to_json": _c(ROWS[0].to_json),
    "as_of_deals": _c(dealkit.as_of_deals, CAT, "2026-05-01", ["amazon-anthropic-2026"]),
    "plot_comparison": _c(dealkit.plot_comparison, ROWS, "compare.svg"),
    "builtin_parts": _c(catalog.builtin_parts),
    "Catalog.part": _c(CAT.part, "amazon-anthropic-2026"),
    "Claim.sources_of": _c(CLAIM.sources_of, "article"),
    "WebSource": _c(dealkit.WebSource, "https://example.com/a", "Example", "up to $2 billion", DAY),
    "unchecked_sources": _c(catalog.unchecked_sources, CAT, file="a.toml"),
    "Contribution": _c(analysis.Contribution, "a-deal", Estimate.exact(USD)),
    "Cumulative": _c(analysis.Cumulative, (analysis.Contribution("a-deal", Estimate.exact(USD)),), Estimate.exact(USD)),
    "Cumulative.of": _c(analysis.Cumulative.of, (analysis.Contribution("a-deal", Estimate.exact(USD)),), ("b-deal",)),
    "Cumulative.to_json": _c(HISTORY.total.to_json),
    "HistoryEntry": _c(analysis.HistoryEntry, "a-deal", "A deal", DAY, None, (), analysis.Cumulative.of(()), ("c1",)),
    "DealHistory": _c(analysis.DealHistory, "amazon", "anthropic", HISTORY.entries, ()),
    "DealHistory.as_of": _c(HISTORY.as_of, "2026-04-20"),
    "DealHistory.to_json": _c(HISTORY.to_json),
    "deal_metrics": _c(dealkit.deal_metrics, CAT, "amazon-anthropic-2026"),
    "Metric": _c(analysis.Metric, "n", "l", "percent", None, "f", (), (), "the bounds do not fix it"),
    "Metric.to_json": _c(dealkit.deal_metrics(CAT, "amazon-anthropic-2026")[0].to_json),
    "divide": _c(dealkit.divide, Estimate.exact(USD), Estimate.exact(GW)),
    # -- extraction
    "extract": _c(dealkit.extract, "up to $25 billion by 2027", reference=DAY),
    "Figure": _c(extraction.Figure, "power", EST, 0, 4, "5 GW"),
    "Figure.to_json": _c(dealkit.extract("5 GW")[0].to_json),
    "Document": _c(Document, "a.txt", "text", DAY),
    "draft_catalog": _c(extraction.draft_catalog, "up to $25 billion", source="a.txt", deal="d", reference=DAY),
    "extract_rows": _c(lambda docs, **kw: list(extraction.extract_rows(docs, **kw)), [DOC], jobs=1,
                       on_document=lambda d, e: None),
    "figure_rows": _c(extraction.figure_rows, "a.txt", "5 GW", DAY),
    "parse_multiple": _c(extraction.parse_multiple, "3x"),
    "parse_percent": _c(extraction.parse_percent, "84%"),
    "read_documents": _c(lambda paths, **kw: list(extraction.read_documents(paths, **kw)), ["article.txt"],
                         reference=DAY),
    "extract_bag": _c(extraction.extract_bag, ["article.txt"], reference=DAY, partitions=1),
    # -- export and plots
    "claims_frame": _c(dealkit.claims_frame, CAT.all_claims[:2]),
    "deals_frame": _c(dealkit.deals_frame, [DEAL]),
    "claims_table": _c(export.claims_table, CAT.all_claims[:2]),
    "deals_table": _c(export.deals_table, [DEAL]),
    "export_claims": _c(dealkit.export_claims, CAT.all_claims[:2], "out.csv", "csv"),
    "with_pint_units": _c(export.with_pint_units, dealkit.deals_frame([DEAL])),
    "write_csv": _c(export.write_csv, [{"a": 1}], ["a"], io.StringIO()),
    "write_json": _c(export.write_json, [{"a": 1}], io.StringIO()),
    "plot_deal": _c(dealkit.plot_deal, DEAL, "deal.svg", kind="flows", locale="en_US", catalog=CAT),
    "date_span": _c(dealkit.plots.date_span, Estimate.exact(DAY)),
    # -- the command
    "main": _c(main, ["list"]),
}


def _public_callables() -> Iterator[str]:
    """The names of every public function, constructor and method (``Class.method``)."""
    seen: set[int] = set()
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if id(obj) in seen or name in NOT_DEALKITS:
                continue
            seen.add(id(obj))
            if isinstance(obj, type):
                if issubclass(obj, BaseException) and obj is not DealkitError:
                    continue  # errors are raised, not called with data
                if getattr(obj, "_is_protocol", False):
                    continue
                if not issubclass(obj, BaseException) and f"{name}.__init__" not in NOT_DEALKITS:
                    yield name
                for attr, value in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(value, (classmethod, staticmethod)) or inspect.isfunction(value):
                        yield f"{name}.{attr}"
            elif callable(obj) and not (getattr(obj, "__origin__", None) or type(obj).__name__ == "_LiteralGenericAlias"):
                if inspect.isfunction(obj) or inspect.isbuiltin(obj) or hasattr(obj, "__wrapped__"):
                    yield name


def test_every_public_callable_is_called() -> None:
    missing = sorted(set(_public_callables()) - set(CALLS) - set(NOT_DEALKITS))
    assert not missing, f"add a valid call to CALLS for: {missing}"


def _arguments() -> Iterator[Any]:
    for name, (fn, args, kwargs) in sorted(CALLS.items()):
        for i in range(len(args)):
            yield pytest.param(name, i, id=f"{name}[{i}]")
        for key in kwargs:
            yield pytest.param(name, key, id=f"{name}[{key}]")


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    try:
        result = fn(*args, **kwargs)
        if inspect.isgenerator(result):
            list(result)
    except DealkitError as exc:
        str(exc)  # the message can always be written
        assert exc.reason


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_valid_call_succeeds(name: str) -> None:
    fn, args, kwargs = CALLS[name]
    result = fn(*args, **kwargs)
    if inspect.isgenerator(result):
        list(result)


@pytest.mark.parametrize(("name", "where"), list(_arguments()))
def test_every_hostile_argument_is_a_dealkit_error(name: str, where: int | str) -> None:
    fn, args, kwargs = CALLS[name]
    leaks = []
    for label, hostile in HOSTILE:
        if isinstance(where, int):
            call_args, call_kwargs = (*args[:where], hostile, *args[where + 1:]), kwargs
        else:
            call_args, call_kwargs = args, {**kwargs, where: hostile}
        try:
            _call(fn, call_args, call_kwargs)
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            leaks.append(f"{label}: {type(exc).__name__}: {str(exc)[:100]}")
    assert not leaks, "\n".join(leaks)


# -- property tests: arbitrary text and bytes into every parser and loader ----------------------

#: Any text: every code point, lone surrogates and NUL included, short and (sometimes) very long.
ANY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=80),
    st.text(st.characters(exclude_categories=()), min_size=300, max_size=2000),
    st.sampled_from(["", "\x00", "\ud800", "x" * 100_000, "5 GW", "$5B", "2026-Q2", "up to 5 GW"]),
)
ANY_BYTES = st.one_of(st.binary(max_size=400), ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
PROPERTY = settings(max_examples=int(os.environ.get("DEALKIT_FUZZ_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _only_dealkit_errors(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args)``; a DealkitError is fine (its message must be writable), anything else fails."""
    try:
        result = fn(*args, **kwargs)
        if inspect.isgenerator(result):
            result = list(result)
        return result
    except DealkitError as exc:
        assert exc.reason and str(exc)
        assert len(str(exc)) < 2_000, "a message echoes too much of its input"
        return None


TEXT_PARSERS: dict[str, Callable[[str], Any]] = {
    "Power.parse": Power.parse,
    "Energy.parse": Energy.parse,
    "Duration.parse": Duration.parse,
    "CurrencyAmount.parse": CurrencyAmount.parse,
    "Rate.parse": Rate.parse,
    "PartialDate.parse": PartialDate.parse,
    "PartialDate.parse(reference)": lambda t: PartialDate.parse(t, reference=DAY),
    "Estimate.parse(Power)": lambda t: Estimate.parse(t, Power.parse),
    "Estimate.parse(CurrencyAmount)": lambda t: Estimate.parse(t, CurrencyAmount.parse),
    "Estimate.parse(PartialDate)": lambda t: Estimate.parse(t, PartialDate.parse),
    "Estimate.parse(Duration)": lambda t: Estimate.parse(t, Duration.parse),
    "Estimate.parse(int)": lambda t: Estimate.parse(t, int),  # a caller's own reader
    "Estimate.parse(Decimal)": lambda t: Estimate.parse(t, Decimal),
    "parse_multiple": extraction.parse_multiple,
    "parse_percent": extraction.parse_percent,
    "extract": dealkit.extract,
    "draft_catalog": lambda t: extraction.draft_catalog(t, source="a.txt", deal="d"),
    "parse_canonical(kind)": lambda t: serialization.parse_canonical(t, "5 GW"),  # type: ignore[arg-type]
    "structure(Power)": lambda t: serialization.structure(t, Power),
    "structure(Estimate)": lambda t: serialization.structure({"qualifier": "exact", "value": t, "kind": "power"}, Estimate),
    "Rank": Rank,
    "Qualifier": Qualifier,
    "format_money(locale)": lambda t: dealkit.format_money(USD, t),
    "Catalog.deal": CAT.deal,
    **{f"parse_canonical({kind})": (lambda k: lambda t: serialization.parse_canonical(k, t))(kind)
       for kind in [*dealkit.FIGURE_KINDS, "number"]},
}


@pytest.mark.parametrize("name", sorted(TEXT_PARSERS))
@PROPERTY
@given(text=ANY_TEXT)
def test_every_parser_takes_any_text(name: str, text: str) -> None:
    _only_dealkit_errors(TEXT_PARSERS[name], text)


@pytest.mark.parametrize("fmt", ["toml", "json"])
@PROPERTY
@given(raw=ANY_BYTES)
def test_catalog_bytes(fmt: str, raw: bytes) -> None:
    data = _only_dealkit_errors(catalog.parse_catalog_bytes, raw, name=f"a.{fmt}", fmt=fmt)
    if data is not None:
        _only_dealkit_errors(catalog.structure_catalog, data, file=f"a.{fmt}")


@pytest.mark.parametrize("cls", [Power, Estimate[Power], dealkit.Claim, dealkit.Deal, CatalogFile, dealkit.Catalog])
@PROPERTY
@given(raw=ANY_BYTES)
def test_json_loads_of_any_bytes_and_text(cls: Any, raw: bytes) -> None:
    _only_dealkit_errors(serialization.loads, raw, cls)
    _only_dealkit_errors(dealkit.converter.loads, raw.decode("utf-8", "surrogateescape"), cls)


@pytest.mark.parametrize("suffix", [".toml", ".json", ".jsonl", ".txt"])
@PROPERTY
@given(raw=ANY_BYTES)
def test_files_of_any_bytes(tmp_path: Path, suffix: str, raw: bytes) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(raw)
    if suffix in (".toml", ".json"):
        _only_dealkit_errors(catalog.read_catalog_file, path)
        _only_dealkit_errors(dealkit.load_catalog, path)
    else:
        _only_dealkit_errors(extraction.read_documents, [path])


#: Every public function that takes a path, as ``fn(path)``.
PATH_TAKERS: dict[str, Callable[[Any], Any]] = {
    "load_catalog": dealkit.load_catalog,
    "load_catalog(no builtin)": lambda p: dealkit.load_catalog(p, include_builtin=False),
    "read_catalog_file": catalog.read_catalog_file,
    "read_catalog_files": lambda p: catalog.read_catalog_files([p]),
    "catalog_paths": lambda p: catalog.catalog_paths([p]),
    "dump_catalog": lambda p: catalog.dump_catalog(CatalogFile(), p),
    "dump_catalog(json)": lambda p: catalog.dump_catalog(CatalogFile(), p, fmt="json"),
    "export_claims": lambda p: dealkit.export_claims(CAT.all_claims[:1], p),
    "plot_deal": lambda p: dealkit.plot_deal(DEAL, p),
    "read_documents": lambda p: list(extraction.read_documents([p])),
    "verify_sources": lambda p: catalog.verify_sources(CAT, p),
    "plot_comparison": lambda p: dealkit.plot_comparison(ROWS, p),
}


@pytest.mark.parametrize("name", sorted(PATH_TAKERS))
@PROPERTY
@given(text=ANY_TEXT)
def test_every_path_taker_takes_any_text(name: str, text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _only_dealkit_errors(PATH_TAKERS[name], text)


@pytest.mark.parametrize("name", sorted(PATH_TAKERS))
@pytest.mark.parametrize("path", ["a\x00b.toml", "\ud800.toml", "x" * 100_000, "d/" * 3000 + "a.toml", "", "/"])
def test_hostile_paths_are_path_errors(name: str, path: str) -> None:
    try:
        PATH_TAKERS[name](path)
    except dealkit.PathError as exc:
        assert len(str(exc)) < 300  # the path is cut short
    except DealkitError:
        assert path in ("", "/")  # an empty path or a directory may fail as data (a directory of no file)


class TestTheIssueCases:
    """The cases the issue names, each one DealkitError with a short message."""

    def test_an_approximate_date(self) -> None:
        with pytest.raises(dealkit.InvalidValueError, match="PartialDate cannot be approximate"):
            Estimate.parse("about 2026-Q2", PartialDate.parse)

    def test_an_unknown_kind(self) -> None:
        with pytest.raises(dealkit.InvalidValueError, match="'kind' must be one of"):
            serialization.parse_canonical("bogus", "5")  # type: ignore[arg-type]

    @pytest.mark.parametrize("path", ["a\x00b", "\ud800", "x" * 100_000])
    @pytest.mark.parametrize("fn", [dealkit.load_catalog, catalog.read_catalog_file,
                                    lambda p: dealkit.dump_catalog(CAT, p)])
    def test_hostile_paths(self, fn: Callable[[str], Any], path: str) -> None:
        with pytest.raises(dealkit.PathError) as info:
            fn(path)
        assert isinstance(info.value, OSError)  # `except OSError` still catches it
        assert len(str(info.value)) < 300


class TestTheCommand:
    @pytest.mark.parametrize("args", [
        ["validate", "x" * 100_000], ["validate", "a\x00b"], ["validate", "\ud800"],
        ["list", "--catalog", "x" * 100_000], ["show", "d", "--catalog", "a\x00b"],
        ["export", "-o", "x" * 5000], ["schema", "-o", "x" * 5000], ["schema", "-o", "/no/such/dir/s.json"],
        ["extract", "y" * 5000], ["ingest", "z" * 5000, "--source", "a.txt"],
    ])
    def test_path_problems_exit_2_with_a_short_line(self, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and len(err) < 300, err[:400]
        assert "Traceback" not in err

    @pytest.mark.parametrize("argv", [["--bogus"], ["show"], ["no-such-command"], "validate", [5], b"x"])
    def test_usage_problems_exit_2(self, capsys: pytest.CaptureFixture[str], argv: Any) -> None:
        assert main(argv) == 2
        assert "Traceback" not in capsys.readouterr().err

    def test_help_exits_0(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["--help"]) == 0
        assert "usage" in capsys.readouterr().out


@PROPERTY
@given(arg=ANY_TEXT)
def test_the_command_takes_any_argument(arg: str) -> None:
    for argv in (["validate", arg], ["show", arg], ["asof", "amazon-anthropic-2026", arg], ["claims", arg]):
        status = main(argv)
        assert status in (0, 1, 2)
