"""Quotations: marks of every kind, reported speech, speakers, and odd input."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.analyze.quote_marks import find_marked
from recoupe.analyze.quotes import quotes_from_doc
from recoupe.records import Quote


def quotes(nlp: Any, text: str) -> list[Quote]:
    found = quotes_from_doc(nlp(text), "d")
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return found


def one(nlp: Any, text: str) -> Quote:
    found = quotes(nlp, text)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "« Nous resterons ici jusqu'au bout », a déclaré Jean Dupont.",
        "«Nous resterons ici jusqu'au bout», a déclaré Jean Dupont.",
        "“Nous resterons ici jusqu'au bout”, a déclaré Jean Dupont.",
        '"Nous resterons ici jusqu\'au bout", a déclaré Jean Dupont.',
        "«\u00a0Nous resterons ici jusqu'au bout\u00a0», a déclaré Jean Dupont.",
    ],
)
def test_direct_quote_marks(nlp: Any, text: str) -> None:
    q = one(nlp, text)
    assert (q.kind, q.text) == ("direct", "Nous resterons ici jusqu'au bout")
    assert q.speaker is not None and q.speaker.text == "Jean Dupont"
    assert q.cue == "a déclaré"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("« Nous restons en alerte maximale », a-t-il ajouté. ", None, "a-t-il ajouté"),
        ("Marie Curie a déclaré : « La science avance lentement. »", "Marie Curie", "a déclaré"),
        (
            "« Il faudra des semaines pour tout nettoyer », prévient le colonel Marc Delorme.",
            "Marc Delorme",
            "prévient",
        ),
        (
            "« La situation est grave », a déclaré le Premier ministre Jean Castex.",
            "Jean Castex",
            "a déclaré",
        ),
        (
            "Le porte-parole de la préfecture, le commandant Karim Mansour, a déclaré que les "
            "recherches continueraient, « aussi longtemps que la météo le permettra ».",
            "Karim Mansour",
            "a déclaré",
        ),
    ],
)
def test_speakers_of_direct_quotes(nlp: Any, text: str, speaker: str | None, cue: str) -> None:
    found = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert len(found) == 1
    got = found[0].speaker.text if found[0].speaker else None
    assert (got, found[0].cue) == (speaker, cue)


def test_pronoun_speaker_resolved_to_earlier_person(nlp: Any) -> None:
    text = (
        "La ministre de la Culture, Nathalie Cordier, a visité le musée avec le préfet, "
        "Thierry Vasseur.\n\n« Nous rouvrirons en juin », a-t-elle déclaré devant la presse."
    )
    q = one(nlp, text)
    assert q.speaker is not None and q.speaker.text == "Nathalie Cordier"
    assert q.speaker.start == text.index("Nathalie Cordier")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Le gouvernement irakien affirme que l'État islamique est vaincu.",
            "Le gouvernement irakien",
            "l'État islamique est vaincu",
        ),
        (
            "Washington craint qu'un retrait rapide ne crée un vide sécuritaire.",
            "Washington",
            "un retrait rapide ne crée un vide sécuritaire",
        ),
        (
            "Le maire estime que la digue aurait dû être renforcée.",
            "Le maire",
            "la digue aurait dû être renforcée",
        ),
        (
            "Selon Vigicrues, la Loire a atteint 6,80 mètres à Angers.",
            "Vigicrues",
            "la Loire a atteint 6,80 mètres à Angers",
        ),
        (
            "Un communiqué de la préfecture indique que les écoles resteront fermées.",
            "la préfecture",
            "les écoles resteront fermées",
        ),
        (
            "Les pourparlers pourraient durer des mois, a déclaré à Reuters un haut responsable "
            "du gouvernement irakien.",
            "un haut responsable du gouvernement irakien",
            "Les pourparlers pourraient durer des mois",
        ),
        (  # the parser takes "Les écoles" for the subject of "a annoncé"
            "Les écoles resteront fermées jeudi, a annoncé la préfecture de Mayotte.",
            "la préfecture de Mayotte",
            "Les écoles resteront fermées jeudi",
        ),
        (  # a relative clause before the incise, and an organisation speaking
            "L'épidémie continue de s'étendre à Mayotte, où 980 cas ont été confirmés depuis "
            "janvier, a annoncé mardi l'Agence régionale de santé (ARS), qui fait état d'un décès.",
            "Agence régionale de santé",
            "L'épidémie continue de s'étendre à Mayotte, où 980 cas ont été confirmés depuis "
            "janvier",
        ),
        (  # a wire dateline is no part of what was said
            "Mamoudzou, le 3 mars 2025 (AFP) - Les écoles de l'île ont été fermées jusqu'à "
            "jeudi, a annoncé le rectorat.",
            "le rectorat",
            "Les écoles de l'île ont été fermées jusqu'à jeudi",
        ),
        (  # "état-major" is one word, not "l'état" and "major"
            "Selon l'état-major, deux navires ont été endommagés.",
            "l'état-major",
            "deux navires ont été endommagés",
        ),
        (  # the person named in apposition to the source speaks, and is not what was said
            "Selon son porte-parole, le général Paul Renaud, les renforts arriveront avant "
            "l'hiver.",
            "Paul Renaud",
            "les renforts arriveront avant l'hiver",
        ),
        (  # "Pour" and a name: an opinion; the name's title is not what was said
            "Pour Claire Vasseur, économiste à l'université de Nantes, la hausse des taux va "
            "freiner l'investissement.",
            "Claire Vasseur",
            "la hausse des taux va freiner l'investissement",
        ),
        (  # the agency only relays: the spokesman "précise que"
            "Selon Reuters, Marc Olivier, porte-parole du ministère, précise que la frappe a "
            "visé un dépôt.",
            "Marc Olivier",
            "la frappe a visé un dépôt",
        ),
    ],
)
def test_reported_speech(nlp: Any, text: str, speaker: str, content: str) -> None:
    q = one(nlp, text)
    assert q.kind == "indirect"
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre, qui est arrivé hier, a annoncé 300 morts.",
        "Le maire, dont la maison a brûlé, a annoncé sa démission.",
    ],
)
def test_a_subject_and_its_relative_clause_are_no_incise(nlp: Any, text: str) -> None:
    assert quotes(nlp, text) == []


def test_impersonal_statement_goes_to_the_document_author(nlp: Any) -> None:
    text = (
        "Dans un communiqué de l'armée irakienne, il a été précisé que le comité avait "
        "repris « ses réunions avec les forces de la coalition à Bagdad »."
    )
    found = quotes(nlp, text)
    assert found and all(q.speaker and "armée irakienne" in q.speaker.text for q in found)


def test_verbs_inside_a_quote_are_not_reported_speech(nlp: Any) -> None:
    text = "« Je ne pense pas que les habitants souhaitent partir », a dit Samir al-Harbi."
    q = one(nlp, text)
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Samir al-Harbi"


def test_multi_paragraph_quote_and_continuation(nlp: Any) -> None:
    text = (
        '"À un moment donné, nous serons partis", a déclaré Donald Trump.\n'
        '"Mais nous avons retiré nos soldats assez rapidement, et nous espérons que les '
        'Irakiens pourront se défendre."\n'
        "« Nous partirons quand la mission sera finie.\n"
        "« Pas avant », a conclu le président Joe Biden."
    )
    found = quotes(nlp, text)
    assert [q.speaker.text if q.speaker else None for q in found] == [
        "Donald Trump",
        "Donald Trump",
        "Joe Biden",
    ]
    assert "\n" in found[2].text  # one quote over two paragraphs


def test_colon_without_marks(nlp: Any) -> None:
    q = one(nlp, "Le ministre Jean Dupont a déclaré : nous ne céderons rien sur ce point.")
    assert (q.kind, q.text) == ("direct", "nous ne céderons rien sur ce point")
    assert q.speaker is not None and q.speaker.text == "Jean Dupont"


def test_a_name_in_quotes_is_not_a_quote(nlp: Any) -> None:
    text = "Les attaques ont été revendiquées par la « résistance islamique en Irak »."
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "« Une phrase jamais fermée, a déclaré Jean. Puis une autre phrase suit ici.",
        "Un guillemet » perdu, puis « une vraie citation assez longue ici », a dit Paul.",
        'Trois " marques " droites " dans une phrase où Paul a dit rien.',
        "« « » » « ",
        "»«",
    ],
)
def test_odd_marks_never_abort(nlp: Any, text: str) -> None:
    quotes(nlp, text)


def test_stray_closing_mark_keeps_the_rest() -> None:
    text = "Un guillemet » perdu, puis « une vraie citation assez longue ici », a dit Paul."
    marked = find_marked(text)
    assert [text[m.start : m.end] for m in marked] == ["une vraie citation assez longue ici"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "Il a dit « première partie sans fin.\nAutre paragraphe."
    marked = find_marked(text)
    assert [text[m.start : m.end] for m in marked] == ["première partie sans fin."]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Nous avançons », a-t-il assuré dans une vidéo.", None),
        ("« C'est insuffisant », juge le maire de Marseille, Benoît Payan.", "Benoît Payan"),
        (
            "« C'est une victoire », s'est félicité le chef de l'opposition, Kemal Kılıçdaroğlu.",
            "Kemal Kılıçdaroğlu",
        ),
        ("Pour Marine Le Pen, « ce gouvernement a échoué ».", "Marine Le Pen"),
    ],
)
def test_short_and_framed_quotes(nlp: Any, text: str, speaker: str | None) -> None:
    q = one(nlp, text)
    assert q.kind == "direct"
    if speaker is not None:
        assert q.speaker is not None and q.speaker.text == speaker


def test_quote_opening_the_next_sentence_goes_on(nlp: Any) -> None:
    text = (
        "« Nous n'avons pas le choix », explique Marie Dubois, infirmière à Lyon. "
        "« On travaille à flux tendu depuis des mois. »"
    )
    assert [q.speaker.text if q.speaker else None for q in quotes(nlp, text)] == [
        "Marie Dubois",
        "Marie Dubois",
    ]


def test_pronoun_for_a_body(nlp: Any) -> None:
    text = (
        "Le Conseil constitutionnel a validé la loi. Dans sa décision, il estime que le "
        "texte est conforme à la Constitution."
    )
    q = one(nlp, text)
    assert q.speaker is not None and "Conseil" in q.speaker.text


def test_pronoun_goes_to_the_speaker_just_quoted(nlp: Any) -> None:
    text = (
        "« Des proches de Mouammar Kadhafi nous contactent », a déclaré Hillary Clinton. "
        "« Je ne sais pas si Mouammar Kadhafi lui-même a appelé », a-t-elle ajouté."
    )
    assert [q.speaker.text if q.speaker else None for q in quotes(nlp, text)] == [
        "Hillary Clinton",
        "Hillary Clinton",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "« L'Homme de Rio » est un film de Philippe de Broca sorti en salles.",
        "Il a publié le lien « https://example.org/un/article/tres/long », a-t-il dit.",
        "Le film « Les Trois Mousquetaires » a attiré des spectateurs.",
        "L'opération « Bouclier du Nord » a été lancée en décembre.",
    ],
)
def test_titles_links_and_names_are_not_quotes(nlp: Any, text: str) -> None:
    assert [q for q in quotes(nlp, text) if q.kind == "direct"] == []


def test_a_reflexive_speech_verb_keeps_its_pronoun(nlp: Any) -> None:
    text = "Les élus locaux se sont plaints que les travaux de la digue prennent du retard."
    (q,) = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert q.cue == "se sont plaints"


def test_a_speaker_the_parser_cut_at_a_glued_dash_is_whole(nlp: Any) -> None:
    from spacy.tokens import Span as SpacySpan

    from recoupe.analyze.quote_resolve import _whole_name

    doc = nlp("Le port a rouvert.\nAl-Mansouri a déclaré que les quais étaient sûrs.")
    cut = next(i for i, t in enumerate(doc) if t.text == "Mansouri")
    assert _whole_name(SpacySpan(doc, cut, cut + 1)).text == "Al-Mansouri"
    whole = SpacySpan(doc, cut - 2, cut + 1)
    assert _whole_name(whole) is whole
    plain = next(i for i, t in enumerate(doc) if t.text == "port")
    assert _whole_name(SpacySpan(doc, plain, plain + 1)).text == "port"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Nous irons jusqu'au bout », a réagi Lucie Marchal à la sortie.", "Lucie Marchal"),
        ("« C'est une honte », s'est indignée la présidente du club.", "la présidente du club"),
        (
            "La maire a demandé à l'État de « ne pas abandonner la vallée ».",
            "La maire",
        ),
    ],
)
def test_more_verbs_of_saying_give_the_speaker(nlp: Any, text: str, speaker: str) -> None:
    q = one(nlp, text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_title_goes_to_the_last_speaker_only_if_the_title_fits(nlp: Any) -> None:
    text = (
        "« Ce n'est qu'un répit », a réagi Lucie Marchal, déléguée syndicale, après la "
        "réunion. Aucun accord n'a été trouvé, a reconnu le préfet, qui avait reçu les "
        "élus le 4 mai."
    )
    first, second = quotes(nlp, text)
    assert first.speaker is not None and first.speaker.text == "Lucie Marchal"
    assert second.speaker is not None and second.speaker.text == "le préfet"


@pytest.mark.parametrize(
    "text",
    [
        # wondering is not saying: the words before "je me demande" are nobody's quote
        "Les travaux durent depuis des mois et bloquent le marché, je me demande si le maire "
        "le sait.",
        "Les riverains se demandent si la digue tiendra cet hiver.",
        # the noun after "demander" is what is asked for, not who asks
        "C'est le syndicat qui, le premier, a réclamé une expertise du bâtiment.",
        "Le club a perdu son stade, il demande désormais une aide de la ville.",
    ],
)
def test_wondering_or_asking_for_something_is_no_quote(nlp: Any, text: str) -> None:
    assert quotes(nlp, text) == []


def test_an_incise_with_demander_keeps_a_speaker_who_can_speak(nlp: Any) -> None:
    q = one(nlp, "Il faut rouvrir la route, a demandé le maire.")
    assert q.speaker is not None and q.speaker.text == "le maire"


def test_tandis_que_opens_no_said_clause(nlp: Any) -> None:
    text = (
        "Les commerçants ont réclamé la réouverture du pont, tandis que les riverains "
        "craignent que le trafic ne revienne."
    )
    (q,) = quotes(nlp, text)
    assert q.text == "le trafic ne revienne"
    assert q.speaker is not None and q.speaker.text == "les riverains"


def test_the_writer_speaking_of_someone_quotes_nobody(nlp: Any) -> None:
    # "Pour X, je…": the writer's memory of X, not X's opinion
    assert quotes(nlp, "Pour Jacques Chirac, je garde le souvenir d'un président chaleureux.") == []


def test_a_speaker_in_apposition_with_an_acronym_keeps_the_verb(nlp: Any) -> None:
    # the parser opened a sentence at ", a affirmé", after "(PCF)"; it is one sentence again
    text = (
        "Le chef de l'État avait créé la surprise le 9 juin en annonçant la dissolution de "
        "l'Assemblée nationale, au soir d'élections européennes remportées par le RN avec "
        "31,4 % des voix.\n\nJean-Luc Mélenchon, chef de file de La France insoumise (LFI), "
        "a affirmé que les candidats de la gauche arrivés en troisième position se "
        "retireraient partout où le RN est en tête."
    )
    q = one(nlp, text)
    assert q.speaker is not None and q.speaker.text == "Jean-Luc Mélenchon"
    assert q.text.startswith("les candidats de la gauche")


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        (
            "Dans une déclaration, Hélène Marquet a appelé à « un sursaut civique » avant le vote.",
            "Hélène Marquet",
            "un sursaut civique",
        ),
        (
            "La présidente de région a invité les habitants à « rester chez eux » jeudi.",
            "La présidente de région",
            "rester chez eux",
        ),
        # a speech verb takes the words in quotes as its object: they are quoted, not a name
        (
            "Le sénateur Paul Ternier a dénoncé une « manœuvre indigne » du gouvernement.",
            "Paul Ternier",
            "manœuvre indigne",
        ),
    ],
)
def test_calls_and_denunciations_quote_their_speaker(
    nlp: Any, text: str, speaker: str, said: str
) -> None:
    q = one(nlp, text)
    assert q.text == said
    assert q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "Le maire a appelé les pompiers vers minuit.",
        "Ce que l'on appelle « la petite couronne » a voté à gauche.",
        "Le ministre a évoqué la « réserve citoyenne » lors de sa visite.",
    ],
)
def test_calling_someone_or_naming_something_is_no_quote(nlp: Any, text: str) -> None:
    assert quotes(nlp, text) == []


def test_reported_words_end_where_another_speaker_begins(nlp: Any) -> None:
    text = (
        "La syndicaliste a exigé que l'usine reste ouverte, tandis que le directeur a "
        "annoncé que la production cesserait en mai."
    )
    first, second = quotes(nlp, text)
    assert first.text == "l'usine reste ouverte"
    assert second.text == "la production cesserait en mai"
    assert second.speaker is not None and second.speaker.text == "le directeur"
    relative = one(nlp, "Le maire a assuré que la ville, qui a dit non au projet, resterait unie.")
    assert relative.text == "la ville, qui a dit non au projet, resterait unie"
