"""The converter: lossless round trips of every type, and of every built-in catalog file."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dealkit
from dealkit import (
    CatalogError,
    Claim,
    ComputeCommitment,
    CurrencyAmount,
    Deal,
    DealRelation,
    Duration,
    Energy,
    Estimate,
    Investor,
    Milestone,
    PartialDate,
    Power,
    Qualifier,
    Rank,
    Source,
    SpendCommitment,
    Tranche,
    TrancheKind,
)
from dealkit.catalog import CatalogFile, read_catalog_file
from dealkit.catalog._dump import catalog_to_data, dump_catalog

from tests.strategies import (
    cent_amounts,
    currency_amounts,
    decimals,
    durations,
    energies,
    estimates,
    money_estimates,
    partial_dates,
    power_estimates,
    powers,
)

converter = dealkit.converter

#: Round trips are cheap; a moderate example count keeps the suite fast.
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _round_trip(value: object, cls: Any) -> object:
    data = converter.unstructure(value, cls)
    # What is unstructured is plain JSON: it survives json.dumps/loads unchanged.
    assert json.loads(json.dumps(data)) == data
    return converter.structure(data, cls)


# -- local strategies -------------------------------------------------------------------------

#: Date estimates: a date is never approximate, and a range needs a certainly-earlier low end.
date_estimates: st.SearchStrategy[Estimate[PartialDate]] = st.one_of(
    partial_dates.map(Estimate.exact),
    partial_dates.map(Estimate.at_most),
    partial_dates.map(Estimate.at_least),
    st.tuples(partial_dates, partial_dates).filter(lambda p: p[0] < p[1]).map(lambda p: Estimate.between(*p)),
)

#: Non-negative plain numbers, as multiples, percentages and counts hold them.
plain_numbers = decimals(signed=False, min_exponent=-6, max_exponent=12, bound_exponent=15)
whole_numbers = st.integers(0, 10**12).map(Decimal)

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]", fullmatch=True)
properties = st.from_regex(r"[a-z][a-z0-9_]{0,10}(\.[a-z0-9][a-z0-9_-]{0,10}){0,3}", fullmatch=True)
file_names = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,30}", fullmatch=True)
words = st.text(st.characters(categories=("L", "N", "P", "S"), exclude_characters="\x7f"), min_size=1, max_size=12)
quotes = st.lists(words, min_size=1, max_size=12).map(" ".join)
free_text = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=60)
article_sources = st.builds(Source, file_names, quotes)
urls = st.from_regex(r"https?://[a-z0-9]{1,20}\.(com|org|co\.uk)(/[A-Za-z0-9._~%?=&-]{0,30}){0,3}", fullmatch=True)
page_quotes = st.lists(words, min_size=1, max_size=10).map(" ".join)
publishers = free_text.filter(str.strip)
web_sources = st.builds(
    dealkit.WebSource, urls, publishers, page_quotes, retrieved=partial_dates, published=st.none() | partial_dates
)
#: A claim's sources: seed articles and web pages.
sources = st.one_of(article_sources, web_sources)

#: For each kind of figure, the estimates a claim of that kind holds.
VALUES: dict[str, st.SearchStrategy[Estimate[Any]]] = {
    "money": money_estimates(),
    "power": power_estimates(),
    "energy": estimates(energies()),
    "duration": estimates(durations()),
    "multiple": estimates(plain_numbers),
    "percent": estimates(plain_numbers),
    "count": estimates(whole_numbers).filter(
        # A count's bounds must stay whole: drop approximations with fractional bounds.
        lambda e: all(b is None or b == b.to_integral_value() for b in (e.low, e.high, e.central))
    ),
    "date": date_estimates,
}


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    kind = draw(st.sampled_from(sorted(VALUES)))
    rank = draw(st.sampled_from(Rank))
    note = draw(free_text)
    if rank is Rank.DEPRECATED and not note.strip():
        note = "another article disagrees"
    return Claim(
        id=draw(ids),
        subject=draw(ids),
        property=draw(properties),
        kind=kind,  # type: ignore[arg-type]
        value=draw(VALUES[kind]),
        sources=tuple(draw(st.lists(sources, min_size=1, max_size=3))),
        rank=rank,
        as_of=draw(st.none() | partial_dates),
        note=note,
    )


def _positive(e: Estimate[Any]) -> bool:
    return all(b is None or getattr(b, "amount", getattr(b, "base", b)) > 0 for b in (e.low, e.high, e.central))


TRANCHE_KINDS: tuple[TrancheKind, ...] = ("immediate", "milestone_linked")
positive_money = currency_amounts("USD", cent_amounts(signed=False).filter(lambda d: d > 0))
positive_power_estimates = power_estimates().filter(_positive)
positive_durations = durations().filter(lambda d: d.base > 0)


@st.composite
def _investor(draw: st.DrawFn, party: str, investee: str, announced: PartialDate, prefix: str) -> Investor:
    amounts = draw(st.lists(positive_money, max_size=2))
    tranches = tuple(
        Tranche(kind, Estimate.exact(a), draw(st.none() | st.just(announced)), draw(free_text), name=f"{prefix}-{kind}",
                sources=tuple(draw(st.lists(sources, max_size=1))))
        for kind, a in zip(TRANCHE_KINDS, amounts, strict=False)
    )
    total = sum(amounts, CurrencyAmount.zero("USD"))
    amount = None
    if draw(st.booleans()):
        # An exact amount equals its tranches' sum; "up to" leaves room above it.
        amount = Estimate.exact(total) if tranches and draw(st.booleans()) else Estimate.at_most(total + draw(positive_money))
    role = draw(st.sampled_from(["lead", "co_investor", "member"]))
    return Investor(party, investee, amount, tranches, role, tuple(draw(st.lists(sources, max_size=1))))


@st.composite
def deals(draw: st.DrawFn) -> Deal:
    parties = draw(st.lists(ids, min_size=2, max_size=4, unique=True))
    investee, backers = parties[0], parties[1:]
    announced = draw(partial_dates)
    investors = tuple(draw(_investor(p, investee, announced, f"t{i}")) for i, p in enumerate(backers))
    # The most the investors can put in, from what bounds each: its amount, else its tranches.
    most = CurrencyAmount.zero("USD")
    for i in investors:
        committed = i.committed
        if committed is not None and committed.high is not None:
            most = most + committed.high
    investment = None
    if draw(st.booleans()):
        investment = Estimate.at_most(most + draw(positive_money))
    valuation = None
    if draw(st.booleans()):
        base = investment.high if investment is not None and investment.high is not None else most
        valuation = Estimate.exact(base + draw(positive_money))
    def prior(date: Estimate[PartialDate] | None) -> bool:
        # A part dated certainly before the announcement must say it came first.
        before = date is not None and date.high is not None and date.high < announced
        return before or draw(st.booleans())

    investor = backers[0]
    names = draw(st.lists(ids, max_size=2, unique=True))
    compute_list = []
    for n in names:
        by = draw(st.none() | date_estimates)
        compute_list.append(ComputeCommitment(
            n, draw(positive_power_estimates), investor, investee, tuple(draw(st.lists(words, max_size=2))),
            by, draw(free_text), tuple(draw(st.lists(sources, max_size=1))), prior(by),
        ))
    compute = tuple(compute_list)
    spend = tuple(
        SpendCommitment(n, investee, investor, draw(money_estimates().filter(_positive)),
                        draw(st.none() | positive_durations), tuple(draw(st.lists(words, max_size=2))))
        for n in draw(st.lists(ids, max_size=2, unique=True))
    )
    milestone_list = []
    for n in draw(st.lists(ids, max_size=2, unique=True)):
        date = draw(date_estimates)
        milestone_list.append(
            Milestone(n, draw(free_text), date, draw(st.none() | positive_power_estimates), prior=prior(date))
        )
    milestones = tuple(milestone_list)
    deal_id = draw(ids)
    relations = tuple(
        DealRelation(kind, other, tuple(draw(st.lists(sources, max_size=1))), draw(free_text))
        for kind, other in draw(st.lists(st.tuples(st.sampled_from(["follows", "extends", "amends"]),
                                                   ids.filter(lambda x: x != deal_id)),
                                         max_size=2, unique_by=lambda r: r))
    )
    return Deal(
        id=deal_id, title=draw(free_text), announced=announced, investors=investors,
        investment=investment, valuation=valuation, compute=compute, spend=spend,
        milestones=milestones, summary=draw(free_text), relations=relations,
    )


# -- round trips --------------------------------------------------------------------------------


class TestValueRoundTrips:
    @FAST
    @given(currency_amounts())
    def test_currency_amount(self, x: CurrencyAmount) -> None:
        assert _round_trip(x, CurrencyAmount) == x

    @FAST
    @given(powers())
    def test_power(self, x: Power) -> None:
        back = _round_trip(x, Power)
        assert back == x
        assert back.unit == x.unit  # the stated unit survives too

    @FAST
    @given(energies())
    def test_energy(self, x: Energy) -> None:
        back = _round_trip(x, Energy)
        assert back == x
        assert back.unit == x.unit

    @FAST
    @given(durations())
    def test_duration(self, x: Duration) -> None:
        back = _round_trip(x, Duration)
        assert back == x
        assert back.unit == x.unit

    @FAST
    @given(partial_dates)
    def test_partial_date(self, x: PartialDate) -> None:
        back = _round_trip(x, PartialDate)
        assert back == x
        assert back.precision is x.precision


class TestEstimateRoundTrips:
    @FAST
    @given(money_estimates())
    def test_money(self, x: Estimate[CurrencyAmount]) -> None:
        assert _round_trip(x, Estimate[CurrencyAmount]) == x

    @FAST
    @given(power_estimates())
    def test_power(self, x: Estimate[Power]) -> None:
        assert _round_trip(x, Estimate[Power]) == x

    @FAST
    @given(estimates(energies()))
    def test_energy(self, x: Estimate[Energy]) -> None:
        assert _round_trip(x, Estimate[Energy]) == x

    @FAST
    @given(estimates(durations()))
    def test_duration(self, x: Estimate[Duration]) -> None:
        assert _round_trip(x, Estimate[Duration]) == x

    @FAST
    @given(date_estimates)
    def test_date(self, x: Estimate[PartialDate]) -> None:
        assert _round_trip(x, Estimate[PartialDate]) == x

    @FAST
    @given(estimates(plain_numbers))
    def test_number(self, x: Estimate[Decimal]) -> None:
        assert _round_trip(x, Estimate[Decimal]) == x


class TestModelRoundTrips:
    @FAST
    @given(claims())
    def test_claim(self, x: Claim) -> None:
        assert _round_trip(x, Claim) == x

    @settings(FAST, max_examples=60)
    @given(deals())
    def test_deal(self, x: Deal) -> None:
        assert _round_trip(x, Deal) == x

    @pytest.mark.parametrize("deal_id", dealkit.builtin_catalog().deal_ids())
    def test_builtin_deals(self, deal_id: str) -> None:
        deal = dealkit.get_deal(deal_id)
        assert _round_trip(deal, Deal) == deal


class TestUnstructuredShape:
    """The plain data the converter writes, as docs/catalog-format.md describes it."""

    def test_estimates(self) -> None:
        usd = CurrencyAmount(Decimal(25 * 10**9), "USD")
        assert converter.unstructure(Estimate.at_most(usd), Estimate[CurrencyAmount]) == {
            "qualifier": "at_most", "value": "25000000000 USD"}
        assert converter.unstructure(Estimate.between(Power(30, "MW"), Power(50, "MW")), Estimate[Power]) == {
            "qualifier": "range", "value": "30 MW .. 50 MW"}
        # Default ±10 % bounds are left out; any others are written.
        assert converter.unstructure(Estimate.approximately(usd), Estimate[CurrencyAmount]) == {
            "qualifier": "approximately", "value": "25000000000 USD"}
        assert converter.unstructure(Estimate.nearly(Power(1, "GW")), Estimate[Power]) == {
            "qualifier": "approximately", "value": "1 GW", "low": "0.9 GW", "high": "1 GW"}

    def test_claim(self) -> None:
        claim = Claim(
            id="x", subject="amazon", property="capex", kind="money",
            value=Estimate.approximately(CurrencyAmount(Decimal(2 * 10**11), "USD")),
            sources=(Source("003.txt", "roughly $200 billion"),), rank=Rank.PREFERRED,
            as_of=PartialDate.of_year(2026),
        )
        assert converter.unstructure(claim, Claim) == {
            "id": "x", "subject": "amazon", "property": "capex", "kind": "money",
            "qualifier": "approximately", "value": "200000000000 USD", "rank": "preferred",
            "as_of": "2026", "sources": [{"file": "003.txt", "quote": "roughly $200 billion"}],
        }

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({"qualifier": "exact", "value": 5}, "$"),
            ({"qualifier": "exact"}, "$"),
            ({"qualifier": "exact", "value": "5 GW", "extra": 1}, "$"),
            ({"qualifier": "range", "value": "50 MW .. 30 MW"}, "$"),
        ],
    )
    def test_bad_estimates_are_refused(self, data: object, path: str) -> None:
        from dealkit.serialization._converter import structure

        with pytest.raises(CatalogError) as exc:
            structure(data, Estimate[Power])
        assert all(p.path == path for p in exc.value.problems)


# -- the catalog files ------------------------------------------------------------------------------


def _catalog_files() -> list[Path]:
    root = resources.files("dealkit.catalog") / "builtin"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".toml"))


def _contained(small: Any, big: Any, where: str = "$") -> None:
    """Every key and value of ``small`` (a file as parsed) is in ``big`` (what the converter writes)."""
    if isinstance(small, dict):
        assert isinstance(big, dict), where
        for key, value in small.items():
            assert key in big, f"{where}.{key} is lost"
            _contained(value, big[key], f"{where}.{key}")
    elif isinstance(small, list):
        assert isinstance(big, list) and len(big) == len(small), where
        for i, (a, b) in enumerate(zip(small, big, strict=True)):
            _contained(a, b, f"{where}[{i}]")
    else:
        assert small == big, f"{where}: {small!r} became {big!r}"


FILES = [pytest.param(p, id=p.name) for p in _catalog_files()]


class TestCatalogFilesRoundTrip:
    def test_there_are_files(self) -> None:
        assert len(FILES) >= 5

    @pytest.mark.parametrize("path", FILES)
    def test_converter_round_trip(self, path: Path) -> None:
        content = read_catalog_file(path)
        assert converter.structure(converter.unstructure(content, CatalogFile), CatalogFile) == content

    @pytest.mark.parametrize("path", FILES)
    def test_nothing_the_file_says_is_lost(self, path: Path) -> None:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        _contained(raw, catalog_to_data(read_catalog_file(path)))

    @pytest.mark.parametrize("path", FILES)
    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_dump_and_load(self, tmp_path: Path, path: Path, fmt: str) -> None:
        content = read_catalog_file(path)
        out = tmp_path / f"{path.stem}.{fmt}"
        dump_catalog(content, out, fmt=fmt)  # type: ignore[arg-type]
        assert read_catalog_file(out) == content

    def test_whole_catalog_dump_and_load(self, tmp_path: Path) -> None:
        catalog = dealkit.builtin_catalog()
        out = tmp_path / "all.json"
        dump_catalog(catalog, out, fmt="json")
        again = dealkit.load_catalog(out, include_builtin=False)
        assert again.all_claims == catalog.all_claims
        assert again.deals() == catalog.deals()


class TestConverterRaisesDealkitErrors:
    """The public converter never lets cattrs' grouped errors or a bare KeyError out."""

    def test_missing_keys_are_one_catalog_error_with_paths(self) -> None:
        with pytest.raises(dealkit.CatalogError) as info:
            dealkit.converter.structure({"id": "x"}, dealkit.Deal)
        assert {p.path for p in info.value.problems} == {"$.title", "$.announced", "$.investors"}
        assert all(p.reason == "required key is missing" for p in info.value.problems)

    def test_nested_faults_keep_their_paths(self) -> None:
        data = {
            "id": "x", "title": "X", "announced": "2026-04-20",
            "investors": [{"party": "a", "investee": "b",
                           "tranches": [{"kind": "immediate", "amount": {"qualifier": "exact", "value": "5 usd"}}]}],
        }
        with pytest.raises(dealkit.DealkitError) as info:
            dealkit.converter.structure(data, dealkit.Deal)
        assert [p.path for p in info.value.problems] == ["$.investors[0].tranches[0].amount"]

    def test_no_key_error_escapes(self) -> None:
        with pytest.raises(dealkit.DealkitError):
            dealkit.converter.structure({}, dealkit.Source)


