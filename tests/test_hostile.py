"""Hostile and broken input is refused cleanly wherever data enters dealkit.

Each class of bad input the project promises to refuse (docs/errors.md) is run
against each entry point that could receive it: the text parsers, the
constructors, the converter, catalog files (TOML and JSON) and the command
line.  Every refusal must be a :class:`~dealkit.DealkitError` with the
offending value, and for files, the file name and the field path; never a
``KeyError``, ``RecursionError``, ``decimal.InvalidOperation`` or a traceback.
No user text may reach pint's expression evaluator.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import dealkit
from dealkit import (
    CatalogError,
    ComputeCommitment,
    CurrencyAmount,
    DateError,
    DealkitError,
    DimensionError,
    Duration,
    Energy,
    Estimate,
    InvalidValueError,
    ParseError,
    PartialDate,
    Power,
    SpendCommitment,
    Tranche,
    UnknownCurrencyError,
    load_catalog,
)
from dealkit._values.currency import check_currency
from dealkit._values.numbers import parse_decimal, to_decimal
from dealkit.catalog import (
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MAX_NESTING,
    MAX_PROBLEMS,
    CatalogFile,
    parse_catalog_bytes,
    read_catalog_file,
)
from dealkit.serialization import parse_canonical
from dealkit.serialization._converter import structure
from tests.catalog_fixtures import (
    BAD_CLAIM_STRUCTURE,
    BAD_DATES,
    BAD_FILE_VALUES,
    EXPRESSIONS,
    FAULTY_DEAL,
    FAULTY_PARTY,
    REPEATED_UNITS,
    UNIT_TEXTS,
    claim,
)

SRC = Path(dealkit.__file__).resolve().parent.parent
#: The project checkout the tests run from (docs/ lives here, not beside an installed package).
PROJECT = Path(__file__).resolve().parents[1]

# -- the hostile texts, one list per class -------------------------------------------------------

#: Number text that ``Decimal`` alone would accept, or that is no number.
NUMBER_TEXTS = [
    "NaN",
    "nan",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "1e999999999",
    "1E+3",
    "9" * 10_000,
    "\u0661\u0662\u0663",
    "\uff11\uff12\uff13",  # full-width digits
    "0x10",
    "0b1",
    "1_000",
    "",
    " ",
    "+5",
    "5.",
    ".5",
    "1.2.3",
]
#: Non-finite, absurd or non-number values handed to constructors.
BAD_NUMBER_OBJECTS = [
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("1E+999999999"),
    Decimal("1E-999999999"),
    float("nan"),
    float("inf"),
    10**10_000,
    True,
    None,
    "1e3",
    "",
]
#: Currency codes that are not upper-case active ISO 4217 codes.
BAD_CODES = ["usd", "Usd", "XYZ", "US", "USDD", "", "U$D", "\uff35\uff33\uff24", "123"]
#: Dates that do not exist, or that are not dates.
#: Qualified figures that say nothing, or contradict themselves.
BAD_QUALIFIED = [
    "up to",
    "up to up to 5 GW",
    "between 5 GW and",
    "50-30 MW",
    "more than nan GW",
    "about -5 GW",
    "~",
    "+",
    "x" * 10_000,
]


def _ids(values: list[Any]) -> list[str]:
    out = []
    for v in values:
        try:
            out.append(repr(v)[:40])
        except ValueError:  # an int too long to print
            out.append(f"<{type(v).__name__}>")
    return out


# -- no user text reaches pint's evaluator -------------------------------------------------------


class _RegistrySpy:
    """Stands in for the pint registry; records every name asked about.

    dealkit may ask pint whether one plain word is a unit (to say "'parsec' is a
    unit of [length]"), nothing more: any other use of the registry on user
    input fails the test.
    """

    def __init__(self) -> None:
        from dealkit._values.units import get_registry

        self.real = get_registry()
        self.seen: list[str] = []

    def __contains__(self, name: str) -> bool:
        self.seen.append(name)
        return name in self.real

    def Unit(self, name: str) -> Any:  # noqa: N802 - pint's name
        self.seen.append(name)
        return self.real.Unit(name)

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"user text reached ureg.{name}")


@pytest.fixture
def registry_spy(monkeypatch: pytest.MonkeyPatch) -> Iterator[_RegistrySpy]:
    import dealkit._values.units

    spy = _RegistrySpy()
    monkeypatch.setattr(dealkit._values.units, "get_registry", lambda: spy)
    yield spy
    for name in spy.seen:
        assert re.fullmatch(r"[A-Za-z]{1,30}", name), f"pint was handed {name!r}"


def _structure_power(text: str) -> object:
    return structure(text, Power)


UNIT_ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "Power.parse": Power.parse,
    "parse_canonical(power)": lambda s: parse_canonical("power", s),
    "Estimate.parse(Power.parse)": lambda s: Estimate.parse(s, Power.parse),
    "structure(Power)": _structure_power,
    "Power(5, unit)": lambda s: Power(5, s),  # type: ignore[arg-type]
}


class TestUnits:
    @pytest.mark.parametrize("entry", list(UNIT_ENTRY_POINTS))
    @pytest.mark.parametrize("text", UNIT_TEXTS, ids=_ids(UNIT_TEXTS))
    def test_refused_before_pint_sees_it(self, registry_spy: _RegistrySpy, entry: str, text: str) -> None:
        with pytest.raises(DealkitError) as info:
            UNIT_ENTRY_POINTS[entry](text)
        assert info.value.reason
        for name in registry_spy.seen:
            assert name not in ("GW", "MW"), "a known unit never needs pint"

    @pytest.mark.parametrize("text", EXPRESSIONS + REPEATED_UNITS, ids=_ids(EXPRESSIONS + REPEATED_UNITS))
    def test_expressions_never_reach_pint(self, registry_spy: _RegistrySpy, text: str) -> None:
        with pytest.raises(DealkitError):
            Power.parse(text)
        assert registry_spy.seen == []

    @pytest.mark.parametrize(
        ("text", "dimension"),
        [("5 parsec", "[length]"), ("5 GWh", "energy"), ("5 years", "duration")],
    )
    def test_wrong_dimension_is_named(self, text: str, dimension: str) -> None:
        with pytest.raises(DimensionError) as info:
            Power.parse(text)
        assert dimension in info.value.reason
        assert info.value.value == text

    @pytest.mark.parametrize("number", ["nan", "1e309", "9" * 10_000], ids=_ids(["nan", "1e309", "9" * 10_000]))
    @pytest.mark.parametrize(("parse", "unit"), [(Power.parse, "GW"), (Energy.parse, "GWh"), (Duration.parse, "years")])
    def test_no_number_silently_becomes_nan_or_inf(self, number: str, parse: Any, unit: str) -> None:
        # Each with a unit of its own kind, so the number (not the unit) is what is refused.
        with pytest.raises(DealkitError) as info:
            parse(f"{number} {unit}")
        assert not isinstance(info.value, DimensionError)
        assert "unknown" not in info.value.reason

    @pytest.mark.parametrize("cls", [Power, Energy, Duration])
    @pytest.mark.parametrize("value", BAD_NUMBER_OBJECTS, ids=_ids(BAD_NUMBER_OBJECTS))
    def test_constructors_refuse_bad_magnitudes(self, cls: type[Any], value: object) -> None:
        unit = {Power: "GW", Energy: "GWh", Duration: "year"}[cls]
        with pytest.raises(DealkitError):
            cls(value, unit)

    @pytest.mark.parametrize("value", [-1, Decimal("-0.001"), "-5"])
    def test_negative_measures_are_refused(self, value: object) -> None:
        with pytest.raises(InvalidValueError):
            Power(value, "GW")  # type: ignore[arg-type]


class TestNumbers:
    @pytest.mark.parametrize("text", NUMBER_TEXTS, ids=_ids(NUMBER_TEXTS))
    @pytest.mark.parametrize(
        "entry",
        [
            parse_decimal,
            to_decimal,
            lambda s: parse_canonical("multiple", s + "x"),
            lambda s: parse_canonical("percent", s + "%"),
            lambda s: parse_canonical("count", s),
            lambda s: parse_canonical("money", s + " USD"),
            lambda s: parse_canonical("energy", s + " GWh"),
            lambda s: CurrencyAmount.parse("$" + s),
            lambda s: CurrencyAmount(s, "USD"),
            lambda s: structure(s, Decimal),
        ],
        ids=[
            "parse_decimal", "to_decimal", "multiple", "percent", "count", "money", "energy",
            "CurrencyAmount.parse", "CurrencyAmount()", "structure(Decimal)",
        ],
    )
    def test_refused(self, entry: Callable[[str], object], text: str) -> None:
        with pytest.raises(DealkitError):
            entry(text)

    @pytest.mark.parametrize("value", BAD_NUMBER_OBJECTS, ids=_ids(BAD_NUMBER_OBJECTS))
    def test_money_constructor_refuses_bad_amounts(self, value: object) -> None:
        with pytest.raises(DealkitError):
            CurrencyAmount(value, "USD")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "value", [Decimal("sNaN"), Decimal("1E+999999999"), Decimal("1E-999999999")], ids=str
    )
    def test_no_decimal_signal_escapes(self, value: Decimal) -> None:
        # sNaN traps on comparison, 1E+999999999 overflows on arithmetic, and
        # 1E-999999999 would print as a billion characters.
        with pytest.raises(InvalidValueError):
            to_decimal(value)

    def test_ten_thousand_digit_integer(self) -> None:
        with pytest.raises(InvalidValueError, match="digits"):
            CurrencyAmount(10**10_000, "USD")


class TestCurrencies:
    @pytest.mark.parametrize("code", BAD_CODES, ids=_ids(BAD_CODES))
    def test_constructor_and_check(self, code: str) -> None:
        with pytest.raises(UnknownCurrencyError) as info:
            CurrencyAmount(5, code)
        assert info.value.value == code
        with pytest.raises(UnknownCurrencyError):
            check_currency(code)

    @pytest.mark.parametrize("code", BAD_CODES, ids=_ids(BAD_CODES))
    def test_parsers(self, code: str) -> None:
        with pytest.raises(DealkitError):
            CurrencyAmount.parse(f"5 {code}")
        with pytest.raises(DealkitError):
            parse_canonical("money", f"5 {code}")

    def test_unknown_code_is_named_as_such(self) -> None:
        with pytest.raises(UnknownCurrencyError, match="ISO 4217"):
            parse_canonical("money", "5 XYZ")


class TestDates:
    @pytest.mark.parametrize("text", BAD_DATES, ids=_ids(BAD_DATES))
    @pytest.mark.parametrize(
        "entry",
        [
            PartialDate.parse,
            lambda s: parse_canonical("date", s),
            lambda s: structure(s, PartialDate),
            lambda s: Estimate.parse(s, PartialDate.parse),
        ],
        ids=["PartialDate.parse", "parse_canonical", "structure", "Estimate.parse"],
    )
    def test_refused(self, entry: Callable[[str], object], text: str) -> None:
        with pytest.raises(DealkitError):
            entry(text)

    @pytest.mark.parametrize("text", ["2026-02-30", "2026-04-31", "2026-13", "2026-Q5", "2026-H3", "Q5 2026"])
    def test_impossible_dates_are_date_errors(self, text: str) -> None:
        with pytest.raises(DateError) as info:
            PartialDate.parse(text)
        assert info.value.value == text

    @pytest.mark.parametrize("text", ["20260420", "2026-04-20T10:00", "2026-04-20 10:00"])
    def test_compact_dates_and_times_are_parse_errors(self, text: str) -> None:
        with pytest.raises(ParseError):
            PartialDate.parse(text)

    @pytest.mark.parametrize(
        "make",
        [
            lambda: PartialDate.of_day(2026, 2, 30),
            lambda: PartialDate.of_day(2026, 13, 1),
            lambda: PartialDate.of_month(2026, 13),
            lambda: PartialDate.of_quarter(2026, 5),
            lambda: PartialDate.of_half(2026, 3),
            lambda: PartialDate.of_year(99999),
            lambda: PartialDate.from_date(dt.datetime(2026, 4, 20, 10, 0)),  # noqa: DTZ001
        ],
    )
    def test_constructors(self, make: Callable[[], object]) -> None:
        with pytest.raises(DateError):
            make()


class TestQualifiers:
    @pytest.mark.parametrize("text", BAD_QUALIFIED, ids=_ids(BAD_QUALIFIED))
    @pytest.mark.parametrize("parse_value", [Power.parse, CurrencyAmount.parse], ids=["power", "money"])
    def test_refused(self, text: str, parse_value: Callable[[str], Any]) -> None:
        with pytest.raises(DealkitError):
            Estimate.parse(text, parse_value)


class TestPositive:
    """Amounts and capacities of a deal must be above zero."""

    @pytest.mark.parametrize("amount", [0, -5])
    def test_tranche_amount(self, amount: int) -> None:
        with pytest.raises(InvalidValueError, match="positive") as info:
            Tranche("immediate", Estimate.exact(CurrencyAmount(amount, "USD")))
        assert info.value.path == "$.amount"

    def test_spend_amount(self) -> None:
        with pytest.raises(InvalidValueError, match="positive"):
            SpendCommitment("aws", "anthropic", "aws", Estimate.exact(CurrencyAmount(0, "USD")))

    def test_compute_capacity(self) -> None:
        with pytest.raises(InvalidValueError, match="positive") as info:
            ComputeCommitment("c", Estimate.exact(Power(0, "GW")), provider="amazon", recipient="anthropic")
        assert info.value.path == "$.capacity"


# -- catalog files ----------------------------------------------------------------------------

def _write(tmp_path: Path, data: dict[str, Any], fmt: str, name: str = "mine") -> Path:
    path = tmp_path / f"{name}.{fmt}"
    text = json.dumps(data, ensure_ascii=False) if fmt == "json" else tomli_w.dumps(data)
    path.write_text(text, encoding="utf-8")
    return path


def _claims_file(tmp_path: Path, fmt: str, *claims: dict[str, Any]) -> Path:
    return _write(tmp_path, {"format": 1, "claims": list(claims)}, fmt)


_claim = claim


def _problems(path: Path) -> list[tuple[str | None, str, str]]:
    with pytest.raises(CatalogError) as info:
        load_catalog(path)
    return [(p.file, p.path, p.reason) for p in info.value.problems]


FORMATS = ["toml", "json"]


class TestFileValues:
    def test_the_base_claim_is_valid(self, tmp_path: Path) -> None:
        for fmt in FORMATS:
            catalog = load_catalog(_claims_file(tmp_path, fmt, _claim()))
            assert str(catalog.best("amazon-anthropic-2026", "extra.figure").value) == "5 GW"  # type: ignore[union-attr]

    CASES = BAD_FILE_VALUES

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(("kind", "text"), CASES, ids=[f"{k}:{t!r}"[:50] for k, t in CASES])
    def test_bad_value_is_reported_at_its_path(self, tmp_path: Path, fmt: str, kind: str, text: str) -> None:
        path = _claims_file(tmp_path, fmt, _claim(kind=kind, value=text))
        [(file, where, reason)] = _problems(path)
        assert file == str(path)
        assert where == "$.claims[0].value"
        assert reason

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_bad_claim_is_reported(self, tmp_path: Path, fmt: str) -> None:
        path = _claims_file(
            tmp_path, fmt,
            _claim(id="c0"),
            _claim(id="c1", value="-5 GW"),
            _claim(id="c2"),
            _claim(id="c3", kind="money", value="5 usd"),
            _claim(id="c4", kind="date", value="2026-02-30"),
        )
        assert [p for _, p, _ in _problems(path)] == ["$.claims[1].value", "$.claims[3].value", "$.claims[4].value"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_zero_capacity_of_a_deal_is_refused(self, tmp_path: Path, fmt: str) -> None:
        data = {
            "format": 1,
            "deals": [{
                "id": "acme-2026", "title": "Acme", "investor": "amazon", "investee": "anthropic",
                "compute": [{"name": "c", "provider": "amazon", "recipient": "anthropic"}],
            }],
            "claims": [
                _claim(id="acme-announced", subject="acme-2026", property="announced", kind="date",
                       value="2026-04-20", rank="preferred"),
                _claim(id="acme-capacity", subject="acme-2026", property="compute.c.capacity",
                       value="0 GW", rank="preferred"),
            ],
        }
        problems = _problems(_write(tmp_path, data, fmt))
        assert [(p, "positive" in r) for _, p, r in problems] == [("$.deals[0].compute[0].capacity", True)]


class TestFileStructure:
    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize(
        ("claim", "expected"), [(c, paths) for _, c, paths in BAD_CLAIM_STRUCTURE],
        ids=[name for name, _, _ in BAD_CLAIM_STRUCTURE],
    )
    def test_structure_problems_name_their_path(
        self, tmp_path: Path, fmt: str, claim: dict[str, Any], expected: set[str]
    ) -> None:
        path = _claims_file(tmp_path, fmt, claim)
        problems = _problems(path)
        assert {p for _, p, _ in problems} == expected
        assert all(f == str(path) for f, _, _ in problems)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_every_fault_of_one_table(self, tmp_path: Path, fmt: str) -> None:
        path = _write(tmp_path, {"format": 1, "parties": [FAULTY_PARTY], "deals": [FAULTY_DEAL]}, fmt)
        assert {p for _, p, _ in _problems(path)} == {
            "$.parties[0].id", "$.parties[0].name", "$.parties[0].kind", "$.parties[0].parent",
            "$.deals[0].id", "$.deals[0].title", "$.deals[0].compute[0].name",
        }

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_one_fault_one_line(self, tmp_path: Path, fmt: str) -> None:
        path = _claims_file(tmp_path, fmt, _claim(kind=["power"]))
        assert [p for _, p, _ in _problems(path)] == ["$.claims[0].kind"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_closed_set_of_names(self, tmp_path: Path, fmt: str) -> None:
        # A tranche kind is one of two names; a near miss is named, not a cattrs error.
        deal = {"id": "acme-2026", "title": "Acme", "investor": "amazon", "investee": "anthropic",
                "tranches": [{"kind": "immediate"}, {"kind": "ilestone_linked"}]}
        path = _write(tmp_path, {"format": 1, "deals": [deal]}, fmt)
        [(file, where, reason)] = _problems(path)
        assert (file, where) == (str(path), "$.deals[0].tranches[1].kind")
        assert "'immediate'" in reason and "'milestone_linked'" in reason

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_unknown_top_level_key(self, tmp_path: Path, fmt: str) -> None:
        path = _write(tmp_path, {"format": 1, "claimz": []}, fmt)
        assert [(p, "unknown key" in r) for _, p, r in _problems(path)] == [("$.claimz", True)]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_a_table_where_a_list_of_tables_belongs(self, tmp_path: Path, fmt: str) -> None:
        path = _write(tmp_path, {"format": 1, "parties": {"id": "acme", "name": "Acme"}}, fmt)
        assert [p for _, p, _ in _problems(path)] == ["$.parties"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_duplicate_ids(self, tmp_path: Path, fmt: str) -> None:
        path = _claims_file(tmp_path, fmt, _claim(id="dup"), _claim(id="dup"), _claim(id="a26-announced"))
        problems = _problems(path)
        assert [(p, "duplicate id" in r) for _, p, r in problems] == [
            ("$.claims[1].id", True),
            ("$.claims[2].id", True),
        ]

    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("value", [1.0, True, "1", 2, -1, 10**19])
    def test_format_must_be_one(self, tmp_path: Path, fmt: str, value: object) -> None:
        path = _write(tmp_path, {"format": value}, fmt)
        assert [p for _, p, _ in _problems(path)] == ["$.format"]


class TestFileSyntax:
    """Bytes that are not a catalog at all: one problem at ``$`` naming the file."""

    CASES: list[tuple[str, bytes, str]] = [
        ("toml", b"", "empty"),
        ("json", b"  \n\t", "empty"),
        ("toml", b'format = 1\n[[claims]]\nid = "trunc', "not valid TOML"),
        ("json", b'{"format": 1, "claims": [{"id": "tr', "not valid JSON"),
        ("toml", bytes(range(256)) * 8, "UTF-8"),
        ("json", "{\"format\": 1}".encode("utf-16"), "UTF-8"),
        ("toml", "# caf\u00e9\nformat = 1\n".encode("latin-1"), "UTF-8"),
        ("toml", b"format = 1\n\x00", "NUL"),
        ("json", b'{"format": NaN}', "NaN"),
        ("json", b'{"format": Infinity}', "NaN"),
        ("json", b'{"format": -Infinity}', "NaN"),
        ("json", b'{"format": 1e999999999}', "finite"),
        ("json", b'{"format": ' + b"9" * 5000 + b"}", "digits"),
        ("toml", b"format = " + b"9" * 5000, "digits"),
        ("json", b'{"format": 1, "format": 1}', "duplicate key"),
        ("toml", b"format = 1\nformat = 1\n", "not valid TOML"),
        ("json", b"[" * 300_000 + b"]" * 300_000, "nested"),
        ("json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested"),
        ("toml", b"a = " + b"[" * 300_000 + b"]" * 300_000, "nested"),
        ("toml", b"a = " + b"{b=" * 10_000 + b"1" + b"}" * 10_000, "nested"),
        ("toml", b"a" + b".a" * 200_000 + b" = 1\n", "dotted key"),
        ("toml", b"[" + b"a." * 200_000 + b"a]\n", "dotted key"),
        # Seventeen parts (one more than the limit), on one line among others, in each place a key starts.
        ("toml", b"format = 1\n" + b".".join([b"a"] * 17) + b" = 1\n", "dotted key"),
        ("toml", b"format = 1\nt = { x = 1, " + b" . ".join([b"'a.b'"] * 17) + b" = 1 }\n", "dotted key"),
        ("toml", b"format = 1\n[[" + b".".join([b'"a"'] * 17) + b"]]\n", "dotted key"),
        ("json", b'{"format": 1, "claims": [' + b",".join([b"{}"] * (MAX_ITEMS + 1)) + b"]}", "items"),
        ("json", b'{"format": 1, "parties": [{"id": "x", "name": "\\ud800"}]}', "surrogate"),
        ("json", b'"a string"', "table at the top level"),
        ("json", b"[1, 2]", "table at the top level"),
    ]

    @pytest.mark.parametrize(
        ("fmt", "content", "reason"), CASES, ids=[f"{f}-{r}-{len(c)}" for f, c, r in CASES]
    )
    def test_refused_with_one_problem(self, tmp_path: Path, fmt: str, content: bytes, reason: str) -> None:
        path = tmp_path / f"bad.{fmt}"
        path.write_bytes(content)
        with pytest.raises(CatalogError) as info:
            read_catalog_file(path)
        [problem] = info.value.problems
        assert problem.file == str(path)
        assert reason in problem.reason
        assert problem.path.startswith("$")

    def test_dots_in_values_and_sixteen_part_keys_are_not_chains(self) -> None:
        text = "format = 1\nnote = '" + "." * 200 + "'\n" + ".".join(["a"] * 16) + " = 1\n"
        data = parse_catalog_bytes(text.encode(), name="x", fmt="toml")
        assert isinstance(data, dict) and data["note"] == "." * 200

    def test_a_file_above_the_size_limit_is_not_read(self, tmp_path: Path) -> None:
        path = tmp_path / "big.toml"
        path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
        with pytest.raises(CatalogError, match="larger than"):
            read_catalog_file(path)

    def test_bytes_above_the_size_limit(self) -> None:
        with pytest.raises(CatalogError, match="larger than"):
            parse_catalog_bytes(b" " * (MAX_FILE_BYTES + 1), name="x", fmt="json")

    def test_nesting_at_the_limit_parses(self) -> None:
        # MAX_NESTING levels in all (the top-level table is the first): allowed.
        doc = b'{"a":' + b"[" * (MAX_NESTING - 1) + b"]" * (MAX_NESTING - 1) + b"}"
        assert isinstance(parse_catalog_bytes(doc, name="x", fmt="json"), dict)
        deeper = b'{"a":' + b"[" * MAX_NESTING + b"]" * MAX_NESTING + b"}"
        with pytest.raises(CatalogError, match="nested"):
            parse_catalog_bytes(deeper, name="x", fmt="json")

    def test_brackets_inside_text_are_not_nesting(self, tmp_path: Path) -> None:
        claim = _claim(note="[" * 500 + "{" * 500)
        catalog = load_catalog(_claims_file(tmp_path, "toml", claim))
        assert catalog.best("amazon-anthropic-2026", "extra.figure").note.startswith("[[[")  # type: ignore[union-attr]

    def test_a_flood_of_problems_is_cut_short(self, tmp_path: Path) -> None:
        path = _claims_file(tmp_path, "json", *([{}] * (MAX_PROBLEMS + 50)))
        with pytest.raises(CatalogError) as info:
            read_catalog_file(path)
        problems = info.value.problems
        assert len(problems) == MAX_PROBLEMS + 1
        assert "not checked" in problems[-1].reason


# -- the command line ---------------------------------------------------------------------------


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "dealkit", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )


def _assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr
    assert "Traceback" not in done.stdout


class TestValidateCommand:
    def test_three_bad_claims_print_three_lines(self, tmp_path: Path) -> None:
        path = _claims_file(
            tmp_path, "toml",
            _claim(id="c0", value="9**9**9 MW"),
            _claim(id="c1"),
            _claim(id="c2", kind="money", value="5 XYZ"),
            _claim(id="c3", kind="date", value="2026-Q5"),
        )
        done = _run("validate", path)
        _assert_clean(done)
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert [line.split(": ")[:2] for line in lines] == [
            [str(path), "$.claims[0].value"],
            [str(path), "$.claims[2].value"],
            [str(path), "$.claims[3].value"],
        ]
        assert "'9**9**9 MW'" in lines[0]

    def test_every_file_is_checked(self, tmp_path: Path) -> None:
        (tmp_path / "a").mkdir()
        first = _claims_file(tmp_path / "a", "json", _claim(value="nan GW"))
        second = tmp_path / "b.toml"
        second.write_bytes(b"\xff\xfe")
        done = _run("validate", first, second)
        _assert_clean(done)
        assert done.returncode == 1
        assert [line.split(": ")[0] for line in done.stderr.splitlines()] == [str(first), str(second)]

    @pytest.mark.parametrize(
        ("name", "content", "reason"),
        [
            ("big.toml", b"# " + b"x" * (5 * 1024 * 1024) + b"\n", "larger than"),
            ("deep.json", b"[" * 300_000 + b"]" * 300_000, "nested"),
            ("deep.toml", b"a = " + b"[" * 300_000 + b"]" * 300_000, "nested"),
            ("random.toml", bytes(range(256)) * 64, "UTF-8"),
            ("empty.json", b"", "empty"),
            ("nan.json", b'{"format": 1, "claims": [{"value": NaN}]}', "NaN"),
        ],
    )
    def test_hostile_files_exit_1_with_one_line(self, tmp_path: Path, name: str, content: bytes, reason: str) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        done = _run("validate", path)
        _assert_clean(done)
        assert done.returncode == 1
        [line] = done.stderr.splitlines()
        assert line.startswith(f"{path}: $")
        assert reason in line

    def test_a_valid_file_exits_0(self, tmp_path: Path) -> None:
        done = _run("validate", _claims_file(tmp_path, "json", _claim()))
        _assert_clean(done)
        assert (done.returncode, done.stderr) == (0, "")

    @pytest.mark.parametrize(
        "args",
        [("validate",), ("validate", "/no/such/file.toml"), ("validate", "--no-such-option", "x.toml"), ("frobnicate",)],
        ids=["no-path", "missing-path", "bad-option", "bad-command"],
    )
    def test_usage_errors_exit_2(self, args: tuple[str, ...]) -> None:
        done = _run(*args)
        _assert_clean(done)
        assert done.returncode == 2
        assert done.stderr.strip()

    def test_catalog_option_reports_like_validate(self, tmp_path: Path) -> None:
        path = _claims_file(tmp_path, "toml", _claim(value="10**10**10 GW"))
        done = _run("list", "--catalog", path)
        _assert_clean(done)
        assert done.returncode == 1
        [line] = done.stderr.splitlines()
        assert f"{path}: $.claims[0].value" in line


class TestDocumentedLimits:
    def test_errors_page_states_the_limits_the_code_enforces(self) -> None:
        page = (PROJECT / "docs" / "errors.md").read_text(encoding="utf-8")
        assert f"{MAX_FILE_BYTES} bytes" in page
        assert f"at most **{MAX_NESTING}** levels" in page
        assert f"at most {MAX_ITEMS} are accepted" in page
        assert f"more than {MAX_PROBLEMS} problems" in page
        for code, meaning in (("0", "valid"), ("1", "invalid data"), ("2", "usage error")):
            assert re.search(rf"^\| {code} \| .*{meaning}", page, re.MULTILINE), code

    def test_a_toml_date_where_text_is_due(self, tmp_path: Path) -> None:
        path = tmp_path / "dates.toml"
        path.write_text(
            'format = 1\n[[claims]]\nid = "d"\nsubject = "amazon"\nproperty = "p"\nkind = "date"\n'
            'value = 2026-04-20\nqualifier = "exact"\nsources = [{file = "a.txt", quote = "q"}]\n',
            encoding="utf-8",
        )
        [(file, where, reason)] = _problems(path)
        assert (file, where) == (str(path), "$.claims[0].value")
        assert "must be text" in reason


class TestFromQuantity:
    """A pint quantity handed in by a user is checked before pint converts it."""

    @pytest.mark.parametrize(
        "magnitude",
        [float("nan"), float("inf"), Decimal("NaN"), Decimal("sNaN"), Decimal("1E+999999999"), 10**10_000, -5.0, 5 + 1j],
        ids=["nan", "inf", "Decimal-NaN", "sNaN", "1E+999999999", "10**10000", "negative", "complex"],
    )
    @pytest.mark.parametrize("cls", [Power, Energy], ids=lambda c: c.__name__)
    def test_bad_magnitudes(self, cls: type[Power] | type[Energy], magnitude: object) -> None:
        ureg = dealkit.get_registry()
        unit = "GW" if cls is Power else "GWh"
        with pytest.raises(DealkitError):
            cls.from_quantity(ureg.Quantity(magnitude, unit))

    def test_wrong_dimension(self) -> None:
        ureg = dealkit.get_registry()
        with pytest.raises(DimensionError):
            Power.from_quantity(ureg.Quantity(5, "parsec"))


class TestConverter:
    """``dealkit.serialization.structure``: plain data in, one CatalogError with every path out."""

    @pytest.mark.parametrize(
        ("data", "cls", "paths"),
        [
            ({}, dealkit.Source, {"$.file", "$.quote"}),
            ({"file": "a.txt", "quote": "q", "qoute": "q"}, dealkit.Source, {"$.qoute"}),
            ({"file": ["a.txt"], "quote": 5}, dealkit.Source, {"$.file", "$.quote"}),
            ("a table", dealkit.Party, {"$"}),
            ({"id": "acme", "name": "Acme", "kind": "bank"}, dealkit.Party, {"$.kind"}),
            ("9**9**9 MW", Power, {"$"}),
            (5, Power, {"$"}),
            ("NaN USD", CurrencyAmount, {"$"}),
            ("2026-02-30", PartialDate, {"$"}),
            ({"qualifier": "about", "value": "5 GW"}, Estimate[Power], {"$"}),
            ({"qualifier": "exact", "value": "5 GW", "extra": 1}, Estimate[Power], {"$"}),
            ([{"file": "a.txt", "quote": "q"}, {"file": "a/b.txt", "quote": "q"}], tuple[dealkit.Source, ...], {"$[1].file"}),
            ("not a list", tuple[dealkit.Source, ...], {"$"}),
        ],
    )
    def test_refused_with_paths(self, data: object, cls: Any, paths: set[str]) -> None:
        from dealkit.serialization import structure as public_structure

        with pytest.raises(CatalogError) as info:
            public_structure(data, cls)
        assert {p.path for p in info.value.problems} == paths


class TestEveryFaultOfOneClaim:
    """A claim with several faults reports each of them, not only the first."""

    def test_unknown_key_does_not_hide_the_other_faults(self) -> None:
        claim = {
            "id": "x",
            "subject": "amazon",
            "property": "capex",
            "kind": "power",
            "value": "9**9**9 MW",
            "qualifier": "maybe",
            "sources": [],
            "extra": 1,
        }
        with pytest.raises(CatalogError) as info:
            structure({"format": 1, "claims": [claim]}, CatalogFile)
        where = {(p.path, p.reason.split(" ")[0]) for p in info.value.problems}
        assert ("$.claims[0].extra", "unknown") in where
        assert ("$.claims[0].qualifier", "must") in where
        assert ("$.claims[0].value", "power") in where
        assert ("$.claims[0].sources", "a") in where
        assert len(info.value.problems) == 4

    def test_missing_keys_are_each_reported_beside_bad_values(self) -> None:
        claim = {"id": "Not An Id", "kind": "money", "value": "5 usd", "qualifier": "exact"}
        with pytest.raises(CatalogError) as info:
            structure({"format": 1, "claims": [claim]}, CatalogFile)
        paths = sorted(p.path for p in info.value.problems)
        assert paths == sorted([
            "$.claims[0].id", "$.claims[0].subject", "$.claims[0].property",
            "$.claims[0].sources", "$.claims[0].value",
        ])
