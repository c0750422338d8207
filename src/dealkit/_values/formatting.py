"""Locale-aware text for dealkit values, through babel.

Every function takes the locale as an explicit argument (``"en_US"`` unless
given); nothing here reads ``LANG`` or ``LC_*``, so the same call gives the
same text on every machine.  babel is imported on first use, never when
dealkit is imported.

Numbers, currency symbols, month and quarter names and duration units
(``"10 Jahre"``) follow the locale's CLDR data.  The words dealkit adds
itself, for which CLDR has no pattern (the qualifiers of an estimate,
``"up to"``, ``"by"``, ``"about"``; half years ``"H2 2025"``, decades and
fiscal years), come from dealkit's gettext catalogs (German, Spanish, French
and Japanese beside English; see :mod:`dealkit._values.i18n`).

>>> format_estimate(Estimate.at_most(CurrencyAmount.parse("$25B")), style="compact")
'up to $25B'
>>> format_estimate(Estimate.at_most(CurrencyAmount.parse("$25B")), "de_DE", style="compact")
'bis zu 25\xa0Mrd.\xa0$'
>>> format_estimate(Estimate.at_most(PartialDate.parse("2026-12")), "ja_JP")
'2026年12月まで'
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Final, TypeAlias

from .._errors import InvalidValueError
from .._typing import DurationUnit, EnergyUnit, MoneyStyle, PowerUnit
from .dates import PartialDate, Precision
from .estimate import Estimate, Qualifier
from .i18n import N_, translations
from .locales import check_style, money_text, resolve_locale
from .measures import Duration, Energy, Power
from .money import CurrencyAmount, Rate
from .numbers import to_decimal

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "Formattable",
    "format_date",
    "format_estimate",
    "format_money",
    "format_power",
    "format_value",
    "qualify",
]

#: The values :func:`format_value` knows how to write.
Formattable: TypeAlias = CurrencyAmount | Rate | Power | Energy | Duration | PartialDate | Decimal | int

_V = CurrencyAmount | Rate | Power | Energy | Duration | PartialDate | Decimal | int

#: Enough precision for any amount dealkit accepts (< 10^21, a few decimals), whatever the
#: caller's decimal context.
_CONTEXT: Final = Context(prec=60)

_RANGE_DASH: Final = "\N{EN DASH}"
#: Durations are written to three decimals at most (babel's standard decimal pattern).
_SHOWN: Final = Decimal("0.001")
#: A number every shipped language writes with its plural unit words.
_PLURAL_SAMPLE: Final = Decimal(2)

#: How each qualifier wraps a value, and a date (msgids of the gettext catalogs).
_QUALIFIED: Final = {
    Qualifier.AT_MOST: N_("up to {value}"),
    Qualifier.AT_LEAST: N_("more than {value}"),
    Qualifier.APPROXIMATELY: N_("about {value}"),
}
_QUALIFIED_DATE: Final = {
    Qualifier.AT_MOST: N_("by {date}"),
    Qualifier.AT_LEAST: N_("from {date}"),
    Qualifier.APPROXIMATELY: N_("around {date}"),
}
#: An approximate value that is not above the stated one.
_NEARLY: Final = N_("nearly {value}")
_HALVES: Final = (N_("H1 {year}"), N_("H2 {year}"))


# -- locale and options -------------------------------------------------------------------


# -- money --------------------------------------------------------------------------------


def format_money(
    amount: CurrencyAmount, locale: str = "en_US", *, style: MoneyStyle = "full"
) -> str:
    """Write an amount of money as ``locale`` does, in full or in compact form.

    ``"full"`` gives every digit, rounded to the currency's minor unit
    (``babel.numbers.format_currency``).  ``"compact"`` abbreviates the scale
    the locale's way (``$25B``, ``25 Mrd. $``, ``$250億``) and keeps up to three
    digits after the point of that scale, so ``$1.25B`` stays ``$1.25B``.

    Args:
        amount: the amount to write.
        locale: a CLDR locale identifier, e.g. ``"en_US"``, ``"de_DE"``, ``"ja_JP"``.
        style: ``"full"`` or ``"compact"``.

    Returns:
        The text babel produces; some locales use non-breaking spaces
        (``"\\xa0"``, ``"\\u202f"``) between number and symbol.

    Raises:
        InvalidValueError: ``amount`` is no :class:`CurrencyAmount`, the locale
            is unknown or ``style`` is neither ``"full"`` nor ``"compact"``.

    >>> m = CurrencyAmount.parse("$1.25 billion")
    >>> format_money(m), format_money(m, style="compact")
    ('$1,250,000,000.00', '$1.25B')
    >>> format_money(m, "de_DE", style="compact"), format_money(m, "ja_JP", style="compact")
    ('1,25\\xa0Mrd.\\xa0$', '$12.5億')
    >>> format_money(m, "xx_XX")
    Traceback (most recent call last):
    ...
    dealkit.InvalidValueError: unknown locale; use a CLDR identifier such as 'en_US', 'de_DE' or 'ja_JP' (got 'xx_XX')

    .. versionadded:: 0.1
    """
    if not isinstance(amount, CurrencyAmount):
        raise InvalidValueError(
            f"format_money needs a CurrencyAmount, not {type(amount).__name__}", amount
        )
    return money_text(amount.amount, amount.currency, locale, style)


# -- measures -----------------------------------------------------------------------------


def format_power(
    p: Power | Energy | Duration,
    locale: str = "en_US",
    *,
    unit: PowerUnit | EnergyUnit | DurationUnit | None = None,
) -> str:
    """Write a power, energy or duration with ``locale``'s decimal marks, then its unit.

    The number follows the locale's standard decimal pattern (grouping, and at
    most three decimals).  Power and energy take their symbol (``GW``, ``TWh``);
    durations take the locale's words for the unit, in the plural form the
    number needs (``"10 years"``, ``"1 Monat"``, ``"10 年"``; CLDR data).

    Args:
        p: the measure to write.
        locale: a CLDR locale identifier.
        unit: state the measure in this unit first (``"MW"``, ``"TWh"``, ``"month"``);
            by default the unit it was given in.

    Raises:
        InvalidValueError: ``p`` is no measure, or the locale or unit is unknown.
        DimensionError: ``unit`` is a unit of another dimension.

    >>> format_power(Power("1.25", "GW")), format_power(Power("1.25", "GW"), "de_DE")
    ('1.25 GW', '1,25 GW')
    >>> format_power(Power("1.25", "GW"), unit="MW"), format_power(Duration(10, "year"))
    ('1,250 MW', '10 years')
    >>> format_power(Duration(10, "year"), "de_DE"), format_power(Duration(1, "month"), "es_ES")
    ('10 Jahre', '1 mes')

    .. versionadded:: 0.1
    """
    if not isinstance(p, (Power, Energy, Duration)):
        raise InvalidValueError(
            f"format_power needs a Power, Energy or Duration, not {type(p).__name__}", p
        )
    loc = resolve_locale(locale)
    measure = p if unit is None else p.to(unit)
    return _measure_text(measure, loc)


def _measure_text(measure: Power | Energy | Duration, loc: Locale) -> str:
    if isinstance(measure, Duration):
        return _duration_text(measure, loc)
    return f"{_number(measure.magnitude, loc)} {measure.unit}"


def _duration_text(duration: Duration, loc: Locale, *, low: Decimal | None = None) -> str:
    """``10 years`` in the locale's words (CLDR unit patterns), or the range ``5–10 years`` from ``low``."""
    from babel import units

    unit = f"duration-{duration.unit}"
    if low is None:
        # The plural form follows the number as written (three decimals at most): 0.99997 months is "1 month".
        shown = to_decimal(duration.magnitude).quantize(_SHOWN, context=_CONTEXT).normalize(_CONTEXT)
        if shown.as_tuple().exponent > 0:  # type: ignore[operator]
            shown = shown.quantize(Decimal(1), context=_CONTEXT)  # 1E+1 is 10: no fraction digits either way
        text: str = units.format_unit(shown, unit, length="long", locale=loc)
        return text
    # A range takes the unit's plural words ("0.5–1 years"): a plural number's pattern, both numbers in its place.
    pattern: str = units.format_unit(_PLURAL_SAMPLE, unit, length="long", locale=loc)
    both = f"{_number(low, loc)}{_RANGE_DASH}{_number(duration.magnitude, loc)}"
    return pattern.replace(str(_PLURAL_SAMPLE), both, 1)