# -- every public type, with and without type arguments ---------------------------------------

rates = st.one_of(
    st.tuples(money_estimates().filter(lambda e: e.qualifier is Qualifier.EXACT), st.sampled_from([
        dealkit.Energy(10, "TWh"), dealkit.Power(5, "GW"), dealkit.Duration(10, "year"), dealkit.Energy(1, "MWh"),
    ])).map(lambda p: p[0].value / p[1]),
)

_CATALOG = dealkit.builtin_catalog()
_DEAL = "amazon-anthropic-2026"

#: Every public type the converter serialises, with a strategy for its values.
PUBLIC_TYPES: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (CurrencyAmount, currency_amounts()),
    (dealkit.Power, powers()),
    (dealkit.Energy, energies()),
    (dealkit.Duration, durations()),
    (PartialDate, partial_dates),
    (dealkit.Rate, rates),
    (Estimate[CurrencyAmount], money_estimates()),
    (Estimate[dealkit.Power], power_estimates()),
    (Estimate[dealkit.Energy], estimates(energies())),
    (Estimate[dealkit.Duration], estimates(durations())),
    (Estimate[PartialDate], date_estimates),
    (Estimate[Decimal], estimates(plain_numbers)),
    (Estimate[dealkit.Rate], rates.map(Estimate.at_least)),
    (Qualifier, st.sampled_from(Qualifier)),
    (Rank, st.sampled_from(Rank)),
    (dealkit.Certainty, st.sampled_from(dealkit.Certainty)),
    (dealkit.Precision, st.sampled_from(dealkit.Precision)),
    (Source, article_sources),
    (dealkit.WebSource, web_sources),
    (dealkit.Party, st.builds(dealkit.Party, ids, free_text)),
    (Claim, claims()),
    (Deal, deals()),
    (dealkit.Tranche, deals().filter(lambda d: bool(d.tranches)).map(lambda d: d.tranches[0])),
    (Investor, deals().map(lambda d: d.investors[-1])),
    (DealRelation, deals().filter(lambda d: bool(d.relations)).map(lambda d: d.relations[0])),
    (dealkit.Derivation, st.builds(dealkit.Derivation, st.sampled_from(sorted(dealkit._model.DERIVATION_RULES)),
                                   quotes, st.lists(ids, max_size=2).map(tuple))),
    (dealkit.Conflict, st.builds(dealkit.Conflict, ids, st.lists(ids, min_size=2, max_size=3).map(tuple),
                                 st.sampled_from(["value", "meaning"]), free_text.filter(str.strip))),
    (dealkit.Catalog, st.just(_CATALOG)),
    (dealkit.Metric, st.sampled_from(dealkit.deal_metrics(_CATALOG, _DEAL))),
    (dealkit.Finding, st.sampled_from(dealkit.check_consistency(_CATALOG))),
    (dealkit.AsOfView, st.sampled_from(["2026-04-20", "2026-05-01", "2027-01"]).map(
        lambda day: dealkit.as_of(_CATALOG, _DEAL, day))),
    (dealkit.Status, st.sampled_from(dealkit.as_of(_CATALOG, _DEAL, "2026-05-01").items)),
    (dealkit.ComparisonRow, st.sampled_from(dealkit.compare(_CATALOG))),
    (dealkit.DealHistory, st.sampled_from([("amazon", "anthropic"), ("aws", "openai"), ("amazon", "microsoft")]).map(
        lambda pair: dealkit.deal_history(_CATALOG, *pair))),
    (dealkit.HistoryEntry, st.sampled_from(dealkit.deal_history(_CATALOG, "amazon", "anthropic").entries)),
    (dealkit.Contribution, st.sampled_from(dealkit.deal_history(_CATALOG, "amazon", "anthropic").total.parts)),
    (dealkit.Cumulative, st.sampled_from(
        [e.cumulative for e in dealkit.deal_history(_CATALOG, "amazon", "anthropic").entries]
        + [dealkit.deal_history(_CATALOG, "amazon", "anthropic").as_of("2025")])),
]


