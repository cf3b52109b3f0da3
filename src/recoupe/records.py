"""Records passed between pipeline stages.

Every record is a frozen dataclass. Items extracted from a text carry the id of their
document and character offsets (``start``/``end``, Python ``str`` indices, end exclusive)
into that document's cleaned ``text``, so that each line of a dossier traces back to its
source words. spaCy types never appear here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- ingest ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of boilerplate taken out of a document, with why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocDate:
    """Publication date of a document: given, inferred with evidence, or unknown."""

    value: str | None = None
    precision: str | None = None  # "day" | "month" | "year" | None
    provenance: str = "unknown"  # "metadata" | "inferred" | "unknown"
    earliest: str | None = None
    latest: str | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()


UNKNOWN_DATE = DocDate()


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article. ``text`` is what every offset points into."""

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "fr"
    date: DocDate = UNKNOWN_DATE
    duplicate_of: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestResult:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


# --- analyze (per document) -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A plain stretch of a document's text (a sentence, a speaker, a qualifying name)."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one document."""

    doc: str
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC
    metonymy: bool = False
    demonym: bool = False
    role: str | None = None  # a title taken off the name: "Premier ministre irakien"
    key: str | None = None  # gazetteer key when the mention is a known entity
    name: str | None = None  # the name repaired ("al. -Rachidi" -> "al-Rachidi") if not text
    alias_of: str | None = None  # the long form an acronym stands for, defined in the text


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised TIMEX3 expression."""

    doc: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    anchored: bool = False  # value depends on the document date (DCT) or another timex


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: a number with what it counts."""

    doc: str
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: str  # exact|approx|more_than|less_than|at_least|at_most|range|vague
    unit: str
    modifiers: tuple[str, ...] = ()  # words narrowing the unit: "américains"
    qualifiers: tuple[Span, ...] = ()  # mentions (place, group, owner) qualifying it
    attributed_to: Span | None = None
    kind: str = "count"  # count | money | percent | age | measure


@dataclass(frozen=True, slots=True)
class Quote:
    """Something said, with who said it."""

    doc: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: str | None
    speaker: Span | None


@dataclass(frozen=True, slots=True)
class DocAnalysis:
    """Everything the analyze stage found in one document: plain records only."""

    doc: str
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    errors: tuple[str, ...] = ()  # a component that failed on this document, and why


# --- consolidate (across documents) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityMention:
    doc: str
    start: int
    end: int
    text: str
    metonymy: bool = False
    demonym: bool = False  # "les Irakiens", linked to the country


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[EntityMention, ...]


@dataclass(frozen=True, slots=True)
class Source:
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Observation:
    doc: str
    start: int
    end: int
    value: float
    qualifier: str
    as_of: str | None
    source: str | None = None  # who gives the figure, as written: "selon la préfecture"
    source_entity: str | None = None  # that source's entity id, when it is one


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    label: str
    unit: str
    observations: tuple[Observation, ...]
    status: str  # single | agree | update | conflict


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    id: str
    date: str
    precision: str
    headline: str
    text: str
    sources: tuple[Source, ...]
    entities: tuple[str, ...] = ()
    future: bool = False


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class LinkedQuantity:
    """A figure with the entities it is about and its source resolved to entity ids."""

    quantity: Quantity
    entities: tuple[str, ...] = ()
    attributed_to: str | None = None


@dataclass(frozen=True, slots=True)
class LinkedQuote:
    """A quote with its speaker resolved to an entity id when possible."""

    quote: Quote
    speaker_entity: str | None = None


@dataclass(frozen=True, slots=True)
class Dossier:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[LinkedQuantity, ...] = ()
    quotes: tuple[LinkedQuote, ...] = ()
    facts: tuple[Fact, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    analyses: tuple[DocAnalysis, ...] = field(default=(), repr=False)
