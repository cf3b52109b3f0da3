"""The French TIMEX3 grammar and normaliser (pure Python, no spaCy)."""

from __future__ import annotations

import pytest

from recoupe.temporal import reresolve, resolve_expression, tag
from recoupe.temporal.numbers import parse_number
from recoupe.temporal.values import easter, parse_point, weekday_near


def found(text: str, dct: str | None = None) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, dct)]


# sentence | DCT (- for none) | expected expression | type | value | mod (- for none)
CASES = """
Il est né le 7 octobre 2023. | - | le 7 octobre 2023 | DATE | 2023-10-07 | -
en janvier 2020, une frappe | - | janvier 2020 | DATE | 2020-01 | -
une alliance formée en 2014 contre | - | 2014 | DATE | 2014 | -
une offensive à l'été 2014. | - | l'été 2014 | DATE | 2014-SU | -
Ils sont partis à la fin de 2011, puis | - | la fin de 2011 | DATE | 2011 | END
le 3/02/2024 à Lyon | - | le 3/02/2024 | DATE | 2024-02-03 | -
un projet lancé dès mars 97. | 1999-05-23 | mars 97 | DATE | 1997-03 | -
dès l'année 2031, la commune | - | l'année 2031 | DATE | 2031 | -
au début des années 70, elle chantait | - | début des années 70 | DATE | 197X | START
une ferme du XVIIIe siècle | - | XVIIIe siècle | DATE | 17XX | -
le mardi 1er juin 1999 | - | le mardi 1er juin 1999 | DATE | 1999-06-01 | -
la séance du 2024-03-05 a eu lieu | - | 2024-03-05 | DATE | 2024-03-05 | -
Les travaux ont débuté en janvier dernier. | 2024-03 | janvier dernier | DATE | 2024-01 | -
Elles ont commencé en janvier dernier. | 2024-01-20 | janvier dernier | DATE | 2023-01 | -
L'accord ne sera pas signé avant le sommet de novembre. | 2024-03 | novembre | DATE | 2024-11 | -
Ils ont voté en novembre. | 2024-03 | novembre | DATE | 2023-11 | -
l'incendie survenu le 7 octobre a détruit | 2024-01 | le 7 octobre | DATE | 2023-10-07 | -
Le maire reviendra le 7 novembre. | 2002-09-07 | le 7 novembre | DATE | 2002-11-07 | -
Il a parlé mercredi. | 2024-03-08 | mercredi | DATE | 2024-03-06 | -
Il parlera mercredi. | 2024-03-08 | mercredi | DATE | 2024-03-13 | -
Le jury a tranché vendredi dernier. | 2024-03-13 | vendredi dernier | DATE | 2024-03-08 | -
opérée lundi prochain à Metz | 2024-03-13 | lundi prochain | DATE | 2024-03-18 | -
La foire aura lieu samedi 16 mars. | 2024-03-13 | samedi 16 mars | DATE | 2024-03-16 | -
Le suspect a été arrêté hier. | 2024-03-13 | hier | DATE | 2024-03-12 | -
Le blessé est décédé hier matin. | 2024-03-13 | hier matin | TIME | 2024-03-12TMO | -
Le film passe ce soir sur la chaîne. | 2024-03-13 | ce soir | TIME | 2024-03-13TEV | -
Ils ont signé jeudi soir un accord. | 2024-03 | jeudi soir | TIME | 2024-03-XXTEV | -
La ministre se rend aujourd'hui à Calais. | 2024-03-13 | aujourd'hui | DATE | 2024-03-13 | -
Aujourd'hui, le quartier a changé. | 2024-03-13 | Aujourd'hui | TIME | PRESENT_REF | -
Le club l'a annoncé cette semaine. | 2024-03-13 | cette semaine | DATE | 2024-W11 | -
Elle a parlé la semaine dernière. | 2024-03-13 | la semaine dernière | DATE | 2024-W10 | -
Le projet a été évoqué l'année dernière. | 2024-01 | l'année dernière | DATE | 2023 | -
Le festival reviendra l'an prochain. | 2024-03-13 | l'an prochain | DATE | 2025 | -
Depuis la mi-octobre, des milices ont attaqué | 2024-01 | la mi-octobre | DATE | 2023-10 | MID
Le régiment rentrera début octobre. | 2024-09-14 | début octobre | DATE | 2024-10 | START
Ils ont fui il y a une semaine. | 2024-03-13 | il y a une semaine | DATE | 2024-03-06 | -
On dansera cette fête de Pentecôte | 2024-03-13 | cette fête de Pentecôte | DATE | 2024-05-19 | -
Les coureurs sont partis ce week-end à Annecy. | 2024-03-12 | ce week-end | DATE | 2024-W10-WE | -
Ils sont partis en 2011 et revenus trois ans plus tard. | - | trois ans plus tard | DATE | 2014 | -
Le 24 mars, il a fui. Revenu le lendemain matin. | 2024-04-02 | le lendemain matin | TIME | \
2024-03-25TMO | -
arrivé le 5 mai 2010, reparti deux jours plus tôt. | - | deux jours plus tôt | DATE | 2010-05-03 | -
L'épidémie de 2019 fut rude. Cette année-là, 18 000 cas. | - | Cette année-là | DATE | 2019 | -
Il est parti en mars 2012. Ce mois-là fut froid. | - | Ce mois-là | DATE | 2012-03 | -
Parti en mars 2012. Ce jour-là, il pleut. | 2025-02-04 | Ce jour-là | DATE | 2012-03 | -
Il est parti le 3 mai 2012. Ce jour-là, il pleuvait. | - | Ce jour-là | DATE | 2012-05-03 | -
Les tirs ont cessé depuis plus d'un mois. | - | plus d'un mois | DURATION | P1M | MORE_THAN
Il a régné pendant trois ans. | - | trois ans | DURATION | P3Y | -
Elle gagne avec 12,5 secondes d'avance. | - | 12,5 secondes | DURATION | PT12.5S | -
un témoin arrivé environ une heure plus tôt | - | environ une heure plus tôt | DATE | XXXX-XX-XX | -
Le siège a duré près de 48 heures. | - | près de 48 heures | DURATION | PT48H | APPROX
300 vols ces dernières 24 heures | - | ces dernières 24 heures | DURATION | PT24H | -
un duo qui a tenu plus de trente ans. | - | plus de trente ans | DURATION | P30Y | MORE_THAN
Le navire dérive depuis plusieurs jours. | - | plusieurs jours | DURATION | PXD | -
un chantier de dix-huit mois | - | dix-huit mois | DURATION | P18M | -
Le comité se réunit chaque semaine. | - | chaque semaine | SET | P1W | -
la permanence a lieu tous les jeudis | - | tous les jeudis | SET | XXXX-WXX-4 | -
3 millions d'euros par semestre | - | semestre | SET | P6M | -
Le marché a lieu samedi à 8 h sur la place. | 2024-03-13 | 8 h | TIME | 2024-03-16T08:00 | -
Vers 2 h 10, dimanche, un bus a brûlé. | 2024-03-12 | Vers 2 h 10 | TIME | 2024-03-10T02:10 | APPROX
rendez-vous à 14h30 précises | 2024-03-05 | 14h30 | TIME | 2024-03-05T14:30 | -
dans la nuit de vendredi à samedi, il a fui | 2024-03-13 | la nuit de vendredi à samedi | TIME | \
2024-03-08TNI | -
Les élus doivent maintenant voter. | - | maintenant | TIME | PRESENT_REF | -
Il reviendra cet été. | 2024-01-15 | cet été | DATE | 2024-SU | -
On promet la réouverture d'ici à l'été de sa piscine. | 2024-01-15 | l'été | DATE | 2024-SU | -
Ils ont appelé à une grève jeudi devant la mairie. | 2024-01-15 | jeudi | DATE | 2024-01-18 | -
Ils ont fait grève jeudi devant la mairie. | 2024-01-15 | jeudi | DATE | 2024-01-11 | -
Les Jeux de 2028 auront lieu à Los Angeles. | - | 2028 | DATE | 2028 | -
En été, la demande augmente. | 2024-01-15 | été | DATE | XXXX-SU | -
Elle a passé la soirée et la nuit au poste. | 2024-01-15 | la nuit | TIME | 2024-01-15TNI | -
Parti à la fin de l'année dernière. | 2023-04-05 | la fin de l'année dernière | DATE | 2022 | END
Vu fin de la semaine dernière. | 2023-04-05 | fin de la semaine dernière | DATE | 2023-W13 | END
Au premier trimestre 2023, le PIB a progressé. | - | premier trimestre 2023 | DATE | 2023-Q1 | -
au 3e trimestre de 2022, les ventes | - | 3e trimestre de 2022 | DATE | 2022-Q3 | -
Au premier semestre, les ventes ont baissé. | 2023-09-05 | premier semestre | DATE | 2023-H1 | -
Le dernier trimestre 2021 a été bon. | - | dernier trimestre 2021 | DATE | 2021-Q4 | -
Le taux était de 7 % au deuxième trimestre. | 2024-09-25 | deuxième trimestre | DATE | 2024-Q2 | -
Au quatrième trimestre, le PIB | 2024-02-10 | quatrième trimestre | DATE | 2023-Q4 | -
Le 11-Novembre 2018, Paris a commémoré. | - | Le 11-Novembre 2018 | DATE | 2018-11-11 | -
Roi renversé en 1969. Dans la soirée, des tirs. | 2011-04-23 | la soirée | TIME | 2011-04-23TEV | -
Arrivé le 3 mars 2011. Dans la soirée, un discours. | - | la soirée | TIME | 2011-03-03TEV | -
Au cours des dix dernières années, il a baissé. | - | des dix dernières années | DURATION | P10Y | -
Avant-hier, le maire a reçu les riverains. | 2023-04-05 | Avant-hier | DATE | 2023-04-03 | -
Il reviendra après demain. | 2023-04-05 | après demain | DATE | 2023-04-07 | -
Le 7 octobre 2023 au matin, l'attaque. | - | Le 7 octobre 2023 au matin | TIME | 2023-10-07TMO | -
Le journal paraît quotidiennement. | - | quotidiennement | SET | P1D | -
Le 2 avril à 18 h 30 heure locale | 2023-04-05 | 18 h 30 | TIME | 2023-04-02T18:30 | -
"""