def _same(a: object, b: object) -> bool:
    if isinstance(a, dealkit.Catalog) and isinstance(b, dealkit.Catalog):
        return (a.parties, a.shapes, a.all_claims, a.deals()) == (b.parties, b.shapes, b.all_claims, b.deals())
    return a == b


@pytest.mark.parametrize(("cls", "values"), PUBLIC_TYPES, ids=lambda v: getattr(v, "__name__", None) or str(v))
class TestEveryPublicType:
    @settings(FAST, max_examples=40)
    @given(data=st.data())
    def test_with_the_type_argument(self, cls: Any, values: st.SearchStrategy[Any], data: st.DataObject) -> None:
        value = data.draw(values)
        assert _same(_round_trip(value, cls), value)

    @settings(FAST, max_examples=40)
    @given(data=st.data())
    def test_without_the_type_argument(self, cls: Any, values: st.SearchStrategy[Any], data: st.DataObject) -> None:
        value = data.draw(values)
        plain = json.loads(json.dumps(converter.unstructure(value)))
        assert _same(converter.structure(plain, cls), value)
        if getattr(cls, "__origin__", None) is Estimate:
            # An estimate written without its type names its kind, so it reads back as a bare Estimate too.
            assert converter.structure(plain, Estimate) == value


def test_every_public_type_is_covered() -> None:
    import attrs

    covered = {getattr(cls, "__origin__", cls) for cls, _ in PUBLIC_TYPES}
    skipped = {
        # Not data: errors, warnings and the converter itself.
        *(getattr(dealkit, n) for n in dealkit.__all__ if n.endswith(("Error", "Warning"))),
        dealkit.Problem, dealkit.DealkitConverter,
        # Parts that round-trip as fields of a Deal (covered through Deal).
        dealkit.ComputeCommitment, dealkit.SpendCommitment, dealkit.Milestone,
        # A search result carries its own input text; extraction has its own JSON (dealkit extract --format json).
        dealkit.Figure,
    }
    public = {obj for n in dealkit.__all__ if isinstance(obj := getattr(dealkit, n), type)}
    assert any(attrs.has(t) for t in public)  # the set is what it should be: classes, attrs ones among them
    assert public - covered - skipped == set()


