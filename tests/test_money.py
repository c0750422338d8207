"""Tests for dealkit._values.money: CurrencyAmount."""

from __future__ import annotations

import copy
import re
import operator
import pickle
from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from dealkit._errors import (
    CurrencyMismatchError,
    DealkitError,
    DimensionError,
    InvalidValueError,
    ParseError,
    UnknownCurrencyError,
)
from dealkit._values.measures import Power
from dealkit._values.money import CurrencyAmount
from dealkit._values.numbers import MAX_DIGITS
from tests.strategies import amounts, cent_amounts, currencies, currency_amounts

USD = "USD"
BILLION = 10**9


def usd(amount: int | str | Decimal) -> CurrencyAmount:
    return CurrencyAmount(Decimal(amount), USD)


def eur(amount: int | str | Decimal) -> CurrencyAmount:
    return CurrencyAmount(Decimal(amount), "EUR")


def representable(value: Decimal) -> bool:
    """Whether ``value`` fits an amount: below 10^21 and at most 28 significant digits."""
    with localcontext(prec=200):
        normal = value.normalize()
    return abs(value) < Decimal(10) ** 21 and len(normal.as_tuple().digits) <= MAX_DIGITS


class TestConstruction:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (5, Decimal(5)),
            (Decimal("1.25"), Decimal("1.25")),
            ("25000000000", Decimal(25 * BILLION)),
            ("-3.5", Decimal("-3.5")),
            (0, Decimal(0)),
        ],
    )
    def test_amount_becomes_an_exact_decimal(self, amount: object, expected: Decimal) -> None:
        money = CurrencyAmount(amount, USD)
        assert money.amount == expected
        assert type(money.amount) is Decimal
        assert money.currency == USD

    @pytest.mark.parametrize("amount", [5.0, 0.1, 1e10, float("nan"), float("inf")])
    def test_floats_are_refused(self, amount: float) -> None:
        with pytest.raises(InvalidValueError):
            CurrencyAmount(amount, USD)

    @pytest.mark.parametrize(
        "amount",
        ["1e9", "NaN", "Infinity", "1_000", "$5", "5 billion", True, None, [5], Decimal("NaN")],
    )
    def test_non_numbers_are_refused(self, amount: object) -> None:
        with pytest.raises((InvalidValueError, ParseError)):
            CurrencyAmount(amount, USD)

    @pytest.mark.parametrize(
        "amount", [10**21, -(10**21), Decimal("1E+21"), Decimal("1E+25"), "1000000000000000000000"]
    )
    def test_absurd_amounts_are_refused(self, amount: object) -> None:
        with pytest.raises(InvalidValueError, match="absurdly large"):
            CurrencyAmount(amount, USD)

    def test_just_below_the_limit_is_accepted(self) -> None:
        assert CurrencyAmount(10**21 - 1, USD).amount == Decimal(10**21 - 1)

    @pytest.mark.parametrize("code", ["USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR"])
    def test_iso_codes_are_accepted(self, code: str) -> None:
        assert CurrencyAmount(1, code).currency == code

    @pytest.mark.parametrize(
        "code",
        ["usd", "Usd", "US", "USDD", "", " USD", "USD ", "XYZ", "QQQ", "$", "€", "US$", "ＵＳＤ", None, 840],
    )
    def test_unknown_lowercase_or_wrong_length_codes_are_refused(self, code: object) -> None:
        with pytest.raises(UnknownCurrencyError) as info:
            CurrencyAmount(1, code)  # type: ignore[arg-type]
        assert info.value.value == code

    def test_unknown_currency_is_an_invalid_value(self) -> None:
        with pytest.raises(InvalidValueError):
            CurrencyAmount(1, "XYZ")

    def test_zero(self) -> None:
        assert CurrencyAmount.zero("EUR") == CurrencyAmount(0, "EUR")
        assert not CurrencyAmount.zero("EUR")
        with pytest.raises(UnknownCurrencyError):
            CurrencyAmount.zero("eur")


