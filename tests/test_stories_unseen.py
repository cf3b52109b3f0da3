"""Seven small stories written for these tests (not the seeds, not the sample corpus), read
end to end as a fact-checker would: a death toll that grows over three articles, two of
them undated, a demonstration whose turnout the sources dispute, a budget whose deficit
forecast is revised from one article to the next (one dated by its wire dateline only), an
epidemic told by a web page, a wire story, an undated follow-up and a feed item, a plant
closure whose job cuts and rally the management, the police and the unions count apart, and
a military withdrawal told by a wire, a web page, an undated analysis (in cp1252), a dated
page and a feed item, with its staff, its spokesmen and its history, and a snap election
told over its two rounds (estimates, results, withdrawals, seats counted two ways).

The articles are invented in the manner of French news; no rule names their words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.build import build_dossier
from recoupe.settings import Settings
from recoupe.store.json_dossier import dossier_to_dict

STORIES = Path(__file__).parent / "fixtures" / "stories"


def _dossier(name: str) -> dict[str, Any]:
    return dossier_to_dict(build_dossier([STORIES / name], Settings(quiet=True)))


@pytest.fixture(scope="module")
def quake() -> dict[str, Any]:
    return _dossier("seisme")


@pytest.fixture(scope="module")
def strike() -> dict[str, Any]:
    return _dossier("retraites")


@pytest.fixture(scope="module")
def budget() -> dict[str, Any]:
    return _dossier("budget")


@pytest.fixture(scope="module")
def dengue() -> dict[str, Any]:
    return _dossier("dengue")


def _by_name(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(d["path"]).name: d for d in dossier["documents"]}


def _facts_of(dossier: dict[str, Any], unit: str) -> list[dict[str, Any]]:
    return [f for f in dossier["facts"] if f["unit"] == unit]


def test_a_growing_toll_is_one_update_across_the_three_articles(quake: dict[str, Any]) -> None:
    deaths = max(_facts_of(quake, "mort"), key=lambda f: len(f["observations"]))
    assert deaths["status"] == "update"
    assert len({o["doc"] for o in deaths["observations"]}) == 3
    values = {o["value"] for o in deaths["observations"]}
    assert {820, 2012, 2901} <= values and 12000 not in values  # 1960's toll stays apart


def test_the_undated_article_is_placed_by_its_neighbours(quake: dict[str, Any]) -> None:
    docs = _by_name(quake)
    assert docs["02_bilan_alourdi.txt"]["date"]["value"] == "2023-09"
    assert docs["03_reconstruction.txt"]["date"]["value"] == "2023-09-12"  # its dateline


def test_disputed_turnout_is_a_conflict_and_a_revised_count_an_update(
    strike: dict[str, Any],
) -> None:
    (turnout,) = [f for f in _facts_of(strike, "manifestant") if len(f["observations"]) > 1]
    assert turnout["status"] == "conflict"
    assert {o["value"] for o in turnout["observations"]} == {12000, 3500}
    arrests = max(_facts_of(strike, "interpellation"), key=lambda f: len(f["observations"]))
    assert arrests["status"] == "update"
    assert {o["value"] for o in arrests["observations"]} == {14, 18}


def test_articles_dated_only_by_a_weekday_get_the_story_s_month(strike: dict[str, Any]) -> None:
    docs = _by_name(strike)
    for name in ("02_heurts.txt", "03_49-3.txt"):
        date = docs[name]["date"]
        assert date["value"] == "2023-03" and date["provenance"] == "inferred"
        assert any("2023" in e for e in date["evidence"])
    dated = {e["date"]["value"] for e in strike["timeline"]}
    assert {"2023-03-14", "2023-03-16", "2023-03-23"} <= dated
    announced = [e for e in strike["timeline"] if e["date"]["value"] == "2023-03-23"]
    assert announced and all(e["future"] for e in announced)


def test_a_wire_dateline_dates_the_agency_story(budget: dict[str, Any]) -> None:
    date = _by_name(budget)["02_economies.txt"]["date"]
    assert (date["value"], date["confidence"]) == ("2024-10-10", 0.95)
    assert "Paris, le 10 octobre 2024" in date["evidence"][0]


def _facts_labelled(dossier: dict[str, Any], start: str) -> list[dict[str, Any]]:
    return [f for f in dossier["facts"] if f["label"].startswith(start)]


def test_a_revised_deficit_forecast_is_one_update_for_its_year(budget: dict[str, Any]) -> None:
    (deficit,) = _facts_labelled(budget, "déficit 2024")
    assert deficit["status"] == "update"
    assert len({o["doc"] for o in deficit["observations"]}) == 3
    values = [o["value"] for o in deficit["observations"]]
    assert set(values) == {4.4, 6.1, 6.2} and values[-1] == 6.2  # the latest told is last
    assert values.index(4.4) < values.index(6.2)  # "4,4 % prévu initialement" came first
    # the 2023 outturn and the 2025 and 2029 targets are other measures
    for year, value in (("2023", 5.5), ("2025", 5.0), ("2029", 3.0)):
        (other,) = [f for f in _facts_labelled(budget, f"déficit {year}")
                    if value in {o["value"] for o in f["observations"]}]  # fmt: skip
        assert other["status"] == "single"


def test_rates_are_grouped_by_what_they_measure(budget: dict[str, Any]) -> None:
    (unemployment,) = _facts_labelled(budget, "chômage 2024")
    assert unemployment["status"] == "update"
    assert [o["value"] for o in unemployment["observations"]] == [7.3, 7.4]
    effort = max(_facts_labelled(budget, "effort budgétaire 2025"),
                 key=lambda f: len(f["observations"]))  # fmt: skip
    assert effort["status"] == "agree" and len({o["doc"] for o in effort["observations"]}) == 2


def test_a_ministry_named_by_its_seat_is_one_organisation(budget: dict[str, Any]) -> None:
    by_name = {e["name"]: e for e in budget["entities"]}
    ministry = by_name["Ministère français de l'Économie"]
    assert ministry["type"] == "ORG" and len(ministry["mentions"]) >= 3  # "Bercy prépare…"
    assert (
        "Insee"
        in by_name["Institut national de la statistique et des études économiques"]["aliases"]
    )


def test_the_budget_timeline_tells_who_said_what_each_day(budget: dict[str, Any]) -> None:
    by_date = {e["date"]["value"]: e for e in budget["timeline"]}
    assert by_date["2024-09-25"]["headline"].startswith("Claire Dumontel : le déficit public")
    assert "6,2 %" in by_date["2024-11-05"]["headline"]
    assert "2024-09" not in by_date  # "et non plus 6,1 % comme annoncé en septembre"
    assert by_date["2024-12-12"]["future"] and not by_date["2024-10-10"]["future"]


def test_two_sources_forecasting_one_rate_differently_conflict(budget: dict[str, Any]) -> None:
    # "elle [la Banque de France] prévoit … 0,8 % en 2025, contre 1,1 % retenu par Bercy"
    (growth,) = _facts_labelled(budget, "croissance 2025")
    assert growth["status"] == "conflict"
    names = {e["id"]: e["name"] for e in budget["entities"]}
    given = {
        (o["value"], names.get(o["source"]["entity"]) if o["source"] else None)
        for o in growth["observations"]
    }
    assert (0.8, "Banque de France") in given
    assert any(value == 1.1 and name is not None for value, name in given)


def test_a_role_names_the_person_introduced_with_it_elsewhere(budget: dict[str, Any]) -> None:
    # 03 writes only "La ministre de l'Économie a répété…"; 01 introduced her by name
    names = {e["id"]: e["name"] for e in budget["entities"]}
    by_role = [q for q in budget["quotes"] if q["speaker"]["text"] == "La ministre de l'Économie"]
    assert by_role and {names.get(q["speaker"]["entity"]) for q in by_role} == {"Claire Dumontel"}


def test_an_epidemic_s_case_count_is_one_update_and_its_parts_stay_apart(
    dengue: dict[str, Any],
) -> None:
    cases = [f for f in dengue["facts"] if f["label"].startswith("cas")]
    main = max(cases, key=lambda f: len(f["observations"]))
    assert main["status"] == "update"
    assert {o["value"] for o in main["observations"]} >= {1240, 1980, 2600}
    assert len({o["doc"] for o in main["observations"]}) == 3
    # "la commune compte à elle seule 520 cas" is a part; "Cette année-là" (2019) the past
    by_value = {o["value"]: f for f in cases for o in f["observations"]}
    assert by_value[520] is not main and by_value[520]["status"] == "single"
    assert [o["as_of"] for o in by_value[18000]["observations"]] == ["2019"]


def test_a_wire_dateline_is_no_part_of_what_the_agency_reported(dengue: dict[str, Any]) -> None:
    (reported,) = [q for q in dengue["quotes"] if "1 980 cas" in q["text"]]
    assert reported["text"].startswith("L'épidémie de dengue continue")
    assert reported["speaker"]["text"] == "Agence régionale de santé"
    assert not any(s["text"].startswith("Saint-Denis, le 11") for s in dengue["summary"])


def test_the_epidemic_timeline_has_no_counting_origin_and_reads_alone(
    dengue: dict[str, Any],
) -> None:
    by_date = {e["date"]["value"]: e for e in dengue["timeline"]}
    assert "2025-01-01" not in by_date  # "1 240 cas … depuis le 1er janvier"
    assert "2025-02-04" not in by_date  # the "ici" of "d'ici la fin du mois"
    assert by_date["2025-03"]["headline"].startswith("Le taux de positivité")  # not "Qui…"
    assert by_date["2025-02-20"]["future"]
    assert by_date["2019"]["headline"].startswith("Cette année-là, plus de 18 000 cas")


def test_the_epidemic_s_figures_told_against_others_are_read(dengue: dict[str, Any]) -> None:
    # "1 240 cas … depuis le 1er janvier, contre 860 une semaine plus tôt": a week before
    # the article, in the case count
    cases = max(
        (f for f in dengue["facts"] if f["label"].startswith("cas")),
        key=lambda f: len(f["observations"]),
    )
    as_of = {o["value"]: o["as_of"] for o in cases["observations"]}
    assert as_of[860] == "2025-01-28" and as_of[1240] == "2025-02-04"
    # "sept morts selon l'ARS, tandis que le collectif des soignants en dénombre neuf"
    (deaths,) = [f for f in dengue["facts"] if {o["value"] for o in f["observations"]} == {7, 9}]
    assert deaths["status"] == "conflict"
    sources = {o["value"]: (o.get("source") or {}).get("text") for o in deaths["observations"]}
    assert sources == {7: "ARS", 9: "le collectif des soignants de l'île"}


@pytest.fixture(scope="module")
def plant() -> dict[str, Any]:
    return _dossier("usine")


def test_a_crowd_counted_by_police_and_unions_is_a_conflict(plant: dict[str, Any]) -> None:
    (crowd,) = _facts_of(plant, "personne")
    assert crowd["status"] == "conflict"
    told = {(o["value"], (o["source"] or {}).get("text")) for o in crowd["observations"]}
    assert told == {(300, "la police"), (800, "les syndicats")}


def test_job_cuts_disputed_then_revised_are_one_fact(plant: dict[str, Any]) -> None:
    (cuts,) = [f for f in _facts_of(plant, "suppression") if len(f["observations"]) > 1]
    values = [o["value"] for o in cuts["observations"]]
    assert {412, 600, 380} <= set(values)
    assert cuts["status"] == "conflict"  # the management's 412 against the union's 600


def test_a_company_named_after_its_trade_is_an_organisation(plant: dict[str, Any]) -> None:
    names = {e["name"]: e["type"] for e in plant["entities"]}
    assert names["Vernaux"] == "ORG"
    assert "Pneumatiques" not in names  # the headline's first word
    assert names["Łódź"] == "LOC"


def test_speakers_of_a_reaction_and_of_a_title_after_it(plant: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in plant["entities"]}
    said = {
        q["text"][:30]: names.get((q["speaker"] or {}).get("entity") or "") for q in plant["quotes"]
    }
    assert said["Ce n'est pas une victoire, c'e"] == "Karim Benali"
    assert said["Aucun repreneur ne s'est manif"] == "Éric Montvallon"
    assert said["tout faire pour trouver un rep"] == "Éric Montvallon"


def test_a_rally_called_for_wednesday_is_the_rally_held_that_day(plant: dict[str, Any]) -> None:
    by_date = {e["date"]["value"]: e for e in plant["timeline"]}
    assert "2025-02-26" not in by_date  # not the Wednesday before the call
    rally = by_date["2025-03-05"]
    assert len({s["doc"] for s in rally["sources"]}) == 2
    assert by_date["2025-06-30"]["future"]


def test_a_figure_disputing_the_one_before_it_is_in_its_fact(plant: dict[str, Any]) -> None:
    # "…, 140 ont déjà retrouvé un emploi…, selon la cellule. La CGT conteste ce chiffre et
    # affirme que seuls 90 salariés ont un projet validé."
    (disputed,) = [
        f for f in _facts_of(plant, "salarie") if 90 in {o["value"] for o in f["observations"]}
    ]
    assert 140 in {o["value"] for o in disputed["observations"]}
    assert disputed["status"] == "conflict"


@pytest.fixture(scope="module")
def withdrawal() -> dict[str, Any]:
    return _dossier("niger")


def _speakers(dossier: dict[str, Any]) -> dict[str, str | None]:
    """A quote's first 30 characters -> its speaker's entity name, else their words."""
    names = {e["id"]: e["name"] for e in dossier["entities"]}
    out: dict[str, str | None] = {}
    for q in dossier["quotes"]:
        speaker = q["speaker"] or {}
        out[q["text"][:30]] = names.get(speaker.get("entity") or "") or speaker.get("text")
    return out


def test_the_general_staff_speaks_as_itself(withdrawal: dict[str, Any]) -> None:
    # "…, a indiqué l'état-major des armées": the tokenizer cut "état-major" in three
    said = _speakers(withdrawal)
    assert said["Un premier convoi de soldats f"] == "l'état-major des armées"
    assert said["Les derniers militaires frança"] == "l'état-major des armées"
    # "…, a indiqué jeudi l'état-major, qui évoque un retrait « conforme au calendrier »"
    assert said["conforme au calendrier"] == "l'état-major"
    # "Environ 1 000 soldats sont stationnés sur la base aérienne de Niamey, …, selon
    # l'état-major" (a figure's source)
    (stationed,) = [f for f in _facts_of(withdrawal, "soldat") if f["label"] == "soldats"]
    assert [o["source"]["text"] for o in stationed["observations"]] == ["l'état-major"]


def test_a_source_named_in_an_apposition_is_the_speaker(withdrawal: dict[str, Any]) -> None:
    said = _speakers(withdrawal)
    # "Selon son porte-parole, le colonel-major X, près de 2 000 militaires…"
    assert said["près de 2 000 militaires étran"] == "Amadou Abdramane"
    # "Pour Marc Lesueur, chercheur à…, la présence… était devenue « … »"
    assert said["la présence militaire français"] == "Marc Lesueur"
    assert said["un symbole commode pour des ju"] == "Marc Lesueur"


def test_places_and_operations_are_typed_by_their_context(withdrawal: dict[str, Any]) -> None:
    types = {e["name"]: e["type"] for e in withdrawal["entities"]}
    assert types["Ouallam"] == "LOC"  # "la base d'Ouallam", though a headline says PER
    assert types["Serval"] == "MISC"  # "l'opération Serval", then "Serval cède la place…"
    assert not [name for name in types if "juillet" in name]  # "coup d'État du 26 juillet"


def test_one_troop_count_told_by_four_sources_agrees(withdrawal: dict[str, Any]) -> None:
    (troops,) = [f for f in withdrawal["facts"] if len(f["observations"]) == 4]
    assert {o["value"] for o in troops["observations"]} == {1500}
    assert troops["status"] == "agree"
    # "Paris a toujours avancé le chiffre d'environ 1 500 soldats"
    (paris,) = [q for q in withdrawal["quantities"] if q["text"].endswith("1 500 soldats")]
    assert paris["qualifier"] == "approx"


def test_the_withdrawal_timeline_shows_whole_events(withdrawal: dict[str, Any]) -> None:
    by_date = {e["date"]["value"]: e["headline"] for e in withdrawal["timeline"]}
    # "… après le départ des troupes françaises du Mali en août 2022, puis du Burkina Faso en
    # février dernier": not "Du Burkina Faso en février dernier."
    assert by_date["2023-02"].startswith("Le Niger était devenu")
    # "…, dans la zone des trois frontières, où 29 soldats nigériens ont été tués le 2 octobre"
    assert by_date["2023-10-02"] == "29 soldats nigériens ont été tués le 2 octobre."


def test_a_headline_is_no_summary_sentence(withdrawal: dict[str, Any]) -> None:
    firsts = {d["text"].split("\n", 1)[0].strip() for d in withdrawal["documents"]}
    said = [s["text"] for s in withdrawal["summary"]]
    assert len(said) == 6 and not set(said) & firsts


@pytest.fixture(scope="module")
def election() -> dict[str, Any]:
    return _dossier("legislatives")


def test_each_party_leader_speaks_as_themself(election: dict[str, Any]) -> None:
    said = _speakers(election)
    # "X, chef de file de La France insoumise (LFI), a affirmé que…": the parser had opened
    # a sentence at ", a affirmé"
    assert said["les candidats de la gauche arr"] == "Jean-Luc Mélenchon"
    # "Dans un communiqué, X a appelé à « … »"
    assert said["un large rassemblement clairem"] == "Emmanuel Macron"
    # "Marine Le Pen, réélue…, a appelé les électeurs à donner au parti « … »": the model
    # read "Marine" as the navy and saw nobody
    assert said["une majorité absolue"] == "Marine Le Pen"
    # "X a dénoncé une « alliance du déshonneur »", in two articles
    denounced = [q for q in election["quotes"] if q["text"] == "alliance du déshonneur"]
    assert len(denounced) == 2
    assert {q["speaker"]["text"] for q in denounced} == {"Jordan Bardella"}
    # "X a réclamé que…, tandis que Y a dénoncé…": X's words end before Y's clause
    (claimed,) = [q for q in election["quotes"] if q["cue"] == "a réclamé"]
    assert claimed["text"] == "le Nouveau Front populaire soit appelé à gouverner"


def test_seats_counted_two_ways_conflict_and_the_bar_to_reach_stays_apart(
    election: dict[str, Any],
) -> None:
    seats = {f["label"]: f for f in _facts_of(election, "siege")}
    counted = [f for label, f in seats.items() if "Nouveau Front populaire" in label]
    (left,) = [f for f in counted if len(f["observations"]) == 2]
    assert {o["value"] for o in left["observations"]} == {182, 178}
    assert left["status"] == "conflict"
    assert {o["source"]["text"] for o in left["observations"]} == {
        "un décompte de l'AFP",
        "Le ministère de l'Intérieur",
    }
    bars = [f for f in election["facts"] if any(o["value"] == 289 for o in f["observations"])]
    assert bars and all(f["label"].endswith("seuil") for f in bars)
    # "Le ministère de l'Intérieur en recense pour sa part 224" (candidates who withdrew)
    (withdrawn,) = [f for f in _facts_of(election, "candidat") if {218, 224} <= _values(f)]
    assert withdrawn["status"] == "conflict"


def _values(fact: dict[str, Any]) -> set[float]:
    return {o["value"] for o in fact["observations"]}


def test_turnout_of_each_round_is_its_own_fact(election: dict[str, Any]) -> None:
    turnout = {
        f["label"]: f for f in election["facts"] if f["label"].startswith("participation 2024")
    }
    first = turnout["participation 2024 (%), premier tour"]
    assert _values(first) == {67.0, 66.71} and first["status"] == "agree"
    assert _values(turnout["participation 2024 (%), législatives, second tour"]) == {66.63}
    # "Le Nouveau Front populaire obtient 27,99 % des suffrages": the party's share, after
    # the estimate of election night ("… obtiendrait 28,5 % des voix")
    (share,) = [f for f in election["facts"] if 27.99 in _values(f)]
    assert share["label"].endswith("(Nouveau Front populaire)")
    assert _values(share) == {28.5, 27.99} and share["status"] == "update"
    # the RN's estimate and result agree; its score at the European elections stays apart
    (rn,) = [f for f in election["facts"] if 33.15 in _values(f) and len(f["observations"]) > 1]
    assert _values(rn) == {33.5, 33.15} and rn["status"] == "agree"
    assert "législatives, premier tour" in rn["label"]
    (european,) = [f for f in election["facts"] if 31.4 in _values(f)]
    assert len(european["observations"]) == 1 and "européennes" in european["label"]


def test_the_election_timeline_has_no_record_year_and_no_past_future(
    election: dict[str, Any],
) -> None:
    entries = election["timeline"]
    # "une participation inédite depuis 1997" tells nothing of 1997
    assert not [e for e in entries if e["date"]["value"] == "1997"]
    # the second round, announced on 30 June, is past once pages of 8 July are there
    assert not [e for e in entries if e["date"]["value"] == "2024-07-07" and e["future"]]
    assert [e["future"] for e in entries if e["date"]["value"] == "2024-07-18"] == [True]
    # "…sont arrivés en tête du premier tour…, dimanche 30 juin, avec environ 33,5 %…"
    assert any(
        e["headline"].startswith("Le Rassemblement national (RN) et ses alliés sont arrivés")
        for e in entries
        if e["date"]["value"] == "2024-06-30"
    )
    assert not any(s["text"].startswith("Parmi eux") for s in election["summary"])
