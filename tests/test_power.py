"""Tests for dealkit._values.measure and dealkit._values.measures: Power, Energy and Duration."""

from __future__ import annotations

import copy
import pickle
import time
from decimal import Decimal

import attrs
import pint
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealkit._errors import DealkitError, DimensionError, InvalidValueError, ParseError
from dealkit._values.measures import HOURS_PER_YEAR, Duration, Energy, Power
from dealkit._values.units import get_registry
from tests.strategies import durations, energies, powers

K = 1000


class TestPowerUnits:
    @pytest.mark.parametrize(
        ("magnitude", "unit", "watts"),
        [
            (1, "W", 1),
            (1, "kW", K),
            (1, "MW", K**2),
            (1, "GW", K**3),
            (1, "TW", K**4),
            (5, "GW", 5 * K**3),
            (Decimal("1.25"), "GW", 1_250_000_000),
            ("30", "MW", 30 * K**2),
            (0, "MW", 0),
        ],
    )
    def test_base_is_exact_watts(self, magnitude: object, unit: str, watts: int) -> None:
        power = Power(magnitude, unit)  # type: ignore[arg-type]
        assert power.base == watts
        assert power.unit == unit

    def test_default_unit_is_gigawatts(self) -> None:
        assert Power(5) == Power(5, "GW")
        assert Power(5).unit == "GW"

    @pytest.mark.parametrize(
        ("source", "target", "magnitude"),
        [
            (Power(5, "GW"), "MW", Decimal(5000)),
            (Power(5, "GW"), "kW", Decimal(5_000_000)),
            (Power(5, "GW"), "W", Decimal(5_000_000_000)),
            (Power(5, "GW"), "TW", Decimal("0.005")),
            (Power(1500, "MW"), "GW", Decimal("1.5")),
            (Power(1, "TW"), "GW", Decimal(1000)),
            (Power(250, "kW"), "MW", Decimal("0.25")),
        ],
    )
    def test_to_converts_exactly(self, source: Power, target: str, magnitude: Decimal) -> None:
        converted = source.to(target)
        assert converted.unit == target
        assert converted.magnitude == magnitude
        assert converted == source

    @pytest.mark.parametrize(
        ("spelling", "symbol"),
        [
            ("watt", "W"),
            ("watts", "W"),
            ("kilowatts", "kW"),
            ("megawatt", "MW"),
            ("megawatts", "MW"),
            ("Megawatts", "MW"),
            ("MEGAWATTS", "MW"),
            ("gigawatt", "GW"),
            ("gigawatts", "GW"),
            ("terawatts", "TW"),
        ],
    )
    def test_unit_words(self, spelling: str, symbol: str) -> None:
        power = Power(3, spelling)  # type: ignore[arg-type]
        assert power.unit == symbol
        assert power == Power(3, symbol)  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", ["mw", "gw", "Gw", "tw"])
    def test_symbols_are_case_sensitive(self, unit: str) -> None:
        # "mW" is a milliwatt, not a megawatt: a wrongly cased symbol is never guessed.
        with pytest.raises(DealkitError):
            Power(1, unit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", ["GWh", "MWh", "kilowatt-hours", "year", "days"])
    def test_units_of_other_dealkit_kinds_are_dimension_errors(self, unit: str) -> None:
        with pytest.raises(DimensionError):
            Power(1, unit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", ["parsec", "meter", "kg", "joule", "volt"])
    def test_pint_units_of_other_dimensions_are_dimension_errors(self, unit: str) -> None:
        with pytest.raises(DimensionError, match=unit):
            Power(1, unit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", ["mW", "horsepower", "hp", "PW"])
    def test_power_units_dealkit_does_not_store_are_unknown_not_wrong_dimension(
        self, unit: str
    ) -> None:
        with pytest.raises(InvalidValueError, match="unknown power unit") as info:
            Power(1, unit)  # type: ignore[arg-type]
        assert not isinstance(info.value, DimensionError)

    @pytest.mark.parametrize("unit", ["foo", "gigawatz", "", " ", "G W", "GW2", None, 5])
    def test_unknown_units(self, unit: object) -> None:
        with pytest.raises(InvalidValueError, match="unknown power unit"):
            Power(1, unit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("magnitude", [-1, Decimal("-0.001"), "-5"])
    def test_negative_is_refused(self, magnitude: object) -> None:
        with pytest.raises(InvalidValueError):
            Power(magnitude, "GW")  # type: ignore[arg-type]

    @pytest.mark.parametrize("magnitude", [5.0, float("nan"), True, None, "1e3", Decimal("NaN")])
    def test_floats_and_non_numbers_are_refused(self, magnitude: object) -> None:
        with pytest.raises((InvalidValueError, ParseError)):
            Power(magnitude, "GW")  # type: ignore[arg-type]

    def test_implausibly_large_is_refused(self) -> None:
        assert Power(1000, "TW").base == K**5
        with pytest.raises(InvalidValueError, match="implausibly large"):
            Power(1001, "TW")

    def test_frozen(self) -> None:
        power = Power(5, "GW")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            power.base = Decimal(1)  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            power.unit = "MW"  # type: ignore[misc]

    def test_copy_and_pickle(self) -> None:
        power = Power("1.5", "GW")
        for clone in (copy.copy(power), copy.deepcopy(power), pickle.loads(pickle.dumps(power))):
            assert clone == power
            assert clone.unit == "GW"


class TestEquality:
    def test_display_unit_is_ignored(self) -> None:
        assert Power(5, "GW") == Power(5000, "MW")
        assert hash(Power(5, "GW")) == hash(Power(5000, "MW"))
        assert len({Power(5, "GW"), Power(5000, "MW"), Power(5_000_000, "kW")}) == 1

    def test_energy_display_unit_is_ignored(self) -> None:
        assert Energy("43.8", "TWh") == Energy(43_800, "GWh")
        assert hash(Energy("43.8", "TWh")) == hash(Energy(43_800, "GWh"))

    def test_duration_display_unit_is_ignored(self) -> None:
        assert Duration(1, "year") == Duration(365, "day")
        assert Duration(1, "year") == Duration(4, "quarter")
        assert Duration(1, "quarter") == Duration(3, "month")

    def test_different_kinds_are_never_equal(self) -> None:
        assert Power(5, "GW") != Energy(5, "GWh")  # type: ignore[comparison-overlap]
        assert Power(1, "W") != Energy(1, "Wh")  # type: ignore[comparison-overlap]

    @pytest.mark.parametrize("other", [5, Decimal(5), "5 GW", None])
    def test_plain_values_are_not_equal(self, other: object) -> None:
        assert Power(5, "GW") != other


class TestEnergyUnits:
    @pytest.mark.parametrize(
        ("magnitude", "unit", "watt_hours"),
        [
            (1, "Wh", 1),
            (1, "kWh", K),
            (1, "MWh", K**2),
            (1, "GWh", K**3),
            (1, "TWh", K**4),
            (Decimal("43.8"), "TWh", 43_800_000_000_000),
        ],
    )
    def test_base_is_exact_watt_hours(self, magnitude: object, unit: str, watt_hours: int) -> None:
        assert Energy(magnitude, unit).base == watt_hours  # type: ignore[arg-type]

    def test_default_unit_is_gigawatt_hours(self) -> None:
        assert Energy(1).unit == "GWh"

    @pytest.mark.parametrize(
        ("spelling", "symbol"),
        [
            ("watt-hours", "Wh"),
            ("kilowatt-hour", "kWh"),
            ("megawatt-hours", "MWh"),
            ("gigawatthours", "GWh"),
            ("terawatt-hours", "TWh"),
        ],
    )
    def test_unit_words(self, spelling: str, symbol: str) -> None:
        assert Energy(1, spelling).unit == symbol  # type: ignore[arg-type]

    @pytest.mark.parametrize("unit", ["GW", "MW", "watts", "year"])
    def test_other_kinds_are_dimension_errors(self, unit: str) -> None:
        with pytest.raises(DimensionError):
            Energy(1, unit)  # type: ignore[arg-type]

    def test_to_converts(self) -> None:
        assert Energy(43_800, "GWh").to("TWh").magnitude == Decimal("43.8")

    def test_implausibly_large_is_refused(self) -> None:
        assert Energy(10**7, "TWh").base == 10**19
        with pytest.raises(InvalidValueError, match="implausibly large"):
            Energy(10**7 + 1, "TWh")


class TestDuration:
    @pytest.mark.parametrize(
        ("duration", "days"),
        [
            (Duration(1, "day"), 1),
            (Duration(1, "year"), 365),
            (Duration(10, "year"), 3650),
            (Duration(1, "quarter"), Decimal("91.25")),
            (Duration(2, "quarter"), Decimal("182.5")),
            (Duration(12, "month"), 365),
        ],
    )
    def test_base_is_days_of_a_365_day_year(self, duration: Duration, days: Decimal) -> None:
        assert duration.base == days

    def test_hours_and_years(self) -> None:
        assert Duration(1, "year").hours == HOURS_PER_YEAR == 8760
        assert Duration(2, "day").hours == 48
        assert Duration(730, "day").years == 2
        assert Duration(6, "month").years == Decimal("0.5")

    def test_default_unit_is_years(self) -> None:
        assert Duration(3) == Duration(3, "year")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("10 years", Duration(10, "year")),
            ("1 year", Duration(1, "year")),
            ("ten years", Duration(10, "year")),
            ("Ten Years", Duration(10, "year")),
            ("two months", Duration(2, "month")),
            ("a decade", Duration(10, "year")),
            ("decade", Duration(10, "year")),
            ("one decade", Duration(10, "year")),
            ("a year", Duration(1, "year")),
            ("an year", Duration(1, "year")),
            ("three quarters", Duration(3, "quarter")),
            ("twenty years", Duration(20, "year")),
            ("twelve months", Duration(1, "year")),
            ("90 days", Duration(90, "day")),
            ("5 yrs", Duration(5, "year")),
            ("18 months", Duration(18, "month")),
        ],
    )
    def test_parse(self, text: str, expected: Duration) -> None:
        assert Duration.parse(text) == expected

    @pytest.mark.parametrize(
        ("text", "unit", "magnitude"),
        [("ten years", "year", 10), ("two months", "month", 2), ("a decade", "year", 10)],
    )
    def test_parse_keeps_the_stated_unit(self, text: str, unit: str, magnitude: int) -> None:
        parsed = Duration.parse(text)
        assert parsed.unit == unit
        assert parsed.magnitude == magnitude

    @pytest.mark.parametrize(
        ("duration", "text"),
        [
            (Duration(10, "year"), "10 years"),
            (Duration(1, "year"), "1 year"),
            (Duration(2, "month"), "2 months"),
            (Duration(1, "month"), "1 month"),
            (Duration(1, "quarter"), "1 quarter"),
            (Duration(Decimal("1.5"), "year"), "1.5 years"),
            (Duration(0, "day"), "0 days"),
        ],
    )
    def test_str(self, duration: Duration, text: str) -> None:
        assert str(duration) == text

    @pytest.mark.parametrize(
        "text", ["several years", "a fortnight", "two", "ten GW", "-1 year", "a decade or two", ""]
    )
    def test_parse_refuses(self, text: str) -> None:
        with pytest.raises(DealkitError):
            Duration.parse(text)

    @pytest.mark.parametrize("unit", ["seconds", "hours", "week", "minute"])
    def test_time_units_dealkit_does_not_store_are_unknown_not_wrong_dimension(
        self, unit: str
    ) -> None:
        with pytest.raises(InvalidValueError, match="unknown duration unit") as info:
            Duration(1, unit)  # type: ignore[arg-type]
        assert not isinstance(info.value, DimensionError)

    def test_more_than_ten_thousand_years_is_refused(self) -> None:
        assert Duration(10_000, "year").years == 10_000
        with pytest.raises(InvalidValueError):
            Duration(10_001, "year")


class TestEnergyFromPower:
    def test_five_gigawatts_for_a_year_is_43_8_terawatt_hours(self) -> None:
        energy = Power(5, "GW").per_year()
        assert isinstance(energy, Energy)
        assert energy == Energy("43.8", "TWh")
        assert energy.base == 5 * K**3 * 8760
        assert energy.to("TWh").magnitude == Decimal("43.8")

    @pytest.mark.parametrize(
        ("power", "duration", "energy"),
        [
            (Power(5, "GW"), Duration(10, "year"), Energy(438, "TWh")),
            (Power(1, "MW"), Duration(1, "day"), Energy(24, "MWh")),
            (Power(1, "GW"), Duration(1, "quarter"), Energy(2190, "GWh")),
            (Power(2, "kW"), Duration(0, "day"), Energy(0, "Wh")),
            (Power(100, "MW"), Duration(6, "month"), Energy(438, "GWh")),
        ],
    )
    def test_over(self, power: Power, duration: Duration, energy: Energy) -> None:
        assert power.over(duration) == energy
        assert power * duration == energy
        assert duration * power == energy

    def test_over_a_year_is_per_year(self) -> None:
        assert Power(7, "MW").over(Duration(1, "year")) == Power(7, "MW").per_year()

    def test_energy_is_stated_in_the_matching_unit(self) -> None:
        assert Power(5, "GW").per_year().unit == "GWh"
        assert Power(3, "MW").over(Duration(1, "day")).unit == "MWh"

    @pytest.mark.parametrize("other", [Energy(1, "GWh"), 5, "1 year", None])
    def test_over_needs_a_duration(self, other: object) -> None:
        with pytest.raises(DimensionError):
            Power(1, "GW").over(other)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("energy", "duration", "power"),
        [
            (Energy(8760, "GWh"), Duration(1, "year"), Power(1, "GW")),
            (Energy("43.8", "TWh"), Duration(1, "year"), Power(5, "GW")),
            (Energy(24, "MWh"), Duration(1, "day"), Power(1, "MW")),
            (Energy(438, "TWh"), Duration(10, "year"), Power(5, "GW")),
        ],
    )
    def test_average_power(self, energy: Energy, duration: Duration, power: Power) -> None:
        assert energy.average_power(duration) == power

    def test_average_power_is_stated_in_the_matching_unit(self) -> None:
        assert Energy(8760, "GWh").average_power(Duration(1, "year")).unit == "GW"
        assert Energy(24, "Wh").average_power(Duration(1, "day")).unit == "W"

    def test_average_power_over_zero_time_raises(self) -> None:
        with pytest.raises(InvalidValueError):
            Energy(1, "GWh").average_power(Duration(0, "day"))

    def test_average_power_needs_a_duration(self) -> None:
        with pytest.raises(DimensionError):
            Energy(1, "GWh").average_power(Power(1, "GW"))  # type: ignore[arg-type]

    @settings(max_examples=50)
    @given(powers(), durations())
    def test_average_power_inverts_over(self, power: Power, duration: Duration) -> None:
        if not duration.base:
            return
        back = power.over(duration).average_power(duration)
        if duration.unit == "month" and duration.magnitude % 3:
            # A month is 365/12 days, which no decimal holds exactly: 28 digits agree.
            assert abs(back.base - power.base) <= power.base * Decimal("1E-26")
        else:
            assert back == power


class TestArithmetic:
    def test_add_and_subtract(self) -> None:
        assert Power(5, "GW") + Power(500, "MW") == Power("5.5", "GW")
        assert Power(5, "GW") - Power(500, "MW") == Power("4.5", "GW")
        assert Energy(1, "TWh") + Energy(1, "GWh") == Energy(1001, "GWh")

    def test_result_keeps_the_left_unit(self) -> None:
        assert (Power(5, "GW") + Power(500, "MW")).unit == "GW"
        assert (Power(500, "MW") + Power(5, "GW")).unit == "MW"

    def test_negative_result_is_refused(self) -> None:
        with pytest.raises(InvalidValueError):
            Power(1, "GW") - Power(2, "GW")

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (Power(1, "GW"), Energy(1, "GWh")),
            (Energy(1, "GWh"), Power(1, "GW")),
            (Power(1, "GW"), Duration(1, "year")),
            (Energy(1, "GWh"), Duration(1, "year")),
        ],
    )
    def test_adding_different_dimensions_raises(self, left: object, right: object) -> None:
        with pytest.raises(DimensionError):
            left + right  # type: ignore[operator]
        with pytest.raises(DimensionError):
            left - right  # type: ignore[operator]
        with pytest.raises(DimensionError):
            left < right  # type: ignore[operator]  # noqa: B015

    def test_dimension_error_is_a_type_error(self) -> None:
        with pytest.raises(TypeError):
            Power(1, "GW") + Energy(1, "GWh")  # type: ignore[operator]

    @pytest.mark.parametrize("other", [1, Decimal(1), "1 GW", 1.0])
    def test_adding_plain_values_is_a_type_error(self, other: object) -> None:
        with pytest.raises(TypeError):
            Power(1, "GW") + other  # type: ignore[operator]

    def test_scaling(self) -> None:
        assert Power(5, "GW") * 2 == Power(10, "GW")
        assert 3 * Power(5, "GW") == Power(15, "GW")
        assert Power(5, "GW") * Decimal("0.5") == Power("2.5", "GW")
        assert Power(5, "GW").scaled(4) == Power(1250, "MW")
        assert Energy(10, "GWh").scaled(Decimal("2.5")) == Energy(4, "GWh")

    @pytest.mark.parametrize("factor", [2.0, True, float("nan")])
    def test_scaling_by_a_float_or_bool_is_a_dealkit_error(self, factor: object) -> None:
        with pytest.raises(InvalidValueError, match="takes an int or a Decimal"):
            Power(5, "GW") * factor  # type: ignore[operator]
        with pytest.raises(InvalidValueError, match="takes an int or a Decimal"):
            Power(5, "GW") / factor  # type: ignore[operator]

    def test_scaling_by_another_type_is_refused(self) -> None:
        with pytest.raises(TypeError):
            Power(5, "GW") * "2"  # type: ignore[operator]

    def test_scaling_negative_is_refused(self) -> None:
        with pytest.raises(InvalidValueError):
            Power(5, "GW") * -1

    @pytest.mark.parametrize("divisor", [0, -2, Decimal(0)])
    def test_scaled_needs_a_positive_divisor(self, divisor: int | Decimal) -> None:
        with pytest.raises(InvalidValueError):
            Power(5, "GW").scaled(divisor)

    def test_ratio(self) -> None:
        assert Power(5, "GW").ratio(Power(500, "MW")) == 10
        assert type(Power(5, "GW").ratio(Power(500, "MW"))) is Decimal
        with pytest.raises(InvalidValueError):
            Power(5, "GW").ratio(Power(0, "GW"))
        with pytest.raises(DimensionError):
            Power(5, "GW").ratio(Energy(5, "GWh"))  # type: ignore[arg-type]

    def test_sum_starts_from_zero(self) -> None:
        assert sum([Power(1, "GW"), Power(500, "MW"), Power(500, "MW")]) == Power(2, "GW")

    def test_comparison(self) -> None:
        assert Power(900, "MW") < Power(1, "GW")
        assert Power(1, "GW") <= Power(1000, "MW")
        assert Power(1, "GW") >= Power(1000, "MW")
        assert Power(2, "GW") > Power(1999, "MW")
        assert max(Power(1, "GW"), Power(1500, "MW")) == Power("1.5", "GW")

    def test_truthiness(self) -> None:
        assert Power(1, "W")
        assert not Power(0, "GW")

    @settings(max_examples=50)
    @given(powers(), powers())
    def test_addition_commutes_and_subtraction_inverts(self, a: Power, b: Power) -> None:
        assert a + b == b + a
        assert (a + b) - b == a
        assert (a < b) == (a.base < b.base)


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("5 GW", Power(5, "GW")),
            ("5GW", Power(5, "GW")),
            ("1.25GW", Power("1.25", "GW")),
            ("30 megawatts", Power(30, "MW")),
            ("1,500 MW", Power(1500, "MW")),
            ("  2 TW  ", Power(2, "TW")),
            ("5 gigawatts", Power(5000, "MW")),
            ("0 W", Power(0, "W")),
        ],
    )
    def test_power(self, text: str, expected: Power) -> None:
        assert Power.parse(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("43.8 TWh", Energy(43_800, "GWh")), ("5 gigawatt-hours", Energy(5, "GWh"))],
    )
    def test_energy(self, text: str, expected: Energy) -> None:
        assert Energy.parse(text) == expected

    def test_parse_keeps_the_stated_unit(self) -> None:
        assert Power.parse("5000 MW").unit == "MW"
        assert Power.parse("5 gigawatts").unit == "GW"

    @pytest.mark.parametrize("text", ["5 GWh", "5 MWh", "5 terawatt-hours", "5 years"])
    def test_other_dealkit_dimensions_are_dimension_errors(self, text: str) -> None:
        with pytest.raises(DimensionError) as info:
            Power.parse(text)
        assert info.value.value == text

    @pytest.mark.parametrize("text", ["5 parsec", "5 meters", "5 joules"])
    def test_other_pint_dimensions_are_dimension_errors(self, text: str) -> None:
        with pytest.raises(DimensionError):
            Power.parse(text)

    @pytest.mark.parametrize("text", ["5 GW", "5 MW"])
    def test_power_is_no_energy(self, text: str) -> None:
        with pytest.raises(DimensionError):
            Energy.parse(text)

    def test_unknown_unit(self) -> None:
        with pytest.raises(InvalidValueError, match="unknown power unit") as info:
            Power.parse("5 foo")
        assert info.value.value == "5 foo"

    @pytest.mark.parametrize(
        "text",
        [
            "-5 GW",
            "GW",
            "5",
            "",
            "five GW",
            "5 GW GW",
            "5 GW!",
            "1,50 MW",
            "5_000 MW",
            "٥ GW",  # Arabic-Indic digit
        ],
    )
    def test_malformed_text(self, text: str) -> None:
        with pytest.raises(DealkitError) as info:
            Power.parse(text)
        assert isinstance(info.value, (ValueError, TypeError))

    @pytest.mark.parametrize(
        "text",
        [
            "9**9**9 MW",
            "nan GW",
            "NaN GW",
            "inf GW",
            "1e309 MW",
            "1E+999999999 GW",
            "9" * 10_000 + " MW",
            "1" + "0" * 190 + " W",
            '__import__("os") GW',
            "__import__('os').system('true') W",
            "(5) GW",
            "5 GW * 10**100",
            "5 * GW",
            "5 GW / 0",
        ],
    )
    def test_hostile_text_is_refused_quickly_without_evaluation(self, text: str) -> None:
        started = time.perf_counter()
        with pytest.raises(DealkitError):
            Power.parse(text)
        assert time.perf_counter() - started < 0.5

    def test_hostile_text_never_reaches_pint(self, monkeypatch: pytest.MonkeyPatch) -> None:
        calls: list[object] = []
        ureg = get_registry()
        original = type(ureg).parse_expression

        def spy(self: object, *args: object, **kwargs: object) -> object:
            calls.append(args)
            return original(self, *args, **kwargs)  # type: ignore[arg-type,type-var]

        monkeypatch.setattr(type(ureg), "parse_expression", spy)
        for text in ("9**9**9 MW", '__import__("os") GW', "1e309 MW", "5 GW * 2"):
            with pytest.raises(DealkitError):
                Power.parse(text)
        assert calls == []

    @pytest.mark.parametrize("value", [5, None, b"5 GW", Power(5, "GW")])
    def test_non_text(self, value: object) -> None:
        with pytest.raises(ParseError):
            Power.parse(value)  # type: ignore[arg-type]