def _number(value: Decimal | int, loc: Locale) -> str:
    from babel import numbers

    return numbers.format_decimal(to_decimal(value), locale=loc)


# -- dates --------------------------------------------------------------------------------


def format_date(d: PartialDate, locale: str = "en_US") -> str:
    """Write a date as ``locale`` does, to its own precision and no finer.

    A day takes the locale's medium date format, a month its month-and-year
    form, a quarter its quarter form (``Q2 2026``, ``T2 2026`` in French), a year
    the year alone; a half year is written ``H2 2025``, a decade ``2020s`` and a
    fiscal year ``FY2027`` in every locale.

    Args:
        d: the date.
        locale: a CLDR locale identifier.

    Raises:
        InvalidValueError: ``d`` is no :class:`PartialDate`, or the locale is unknown.

    >>> [format_date(PartialDate.parse(s)) for s in ("2026-04-20", "2026-02", "2026-Q2", "2025-H2", "2023")]
    ['Apr 20, 2026', 'February 2026', 'Q2 2026', 'H2 2025', '2023']
    >>> format_date(PartialDate.parse("2026-04-20"), "de_DE")
    '20.04.2026'
    >>> [format_date(PartialDate.parse(s), "fr_FR") for s in ("2025-H2", "2020s", "FY2027")]
    ['S2 2025', 'années 2020', 'exercice 2027']

    .. versionadded:: 0.1
    """
    if not isinstance(d, PartialDate):
        raise InvalidValueError(f"format_date needs a PartialDate, not {type(d).__name__}", d)
    loc = resolve_locale(locale)
    from babel import dates

    _: Callable[[str], str] = translations(locale).gettext
    first = d.first
    # A plain date is taken as midnight UTC and never shifted to another zone.
    match d.precision:
        case Precision.DAY:
            return dates.format_date(first, "medium", locale=loc)
        case Precision.MONTH:
            return dates.format_skeleton("yMMMM", first, locale=loc)
        case Precision.QUARTER:
            return dates.format_skeleton("yQQQ", first, locale=loc)
        case Precision.HALF:
            return _(_HALVES[0 if first.month == 1 else 1]).format(year=first.year)
        case Precision.YEAR:
            return dates.format_skeleton("y", first, locale=loc)
        case Precision.DECADE:
            return _("{decade}s").format(decade=first.year)
        case Precision.FISCAL_YEAR:
            return _("FY{year}").format(year=d.year)


