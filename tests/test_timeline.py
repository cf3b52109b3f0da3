"""Dated events merged across documents into a sorted timeline (hand-built records)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from recoupe.consolidate.entities import EntityIndex
from recoupe.consolidate.timeline import HEADLINE_WORDS, build_timeline, rank_dates
from recoupe.records import Entity, EntityMention, Mention, Quote, TimelineEntry, Timex
from recoupe.settings import Settings
from tests.consolidate_helpers import analysis, make_doc, mention, span, timex

A = (
    "En 1995, les dockers avaient paralysé le port de Marseille pendant un mois. "
    "La grève a commencé le 2 mai 2022 à l'appel du syndicat des dockers. "
    "Une nouvelle réunion avec la direction est prévue le 20 juin 2022. "
    "Rien ne bougera avant le 1er juillet 2022 selon le syndicat."
)
B = (
    "Les dockers avaient déjà bloqué le port de Marseille en 1995 pendant un mois. "
    "Le 2 mai 2022, le syndicat des dockers a lancé la grève au port."
)
C = (
    "En 1995, une longue grève des dockers avait bloqué le port de Marseille. "
    "Hier, la direction du port a proposé une hausse des salaires aux grévistes."
)


def build(settings: Settings | None = None) -> tuple[TimelineEntry, ...]:
    docs = [
        make_doc("a", A, "2022-05-10"),
        make_doc("b", B, "2022-06-01"),
        make_doc("c", C, "2022-06-02"),
    ]
    analyses = [
        analysis(
            "a",
            A,
            [
                timex("a", A, "En 1995", "1995"),
                timex("a", A, "le 2 mai 2022", "2022-05-02"),
                timex("a", A, "le 20 juin 2022", "2022-06-20"),
                timex("a", A, "le 1er juillet 2022", "2022-07-01"),
            ],
            mentions=_port_mentions("a", A),
        ),
        analysis(
            "b",
            B,
            [timex("b", B, "en 1995", "1995"), timex("b", B, "Le 2 mai 2022", "2022-05-02")],
            mentions=_port_mentions("b", B),
        ),
        analysis(
            "c",
            C,
            [timex("c", C, "En 1995", "1995"), timex("c", C, "Hier", "2022-06-01")],
            mentions=_port_mentions("c", C),
        ),
    ]
    index, _ = _entities(analyses_mentions=[m for a in analyses for m in a.mentions])
    return build_timeline(docs, analyses, index, settings or Settings())


def _port_mentions(doc: str, text: str) -> list[Mention]:
    return [mention(doc, text, "Marseille")] if "Marseille" in text else []


def _entities(analyses_mentions: Sequence[Mention]) -> tuple[EntityIndex, list[Entity]]:
    ms = tuple(EntityMention(m.doc, m.start, m.end, m.text) for m in analyses_mentions)
    entities = [Entity("e-marseille", "Marseille", "LOC", (), ms)]
    return EntityIndex(entities), entities


@pytest.fixture(scope="module")
def timeline() -> tuple[TimelineEntry, ...]:
    return build()


def test_entries_are_sorted_by_date(timeline: tuple[TimelineEntry, ...]) -> None:
    dates = [e.date for e in timeline]
    assert dates == sorted(dates)
    assert dates[0] == "1995"


def test_background_event_merges_every_source(timeline: tuple[TimelineEntry, ...]) -> None:
    (old,) = [e for e in timeline if e.date == "1995"]
    assert {s.doc for s in old.sources} == {"a", "b", "c"}
    assert old.precision == "year"
    assert "e-marseille" in old.entities


def test_the_same_day_from_two_outlets_is_one_entry(timeline: tuple[TimelineEntry, ...]) -> None:
    (start,) = [e for e in timeline if e.date == "2022-05-02"]
    assert {s.doc for s in start.sources} == {"a", "b"}
    assert start.precision == "day"


def test_relative_dates_resolved_upstream_are_events(timeline: tuple[TimelineEntry, ...]) -> None:
    (yesterday,) = [e for e in timeline if e.date == "2022-06-01"]
    assert "direction" in yesterday.text


def test_events_after_the_newest_document_are_future(timeline: tuple[TimelineEntry, ...]) -> None:
    future = {e.date for e in timeline if e.future}
    assert future == {"2022-06-20"}


def test_before_a_date_is_not_an_event_on_it(timeline: tuple[TimelineEntry, ...]) -> None:
    assert "2022-07-01" not in {e.date for e in timeline}


def test_headlines_are_short_clauses_of_the_text(timeline: tuple[TimelineEntry, ...]) -> None:
    texts = {"a": A, "b": B, "c": C}
    for e in timeline:
        assert 0 < len(e.headline.split()) <= HEADLINE_WORDS + 2
        assert e.headline.lower().strip("… ")[:20] in e.text.lower()
        for s in e.sources:
            assert texts[s.doc][s.start : s.end].strip()


def test_max_dates_keeps_the_best_ranked() -> None:
    entries = build(Settings(max_dates=1))
    assert [e.date for e in entries] == ["1995"]


def test_ids_are_stable() -> None:
    assert [e.id for e in build()] == [e.id for e in build()]


def test_date_ranking_counts_documents() -> None:
    docs = [make_doc("a", A, "2022-05-10"), make_doc("b", B, "2022-06-01")]
    from recoupe.consolidate.timeline import find_events

    analyses = [
        analysis(
            "a", A, [timex("a", A, "En 1995", "1995"), timex("a", A, "le 2 mai 2022", "2022-05-02")]
        ),
        analysis("b", B, [timex("b", B, "en 1995", "1995")]),
    ]
    ranked = rank_dates(find_events(docs, analyses, EntityIndex([])), docs)
    assert ranked[0][0] == "1995"


def test_a_year_joins_the_month_of_the_same_event_but_a_month_keeps_its_day() -> None:
    x = "En janvier 2015, la crue avait inondé le quartier des Varennes jusqu'à la levée."
    y = "Même en 2015, la crue n'avait pas inondé le quartier des Varennes aussi haut."
    z = "Depuis la mi-mars, les pluies tombent sur le bassin. Le 7 mars, les pluies ont commencé."
    docs = [
        make_doc("x", x, "2025-03-10"),
        make_doc("y", y, "2025-03-12"),
        make_doc("z", z, "2025-03-12"),
    ]
    analyses = [
        analysis("x", x, [timex("x", x, "En janvier 2015", "2015-01")]),
        analysis("y", y, [timex("y", y, "en 2015", "2015")]),
        analysis(
            "z",
            z,
            [timex("z", z, "la mi-mars", "2025-03"), timex("z", z, "Le 7 mars", "2025-03-07")],
        ),
    ]
    entries = build_timeline(docs, analyses, EntityIndex([]), Settings())
    dates = {e.date: {s.doc for s in e.sources} for e in entries}
    assert dates["2015-01"] == {"x", "y"} and "2015" not in dates
    assert "2025-03" in dates and "2025-03-07" in dates


def _random_events(n: int, seed: int, topics: int = 0) -> list:  # type: ignore[type-arg]
    import random

    from recoupe.consolidate.periods import parse_period
    from recoupe.consolidate.similarity import TfIdf
    from recoupe.consolidate.timeline import Event
    from recoupe.records import Span, Timex

    rng = random.Random(seed)
    vocabulary = [f"mot{i}" for i in range(40)]
    if topics:  # sentences about one of a few subjects, with a stray word
        words_of = [[f"t{t}w{i}" for i in range(6)] for t in range(topics)]
        sentences = [
            rng.sample(rng.choice(words_of), rng.randint(2, 5)) + rng.sample(vocabulary, 1)
            for _ in range(n)
        ]
    else:
        sentences = [
            rng.choices(vocabulary[: rng.randint(6, 40)], k=rng.randint(2, 9)) for _ in range(n)
        ]
    sentences += [list(s) for s in sentences[: n // 4]]  # reprinted sentences
    tfidf = TfIdf(sentences)
    entities = [f"e{i}" for i in range(6 if not topics else 60)]
    events = []
    for k, words in enumerate(sentences):
        value = rng.choice(["2015", "2015-01", "2015-01-07", "2015-03", "2016"])
        period = parse_period(value)
        assert period is not None
        text = " ".join(words)
        clause = words[: rng.randint(1, len(words))]
        events.append(
            Event(
                doc=f"d{k}",
                sentence=Span(f"d{k}", 0, len(text), text),
                clause=(0, len(" ".join(clause))),
                period=period,
                timex=Timex(f"d{k}", 0, 4, "2015", "DATE", value),
                vector=tfidf.vector(words),
                clause_vector=tfidf.vector(clause),
                entities=tuple(rng.sample(entities, rng.randint(0, 2))),
            )
        )
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_indexed_merging_equals_comparing_every_pair(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Busy dates are merged through similarity indexes: the same groups as all pairs."""
    from recoupe.consolidate import timeline

    events = _random_events(400, seed)
    monkeypatch.setattr(timeline, "_SMALL", 10**9)
    every_pair = [[e.doc for e in g] for g in timeline.merge_events(events)]
    monkeypatch.setattr(timeline, "_SMALL", 2)
    indexed = [[e.doc for e in g] for g in timeline.merge_events(events)]
    assert indexed == every_pair
    assert len(every_pair) < len(events)  # some merging happened
    assert sum(len(g) for g in every_pair) == len(events)


