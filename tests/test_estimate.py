"""Tests for dealkit._values.estimate: qualified figures and their interval arithmetic."""

from __future__ import annotations

import operator
import pickle
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealkit._errors import BoundsError, DealkitError, ParseError
from dealkit._values.dates import PartialDate
from dealkit._values.estimate import APPROXIMATE_TOLERANCE, Estimate, Qualifier
from dealkit._values.money import CurrencyAmount
from dealkit._values.measures import Energy, Power
from tests.strategies import (
    cent_amounts,
    currencies,
    currency_amounts,
    estimate_and_point,
    money_estimates,
    power_estimates,
    powers,
)

BILLION = 10**9


def usd(billions: int | str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(billions) * BILLION, "USD")


def eur(billions: int | str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(billions) * BILLION, "EUR")


def gw(value: int | str) -> Power:
    return Power(value, "GW")


def mw(value: int | str) -> Power:
    return Power(value, "MW")


def money(text: str) -> Estimate[CurrencyAmount]:
    return Estimate.parse(text, CurrencyAmount.parse)


def power(text: str) -> Estimate[Power]:
    return Estimate.parse(text, Power.parse)


class TestConstructors:
    def test_exact(self) -> None:
        e = Estimate.exact(usd(5))
        assert (e.qualifier, e.low, e.high, e.central) == (Qualifier.EXACT, usd(5), usd(5), None)
        assert e.value == usd(5)

    def test_at_most(self) -> None:
        e = Estimate.at_most(usd(25))
        assert (e.qualifier, e.low, e.high) == (Qualifier.AT_MOST, None, usd(25))
        assert e.value == usd(25)

    def test_at_least(self) -> None:
        e = Estimate.at_least(usd(100))
        assert (e.qualifier, e.low, e.high) == (Qualifier.AT_LEAST, usd(100), None)
        assert e.value == usd(100)

    def test_between(self) -> None:
        e = Estimate.between(mw(30), mw(50))
        assert (e.qualifier, e.low, e.high, e.central) == (Qualifier.RANGE, mw(30), mw(50), None)

    def test_a_range_has_no_single_value(self) -> None:
        with pytest.raises(BoundsError):
            _ = Estimate.between(mw(30), mw(50)).value

    def test_approximately_uses_ten_percent(self) -> None:
        assert APPROXIMATE_TOLERANCE == Decimal("0.1")
        e = Estimate.approximately(usd(200))
        assert e.qualifier is Qualifier.APPROXIMATELY
        assert (e.low, e.central, e.high) == (usd(180), usd(200), usd(220))
        assert e.value == usd(200)

    def test_approximately_with_explicit_bounds_and_tolerance(self) -> None:
        e = Estimate.approximately(gw(1), low=mw(950))
        assert (e.low, e.central, e.high) == (mw(950), gw(1), gw("1.1"))
        wide = Estimate.approximately(Decimal(100), tolerance=Decimal("0.25"))
        assert (wide.low, wide.high) == (Decimal(75), Decimal(125))

    def test_approximately_a_negative_value_keeps_low_below_high(self) -> None:
        e = Estimate.approximately(Decimal(-200))
        assert (e.low, e.central, e.high) == (Decimal(-220), Decimal(-200), Decimal(-180))
        loss = Estimate.approximately(usd(-5))
        assert (loss.low, loss.high) == (usd("-5.5"), usd("-4.5"))

    def test_nearly_is_capped_at_the_value(self) -> None:
        e = Estimate.nearly(gw(1))
        assert e.qualifier is Qualifier.APPROXIMATELY
        assert (e.low, e.central, e.high) == (mw(900), gw(1), gw(1))

    def test_approximately_over_plain_decimals(self) -> None:
        e = Estimate.approximately(Decimal(200))
        assert (e.low, e.high) == (Decimal(180), Decimal(220))

    @pytest.mark.parametrize(
        ("low", "high", "qualifier"),
        [
            (None, usd(5), Qualifier.AT_MOST),
            (usd(5), None, Qualifier.AT_LEAST),
            (usd(5), usd(5), Qualifier.EXACT),
            (usd(5), usd("5.00"), Qualifier.EXACT),
            (usd(1), usd(2), Qualifier.RANGE),
        ],
    )
    def test_from_bounds(
        self, low: CurrencyAmount | None, high: CurrencyAmount | None, qualifier: Qualifier
    ) -> None:
        e = Estimate.from_bounds(low, high)
        assert (e.qualifier, e.low, e.high) == (qualifier, low, high)

    def test_from_no_bounds_is_undetermined(self) -> None:
        with pytest.raises(BoundsError):
            Estimate.from_bounds(None, None)

    def test_from_bounds_in_the_wrong_order(self) -> None:
        with pytest.raises(BoundsError):
            Estimate.from_bounds(usd(2), usd(1))

    def test_frozen(self) -> None:
        e = Estimate.exact(usd(5))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            e.low = usd(1)  # type: ignore[misc]

    def test_equality_and_hashing(self) -> None:
        assert Estimate.exact(gw(5)) == Estimate.exact(mw(5000))
        assert hash(Estimate.exact(gw(5))) == hash(Estimate.exact(mw(5000)))
        assert Estimate.at_most(usd(5)) != Estimate.at_least(usd(5))
        assert Estimate.at_most(usd(5)) != Estimate.exact(usd(5))

    def test_pickles(self) -> None:
        e = Estimate.approximately(usd(200))
        assert pickle.loads(pickle.dumps(e)) == e


