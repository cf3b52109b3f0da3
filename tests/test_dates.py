"""Publication dates inferred for undated documents, with evidence (hand-built records)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from recoupe.consolidate.dates import infer_dates
from recoupe.consolidate.periods import parse_period, span_value
from recoupe.records import DocAnalysis, Document, Timex
from tests.consolidate_helpers import analysis, make_doc, quantity, timex

A = (
    "Les dockers du port de Marseille sont en grève depuis trois semaines. "
    "Le syndicat réclame une hausse des salaires de 8 %. "
    "La direction du port refuse toute négociation avec les grévistes. "
    "Le mouvement avait commencé en avril."
)
B = (
    "La grève des dockers du port de Marseille se poursuit malgré les menaces de la direction. "
    "Le syndicat des dockers réclame toujours une hausse des salaires de 8 %. "
    "Les premières grèves du port remontent à 1995."
)
U = (
    "Les dockers du port de Marseille poursuivent leur grève. "
    "La direction du port refuse toujours toute négociation avec les grévistes. "
    "Le mouvement avait commencé en avril dernier. "
    "Ils réclament une hausse des salaires de 8 %. "
    "Une grève semblable avait paralysé le port en 2019."
)
LONE = (
    "Un festival de musique baroque s'ouvre dans un village de l'Ain. "
    "Le festival avait été créé en 1980 par un passionné."
)
NOTHING = "Il fait beau sur la ville et les terrasses sont pleines."
FUTURE = "La ville accueillera les Jeux en 2030. Le stade avait ouvert en 2008 après des années."


def corpus() -> tuple[list[Document], list[DocAnalysis]]:
    docs = [
        make_doc("a", A, "2022-05"),
        make_doc("b", B, "2022-06"),
        make_doc("u", U),
        make_doc("lone", LONE),
        make_doc("nothing", NOTHING),
        make_doc("future", FUTURE),
    ]
    analyses = [
        analysis("a", A, [timex("a", A, "en avril", "2022-04")], [_salary("a", A)]),
        analysis("b", B, [timex("b", B, "1995", "1995")], [_salary("b", B)]),
        analysis(
            "u",
            U,
            [timex("u", U, "en avril", "XXXX-04"), timex("u", U, "en 2019", "2019")],
            [_salary("u", U)],
        ),
        analysis("lone", LONE, [timex("lone", LONE, "en 1980", "1980")]),
        analysis("nothing", NOTHING),
        analysis(
            "future",
            FUTURE,
            [
                timex("future", FUTURE, "en 2030", "2030"),
                timex("future", FUTURE, "en 2008", "2008"),
            ],
        ),
    ]
    return docs, analyses


def _salary(doc: str, text: str) -> object:
    return quantity(doc, text, "8 %", 8, "%", kind="percent")


@pytest.fixture(scope="module")
def dated() -> dict[str, Document]:
    docs, analyses = corpus()
    return {d.id: d for d in infer_dates(docs, analyses).documents}


def test_documents_with_metadata_keep_their_date(dated: dict[str, Document]) -> None:
    assert dated["a"].date.provenance == "metadata"
    assert dated["a"].date.value == "2022-05"


def test_shared_events_and_last_month_date_a_document(dated: dict[str, Document]) -> None:
    date = dated["u"].date
    assert date.provenance == "inferred"
    assert date.value is not None and date.value.startswith("2022")
    assert date.earliest is not None and date.earliest >= "2022-05"  # after "avril dernier"
    assert date.latest is not None and date.latest <= "2022-08"  # neighbours, two months on
    assert date.confidence >= 0.5
    evidence = " ".join(date.evidence)
    assert "avril dernier" in evidence
    assert "a.txt" in evidence and "b.txt" in evidence


def test_a_past_date_is_a_lower_bound_not_a_value(dated: dict[str, Document]) -> None:
    date = dated["lone"].date
    assert date.provenance == "inferred"
    assert date.value is None
    assert date.earliest == "1980-01"
    assert date.latest is None
    assert date.confidence < 0.5
    assert any("1980" in e for e in date.evidence)


def test_nothing_to_go_on_says_unknown(dated: dict[str, Document]) -> None:
    date = dated["nothing"].date
    assert (date.value, date.provenance, date.confidence) == (None, "unknown", 0.0)
    assert date.evidence


def test_future_dates_are_no_lower_bound(dated: dict[str, Document]) -> None:
    assert dated["future"].date.earliest == "2008-01"


def test_an_anchored_month_alone_gives_a_range() -> None:
    text = "Selon un délégué, le mouvement des dockers avait commencé en avril dernier."
    docs, analyses = corpus()
    docs = [docs[0], make_doc("y", text)]
    analyses = [analyses[0], analysis("y", text, [timex("y", text, "en avril", "XXXX-04")])]
    date = infer_dates(docs, analyses).documents[1].date
    assert (date.earliest, date.latest) == ("2022-05", "2023-03")
    assert date.value is None


@pytest.mark.parametrize(
    ("said", "value", "earliest", "latest"),
    [
        ("mardi 14 juin", "XXXX-06-14", "2022-06", "2022-06"),  # a Tuesday in 2022
        ("mardi 28 juin", "XXXX-06-28", "2022-06", "2022-07"),  # two weeks may reach July
        ("samedi 14 juin", "XXXX-06-14", None, None),  # a Saturday in 2014 and 2025: too far
    ],
)
def test_a_weekday_with_its_day_places_the_page_in_the_story_s_year(
    said: str, value: str, earliest: str | None, latest: str | None
) -> None:
    text = f"Les dockers du port de Brest ont cessé le travail {said}, a indiqué un délégué."
    docs, analyses = corpus()
    docs = [docs[0], docs[1], make_doc("w", text)]
    analyses = [*analyses[:2], analysis("w", text, [timex("w", text, said, value)])]
    date = infer_dates(docs, analyses).documents[2].date
    assert (date.earliest, date.latest) == (earliest, latest)
    if earliest is not None:
        assert said in " ".join(date.evidence) and "2022" in " ".join(date.evidence)


def test_relative_dates_are_resolved_again_once_dated() -> None:
    docs, analyses = corpus()
    calls: list[str | None] = []

    def reresolve(document: Document, timexes: Sequence[Timex]) -> tuple[Timex, ...]:
        calls.append(document.date.value)
        return tuple(replace(t, value="2022-04") if "avril" in t.text else t for t in timexes)

    result = infer_dates(docs, analyses, reresolve)
    assert calls and all(c is not None for c in calls)
    by_doc = {a.doc: a for a in result.analyses}
    assert [t.value for t in by_doc["u"].timexes if "avril" in t.text] == ["2022-04"]
    assert by_doc["a"] is analyses[0]


@pytest.mark.parametrize(
    ("value", "lo", "hi", "precision"),
    [
        ("2024", "2024-01", "2024-12", "year"),
        ("2024-03", "2024-03", "2024-03", "month"),
        ("2024-03-05", "2024-03", "2024-03", "day"),
        ("2014-SU", "2014-06", "2014-08", "year"),
    ],
)
def test_calendar_periods(value: str, lo: str, hi: str, precision: str) -> None:
    period = parse_period(value)
    assert period is not None
    assert (span_value(period.lo, period.lo)[0], span_value(period.hi, period.hi)[0]) == (lo, hi)
    assert period.precision == precision


@pytest.mark.parametrize("value", ["P1M", "PRESENT_REF", "XXXX-04", "2024-13", None])
def test_non_calendar_values(value: str | None) -> None:
    assert parse_period(value) is None


@pytest.mark.parametrize(
    ("sentence", "named", "value", "expected"),
    [
        (
            "Hier, mardi 3 mai, la grève a continué au port.",
            "mardi 3 mai",
            "2022-05-03",
            "2022-05-04",
        ),
        (
            "Aujourd'hui, mardi 3 mai, le port reste bloqué.",
            "mardi 3 mai",
            "2022-05-03",
            "2022-05-03",
        ),
        ("Hier, jeudi 3 mai, la grève a continué au port.", "jeudi 3 mai", "2022-05-03", None),
    ],
)
def test_yesterday_with_its_date_gives_the_day(
    sentence: str, named: str, value: str, expected: str | None
) -> None:
    docs, analyses = corpus()
    text = f"{U} {sentence}"
    deictic = sentence.split(",")[0]
    own = [
        timex("v", text, "en avril", "XXXX-04"),
        timex("v", text, deictic, "XXXX-XX-XX"),
        timex("v", text, named, "XXXX-05-03"),
    ]
    resolved = {"en avril": "2022-04", deictic: "2022-05", named: value}

    def reresolve(document: Document, timexes: Sequence[Timex]) -> tuple[Timex, ...]:
        return tuple(replace(t, value=resolved.get(t.text, t.value)) for t in timexes)

    docs = [*docs[:2], make_doc("v", text)]
    analyses = [*analyses[:2], analysis("v", text, own, [_salary("v", text)])]
    date = infer_dates(docs, analyses, reresolve).documents[2].date
    if expected is None:  # 3 May 2022 is a Tuesday: a "jeudi" does not fit, no day is given
        assert date.precision != "day"
    else:
        assert (date.value, date.precision, date.confidence) == (expected, "day", 0.9)
        assert any(named in e for e in date.evidence)


LINED = (
    "Grève au port\nPublié le 10 juin 2022 à 14h38 - Mis à jour le 11 juin 2022\n"
    "La grève des dockers du port de Marseille se poursuit malgré les menaces de la direction. "
    "Le syndicat des dockers réclame toujours une hausse des salaires de 8 %. "
    "La direction du port refuse toujours toute négociation avec les grévistes. "
    "Une réunion est prévue après la fin du mois de juin prochain, dit le syndicat."
)


def _lined() -> tuple[Document, DocAnalysis]:
    found = [
        timex("l", LINED, "10 juin 2022 à 14h38", "2022-06-10T14:38", kind="TIME"),
        timex("l", LINED, "11 juin 2022", "2022-06-11"),
    ]
    return make_doc("l", LINED), analysis("l", LINED, found, [_salary("l", LINED)])


def test_a_dateline_dates_its_page() -> None:
    doc, found = _lined()
    date = infer_dates([doc], [found]).documents[0].date
    assert (date.value, date.precision, date.provenance) == ("2022-06-10", "day", "inferred")
    assert (date.earliest, date.latest) == ("2022-06-10", "2022-06-10")
    assert date.confidence >= 0.95
    assert date.evidence == ("la page porte « Publié le 10 juin 2022 à 14h38 »",)


def test_a_dated_line_low_in_the_page_is_no_dateline() -> None:
    text = "Un texte. " * 40 + "Commentaire publié le 3 mars 2019 par un lecteur."
    doc = make_doc("c", text)
    found = analysis("c", text, [timex("c", text, "3 mars 2019", "2019-03-03")])
    date = infer_dates([doc], [found]).documents[0].date
    assert date.value != "2019-03-03"


def test_a_page_dated_by_its_dateline_dates_its_neighbours() -> None:
    doc, found = _lined()
    u = make_doc("u", U)
    u_found = analysis(
        "u", U, [timex("u", U, "en avril", "XXXX-04"), timex("u", U, "en 2019", "2019")],
        [_salary("u", U)],
    )  # fmt: skip
    dated = {d.id: d for d in infer_dates([doc, u], [found, u_found]).documents}
    assert dated["u"].date.value is not None and dated["u"].date.value.startswith("2022")
    assert "l.txt" in " ".join(dated["u"].date.evidence)


def test_a_heading_is_no_lower_bound() -> None:
    text = "Le Journal en 2040\nLe port a rouvert ses quais après des années de travaux."
    doc = make_doc("h", text)
    found = analysis("h", text, [timex("h", text, "en 2040", "2040")])
    assert infer_dates([doc], [found]).documents[0].date.earliest is None


def test_a_wire_dateline_dates_its_page() -> None:
    text = (
        "Budget : la gauche dénonce « l'austérité »\n\n"
        "Rennes, le 9 mai 2023 (AFP) - Le conseil régional a voté jeudi son budget.\n\n"
        "L'opposition a voté contre. Le texte prévoit une hausse des dépenses de transport."
    )
    doc = make_doc("w", text)
    found = analysis("w", text, [timex("w", text, "le 9 mai 2023", "2023-05-09")])
    date = infer_dates([doc], [found]).documents[0].date
    assert (date.value, date.precision) == ("2023-05-09", "day")
    assert date.evidence == ("la page porte « Rennes, le 9 mai 2023 »",)


@pytest.mark.parametrize(
    "line",
    [
        "Le maire a dit, le 9 mai 2023 - sans attendre - qu'il partirait.",
        "Rennes, le 9 mai 2023, le conseil a voté - enfin - son budget.",
    ],
)
def test_a_date_after_a_comma_in_a_sentence_is_no_wire_dateline(line: str) -> None:
    from recoupe.consolidate.clauses import in_wire_dateline

    assert not in_wire_dateline(line, line.index("le 9 mai"))


@pytest.mark.parametrize(
    "text",
    [
        "L'objectif est de ramener le déficit à 5 % du PIB, puis sous 3 % en 2029.",
        "Le port doit être agrandi, et ses quais modernisés d'ici 2029.",
        "Port : la ville en 2029, selon « le maire »\nLe port a rouvert ses quais hier.",
    ],
)
def test_a_plan_or_a_title_is_no_lower_bound(text: str) -> None:
    doc = make_doc("p", text)
    found = analysis("p", text, [timex("p", text, "2029", "2029")])
    assert infer_dates([doc], [found]).documents[0].date.earliest is None


def test_a_dated_caption_is_a_lower_bound() -> None:
    text = "Lyon sous la grêle\n(Explosion à Lyon, le 7 juin 2011, AFP)\nLe port a fermé."
    doc = make_doc("c", text)
    found = analysis("c", text, [timex("c", text, "le 7 juin 2011", "2011-06-07")])
    assert infer_dates([doc], [found]).documents[0].date.earliest == "2011-06"


def test_neighbours_months_apart_or_a_set_aside_clue_lower_the_confidence() -> None:
    from recoupe.consolidate.date_clues import Neighbour
    from recoupe.consolidate.dates import _confidence

    def near(value: str) -> Neighbour:
        period = parse_period(value)
        assert period is not None
        return Neighbour(value, period, 2.0, "")

    close = _confidence(None, None, "2022-05", [near("2022-05"), near("2022-06")])
    apart = _confidence(None, None, "2022-05", [near("2022-05"), near("2023-02")])
    assert apart < close
    assert _confidence(None, None, "2022-05", [near("2022-05")], conflicting=True) < close


ANNOUNCE = (
    "La ministre des Sports, Inès Marchal, est attendue au stade de Brest le 17 mars pour "
    "l'inauguration de la nouvelle tribune. Le chantier avait coûté 12 millions d'euros."
)
TOLD = (
    "La ministre des Sports a inauguré jeudi la nouvelle tribune du stade de Brest, sous la pluie."
)


@pytest.mark.parametrize(
    ("announced", "value", "earliest", "latest"),
    [
        ("le 17 mars", "2022-03-17", "2022-03", "2022-03"),  # a Thursday: 17 to 23 March
        ("le 31 mars", "2022-03-31", "2022-03", "2022-04"),  # a Thursday: up to 6 April
        ("le 18 mars", "2022-03-18", None, None),  # a Friday: not the Thursday told
    ],
)
def test_a_past_weekday_announced_by_a_dated_page_dates_the_page(
    announced: str, value: str, earliest: str | None, latest: str | None
) -> None:
    said = ANNOUNCE.replace("le 17 mars", announced)
    docs = [make_doc("a", said, "2022-03-02"), make_doc("t", TOLD)]
    analyses = [
        analysis("a", said, [timex("a", said, announced, value)]),
        analysis("t", TOLD, [timex("t", TOLD, "jeudi", "XXXX-WXX-4")]),
    ]
    date = infer_dates(docs, analyses).documents[1].date
    assert (date.earliest, date.latest) == (earliest, latest)
    if earliest is not None:
        assert "a.txt" in " ".join(date.evidence) and value in " ".join(date.evidence)


def test_a_weekday_before_the_announcing_page_or_to_come_dates_nothing() -> None:
    # the dated page tells the day as past (published after it); the undated one as future
    past = ANNOUNCE.replace("est attendue", "était attendue")
    ahead = TOLD.replace("a inauguré jeudi", "inaugurera jeudi")
    for said, told, published in ((past, TOLD, "2022-03-20"), (ANNOUNCE, ahead, "2022-03-02")):
        docs = [make_doc("a", said, published), make_doc("t", told)]
        analyses = [
            analysis("a", said, [timex("a", said, "le 17 mars", "2022-03-17")]),
            analysis("t", told, [timex("t", told, "jeudi", "XXXX-WXX-4")]),
        ]
        assert infer_dates(docs, analyses).documents[1].date.value is None