@pytest.mark.parametrize("seed", [5, 6, 8])
def test_years_join_the_finer_group_that_comparing_every_pair_gives(seed: int) -> None:
    from recoupe.consolidate import timeline

    def every_pair(groups: list[list[timeline.Event]]) -> list[list[timeline.Event]]:
        groups = sorted(groups, key=lambda g: -timeline._PRECISION[g[0].period.precision])
        kept: list[list[timeline.Event]] = []
        for group in groups:
            value = group[0].period.value
            finer = [
                k
                for k in kept
                if group[0].period.precision == "year"
                and k[0].period.value.startswith(value)
                and k[0].period.value != value
                and any(
                    timeline._similar(a, b) >= timeline.MERGE_SIM["year"] for a in group for b in k
                )
            ]
            if len(finer) == 1:
                finer[0].extend(group)
            else:
                kept.append(list(group))
        return kept

    events = _random_events(120, seed, topics=40)
    by_date: dict[str, list[timeline.Event]] = {}
    for e in events:
        by_date.setdefault(e.period.value, []).append(e)
    linked = [g for same in by_date.values() for g in timeline._link(same)]
    expected = [[e.doc for e in g] for g in every_pair([list(g) for g in linked])]
    got = [[e.doc for e in g] for g in timeline._into_finer([list(g) for g in linked])]
    assert got == expected
    assert len(got) < len(linked)  # some years joined a finer group