def _cases() -> list[tuple[str, str | None, tuple[str, str, str, str | None]]]:
    out = []
    for line in CASES.strip().splitlines():
        text, dct, span, type_, value, mod = (c.strip() for c in line.split("|"))
        out.append(
            (text, None if dct == "-" else dct, (span, type_, value, None if mod == "-" else mod))
        )
    return out


@pytest.mark.parametrize(("text", "dct", "expected"), _cases())
def test_expression(text: str, dct: str | None, expected: tuple[str, str, str, str | None]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    "text",
    [
        "La ville compte 3 500 habitants.",
        "Ils veulent garder les 4000 policiers déployés.",
        "environ 1500 manifestants à Lyon et 700 à Nantes",
        " date 2021-06 Les négociations entre les deux pays",
        "les chefs des sept pays les plus riches",
        "sa deuxième saison et sa victoire",
        "Paul Martin, 64 ans, a été blessé.",
        "Sa fille, âgée de 12 ans, doit témoigner.",
        "Un garçon de 9 ans a été retrouvé.",
        "pour les moins de 15 ans qui ont joué",
        "les accords du Vendredi saint restent fragiles",
        "Elle a été soignée par les secours.",
        "la fête du printemps des poètes",
        "les sports d'hiver",
        "Appelez le 01.23.45.67.89. pour vous inscrire.",
        "un jour, elle reviendra",
        "La sonde a atteint Mars et la Lune.",
        "Il a obtenu 2003 voix au second tour.",
        "Le garçon, âgé d'une dizaine d'années, a été retrouvé.",
        "le quotidien Le Monde",
    ],
)
def test_no_false_positive(text: str) -> None:
    assert found(text, "2024-03-05") == []


