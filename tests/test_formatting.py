"""Tests for ``dealkit._values.formatting``: babel-backed, locale-explicit text for dealkit values.

Expected strings are babel's exact output, including the non-breaking spaces
(``\\xa0``) and narrow non-breaking spaces (``\\u202f``) some locales use.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealkit._values.dates import PartialDate
from dealkit._errors import DealkitError, DimensionError, InvalidValueError
from dealkit._values.estimate import Estimate
from dealkit._values.formatting import (
    format_date,
    format_estimate,
    format_money,
    format_power,
    format_value,
)
from dealkit._values.money import CurrencyAmount
from dealkit._values.measures import Duration, Energy, Power

LOCALES = ("en_US", "de_DE", "ja_JP", "fr_FR")


def money(text: str) -> CurrencyAmount:
    return CurrencyAmount.parse(text)


class TestFormatMoney:
    @pytest.mark.parametrize(
        ("text", "locale", "full", "compact"),
        [
            ("$25 billion", "en_US", "$25,000,000,000.00", "$25B"),
            ("$25 billion", "de_DE", "25.000.000.000,00\xa0$", "25\xa0Mrd.\xa0$"),
            ("$25 billion", "ja_JP", "$25,000,000,000.00", "$250億"),
            ("$25 billion", "fr_FR", "25\u202f000\u202f000\u202f000,00\xa0$US", "25\xa0Md\xa0$US"),
            ("$1.25 billion", "en_US", "$1,250,000,000.00", "$1.25B"),
            ("$1.25 billion", "de_DE", "1.250.000.000,00\xa0$", "1,25\xa0Mrd.\xa0$"),
            ("$1.25 billion", "ja_JP", "$1,250,000,000.00", "$12.5億"),
            ("$1.25 billion", "fr_FR", "1\u202f250\u202f000\u202f000,00\xa0$US", "1,25\xa0Md\xa0$US"),
            ("$30M", "en_US", "$30,000,000.00", "$30M"),
            ("$30M", "de_DE", "30.000.000,00\xa0$", "30\xa0Mio.\xa0$"),
            ("$30M", "ja_JP", "$30,000,000.00", "$3000万"),
            ("$30M", "fr_FR", "30\u202f000\u202f000,00\xa0$US", "30\xa0M\xa0$US"),
            ("€3 billion", "en_US", "€3,000,000,000.00", "€3B"),
            ("€3 billion", "de_DE", "3.000.000.000,00\xa0€", "3\xa0Mrd.\xa0€"),
            ("€3 billion", "ja_JP", "€3,000,000,000.00", "€30億"),
            ("€3 billion", "fr_FR", "3\u202f000\u202f000\u202f000,00\xa0€", "3\xa0Md\xa0€"),
        ],
    )
    def test_full_and_compact(self, text: str, locale: str, full: str, compact: str) -> None:
        amount = money(text)
        assert format_money(amount, locale) == full
        assert format_money(amount, locale, style="full") == full
        assert format_money(amount, locale, style="compact") == compact

    def test_default_locale_is_en_us(self) -> None:
        assert format_money(money("$25B")) == "$25,000,000,000.00"

    @pytest.mark.parametrize(
        ("amount", "currency", "locale", "full", "compact"),
        [
            ("250000000000", "JPY", "en_US", "¥250,000,000,000", "¥250B"),
            ("250000000000", "JPY", "ja_JP", "￥250,000,000,000", "￥2500億"),
            ("0.5", "USD", "en_US", "$0.50", "$0.5"),
            ("0.125", "USD", "en_US", "$0.12", "$0.12"),
            ("-1250000000", "USD", "en_US", "-$1,250,000,000.00", "-$1.25B"),
            ("0", "EUR", "de_DE", "0,00\xa0€", "0\xa0€"),
        ],
    )
    def test_other_currencies_and_signs(
        self, amount: str, currency: str, locale: str, full: str, compact: str
    ) -> None:
        m = CurrencyAmount(amount, currency)
        assert format_money(m, locale) == full
        assert format_money(m, locale, style="compact") == compact

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            ("1125000000", "$1.125B"),  # three digits after the point survive
            ("1234567890", "$1.235B"),  # beyond that, rounded
            ("123456789", "$123.457M"),
            ("999999999", "$1B"),  # carried to the next scale, never "$1000M"
            ("999999999999", "$1T"),
            ("999996000000000", "$1000T"),  # trillions are the largest scale en_US has
            ("999999.99", "$1M"),
            ("999990000", "$999.99M"),
            ("1500", "$1.5K"),
            ("999", "$999"),
            ("12.345678", "$12.35"),  # below any scale: to the cent
        ],
    )
    def test_compact_keeps_the_figure(self, amount: str, expected: str) -> None:
        assert format_money(CurrencyAmount(amount, "USD"), style="compact") == expected

    def test_compact_carry_in_other_locales(self) -> None:
        m = CurrencyAmount("999999999", "USD")
        assert format_money(m, "de_DE", style="compact") == "1\xa0Mrd.\xa0$"
        assert format_money(m, "ja_JP", style="compact") == "$10億"
        assert format_money(m, "fr_FR", style="compact") == "1\xa0Md\xa0$US"

    def test_method_on_currency_amount_delegates(self) -> None:
        m = money("$25 billion")
        assert m.format() == "$25,000,000,000.00"
        assert m.format("de_DE", style="compact") == "25\xa0Mrd.\xa0$"

    @pytest.mark.parametrize("style", ["short", "", "FULL", None])
    def test_unknown_style(self, style: object) -> None:
        with pytest.raises(InvalidValueError, match="style must be 'full' or 'compact'"):
            format_money(money("$5B"), style=style)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [Decimal(5), 5, "$5B", Power(5, "GW")])
    def test_not_money(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match="needs a CurrencyAmount"):
            format_money(value)  # type: ignore[arg-type]

    @given(
        places=st.integers(min_value=0, max_value=6),
        data=st.data(),
        currency=st.sampled_from(["USD", "EUR", "JPY", "BHD"]),
    )
    def test_full_en_us_reads_back_as_the_rounded_amount(
        self, places: int, data: st.DataObject, currency: str
    ) -> None:
        bound = Decimal(10) ** 21 - 1
        amount = data.draw(
            st.decimals(
                min_value=-bound, max_value=bound, places=places, allow_nan=False, allow_infinity=False
            )
        )
        from babel.numbers import get_currency_precision

        digits = get_currency_precision(currency)
        text = format_money(CurrencyAmount(amount, currency), "en_US")
        if currency == "USD":
            assert re.fullmatch(r"-?\$[0-9]{1,3}(,[0-9]{3})*(\.[0-9]{2})", text), text
            number = text.replace("$", "").replace(",", "")
        else:
            number = re.sub(r"[^0-9.\-]", "", text)
        expected = amount.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
        assert Decimal(number) == expected

    @given(
        amount=st.decimals(
            min_value=Decimal("-1e15"),
            max_value=Decimal("1e15"),
            places=2,
            allow_nan=False,
            allow_infinity=False,
        )
    )
    def test_compact_en_us_is_short_and_close(self, amount: Decimal) -> None:
        text = format_money(CurrencyAmount(amount, "USD"), "en_US", style="compact")
        m = re.fullmatch(r"(-?)\$([0-9]{1,3}(?:\.[0-9]{1,3})?)([KMBT]?)", text)
        if abs(amount) >= Decimal("999.995e12"):  # trillions are the largest scale
            m = re.fullmatch(r"(-?)\$(1000)(T)", text)
        elif abs(amount) < 1000:
            m = re.fullmatch(r"(-?)\$([0-9]{1,4}(?:\.[0-9]{1,2})?)()", text)
        assert m is not None, text
        scale = Decimal(10) ** (3 * " KMBT".index(m[3] or " "))
        shown = Decimal(m[1] + m[2]) * scale
        # Three decimals of the scale, plus the carry to a power of ten within 5e-6.
        tolerance = scale / 2000 + abs(amount) * Decimal("5e-6") + Decimal("0.005")
        assert abs(shown - amount) <= tolerance


class TestLocale:
    @pytest.mark.parametrize("locale", ["xx_XX", "en_US_x", "zz", "not a locale", "en_US!"])
    def test_unknown_locale(self, locale: str) -> None:
        with pytest.raises(InvalidValueError, match="unknown locale") as info:
            format_money(money("$5B"), locale)
        assert info.value.value == locale
        assert isinstance(info.value, DealkitError)

    @pytest.mark.parametrize("locale", ["", "   ", None, 5, b"en_US"])
    def test_locale_must_be_an_identifier(self, locale: object) -> None:
        with pytest.raises(InvalidValueError, match="locale must be an identifier"):
            format_money(money("$5B"), locale)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "call",
        [
            lambda loc: format_power(Power(5, "GW"), loc),
            lambda loc: format_date(PartialDate.parse("2026-Q2"), loc),
            lambda loc: format_estimate(Estimate.at_most(money("$25B")), loc),
            lambda loc: format_value(Decimal(5), loc),
        ],
    )
    def test_every_function_checks_the_locale(self, call: object) -> None:
        with pytest.raises(InvalidValueError, match="unknown locale"):
            call("xx_XX")  # type: ignore[operator]

    def test_bcp47_hyphen_and_case(self) -> None:
        m = money("$25B")
        assert format_money(m, "de-DE") == format_money(m, "de_DE")
        assert format_money(m, "de_de") == format_money(m, "de_DE")
        assert format_money(m, "de", style="compact") == "25\xa0Mrd.\xa0$"

    @given(st.text(max_size=40))
    def test_any_text_formats_or_raises_invalid_value(self, locale: str) -> None:
        try:
            result = format_money(money("$1.25B"), locale, style="compact")
        except InvalidValueError:
            return
        assert isinstance(result, str) and result

    def test_environment_is_never_read_and_babel_is_imported_lazily(self) -> None:
        src = Path(inspect.getfile(format_money)).resolve().parent.parent
        code = (
            "import sys, dealkit._values.formatting as f, dealkit\n"
            "print('babel' in sys.modules)\n"
            "from dealkit._values.money import CurrencyAmount\n"
            "from dealkit._values.dates import PartialDate\n"
            "from decimal import Decimal\n"
            "print(f.format_money(CurrencyAmount.parse('$25B'), style='compact'))\n"
            "print(f.format_value(Decimal('1.5')))\n"
            "print(f.format_date(PartialDate.parse('2026-Q2')))\n"
            "print(f.format_date(PartialDate.parse('2026-04')))\n"
        )
        env = {
            **os.environ,
            "PYTHONPATH": str(src),
            "LANG": "de_DE.UTF-8",
            "LC_ALL": "de_DE.UTF-8",
            "LC_MONETARY": "de_DE.UTF-8",
            "LC_NUMERIC": "de_DE.UTF-8",
            "LC_TIME": "de_DE.UTF-8",
            "TZ": "Pacific/Honolulu",
        }
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()
        assert out == ["False", "$25B", "1.5", "Q2 2026", "April 2026"]


class TestFormatPower:
    @pytest.mark.parametrize(
        ("measure", "expected"),
        [
            (Power("1.25", "GW"), ("1.25 GW", "1,25 GW", "1.25 GW", "1,25 GW")),
            (Power("1234.5", "MW"), ("1,234.5 MW", "1.234,5 MW", "1,234.5 MW", "1\u202f234,5 MW")),
            (Energy("43.8", "TWh"), ("43.8 TWh", "43,8 TWh", "43.8 TWh", "43,8 TWh")),
            (Power(30, "MW"), ("30 MW", "30 MW", "30 MW", "30 MW")),
            (Duration(10, "year"), ("10 years", "10 Jahre", "10 年", "10 ans")),
            (Duration("2.5", "year"), ("2.5 years", "2,5 Jahre", "2.5 年", "2,5 ans")),
            (Duration(1, "month"), ("1 month", "1 Monat", "1 か月", "1\xa0mois")),
        ],
    )
    def test_locale_decimal_marks(self, measure: Power | Energy | Duration, expected: tuple[str, ...]) -> None:
        assert tuple(format_power(measure, loc) for loc in LOCALES) == expected

    @pytest.mark.parametrize(
        ("measure", "unit", "locale", "expected"),
        [
            (Power("1.25", "GW"), "MW", "en_US", "1,250 MW"),
            (Power("1.25", "GW"), "MW", "de_DE", "1.250 MW"),
            (Power(5, "GW"), "GW", "en_US", "5 GW"),
            (Power(5, "GW").per_year(), "TWh", "fr_FR", "43,8 TWh"),
            (Duration(10, "year"), "month", "en_US", "120 months"),
            (Duration(1, "month"), "day", "de_DE", "30,417 Tage"),
            (Duration(365, "day"), "year", "en_US", "1 year"),
        ],
    )
    def test_converted(self, measure: Power | Energy | Duration, unit: str, locale: str, expected: str) -> None:
        assert format_power(measure, locale, unit=unit) == expected  # type: ignore[arg-type]

    def test_unit_of_another_dimension(self) -> None:
        with pytest.raises(DimensionError):
            format_power(Power(5, "GW"), unit="GWh")

    def test_unknown_unit(self) -> None:
        with pytest.raises(InvalidValueError):
            format_power(Power(5, "GW"), unit="bananas")  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [Decimal(5), money("$5B"), "5 GW"])
    def test_not_a_measure(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match="needs a Power, Energy or Duration"):
            format_power(value)  # type: ignore[arg-type]


class TestFormatDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2026-04-20", ("Apr 20, 2026", "20.04.2026", "2026/04/20", "20 avr. 2026")),
            ("2026-02", ("February 2026", "Februar 2026", "2026年2月", "février 2026")),
            ("2026-Q2", ("Q2 2026", "Q2 2026", "2026/Q2", "T2 2026")),
            ("2025-H2", ("H2 2025", "2. Hj. 2025", "2025年下半期", "S2 2025")),
            ("2025-H1", ("H1 2025", "1. Hj. 2025", "2025年上半期", "S1 2025")),
            ("2023", ("2023", "2023", "2023年", "2023")),
        ],
    )
    def test_each_precision(self, text: str, expected: tuple[str, ...]) -> None:
        d = PartialDate.parse(text)
        assert tuple(format_date(d, loc) for loc in LOCALES) == expected

    def test_default_locale(self) -> None:
        assert format_date(PartialDate.parse("2026-Q4")) == "Q4 2026"

    @pytest.mark.parametrize("value", ["2026-Q2", Decimal(2026), None])
    def test_not_a_date(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match="needs a PartialDate"):
            format_date(value)  # type: ignore[arg-type]


class TestFormatEstimate:
    @pytest.mark.parametrize(
        ("estimate", "expected"),
        [
            (
                Estimate.exact(money("$5B")),
                ("$5B", "5\xa0Mrd.\xa0$", "$50億", "5\xa0Md\xa0$US"),
            ),
            (
                Estimate.at_most(money("$25B")),
                ("up to $25B", "bis zu 25\xa0Mrd.\xa0$", "最大$250億", "jusqu’à 25\xa0Md\xa0$US"),
            ),
            (
                Estimate.at_least(money("$100B")),
                ("more than $100B", "mehr als 100\xa0Mrd.\xa0$", "$1000億超", "plus de 100\xa0Md\xa0$US"),
            ),
            (
                Estimate.approximately(money("$200B")),
                ("about $200B", "etwa 200\xa0Mrd.\xa0$", "約$2000億", "environ 200\xa0Md\xa0$US"),
            ),
            (
                Estimate.between(money("$30M"), money("$50M")),
                ("$30M–$50M", "30\xa0Mio.\xa0$ – 50\xa0Mio.\xa0$", "$3000万–$5000万", "30\xa0M\xa0$US – 50\xa0M\xa0$US"),
            ),
        ],
    )
    def test_money_compact(self, estimate: Estimate[CurrencyAmount], expected: tuple[str, ...]) -> None:
        assert tuple(format_estimate(estimate, loc, style="compact") for loc in LOCALES) == expected

    def test_money_full(self) -> None:
        assert format_estimate(Estimate.at_most(money("$25B"))) == "up to $25,000,000,000.00"
        assert (
            format_estimate(Estimate.between(money("$30M"), money("$50M")))
            == "$30,000,000.00–$50,000,000.00"
        )
        assert format_estimate(Estimate.at_least(money("$100B")), "de_DE") == (
            "mehr als 100.000.000.000,00\xa0$"
        )

    @pytest.mark.parametrize(
        ("estimate", "expected"),
        [
            (Estimate.exact(Power("1.5", "GW")), ("1.5 GW", "1,5 GW", "1.5 GW", "1,5 GW")),
            (Estimate.at_most(Power(5, "GW")), ("up to 5 GW", "bis zu 5 GW", "最大5 GW", "jusqu’à 5 GW")),
            (Estimate.at_least(Power("2.5", "GW")), ("more than 2.5 GW", "mehr als 2,5 GW", "2.5 GW超", "plus de 2,5 GW")),
            (Estimate.nearly(Power(1, "GW")), ("nearly 1 GW", "fast 1 GW", "1 GW弱", "près de 1 GW")),
            (Estimate.parse("30–50 megawatts", Power.parse), ("30–50 MW",) * 4),
            (Estimate.between(Power("1.5", "GW"), Power("2.5", "GW")), ("1.5–2.5 GW", "1,5–2,5 GW", "1.5–2.5 GW", "1,5–2,5 GW")),
            (Estimate.between(Power(500, "MW"), Power(1, "GW")), ("500 MW – 1 GW",) * 4),
            (Estimate.between(Duration(1, "year"), Duration(2, "year")), ("1–2 years", "1–2 Jahre", "1–2 年", "1–2 ans")),
            (Estimate.between(Duration(6, "month"), Duration(1, "month") * 12), ("6–12 months", "6–12 Monate", "6–12 か月", "6–12\xa0mois")),
            (Estimate.between(Duration("0.5", "year"), Duration(1, "year")), ("0.5–1 years", "0,5–1 Jahre", "0.5–1 年", "0,5–1 ans")),
            (Estimate.at_least(Duration(10, "year")), ("more than 10 years", "mehr als 10 Jahre", "10 年超", "plus de 10 ans")),
            (Estimate.approximately(Energy("43.8", "TWh")), ("about 43.8 TWh", "etwa 43,8 TWh", "約43.8 TWh", "environ 43,8 TWh")),
        ],
    )
    def test_measures(self, estimate: Estimate[Power], expected: tuple[str, ...]) -> None:
        assert tuple(format_estimate(estimate, loc) for loc in LOCALES) == expected

    @pytest.mark.parametrize(
        ("estimate", "expected"),
        [
            (Estimate.at_most(PartialDate.parse("2026-Q2")), ("by Q2 2026", "bis Q2 2026", "2026/Q2まで", "d’ici T2 2026")),
            (
                Estimate.between(PartialDate.parse("2026-Q2"), PartialDate.parse("2026-Q4")),
                ("Q2 2026 – Q4 2026", "Q2 2026 – Q4 2026", "2026/Q2–2026/Q4", "T2 2026 – T4 2026"),
            ),
            (Estimate.approximately(Decimal(200)), ("about 200", "etwa 200", "約200", "environ 200")),
            (Estimate.between(Decimal(1500), Decimal(2500)), ("1,500–2,500", "1.500–2.500", "1,500–2,500", "1\u202f500 – 2\u202f500")),
        ],
    )
    def test_dates_and_numbers(self, estimate: Estimate[PartialDate], expected: tuple[str, ...]) -> None:
        assert tuple(format_estimate(estimate, loc) for loc in LOCALES) == expected

    def test_not_an_estimate(self) -> None:
        with pytest.raises(InvalidValueError, match="needs an Estimate"):
            format_estimate(money("$5B"))  # type: ignore[arg-type]

    def test_values_it_cannot_format(self) -> None:
        with pytest.raises(InvalidValueError, match="cannot format a str"):
            format_estimate(Estimate.exact("five"))  # type: ignore[type-var]

    def test_unknown_style(self) -> None:
        with pytest.raises(InvalidValueError, match="style"):
            format_estimate(Estimate.exact(Power(5, "GW")), style="tiny")  # type: ignore[arg-type]


class TestFormatValue:
    @pytest.mark.parametrize(
        ("value", "style", "expected"),
        [
            (money("$25B"), "compact", ("$25B", "25\xa0Mrd.\xa0$", "$250億", "25\xa0Md\xa0$US")),
            (money("$1.5M"), "full", ("$1,500,000.00", "1.500.000,00\xa0$", "$1,500,000.00", "1\u202f500\u202f000,00\xa0$US")),
            (Power("1.25", "GW"), "compact", ("1.25 GW", "1,25 GW", "1.25 GW", "1,25 GW")),
            (Energy(8760, "GWh"), "full", ("8,760 GWh", "8.760 GWh", "8,760 GWh", "8\u202f760 GWh")),
            (Duration(3, "quarter"), "full", ("3 quarters", "3 Quartale", "3 四半期", "3 trimestres")),
            (PartialDate.parse("2026-04"), "full", ("April 2026", "April 2026", "2026年4月", "avril 2026")),
            (Decimal("1234.5"), "full", ("1,234.5", "1.234,5", "1,234.5", "1\u202f234,5")),
            (Decimal("0.1234"), "full", ("0.123", "0,123", "0.123", "0,123")),
            (12, "full", ("12",) * 4),
        ],
    )
    def test_dispatch(self, value: object, style: str, expected: tuple[str, ...]) -> None:
        assert tuple(format_value(value, loc, style=style) for loc in LOCALES) == expected  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", ["5", 5.0, True, None, Estimate.exact(Decimal(5))])
    def test_other_types(self, value: object) -> None:
        with pytest.raises(InvalidValueError, match="cannot format a"):
            format_value(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity")])
    def test_non_finite_decimal(self, value: Decimal) -> None:
        with pytest.raises(InvalidValueError, match="finite"):
            format_value(value)