def test_reads_alone() -> None:
    from recoupe.consolidate.clauses import reads_alone

    assert reads_alone("L'armée américaine s'est retirée d'Irak à la fin de 2011")
    assert reads_alone("Cesar a gagné en 2011")  # "Ces" only as a whole word
    assert reads_alone("Ensuite la grève a commencé")
    assert reads_alone("Il faut remonter à 1910 pour retrouver un tel niveau")
    assert reads_alone("Il y a eu trois morts en 2011")
    for leaning in (
        "Ils ont retiré leurs troupes en 2011",
        "Ces pourparlers avaient débuté en janvier",
        "Bien que les forces soient parties en 2011",
        "Même si l'on a aujourd'hui le sentiment",
        "a déclaré la semaine dernière l'ancien ministre",
        "Celle-ci a été signée en 2011",
    ):
        assert not reads_alone(leaning), leaning


def test_headline_prefers_a_clause_that_reads_alone() -> None:
    a = "Les dockers ont fait grève. Le port de Marseille a été bloqué par eux en 1995."
    b = "Ils ont bloqué le port de Marseille en 1995 pendant un mois, les dockers."
    entry = _merged_entry(
        ("a", a, "2022-05-10", "en 1995", "1995"), ("b", b, "2022-05-11", "en 1995", "1995")
    )
    assert {s.doc for s in entry.sources} == {"a", "b"}
    assert entry.headline.startswith("Le port de Marseille")


def test_a_dateline_is_not_an_event() -> None:
    text = "Publié le 3 mai 2022 à 10h00.\nLa grève a commencé le 2 mai 2022 au port de Marseille."
    docs = [make_doc("a", text, "2022-05-03")]
    found = [
        analysis(
            "a",
            text,
            [
                timex("a", text, "3 mai 2022", "2022-05-03"),
                timex("a", text, "2 mai 2022", "2022-05-02"),
            ],
        )
    ]
    index, _ = _entities(analyses_mentions=[])
    assert [e.date for e in build_timeline(docs, found, index, Settings())] == ["2022-05-02"]