class TestInvariants:
    @pytest.mark.parametrize(
        ("qualifier", "low", "high", "central"),
        [
            (Qualifier.EXACT, usd(5), None, None),
            (Qualifier.EXACT, None, usd(5), None),
            (Qualifier.EXACT, usd(5), usd(5), usd(5)),
            (Qualifier.AT_MOST, usd(1), usd(5), None),
            (Qualifier.AT_MOST, None, None, None),
            (Qualifier.AT_LEAST, usd(5), usd(9), None),
            (Qualifier.AT_LEAST, None, usd(5), None),
            (Qualifier.RANGE, usd(1), None, None),
            (Qualifier.RANGE, usd(1), usd(2), usd(1)),
            (Qualifier.APPROXIMATELY, usd(1), usd(3), None),
            (Qualifier.APPROXIMATELY, None, usd(3), usd(2)),
        ],
    )
    def test_bounds_must_match_the_qualifier(
        self, qualifier: Qualifier, low: Any, high: Any, central: Any
    ) -> None:
        with pytest.raises(BoundsError):
            Estimate(qualifier, low, high, central)

    @pytest.mark.parametrize("qualifier", [Qualifier.RANGE, Qualifier.EXACT])
    def test_low_above_high_raises(self, qualifier: Qualifier) -> None:
        with pytest.raises(BoundsError):
            Estimate(qualifier, usd(2), usd(1))

    def test_low_above_high_raises_for_between(self) -> None:
        with pytest.raises(BoundsError, match="lower bound is above upper bound"):
            Estimate.between(gw(2), gw(1))

    def test_exact_needs_equal_bounds(self) -> None:
        with pytest.raises(BoundsError, match="equal bounds"):
            Estimate(Qualifier.EXACT, usd(1), usd(2))

    def test_a_range_needs_low_below_high(self) -> None:
        with pytest.raises(BoundsError):
            Estimate.between(usd(5), usd(5))
        with pytest.raises(BoundsError):
            Estimate.between(gw(1), mw(1000))

    @pytest.mark.parametrize("central", [usd(1), usd(4)])
    def test_central_must_lie_within_the_bounds(self, central: CurrencyAmount) -> None:
        with pytest.raises(BoundsError):
            Estimate(Qualifier.APPROXIMATELY, usd(2), usd(3), central)

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Estimate.between(usd(1), eur(2)),
            lambda: Estimate(Qualifier.EXACT, usd(1), eur(1)),
            lambda: Estimate.approximately(usd(1), low=eur(0)),
            lambda: Estimate.approximately(usd(2), low=usd(1), high=eur(3)),
        ],
    )
    def test_mixed_currencies_raise(self, build: Any) -> None:
        with pytest.raises(DealkitError):
            build()

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Estimate.between(usd(1), gw(2)),
            lambda: Estimate.between(gw(1), usd(2)),
            lambda: Estimate.between(gw(1), Energy(2, "GWh")),
            lambda: Estimate.between(Decimal(1), gw(2)),
        ],
    )
    def test_mixed_kinds_raise(self, build: Any) -> None:
        with pytest.raises(DealkitError):
            build()


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("up to $25 billion", Estimate.at_most(usd(25))),
            ("as much as $4 billion", Estimate.at_most(usd(4))),
            ("more than $100 billion", Estimate.at_least(usd(100))),
            ("$100B+", Estimate.at_least(usd(100))),
            ("$100B +", Estimate.at_least(usd(100))),
            ("at least $1 billion", Estimate.at_least(usd(1))),
            ("$5 billion", Estimate.exact(usd(5))),
            ("$30–50 billion", Estimate.between(usd(30), usd(50))),
            ("$30-50 billion", Estimate.between(usd(30), usd(50))),
            ("$30 to $50 billion", Estimate.between(usd(30), usd(50))),
            ("between $1 billion and $2 billion", Estimate.between(usd(1), usd(2))),
            ("Between $1 billion and $2 billion", Estimate.between(usd(1), usd(2))),
            ("€3–4 billion", Estimate.between(eur(3), eur(4))),
            ("Up To $25 Billion", Estimate.at_most(usd(25))),
            ("up  to   $25 billion", Estimate.at_most(usd(25))),
        ],
    )
    def test_money(self, text: str, expected: Estimate[CurrencyAmount]) -> None:
        assert money(text) == expected

    def test_roughly(self) -> None:
        e = money("roughly $200 billion")
        assert e.qualifier is Qualifier.APPROXIMATELY
        assert e.central == usd(200)
        assert e.low == usd(180)
        assert e.high == usd(220)

    @pytest.mark.parametrize("word", ["roughly", "about", "around", "approximately", "~", "some"])
    def test_approximate_words(self, word: str) -> None:
        e = money(f"{word} $200 billion")
        assert (e.qualifier, e.central) == (Qualifier.APPROXIMATELY, usd(200))

    def test_nearly(self) -> None:
        e = power("nearly 1GW")
        assert e.qualifier is Qualifier.APPROXIMATELY
        assert e.high == gw(1)
        assert e.central == gw(1)
        assert e.low == mw(900)

    @pytest.mark.parametrize("word", ["nearly", "almost", "close to", "just under"])
    def test_below_words_cap_at_the_value(self, word: str) -> None:
        e = power(f"{word} 2 GW")
        assert (e.qualifier, e.high) == (Qualifier.APPROXIMATELY, gw(2))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("30–50 megawatts", Estimate.between(mw(30), mw(50))),
            ("30-50 MW", Estimate.between(mw(30), mw(50))),
            ("30 MW to 50 MW", Estimate.between(mw(30), mw(50))),
            ("1 to 2 GW", Estimate.between(gw(1), gw(2))),
            ("at least 5 GW", Estimate.at_least(gw(5))),
            ("more than 1 gigawatt", Estimate.at_least(gw(1))),
            ("up to 5 GW", Estimate.at_most(gw(5))),
            ("5 GW", Estimate.exact(gw(5))),
            ("between 1 GW and 1.5 GW", Estimate.between(gw(1), gw("1.5"))),
        ],
    )
    def test_power(self, text: str, expected: Estimate[Power]) -> None:
        assert power(text) == expected

    def test_range_ends_borrow_the_unit(self) -> None:
        e = power("30–50 megawatts")
        assert e.low is not None and e.low.unit == "MW"
        assert e.low.magnitude == 30

    def test_tilde(self) -> None:
        e = power("~1 GW")
        assert (e.qualifier, e.central, e.low, e.high) == (
            Qualifier.APPROXIMATELY, gw(1), mw(900), gw("1.1")
        )

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "up to",
            "roughly",
            "+",
            "$50–30 billion",  # the wrong way round
            "$30 billion–€50 billion",  # two currencies
            "between $1 billion",
            "up to 5 GW",  # a power, read as money
            "overpriced $5 billion",
            "somewhere near $5 billion",
            "$5 billion or so",
        ],
    )
    def test_money_refused(self, text: str) -> None:
        with pytest.raises(DealkitError):
            money(text)

    @pytest.mark.parametrize("text", ["5 GWh", "up to 5 GWh", "30–50 GWh", "nearly 5 parsec"])
    def test_power_of_the_wrong_dimension_refused(self, text: str) -> None:
        with pytest.raises(DealkitError):
            power(text)

    def test_errors_quote_the_whole_text(self) -> None:
        with pytest.raises(ParseError) as info:
            money("up to $25 zillion")
        assert info.value.value == "up to $25 zillion"

    @pytest.mark.parametrize("value", [None, 5, b"up to $5B"])
    def test_non_text(self, value: object) -> None:
        with pytest.raises(ParseError):
            Estimate.parse(value, CurrencyAmount.parse)  # type: ignore[arg-type]

    def test_overlong_text(self) -> None:
        with pytest.raises(ParseError, match="longer than"):
            money("up to $" + "9" * 10_000 + " billion")


