"""Turn the subject of a speech verb into the speaker's name, in reading order.

Pronouns go to the nearest earlier compatible person, "La ministre" to the person
introduced with that title, a document to its author, an impersonal "il a été précisé"
to the document or source named in the sentence, and a quote with no cue of its own to
the speaker of the quote just before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from recoupe.analyze import quote_cues as cues
from recoupe.analyze import quote_lexicon as lex
from recoupe.analyze import quote_speakers as sp
from recoupe.analyze.quote_direct import Candidate

_IMPERSONAL = frozenset({"falloir", "sembler", "paraître", "agir", "apparaître"})
_CONTINUATION_CHARS = 600  # a quote with no cue continues one that ended this close


class SpeakerResolver:
    """Resolves speakers for one document's quotes, fed in reading order."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        # people named inside quoted speech are not who "il"/"elle" refers to
        self.persons = [
            p for p in _persons(doc) if not any(a <= p.start_char < b for a, b in quoted)
        ]
        self.last: Span | None = None
        self.last_end = -1

    def speaker(self, cand: Candidate) -> Span | None:
        if cand.continues:
            near = cand.start - self.last_end < _CONTINUATION_CHARS
            found = self.last if near else None
        else:
            found = self._resolve(cand)
            found = _whole_name(found) if found is not None else None
        if found is not None:
            self.last, self.last_end = found, cand.end
        return found

    def _resolve(self, cand: Candidate) -> Span | None:
        if not cand.subjects:
            return self._sentence_source(cand)
        head = cand.subjects[0]
        if head.lower_ in lex.subject_pronouns():
            if _impersonal(head, cand.verb):
                return self._sentence_source(cand)
            found = self._last_speaker_as(head) or sp.resolve_pronoun(head, self.persons)
            return found or self.last or self._body_before(head)
        if head.pos_ == "PRON":
            return None
        return self._from_phrase(head, cand.subjects)

    def _from_phrase(self, head: Token, subjects: tuple[Token, ...]) -> Span | None:
        doc = self.doc
        person = sp.person_in(doc, _covering(subjects))
        if person is not None:
            return person
        if head.lemma_.lower() in lex.document_nouns() or head.lower_ in lex.document_nouns():
            author = cues.author_of(head)
            return (
                self._from_phrase(author, (author,))
                if author is not None
                else (sp.noun_phrase(head))
            )
        ent = sp.entity_of(doc, head)
        if ent is not None:
            return sp.trim_title(ent) if ent.label_ == "PER" else ent
        phrase = sp.noun_phrase(head)
        if head.lower_ in lex.person_titles() or head.lemma_.lower() in lex.person_titles():
            return (
                sp.apposed_person(doc, phrase)
                or sp.resolve_title(head, self.persons)
                or self._recent_person(head)
                or phrase
            )
        return phrase

    def _last_speaker_as(self, pron: Token) -> Span | None:
        """ "« … », a déclaré Clinton. « … », a-t-elle ajouté": the speaker just quoted."""
        last = self.last
        if last is None or pron.idx - last.end_char > _CONTINUATION_CHARS:
            return None
        if not any(p.start == last.start and p.end == last.end for p in self.persons):
            return None
        wanted = lex.subject_pronouns().get(pron.lower_, ("x", "s"))[0]
        found = sp.gender_of(last)
        return last if "x" in (wanted, found) or wanted == found else None

    def _body_before(self, pron: Token) -> Span | None:
        """ "Le Conseil constitutionnel… Il estime que…": with no person, the nearest body."""
        for ent in reversed(sp.ents_in(self.doc, pron.i - 80, pron.i)):
            if ent.label_ in ("ORG", "MISC"):
                return ent
        return None

    def _recent_person(self, head: Token) -> Span | None:
        """ "La maire estime…" right after a quote of a person: that person, unless the
        person was introduced with another title ("Karim Benali, délégué CGT" is not "le
        ministre")."""
        last = self.last
        if last is None or not any(
            p.start == last.start and p.end == last.end for p in self.persons
        ):
            return None
        title = sp.title_of(last)
        if title is not None and title != head.lemma_.lower():
            return None
        return last if head.idx - last.end_char < _CONTINUATION_CHARS else None

    def _sentence_source(self, cand: Candidate) -> Span | None:
        """ "Dans un communiqué de l'armée, il a été précisé…": the document's author."""
        anchor = cand.verb if cand.verb is not None else self._token_at(cand.start)
        if anchor is None or not self.doc.has_annotation("SENT_START"):
            return None
        for tok in anchor.sent:
            if tok.lower_ in lex.document_nouns() and tok.pos_ == "NOUN":
                author = cues.author_of(tok)
                if author is not None:
                    return self._from_phrase(author, (author,))
            size = cues.source_preposition(self.doc, tok.i)
            if size is None and cues.opinion_holder(self.doc, tok.i, anchor.sent):
                size = 1
            if size is not None and tok.i + size < anchor.sent.end:
                nxt = self.doc[tok.i + size : anchor.sent.end]
                head = next((t for t in nxt if t.pos_ in ("NOUN", "PROPN")), None)
                if head is not None:
                    return self._from_phrase(head, (head,))
        return None

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def _persons(doc: Doc) -> list[Span]:
    out = []
    for ent in doc.ents:
        if ent.label_ == "PER" or (ent.label_ == "MISC" and sp.person_in(doc, ent) is not None):
            out.append(sp.trim_title(ent))
    return out


def _covering(subjects: tuple[Token, ...]) -> Span:
    doc = subjects[0].doc
    tokens = [t for s in subjects for t in s.subtree if not _in_clause(t, s)]
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def _in_clause(tok: Token, head: Token) -> bool:
    """Whether ``tok`` sits in a relative clause hanging off ``head``'s phrase."""
    while tok.i != head.i:
        if tok.dep_ in ("acl:relcl", "acl", "advcl"):
            return True
        tok = tok.head
    return False


def _impersonal(pron: Token, verb: Token | None) -> bool:
    """ "il a été précisé", "il est indiqué": no one speaks through this "il"."""
    if pron.lower_ != "il" or verb is None:
        return False
    return verb.lemma_ in _IMPERSONAL or any(c.dep_ == "aux:pass" for c in verb.children)


_DASHES = frozenset({"-", "‐", "–"})


def _whole_name(span: Span) -> Span:
    """A speaker cut at a glued dash ("Mansouri" of "Al-Mansouri", when the parser split the
    name) takes its glued parts back."""
    doc, start, end = span.doc, span.start, span.end

    def glued(i: int) -> bool:  # tokens i, i + 1 (a dash) and i + 2 written as one word
        return (
            i >= 0
            and i + 2 < len(doc)
            and doc[i + 1].text in _DASHES
            and not doc[i].whitespace_
            and not doc[i + 1].whitespace_
            and doc[i].text[:1].isupper()
            and doc[i + 2].text[:1].isupper()
        )

    while glued(start - 2):
        start -= 2
    while glued(end - 1):
        end += 2
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, span.label)