def test_in_dateline() -> None:
    from recoupe.consolidate.clauses import in_dateline

    markers = ["publie", "mis a jour", "mis en ligne"]

    def at(text: str, date: str) -> bool:
        return in_dateline(text, text.index(date), markers)

    assert at("Titre\nPublié le 10 mars 2011 à 14h38 - Mis à jour le 11 mars\nTexte.", "10 mars")
    assert at("Titre\nPublié le 10 mars 2011 à 14h38 - Mis à jour le 11 mars\nTexte.", "11 mars")
    assert at("Titre\nPublié le 10 mars 2011 à 14h38 - Mis à jour le 11 mars\nTexte.", "14h38")
    assert at("Par Jean Dupont | mis en ligne le 03/03/2011 à 10h32\nTexte.", "03/03")
    assert at("La Gazette avec agences Publié le 4 juin 2019, et la suite d'une très longue ligne "
              "de texte qui ne finit pas avant longtemps ici.", "4 juin")  # fmt: skip
    assert not at("Le texte.\nL'arrêté a été publié le 28 mars.\nLa suite.", "28 mars")
    assert not at("La ministre dit que l'arrêté sera publié le 28 mars, dans une ligne longue "
                  "qui continue encore et encore sans fin.", "28 mars")  # fmt: skip


def test_a_speakers_deictic_date_is_no_event_but_a_named_one_is() -> None:
    from recoupe.records import Quote

    text = (
        "« Nous avons aujourd'hui le sentiment d'être seuls, la digue a cédé en 2011 », "
        "dit le maire. "
        "Le port a rouvert le 2 mai 2022."
    )
    quote_start = text.index("Nous")
    quote = Quote("a", quote_start, text.index(" »"), text[quote_start : text.index(" »")],
                  "direct", "dit", None)  # fmt: skip
    found = analysis(
        "a",
        text,
        [
            timex("a", text, "aujourd'hui", "2022-05-03"),
            timex("a", text, "en 2011", "2011"),
            timex("a", text, "le 2 mai 2022", "2022-05-02"),
        ],
    )
    found = replace(found, quotes=(quote,))
    index, _ = _entities(analyses_mentions=[])
    entries = build_timeline([make_doc("a", text, "2022-05-03")], [found], index, Settings())
    assert [e.date for e in entries] == ["2011", "2022-05-02"]


def test_a_headline_that_names_its_date_is_preferred() -> None:
    a = "Les deux pays ont ouvert en janvier les pourparlers à Bagdad sur la coalition."
    b = "Les deux pays ont ouvert les pourparlers mercredi à Bagdad sur la coalition."
    # b's date is known to the month only: its "mercredi" is some day of January
    entry = _merged_entry(
        ("a", a, "2024-03-02", "en janvier", "2024-01"), ("b", b, "2024-01", "mercredi", "2024-01")
    )
    assert entry.date == "2024-01" and "en janvier" in entry.headline


def test_a_name_cut_at_a_stray_full_stop_stays_in_its_sentence() -> None:
    from recoupe.consolidate.clauses import clean_sentences
    from recoupe.records import Span

    text = "Le chef du groupe Abou Karim al. -Rachidi a été arrêté à Mossoul."
    cut = text.index("-Rachidi")
    spans = [Span("d", 0, cut - 1, text[: cut - 1]), Span("d", cut, len(text), text[cut:])]
    assert [s.text for s in clean_sentences(text, spans)] == [text]


def _one_entry(
    text: str,
    timexes: Sequence[Timex],
    quotes: Sequence[Quote] = (),
    index: EntityIndex | None = None,
    published: str = "2022-05-05",
) -> TimelineEntry:
    """The one timeline entry of a single document "a" (published on 5 May 2022)."""
    found = replace(analysis("a", text, timexes), quotes=tuple(quotes))
    index = index or _entities(analyses_mentions=[])[0]
    (entry,) = build_timeline([make_doc("a", text, published)], [found], index, Settings())
    return entry


def _merged_entry(*docs: tuple[str, str, str, str, str]) -> TimelineEntry:
    """The one entry that documents (id, text, published, date words, value) make."""
    found = [analysis(d, text, [timex(d, text, words, value)]) for d, text, _, words, value in docs]
    index, _ = _entities(analyses_mentions=[])
    dated = [make_doc(d, text, published) for d, text, published, _, _ in docs]
    (entry,) = build_timeline(dated, found, index, Settings())
    return entry