def test_age_is_at_most_a_duration() -> None:
    assert all(t[1] == "DURATION" for t in found("condamné à 19 ans de prison", "2024-03"))
    assert found("le joueur, 19 ans, a signé", "2024-03") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ils se sont vus en mai.", "XXXX-05"),
        ("Il a parlé mercredi.", "XXXX-WXX-3"),
        ("l'attaque du 7 octobre", "XXXX-10-07"),
        ("Il est arrivé hier.", "XXXX-XX-XX"),
        ("l'année dernière", "XXXX"),
    ],
)
def test_without_dct_values_keep_what_is_known(text: str, value: str) -> None:
    (timex,) = tag(text)
    assert timex.value == value and timex.anchored


def test_dct_less_precise_than_the_expression_gives_the_dct() -> None:
    assert found("Il a parlé hier.", "2024-03") == [("hier", "DATE", "2024-03", None)]


def test_reresolve_keeps_spans_and_changes_values() -> None:
    text = "Ces pourparlers avaient débuté en janvier dernier. Il a parlé mercredi."
    first = tag(text)
    again = reresolve(text, [(t.start, t.end) for t in first], "2024-03-08")
    assert [t.value if t else None for t in again] == ["2024-01", "2024-03-06"]
    assert [t.value for t in first] == ["XXXX-01", "XXXX-WXX-3"]


