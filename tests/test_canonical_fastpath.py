"""The loaders' short cuts for canonical text: the same values, and the same errors, as the checked path.

Canonical money, measures and dates are read without repeating checks that
the text already passed; each case here is held to what the full constructor
(``CurrencyAmount(parse_decimal(n), code)``, ``Power.parse``, ``PartialDate.parse``)
gives for the same text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealkit
from dealkit import CurrencyAmount, Duration, Energy, Estimate, PartialDate, Power
from dealkit._values import canonical as _figures
from dealkit._errors import DealkitError
from dealkit._values.canonical import parse_canonical
from dealkit._values.numbers import parse_decimal
from dealkit.serialization._converter import problems_from


def _outcome(fn: Any, *args: object) -> tuple[str, object]:
    try:
        value = fn(*args)
    except DealkitError as exc:
        return ("error", (type(exc).__name__, str(exc)))
    return ("ok", (value, repr(value)))


def _as_canonical(fn: Any, text: str) -> tuple[str, object]:
    """What the strict loader must give: the checked reading of ``text`` when ``text`` is that
    value's own canonical text, else an error (whatever its words)."""
    outcome = _outcome(fn, text)
    if outcome[0] == "ok" and str(outcome[1][0]) == text:  # type: ignore[index]
        return outcome
    return ("error", None)


def _status(outcome: tuple[str, object]) -> tuple[str, object]:
    return outcome if outcome[0] == "ok" else ("error", None)


def _checked_money(text: str) -> CurrencyAmount:
    # The full constructor, every check on: the definition the loader must match.
    number, code = text.split(" ")
    return CurrencyAmount(parse_decimal(number), code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("999999999999999999999 USD", Decimal("999999999999999999999")),  # 21 digits: below 10^21
        ("-12345678901234567890 EUR", Decimal("-12345678901234567890")),  # 21 characters with the sign
        ("1234567890123456789.5 USD", Decimal("1234567890123456789.5")),
        ("0.000000000000000001 USD", Decimal("1E-18")),
    ],
)
def test_short_canonical_money_is_read_exactly(text: str, expected: Decimal) -> None:
    parse_canonical("money", "1 USD")  # USD and EUR known from here on
    parse_canonical("money", "1 EUR")
    amount = parse_canonical("money", text)
    assert type(amount) is CurrencyAmount
    assert amount.amount == expected
    assert amount.currency == text[-3:]


def test_money_at_the_size_bound_is_refused_as_before() -> None:
    parse_canonical("money", "1 USD")
    with pytest.raises(DealkitError, match="absurdly large"):
        parse_canonical("money", "1000000000000000000000 USD")  # 10^21, 22 characters


def test_an_unknown_currency_is_refused_even_after_known_ones() -> None:
    parse_canonical("money", "5 USD")
    with pytest.raises(DealkitError, match="not an ISO 4217 currency code"):
        parse_canonical("money", "5 XYZ")
    with pytest.raises(DealkitError, match="not an ISO 4217 currency code"):
        parse_canonical("money", "5 XYZ")


@given(st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{1,12})?", fullmatch=True), st.sampled_from(["USD", "EUR", "XYZ", "JPY"]))
def test_canonical_money_matches_the_checked_constructor(number: str, code: str) -> None:
    text = f"{number} {code}"
    assert _status(_outcome(parse_canonical, "money", text)) == _as_canonical(_checked_money, text)


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("power", "5 GW", Power(5, "GW")),
        ("power", "1000 TW", Power(1000, "TW")),  # exactly the 1,000 TW ceiling
        ("power", "0.5 kW", Power(500, "W")),
        ("energy", "43.8 TWh", Energy(Decimal("43.8"), "TWh")),
        ("duration", "10 years", Duration(10, "year")),
        ("duration", "3 months", Duration(1, "quarter")),
        ("duration", "1 quarter", Duration(3, "month")),
    ],
)
def test_canonical_measures_are_read_as_their_constructor_reads_them(kind: Any, text: str, expected: object) -> None:
    value = parse_canonical(kind, text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1001 TW", "implausibly large"),
        ("5 GWh", "is a unit of energy"),
        ("5 gw", "unknown power unit"),
        ("12345678901234567890123 W", "implausibly large"),
        ("12345678901234567890123456789 W", "more than 28 significant digits"),
    ],
)
def test_bad_canonical_power_is_refused_as_before(text: str, reason: str) -> None:
    with pytest.raises(DealkitError, match=reason):
        parse_canonical("power", text)


@given(
    st.from_regex(r"[0-9]{1,26}(\.[0-9]{1,8})?", fullmatch=True),
    st.sampled_from(["W", "kW", "MW", "GW", "TW", "watts", "Watt", "Wh", "days"]),
)
def test_canonical_power_matches_power_parse(number: str, unit: str) -> None:
    text = f"{number} {unit}"
    assert _status(_outcome(parse_canonical, "power", text)) == _as_canonical(Power.parse, text)