# -- estimates and dispatch ---------------------------------------------------------------


def format_estimate(
    e: Estimate[_V], locale: str = "en_US", *, style: MoneyStyle = "full"
) -> str:
    """Write an estimate with its qualifier and its values in ``locale``.

    ``up to``, ``more than``, ``about`` (``nearly`` when the upper bound is the
    stated value) qualify a value, and ``by``, ``from``, ``around`` a date, in
    the words of dealkit's catalog for the locale's language (``bis zu``,
    ``まで``; English where there is none); an exact value is written as is; a range joins its bounds with an en dash (``$30M–$50M``), spaced
    when a bound has spaces in it (``Q2 2026 – Q4 2026``), and measures in one
    unit name it once (``30–50 MW``).  ``style`` applies to money.

    Args:
        e: an estimate of money, a measure, a date or a number.
        locale: a CLDR locale identifier.
        style: ``"full"`` or ``"compact"``, for money.

    Raises:
        InvalidValueError: ``e`` is no :class:`Estimate`, its values cannot be
            formatted, or the locale or style is unknown.

    >>> format_estimate(Estimate.at_least(CurrencyAmount.parse("$100B")), style="compact")
    'more than $100B'
    >>> print(format_estimate(Estimate.parse("30-50 MW", Power.parse)))
    30–50 MW
    >>> format_estimate(Estimate.nearly(Power(1, "GW"))), format_estimate(Estimate.at_most(PartialDate.parse("2026-12")))
    ('nearly 1 GW', 'by December 2026')

    .. versionadded:: 0.1
    """
    if not isinstance(e, Estimate):
        raise InvalidValueError(f"format_estimate needs an Estimate, not {type(e).__name__}", e)
    check_style(style)
    if e.qualifier is Qualifier.RANGE:
        assert e.low is not None and e.high is not None
        return _format_range(e.low, e.high, locale, style)
    text = format_value(e.value, locale, style=style)
    nearly = e.qualifier is Qualifier.APPROXIMATELY and e.high == e.central and e.low != e.central
    return qualify(e.qualifier, text, locale, date=isinstance(e.value, PartialDate), nearly=nearly)


