"""DealkitConverter.dumps / loads: the same bytes with orjson (the ``fast`` extra) and the stdlib."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dealkit
from dealkit import (
    CatalogError,
    ComputeCommitment,
    CurrencyAmount,
    Deal,
    DealkitError,
    DealRelation,
    Duration,
    Estimate,
    InvalidValueError,
    Investor,
    Milestone,
    PartialDate,
    Power,
    Source,
    SpendCommitment,
    Tranche,
    builtin_catalog,
)
from dealkit.catalog import CatalogFile
from dealkit.serialization import DealkitConverter, make_converter

orjson = pytest.importorskip("orjson", reason="the fast extra (orjson) is part of the test extra")

FAST = make_converter(json_backend="orjson")
STDLIB = make_converter(json_backend="stdlib")

#: Free text that JSON must escape, or must not: quotes, backslash, newline, tab, DEL,
#: the line separators JavaScript dislikes, non-ASCII and astral characters, markup.
HOSTILE = 'He said "up to $25B" \\ back\nslash\tTab \x7f \u2028\u2029 Zürich 東京 😀 <script>&amp;</script>'


#: Control characters free text refuses (all below 32 but tab and newline).
_REFUSED = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n")


def _deal(title: str = "Amazon invests in Anthropic", summary: str = "", chips: tuple[str, ...] = ()) -> Deal:
    usd = CurrencyAmount.parse
    quote = Source("002_71c77df9dbb0c619.txt", " ".join(summary.split()[:12]) or "up to $25 billion")
    return Deal(
        id="amazon-anthropic-2026",
        title=title,
        announced=PartialDate.parse("2026-04-20"),
        investors=(
            Investor(
                "amazon", "anthropic", Estimate.at_most(usd("$25B")),
                (
                    Tranche("immediate", Estimate.exact(usd("$5B")), None, "committed"),
                    Tranche("milestone_linked", Estimate.between(usd("$10B"), usd("$20B")),
                            PartialDate.parse("2027-Q2")),
                ),
                role="lead",
                sources=(quote,),
            ),
        ),
        valuation=Estimate.approximately(usd("$380B")),
        compute=(
            ComputeCommitment(
                "capacity", Estimate.at_most(Power(5, "GW")), "amazon", "anthropic", chips=chips,
                by=Estimate.at_most(PartialDate.parse("2030")), description=summary,
            ),
        ),
        spend=(
            SpendCommitment(
                "aws", "anthropic", "amazon", Estimate.at_least(usd("$100B")), Duration(10, "year"), covers=chips
            ),
        ),
        milestones=(
            Milestone("online", summary or "online", Estimate.exact(PartialDate.parse("2026-Q2")),
                      Estimate.approximately(Power(Decimal("1.5"), "GW")), chips),
        ),
        summary=summary,
        relations=(DealRelation("extends", "amazon-anthropic-2023", note=summary),),
    )


def _reference(conv: DealkitConverter, value: object, as_type: object = None) -> bytes:
    """What dumps must write: the converter's plain data, encoded by hand with the stdlib."""
    data = conv.unstructure(value) if as_type is None else conv.unstructure(value, as_type)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class TestSameBytes:
    def test_backends_are_what_they_say(self) -> None:
        assert FAST.json_backend == "orjson"
        assert STDLIB.json_backend == "stdlib"
        assert dealkit.converter.json_backend == "orjson"  # "auto" with orjson installed

    def test_a_deal_with_hostile_text(self) -> None:
        deal = _deal(HOSTILE, HOSTILE, (HOSTILE, "H100"))
        out = FAST.dumps(deal)
        assert out == STDLIB.dumps(deal) == _reference(FAST, deal)
        # Escaped as JSON requires, and nothing more: text stays UTF-8, '/' and DEL as they are.
        assert b'He said \\"up to $25B\\" \\\\ back\\nslash\\tTab \x7f' in out
        assert "Zürich 東京 😀 <script>&amp;</script>".encode() in out
        assert b" " not in out.replace(HOSTILE.encode("utf-8").replace(b"\n", b"\\n"), b"").split(b'"title"')[0]

    def test_the_builtin_catalog(self) -> None:
        catalog = builtin_catalog()
        for value, as_type in [
            (list(catalog.deals()), list[Deal]),
            (catalog.deals(), tuple[Deal, ...]),
            (catalog.all_claims, None),
            (catalog, None),
            (catalog.parties[0], None),
        ]:
            out = FAST.dumps(value, as_type)
            assert out == STDLIB.dumps(value, as_type) == _reference(FAST, value, as_type)

    def test_a_typed_and_a_bare_estimate(self) -> None:
        e = Estimate.at_most(Power(5, "GW"))
        assert FAST.dumps(e, Estimate[Power]) == STDLIB.dumps(e, Estimate[Power]) == b'{"qualifier":"at_most","value":"5 GW"}'
        assert FAST.dumps(e) == STDLIB.dumps(e) == b'{"kind":"power","qualifier":"at_most","value":"5 GW"}'

    def test_values_at_the_top(self) -> None:
        for value, text in [
            (CurrencyAmount("25000000000", "USD"), b'"25000000000 USD"'),
            (Decimal("1.50"), b'"1.5"'),
            (PartialDate.parse("FY2027"), b'"FY2027"'),
            ([Duration(1, "year"), None, "x"], b'["1 year",null,"x"]'),
        ]:
            assert FAST.dumps(value) == STDLIB.dumps(value) == text

    @settings(max_examples=60, deadline=None)
    @given(
        st.text(st.characters(codec="utf-8", exclude_characters=_REFUSED), max_size=40),
        st.lists(st.text(max_size=8).filter(lambda t: t.isprintable()), max_size=3),
    )
    def test_any_free_text(self, text: str, chips: list[str]) -> None:
        deal = _deal(text, text, tuple(chips))
        out = FAST.dumps([deal])
        assert out == STDLIB.dumps([deal]) == _reference(FAST, [deal])
        assert FAST.loads(out, list[Deal]) == STDLIB.loads(out, list[Deal]) == [deal]

    def test_as_another_type_goes_through_unstructure(self) -> None:
        # A list of deals written as tuple[Deal, ...] and a deal among other values: the same as unstructure.
        deal = _deal()
        assert FAST.dumps([deal, deal], tuple[Deal, ...]) == STDLIB.dumps([deal, deal], tuple[Deal, ...])
        assert FAST.dumps({"deal": deal, "n": 1}) == STDLIB.dumps({"deal": deal, "n": 1}) == _reference(FAST, {"deal": deal, "n": 1})