class TestBareEstimates:
    def test_the_issue_example(self) -> None:
        e = Estimate.exact(dealkit.Power("1.5", "GW"))
        data = converter.unstructure(e)
        assert data == {"kind": "power", "qualifier": "exact", "value": "1.5 GW"}
        assert converter.structure(data, Estimate[dealkit.Power]) == e

    def test_a_bare_estimate_needs_its_kind(self) -> None:
        with pytest.raises(dealkit.InvalidValueError, match="needs its 'kind'"):
            converter.structure({"qualifier": "exact", "value": "5 GW"}, Estimate)

    def test_a_kind_that_disagrees_with_the_type_is_refused(self) -> None:
        with pytest.raises(dealkit.InvalidValueError, match="does not hold Power"):
            converter.structure({"kind": "money", "qualifier": "exact", "value": "5 USD"}, Estimate[dealkit.Power])

    def test_a_plain_number_keeps_no_suffix(self) -> None:
        assert converter.unstructure(Estimate.exact(Decimal("1.25"))) == {
            "kind": "number", "qualifier": "exact", "value": "1.25"}

    def test_configure_converter_on_a_plain_cattrs_converter(self) -> None:
        import cattrs

        from dealkit.serialization import configure_converter

        conv = cattrs.Converter()
        configure_converter(conv)
        deal = dealkit.get_deal(_DEAL)
        assert conv.structure(json.loads(json.dumps(conv.unstructure(deal))), Deal) == deal
        assert conv.unstructure(_CATALOG) == converter.unstructure(_CATALOG)

