"""Hand-built dossiers for the store, report, web app and export tests (no spaCy needed).

Every record is placed with ``_at()`` so that ``text[start:end] == record.text`` holds, as
the contract requires. One document carries hostile markup, to test escaping.
"""

from __future__ import annotations

from recoupe.records import (
    DocAnalysis,
    DocDate,
    Document,
    Dossier,
    Entity,
    EntityMention,
    Fact,
    LinkedQuantity,
    LinkedQuote,
    Mention,
    Observation,
    Quantity,
    Quote,
    Removed,
    Skipped,
    Source,
    Span,
    SummarySentence,
    TimelineEntry,
    Timex,
)

HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

TEXT_A = (
    "Le 5 mars 2024, la préfecture de Valbrune a annoncé que 1 200 habitants avaient été "
    "évacués.\n\n« Nous restons mobilisés », a déclaré Claire Morel, la préfète."
)
TEXT_B = (
    "Selon la mairie de Valbrune, environ 1 500 habitants ont quitté leur domicile en mars 2024. "
    f"Un lecteur a écrit {HOSTILE} puis {HOSTILE_IMG} dans les commentaires.\n"
    "Claire Morel affirme que la décrue commencera la semaine prochaine."
)
TEXT_C = "En janvier 2024, 300 habitants avaient déjà été évacués de Valbrune."