class TestText:
    @pytest.mark.parametrize(
        ("estimate", "value_text", "text"),
        [
            (Estimate.between(mw(30), mw(50)), "30 MW .. 50 MW", "30 MW .. 50 MW"),
            (Estimate.exact(gw(5)), "5 GW", "5 GW"),
            (Estimate.at_most(usd(25)), "25000000000 USD", "up to 25000000000 USD"),
            (Estimate.at_least(usd(100)), "100000000000 USD", "more than 100000000000 USD"),
            (Estimate.approximately(usd(200)), "200000000000 USD", "about 200000000000 USD"),
        ],
    )
    def test_value_text_and_str(self, estimate: Estimate[Any], value_text: str, text: str) -> None:
        assert estimate.value_text == value_text
        assert str(estimate) == text

    def test_parsed_range_value_text(self) -> None:
        assert power("30–50 megawatts").value_text == "30 MW .. 50 MW"

    @pytest.mark.parametrize(
        "estimate",
        [
            Estimate.exact(usd(5)),
            Estimate.at_most(usd(25)),
            Estimate.at_least(gw(1)),
            Estimate.between(mw(30), mw(50)),
            Estimate.approximately(usd(200)),
            Estimate.nearly(gw(1)),
        ],
    )
    def test_repr_evaluates_back(self, estimate: Estimate[Any]) -> None:
        namespace = {
            "Estimate": Estimate, "CurrencyAmount": CurrencyAmount, "Decimal": Decimal, "Power": Power
        }
        assert eval(repr(estimate), namespace) == estimate

    def test_value_text_parses_back(self) -> None:
        for text in ("30 MW .. 50 MW", "5 GW"):
            assert power(text).value_text == text


