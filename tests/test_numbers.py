"""Tests for dealkit._values.numbers: the strict text -> Decimal gate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealkit._errors import DealkitError, InvalidValueError, ParseError
from dealkit._values.numbers import (
    MAX_DIGITS,
    MAX_TEXT_LENGTH,
    canonical_decimal,
    parse_decimal,
    to_decimal,
)
from tests.strategies import decimals


class TestParseDecimal:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("0", Decimal(0)),
            ("5", Decimal(5)),
            ("25000000000", Decimal(25_000_000_000)),
            ("1.25", Decimal("1.25")),
            ("-3.5", Decimal("-3.5")),
            ("0.001", Decimal("0.001")),
            ("007", Decimal(7)),
            ("9" * MAX_DIGITS, Decimal("9" * MAX_DIGITS)),
            ("0." + "0" * 40 + "1", Decimal("1E-41")),
        ],
    )
    def test_accepts_plain_decimals_exactly(self, text: str, expected: Decimal) -> None:
        result = parse_decimal(text)
        assert result == expected
        assert isinstance(result, Decimal)

    def test_keeps_the_stated_scale(self) -> None:
        assert parse_decimal("1.50").as_tuple().exponent == -2

    @pytest.mark.parametrize(
        "text",
        [
            "",
            " ",
            " 1",
            "1 ",
            "+1",
            "1e3",
            "1E3",
            "1_000",
            "1,000",
            ".5",
            "5.",
            "--1",
            "1.2.3",
            "NaN",
            "nan",
            "sNaN",
            "Infinity",
            "-Infinity",
            "inf",
            "0x10",
            "١٢٣",  # Arabic-Indic digits
            "１２３",  # full-width digits
            "5 GW",
            "five",
        ],
    )
    def test_refuses_anything_but_plain_ascii_decimals(self, text: str) -> None:
        with pytest.raises(ParseError) as info:
            parse_decimal(text)
        assert info.value.value == text

    @pytest.mark.parametrize("value", [5, Decimal(5), None, b"5", 5.0])
    def test_refuses_non_text(self, value: object) -> None:
        with pytest.raises(ParseError, match="must be text"):
            parse_decimal(value)  # type: ignore[arg-type]

    def test_refuses_overlong_text_unread(self) -> None:
        with pytest.raises(ParseError, match="not a plain decimal"):
            parse_decimal("1" * (MAX_TEXT_LENGTH + 1))

    def test_refuses_too_many_significant_digits(self) -> None:
        with pytest.raises(InvalidValueError, match="significant digits"):
            parse_decimal("1" * (MAX_DIGITS + 1))

    def test_a_ten_thousand_digit_number_is_refused(self) -> None:
        with pytest.raises(DealkitError):
            parse_decimal("9" * 10_000)

    @settings(max_examples=60)
    @given(decimals(min_exponent=-15, max_exponent=27, bound_exponent=MAX_DIGITS))
    def test_canonical_text_round_trips(self, value: Decimal) -> None:
        assert parse_decimal(canonical_decimal(value)) == value


class TestToDecimal:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0, Decimal(0)),
            (5, Decimal(5)),
            (-7, Decimal(-7)),
            (10**MAX_DIGITS - 1, Decimal("9" * MAX_DIGITS)),
            (Decimal("1.25"), Decimal("1.25")),
            ("0.5", Decimal("0.5")),
            ("-12", Decimal(-12)),
        ],
    )
    def test_accepts_ints_decimals_and_text(self, value: object, expected: Decimal) -> None:
        assert to_decimal(value) == expected

    def test_returns_the_same_decimal(self) -> None:
        d = Decimal("1.50")
        assert to_decimal(d) is d

    @pytest.mark.parametrize("value", [0.1, 1.0, 0.0, -2.5, 1e300])
    def test_refuses_floats_by_default(self, value: float) -> None:
        with pytest.raises(InvalidValueError, match="floats are not accepted"):
            to_decimal(value)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0.1, Decimal("0.1")),  # shortest repr, not 0.1000000000000000055511...
            (5.0, Decimal(5)),
            (1.25, Decimal("1.25")),
            (-0.3, Decimal("-0.3")),
        ],
    )
    def test_floats_when_allowed_go_through_their_shortest_repr(
        self, value: float, expected: Decimal
    ) -> None:
        result = to_decimal(value, allow_float=True)
        assert result == expected
        assert str(result) == repr(value)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
    def test_non_finite_floats_are_refused_even_when_allowed(self, value: float) -> None:
        with pytest.raises(InvalidValueError, match="finite"):
            to_decimal(value, allow_float=True)

    @pytest.mark.parametrize(
        "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")]
    )
    def test_non_finite_decimals_are_refused(self, value: Decimal) -> None:
        with pytest.raises(InvalidValueError, match="finite"):
            to_decimal(value)

    @pytest.mark.parametrize(
        "value",
        [10**MAX_DIGITS, -(10**MAX_DIGITS), Decimal("1" * (MAX_DIGITS + 1)), 10**10_000],
        ids=["10**28", "-10**28", "29 digits", "10**10000"],
    )
    def test_more_than_28_digits_are_refused(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match="significant digits"):
            to_decimal(value)

    @pytest.mark.parametrize("value", [True, False])
    def test_bools_are_not_numbers(self, value: bool) -> None:
        with pytest.raises(InvalidValueError, match="bool"):
            to_decimal(value)

    @pytest.mark.parametrize("value", [None, [1], (1,), {"a": 1}, 1j, b"1", object()])
    def test_other_types_are_refused_by_name(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match=type(value).__name__):
            to_decimal(value)

    def test_text_goes_through_the_strict_grammar(self) -> None:
        with pytest.raises(ParseError):
            to_decimal("1e999999999")

    def test_errors_are_value_errors(self) -> None:
        with pytest.raises(ValueError):
            to_decimal(0.5)


class TestCanonicalDecimal:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Decimal("5E+9"), "5000000000"),
            (Decimal("25000000000"), "25000000000"),
            (Decimal("1.2500"), "1.25"),
            (Decimal("1.0"), "1"),
            (Decimal("100"), "100"),
            (Decimal("1E+2"), "100"),
            (Decimal("0"), "0"),
            (Decimal("0.000"), "0"),
            (Decimal("-0"), "0"),
            (Decimal("-0.00"), "0"),
            (Decimal("-1.50"), "-1.5"),
            (Decimal("1E-7"), "0.0000001"),
            (Decimal("0.10"), "0.1"),
            # str() writes these with an exponent (or six zeros after the point, or none):
            (Decimal("2.5E+10"), "25000000000"),
            (Decimal("0E-10"), "0"),
            (Decimal("-0E+3"), "0"),
            (Decimal("0.0000010"), "0.000001"),
            (Decimal("1.000000"), "1"),
            (Decimal("12E-8"), "0.00000012"),
        ],
    )
    def test_writes_plain_text_without_exponent_or_trailing_zeros(
        self, value: Decimal, expected: str
    ) -> None:
        assert canonical_decimal(value) == expected

    @settings(max_examples=60)
    @given(decimals(min_exponent=-15, max_exponent=27, bound_exponent=MAX_DIGITS))
    def test_output_is_plain_and_equal(self, value: Decimal) -> None:
        text = canonical_decimal(value)
        assert "E" not in text and "e" not in text
        assert Decimal(text) == value
        if "." in text:
            assert not text.endswith("0")

    @given(st.integers(-(10**27), 10**27))
    def test_integers_print_as_themselves(self, n: int) -> None:
        assert canonical_decimal(Decimal(n)) == str(n)