def _at(doc: str, text: str, needle: str, nth: int = 0) -> tuple[str, int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return doc, start, start + len(needle), needle


def _documents() -> tuple[Document, ...]:
    return (
        Document(
            "d-a", "corpus/a.txt", TEXT_A, title="Crue à Valbrune", source="La Gazette",
            date=DocDate("2024-03-05", "day", "metadata", confidence=1.0),
            removed=(Removed("PUBLICITÉ", "advertising"),),
        ),
        Document(
            "d-b", "corpus/b.html", TEXT_B, title=f"Titre {HOSTILE}", source="L'Écho",
            url="https://example.invalid/b",
            date=DocDate("2024-03", "month", "inferred", "2024-03-01", "2024-03-31", 0.6,
                         ("« mars 2024 » dans le texte",)),
        ),
        Document("d-c", "corpus/c.txt", TEXT_C, date=DocDate()),
    )  # fmt: skip


def _mention(doc: str, text: str, needle: str, nth: int = 0) -> EntityMention:
    return EntityMention(*_at(doc, text, needle, nth))


def _entities() -> tuple[Entity, ...]:
    valbrune = (
        _mention("d-a", TEXT_A, "Valbrune"),
        _mention("d-b", TEXT_B, "Valbrune"),
        _mention("d-c", TEXT_C, "Valbrune"),
    )
    morel = (
        _mention("d-a", TEXT_A, "Claire Morel"),
        _mention("d-b", TEXT_B, "Claire Morel"),
    )
    return (
        Entity("e-valbrune", "Valbrune", "LOC", (), valbrune),
        Entity("e-morel", "Claire Morel", "PER", ("Morel", HOSTILE), morel),
        Entity("e-mairie", "mairie de Valbrune", "ORG", (),
               (_mention("d-b", TEXT_B, "mairie de Valbrune"),)),
    )  # fmt: skip


def _quantities() -> tuple[LinkedQuantity, ...]:
    a = Quantity(*_at("d-a", TEXT_A, "1 200 habitants"), 1200.0, None, None, "exact", "habitant")
    b = Quantity(
        *_at("d-b", TEXT_B, "environ 1 500 habitants"), 1500.0, None, None, "approx", "habitant"
    )
    c = Quantity(*_at("d-c", TEXT_C, "300 habitants"), 300.0, None, None, "exact", "habitant")
    return (
        LinkedQuantity(a, ("e-valbrune",)),
        LinkedQuantity(b, ("e-valbrune",), "e-mairie"),
        LinkedQuantity(c, ("e-valbrune",)),
    )


def _quotes() -> tuple[LinkedQuote, ...]:
    direct = Quote(
        *_at("d-a", TEXT_A, "« Nous restons mobilisés »"), "direct", "a déclaré",
        Span(*_at("d-a", TEXT_A, "Claire Morel")),
    )  # fmt: skip
    indirect = Quote(
        *_at("d-b", TEXT_B, "la décrue commencera la semaine prochaine"), "indirect", "affirme",
        Span(*_at("d-b", TEXT_B, "Claire Morel")),
    )  # fmt: skip
    hostile = Quote(*_at("d-b", TEXT_B, HOSTILE), "direct", "a écrit", None)
    return (
        LinkedQuote(direct, "e-morel"),
        LinkedQuote(indirect, "e-morel"),
        LinkedQuote(hostile, None),
    )


def _timexes() -> tuple[Timex, ...]:
    return (
        Timex(*_at("d-a", TEXT_A, "5 mars 2024"), "DATE", "2024-03-05"),
        Timex(*_at("d-b", TEXT_B, "mars 2024"), "DATE", "2024-03"),
        Timex(*_at("d-b", TEXT_B, "la semaine prochaine"), "DATE", "2024-W11"),
        Timex(*_at("d-c", TEXT_C, "janvier 2024"), "DATE", "2024-01"),
    )


def _facts() -> tuple[Fact, ...]:
    def obs(
        doc: str,
        text: str,
        needle: str,
        value: float,
        qualifier: str,
        as_of: str | None,
        source: tuple[str, str | None] = (None, None),
    ) -> Observation:
        _, start, end, _ = _at(doc, text, needle)
        return Observation(doc, start, end, value, qualifier, as_of, *source)

    return (
        Fact(
            "f-evacues", "habitants évacués à Valbrune", "habitant",
            (obs("d-c", TEXT_C, "300 habitants", 300, "exact", "2024-01"),
             obs("d-a", TEXT_A, "1 200 habitants", 1200, "exact", "2024-03-05",
                 (f"la préfecture {HOSTILE}", None)),
             obs("d-b", TEXT_B, "environ 1 500 habitants", 1500, "approx", "2024-03",
                 ("mairie de Valbrune", "e-mairie"))),
            "conflict",
        ),
        Fact("f-hostile", f"chiffre {HOSTILE_IMG}", "habitant",
             (obs("d-c", TEXT_C, "300 habitants", 300, "exact", None),), "single"),
    )  # fmt: skip


def _timeline() -> tuple[TimelineEntry, ...]:
    def src(doc: str, text: str, needle: str) -> Source:
        _, start, end, _ = _at(doc, text, needle)
        return Source(doc, start, end)

    return (
        TimelineEntry(
            "t-1", "2024-01", "month", "300 habitants évacués",
            TEXT_C, (src("d-c", TEXT_C, TEXT_C),), ("e-valbrune",),
        ),
        TimelineEntry(
            "t-2", "2024-03-05", "day", "La préfecture annonce 1 200 évacués",
            "la préfecture de Valbrune a annoncé que 1 200 habitants avaient été évacués",
            (src("d-a", TEXT_A, "la préfecture de Valbrune a annoncé"),), ("e-valbrune",),
        ),
        TimelineEntry(
            "t-3", "2024-W11", "week", f"Décrue attendue {HOSTILE}",
            f"Un lecteur a écrit {HOSTILE_IMG}", (src("d-b", TEXT_B, HOSTILE_IMG),),
            ("e-morel",), future=True,
        ),
    )  # fmt: skip


def _analyses() -> tuple[DocAnalysis, ...]:
    first = DocAnalysis(
        "d-a",
        sentences=(Span(*_at("d-a", TEXT_A, TEXT_A.split("\n")[0])),),
        mentions=(Mention(*_at("d-a", TEXT_A, "Claire Morel"), "PER", role="préfète"),),
        timexes=_timexes()[:1],
        quantities=(_quantities()[0].quantity,),
        quotes=(_quotes()[0].quote,),
    )
    return (first, DocAnalysis("d-b", errors=("quotes: ValueError: test",)), DocAnalysis("d-c"))


def small_dossier() -> Dossier:
    """Three documents about an invented flood; one of them carries hostile markup."""
    return Dossier(
        documents=_documents(),
        skipped=(Skipped("corpus/empty.txt", "empty file"),
                 Skipped(f"corpus/{HOSTILE}.bin", "binary file")),
        entities=_entities(),
        timexes=_timexes(),
        quantities=_quantities(),
        quotes=_quotes(),
        facts=_facts(),
        timeline=_timeline(),
        summary=(
            SummarySentence(TEXT_A.split("\n")[0], (Source("d-a", 0, len(TEXT_A.split("\n")[0])),)),
            SummarySentence(f"Un lecteur a écrit {HOSTILE}.",
                            (Source(*_at("d-b", TEXT_B, HOSTILE)[:3]),)),
        ),
        analyses=_analyses(),
    )  # fmt: skip