@given(st.from_regex(r"[0-9]{1,5}(\.[0-9]{1,3})?", fullmatch=True), st.sampled_from(["day", "months", "quarter", "years", "y"]))
def test_canonical_duration_matches_duration_parse(number: str, unit: str) -> None:
    text = f"{number} {unit}"
    assert _status(_outcome(parse_canonical, "duration", text)) == _as_canonical(Duration.parse, text)


@pytest.mark.parametrize(
    ("kind", "text", "written"),
    [
        ("money", "0001250000000 USD", "1250000000 USD"),
        ("money", "-0 USD", "0 USD"),
        ("money", "5.00 USD", "5 USD"),
        ("money", "$5B", "5000000000 USD"),
        ("power", "05 GW", "5 GW"),
        ("power", "5 gigawatts", "5 GW"),
        ("power", "5 Gigawatts", "5 GW"),
        ("power", "5GW", "5 GW"),
        ("energy", "43.80 TWh", "43.8 TWh"),
        ("duration", "10 yrs", "10 years"),
        ("duration", "1 quarters", "1 quarter"),
        ("duration", "2 month", "2 months"),
        ("duration", "1 years", "1 year"),
        ("rate", "45 USD per MWh", "45 USD/MWh"),
        ("rate", "45 USD/megawatt-hour", None),
        ("multiple", "3", "3x"),
        ("percent", "84", "84%"),
        ("count", "24.00", "24"),
        ("count", "024", "24"),
        ("date", "Q2 2026", "2026-Q2"),
        ("number", "-0", "0"),
        ("number", "1.50", "1.5"),
    ],
)
def test_other_spellings_are_refused_naming_the_canonical_text(kind: Any, text: str, written: str | None) -> None:
    # One grammar: a file holds exactly the text dealkit writes; the message says what to write.
    with pytest.raises(DealkitError) as info:
        parse_canonical(kind, text)
    assert "must be canonical" in info.value.reason
    if written is not None:
        assert info.value.reason.endswith(f"write {written!r}")
        assert str(parse_canonical(kind, written)) == written or kind in ("multiple", "percent", "count", "number")


def test_dates_are_kept_only_when_valid_and_only_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_figures, "_DATES", {})
    monkeypatch.setattr(_figures, "_MAX_DATES", 2)
    for _ in range(2):  # refused every time, never remembered
        with pytest.raises(DealkitError, match="month must be 1..12"):
            parse_canonical("date", "2026-13")
    assert _figures._DATES == {}
    assert parse_canonical("date", "2026-Q2") == PartialDate.of_quarter(2026, 2)
    assert parse_canonical("date", "2026-Q2") == PartialDate.of_quarter(2026, 2)
    assert parse_canonical("date", "2026-04-20") == PartialDate.of_day(2026, 4, 20)
    assert parse_canonical("date", "2025") == PartialDate.of_year(2025)
    assert len(_figures._DATES) == 2
    assert str(parse_canonical("date", "2025")) == "2025"


def _problems(data: object, cls: Any) -> list[str]:
    try:
        dealkit.converter.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - inspected below
        return [str(p) for p in problems_from(exc)]
    raise AssertionError("no error")


def test_one_value_estimates_load_as_their_constructors_build_them() -> None:
    conv = dealkit.converter
    assert conv.structure({"qualifier": "at_most", "value": "5 GW"}, Estimate[Power]) == Estimate.at_most(Power(5, "GW"))
    assert conv.structure({"value": "5 USD", "qualifier": "exact"}, Estimate[CurrencyAmount]) == Estimate.exact(
        CurrencyAmount(5, "USD")
    )
    assert conv.structure({"qualifier": "at_least", "value": "2026-Q2"}, Estimate[PartialDate]) == Estimate.at_least(
        PartialDate.of_quarter(2026, 2)
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"qualifier": ["exact"], "value": "5 GW"}, "must be one of 'exact'"),
        ({"qualifier": "exact", "value": 5}, "'value' must be text, not a number"),
        ({"qualifier": "exact", "value": "5 GW", "low": "4 GW"}, "only an approximate figure takes"),
        ({"qualifier": "exact", "value": "5 GW", "typo": 1}, "unknown keys ['typo']"),
        ({"qualifier": "exact", "value": "5GW"}, "must be canonical"),
        ({"qualifier": "exact", "value": "2000 TW"}, "implausibly large"),
        ({"qualifier": "exact"}, "needs 'qualifier' and 'value'"),
    ],
)
def test_bad_estimates_are_refused_with_their_reason(data: object, reason: str) -> None:
    problems = _problems(data, Estimate[Power])
    assert len(problems) == 1
    assert reason in problems[0]