def _quote(text: str, said: str, speaker_words: str, cue: str) -> Quote:
    """A direct quote of ``said`` in ``text``, its speaker the words ``speaker_words``."""
    start = text.index(said)
    return Quote("a", start, start + len(said), said, "direct", cue, span("a", text, speaker_words))


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # the speaker after the quote, the date in the incise
        ("« Le port ne rouvrira pas avant l'été », a déclaré mardi devant la presse "
         "la maire de Valbrune Claire Morel.", "mardi"),
        # the date in an apposition after the speaker, before the full stop
        ("« Le port ne rouvrira pas avant l'été », a déclaré Claire Morel, la maire de "
         "Valbrune, jointe par téléphone mardi.", "mardi"),
        # the speaker first
        ("La maire de Valbrune Claire Morel a déclaré mardi : « Le port ne rouvrira pas "
         "avant l'été ».", "mardi"),
    ],
)  # fmt: skip
def test_the_date_of_a_quotes_incise_is_the_speaker_saying_it(text: str, when: str) -> None:
    said = "Le port ne rouvrira pas avant l'été"
    start = text.index(said)
    quote = _quote(text, said, "Claire Morel", "a déclaré")
    entry = _one_entry(text, [timex("a", text, when, "2022-05-03")], [quote])
    assert entry.headline == "Claire Morel : « Le port ne rouvrira pas avant l'été »"
    assert said in entry.text and "Claire Morel" in entry.text  # the source's own words
    (source,) = entry.sources
    assert source.start <= start and start + len(said) <= source.end


def test_a_date_far_from_a_quote_keeps_its_clause() -> None:
    text = (
        "« Le port ne rouvrira pas avant l'été », a dit la maire Claire Morel, qui avait "
        "pourtant promis aux dockers une réouverture rapide lors de la réunion tenue mardi."
    )
    quote = _quote(text, "Le port ne rouvrira pas avant l'été", "Claire Morel", "a dit")
    entry = _one_entry(text, [timex("a", text, "mardi", "2022-05-03")], [quote])
    assert "Claire Morel :" not in entry.headline
    assert "réunion tenue mardi" in entry.headline


def test_a_speaker_found_sentences_earlier_does_not_make_a_date_their_saying() -> None:
    text = (
        "Claire Morel a retrouvé sa ferme. Ses vaches ont été emportées dans la nuit de "
        "dimanche. « Je n'avais jamais vu ça », confie-t-elle."
    )
    # the speaker is the pronoun's antecedent, far before
    quote = _quote(text, "Je n'avais jamais vu ça", "Claire Morel", "confie")
    entry = _one_entry(text, [timex("a", text, "dans la nuit de dimanche", "2022-05-01")], [quote])
    assert entry.headline.startswith("Ses vaches ont été emportées")


@pytest.mark.parametrize(
    ("speaker_words", "entity_name", "expected"),
    [
        ("Morel", "Claire Morel", "Claire Morel"),  # the entity's full name
        ("la maire", None, "la maire"),  # no entity: the speaker's own words
    ],
)
def test_a_quotes_speaker_is_named_by_their_entity(
    speaker_words: str, entity_name: str | None, expected: str
) -> None:
    text = "« Le port rouvrira lundi », a annoncé mardi la maire Claire Morel."
    said = "Le port rouvrira lundi"
    quote = _quote(text, said, speaker_words, "a annoncé")
    entities = []
    if entity_name and quote.speaker is not None:
        speaker = quote.speaker
        mention = EntityMention("a", speaker.start, speaker.end, speaker.text)
        entities = [Entity("e-morel", entity_name, "PER", (), (mention,))]
    when = [timex("a", text, "mardi", "2022-05-03")]
    entry = _one_entry(text, when, [quote], EntityIndex(entities))
    assert entry.headline == f"{expected[:1].upper()}{expected[1:]} : « {said} »"


def test_a_cut_headline_does_not_end_inside_a_figure_or_on_a_small_word() -> None:
    text = (
        "Les pompiers sont arrivés en 2015 dans la vallée de la Brèche pour protéger les "
        "habitants des villages voisins et il y a aujourd'hui environ 2 500 sauveteurs "
        "mobilisés dans toute la région sinistrée."
    )
    entry = _one_entry(text, [timex("a", text, "en 2015", "2015")])
    assert entry.headline.endswith(" …")
    body = entry.headline.removesuffix(" …")
    assert len(body.split()) <= HEADLINE_WORDS
    last = body.split()[-1]
    assert not last.isdigit() and last not in {"environ", "et", "de", "la", "a", "y"}
    assert body in text  # still the source's words, only shorter