class TestRateRoundTrips:
    @pytest.mark.parametrize("text", ["50 USD/MWh", "10000000000 USD/year", "0.05 EUR/kWh", "5000000000 USD/GW"])
    def test_a_rate_is_its_canonical_text(self, text: str) -> None:
        rate = dealkit.Rate.parse(text)
        data = dealkit.converter.unstructure(rate)
        assert data == text
        assert dealkit.converter.structure(json.loads(json.dumps(data)), dealkit.Rate) == rate

    @pytest.mark.parametrize("text", ["$50/MWh", "50 USD/megawatt_hour", "50 USD per MWh", "50 usd/MWh", 50])
    def test_anything_else_is_refused_with_its_path(self, text: object) -> None:
        with pytest.raises(dealkit.CatalogError):
            dealkit.serialization.structure(text, dealkit.Rate)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: dealkit.converter.dumps(dealkit.Power(1, "GW"), 5), "unstructure_as"),
        (lambda: dealkit.converter.loads(b'"1 GW"', 5), "cl"),
        (lambda: dealkit.serialization.unstructure(dealkit.Power(1, "GW"), 5), "cls"),
        (lambda: dealkit.serialization.structure("1 GW", 5), "cls"),
    ],
)
def test_a_target_that_is_no_type_is_named_as_the_signature_names_it(call, argument):
    with pytest.raises(dealkit.InvalidValueError, match=rf"^'{argument}' must be a type"):
        call()
