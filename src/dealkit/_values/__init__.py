"""Value types: numbers, currencies, money and rates, measures, estimates, dates, and how they read and write.

The lowest layer of dealkit: it imports nothing from the layers above it.
``__all__`` lists what the layers above may use; what users get of it is
what ``dealkit/__init__.pyi`` re-exports.
"""

from __future__ import annotations

from .._public import publish
from .bulk import quantity_array, sum_amounts
from .canonical import (
    DATE_RE,
    FIGURE_KINDS,
    MEASURE_RE,
    MONEY_RE,
    RATE_RE,
    VALUE_SUFFIX,
    VALUE_TYPES,
    FigureT,
    FigureValue,
    approximate_bounds_are_default,
    canonical_text,
    check_estimate_kind,
    estimate_as,
    estimate_from_text,
    estimate_text,
    one_value_reader,
    parse_canonical,
    parse_rate,
    value_pattern,
)
from .currency import check_currency, known_currencies
from .dates import MONTHS, Certainty, PartialDate, Precision
from .estimate import (
    APPROX_PHRASES,
    APPROXIMATE_TOLERANCE,
    AT_LEAST_PHRASES,
    AT_MOST_PHRASES,
    BELOW_PHRASES,
    DATE_QUALIFIER_WORDS,
    QUALIFIER_WORDS,
    Estimate,
    Qualifier,
    approximate_estimate,
    one_value_estimate,
)
from .exact import (
    exact_date,
    exact_money,
    exact_power,
    optional_duration,
    optional_exact_date,
    optional_exact_money,
    optional_exact_power,
)
from .formatting import (
    Formattable,
    format_date,
    format_estimate,
    format_money,
    format_power,
    format_value,
    qualify,
)
from .i18n import CATALOG_LANGUAGES, MESSAGE_DOMAIN, N_, locale_dir, translations
from .locales import resolve_locale
from .measure import Measure, stated_measure
from .measures import HOURS_PER_YEAR, Duration, Energy, Power
from .money import (
    CURRENCY_SYMBOLS,
    SCALE_WORDS,
    CurrencyAmount,
    Rate,
    from_money_quantity,
    money_quantity,
    stated_money,
)
from .numbers import (
    DECIMAL_RE,
    EXACT,
    MAX_DIGITS,
    MAX_TEXT_LENGTH,
    ROUNDED,
    canonical_decimal,
    parse_decimal,
    to_decimal,
)
from .units import check_dimension, get_registry

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "CATALOG_LANGUAGES",
    "APPROX_PHRASES",
    "AT_LEAST_PHRASES",
    "AT_MOST_PHRASES",
    "BELOW_PHRASES",
    "CURRENCY_SYMBOLS",
    "Certainty",
    "CurrencyAmount",
    "DATE_QUALIFIER_WORDS",
    "DATE_RE",
    "DECIMAL_RE",
    "Duration",
    "EXACT",
    "Energy",
    "Estimate",
    "FIGURE_KINDS",
    "FigureT",
    "FigureValue",
    "Formattable",
    "HOURS_PER_YEAR",
    "MAX_DIGITS",
    "MAX_TEXT_LENGTH",
    "MEASURE_RE",
    "MESSAGE_DOMAIN",
    "MONEY_RE",
    "MONTHS",
    "Measure",
    "N_",
    "PartialDate",
    "Power",
    "Precision",
    "QUALIFIER_WORDS",
    "RATE_RE",
    "Qualifier",
    "ROUNDED",
    "Rate",
    "SCALE_WORDS",
    "VALUE_SUFFIX",
    "VALUE_TYPES",
    "approximate_bounds_are_default",
    "approximate_estimate",
    "canonical_decimal",
    "canonical_text",
    "check_currency",
    "check_dimension",
    "check_estimate_kind",
    "estimate_as",
    "estimate_from_text",
    "estimate_text",
    "exact_date",
    "exact_money",
    "exact_power",
    "format_date",
    "format_estimate",
    "format_money",
    "format_power",
    "format_value",
    "from_money_quantity",
    "get_registry",
    "known_currencies",
    "locale_dir",
    "money_quantity",
    "one_value_estimate",
    "one_value_reader",
    "optional_duration",
    "optional_exact_date",
    "optional_exact_money",
    "optional_exact_power",
    "parse_canonical",
    "parse_decimal",
    "parse_rate",
    "qualify",
    "quantity_array",
    "resolve_locale",
    "stated_measure",
    "stated_money",
    "sum_amounts",
    "to_decimal",
    "translations",
    "value_pattern",
]

publish(__name__, __all__, globals())