def test_a_clause_cut_before_its_late_date_keeps_who_acts() -> None:
    # one clause of 42 words whose date comes last: its first words (who acts) and the
    # words before the date, not "… des indemnités promises …" from its middle
    text = (
        "Les négociations entre la mairie de Valbrune et les riverains des quais inondés sur "
        "le montant des indemnités promises par l'État après la crue du mois dernier et sur "
        "le calendrier des travaux de la digue doivent aboutir le 3 mars 2022."
    )
    entry = _one_entry(text, [timex("a", text, "le 3 mars 2022", "2022-03-03")])
    assert entry.headline.startswith("Les négociations entre la mairie de Valbrune … ")
    assert entry.headline.endswith("des travaux de la digue doivent aboutir le 3 mars 2022.")
    assert len(entry.headline.split()) <= HEADLINE_WORDS + 1


def test_a_short_sentence_with_one_date_is_its_event_whole() -> None:
    text = (
        "Les grévistes étaient 8 000 selon la CFDT, 2 100 selon la police, jeudi à Lyon, "
        "pour la troisième journée de grève contre la réforme des retraites."
    )
    assert len(text.split()) > HEADLINE_WORDS  # shown whole all the same
    entry = _one_entry(text, [timex("a", text, "jeudi", "2022-05-05")])
    assert entry.headline == text


def test_a_clause_short_enough_is_its_headline_whole() -> None:
    """ "Le maire affirme que … en 2019" with a second date after it: the date's clause
    (24 words) is shown whole, not cut into "… que la digue …"."""
    clause = (
        "Le maire affirme que la digue du port de Valbrune doit être renforcée à la lumière "
        "de la tempête qui a ravagé la côte en 2019"
    )
    text = f"{clause}, mais les travaux ne commenceront pas avant mars 2023."
    assert HEADLINE_WORDS < len(clause.split()) <= 30
    times = [timex("a", text, "en 2019", "2019"), timex("a", text, "mars 2023", "2023-03")]
    found = replace(analysis("a", text, times), quotes=())
    index = _entities(analyses_mentions=[])[0]
    timeline = build_timeline([make_doc("a", text, "2022-05-05")], [found], index, Settings())
    (past,) = [e for e in timeline if e.date == "2019"]
    assert past.headline == clause


def test_a_long_clause_is_cut_from_its_start_when_its_date_comes_early() -> None:
    tail = " ".join(f"mot{i}" for i in range(HEADLINE_WORDS))
    text = f"La crue de la Brèche a emporté le vieux pont et le moulin le 3 mars 2022 et {tail}."
    entry = _one_entry(text, [timex("a", text, "le 3 mars 2022", "2022-03-03")])
    assert entry.headline.startswith("La crue de la Brèche a emporté le vieux pont")
    assert entry.headline.endswith(" …")


def test_an_event_told_in_the_future_within_the_newest_month_is_future() -> None:
    text = "Une nouvelle journée de grève aura lieu le 23 mai, a annoncé le syndicat."
    when = [timex("a", text, "le 23 mai", "2022-05-23")]
    assert _one_entry(text, when, published="2022-05").future  # dated to the month only
    assert _one_entry(text, when, published="2022-05-10").future  # after the newest day
    past = "La dernière journée de grève a eu lieu le 3 mai, a indiqué le syndicat."
    then = [timex("a", past, "le 3 mai", "2022-05-03")]
    assert not _one_entry(past, then, published="2022-05").future


def test_reported_words_before_their_incise_are_what_the_speaker_said_that_day() -> None:
    said = "Le port de Valbrune ne rouvrira pas avant la fin de l'été, faute de dragage"
    text = (
        f"{said}, contre une réouverture en juin annoncée au printemps, a reconnu mardi la "
        "maire de Valbrune, Claire Morel, devant le conseil municipal réuni en séance."
    )
    quote = replace(_quote(text, said, "Claire Morel", "a reconnu"), kind="indirect")
    entry = _one_entry(text, [timex("a", text, "mardi", "2022-05-03")], [quote])
    # no quotation marks: these are not her own words
    assert entry.headline == f"Claire Morel : l{said[1:]}"


