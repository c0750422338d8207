"""Tests for dealkit._errors: the exception tree, messages, Problem and pickling."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from dealkit._errors import (
    MAX_VALUE_REPR,
    BoundsError,
    CatalogError,
    CurrencyMismatchError,
    DateError,
    DealkitError,
    DealkitWarning,
    DimensionError,
    InvalidValueError,
    InvariantError,
    ParseError,
    Problem,
    UnknownCurrencyError,
    UnknownDealError,
    short_repr,
)

#: Every concrete error with a (reason, value, path=, file=) constructor, and its builtin.
SIMPLE_ERRORS: list[tuple[type[DealkitError], type[Exception]]] = [
    (ParseError, ValueError),
    (InvalidValueError, ValueError),
    (UnknownCurrencyError, ValueError),
    (DateError, ValueError),
    (CurrencyMismatchError, ValueError),
    (DimensionError, TypeError),
    (BoundsError, ValueError),
    (InvariantError, ValueError),
    (UnknownDealError, LookupError),
]


class _HostileRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


class TestHierarchy:
    @pytest.mark.parametrize(("cls", "builtin"), [*SIMPLE_ERRORS, (CatalogError, ValueError)])
    def test_every_error_is_a_dealkit_error_and_its_builtin(
        self, cls: type[DealkitError], builtin: type[Exception]
    ) -> None:
        assert issubclass(cls, DealkitError)
        assert issubclass(cls, builtin)
        assert issubclass(cls, Exception)

    @pytest.mark.parametrize("cls", [UnknownCurrencyError, DateError])
    def test_invalid_value_subtypes(self, cls: type[DealkitError]) -> None:
        assert issubclass(cls, InvalidValueError)

    def test_the_root_is_a_plain_exception(self) -> None:
        assert DealkitError.__bases__ == (Exception,)
        assert not issubclass(DealkitError, ValueError)

    def test_warning_root(self) -> None:
        assert issubclass(DealkitWarning, UserWarning)
        assert not issubclass(DealkitWarning, DealkitError)

    def test_dimension_error_is_not_a_value_error(self) -> None:
        assert not issubclass(DimensionError, ValueError)

    def test_unknown_deal_error_is_a_key_lookup_error_not_a_value_error(self) -> None:
        assert not issubclass(UnknownDealError, ValueError)


class TestAttributesAndMessages:
    @pytest.mark.parametrize(("cls", "_builtin"), SIMPLE_ERRORS)
    def test_structured_attributes(self, cls: type[DealkitError], _builtin: type) -> None:
        e = cls("must be >= 0", -5, path="$.deals[0].amount", file="deals.toml")
        assert (e.reason, e.value, e.path, e.file) == ("must be >= 0", -5, "$.deals[0].amount", "deals.toml")
        assert e.args == ("must be >= 0",)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"value": -5, "path": "$.a", "file": "x.toml"}, "x.toml: $.a: must be >= 0 (got -5)"),
            ({"value": -5, "path": "$.a"}, "$.a: must be >= 0 (got -5)"),
            ({"value": -5, "file": "x.toml"}, "x.toml: must be >= 0 (got -5)"),
            ({"value": -5}, "must be >= 0 (got -5)"),
            ({"value": "-5 GW"}, "must be >= 0 (got '-5 GW')"),
            ({"value": None}, "must be >= 0 (got None)"),
            ({"path": "$.a"}, "$.a: must be >= 0"),
            ({}, "must be >= 0"),
        ],
    )
    def test_message_names_file_path_and_value(self, kwargs: dict[str, Any], message: str) -> None:
        value = kwargs.pop("value", ...)
        e = InvalidValueError("must be >= 0", **kwargs) if value is ... else InvalidValueError(
            "must be >= 0", value, **kwargs
        )
        assert str(e) == message

    def test_without_a_value_there_is_no_value_text(self) -> None:
        assert "got" not in str(ParseError("not a date"))

    def test_long_values_are_cut(self) -> None:
        e = ParseError("too long", "x" * 10_000)
        text = str(e)
        assert len(text) < 200
        assert "(10002 characters)" in text
        assert text.startswith("too long (got 'xxxx")

    def test_short_repr(self) -> None:
        assert short_repr("abc") == "'abc'"
        assert short_repr(5) == "5"
        cut = short_repr("x" * 200)
        assert len(cut) <= MAX_VALUE_REPR + 30
        assert "(202 characters)" in cut
        assert short_repr("x" * (MAX_VALUE_REPR - 2)) == repr("x" * (MAX_VALUE_REPR - 2))

    def test_a_hostile_repr_does_not_hide_the_error(self) -> None:
        assert str(InvalidValueError("bad", _HostileRepr())) == "bad (got <unprintable _HostileRepr>)"

    def test_a_huge_int_does_not_break_the_message(self) -> None:
        assert "bad (got " in str(InvalidValueError("bad", 10**10_000))

    def test_problems_of_a_single_error(self) -> None:
        e = BoundsError("low above high", "5..3", path="$.x", file="f.toml")
        assert e.problems == (Problem("low above high", "$.x", "5..3", "f.toml"),)
        assert e.problems[0].value == "5..3"

    @pytest.mark.parametrize(
        ("prefix", "own", "expected"),
        [
            ("$.deals[2]", "$.amount", "$.deals[2].amount"),
            ("$.deals[2]", "$", "$.deals[2]"),
            ("$.deals[2]", "", "$.deals[2]"),
            ("", "$.amount", "$.amount"),
            ("$.deals[2].tranches", "$[0]", "$.deals[2].tranches[0]"),
        ],
    )
    def test_located_prefixes_the_path(self, prefix: str, own: str, expected: str) -> None:
        e = InvalidValueError("must be >= 0", -5, path=own)
        located = e.located(prefix, file="deals.toml")
        assert type(located) is InvalidValueError
        assert located.path == expected
        assert located.file == "deals.toml"
        assert (located.reason, located.value) == ("must be >= 0", -5)
        assert e.path == own and e.file is None  # the original is unchanged
        assert str(located).startswith(f"deals.toml: {expected}: must be >= 0")

    def test_located_keeps_a_known_file(self) -> None:
        e = ParseError("bad", "x", file="a.toml")
        assert e.located("$.x").file == "a.toml"


class TestProblem:
    @pytest.mark.parametrize(
        ("problem", "text"),
        [
            (
                Problem(reason="must be positive", path="$.claims[3].value", value="-5 GW", file="my.toml"),
                "my.toml: $.claims[3].value: must be positive (got '-5 GW')",
            ),
            (Problem("must be positive", "$.x", -5), "$.x: must be positive (got -5)"),
            (Problem("must be positive", file="my.toml"), "my.toml: must be positive"),
            (Problem("must be positive", "$.x"), "$.x: must be positive"),
            (Problem("must be positive"), "must be positive"),
            (Problem("missing", "$.x", None), "$.x: missing (got None)"),
        ],
    )
    def test_str(self, problem: Problem, text: str) -> None:
        assert str(problem) == text

    def test_equality_ignores_the_value(self) -> None:
        assert Problem("r", "$.x", 1) == Problem("r", "$.x", 2)
        assert Problem("r", "$.x") != Problem("r", "$.y")
        assert Problem("r", "$.x", file="a") != Problem("r", "$.x", file="b")

    @pytest.mark.parametrize(
        "problem", [Problem("r", "$.x", "-5 GW", "f.toml"), Problem("r"), Problem("r", value=None)]
    )
    def test_pickles(self, problem: Problem) -> None:
        back = pickle.loads(pickle.dumps(problem))
        assert back == problem
        assert str(back) == str(problem)


class TestCatalogError:
    problems = (
        Problem("must be positive", "$.deals[0].amount", "-5"),
        Problem("unknown currency", "$.deals[2].tranches[0].amount", "5 XYZ"),
        Problem("missing field", "$.deals[3].id", file="other.toml"),
    )

    def test_lists_every_problem(self) -> None:
        e = CatalogError(self.problems, file="deals.toml")
        assert len(e.problems) == 3
        assert str(e) == (
            "3 problems:\n"
            "  deals.toml: $.deals[0].amount: must be positive (got '-5')\n"
            "  deals.toml: $.deals[2].tranches[0].amount: unknown currency (got '5 XYZ')\n"
            "  other.toml: $.deals[3].id: missing field"
        )

    def test_file_fills_in_only_missing_files(self) -> None:
        e = CatalogError(self.problems, file="deals.toml")
        assert [p.file for p in e.problems] == ["deals.toml", "deals.toml", "other.toml"]

    def test_without_a_file(self) -> None:
        e = CatalogError(self.problems[:2])
        assert [p.file for p in e.problems] == [None, None]
        assert str(e).splitlines()[1] == "  $.deals[0].amount: must be positive (got '-5')"

    def test_the_first_problem_is_the_errors_own(self) -> None:
        e = CatalogError(self.problems, file="deals.toml")
        assert (e.reason, e.path, e.value, e.file) == (
            "must be positive", "$.deals[0].amount", "-5", "deals.toml"
        )

    def test_one_problem_reads_as_that_problem(self) -> None:
        e = CatalogError(self.problems[:1], file="deals.toml")
        assert str(e) == "deals.toml: $.deals[0].amount: must be positive (got '-5')"

    def test_accepts_any_iterable_in_order(self) -> None:
        e = CatalogError(iter(self.problems))
        assert e.problems == self.problems

    def test_no_problems(self) -> None:
        e = CatalogError([])
        assert e.problems == ()
        assert e.reason == "invalid catalog"


class TestPickling:
    @pytest.mark.parametrize(("cls", "_builtin"), SIMPLE_ERRORS)
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"value": "-5 GW", "path": "$.claims[3].value", "file": "my.toml"},
            {"value": None},
            {"value": 0},
            {},
            {"path": "$.x"},
        ],
    )
    def test_round_trip_keeps_reason_value_path_and_file(
        self, cls: type[DealkitError], _builtin: type, kwargs: dict[str, Any]
    ) -> None:
        kwargs = dict(kwargs)
        if "value" in kwargs:
            e = cls("must be positive", kwargs.pop("value"), **kwargs)
        else:
            e = cls("must be positive", **kwargs)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(e, protocol))
            assert type(back) is cls
            assert (back.reason, back.path, back.file) == (e.reason, e.path, e.file)
            assert back.value == e.value
            assert str(back) == str(e)
            assert back.args == e.args
            assert back.problems == e.problems

    def test_an_error_without_a_value_stays_without_one(self) -> None:
        e = ParseError("not a date")
        back = pickle.loads(pickle.dumps(e))
        assert str(back) == "not a date"
        assert "got" not in str(back)

    def test_copy(self) -> None:
        e = InvalidValueError("bad", -5, path="$.x", file="f")
        for clone in (copy.copy(e), copy.deepcopy(e)):
            assert type(clone) is InvalidValueError
            assert str(clone) == str(e)

    def test_catalog_error_round_trip_keeps_every_problem(self) -> None:
        e = CatalogError(TestCatalogError.problems, file="deals.toml")
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is CatalogError
        assert back.problems == e.problems
        assert [p.value for p in back.problems] == [p.value for p in e.problems]
        assert str(back) == str(e)
        assert (back.reason, back.path, back.value, back.file) == (e.reason, e.path, e.value, e.file)

    def test_located_error_round_trip(self) -> None:
        e = DimensionError("must be power", "5 GWh").located("$.deals[0].capacity", "x.toml")
        back = pickle.loads(pickle.dumps(e))
        assert (back.path, back.file, back.value) == ("$.deals[0].capacity", "x.toml", "5 GWh")


class TestRaisedByTheLibrary:
    """Errors raised by the value types carry the offending input."""

    def test_parse_error_carries_the_text(self) -> None:
        from dealkit._values.money import CurrencyAmount

        with pytest.raises(ParseError) as info:
            CurrencyAmount.parse("$100B+")
        assert info.value.value == "$100B+"
        assert "'$100B+'" in str(info.value)

    def test_unknown_currency_carries_the_code(self) -> None:
        from dealkit._values.money import CurrencyAmount

        with pytest.raises(UnknownCurrencyError) as info:
            CurrencyAmount(1, "XYZ")
        assert info.value.value == "XYZ"
        assert "XYZ" in str(info.value)

    def test_date_error_carries_the_text(self) -> None:
        from dealkit._values.dates import PartialDate

        with pytest.raises(DateError) as info:
            PartialDate.parse("2026-02-30")
        assert str(info.value) == "impossible date: day is out of range for month (got '2026-02-30')"

    def test_library_errors_pickle(self) -> None:
        from dealkit._values.measures import Power

        with pytest.raises(DimensionError) as info:
            Power.parse("5 GWh")
        back = pickle.loads(pickle.dumps(info.value))
        assert (type(back), back.reason, back.value) == (DimensionError, info.value.reason, "5 GWh")