def test_resolve_expression_alone() -> None:
    found_ = resolve_expression("janvier dernier", "2024-03")
    assert found_ is not None and found_.value == "2024-01"
    assert resolve_expression("bonjour", "2024-03") is None


def test_offsets_point_into_the_text() -> None:
    text = "Le 24 mars, à 14 h 30, puis l’année dernière et depuis la mi-octobre."
    for t in tag(text, "2024-01-15"):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("dix-huit", 18),
        ("vingt-quatre", 24),
        ("quatre-vingt-dix", 90),
        ("soixante et onze", 71),
        ("trente-cinq", 35),
        ("deux cents", 200),
        ("30,4", 30.4),
        ("mille", 1000),
    ],
)
def test_numbers(words: str, value: float) -> None:
    assert parse_number(words) == value


def test_calendar_helpers() -> None:
    assert str(easter(2000)) == "2000-04-23"
    point = parse_point("1999-05-18")
    assert point is not None
    assert str(weekday_near(point.day, 7, 1)) == "1999-05-23"
    assert str(weekday_near(point.day, 7, -1)) == "1999-05-16"
    assert parse_point("2024-03") is not None and parse_point("n/a") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mis en ligne le 14/06/09 à 08h15", "2009-06-14"),
        ("le 05/03/98, à Paris", "1998-03-05"),
        ("le 14/07/35", "2035-07-14"),
    ],
)
def test_two_digit_years_without_dct(text: str, value: str) -> None:
    assert tag(text)[0].value[:10] == value


@pytest.mark.parametrize(
    "text",
    [
        "Le Conseil a adopté la résolution 1989 à l'unanimité.",
        "Le décret 2011 du ministère a été publié.",
        "Voir le chapitre 1914 du manuel.",
    ],
)
def test_numbered_things_are_not_years(text: str) -> None:
    assert tag(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ils ont défilé rue du 4-Septembre jusqu'au soir.",
        "Le rassemblement a eu lieu place du 8-Mai-1945 à midi.",
        "Le Mouvement du 14-Mars appelle à manifester.",
        "Les habitants du quartier du 9 Novembre ont voté.",
    ],
)
def test_a_date_in_a_street_or_group_name_is_no_timex(text: str) -> None:
    assert [t.text for t in tag(text, "2024-05-02") if any(c.isdigit() for c in t.text)] == []


def test_a_date_after_other_nouns_stays() -> None:
    assert tag("La journée du 6 octobre a été calme.", "2024-11-02")[0].value == "2024-10-06"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the start of a span ("depuis …") is not when the story stands: counting back goes
        # from the article's day
        (
            "Le port a reçu 640 cargos depuis le 1er janvier, contre 410 une semaine plus tôt.",
            "2025-02-04",
            {"le 1er janvier": "2025-01-01", "une semaine plus tôt": "2025-01-28"},
        ),
        # counting forward still follows it, and a plain date still anchors counting back
        (
            "Depuis le 3 mars, la ville était assiégée. Le lendemain, le pont est tombé.",
            "2025-04-04",
            {"le 3 mars": "2025-03-03", "Le lendemain": "2025-03-04"},
        ),
        (
            "Le 3 mars, la ville est tombée. Une semaine plus tôt, le pont avait cédé.",
            "2025-04-04",
            {"Le 3 mars": "2025-03-03", "Une semaine plus tôt": "2025-02-24"},
        ),
    ],
)
def test_what_a_shift_counts_from(text: str, dct: str, expected: dict[str, str]) -> None:
    assert {t.text: t.value for t in tag(text, dct)} == expected
