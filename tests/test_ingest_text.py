"""Ingest units: decoding, normalisation, metadata, dates, boilerplate."""

from __future__ import annotations

import codecs

import pytest

from recoupe.ingest.boilerplate import boilerplate_reason, boilerplate_sections, remove_boilerplate
from recoupe.ingest.dates import parse_date
from recoupe.ingest.decode import DecodeError, binary_reason, decode_bytes
from recoupe.ingest.htmltext import html_to_text
from recoupe.ingest.metadata import Metadata, split_metadata
from recoupe.ingest.normalize import normalize_text
from recoupe.ingest.sizes import too_large
from recoupe.records import Removed

FRENCH = "Le préfet a déclaré : « l’été sera long », l’œuvre coûte 5 € à Noël."

# --- decoding ----------------------------------------------------------------------------


LATIN9 = "L'été coûte 5 € à Noël, dit l'élève."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8-sig"),
        (FRENCH.encode("utf-16"), FRENCH, "utf-16"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
        (LATIN9.encode("iso8859_15"), LATIN9, "iso8859_15"),
    ],
)
def test_decode_french_in_common_encodings(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_latin1_is_not_mistaken_for_central_european() -> None:
    text = "Les élèves du collège ont très bien travaillé, déclare le préfet."
    assert decode_bytes(text.encode("latin-1")).text == text


def test_curly_quotes_of_cp1252_are_not_control_characters() -> None:
    decoded = decode_bytes("“Oui”, dit-il – c’est fini…".encode("cp1252"))
    assert decoded.text == "“Oui”, dit-il – c’est fini…"


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02abc", bytes(range(32)) * 10, b"PK\x03\x04\x14\x00\x06\x00"]
)
def test_binary_data_is_refused(data: bytes) -> None:
    assert binary_reason(data) is not None
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_text_with_tabs_and_form_feeds_is_not_binary() -> None:
    assert binary_reason(b"col1\tcol2\r\n\x0cpage 2\n") is None


# --- normalisation -----------------------------------------------------------------------


def test_normalize_line_endings_trailing_spaces_and_blank_runs() -> None:
    raw = "Premier paragraphe.  \r\nSuite.\t\r\n\r\n\r\n\r\nDeuxième.\rFin.\n\n"
    assert normalize_text(raw) == "Premier paragraphe.\nSuite.\n\nDeuxième.\nFin."


def test_normalize_composes_accents_and_drops_controls() -> None:
    assert normalize_text("e\u0301te\u0301\x07\ufeff") == "été"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Cet Ã©tÃ© Ã  Paris", "Cet été à Paris"),
        ("lâ€™armÃ©e", "l’armée"),
        ("Ã‰tats-Unis", "États-Unis"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert normalize_text(broken) == fixed


def test_good_text_is_left_as_written() -> None:
    text = "« Il l’a dit » — “oui” ; l’œuvre, 2\u202f500 soldats\u00a0: fin…"
    assert normalize_text(text) == text


# --- metadata ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "body"),
    [
        (" date 2021-07 Le texte commence ici.", "2021-07", "Le texte commence ici."),
        ("date 2019-11-02 Une phrase.", "2019-11-02", "Une phrase."),
        ("Date: 2018 Un article.", "2018", "Un article."),
        (" date 2020-05\nSur la ligne suivante.", "2020-05", "Sur la ligne suivante."),
    ],
)
def test_inline_date_prefix_is_read_and_removed(text: str, date: str, body: str) -> None:
    metadata, rest = split_metadata(text)
    assert metadata.date == date
    assert rest == body


@pytest.mark.parametrize(
    "text",
    [
        "La date 2024-03 a été retenue.",
        "Date limite : 2024-03-05 pour les dossiers.",
        "dates 2024 et 2025 retenues",
        "date de 2024",
    ],
)
def test_text_that_only_mentions_a_date_keeps_it(text: str) -> None:
    metadata, rest = split_metadata(text)
    assert metadata == Metadata()
    assert rest == text


def test_header_lines_stop_at_the_first_text_line() -> None:
    text = (
        "Titre : Un titre\nDATE : 5 mars 2024\nlien: https://x.example/a\n\nLe texte.\nSource: ici"
    )
    metadata, rest = split_metadata(text)
    assert metadata == Metadata("Un titre", "5 mars 2024", "https://x.example/a")
    assert rest == "Le texte.\nSource: ici"


def test_front_matter_block() -> None:
    text = '---\ntitle: "Un titre"\ntags: [a, b]\ndate: 2023-02-01\n---\n\n# Un titre\n\nTexte.'
    metadata, rest = split_metadata(text)
    assert metadata == Metadata(title="Un titre", date="2023-02-01")
    assert rest == "# Un titre\n\nTexte."