class TestArithmetic:
    def test_up_to_plus_exactly(self) -> None:
        total = Estimate.at_most(usd(20)) + Estimate.exact(usd(5))
        assert total == Estimate.at_most(usd(25))
        assert total.qualifier is Qualifier.AT_MOST

    def test_plus_a_plain_value(self) -> None:
        assert Estimate.at_most(usd(20)) + usd(5) == Estimate.at_most(usd(25))
        assert Estimate.exact(gw(1)) + mw(500) == Estimate.exact(gw("1.5"))

    @pytest.mark.parametrize(
        ("left", "right", "expected"),
        [
            (Estimate.exact(usd(1)), Estimate.exact(usd(2)), Estimate.exact(usd(3))),
            (Estimate.between(usd(1), usd(2)), Estimate.between(usd(10), usd(20)),
             Estimate.between(usd(11), usd(22))),
            (Estimate.at_least(usd(1)), Estimate.exact(usd(2)), Estimate.at_least(usd(3))),
            (Estimate.at_least(usd(1)), Estimate.at_least(usd(2)), Estimate.at_least(usd(3))),
            (Estimate.at_most(usd(1)), Estimate.at_most(usd(2)), Estimate.at_most(usd(3))),
            (Estimate.approximately(usd(100)), Estimate.exact(usd(10)),
             Estimate.between(usd(100), usd(120))),
        ],
    )
    def test_add(self, left: Estimate[Any], right: Estimate[Any], expected: Estimate[Any]) -> None:
        assert left + right == expected
        assert right + left == expected

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (Estimate.at_most(usd(1)), Estimate.at_least(usd(2))),
            (Estimate.at_least(usd(1)), Estimate.at_most(usd(2))),
        ],
    )
    def test_opposite_open_bounds_leave_the_sum_undetermined(
        self, left: Estimate[Any], right: Estimate[Any]
    ) -> None:
        with pytest.raises(BoundsError):
            left + right

    @pytest.mark.parametrize(
        ("left", "right", "expected"),
        [
            # [10, 20] - [1, 2] = [10 - 2, 20 - 1]
            (Estimate.between(usd(10), usd(20)), Estimate.between(usd(1), usd(2)),
             Estimate.between(usd(8), usd(19))),
            (Estimate.at_most(usd(20)), Estimate.exact(usd(5)), Estimate.at_most(usd(15))),
            # 5 - (anything up to 20) is at least 5 - 20
            (Estimate.exact(usd(5)), Estimate.at_most(usd(20)), Estimate.at_least(usd(-15))),
            (Estimate.at_least(usd(10)), Estimate.at_most(usd(3)), Estimate.at_least(usd(7))),
            (Estimate.exact(usd(5)), Estimate.at_least(usd(2)), Estimate.at_most(usd(3))),
            (Estimate.exact(usd(5)), Estimate.exact(usd(5)), Estimate.exact(usd(0))),
            (Estimate.between(gw(3), gw(4)), Estimate.exact(gw(1)), Estimate.between(gw(2), gw(3))),
        ],
    )
    def test_sub_swaps_the_bounds_of_the_right(
        self, left: Estimate[Any], right: Estimate[Any], expected: Estimate[Any]
    ) -> None:
        assert left - right == expected

    def test_sub_a_plain_value(self) -> None:
        assert Estimate.at_most(usd(20)) - usd(5) == Estimate.at_most(usd(15))

    @pytest.mark.parametrize(
        ("estimate", "factor", "expected"),
        [
            (Estimate.exact(usd(5)), 2, Estimate.exact(usd(10))),
            (Estimate.between(usd(1), usd(2)), 3, Estimate.between(usd(3), usd(6))),
            (Estimate.at_most(usd(20)), Decimal("0.5"), Estimate.at_most(usd(10))),
            (Estimate.at_most(usd(20)), -1, Estimate.at_least(usd(-20))),
            (Estimate.at_least(usd(20)), -2, Estimate.at_most(usd(-40))),
            (Estimate.between(usd(1), usd(2)), -2, Estimate.between(usd(-4), usd(-2))),
            (Estimate.exact(usd(5)), -1, Estimate.exact(usd(-5))),
            (Estimate.between(usd(1), usd(2)), 0, Estimate.exact(usd(0))),
            (Estimate.approximately(usd(100)), -1, Estimate.between(usd(-110), usd(-90))),
        ],
    )
    def test_multiplication(
        self, estimate: Estimate[Any], factor: int | Decimal, expected: Estimate[Any]
    ) -> None:
        assert estimate * factor == expected
        assert factor * estimate == expected

    def test_scaling_an_approximation_keeps_it_approximate(self) -> None:
        e = Estimate.approximately(usd(100)) * 2
        assert e.qualifier is Qualifier.APPROXIMATELY
        assert (e.low, e.central, e.high) == (usd(180), usd(200), usd(220))

    @pytest.mark.parametrize("factor", [1.5, True, "2", None])
    def test_multiplying_by_a_float_or_other_is_refused(self, factor: object) -> None:
        with pytest.raises(TypeError):
            Estimate.exact(usd(5)) * factor  # type: ignore[operator]

    def test_mixed_currencies_raise(self) -> None:
        with pytest.raises(DealkitError):
            Estimate.exact(usd(5)) + Estimate.exact(eur(5))
        with pytest.raises(DealkitError):
            Estimate.at_most(usd(5)) - eur(1)

    def test_map(self) -> None:
        e = power("30–50 megawatts").map(lambda p: p.to("GW"))
        assert e == Estimate.between(gw("0.03"), gw("0.05"))
        assert e.low is not None and e.low.unit == "GW"
        approx = Estimate.approximately(gw(1)).map(lambda p: p.to("MW"))
        assert approx.central is not None and approx.central.unit == "MW"