def qualify(qualifier: Qualifier, text: str, locale: str = "en_US", *, date: bool = False, nearly: bool = False) -> str:
    """``text``, a value already written in ``locale``, inside the words of ``qualifier`` in its language.

    ``date`` chooses the words for dates ("by", "from", "around"); ``nearly``
    says an approximate value is not above the stated one.  An exact value and
    a range (already "low–high") are returned as they are.

    >>> qualify(Qualifier.AT_LEAST, "4x", "ja_JP"), qualify(Qualifier.AT_MOST, "Q2 2026", "de_DE", date=True)
    ('4x超', 'bis Q2 2026')
    """
    if qualifier in (Qualifier.EXACT, Qualifier.RANGE):
        return text
    _: Callable[[str], str] = translations(locale).gettext
    if date:
        return _(_QUALIFIED_DATE[qualifier]).format(date=text)
    if nearly and qualifier is Qualifier.APPROXIMATELY:
        return _(_NEARLY).format(value=text)  # approximately, and not above the stated value
    return _(_QUALIFIED[qualifier]).format(value=text)


def _format_range(low: Formattable, high: Formattable, locale: str, style: MoneyStyle) -> str:
    if (
        isinstance(low, (Power, Energy, Duration))
        and isinstance(high, (Power, Energy, Duration))
        and type(low) is type(high)
        and low.unit == high.unit
    ):
        loc = resolve_locale(locale)
        if isinstance(high, Duration):
            return _duration_text(high, loc, low=to_decimal(low.magnitude))
        low_number, high_number = _number(low.magnitude, loc), _number(high.magnitude, loc)
        return f"{low_number}{_RANGE_DASH}{high_number} {high.unit}"
    low_text = format_value(low, locale, style=style)
    high_text = format_value(high, locale, style=style)
    # A bound with spaces in it ("30 Mio. $", "Q2 2026") gets a spaced dash, as typesetters do.
    if any(c.isspace() for c in low_text + high_text):
        return f"{low_text} {_RANGE_DASH} {high_text}"
    return f"{low_text}{_RANGE_DASH}{high_text}"


def format_value(value: Formattable, locale: str = "en_US", *, style: MoneyStyle = "full") -> str:
    """Write any dealkit value in ``locale``: money, a rate, power, energy, duration, date or number.

    Money goes to :func:`format_money` (``style`` applies), a rate is its money
    per its unit (``$54.5B/GW``), measures to
    :func:`format_power`, dates to :func:`format_date`; a plain ``Decimal`` or
    ``int`` takes the locale's standard decimal pattern.

    Args:
        value: the value to write.
        locale: a CLDR locale identifier.
        style: ``"full"`` or ``"compact"``, for money.

    Raises:
        InvalidValueError: a value of another type, or an unknown locale or style.

    >>> format_value(Decimal("1234.5")), format_value(Decimal("1234.5"), "fr_FR")
    ('1,234.5', '1\\u202f234,5')
    >>> format_value(CurrencyAmount.parse("$30M"), style="compact")
    '$30M'
    >>> format_value(Rate.parse("10000000000 USD/year"), style="compact")
    '$10B/year'

    .. versionadded:: 0.1
    """
    check_style(style)
    if isinstance(value, CurrencyAmount):
        return format_money(value, locale, style=style)
    if isinstance(value, Rate):
        # Money for one unit: the amount as the locale writes money, then the unit symbol.
        return f"{format_money(value.amount, locale, style=style)}/{value.unit}"
    if isinstance(value, (Power, Energy, Duration)):
        return format_power(value, locale)
    if isinstance(value, PartialDate):
        return format_date(value, locale)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return _number(value, resolve_locale(locale))
    raise InvalidValueError(
        "cannot format a "
        + type(value).__name__
        + "; pass a CurrencyAmount, Rate, Power, Energy, Duration, PartialDate, Decimal or int",
        value,
    )
