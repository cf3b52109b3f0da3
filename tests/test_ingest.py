"""Ingest end to end: seeds, folders with bad files, every format, failures kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

import recoupe.ingest as ingest
from recoupe.ingest import InputNotFound, load_inputs
from recoupe.records import UNKNOWN_DATE, Document, IngestResult, Skipped
from recoupe.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _load(*paths: Path | str, settings: Settings | None = None) -> IngestResult:
    return load_inputs(list(paths), settings or Settings())


def _by_name(result: IngestResult) -> dict[str, Document]:
    return {Path(d.path.split("#")[0]).name + _fragment(d.path): d for d in result.documents}


def _fragment(path: str) -> str:
    return "#" + path.split("#")[1] if "#" in path else ""


def _skips(result: IngestResult) -> dict[str, str]:
    return {Path(s.path.split("#")[0]).name + _fragment(s.path): s.reason for s in result.skipped}


# --- the seed articles ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    result = _load(seeds_dir)
    assert result.skipped == ()
    return {Path(d.path).name[:3]: d for d in result.documents}


def test_seeds_give_five_documents_in_file_order(seeds: dict[str, Document]) -> None:
    assert list(seeds) == ["000", "001", "002", "003", "004"]
    assert len({d.id for d in seeds.values()}) == 5
    assert all(d.duplicate_of is None for d in seeds.values())


@pytest.mark.parametrize(
    ("name", "value", "start"),
    [("002", "2024-03", "Les discussions"), ("003", "2024-01", "Les deux pays")],
)
def test_seed_metadata_prefix_becomes_the_date(
    seeds: dict[str, Document], name: str, value: str, start: str
) -> None:
    document = seeds[name]
    assert document.date.value == value
    assert document.date.precision == "month"
    assert document.date.provenance == "metadata"
    assert document.date.confidence == 1.0
    assert document.text.startswith(start)
    assert "date " + value not in document.text


def test_seed_advertising_line_is_removed_and_listed(seeds: dict[str, Document]) -> None:
    document = seeds["003"]
    assert [(r.text, r.reason) for r in document.removed] == [("PUBLICITÉ", "advertising")]
    assert "PUBLICITÉ" not in document.text
    assert "\n\n\n" not in document.text


@pytest.mark.parametrize("name", ["000", "001", "004"])
def test_seeds_without_metadata_are_undated_and_untouched(
    seeds: dict[str, Document], seeds_dir: Path, name: str
) -> None:
    document = seeds[name]
    assert document.date == UNKNOWN_DATE
    assert document.removed == ()
    assert document.text == Path(document.path).read_text(encoding="utf-8").strip()


def test_seed_text_after_prefix_is_kept_verbatim(seeds: dict[str, Document]) -> None:
    original = Path(seeds["002"].path).read_text(encoding="utf-8").strip()
    assert original.endswith(seeds["002"].text)
    assert len(original) - len(seeds["002"].text) == len("date 2024-03 ")


def test_ids_are_stable_across_runs(seeds_dir: Path, seeds: dict[str, Document]) -> None:
    again = _load(seeds_dir)
    assert [d.id for d in again.documents] == [d.id for d in seeds.values()]
    assert all(d.id.startswith("d-") and len(d.id) == 14 for d in again.documents)


# --- bad input ---------------------------------------------------------------------------


def test_mixed_folder_skips_empty_and_binary_and_decodes_latin1() -> None:
    skipped: list[Skipped] = []
    result = load_inputs([FIXTURES / "mixed"], Settings(), on_skip=skipped.append)
    assert _skips(result) == {
        "binary.txt": "binary file (contains NUL bytes), not text",
        "empty.txt": "empty file",
    }
    assert skipped == list(result.skipped)
    texts = {Path(d.path).name: d.text for d in result.documents}
    assert set(texts) == {"good.txt", "latin1.txt"}  # the hidden file is ignored
    assert texts["latin1.txt"] == "Le comité a décidé d'évacuer les élèves du lycée."


def test_paths_keep_the_form_the_user_gave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Deuxième texte.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Premier texte.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("Caché.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _load(".")
    assert [d.path for d in result.documents] == ["a.txt", "sub/b.txt"]


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    seen: list[Skipped] = []
    with pytest.raises(InputNotFound) as raised:
        load_inputs([FIXTURES / "mixed", tmp_path / "nope.txt"], Settings(), seen.append)
    assert raised.value.path == str(tmp_path / "nope.txt")
    assert str(tmp_path / "nope.txt") in str(raised.value)
    assert seen == []


def test_oversize_file_is_skipped_with_the_limit_and_the_option() -> None:
    result = _load(FIXTURES / "latin1.txt", settings=Settings(max_bytes=100))
    (reason,) = _skips(result).values()
    assert "120 bytes" in reason and "100 bytes" in reason and "--max-bytes" in reason
    assert result.documents == ()


def test_size_limit_applies_to_each_record_of_a_container(tmp_path: Path) -> None:
    lines = ['{"text": "Court."}', '{"text": "Un texte bien trop long pour la limite."}']
    (tmp_path / "records.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = _load(tmp_path / "records.jsonl", settings=Settings(max_bytes=20))
    assert [d.text for d in result.documents] == ["Court."]
    assert "over the limit of 20 bytes" in _skips(result)["records.jsonl#2"]


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Texte protégé.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Texte lisible.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = _load(tmp_path)
    assert _skips(result) == {"locked.txt": "unreadable: Permission denied"}
    assert [d.text for d in result.documents] == ["Texte lisible."]


def test_a_crash_on_one_file_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ingest.read_outcomes

    def flaky(kind: str, path: str, data: bytes, settings: Settings) -> list[object]:
        if path.endswith("good.txt"):
            raise RuntimeError("parser exploded")
        return real(kind, path, data, settings)  # type: ignore[return-value]

    monkeypatch.setattr(ingest, "read_outcomes", flaky)
    result = _load(FIXTURES / "mixed")
    assert _skips(result)["good.txt"] == "could not be read: RuntimeError: parser exploded"
    assert [Path(d.path).name for d in result.documents] == ["latin1.txt"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("blank.txt", "empty file (whitespace only)"),
        ("binary.txt", "binary file (contains NUL bytes), not text"),
        ("image.png", "unsupported file type '.png'"),
        ("invalid.json", "invalid JSON: Expecting property name"),
        ("not-a-feed.xml", "not an RSS/Atom feed"),
        ("only-boilerplate.txt", "no text left once metadata and boilerplate were removed"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(name: str, reason: str) -> None:
    result = _load(FIXTURES / name)
    assert result.documents == ()
    assert _skips(result)[name].startswith(reason)


def test_a_single_path_may_be_given_bare() -> None:
    result = load_inputs(str(FIXTURES / "mixed" / "good.txt"), Settings())  # type: ignore[arg-type]
    assert [Path(d.path).name for d in result.documents] == ["good.txt"]


def test_urls_are_skipped_not_fetched() -> None:
    result = _load("https://example.org/article")
    assert result.skipped == (
        Skipped(
            "https://example.org/article", "URLs are not fetched: save the page and give the file"
        ),
    )


# --- formats -----------------------------------------------------------------------------


def test_header_lines_give_metadata_and_leave_the_text() -> None:
    (document,) = _load(FIXTURES / "headers.txt").documents
    assert document.title == "La crue de la Vellanne"
    assert document.source == "Le Courrier de l'Estuaire"
    assert document.url == "https://courrier-estuaire.example/crue"
    assert (document.date.value, document.date.precision) == ("2024-03-05", "day")
    assert document.text == (
        "La rivière est sortie de son lit dans la nuit de lundi à mardi.\n\n"
        "Quelque 200 habitants ont été évacués, selon la préfecture."
    )
    assert [r.reason for r in document.removed] == ["related-article link", "social sharing"]


def test_html_main_text_without_navigation_and_with_meta() -> None:
    (document,) = _load(FIXTURES / "page.html").documents
    assert document.title == "Grève des dockers au port de Lorvan"
    assert document.source == "Le Courrier de l'Estuaire"
    assert document.url == "https://courrier-estuaire.example/greve-dockers"
    assert (document.date.value, document.date.provenance) == ("2023-11-14", "metadata")
    assert "quelque 300 salariés" in document.text
    assert "« Nous ne reprendrons pas" in document.text
    for chrome in ("Accueil", "Menu principal", "Mentions légales", "Partager", "Les plus lus"):
        assert chrome not in document.text
    assert "Lire aussi : Le port de Lorvan en chiffres" in [r.text for r in document.removed]


def test_json_list_records_with_aliases_and_bad_records() -> None:
    result = _load(FIXTURES / "articles.json")
    docs = _by_name(result)
    first, fourth = docs["articles.json#1"], docs["articles.json#4"]
    assert first.title == "Les dockers en grève"
    assert (first.date.value, first.date.precision) == ("2023-11-14", "day")
    assert first.url == "https://courrier-estuaire.example/greve"
    assert fourth.title == "Deuxième jour" and fourth.source == "Radio Estuaire"
    assert fourth.text == "Le mouvement se poursuit.\n\nLa direction propose une réunion."
    assert (fourth.date.value, fourth.date.precision) == ("2023-11", "month")
    skips = _skips(result)
    assert skips["articles.json#2"].startswith("JSON record has no text")
    assert skips["articles.json#3"] == "JSON record is a str, not an object"


def test_json_single_object() -> None:
    (document,) = _load(FIXTURES / "one.json").documents
    assert document.path.endswith("one.json")
    assert (document.date.value, document.date.precision) == ("2022", "year")


def test_jsonl_bad_lines_are_skipped_one_by_one() -> None:
    result = _load(FIXTURES / "articles.jsonl")
    assert [(Path(d.path).name, d.text) for d in result.documents] == [
        ("articles.jsonl#1", "Premier article de la liste."),
        ("articles.jsonl#5", "Dernier article de la liste."),
    ]
    skips = _skips(result)
    assert skips["articles.jsonl#2"].startswith("invalid JSON on line 2")
    assert skips["articles.jsonl#4"].startswith("JSON record has no text")


def test_rss_feed_entries_with_rfc822_dates_and_html_bodies() -> None:
    result = _load(FIXTURES / "feed.rss")
    (document,) = result.documents
    assert document.path.endswith("feed.rss#1")
    assert document.title == "Grève au port"
    assert document.source == "Radio Estuaire"
    assert document.url == "https://radio-estuaire.example/greve"
    assert (document.date.value, document.date.precision) == ("2023-11-14", "day")
    assert (
        document.text == "Les dockers de Lorvan ont voté la grève.\n\nLe préfet appelle au calme."
    )
    assert _skips(result)["feed.rss#2"].startswith("feed entry has no text")


def test_atom_feed_entry_content_and_boilerplate() -> None:
    (document,) = _load(FIXTURES / "feed.atom").documents
    assert document.title == "La décrue s'amorce"
    assert document.source == "Le Courrier de l'Estuaire"
    assert document.date.value == "2024-03-05"
    assert document.text == (
        "La rivière a commencé à baisser dans la nuit.\n\nLes habitants rentrent chez eux."
    )
    assert [r.text for r in document.removed] == ["PUBLICITÉ"]


def test_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(
        "<!DOCTYPE html><html><head><title>Titre</title></head><body><article>"
        "<p>Un paragraphe assez long pour être retenu comme texte principal de la page.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "records").write_text('[{"text": "Depuis un JSON sans extension."}]', "utf-8")
    docs = _by_name(_load(FIXTURES / "notes", tmp_path))
    assert docs["notes"].text == "Un fichier sans extension, lu comme du texte."
    assert docs["page"].title == "Titre"
    assert docs["records#1"].text == "Depuis un JSON sans extension."


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("latin1.txt", "L'été dernier, à Vellanne, les élèves ont étudié la crue de la rivière."),
        ("cp1252.txt", "Le préfet a déclaré : “Nous n’avons pas le choix”."),
        ("bom.txt", "Crue à Vellanne : la décrue est amorcée depuis jeudi soir."),
        ("utf16.txt", "La décrue se confirme à Vellanne."),
        ("mojibake.txt", "Cet été, la rivière a débordé à deux reprises."),
    ],
)
def test_encodings_are_decoded(name: str, text: str) -> None:
    (document,) = _load(FIXTURES / name).documents
    assert document.text.split("\n")[0] == text


def test_cp1252_keeps_euro_and_oe_ligature_and_drops_crlf() -> None:
    (document,) = _load(FIXTURES / "cp1252.txt").documents
    assert "500 € ; l’œuvre" in document.text
    assert "\r" not in document.text


def test_duplicates_across_files_are_linked_not_dropped(tmp_path: Path) -> None:
    text = "Les pompiers ont évacué quarante familles du quartier de la gare mardi soir."
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    first, second, third = _load(tmp_path).documents
    assert first.duplicate_of is None
    assert second.duplicate_of == first.id and third.duplicate_of == first.id
    assert len({first.id, second.id, third.id}) == 3


@pytest.mark.parametrize(
    ("path", "url", "value"),
    [
        ("archive/2011-03-22/ext_4.txt", None, "2011-03-22"),
        ("depeches/20110322-afp.txt", None, "2011-03-22"),
        ("notes/rapport_2023-01-15.txt", None, "2023-01-15"),
        ("page.html", "https://example.org/monde/2024/03/05/titre.html", "2024-03-05"),
        ("2011-13-45/x.txt", None, None),  # no such day
        ("seeds/000_article.txt", None, None),
        ("ids/v12345678.txt", None, None),
    ],
)
def test_a_day_in_the_path_dates_the_document(
    path: str, url: str | None, value: str | None
) -> None:
    from recoupe.ingest.dates import date_from_path

    found = date_from_path(path, url)
    assert (found.value if found else None) == value
    if found:
        assert found.provenance == "metadata" and found.evidence


def test_a_date_header_wins_over_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "2011-03-22"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date: 2011-03-20\n\nLe texte de l'article, daté par son en-tête."
    )
    (folder / "b.txt").write_text("Le texte d'un autre article, daté par son dossier seulement.")
    dates = {Path(d.path).name: d.date.value for d in load_inputs([tmp_path], Settings()).documents}
    assert dates == {"a.txt": "2011-03-20", "b.txt": "2011-03-22"}