def test_lists_of_text_and_optional_values_keep_their_checks() -> None:
    conv = dealkit.converter
    assert conv.structure(["a", "b"], tuple[str, ...]) == ("a", "b")
    assert conv.structure(("a",), tuple[str, ...]) == ("a",)
    assert _problems(["a", 5], tuple[str, ...]) == ["$[1]: must be text, not a number (got 5)"]
    assert _problems("ab", tuple[str, ...]) == ["$: must be a list, not text (got 'ab')"]
    assert conv.structure(None, PartialDate | None) is None
    assert conv.structure("2026-02", PartialDate | None) == PartialDate.of_month(2026, 2)
    assert conv.structure(None, Estimate[Power] | None) is None
    assert _problems("2026-13", PartialDate | None) == ["$: month must be 1..12 (got '2026-13')"]


@pytest.mark.parametrize(
    ("estimate", "default"),
    [
        (Estimate.approximately(Power(5, "GW")), True),  # 4.5 .. 5.5 GW
        (Estimate.approximately(Power(5, "GW"), low=Power(4500, "MW"), high=Power("5.5", "GW")), True),
        (Estimate.approximately(Power(5, "GW"), low=Power(4, "GW")), False),
        (Estimate.approximately(CurrencyAmount(200, "USD"), high=CurrencyAmount(200, "USD")), False),
        (Estimate.approximately(Decimal(-200)), True),  # -220 .. -180
        (Estimate.approximately(Decimal(-200), low=Decimal(-220), high=Decimal(-190)), False),
        # 1.1 x 10^21 - 1.1 is no amount: the default bounds cannot exist, so these are not them.
        (Estimate.approximately(CurrencyAmount(10**21 - 1, "USD"), low=CurrencyAmount(1, "USD"),
                                high=CurrencyAmount(10**21 - 1, "USD")), False),
        (Estimate.exact(Power(5, "GW")), True),
    ],
)
def test_default_approximate_bounds_are_told_apart(estimate: Estimate[Any], default: bool) -> None:
    assert _figures.approximate_bounds_are_default(estimate) is default
    written = dealkit.converter.unstructure(estimate, Estimate[type(estimate.value)])  # type: ignore[misc]
    assert ("low" not in written) is default


def test_approximate_estimates_are_written_with_their_bounds_only_when_needed() -> None:
    conv = dealkit.converter
    about = Estimate.approximately(Power(5, "GW"))
    assert conv.unstructure(about, Estimate[Power]) == {"qualifier": "approximately", "value": "5 GW"}
    nearly = Estimate.nearly(Power(5, "GW"))
    assert conv.unstructure(nearly, Estimate[Power]) == {
        "qualifier": "approximately", "value": "5 GW", "low": "4.5 GW", "high": "5 GW",
    }
    assert conv.unstructure(("a", "b"), tuple[str, ...]) == ["a", "b"]
    assert conv.unstructure((PartialDate.of_year(2025),), tuple[PartialDate, ...]) == ["2025"]


def test_deal_estimates_are_checked_for_type_then_sign_and_none_only_where_optional() -> None:
    from dealkit import ComputeCommitment, Milestone, Tranche
    from dealkit._errors import InvalidValueError

    day = Estimate.exact(PartialDate.of_day(2026, 4, 20))
    with pytest.raises(InvalidValueError, match=r"must be an Estimate of CurrencyAmount, not of Power") as info:
        Tranche("immediate", Estimate.exact(Power(0, "GW")))  # the wrong kind is told before the sign
    assert info.value.problems[0].path == "$.amount"
    with pytest.raises(InvalidValueError, match="must be positive"):
        Tranche("immediate", Estimate.exact(CurrencyAmount(0, "USD")))
    with pytest.raises(InvalidValueError, match="must be an Estimate of CurrencyAmount"):
        Tranche("immediate", None)  # type: ignore[arg-type]
    assert Milestone("m", "d", day, capacity=None).capacity is None
    with pytest.raises(InvalidValueError, match="must be positive") as info:
        Milestone("m", "d", day, capacity=Estimate.at_most(Power(0, "GW")))
    assert info.value.problems[0].path == "$.capacity"
    with pytest.raises(InvalidValueError, match="must be an Estimate of PartialDate"):
        ComputeCommitment("c", Estimate.exact(Power(1, "GW")), "a", "b", by=Estimate.exact(Power(1, "GW")))  # type: ignore[arg-type]
    assert ComputeCommitment("c", Estimate.exact(Power(1, "GW")), "a", "b", by=None).by is None


def test_dates_given_as_a_text_subclass_are_read_but_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    class Text(str):
        pass

    monkeypatch.setattr(_figures, "_DATES", {})
    assert parse_canonical("date", Text("2026-02")) == PartialDate.of_month(2026, 2)
    assert _figures._DATES == {}
