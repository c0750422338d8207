"""``Claim``, ``Source`` and ``Rank``: sourced figures and their validation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from dealkit import (
    Claim,
    CurrencyAmount,
    DealkitError,
    DimensionError,
    Duration,
    Energy,
    Estimate,
    InvalidValueError,
    PartialDate,
    Power,
    Qualifier,
    Rank,
    Rate,
    Source,
)
from dealkit.serialization import CLAIM_COLUMNS, claim_rows, plain_row

A002 = "002_71c77df9dbb0c619.txt"
USD_25B = CurrencyAmount(Decimal(25 * 10**9), "USD")


def _claim(**changes: Any) -> Claim:
    fields: dict[str, Any] = {
        "id": "a26-investment",
        "subject": "amazon-anthropic-2026",
        "property": "investment",
        "kind": "money",
        "value": Estimate.at_most(USD_25B),
        "sources": (Source(A002, "invest up to $25 billion"),),
        "rank": Rank.PREFERRED,
    }
    fields.update(changes)
    return Claim(**fields)


class TestRank:
    def test_order_best_first(self) -> None:
        assert sorted(Rank, key=lambda r: r.order) == [Rank.PREFERRED, Rank.NORMAL, Rank.DEPRECATED]
        assert [r.order for r in (Rank.PREFERRED, Rank.NORMAL, Rank.DEPRECATED)] == [0, 1, 2]

    def test_values(self) -> None:
        assert {r.value for r in Rank} == {"preferred", "normal", "deprecated"}


class TestSource:
    def test_fields(self) -> None:
        s = Source(A002, "up to $25 billion")
        assert (s.file, s.quote) == (A002, "up to $25 billion")

    def test_frozen(self) -> None:
        s = Source(A002, "up to $25 billion")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            s.quote = "other"  # type: ignore[misc]

    @pytest.mark.parametrize("file", ["", "../etc/passwd", "seeds/002.txt", "a b.txt", "-x.txt", 5, None])
    def test_file_is_a_plain_file_name(self, file: object) -> None:
        with pytest.raises(InvalidValueError) as exc:
            Source(file, "up to $25 billion")  # type: ignore[arg-type]
        assert exc.value.path == "$.file"

    def test_twelve_words_at_most(self) -> None:
        Source(A002, " ".join(["word"] * 12))
        with pytest.raises(InvalidValueError, match="at most 12") as exc:
            Source(A002, " ".join(["word"] * 13))
        assert exc.value.path == "$.quote"

    @pytest.mark.parametrize("quote", ["", "   "])
    def test_quote_not_empty(self, quote: str) -> None:
        with pytest.raises(DealkitError):
            Source(A002, quote)

    def test_quote_is_text(self) -> None:
        with pytest.raises(DealkitError):
            Source(A002, 25)  # type: ignore[arg-type]


class TestClaimValidation:
    def test_valid(self) -> None:
        c = _claim()
        assert c.qualifier is Qualifier.AT_MOST
        assert c.files == (A002,)
        assert c.note == "" and c.as_of is None

    def test_rank_defaults_to_normal(self) -> None:
        fields = attrs.asdict(_claim(), recurse=False)
        del fields["rank"]
        assert Claim(**fields).rank is Rank.NORMAL

    @pytest.mark.parametrize(
        ("kind", "value"),
        [
            ("power", Estimate.at_most(USD_25B)),
            ("money", Estimate.exact(Power(5, "GW"))),
            ("energy", Estimate.exact(Power(5, "GW"))),
            ("date", Estimate.exact(Decimal(3))),
            ("multiple", Estimate.exact(PartialDate.parse("2026"))),
            ("duration", Estimate.exact(Energy(1, "TWh"))),
        ],
    )
    def test_value_must_fit_the_kind(self, kind: str, value: Estimate[Any]) -> None:
        with pytest.raises(InvalidValueError) as exc:
            _claim(kind=kind, value=value)
        assert exc.value.path == "$.value"

    def test_unknown_kind(self) -> None:
        with pytest.raises(InvalidValueError, match="must be one of") as exc:
            _claim(kind="gold")
        assert exc.value.path == "$.kind"

    def test_needs_a_source(self) -> None:
        with pytest.raises(InvalidValueError, match="at least one source") as exc:
            _claim(sources=())
        assert exc.value.path == "$.sources"

    def test_sources_are_a_tuple_of_sources(self) -> None:
        with pytest.raises(DealkitError):
            _claim(sources=[Source(A002, "up to $25 billion")])
        with pytest.raises(DealkitError):
            _claim(sources=("002.txt",))

    def test_deprecated_needs_a_note(self) -> None:
        with pytest.raises(InvalidValueError, match="note") as exc:
            _claim(rank=Rank.DEPRECATED)
        assert exc.value.path == "$.note"
        with pytest.raises(InvalidValueError):
            _claim(rank=Rank.DEPRECATED, note="   ")
        assert _claim(rank=Rank.DEPRECATED, note="001 disagrees").rank is Rank.DEPRECATED

    @pytest.mark.parametrize("prop", ["investment", "tranche.immediate.amount", "compute.new-capacity.by",
                                      "revenue.run_rate"])
    def test_good_properties(self, prop: str) -> None:
        assert _claim(property=prop).property == prop

    @pytest.mark.parametrize("prop", ["", "Investment", "tranche..amount", ".investment", "a.b.c.d.e",
                                      "invest ment", "investment.", 5])
    def test_bad_properties(self, prop: object) -> None:
        with pytest.raises(InvalidValueError) as exc:
            _claim(property=prop)
        assert exc.value.path == "$.property"

    def test_rank_must_be_a_rank(self) -> None:
        with pytest.raises(DealkitError):
            _claim(rank="preferred")

    def test_as_of_must_be_a_date(self) -> None:
        with pytest.raises(DealkitError):
            _claim(as_of="2026-04")

    def test_every_failure_is_a_dealkit_error(self) -> None:
        # Whatever is wrong, callers catch one root.
        for changes in ({"id": ""}, {"subject": 5}, {"note": 5}, {"value": 25}):
            with pytest.raises(DealkitError):
                _claim(**changes)


class TestValueText:
    @pytest.mark.parametrize(
        ("kind", "value", "text"),
        [
            ("money", Estimate.at_most(USD_25B), "25000000000 USD"),
            ("money", Estimate.exact(CurrencyAmount(Decimal("1.25") * 10**9, "USD")), "1250000000 USD"),
            ("power", Estimate.at_most(Power(5, "GW")), "5 GW"),
            ("power", Estimate.between(Power(30, "MW"), Power(50, "MW")), "30 MW .. 50 MW"),
            ("energy", Estimate.exact(Energy(Decimal("43.8"), "TWh")), "43.8 TWh"),
            ("duration", Estimate.exact(Duration(10, "year")), "10 years"),
            ("duration", Estimate.exact(Duration(1, "quarter")), "1 quarter"),
            ("multiple", Estimate.exact(Decimal(3)), "3x"),
            ("percent", Estimate.exact(Decimal(84)), "84%"),
            ("count", Estimate.at_least(Decimal(24)), "24"),
            ("date", Estimate.exact(PartialDate.of_day(2026, 4, 20)), "2026-04-20"),
            ("date", Estimate.exact(PartialDate.of_month(2026, 2)), "2026-02"),
            ("date", Estimate.exact(PartialDate.of_quarter(2026, 2)), "2026-Q2"),
            ("date", Estimate.exact(PartialDate.of_half(2025, 2)), "2025-H2"),
            ("date", Estimate.at_most(PartialDate.of_year(2030)), "2030"),
        ],
    )
    def test_canonical_text(self, kind: str, value: Estimate[Any], text: str) -> None:
        assert _claim(kind=kind, value=value).value_text == text


class TestClaimRow:
    """The one row of a claim (``dealkit.serialization.claim_rows``), as JSON and CSV write it."""

    def _row(self, claim: Claim) -> dict[str, object]:
        return plain_row(claim_rows([claim])[0])

    def test_fields(self) -> None:
        c = _claim(
            sources=(Source(A002, "invest up to $25 billion"), Source("000_6b64170c99e716e7.txt", "up to $25 billion")),
            as_of=PartialDate.of_month(2026, 4),
            note="headline",
        )
        row = self._row(c)
        assert list(row) == list(CLAIM_COLUMNS)
        assert {k: row[k] for k in list(CLAIM_COLUMNS)[:10]} == {
            "id": "a26-investment",
            "subject": "amazon-anthropic-2026",
            "property": "investment",
            "kind": "money",
            "value": "25000000000 USD",
            "qualifier": "at_most",
            "low": None,
            "high": "25000000000 USD",
            "rank": "preferred",
            "as_of": "2026-04",
        }
        # Every source and every quote, in order.
        assert row["sources"] == [A002, "000_6b64170c99e716e7.txt"]
        assert row["quotes"] == ["invest up to $25 billion", "up to $25 billion"]
        assert (row["note"], row["currency"], row["amount_high"], row["amount_low"]) == (
            "headline", "USD", "25000000000", None)

    def test_range(self) -> None:
        c = _claim(kind="power", value=Estimate.between(Power(30, "MW"), Power(50, "MW")))
        j = self._row(c)
        assert (j["value"], j["qualifier"], j["low"], j["high"]) == ("30 MW .. 50 MW", "range", "30 MW", "50 MW")
        assert (j["power_gw_low"], j["power_gw"], j["power_gw_high"]) == ("0.03", None, "0.05")

    def test_nearly(self) -> None:
        c = _claim(kind="power", value=Estimate.nearly(Power(1, "GW")))
        j = self._row(c)
        assert (j["value"], j["qualifier"], j["low"], j["high"]) == ("1 GW", "approximately", "0.9 GW", "1 GW")

    def test_a_rate_range_in_the_unit_of_its_first_bound(self) -> None:
        c = _claim(kind="rate", value=Estimate.between(Rate.parse("45 USD/MWh"), Rate.parse("0.06 USD/kWh")))
        j = self._row(c)
        # 0.06 USD/kWh is 60 USD/MWh.
        assert (j["currency"], j["per"], j["amount_low"], j["amount"], j["amount_high"]) == ("USD", "MWh", "45", None, "60")

    def test_at_least(self) -> None:
        c = _claim(value=Estimate.at_least(CurrencyAmount(Decimal(10**11), "USD")))
        j = self._row(c)
        assert (j["value"], j["qualifier"], j["low"], j["high"]) == (
            "100000000000 USD", "at_least", "100000000000 USD", None)



class TestValueAs:
    def test_the_kind_it_holds(self) -> None:
        claim = _claim()
        money = claim.value_as(CurrencyAmount)
        assert money is claim.value
        assert money.high == USD_25B

    @pytest.mark.parametrize("kind", [Power, Decimal, PartialDate])
    def test_another_kind_is_a_dimension_error(self, kind: type) -> None:
        with pytest.raises(DimensionError, match=f"holds CurrencyAmount values, not {kind.__name__}"):
            _claim().value_as(kind)