class TestContains:
    @pytest.mark.parametrize(
        ("estimate", "inside", "outside"),
        [
            (Estimate.at_most(usd(25)), [usd(0), usd(25), usd(-1)], [usd("25.000000001")]),
            (Estimate.at_least(usd(100)), [usd(100), usd(10**6)], [usd("99.99")]),
            (Estimate.between(mw(30), mw(50)), [mw(30), mw(40), mw(50)], [mw(29), mw(51)]),
            (Estimate.exact(gw(5)), [mw(5000)], [mw(4999), mw(5001)]),
            (Estimate.approximately(usd(200)), [usd(180), usd(220)], [usd(179), usd(221)]),
        ],
    )
    def test_contains(self, estimate: Estimate[Any], inside: list[Any], outside: list[Any]) -> None:
        for value in inside:
            assert estimate.contains(value)
        for value in outside:
            assert not estimate.contains(value)

    @pytest.mark.parametrize(
        ("left", "right", "compatible"),
        [
            (Estimate.at_most(usd(25)), Estimate.exact(usd(20)), True),
            (Estimate.at_most(usd(25)), Estimate.at_least(usd(25)), True),
            (Estimate.at_most(usd(25)), Estimate.at_least(usd(26)), False),
            (Estimate.between(usd(1), usd(2)), Estimate.between(usd(2), usd(3)), True),
            (Estimate.between(usd(1), usd(2)), Estimate.between(usd(3), usd(4)), False),
            (Estimate.at_least(usd(1)), Estimate.at_least(usd(100)), True),
            (Estimate.exact(usd(1)), Estimate.exact(usd(2)), False),
        ],
    )
    def test_compatible_with(self, left: Estimate[Any], right: Estimate[Any], compatible: bool) -> None:
        assert left.compatible_with(right) is compatible
        assert right.compatible_with(left) is compatible

    def test_contains_across_currencies_raises(self) -> None:
        with pytest.raises(DealkitError):
            Estimate.at_most(usd(5)).contains(eur(1))


