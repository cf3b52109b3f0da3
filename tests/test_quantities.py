"""Figures: numbers in French news with what they count, hedges, places and sources."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze.quantities import find_quantities, quantities_from_doc
from recoupe.analyze.quantity_numbers import find_numbers, parse_digits
from recoupe.records import Quantity


def figures(nlp: Any, text: str) -> list[Quantity]:
    found = quantities_from_doc(nlp(text), "d")
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def one(nlp: Any, text: str) -> Quantity:
    found = figures(nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2 500", 2500),
        ("2\u00a0500", 2500),
        ("2\u202f500", 2500),
        ("2500", 2500),
        ("2.000", 2000),
        ("50'000", 50_000),  # Swiss notation
        ("1’250’000", 1_250_000),
        ("6,8", 6.8),
        ("1.5", 1.5),
        ("12 000 000", 12_000_000),
    ],
)
def test_digits_in_french_notation(raw: str, value: float) -> None:
    assert parse_digits(raw) == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("La France a 1 200 soldats au Niger.", 1200, "soldat"),
        ("La France a 1\u00a0200 soldats au Niger.", 1200, "soldat"),
        ("La France a 1\u202f200 soldats au Niger.", 1200, "soldat"),
        ("La police a compté 2.000 manifestants.", 2000, "manifestant"),
        ("Le compte est suivi par près de 50'000 personnes.", 50_000, "personne"),
        ("La crue a atteint 6,8 mètres.", 6.8, "mètre"),
        ("Trois soldats ont été tués.", 3, "soldat"),
        ("Il a reçu deux douzaines de lettres.", 24, "lettre"),
        ("Le fonds atteint 1,5 milliard d'euros.", 1.5e9, "euro"),
        ("L'État versera 100 millions d'euros.", 1e8, "euro"),
        ("Le chômage a baissé de 5 % cette année.", 5, "%"),
        ("Le chômage touche 5 pour cent des actifs.", 5, "%"),
        ("Il y avait deux mille cinq cents personnes.", 2500, "personne"),
        ("Les secours ont engagé 200 sapeurs-pompiers.", 200, "sapeur-pompier"),
        ("Plus de 150 évacués ont dormi au gymnase.", 150, "évacué"),
    ],
)
def test_value_and_counted_noun(nlp: Any, text: str, value: float, unit: str) -> None:
    q = one(nlp, text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Le fonds atteint 1,5 milliard d'euros.", "money"),
        ("Le chômage a baissé de 5 % cette année.", "percent"),
        ("La crue a atteint 6,8 mètres.", "measure"),
        ("Trois soldats ont été tués.", "count"),
        ("Un homme de 54 ans a été blessé.", "age"),
        ("Gérard Lebreton, 54 ans, a tout perdu.", "age"),
        ("Cet éleveur âgé de 54 ans a tout perdu.", "age"),
    ],
)
def test_kind(nlp: Any, text: str, kind: str) -> None:
    assert one(nlp, text).kind == kind


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high"),
    [
        ("Ils ont subi plus de 55 attaques.", "more_than", 55, None, None),
        ("Le bilan dépasse les 2 000 morts.", "more_than", 2000, None, None),
        ("Le bilan a franchi la barre des 100 morts.", "more_than", 100, None, None),
        ("Près de 350 sapeurs sont mobilisés.", "approx", 350, None, None),
        ("Il y a environ 1200 soldats.", "approx", 1200, None, None),
        ("Ces quelque 1 200 soldats restent.", "approx", 1200, None, None),
        ("Au moins 12 routes sont coupées.", "at_least", 12, None, None),
        ("Il faudra jusqu'à 30 camions.", "at_most", 30, None, None),
        ("Moins de 40 élèves sont venus.", "less_than", 40, None, None),
        ("Il a perdu une quarantaine de vaches.", "approx", 40, None, None),
        ("Une centaine de bénévoles aident.", "approx", 100, None, None),
        ("Un millier de personnes ont défilé.", "approx", 1000, None, None),
        ("Des centaines de soldats sont partis.", "vague", 200, 200, None),
        ("Des milliers de manifestants ont défilé.", "vague", 2000, 2000, None),
        ("Entre 20 et 30 exploitations sont touchées.", "range", 25, 20, 30),
        ("Le coût est estimé entre 3 et 4 millions d'euros.", "range", 3.5e6, 3e6, 4e6),
        ("De 20 à 30 maisons sont inondées.", "range", 25, 20, 30),
    ],
)
def test_qualifiers(
    nlp: Any, text: str, qualifier: str, value: float, low: float | None, high: float | None
) -> None:
    q = one(nlp, text)
    assert (q.qualifier, q.value, q.low, q.high) == (qualifier, value, low, high)


def test_quelques_is_not_quelque(nlp: Any) -> None:
    assert one(nlp, "Quelques 300 soldats sont arrivés.").qualifier == "exact"


def test_elided_noun_borrows_unit_and_place(nlp: Any) -> None:
    text = "La France a 1 200 soldats français au Niger et 400 au Tchad."
    first, second = figures(nlp, text)
    assert (first.value, first.unit, first.modifiers) == (1200, "soldat", ("français",))
    assert "Niger" in [s.text for s in first.qualifiers]
    assert (second.value, second.unit, second.modifiers) == (400, "soldat", ("français",))
    assert "Tchad" in [s.text for s in second.qualifiers]
    assert "Irak" not in [s.text for s in second.qualifiers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les grévistes étaient 8 000 selon la CFDT, 2 100 selon la police, jeudi à Lyon.",
            [(8000, "gréviste"), (2100, "gréviste")],
        ),
        ("Les sinistrés sont au nombre de 140 dans la vallée.", [(140, "sinistré")]),
        ("Les évacués étaient plus de 300 dimanche soir.", [(300, "évacué")]),
        (
            "Le parquet recense 22 arrestations, contre 15 annoncées la veille.",
            [(22, "arrestation"), (15, "arrestation")],
        ),
    ],
)
def test_a_noun_said_before_the_number_is_what_it_counts(
    nlp: Any, text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(q.value, q.unit) for q in figures(nlp, text)] == expected


def test_two_figures_in_one_phrase(nlp: Any) -> None:
    found = figures(nlp, "Les avions ont frappé 85 cibles sur sept sites.")
    assert [(q.value, q.unit) for q in found] == [(85, "cible"), (7, "site")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Selon la CGT, 2 000 personnes ont manifesté à Paris.", "CGT"),
        ("Au total, 520 habitations ont été inondées, d'après la préfecture.", "préfecture"),
        ("Environ 300 personnes ont été interpellées, a indiqué la police.", "police"),
        ("Le maire Jean Dupont a déclaré que 85 familles restaient relogées.", "Jean Dupont"),
        ("La préfecture recense désormais plus de 300 évacués.", "préfecture"),
        ("La Banque du Maroc reste prudente : elle prévoit une croissance de 2,1 %.", "Banque"),
        ("Un bilan de 12 morts, chiffre avancé par la protection civile.", "protection"),
        ("Au total, 18 blessés recensés par les pompiers dans la ville.", "pompiers"),
    ],
)
def test_attribution(nlp: Any, text: str, source: str) -> None:
    q = one(nlp, text)
    assert q.attributed_to is not None and source in q.attributed_to.text
    assert text[q.attributed_to.start : q.attributed_to.end] == q.attributed_to.text


@pytest.mark.parametrize(
    "text",
    [
        "L'État islamique s'est emparé de Mossoul en 2014.",
        "L'attaque du 7 octobre a tout changé.",
        "Les pourparlers ont repris le 1er mai à Bagdad.",
        "Le conflit dure depuis 20 ans.",
        "La réunion commence à 14h30 au ministère.",
        "Appelez le 01 23 45 67 89 pour tout renseignement.",
        "La résolution 2334 a été adoptée.",
        "Le 3e régiment est arrivé.",
        "Un soldat a été blessé.",
        "Il n'y a rien de neuf.",
        "Les discussions ont duré moins de 24 heures.",
        "Ces attaques ont cessé depuis plus d'un mois.",
    ],
)
def test_not_figures(nlp: Any, text: str) -> None:
    assert figures(nlp, text) == []


def test_timex_spans_are_skipped(nlp: Any) -> None:
    doc = nlp("Ils étaient 300 soldats.")
    assert [q.value for q in find_quantities(doc)] == [300]
    doc.spans["timex"] = [doc.char_span(12, 15)]
    assert find_quantities(doc) == []


def test_numbers_found_without_parse() -> None:
    found = find_numbers("Plus de 1 200 soldats, une quarantaine de vaches et trois chars.")
    assert [n.value for n in found] == [1200, 40, 3]


def test_source_of_the_second_figure_of_a_comparison(nlp: Any) -> None:
    text = "L'inflation atteindra 2,4 %, contre 1,9 % retenu par la banque centrale."
    first, second = figures(nlp, text)
    assert first.attributed_to is None
    assert second.attributed_to is not None and second.attributed_to.text == "la banque centrale"


@pytest.mark.parametrize(
    "text",
    [
        # the agent of a killing or a holding is no source of the count
        "Au moins 30 civils tués par l'armée ont été enterrés samedi.",
        "Les 20 otages retenus par les ravisseurs ont été libérés.",
        "Il cite trois rapports rédigés par une ancienne juge.",
        # a passive "prévu" names no source; "visant" is no reporting
        "Des rassemblements sont prévus dans plusieurs des 13 régions du pays.",
        "Les sanctions gèlent un fonds dont les avoirs représentent 30 milliards d'euros.",
        # a pronoun whose nearest subject disagrees stays unresolved
        "Les syndicats sont inquiets : elle prévoit 300 suppressions de postes.",
    ],
)
def test_no_source(nlp: Any, text: str) -> None:
    assert all(q.attributed_to is None for q in figures(nlp, text))


def test_each_figure_takes_its_nearest_source(nlp: Any) -> None:
    text = "La grève a réuni 1,2 million de grévistes selon la CGT, 368 000 selon la police."
    first, second = figures(nlp, text)
    assert first.attributed_to is not None and first.attributed_to.text == "CGT"
    assert second.attributed_to is not None and "police" in second.attributed_to.text
    assert second.unit == "gréviste"


def test_two_ages_in_a_row(nlp: Any) -> None:
    found = figures(nlp, "Les deux hommes, âgés de 23 et 25 ans, ont été interpellés.")
    assert [(q.value, q.kind) for q in found] == [(2, "count"), (23, "age"), (25, "age")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("La maison mesure 120 m² et a coûté 350 000 €.", 120, "mètre carré"),
        ("Le groupe réalise un chiffre d'affaires de 2,3 Md€.", 2.3e9, "euro"),
    ],
)
def test_units_glued_or_after_a_mistagged_verb(
    nlp: Any, text: str, value: float, unit: str
) -> None:
    assert (figures(nlp, text)[0].value, figures(nlp, text)[0].unit) == (value, unit)


def test_years_after_a_name_are_not_an_age(nlp: Any) -> None:
    assert [
        q.kind
        for q in figures(nlp, "Trump, quatre ans de plus ? Sophie Tessier, 38 ans, est inquiète.")
    ] == ["age"]


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Des centaines de milliers de personnes ont défilé.", 200_000),
        ("Des dizaines de milliers de manifestants sont sortis.", 20_000),
        ("Des milliers de personnes ont défilé.", 2000),
    ],
)
def test_collective_nouns_scaled_by_another(nlp: Any, text: str, low: float) -> None:
    doc = nlp(text)
    assert not doc.user_data.get("errors")
    q = one(nlp, text)
    assert (q.value, q.qualifier) == (low, "vague")


def test_a_figure_before_le_nombre_de_counts_that_noun(nlp: Any) -> None:
    text = "La police évalue à environ 3 500 le nombre de manifestants, et à 12 celui des blessés."
    first = figures(nlp, text)[0]
    assert (first.text, first.value, first.unit) == ("environ 3 500", 3500, "manifestant")
    assert first.attributed_to is not None and first.attributed_to.text == "La police"


def test_a_figure_set_against_another_counts_the_same_across_a_verb(nlp: Any) -> None:
    text = (
        "Selon la mairie, 640 foyers ont été relogés depuis lundi, contre 410 deux jours plus tôt."
    )
    first, second = figures(nlp, text)
    assert (first.value, first.unit) == (640, "foyer")
    assert (second.text, second.value, second.unit) == ("410", 410, "foyer")


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        # the pronoun "en" stands for the counted noun; whoever counts gives the figure,
        # even when the tagger takes "dénombre" for a noun and "neuf" for "new"
        (
            "On compte onze blessés selon la préfecture, tandis que l'association des "
            "riverains en dénombre neuf.",
            9,
            "l'association des riverains",
        ),
        (
            "Selon la préfecture, la police a compté 3 000 manifestants, les syndicats en "
            "ont recensé 12 000.",
            12000,
            "les syndicats",
        ),
    ],
)
def test_en_counts_the_noun_of_the_figure_before(
    nlp: Any, text: str, value: float, source: str
) -> None:
    first, second = figures(nlp, text)
    assert (second.value, second.unit) == (value, first.unit)
    assert second.attributed_to is not None and second.attributed_to.text == source


@pytest.mark.parametrize(
    "text",
    [
        "Il y a 20 blessés, dont 12 en moyenne 14 ans.",
        "Il n'y a rien de neuf, selon les 300 habitants.",
        "Il en reste trois.",
    ],
)
def test_en_as_a_preposition_or_alone_borrows_nothing(nlp: Any, text: str) -> None:
    assert [q.value for q in figures(nlp, text) if q.value in (3, 9, 14)] == []


@pytest.mark.parametrize(
    "text",
    [
        # "en" + gerund is no pronoun: no noun borrowed, no source from the gerund's subject
        "La liste l'a emporté en réunissant 41 sièges contre 19.",
        "Le collectif, qui a lancé la pétition en recueillant huit mille paraphes, manifeste.",
    ],
)
def test_a_gerund_after_en_gives_no_source(nlp: Any, text: str) -> None:
    assert all(q.attributed_to is None for q in figures(nlp, text))


def test_no_source_after_a_relative_qui_before_en(nlp: Any) -> None:
    text = (
        "J'avais trois chats et je payais le même loyer que ma voisine du même étage qui "
        "en nourrissait dix."
    )
    _, second = figures(nlp, text)
    assert (second.value, second.unit) == (10, "chat")
    assert second.attributed_to is None


def test_a_crowd_counted_by_a_pronoun_counts_people_from_each_source(nlp: Any) -> None:
    text = "Ils étaient environ 700 selon la préfecture, 1 900 selon les organisateurs."
    first, second = figures(nlp, text)
    assert (first.text, first.value, first.unit, first.qualifier) == (
        "environ 700",
        700,
        "personne",
        "approx",
    )
    assert (second.value, second.unit) == (1900, "personne")
    assert first.attributed_to is not None and first.attributed_to.text == "la préfecture"
    assert second.attributed_to is not None and second.attributed_to.text == "les organisateurs"


def test_the_source_after_selon_does_not_take_the_figure_before_it(nlp: Any) -> None:
    text = "Les grévistes étaient 4 000 selon la préfecture."
    found = one(nlp, text)
    assert found.attributed_to is not None and found.attributed_to.text == "la préfecture"


def test_en_counts_across_a_semicolon_and_a_hedge(nlp: Any) -> None:
    text = "Le rectorat annonce 35 fermetures de classes ; le syndicat en compte près de 50."
    first, second = figures(nlp, text)
    assert (second.text, second.value, second.unit) == ("près de 50", 50, first.unit)
    assert second.attributed_to is not None and second.attributed_to.text == "le syndicat"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Sur les 120 exposants attendus au salon, 90 ont confirmé leur venue.", 90, "exposant"),
        ("Parmi les 18 passagers, trois sont hospitalisés.", 3, "passager"),
    ],
)
def test_a_share_of_a_whole_counts_the_whole_s_noun(
    nlp: Any, text: str, value: float, unit: str
) -> None:
    whole, part = figures(nlp, text)
    assert whole.unit == unit
    assert (part.value, part.unit) == (value, unit)


def test_evoquer_reports_a_figure(nlp: Any) -> None:
    found = one(nlp, "La direction évoque 150 départs volontaires.")
    assert found.attributed_to is not None and found.attributed_to.text == "La direction"


def test_a_count_given_with_en_borrows_the_noun_counted_just_before(nlp: Any) -> None:
    text = (
        "Au total, 312 candidats se sont retirés, selon un décompte de la presse régionale. "
        "La préfecture en recense pour sa part 305."
    )
    first, second = figures(nlp, text)
    assert (first.value, first.unit) == (312, "candidat")
    assert (second.value, second.unit) == (305, "candidat")
    assert second.attributed_to is not None and second.attributed_to.text == "La préfecture"


def test_who_obtains_a_figure_qualifies_it_and_is_not_its_source(nlp: Any) -> None:
    text = (
        "Le Parti radical obtient 27,9 % des suffrages. L'Union centriste est arrivée en "
        "tête avec 182 sièges. La coalition sortante en obtient 168."
    )
    share, seats, other = figures(nlp, text)
    assert [s.text for s in share.qualifiers] == ["Parti radical"]
    assert [s.text for s in seats.qualifiers] == ["Union centriste"]
    assert (other.value, other.unit, other.attributed_to) == (168, "siège", None)