class TestLoads:
    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    def test_round_trip_of_bytes_and_text(self, conv: DealkitConverter) -> None:
        deals = list(builtin_catalog().deals())
        out = conv.dumps(deals)
        assert conv.loads(out, list[Deal]) == deals
        assert conv.loads(out.decode("utf-8"), list[Deal]) == deals
        assert conv.loads(memoryview(out), list[Deal]) == deals
        catalog = conv.loads(conv.dumps(builtin_catalog()), CatalogFile)
        assert len(catalog.claims) == len(builtin_catalog().all_claims)

    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    def test_bad_data_is_one_catalog_error_with_paths(self, conv: DealkitConverter) -> None:
        data = json.loads(conv.dumps([_deal()]))
        data[0]["title"] = 5
        data[0]["investors"][0]["tranches"][1]["amount"]["value"] = "10 EUROS"
        with pytest.raises(CatalogError) as info:
            conv.loads(json.dumps(data), list[Deal])
        paths = {p.path for p in info.value.problems}
        assert paths == {"$[0].title", "$[0].investors[0].tranches[1].amount"}

    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    @pytest.mark.parametrize("text", [b"", b"[1,", b'{"a": NaN}', b"[Infinity]", b"\xff\xfe", b"nul"])
    def test_bad_json_is_refused_by_both(self, conv: DealkitConverter, text: bytes) -> None:
        with pytest.raises(CatalogError) as info:
            conv.loads(text, list[Deal])
        assert info.value.problems[0].path == "$"
        assert info.value.problems[0].reason.startswith("not valid JSON")

    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    def test_deep_nesting_is_a_catalog_error(self, conv: DealkitConverter) -> None:
        with pytest.raises(CatalogError):
            conv.loads(b"[" * 100_000 + b"]" * 100_000, list[Deal])

    def test_not_text(self) -> None:
        with pytest.raises(CatalogError, match="JSON must be text or bytes, not int"):
            STDLIB.loads(5, Deal)  # type: ignore[arg-type]


class TestErrors:
    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    def test_what_is_not_json_data(self, conv: DealkitConverter) -> None:
        with pytest.raises(InvalidValueError, match="object is not JSON data"):
            conv.dumps(object())
        with pytest.raises(InvalidValueError, match="cannot be written as JSON"):
            conv.dumps({"x": float("nan")} if conv is STDLIB else {1: "x"})

    def test_unknown_backend(self) -> None:
        with pytest.raises(InvalidValueError, match="json_backend must be"):
            make_converter(json_backend="ujson")  # type: ignore[arg-type]

    def test_orjson_asked_for_but_not_installed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "orjson", None)
        with pytest.raises(DealkitError, match=r"install the 'fast' extra: pip install 'dealkit\[fast\]'"):
            make_converter(json_backend="orjson").dumps(1)
        auto = make_converter()
        assert auto.json_backend == "stdlib"
        assert auto.dumps([_deal()]) == FAST.dumps([_deal()])


class TestCollector:
    @pytest.mark.parametrize("conv", [FAST, STDLIB], ids=["orjson", "stdlib"])
    def test_loads_pauses_the_collector_and_restores_it(self, conv: DealkitConverter, monkeypatch: pytest.MonkeyPatch) -> None:
        import gc

        seen: list[bool] = []
        structure = conv.structure

        def spy(obj: object, cl: type) -> object:
            seen.append(gc.isenabled())
            return structure(obj, cl)

        monkeypatch.setattr(conv, "structure", spy)
        assert gc.isenabled()
        conv.loads(b'["5 GW"]', list[Power])
        assert seen == [False] and gc.isenabled()
        with pytest.raises(CatalogError):
            conv.loads(b'["5 XW"]', list[Power])
        assert gc.isenabled()
        gc.disable()
        try:  # a caller's own choice is left alone
            conv.loads(b'["5 GW"]', list[Power])
            assert not gc.isenabled()
        finally:
            gc.enable()