_money_pairs = currencies.flatmap(
    lambda code: st.tuples(
        estimate_and_point(currency_amounts(code, cent_amounts(bound=10**12))),
        estimate_and_point(currency_amounts(code, cent_amounts(bound=10**12))),
    )
)
_power_pairs = st.tuples(estimate_and_point(powers()), estimate_and_point(powers()))


class TestSoundness:
    @settings(max_examples=80)
    @given(_money_pairs)
    def test_money_sum_and_difference_contain_every_combination(self, pairs: Any) -> None:
        (x, a), (y, b) = pairs
        assert x.contains(a) and y.contains(b)
        self._check(x, y, a, b, sub=True)

    @settings(max_examples=80)
    @given(_power_pairs)
    def test_power_sum_contains_every_combination(self, pairs: Any) -> None:
        (x, a), (y, b) = pairs
        assert x.contains(a) and y.contains(b)
        self._check(x, y, a, b, sub=False)

    @staticmethod
    def _check(x: Estimate[Any], y: Estimate[Any], a: Any, b: Any, *, sub: bool) -> None:
        ops: list[Callable[[Any, Any], Any]] = [operator.add]
        if sub:
            ops.append(operator.sub)
        for op in ops:
            try:
                result = op(x, y)
            except BoundsError:
                # Undetermined only when both result bounds are open: x + y has no low when
                # either low is open; x - y has no low when x.low or y.high is open (and so on).
                if op is operator.add:
                    assert (x.low is None or y.low is None) and (x.high is None or y.high is None)
                else:
                    assert (x.low is None or y.high is None) and (x.high is None or y.low is None)
                continue
            assert result.contains(op(a, b))

    @settings(max_examples=60)
    @given(
        currencies.flatmap(lambda c: estimate_and_point(currency_amounts(c, cent_amounts()))),
        st.integers(-5, 5),
    )
    def test_scaling_contains_every_scaled_point(self, pair: Any, factor: int) -> None:
        x, a = pair
        assert (x * factor).contains(a * factor)

    @settings(max_examples=60)
    @given(money_estimates(), cent_amounts(signed=False))
    def test_contains_agrees_with_compatible_with(
        self, x: Estimate[CurrencyAmount], amount: Decimal
    ) -> None:
        point = CurrencyAmount(amount, x.value.currency if x.qualifier is not Qualifier.RANGE
                               else x.low.currency)  # type: ignore[union-attr]
        assert x.contains(point) == x.compatible_with(Estimate.exact(point))
        assert x.contains(point) == Estimate.exact(point).compatible_with(x)

    @settings(max_examples=60)
    @given(_power_pairs)
    def test_a_shared_point_makes_estimates_compatible(self, pairs: Any) -> None:
        (x, a), (y, _) = pairs
        if y.contains(a):
            assert x.compatible_with(y) and y.compatible_with(x)
        if not x.compatible_with(y):
            assert not y.contains(a)

    @settings(max_examples=60)
    @given(power_estimates())
    def test_every_estimate_contains_its_stated_values(self, x: Estimate[Power]) -> None:
        for bound in (x.low, x.high, x.central):
            if bound is not None:
                assert x.contains(bound)
        assert x.compatible_with(x)


class TestPlainText:
    """str() of an estimate uses the words a reader expects for its kind of value."""

    def test_dates_read_as_deadlines(self) -> None:
        assert str(Estimate.at_most(PartialDate.parse("2026-12"))) == "by 2026-12"
        assert str(Estimate.at_least(PartialDate.parse("2026-Q3"))) == "from 2026-Q3"

    def test_amounts_read_as_bounds(self) -> None:
        assert str(Estimate.at_most(CurrencyAmount.parse("$25B"))) == "up to 25000000000 USD"
        assert str(Estimate.at_least(Power(5, "GW"))) == "more than 5 GW"