class TestText:
    @pytest.mark.parametrize(
        ("measure", "text", "representation"),
        [
            (Power(5, "GW"), "5 GW", "Power('5', 'GW')"),
            (Power("1.50", "GW"), "1.5 GW", "Power('1.5', 'GW')"),
            (Power(5, "GW").to("MW"), "5000 MW", "Power('5000', 'MW')"),
            (Energy("43.8", "TWh"), "43.8 TWh", "Energy('43.8', 'TWh')"),
            (Duration(2, "month"), "2 months", "Duration('2', 'month')"),
        ],
    )
    def test_str_and_repr(self, measure: object, text: str, representation: str) -> None:
        assert str(measure) == text
        assert repr(measure) == representation

    @settings(max_examples=50)
    @given(st.one_of(powers(), energies()))
    def test_str_parses_back_and_repr_evaluates_back(self, measure: Power | Energy) -> None:
        cls = type(measure)
        assert cls.parse(str(measure)) == measure
        back = eval(repr(measure), {"Power": Power, "Energy": Energy})
        assert back == measure
        assert back.unit == measure.unit

    @settings(max_examples=50)
    @given(durations())
    def test_duration_str_parses_back(self, duration: Duration) -> None:
        assert Duration.parse(str(duration)) == duration


class TestPint:
    def test_quantity_is_power_with_the_right_magnitude(self) -> None:
        q = Power(5, "GW").quantity
        assert isinstance(q, pint.Quantity)
        assert q.check("[power]")
        assert q.dimensionality == get_registry().get_dimensionality("[power]")
        assert q.to("watt").magnitude == 5 * K**3
        assert q.to("megawatt").magnitude == 5000

    @pytest.mark.parametrize(
        ("measure", "dimension", "unit", "magnitude"),
        [
            (Power(1500, "MW"), "[power]", "gigawatt", Decimal("1.5")),
            (Energy("43.8", "TWh"), "[energy]", "gigawatt_hour", 43_800),
            # dealkit's year is 365 days (pint's is 365.25): durations go to pint in days.
            (Duration(10, "year"), "[time]", "day", 3650),
            (Duration(4, "quarter"), "[time]", "day", 365),
            (Duration(1, "quarter"), "[time]", "day", Decimal("91.25")),
            (Duration(6, "month"), "[time]", "day", Decimal("182.5")),
        ],
    )
    def test_quantity_dimension_and_magnitude(
        self, measure: Power | Energy | Duration, dimension: str, unit: str, magnitude: object
    ) -> None:
        q = measure.quantity
        assert q.check(dimension)
        assert q.to(unit).magnitude == pytest.approx(float(magnitude))  # type: ignore[arg-type]

    def test_quantity_uses_dealkits_registry(self) -> None:
        q = Power(5, "GW").quantity
        assert q._REGISTRY is get_registry()
        # Quantities of one registry combine.
        total = q + 500 * get_registry().MW
        assert total.to("GW").magnitude == pytest.approx(5.5)

    @pytest.mark.parametrize(
        ("make", "expected"),
        [
            (lambda u: 5 * u.GW, Power(5, "GW")),
            (lambda u: 5.0 * u.GW, Power(5, "GW")),
            (lambda u: 1500 * u.MW, Power("1.5", "GW")),
            (lambda u: 250 * u.kW, Power(250, "kW")),
            (lambda u: 1 * u.kilowatt, Power(1000, "W")),
            (lambda u: 0.5 * u.W, Power("0.5", "W")),
            (lambda u: 1 * u.TW, Power(1, "TW")),
        ],
    )
    def test_from_quantity(self, make: object, expected: Power) -> None:
        power = Power.from_quantity(make(get_registry()))  # type: ignore[operator]
        assert power == expected

    def test_from_quantity_of_other_power_units(self) -> None:
        ureg = get_registry()
        assert Power.from_quantity(2 * ureg.GWh / ureg.hour) == Power(2, "GW")
        assert Power.from_quantity(1000 * ureg.joule / ureg.second) == Power(1, "kW")

    def test_from_quantity_round_trips(self) -> None:
        for power in (Power(5, "GW"), Power("1.25", "GW"), Power(30, "MW")):
            assert Power.from_quantity(power.quantity) == power
        assert Energy.from_quantity(Energy("43.8", "TWh").quantity) == Energy("43.8", "TWh")

    @pytest.mark.parametrize(
        "make",
        [
            lambda u: 5 * u.GWh,
            lambda u: 5 * u.parsec,
            lambda u: 5 * u.second,
            lambda u: u.Quantity(5),
        ],
    )
    def test_from_quantity_refuses_other_dimensions(self, make: object) -> None:
        with pytest.raises(DimensionError):
            Power.from_quantity(make(get_registry()))  # type: ignore[operator]

    @pytest.mark.parametrize("value", [5, "5 GW", Power(5, "GW"), None, Decimal(5)])
    def test_from_quantity_refuses_non_quantities(self, value: object) -> None:
        with pytest.raises(DimensionError):
            Power.from_quantity(value)

    def test_energy_from_quantity_refuses_power(self) -> None:
        with pytest.raises(DimensionError):
            Energy.from_quantity(5 * get_registry().GW)

    @pytest.mark.parametrize(
        "make",
        [lambda u: -5 * u.GW, lambda u: float("nan") * u.GW, lambda u: float("inf") * u.GW],
    )
    def test_from_quantity_refuses_negative_and_non_finite(self, make: object) -> None:
        with pytest.raises(InvalidValueError):
            Power.from_quantity(make(get_registry()))  # type: ignore[operator]