def test_a_figure_compared_in_a_clause_of_its_own_is_no_event() -> None:
    text = "Le déficit atteindra 5 % en 2025, après 6,1 % attendus cette année, a dit la ministre."
    times = [timex("a", text, "en 2025", "2025"), timex("a", text, "cette année", "2022")]
    entry = _one_entry(text, times)
    assert entry.date == "2025"  # "après 6,1 % attendus cette année" made a 2022 entry


def _entries(text: str, timexes: Sequence[Timex]) -> tuple[TimelineEntry, ...]:
    index = _entities(analyses_mentions=[])[0]
    found = analysis("a", text, timexes)
    return build_timeline([make_doc("a", text, "2025-02-04")], [found], index, Settings())


@pytest.mark.parametrize(
    ("text", "words", "value", "mod"),
    [
        # TimeBank tags the "ici" of "d'ici" as the article's day: a span's start, no event
        ("Trois cents agents seront déployés d'ici la fin du mois.", "ici", "2025-02-04", None),
        # where a count starts is not something that happened then
        ("Au total, 1 240 cas ont été confirmés depuis le 1er janvier.", "le 1er janvier",
         "2025-01-01", None),
        ("Trois personnes sont mortes depuis le début de l'année.", "le début de l'année",
         "2025", "START"),
    ],
)  # fmt: skip
def test_dates_that_anchor_no_event(text: str, words: str, value: str, mod: str | None) -> None:
    found = replace(timex("a", text, words, value), mod=mod)
    assert _entries(text, [found]) == ()


def test_a_day_after_depuis_that_is_no_year_start_is_an_event() -> None:
    text = "Les combats ont repris depuis le 3 janvier dans le nord du pays."
    (entry,) = _entries(text, [timex("a", text, "le 3 janvier", "2025-01-03")])
    assert entry.date == "2025-01-03"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a relative clause
        (
            "Le taux de positivité, de 9 % en janvier, atteint 18 %, d'après l'agence, qui "
            "redoute un pic en mars.",
            ("en janvier", "2025-01"),
            ("en mars", "2025-03"),
        ),
        # an infinitive complement
        (
            "Les riverains, déjà inquiets en janvier, étaient 300, à s'être réunis le 4 mars "
            "devant la mairie.",
            ("en janvier", "2025-01"),
            ("le 4 mars", "2025-03-04"),
        ),
    ],
)
def test_a_dependent_clause_headline_starts_with_what_it_completes(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = [timex("a", text, *first), timex("a", text, *second)]
    by_date = {e.date: e for e in _entries(text, found)}
    assert by_date[second[1]].headline == text


def test_a_comparison_with_a_past_date_is_no_event() -> None:
    text = "Un pic est attendu en mars, comme lors de l'épidémie de 2019."
    found = [timex("a", text, "en mars", "2025-03"), timex("a", text, "2019", "2019")]
    assert [e.date for e in _entries(text, found)] == ["2025-03"]


@pytest.mark.parametrize(
    ("opening", "headline"),
    [
        ("En particulier lors", "Lors"),
        ("Par ailleurs, lors", "Lors"),
        ("D’ailleurs lors", "Lors"),
    ],
)
def test_a_headline_drops_the_linking_adverb_its_sentence_opens_with(
    opening: str, headline: str
) -> None:
    text = f"{opening} de la crue de mars 2022, la digue de Valbrune a été relevée."
    entry = _one_entry(text, [timex("a", text, "mars 2022", "2022-03")])
    assert entry.headline.startswith(f"{headline} de la crue de mars 2022")


def test_a_long_headline_without_its_linking_adverb_keeps_its_date() -> None:
    words = " ".join(f"mot{i}" for i in range(30))
    text = f"Par ailleurs, le comité de la Brèche {words} a voté le 3 mars 2022 un budget."
    entry = _one_entry(text, [timex("a", text, "le 3 mars 2022", "2022-03-03")])
    assert entry.headline.startswith("Le comité de la Brèche")
    assert "le 3 mars 2022" in entry.headline


def test_a_time_of_day_in_a_month_dated_page_is_an_event_of_that_month() -> None:
    text = "Direction et syndicats ont signé jeudi soir un accord sur les départs."
    found = [timex("a", text, "jeudi soir", "2025-03-XXTEV", kind="TIME")]
    entry = _one_entry(text, found)
    assert entry.date == "2025-03"
