"""Figures grouped into facts across documents, with agree/update/conflict/single."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recoupe.consolidate.entities import EntityIndex
from recoupe.consolidate.facts import build_facts
from recoupe.consolidate.units import canonical_unit
from recoupe.records import DocDate, Entity, EntityMention, Fact, LinkedQuantity, Quantity
from tests.consolidate_helpers import analysis, find, make_doc, quantity, span, timex

Doc = tuple[str, str, str | None]  # id, text, date


def run(
    docs: Sequence[Doc], figures: Sequence[Quantity], timexes: Sequence[object] = ()
) -> list[Fact]:
    """Facts for hand-built documents; places named in the figures become LOC entities."""
    documents = [make_doc(i, text, date) for i, text, date in docs]
    texts = {i: text for i, text, _ in docs}
    analyses = [
        analysis(i, text, [t for t in timexes if t.doc == i], [q for q in figures if q.doc == i])  # type: ignore[attr-defined]
        for i, text, _ in docs
    ]
    entities = _places(figures, texts)
    index = EntityIndex(entities)
    linked = [LinkedQuantity(q) for q in figures]
    return list(build_facts(linked, documents, analyses, entities, index))


def _places(figures: Sequence[Quantity], texts: dict[str, str]) -> list[Entity]:
    mentions: dict[str, list[EntityMention]] = {}
    for q in figures:
        for s in q.qualifiers:
            mentions.setdefault(s.text, []).append(EntityMention(s.doc, s.start, s.end, s.text))
    return [Entity(f"e-{name}", name, "LOC", (), tuple(ms)) for name, ms in mentions.items()]


P = "Environ 1 200 soldats français sont déployés au Niger. Plus de 40 attaques ont visé la base."
Q = "Le contingent compte 1 200 militaires français au Niger. Plus de 55 attaques ont visé la base."
R = "Quelque 400 soldats français sont stationnés au Tchad depuis des années."
S = "Selon l'état-major, 1 500 soldats français sont présents au Niger ce mois-ci."


def _p() -> Quantity:
    return quantity(
        "p",
        P,
        "Environ 1 200 soldats français",
        1200,
        "soldat",
        "approx",
        modifiers=["français"],
        places=["Niger"],
    )


def _q() -> Quantity:
    return quantity(
        "q",
        Q,
        "1 200 militaires français",
        1200,
        "militaire",
        modifiers=["français"],
        places=["Niger"],
    )


def test_same_figure_from_two_outlets_agrees() -> None:
    facts = run([("p", P, "2023-02"), ("q", Q, "2023-03")], [_p(), _q()])
    assert len(facts) == 1
    fact = facts[0]
    assert fact.status == "agree"
    assert fact.unit == "soldat"
    assert {o.doc for o in fact.observations} == {"p", "q"}
    assert [o.as_of for o in fact.observations] == ["2023-02", "2023-03"]
    assert "soldats" in fact.label and "français" in fact.label and "au Niger" in fact.label


def test_a_growing_count_is_an_update() -> None:
    figures = [
        quantity("p", P, "Plus de 40 attaques", 40, "attaque", "more_than"),
        quantity("q", Q, "Plus de 55 attaques", 55, "attaque", "more_than"),
    ]
    (fact,) = run([("q", Q, "2023-03"), ("p", P, "2023-02")], figures)
    assert fact.status == "update"
    assert [o.value for o in fact.observations] == [40, 55]  # in time order


def test_different_values_at_the_same_time_conflict() -> None:
    s = quantity(
        "s", S, "1 500 soldats français", 1500, "soldat", modifiers=["français"], places=["Niger"]
    )
    (fact,) = run([("q", Q, "2023-03"), ("s", S, "2023-03")], [_q(), s])
    assert fact.status == "conflict"


def test_different_values_without_dates_are_not_a_conflict() -> None:
    s = quantity(
        "s", S, "1 500 soldats français", 1500, "soldat", modifiers=["français"], places=["Niger"]
    )
    (fact,) = run([("q", Q, None), ("s", S, None)], [_q(), s])
    assert fact.status == "update"
    assert all(o.as_of is None for o in fact.observations)


def test_different_places_are_different_facts() -> None:
    r = quantity(
        "r",
        R,
        "Quelque 400 soldats français",
        400,
        "soldat",
        "approx",
        modifiers=["français"],
        places=["Tchad"],
    )
    facts = run([("p", P, "2023-02"), ("r", R, "2023-02")], [_p(), r])
    assert len(facts) == 2
    assert all(f.status == "single" for f in facts)
    assert {f.label for f in facts} == {"soldats français au Niger", "soldats français au Tchad"}


def test_a_figure_without_place_joins_the_placed_fact() -> None:
    text = "Les 1 200 soldats français restent mobilisés."
    bare = quantity("t", text, "1 200 soldats français", 1200, "soldat", modifiers=["français"])
    facts = run([("p", P, "2023-02"), ("t", text, "2023-02")], [_p(), bare])
    assert len(facts) == 1 and facts[0].status == "agree"


def test_killed_soldiers_are_not_the_deployed_ones() -> None:
    text = "Trois soldats français ont été tués au Niger lors d'une embuscade."
    killed = quantity(
        "k", text, "Trois soldats français", 3, "soldat", modifiers=["français"], places=["Niger"]
    )
    more = quantity(
        "k2",
        text,
        "Trois soldats français",
        1100,
        "soldat",
        modifiers=["français"],
        places=["Niger"],
    )
    facts = run([("p", P, "2023-02"), ("k", text, "2023-02")], [_p(), killed])
    assert len(facts) == 2
    assert more.value == 1100  # the role, not the scale, keeps them apart here


def test_an_explicit_date_in_the_clause_is_the_as_of() -> None:
    text = (
        "En 2019, l'armée comptait 4 500 soldats au Niger. Depuis mars, 1 000 soldats sont rentrés."
    )
    old = quantity("o", text, "4 500 soldats", 4500, "soldat", places=["Niger"])
    back = quantity("o", text, "1 000 soldats", 1000, "soldat")
    times = [timex("o", text, "En 2019", "2019"), timex("o", text, "mars", "2023-03")]
    facts = run([("o", text, "2023-06")], [old, back], times)
    as_of = {o.value: o.as_of for f in facts for o in f.observations}
    assert as_of == {4500: "2019", 1000: "2023-06"}  # "depuis mars" starts a period


def test_a_date_opening_the_figures_clause_is_the_as_of() -> None:
    text = (
        "Les discussions avaient commencé en mars dernier, mais deux jours après, "
        "12 soldats ont été tués dans une embuscade près de la frontière."
    )
    killed = quantity("k", text, "12 soldats", 12, "soldat")
    times = [
        timex("k", text, "mars dernier", "2023-03"),
        timex("k", text, "deux jours après", "2023-03"),
    ]
    (fact,) = run([("k", text, "2023-06")], [killed], times)
    assert fact.observations[0].as_of == "2023-03"


def test_ages_and_vague_figures_make_no_fact() -> None:
    text = "Un homme de 45 ans et des centaines de soldats."
    age = quantity("a", text, "45 ans", 45, "an", kind="age")
    vague = quantity("a", text, "des centaines de soldats", 100, "soldat", "vague")
    assert run([("a", text, "2023-01")], [age, vague]) == []


def test_fact_ids_are_stable_and_unique() -> None:
    docs = [("p", P, "2023-02"), ("q", Q, "2023-03")]
    figures = [_p(), _q(), quantity("p", P, "Plus de 40 attaques", 40, "attaque", "more_than")]
    first = [f.id for f in run(docs, figures)]
    again = [f.id for f in run(list(reversed(docs)), list(reversed(figures)))]
    assert sorted(first) == sorted(again)
    assert len(set(first)) == len(first)


def test_unit_synonyms_come_from_data() -> None:
    assert canonical_unit("militaire") == canonical_unit("troupes") == "soldat"
    assert canonical_unit("attaque") != canonical_unit("soldat")


def test_observations_point_at_their_words() -> None:
    (fact,) = run([("p", P, "2023-02"), ("q", Q, "2023-03")], [_p(), _q()])
    texts = {"p": P, "q": Q}
    for o in fact.observations:
        assert "1 200" in texts[o.doc][o.start : o.end]
    assert find(P, "1 200") >= 0


def test_a_day_and_its_month_are_the_same_time() -> None:
    day = "Selon la préfecture, 520 maisons sont inondées."
    month = "Selon la mairie, près de 800 maisons sont inondées."
    figures = [
        quantity("d", day, "520 maisons", 520, "maison"),
        quantity("m", month, "près de 800 maisons", 800, "maison", "approx"),
    ]
    (fact,) = run([("d", day, "2025-03-12"), ("m", month, "2025-03")], figures)
    assert fact.status == "conflict"


def test_a_total_without_place_stays_apart_from_a_part() -> None:
    text = "Plus de 300 évacués au total, dont 180 évacués au Niger."
    total = quantity("t", text, "Plus de 300 évacués", 300, "évacué", "more_than")
    part = quantity("t", text, "180 évacués", 180, "évacué", places=["Niger"])
    facts = run([("t", text, "2025-03-12")], [total, part])
    assert len(facts) == 2 and all(f.status == "single" for f in facts)
    assert {f.label for f in facts} == {"évacués", "évacués au Niger"}


def test_amounts_for_different_things_are_different_facts() -> None:
    fund = "L'État débloque un fonds d'urgence de 1,5 million d'euros."
    cost = "Le coût des dégâts est estimé à 3,5 millions d'euros."
    figures = [
        quantity("f", fund, "1,5 million d'euros", 1_500_000, "euro", kind="money"),
        quantity("c", cost, "3,5 millions d'euros", 3_500_000, "euro", kind="money"),
    ]
    facts = run([("f", fund, "2025-03-13"), ("c", cost, "2025-05-20")], figures)
    assert len(facts) == 2


def test_an_evening_time_dates_a_figure() -> None:
    text = "Seuls 400 foyers restaient privés d'électricité jeudi soir, selon le fournisseur."
    figure = quantity("e", text, "400 foyers", 400, "foyer")
    evening = timex("e", text, "jeudi soir", "2025-03-13TEV", kind="TIME")
    (fact,) = run([("e", text, "2025-03-14")], [figure], [evening])
    assert fact.observations[0].as_of == "2025-03-13"


def test_generic_counts_about_different_things_are_different_facts() -> None:
    """ "Personnes" alone says little: admitted to hospital is not evacuated by ship."""
    a = "Trente-huit personnes ont été admises à l'hôpital de la ville pour des blessures."
    b = "Une frégate a accosté avec à bord 40 personnes évacuées du port par la marine."
    c = "L'hôpital de la ville a admis 45 personnes pour des blessures depuis lundi."
    figures = [
        quantity("a", a, "Trente-huit personnes", 38, "personne"),
        quantity("b", b, "40 personnes", 40, "personne"),
        quantity("c", c, "45 personnes", 45, "personne"),
    ]
    facts = run([("a", a, "2023-03-01"), ("b", b, "2023-03-01"), ("c", c, "2023-03-02")], figures)
    grouped = sorted(sorted(o.doc for o in f.observations) for f in facts)
    assert grouped == [["a", "c"], ["b"]]


def test_a_specific_noun_groups_without_shared_words() -> None:
    """One story tells its count of evacuees in sentences that share few words."""
    a = "Plus de 150 évacués ont passé la journée dans la salle des fêtes de la commune."
    b = "La préfecture recense désormais plus de 300 évacués dans le département."
    figures = [
        quantity("a", a, "Plus de 150 évacués", 150, "évacué", "more_than"),
        quantity("b", b, "plus de 300 évacués", 300, "évacué", "more_than"),
    ]
    (fact,) = run([("a", a, "2023-03-10"), ("b", b, "2023-03-12")], figures)
    assert fact.status == "update"


def test_a_document_does_not_contradict_itself() -> None:
    """A total and its part in one sentence are two measures, not a conflict."""
    a = "Les avions ont effectué 336 sorties depuis samedi, dont 212 sorties américaines."
    figures = [
        quantity("a", a, "336 sorties", 336, "sortie"),
        quantity("a", a, "212 sorties", 212, "sortie"),
    ]
    facts = run([("a", a, "2023-03-23")], figures)
    assert len(facts) == 2 and all(f.status == "single" for f in facts)


def test_two_sources_in_one_document_disagreeing_are_a_conflict() -> None:
    text = "Les grévistes étaient 8 000 selon la CFDT, 2 100 selon la police, jeudi à Lyon."
    cfdt = replace(
        quantity("g", text, "8 000", 8000, "gréviste"), attributed_to=span("g", text, "la CFDT")
    )
    police = replace(
        quantity("g", text, "2 100", 2100, "gréviste"), attributed_to=span("g", text, "la police")
    )
    (fact,) = run([("g", text, "2023-03-16")], [cfdt, police])
    assert fact.status == "conflict"


def test_two_sources_of_a_toll_in_one_undated_document_are_a_conflict() -> None:
    text = "Le bilan est de six morts selon la mairie, tandis que l'association en compte huit."
    mairie = replace(
        quantity("u", text, "six morts", 6, "mort"), attributed_to=span("u", text, "la mairie")
    )
    asso = replace(
        quantity("u", text, "huit", 8, "mort"), attributed_to=span("u", text, "l'association")
    )
    (fact,) = run([("u", text, None)], [mairie, asso])
    assert fact.status == "conflict"


def test_a_revised_toll_is_an_update_not_a_conflict() -> None:
    first = "Selon la préfecture, 12 personnes ont été interpellées après le match."
    then = (
        "Le bilan du match a été revu : la préfecture fait désormais état de 19 personnes "
        "interpellées."
    )
    figures = [
        quantity("f", first, "12 personnes", 12, "interpellé"),
        quantity("t", then, "19 personnes", 19, "interpellé"),
    ]
    (fact,) = run([("f", first, "2023-03-12"), ("t", then, "2023-03")], figures)
    assert fact.status == "update"


def test_one_document_may_date_an_update() -> None:
    a = "Le groupe est passé de 4 400 membres lundi à 9 600 membres mercredi."
    figures = [
        quantity("a", a, "4 400 membres", 4400, "membre"),
        quantity("a", a, "9 600 membres", 9600, "membre"),
    ]
    monday = timex("a", a, "lundi", "2023-02-13")
    wednesday = timex("a", a, "mercredi", "2023-02-15")
    (fact,) = run([("a", a, "2023-02-16")], figures, [monday, wednesday])
    assert fact.status == "update"
    assert [o.as_of for o in fact.observations] == ["2023-02-13", "2023-02-15"]


def _series(unit: str, noun: str, values: Sequence[int], tail: str) -> list[Fact]:
    docs, figures = [], []
    for i, value in enumerate(values):
        text = f"{value} {noun} {tail} dans le port de la ville."
        docs.append((f"d{i}", text, f"2023-0{i + 1}-10"))
        figures.append(quantity(f"d{i}", text, f"{value} {noun}", value, unit))
    return run(docs, figures)


def test_a_count_that_goes_up_and_down_is_separate_incidents() -> None:
    facts = _series("explosion", "explosions", [3, 13, 5], "ont secoué les quais")
    assert len(facts) == 3 and all(f.status == "single" for f in facts)
    (rising,) = _series("explosion", "explosions", [3, 5, 13], "ont secoué les quais")
    assert rising.status == "update"


def test_a_toll_that_falls_later_is_another_incident() -> None:
    facts = _series("soldat", "soldats", [26, 17], "ont été tués")
    assert len(facts) == 2
    (falling,) = _series("foyer", "foyers", [2500, 400], "restaient privés d'électricité")
    assert falling.status == "update"  # a count of what remains may fall


def test_what_a_share_or_a_sum_is_of() -> None:
    from recoupe.consolidate.figure_context import complement

    def of(text: str) -> str | None:
        return complement(text, text.index("%") + 1 if "%" in text else text.index("euros") + 5)

    assert of("soit 14 % de sa récolte totale, estime") == "de sa récolte totale"
    assert of("près de 10 % de la population rurale vivent") == "de la population rurale"
    assert of("40 % de la production annuelle va vers l'Espagne") == "de la production annuelle"
    assert of("7,5 % des parts de la société") == "des parts"
    assert of("15 000 euros d'amende pour le garage") == "d'amende"
    assert of("65 % selon le sondage") is None


def test_a_share_is_labelled_with_what_it_is_of() -> None:
    a = "Les agriculteurs représentent près de 10 % de la population active, dit-il."
    b = "Les agriculteurs, 10 % de la population active, réclament leur place."
    figures = [
        quantity("a", a, "près de 10 %", 10, "%", "approx", kind="percent"),
        quantity("b", b, "10 %", 10, "%", kind="percent"),
    ]
    (fact,) = run([("a", a, "2023-03"), ("b", b, "2023-04")], figures)
    assert fact.label == "% de la population active" and fact.status == "agree"


def test_shares_of_different_wholes_are_different_facts() -> None:
    a = "Selon le sondage publié mardi sur la réforme des retraites, 66 % des salariés approuvent."
    b = "Selon le sondage publié mardi sur la réforme des retraites, 34 % des électeurs doutent."
    figures = [
        quantity("a", a, "66 %", 66, "%", kind="percent"),
        quantity("b", b, "34 %", 34, "%", kind="percent"),
    ]
    facts = run([("a", a, "2023-03-08"), ("b", b, "2023-03-08")], figures)
    assert sorted(f.label for f in facts) == ["% des salariés", "% des électeurs"]
    assert all(f.status == "single" for f in facts)  # not one conflicting measure


def test_a_toll_counted_after_its_event_is_not_dated_by_the_event() -> None:
    """ "le glissement du 2 mars a fait 41 morts": a toll of the day it is told, which
    grows (an update), not a count of 2 March."""
    first = "Le glissement de terrain de la nuit a fait au moins 12 morts, selon les secours."
    later = "Selon le dernier bilan, le glissement de terrain du 2 mars a fait 41 morts."
    figures = [
        quantity("f", first, "au moins 12 morts", 12, "mort", "at_least"),
        quantity("l", later, "41 morts", 41, "mort"),
    ]
    times = [timex("l", later, "2 mars", "2023-03-02")]
    facts = run([("f", first, "2023-03-02"), ("l", later, "2023-03-06")], figures, times)
    (fact,) = facts
    assert [o.as_of for o in fact.observations] == ["2023-03-02", "2023-03-06"]
    assert fact.status == "update"


def test_a_toll_told_in_one_month_by_a_page_dated_to_the_month_is_an_update() -> None:
    day = "La tempête a fait 14 morts dans la région, selon la préfecture."
    month = "La tempête qui a frappé la région a fait 23 morts, selon la préfecture."
    figures = [
        quantity("d", day, "14 morts", 14, "mort"),
        quantity("m", month, "23 morts", 23, "mort"),
    ]
    (fact,) = run([("d", day, "2023-11-03"), ("m", month, "2023-11")], figures)
    assert fact.status == "update"
    same_day = [("d", day, "2023-11-03"), ("m", month, "2023-11-03")]
    (fact,) = run(same_day, figures)
    assert fact.status == "conflict"


def test_the_next_figure_s_noun_is_not_this_one_s_role() -> None:
    text = "La tempête a fait 14 morts et 60 blessés dans la région."
    other = "La tempête a fait 14 morts dans la région, selon la préfecture."
    figures = [
        quantity("a", text, "14 morts", 14, "mort"),
        quantity("a", text, "60 blessés", 60, "blessé"),
        quantity("b", other, "14 morts", 14, "mort"),
    ]
    facts = run([("a", text, "2023-11-03"), ("b", other, "2023-11-03")], figures)
    deaths = [f for f in facts if f.unit == "mort"]
    assert len(deaths) == 1 and len(deaths[0].observations) == 2
    assert "blessés" not in deaths[0].label


def test_a_figure_an_article_repeats_joins_its_fact_across_sources() -> None:
    """The title's rounded toll and the text's exact one are the same measure, though the
    title shares no word with the other sources."""
    a_text = (
        "Tempête : près de 30 morts, la décrue se fait attendre. "
        "La préfecture recense 29 morts dans le département du Gard."
    )
    b = "Le département du Gard compte 29 morts après les pluies de la nuit."
    figures = [
        quantity("a", a_text, "près de 30 morts", 30, "mort", "approx"),
        quantity("a", a_text, "29 morts", 29, "mort"),
        quantity("b", b, "29 morts", 29, "mort"),
    ]
    (fact,) = run([("a", a_text, "2023-10-20"), ("b", b, "2023-10-20")], figures)
    assert len(fact.observations) == 3 and fact.status == "agree"


def test_rates_of_different_indicators_are_different_facts() -> None:
    a = "À Lyon, le taux de chômage a atteint 7,3 % au printemps, selon la préfecture."
    b = "À Lyon, la croissance fut de 7,3 % au printemps, tandis que 12 % des commerces ont fermé."
    figures = [
        quantity("a", a, "7,3 %", 7.3, "%", kind="percent"),
        quantity("b", b, "7,3 %", 7.3, "%", kind="percent"),
        quantity("b", b, "12 %", 12, "%", kind="percent"),
    ]
    facts = run([("a", a, "2023-06-01"), ("b", b, "2023-06-01")], figures)
    labels = sorted(f.label for f in facts)
    # "tandis que" opens another clause: the 12 % is no growth figure
    assert labels == ["% des commerces", "chômage 2023 (%)", "croissance 2023 (%)"]


def test_a_rate_given_as_the_one_replaced_comes_first() -> None:
    """ "6,2 %, et non plus 6,1 %": within one article the earlier forecast is listed first,
    so that the last value of the fact is the latest."""
    a = "Le déficit public atteindra 6,1 % du PIB en 2024, a indiqué le ministre."
    b = "Le déficit public atteindra finalement 6,2 % du PIB en 2024, et non plus 6,1 %."
    figures = [
        quantity("a", a, "6,1 %", 6.1, "%", kind="percent"),
        quantity("b", b, "6,2 %", 6.2, "%", kind="percent"),
        quantity("b", b, "6,1 %", 6.1, "%", kind="percent"),
    ]
    times = [timex("a", a, "2024", "2024"), timex("b", b, "2024", "2024")]
    facts = run([("a", a, "2024-09-25"), ("b", b, "2024-11-05")], figures, times)
    (fact,) = facts
    assert fact.label == "déficit 2024 (% du PIB)" and fact.status == "update"
    assert [o.value for o in fact.observations] == [6.1, 6.1, 6.2]
    assert [o.as_of for o in fact.observations] == ["2024-09-25", "2024-11-05", "2024-11-05"]


def test_a_whole_and_its_initials_are_one_whole() -> None:
    from recoupe.consolidate.facts import _same_whole

    assert _same_whole("du PIB", "du produit intérieur brut")
    assert _same_whole("du produit intérieur brut", "du PIB")
    assert not _same_whole("du PIB", "de la population active")


def test_a_part_told_alone_stays_out_of_the_story_s_count() -> None:
    # without "à elle seule", 520 after 1 240 and 1 980 reads as a count going down, and
    # the three figures fall apart into single incidents
    texts = [
        "Au total, 1 240 cas de dengue ont été confirmés sur l'île.",
        "Au total, 1 980 cas de dengue ont été confirmés sur l'île.",
        "Selon l'agence, la commune compte à elle seule 520 cas de dengue confirmés.",
    ]
    docs = [(f"d{i}", t, f"2025-02-{10 + i}") for i, t in enumerate(texts)]
    values = [1240, 1980, 520]
    figures = [
        quantity(f"d{i}", t, f"{v:,}".replace(",", " ") + " cas", v, "cas")
        for i, (t, v) in enumerate(zip(texts, values, strict=True))
    ]
    facts = run(docs, figures)
    by_values = {tuple(o.value for o in f.observations): f.status for f in facts}
    assert by_values == {(1240, 1980): "update", (520,): "single"}


def test_people_counted_by_their_fate_are_that_count() -> None:
    texts = [
        "Trois personnes sont mortes de la dengue sur l'île cette semaine.",
        "Trois morts de la dengue sur l'île cette semaine, selon l'agence.",
    ]
    docs = [(f"d{i}", t, "2025-02-10") for i, t in enumerate(texts)]
    figures = [
        quantity("d0", texts[0], "Trois personnes", 3, "personne"),
        quantity("d1", texts[1], "Trois morts", 3, "mort"),
    ]
    (fact,) = run(docs, figures)
    assert fact.status == "agree" and fact.label.startswith("morts")


def test_a_month_inferred_for_an_undated_page_does_not_make_a_conflict() -> None:
    day = "Selon la préfecture, 520 maisons sont inondées."
    month = "Selon la mairie, près de 800 maisons sont inondées."
    figures = [
        quantity("d", day, "520 maisons", 520, "maison"),
        quantity("m", month, "près de 800 maisons", 800, "maison", "approx"),
    ]
    docs = [make_doc("d", day, "2025-03-12"), make_doc("m", month)]
    inferred = DocDate("2025-03", "month", "inferred", "2025-03", "2025-03", 0.55)
    docs[1] = replace(docs[1], date=inferred)
    analyses = [analysis("d", day, [], figures[:1]), analysis("m", month, [], figures[1:])]
    entities: list[Entity] = []
    linked = [LinkedQuantity(q) for q in figures]
    (fact,) = build_facts(linked, docs, analyses, entities, EntityIndex(entities))
    assert fact.status == "update"


def test_the_two_rounds_of_a_vote_are_two_facts_and_the_label_says_which() -> None:
    a = "La participation a atteint 61,2 % au premier tour, selon le ministère."
    b = "La participation s'est établie à 61,4 % au second tour, selon le ministère."
    c = "La participation était de 61,2 % dimanche au premier tour."
    figures = [
        quantity("a", a, "61,2 %", 61.2, "%", kind="percent"),
        quantity("b", b, "61,4 %", 61.4, "%", kind="percent"),
        quantity("c", c, "61,2 %", 61.2, "%", kind="percent"),
    ]
    facts = run([("a", a, "2024-06-17"), ("b", b, "2024-06-24"), ("c", c, "2024-06-17")], figures)
    by_label = {f.label: f for f in facts}
    assert set(by_label) == {
        "participation 2024 (%), premier tour",
        "participation 2024 (%), second tour",
    }
    assert len(by_label["participation 2024 (%), premier tour"].observations) == 2


def test_a_bar_to_reach_is_not_a_count_of_seats() -> None:
    a = "Le bloc central obtient 171 sièges, loin de la majorité absolue de 289 sièges."
    b = "Il faudrait 289 sièges nécessaires pour gouverner seul ; le bloc central en a 171 sièges."
    figures = [
        quantity("a", a, "171 sièges", 171, "siège"),
        quantity("a", a, "289 sièges", 289, "siège"),
        quantity("b", b, "289 sièges", 289, "siège"),
        quantity("b", b, "171 sièges", 171, "siège"),
    ]
    facts = run([("a", a, "2024-07-08"), ("b", b, "2024-07-08")], figures)
    assert sorted((f.label, f.status, len(f.observations)) for f in facts) == [
        ("sièges", "agree", 2),
        ("sièges seuil", "agree", 2),
    ]


def test_a_bound_and_a_figure_within_it_told_together_agree() -> None:
    a = "Plus de 200 candidats se sont retirés avant la clôture des listes."
    b = "Au total, 218 candidats se sont retirés avant la clôture des listes mardi."
    c = "Plus de 230 candidats se sont retirés avant la clôture des listes, jeudi."
    figures = [
        quantity("a", a, "Plus de 200 candidats", 200, "candidat", "more_than"),
        quantity("b", b, "218 candidats", 218, "candidat"),
    ]
    facts = run([("a", a, "2024-07-02"), ("b", b, "2024-07-02")], figures)
    assert [f.status for f in facts] == ["agree"]
    later = [*figures, quantity("c", c, "Plus de 230 candidats", 230, "candidat", "more_than")]
    facts = run([("a", a, "2024-07-02"), ("b", b, "2024-07-02"), ("c", c, "2024-07-04")], later)
    assert [f.status for f in facts] == ["update"]  # the bound moved past 218