class TestQuantityRoundTrip:
    """A measure handed to pint and read back is the same measure, not float noise."""

    @pytest.mark.parametrize(
        "measure",
        [Duration(1, "month"), Duration(1, "quarter"), Duration(10, "year"), Power("1.25", "GW"), Energy("43.8", "TWh")],
    )
    def test_from_quantity_of_quantity_is_identity(self, measure: Power | Energy | Duration) -> None:
        back = type(measure).from_quantity(measure.quantity)
        assert back == measure
        assert str(back) == str(measure)


class TestCallerDecimalContext:
    """Measures compute in dealkit's own decimal context, not the caller's."""

    def test_low_caller_precision_changes_nothing(self) -> None:
        import decimal

        with decimal.localcontext(decimal.Context(prec=3)):
            p = Power(1234567, "W")
            year = Power("1.234", "GW").per_year()
            total = Power(1234, "MW") + Power(1, "W")
            parsed = Power.parse("1234 MW")
        # By hand: 1,234,567 W; 1.234 GW x 8,760 h = 10,809.84 GWh; 1,234,000,001 W.
        assert p.base == Decimal(1234567)
        assert year.base == Decimal("10809840000000")
        assert total.base == Decimal(1234000001)
        assert parsed.base == Decimal(1234000000)


class TestTypedArithmetic:
    """Every measure: scalar * and /, like-by-like ratio, power x duration, energy / duration."""

    def test_scalar_products_and_quotients(self) -> None:
        assert Power(3, "GW") * 2 == Power(6, "GW")
        assert 2 * Energy(3, "GWh") == Energy(6, "GWh")
        assert Duration(3, "year") * Decimal("0.5") == Duration(18, "month")
        assert Power(3, "GW") / 2 == Power(1500, "MW")
        assert Energy(1, "TWh") / Decimal(4) == Energy(250, "GWh")
        assert Duration(1, "year") / 4 == Duration(1, "quarter")

    def test_like_by_like_is_a_plain_ratio(self) -> None:
        assert Power(3, "GW") / Power(500, "MW") == Decimal(6)
        assert Energy(1, "TWh") / Energy(250, "GWh") == Decimal(4)
        assert Duration(1, "year") / Duration(1, "quarter") == Decimal(4)
        assert type(Power(3, "GW") / Power(1, "GW")) is Decimal

    def test_power_times_duration_is_energy_either_way(self) -> None:
        # 2 GW for 3 days: 2 x 72 = 144 GWh
        assert Power(2, "GW") * Duration(3, "day") == Energy(144, "GWh")
        assert Duration(3, "day") * Power(2, "GW") == Energy(144, "GWh")

    def test_energy_over_duration_is_power(self) -> None:
        # 43.8 TWh over a 365-day year (8760 h) is 5 GW; stated in GW, the unit that fits
        result = Energy("43.8", "TWh") / Duration(1, "year")
        assert result == Power(5, "GW") and result.unit == "GW"

    @pytest.mark.parametrize("divisor", [0, Decimal(0)])
    def test_division_by_zero(self, divisor: int) -> None:
        with pytest.raises(InvalidValueError, match="by zero"):
            Power(1, "GW") / divisor
        with pytest.raises(InvalidValueError, match="zero"):
            Power(1, "GW") / Power(0, "GW")

    def test_mixing_kinds_is_a_dimension_error(self) -> None:
        with pytest.raises(DimensionError, match="cannot divide power and energy"):
            Power(1, "GW") / Energy(1, "GWh")  # type: ignore[operator]
        with pytest.raises(DimensionError, match="cannot add power and energy"):
            Power(1, "GW") + Energy(1, "GWh")  # type: ignore[operator]
        with pytest.raises(DimensionError, match="cannot multiply energy"):
            Energy(1, "GWh") * Duration(1, "day")  # type: ignore[operator]