class TestImmutability:
    @pytest.mark.parametrize(("field", "value"), [("amount", Decimal(1)), ("currency", "EUR")])
    def test_fields_cannot_be_assigned(self, field: str, value: object) -> None:
        money = usd(5)
        # attrs raises FrozenInstanceError (an AttributeError) for a frozen class.
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(money, field, value)
        assert money == usd(5)

    def test_fields_cannot_be_deleted(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del usd(5).amount

    def test_no_new_attributes(self) -> None:
        with pytest.raises((AttributeError, TypeError)):
            usd(5).note = "x"  # type: ignore[attr-defined]

    def test_copies_and_pickles_are_equal(self) -> None:
        money = usd("1.25")
        assert copy.copy(money) == money
        assert copy.deepcopy(money) == money
        assert pickle.loads(pickle.dumps(money)) == money


class TestEqualityAndHashing:
    def test_scale_does_not_matter(self) -> None:
        assert usd("5") == usd("5.00")
        assert hash(usd("5")) == hash(usd("5.00"))
        assert len({usd("5"), usd("5.00"), usd("5.0")}) == 1

    def test_different_currencies_are_different(self) -> None:
        assert usd(5) != eur(5)
        assert len({usd(5), eur(5)}) == 2

    def test_different_amounts_are_different(self) -> None:
        assert usd(5) != usd(6)

    @pytest.mark.parametrize("other", [5, Decimal(5), "5 USD", None])
    def test_never_equal_to_a_plain_value(self, other: object) -> None:
        assert usd(5) != other
        assert not (usd(5) == other)

    def test_usable_as_dict_key(self) -> None:
        table = {usd("1.50"): "a"}
        assert table[usd("1.5")] == "a"


class TestArithmetic:
    def test_add_within_a_currency(self) -> None:
        assert usd(20 * BILLION) + usd(5 * BILLION) == usd(25 * BILLION)

    def test_subtract_within_a_currency(self) -> None:
        assert usd(25 * BILLION) - usd(5 * BILLION) == usd(20 * BILLION)
        assert usd(5) - usd(7) == usd(-2)

    def test_add_is_exact_decimal(self) -> None:
        assert usd("0.1") + usd("0.2") == usd("0.3")

    def test_results_do_not_depend_on_the_callers_decimal_context(self) -> None:
        with localcontext(prec=5):
            assert usd(123456) + usd(1) == usd(123457)
            assert usd(123456) - usd(1) == usd(123455)
            assert usd(123456) * 3 == usd(370368)
            assert -usd(123456) == usd(-123456)
            assert usd(1234567) / 2 == usd("617283.5")
            assert usd(1234567) / usd(2) == Decimal("617283.5")

    def test_negation_and_abs(self) -> None:
        assert -usd(5) == usd(-5)
        assert abs(usd(-5)) == usd(5)
        assert (-eur(3)).currency == "EUR"

    @pytest.mark.parametrize("op", ["add", "subtract"])
    def test_mixing_currencies_raises(self, op: str) -> None:
        with pytest.raises(CurrencyMismatchError) as info:
            if op == "add":
                usd(1) + eur(1)
            else:
                usd(1) - eur(1)
        assert "USD" in str(info.value) and "EUR" in str(info.value)

    def test_currency_mismatch_is_a_value_error(self) -> None:
        with pytest.raises(ValueError):
            usd(1) + eur(1)

    @pytest.mark.parametrize("other", [1, Decimal(1), "1", 1.0, None])
    def test_adding_a_plain_number_is_a_type_error(self, other: object) -> None:
        with pytest.raises(TypeError):
            usd(1) + other  # type: ignore[operator]
        with pytest.raises(TypeError):
            usd(1) - other  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [
            (2, usd(10)),
            (Decimal("0.5"), usd("2.5")),
            (0, usd(0)),
            (-1, usd(-5)),
            (Decimal("1.1"), usd("5.5")),
        ],
    )
    def test_multiply_by_int_or_decimal(self, factor: int | Decimal, expected: CurrencyAmount) -> None:
        assert usd(5) * factor == expected
        assert factor * usd(5) == expected

    @pytest.mark.parametrize("factor", [True, "2", None])
    def test_multiplying_by_another_type_is_refused(self, factor: object) -> None:
        with pytest.raises(TypeError):
            usd(5) * factor  # type: ignore[operator]
        with pytest.raises(TypeError):
            factor * usd(5)  # type: ignore[operator,arg-type,unused-ignore]

    @pytest.mark.parametrize("factor", [2.0, 0.5, float("nan")])
    def test_multiplying_by_a_float_is_a_dealkit_error(self, factor: float) -> None:
        with pytest.raises(InvalidValueError, match="never a float"):
            usd(5) * factor  # type: ignore[operator]
        with pytest.raises(InvalidValueError, match="never a float"):
            factor * usd(5)  # type: ignore[operator]

    def test_multiplying_by_a_measure_is_a_dimension_error(self) -> None:
        with pytest.raises(DimensionError, match="money times a measure is not money"):
            usd(5) * Power(1, "GW")  # type: ignore[operator]

    def test_multiplying_two_amounts_is_refused(self) -> None:
        with pytest.raises(TypeError):
            usd(5) * usd(5)  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("divisor", "expected"),
        [(2, usd("2.5")), (Decimal("0.5"), usd(10)), (-5, usd(-1)), (4, usd("1.25"))],
    )
    def test_divide_by_int_or_decimal(self, divisor: int | Decimal, expected: CurrencyAmount) -> None:
        assert usd(5) / divisor == expected

    @pytest.mark.parametrize("divisor", [0, Decimal(0), Decimal("0.00")])
    def test_divide_by_zero_raises(self, divisor: int | Decimal) -> None:
        with pytest.raises(InvalidValueError, match="zero"):
            usd(5) / divisor

    @pytest.mark.parametrize("divisor", [2.0, True, "2"])
    def test_dividing_by_a_float_or_other_is_refused(self, divisor: object) -> None:
        expected = InvalidValueError if isinstance(divisor, float) else TypeError
        with pytest.raises(expected):
            usd(5) / divisor  # type: ignore[operator]

    def test_amount_over_amount_is_a_decimal_ratio(self) -> None:
        ratio = usd(20 * BILLION) / usd(5 * BILLION)
        assert type(ratio) is Decimal
        assert ratio == 4
        assert usd(1) / usd(4) == Decimal("0.25")

    def test_ratio_across_currencies_raises(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            usd(1) / eur(1)

    def test_ratio_over_zero_raises(self) -> None:
        with pytest.raises(InvalidValueError, match="zero"):
            usd(1) / usd(0)

    def test_results_beyond_the_limit_raise(self) -> None:
        big = usd(6 * 10**20)
        with pytest.raises(InvalidValueError):
            big + big
        with pytest.raises(InvalidValueError):
            big * 2
        with pytest.raises(InvalidValueError):
            -big - big
        with pytest.raises(InvalidValueError):
            big / Decimal("0.5")

    def test_sum_starts_from_zero(self) -> None:
        assert sum([usd(1), usd(2), usd(3)]) == usd(6)
        assert sum([eur("1.5")]) == eur("1.5")

    def test_sum_with_an_explicit_start(self) -> None:
        assert sum([usd(1), usd(2)], usd(10)) == usd(13)

    def test_sum_across_currencies_raises(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            sum([usd(1), eur(2)])

    @pytest.mark.parametrize("start", [1, 0.0, True, False])
    def test_only_the_integer_zero_starts_a_sum(self, start: object) -> None:
        with pytest.raises(TypeError):
            start + usd(1)  # type: ignore[operator]

    def test_money_far_apart_in_scale_adds_exactly_or_not_at_all(self) -> None:
        # 10^20 + 10^-8 needs 29 significant digits: never round money silently.
        big, tiny = usd(10**20), usd("0.00000001")
        with pytest.raises(InvalidValueError, match="28 significant digits"):
            big + tiny

    def test_multiplication_is_exact_or_refused(self) -> None:
        precise = usd("1234567890123456789.012345678")  # 28 digits
        assert (precise * 7).amount == Decimal("8641975230864197523.086419746")  # 28 digits
        with pytest.raises(InvalidValueError, match="28 significant digits"):
            precise * 9  # 11111111011111111101.111111102: 29 digits


class TestComparison:
    def test_ordering_within_a_currency(self) -> None:
        assert usd(1) < usd(2)
        assert usd(2) > usd(1)
        assert usd(1) <= usd(1)
        assert usd(1) >= usd("1.00")
        assert not usd(2) < usd(1)
        assert not usd(1) > usd(1)
        assert usd(-5) < usd(0)

    def test_sorting(self) -> None:
        assert sorted([usd(3), usd(-1), usd(2)]) == [usd(-1), usd(2), usd(3)]
        assert max([eur(1), eur(7), eur(3)]) == eur(7)

    @pytest.mark.parametrize("op", ["<", "<=", ">", ">="])
    def test_comparing_across_currencies_raises(self, op: str) -> None:
        with pytest.raises(CurrencyMismatchError):
            eval(f"a {op} b", {"a": usd(1), "b": eur(2)})

    @pytest.mark.parametrize("op", ["<", "<=", ">", ">="])
    @pytest.mark.parametrize("other", [1, Decimal(1), "1 USD"])
    def test_comparing_with_a_plain_value_is_a_type_error(self, op: str, other: object) -> None:
        with pytest.raises(TypeError):
            eval(f"a {op} b", {"a": usd(1), "b": other})

    def test_truthiness_is_non_zero(self) -> None:
        assert usd("0.01")
        assert usd(-1)
        assert not usd(0)
        assert not usd("0.00")


class TestParse:
    @pytest.mark.parametrize(
        ("text", "amount", "currency"),
        [
            ("$25 billion", 25 * BILLION, "USD"),
            ("$1.25 billion", 1_250_000_000, "USD"),
            ("$5B", 5 * BILLION, "USD"),
            ("$5b", 5 * BILLION, "USD"),
            ("$1.25bn", 1_250_000_000, "USD"),
            ("€3 billion", 3 * BILLION, "EUR"),
            ("£2bn", 2 * BILLION, "GBP"),
            ("US$4 billion", 4 * BILLION, "USD"),
            ("25000000000 USD", 25 * BILLION, "USD"),
            ("$25,000,000,000", 25 * BILLION, "USD"),
            ("$1,000,000.50", Decimal("1000000.50"), "USD"),
            ("$500 million", 500_000_000, "USD"),
            ("$500m", 500_000_000, "USD"),
            ("$750 thousand", 750_000, "USD"),
            ("$10k", 10_000, "USD"),
            ("$1.5 trillion", 1_500_000_000_000, "USD"),
            ("$2tn", 2_000_000_000_000, "USD"),
            ("$ 5 B", 5 * BILLION, "USD"),
            # the ISO code before the number
            ("EUR 3 billion", 3 * BILLION, "EUR"),
            ("EUR3bn", 3 * BILLION, "EUR"),
            ("JPY 150 billion", 150 * BILLION, "JPY"),
            # CLDR's English symbols; the bare yen sign is the yen, CN¥ the yuan
            ("¥150 billion", 150 * BILLION, "JPY"),
            ("¥5", 5, "JPY"),
            ("CN¥5 billion", 5 * BILLION, "CNY"),
            ("₹200 million", 200_000_000, "INR"),
            ("A$1.5 billion", 1_500_000_000, "AUD"),
            ("CA$2 billion", 2 * BILLION, "CAD"),
            ("₩3 trillion", 3_000_000_000_000, "KRW"),
            # English names, singular and plural
            ("3 billion euros", 3 * BILLION, "EUR"),
            ("1 euro", 1, "EUR"),
            ("150 billion yen", 150 * BILLION, "JPY"),
            ("150 billion Japanese yen", 150 * BILLION, "JPY"),
            ("a dollar", 1, "USD"),
            ("one dollar", 1, "USD"),
            ("a billion dollars", BILLION, "USD"),
            ("5 US dollars", 5, "USD"),
            ("2 million pounds sterling", 2_000_000, "GBP"),
            ("3 Swiss francs", 3, "CHF"),
            ("10 billion yuan", 10 * BILLION, "CNY"),
            ("  $5B  ", 5 * BILLION, "USD"),
            ("5 million EUR", 5_000_000, "EUR"),
            ("1.5 JPY", Decimal("1.5"), "JPY"),
            ("0 USD", 0, "USD"),
        ],
    )
    def test_news_and_canonical_forms(self, text: str, amount: int | Decimal, currency: str) -> None:
        assert CurrencyAmount.parse(text) == CurrencyAmount(Decimal(amount), currency)

    def test_parsed_amount_is_exact(self) -> None:
        assert CurrencyAmount.parse("$1.25 billion").amount == Decimal(1_250_000_000)
        assert CurrencyAmount.parse("$0.1 billion").amount == Decimal(100_000_000)

    @pytest.mark.parametrize(
        "text",
        [
            "$100B+",  # a qualified figure: read it with Estimate.parse
            "up to $25 billion",
            "~$5B",
            "about $5 billion",
            "$30-50 billion",
            "5 billion",  # no currency
            "25000000000",
            "$5 billion USD",  # two currencies
            "€5 USD",
            "25000000000 usd",  # lower-case code
            "$",
            "",
            "USD",
            "$five billion",
            "$1e9",
            "$1,00",
            "$1,0000",
            "$-5",
            "$5 gazillion",
            "$NaN",
            "5 rupees",  # a name of several currencies
            "5 billion in cash",  # no currency name
            "five dollars",
            "EUR 5 USD",  # two currencies
            "3 billion euros EUR",
        ],
    )
    def test_refused(self, text: str) -> None:
        with pytest.raises(DealkitError) as info:
            CurrencyAmount.parse(text)
        assert isinstance(info.value, ValueError)

    def test_qualified_figure_is_a_parse_error(self) -> None:
        with pytest.raises(ParseError) as info:
            CurrencyAmount.parse("$100B+")
        assert info.value.value == "$100B+"

    def test_unknown_iso_code_is_an_unknown_currency(self) -> None:
        with pytest.raises(UnknownCurrencyError):
            CurrencyAmount.parse("5 XYZ")

    def test_absurd_amounts_are_refused(self) -> None:
        with pytest.raises(InvalidValueError):
            CurrencyAmount.parse("$1000000000 trillion")

    @pytest.mark.parametrize("value", [5, None, b"$5B", Decimal(5)])
    def test_non_text_is_refused(self, value: object) -> None:
        with pytest.raises(ParseError):
            CurrencyAmount.parse(value)  # type: ignore[arg-type]

    def test_overlong_text_is_refused_unread(self) -> None:
        with pytest.raises(ParseError, match="longer than"):
            CurrencyAmount.parse("$" + "1" * 10_000)


class TestText:
    @pytest.mark.parametrize(
        ("money", "text"),
        [
            (usd(25 * BILLION), "25000000000 USD"),
            (CurrencyAmount(Decimal("5E+9"), "USD"), "5000000000 USD"),
            (eur("1.50"), "1.5 EUR"),
            (usd("5.00"), "5 USD"),
            (usd(0), "0 USD"),
            (usd(-3), "-3 USD"),
            (CurrencyAmount(Decimal("0.001"), "JPY"), "0.001 JPY"),
        ],
    )
    def test_str_is_canonical(self, money: CurrencyAmount, text: str) -> None:
        assert str(money) == text

    def test_repr_evaluates_back(self) -> None:
        money = eur("1.25")
        assert eval(repr(money), {"CurrencyAmount": CurrencyAmount, "Decimal": Decimal}) == money

    @settings(max_examples=60)
    @given(currency_amounts(values=cent_amounts(signed=False, bound=10**19)))
    def test_canonical_text_parses_back(self, money: CurrencyAmount) -> None:
        assert CurrencyAmount.parse(str(money)) == money


class TestProperties:
    same_currency = currencies.flatmap(
        lambda code: st.tuples(*[currency_amounts(code, cent_amounts())] * 3)
    )

    @settings(max_examples=60)
    @given(same_currency)
    def test_addition_is_commutative(self, abc: tuple[CurrencyAmount, ...]) -> None:
        a, b, _ = abc
        assert a + b == b + a

    @settings(max_examples=60)
    @given(same_currency)
    def test_addition_is_associative(self, abc: tuple[CurrencyAmount, ...]) -> None:
        a, b, c = abc
        assert (a + b) + c == a + (b + c)

    @settings(max_examples=60)
    @given(same_currency)
    def test_adding_then_subtracting_returns_the_amount(self, abc: tuple[CurrencyAmount, ...]) -> None:
        a, b, _ = abc
        assert a + b - b == a
        assert a - b + b == a

    @settings(max_examples=60)
    @given(same_currency)
    def test_zero_is_neutral_and_negation_inverts(self, abc: tuple[CurrencyAmount, ...]) -> None:
        a, _, _ = abc
        assert a + CurrencyAmount.zero(a.currency) == a
        assert a + (-a) == CurrencyAmount.zero(a.currency)

    @settings(max_examples=60)
    @given(currencies.flatmap(lambda c: st.lists(currency_amounts(c, cent_amounts()), max_size=6)))
    def test_sum_matches_decimal_sum(self, items: list[CurrencyAmount]) -> None:
        if items:
            assert sum(items) == CurrencyAmount(sum(m.amount for m in items), items[0].currency)

    @settings(max_examples=60)
    @given(currency_amounts(values=cent_amounts()), st.integers(1, 12))
    def test_multiply_then_divide_returns_the_amount(self, a: CurrencyAmount, n: int) -> None:
        assert (a * n) / n == a
        assert (n * a) / Decimal(n) == a

    @settings(max_examples=100)
    @given(currencies.flatmap(lambda c: st.tuples(currency_amounts(c), currency_amounts(c))))
    @example((usd("1E+20"), usd("1E-8")))
    @example((usd("-0.000000000001"), usd("123456789012345678901")))
    @example((usd("0.1"), usd("0.2")))
    def test_addition_over_the_whole_domain_is_exact_or_refused(
        self, ab: tuple[CurrencyAmount, CurrencyAmount]
    ) -> None:
        a, b = ab
        with localcontext(prec=200):
            true_sum = a.amount + b.amount
            true_difference = a.amount - b.amount
        for true, op in ((true_sum, operator.add), (true_difference, operator.sub)):
            if representable(true):
                assert op(a, b).amount == true
            else:
                with pytest.raises(InvalidValueError):
                    op(a, b)

    @settings(max_examples=100)
    @given(currency_amounts(), st.integers(-12, 12))
    @example(usd("1234567890123456789.012345678"), 9)
    @example(usd("1234567890123456789.012345678"), 7)
    @example(usd("999999999999999999999"), -1)
    def test_multiplication_over_the_whole_domain_is_exact_or_refused(
        self, a: CurrencyAmount, n: int
    ) -> None:
        with localcontext(prec=200):
            true_product = a.amount * n
        if representable(true_product):
            product = a * n
            assert product.amount == true_product
            if n:
                assert product / n == a
        else:
            with pytest.raises(InvalidValueError):
                a * n

    @settings(max_examples=60)
    @given(currency_amounts(), currency_amounts())
    def test_order_is_the_amount_order_within_a_currency(
        self, a: CurrencyAmount, b: CurrencyAmount
    ) -> None:
        if a.currency != b.currency:
            with pytest.raises(CurrencyMismatchError):
                a < b  # noqa: B015
            return
        assert (a < b) == (a.amount < b.amount)
        assert (a <= b) == (a.amount <= b.amount)
        assert (a == b) == (a.amount == b.amount)

    @settings(max_examples=60)
    @given(amounts, currencies)
    def test_equal_amounts_hash_equal(self, amount: Decimal, code: str) -> None:
        assume(len(amount.as_tuple().digits) < MAX_DIGITS)
        a = CurrencyAmount(amount, code)
        rescaled = CurrencyAmount(amount * Decimal("1.0"), code)  # one more trailing zero
        assert rescaled.amount.as_tuple() != amount.as_tuple()
        assert a == rescaled
        assert hash(a) == hash(rescaled)


class TestParseCallerContext:
    def test_scale_words_are_exact_whatever_the_caller_context(self) -> None:
        import decimal

        with decimal.localcontext(decimal.Context(prec=4)):
            amount = CurrencyAmount.parse("$1.2345 billion")
        assert amount.amount == Decimal(1_234_500_000)


class TestCanonicalParse:
    """``parse`` reads canonical text ("<decimal> <ISO code>") by a short path: the same amounts, the same refusals."""

    @settings(max_examples=200)
    @given(
        st.from_regex(r"-?[0-9]{1,24}(\.[0-9]{1,6})?", fullmatch=True),
        st.sampled_from(["USD", "EUR", "JPY", "CHF"]),
    )
    def test_same_amount_as_the_constructor(self, number: str, code: str) -> None:
        CurrencyAmount.parse(f"1 {code}")  # the code is accepted once: the short path is open
        text = f"{number} {code}"
        try:
            expected = CurrencyAmount(Decimal(number), code)
        except InvalidValueError as exc:
            with pytest.raises(InvalidValueError, match=re.escape(exc.reason)):
                CurrencyAmount.parse(text)
            return
        parsed = CurrencyAmount.parse(text)
        assert parsed == expected
        if not number.startswith("-"):  # the short path: exactly the digits given
            assert parsed.amount.as_tuple() == Decimal(number).as_tuple()

    @pytest.mark.parametrize(
        "text",
        ["1e5 USD", "\u0661\u0662 USD", "NaN USD", "Infinity USD", "1_000 USD", "+5 USD", "5. USD", ".5 USD",
         "--5 USD", "5 usd", "5 USDX", "5 XYZ", "１２ USD"],
    )
    def test_what_it_refuses_the_general_path_refuses(self, text: str) -> None:
        CurrencyAmount.parse("1 USD")
        with pytest.raises(DealkitError):
            CurrencyAmount.parse(text)

    def test_a_negative_zero_and_a_long_number(self) -> None:
        assert CurrencyAmount.parse("-0 USD") == CurrencyAmount.parse("0 USD") == CurrencyAmount.zero("USD")
        assert CurrencyAmount.parse("-5.25 USD").amount == Decimal("-5.25")
        with pytest.raises(InvalidValueError, match="absurdly large"):
            CurrencyAmount.parse("1000000000000000000000 USD")