def test_given_metadata_wins_over_written_metadata() -> None:
    given = Metadata(title="Donné", date=None)
    assert given.or_else(Metadata("Écrit", "2020")) == Metadata("Donné", "2020")


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "timex", "precision"),
    [
        ("2024", "2024", "year"),
        ("2024-03", "2024-03", "month"),
        ("2024-03-05", "2024-03-05", "day"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05", "day"),
        ("2024-03-05 08:00", "2024-03-05", "day"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05", "day"),
        ("5 mars 2024", "2024-03-05", "day"),
        ("1er mars 2024", "2024-03-01", "day"),
        ("mardi 5 mars 2024 à 10h30", "2024-03-05", "day"),
        ("Publié le 12 décembre 2023", "2023-12-12", "day"),
        ("février 2022", "2022-02", "month"),
        ("March 5, 2024", "2024-03-05", "day"),
        ("05/03/2024", "2024-03-05", "day"),
        ("2024/03/05", "2024-03-05", "day"),
    ],
)
def test_dates_are_normalised_to_timex(value: str, timex: str, precision: str) -> None:
    date = parse_date(value)
    assert date is not None
    assert (date.value, date.precision) == (timex, precision)
    assert (date.provenance, date.confidence) == ("metadata", 1.0)


@pytest.mark.parametrize("value", ["", "hier", "2024-13", "2024-02-30", "31/31/2024", "0999"])
def test_unreadable_dates_are_none(value: str) -> None:
    assert parse_date(value) is None


# --- boilerplate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("PUBLICITÉ", "advertising"),
        ("- Publicité -", "advertising"),
        ("Lire aussi : Le port de Lorvan en chiffres", "related-article link"),
        ("► À lire aussi", "related-article link"),
        ("Abonnez-vous", "subscription prompt"),
        ("Il vous reste 75 % de cet article à lire.", "subscription prompt"),
        ("Inscrivez-vous à notre newsletter quotidienne", "newsletter prompt"),
        ("Partager sur Facebook", "social sharing"),
        ("Facebook Twitter LinkedIn E-mail", "social sharing"),
        ("Ce site utilise des cookies pour améliorer votre navigation.", "cookie notice"),
        ("Votre navigateur ne permet pas de lire cette vidéo.", "browser notice"),
        ("12 commentaires", "comments widget"),
        ("Temps de lecture : 3 min", "reading time"),
        ("© 2024 Le Courrier. Tous droits réservés.", "copyright notice"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Les cookies de la boulangerie ont été primés au salon.",
        "La publicité pour le tabac est interdite depuis 1991, a rappelé le ministre.",
        "Les abonnés du réseau de bus seront remboursés.",
        "Partager les richesses, c'est le mot d'ordre des grévistes.",
        "Lire aussi " + "très longtemps " * 20,
        "",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_removal_lists_lines_in_order_and_keeps_the_rest() -> None:
    text = "Un.\n\nPUBLICITÉ\n\nDeux.\nPartager sur Twitter\nTrois."
    kept, removed = remove_boilerplate(text)
    assert kept == "Un.\n\n\nDeux.\nTrois."
    assert removed == (
        Removed("PUBLICITÉ", "advertising"),
        Removed("Partager sur Twitter", "social sharing"),
    )


def test_every_boilerplate_section_has_patterns() -> None:
    sections = boilerplate_sections()
    assert len(sections) >= 8
    assert all(patterns for _, patterns in sections)


# --- small helpers -----------------------------------------------------------------------


def test_html_fragment_to_paragraphs() -> None:
    html = "<p>Un &amp; deux<br>trois</p><script>x()</script><ul><li>quatre</li></ul>cinq"
    assert html_to_text(html) == "Un & deux\n\ntrois\n\nquatre\n\ncinq"


def test_size_reason_names_both_sizes_and_the_option() -> None:
    assert too_large(10, 10) is None
    reason = too_large(6_200_000, 5_000_000)
    assert reason == (
        "file too large: 6,200,000 bytes (6.2 MB) is over the limit of 5,000,000 bytes "
        "(5.0 MB); raise it with --max-bytes"
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            'rendu "avant la fin du mois".La commission',
            'rendu "avant la fin du mois". La commission',
        ),
        ("en 2019.Les grévistes", "en 2019. Les grévistes"),
        ("vraiment ?Non.Elle part", "vraiment ?Non. Elle part"),
        ("M.Durand et les U.S.A sur lejournal.fr", "M.Durand et les U.S.A sur lejournal.fr"),
        ("3.000 morts", "3.000 morts"),
        ("et le SAMU.Le préfet", "et le SAMU. Le préfet"),
        ("la U.S.Army", "la U.S.Army"),
    ],
)
def test_sentences_glued_by_a_lost_space_are_parted(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean
