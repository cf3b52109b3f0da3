"""The web app: French pages, JSON API, escaping, CSP, and a dossier it cannot change."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from recoupe.render.highlight import Layer, segment_text
from recoupe.serve.app import create_app, get_conn
from recoupe.serve.search import fts_query, long_text_parts, snippet_parts
from recoupe.store.json_dossier import dossier_to_dict
from recoupe.store.sqlite import write_sqlite
from tests.dossier_samples import HOSTILE, HOSTILE_IMG, TEXT_A, small_dossier
from tests.test_report import parse_tags

PAGES = [
    ("/", ["Vue d'ensemble", "Résumé", "Chiffres clés", "contradictoire", "Principaux acteurs"]),
    (
        "/timeline",
        [
            "Chronologie",
            "2024",
            "5 mars 2024",
            "semaine 11 de 2024",
            "prévu",
            '<span class="cite-when">, vers mars 2024</span>',
            '<span class="cite-when">, non daté</span>',
        ],
    ),
    (
        "/facts",
        [
            "habitants évacués à Valbrune",
            "janvier 2024",
            "Crue à Valbrune",
            "Selon la mairie de Valbrune, <mark>environ 1 500 habitants</mark> ont quitté",
            'selon <a href="/entities/e-mairie">mairie de Valbrune</a>',  # read from SQLite
            "selon la préfecture &lt;script&gt;",
            '<span class="cite-when">, vers mars 2024</span>',
        ],
    ),
    ("/entities", ["Personnes", "Lieux", "Claire Morel", "aussi : Morel"]),
    ("/entities/e-morel", ["Claire Morel", "Nous restons mobilisés", "Mentions par document"]),
    ("/entities/e-valbrune", ["habitants évacués à Valbrune", "environ 1\u202f500"]),
    ("/documents", ["Documents", "date déduite", "empty file"]),
    ("/documents/d-a", ["Crue à Valbrune", "PUBLICITÉ", "Légende", "hl-quantity", "hl-timex"]),
    ("/search?q=evacues", ["Résultats", "<mark>évacués</mark>"]),
    ("/search?q=Morel", ["Claire Morel", "Nous restons mobilisés"]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "dossier.sqlite"
    write_sqlite(small_dossier(), path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_pages_in_french(client: TestClient, url: str, expected: list[str]) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in response.text
    for text in expected:
        assert text in response.text


@pytest.mark.parametrize("url", [url for url, _ in PAGES] + ["/documents/d-b", "/search?q=script"])
def test_article_markup_is_shown_as_text(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert HOSTILE not in html
    assert HOSTILE_IMG not in html
    for name, attrs in parse_tags(html):
        assert name not in {"script", "img", "iframe", "object", "embed"}
        assert not [a for a in attrs if a.startswith("on")]


def test_the_hostile_document_shows_its_markup(client: TestClient) -> None:
    html = client.get("/documents/d-b").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("url", ["/", "/documents/d-b", "/api/dossier", "/static/recoupe.css"])
def test_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "script-src" not in csp  # no script at all outside /docs
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_load_only_from_the_app(client: TestClient) -> None:
    for url, _ in PAGES:
        for _, attrs in parse_tags(client.get(url).text):
            for attr in ("src", "href", "action"):
                value = attrs.get(attr) or ""
                assert not value.startswith(("http:", "https:", "//")), (url, value)


def test_a_source_link_marks_the_passage(client: TestClient) -> None:
    start = TEXT_A.index("1 200")
    html = client.get(f"/documents/d-a?start={start}&end={start + 5}").text
    marked = [a for name, a in parse_tags(html) if a.get("id") == "src"]
    assert len(marked) == 1
    assert "hl-source" in (marked[0].get("class") or "")


def test_unknown_pages_are_404_in_french(client: TestClient) -> None:
    for url in ("/entities/nobody", "/documents/nothing"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Introuvable" in response.text
    assert client.get("/api/documents/nothing").status_code == 404


def test_api_dossier_is_the_json_dossier(client: TestClient) -> None:
    assert client.get("/api/dossier").json() == dossier_to_dict(small_dossier())


@pytest.mark.parametrize(
    ("url", "length"),
    [("/api/documents", 3), ("/api/entities", 3), ("/api/facts", 2), ("/api/timeline", 3),
     ("/api/quotes", 3), ("/api/summary", 2)],
)  # fmt: skip
def test_api_lists(client: TestClient, url: str, length: int) -> None:
    assert len(client.get(url).json()) == length


def test_api_document_and_entity(client: TestClient) -> None:
    doc = client.get("/api/documents/d-a").json()
    assert doc["text"] == TEXT_A
    assert {q["text"] for q in doc["quotes"]} == {"« Nous restons mobilisés »"}
    assert all(TEXT_A[m["start"] : m["end"]] == m["text"] for m in doc["mentions"])
    assert "text" not in client.get("/api/documents").json()[0]
    assert client.get("/api/entities/e-morel").json()["aliases"] == ["Morel", HOSTILE]


def test_api_search(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "évacués"}).json()
    assert {d["id"] for d in found["documents"]} == {"d-a", "d-c"}
    assert "évacués" in found["documents"][0]["matches"]


def test_api_is_documented(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/dossier", "/api/documents/{doc_id}", "/api/facts", "/api/search"):
        assert path in paths
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "(", "*", "évac*", "a" * 300, "NEAR(x y)"])
def test_search_takes_any_input(client: TestClient, q: str) -> None:
    assert client.get("/search", params={"q": q}).status_code == 200


def test_the_app_does_not_accept_writes(client: TestClient) -> None:
    for method in ("post", "put", "delete"):
        assert getattr(client, method)("/documents/d-a").status_code == 405


def test_the_server_connection_cannot_write(db: Path) -> None:
    app = create_app(db)
    connections = get_conn(SimpleNamespace(app=app))  # type: ignore[arg-type]
    conn = next(connections)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
    conn.execute("PRAGMA query_only = OFF")  # even then, the file is opened read-only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM documents")
    connections.close()


def test_serving_leaves_the_file_unchanged(db: Path, client: TestClient) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for url, _ in PAGES:
        client.get(url)
    client.get("/api/dossier")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_create_app_refuses_what_is_not_a_dossier(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "missing.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(ValueError, match="not a recoupe dossier"):
        create_app(other)


@pytest.mark.parametrize(
    ("text", "query"),
    [("États-Unis soldats", '"États" "Unis" "soldats"*'), ('"', ""), ("a OR b", '"a" "OR" "b"*')],
)
def test_fts_query_quotes_every_word(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_snippet_parts() -> None:
    assert snippet_parts("a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]


def test_snippets_of_long_texts_are_cut_in_python() -> None:
    text = "Préambule. " * 50 + "Les États-Unis retirent leurs soldats." + " Suite." * 50
    parts = long_text_parts(text, ["etats"])
    assert [p for p, hit in parts if hit] == ["États"]
    assert "retirent leurs soldats" in "".join(p for p, _ in parts)
    assert not any(hit for _, hit in long_text_parts(text, ["absent"]))


def test_segments_cover_the_text_once() -> None:
    text = "Claire Morel a dit « oui » le 5 mars."
    quote = text.index("« oui »")
    layers = [
        Layer(0, 12, "entity", "Claire Morel", "PER", "e-1"),
        Layer(quote, quote + 7, "quote", "citation"),
        Layer(13, quote + 7, "source"),
        Layer(text.index("5 mars"), text.index("5 mars") + 6, "timex"),
    ]
    segments = segment_text(text, layers)
    assert "".join(s.text for s in segments) == text
    assert [s.anchor for s in segments].count("src") == 1
    by_text = {s.text: s for s in segments}
    assert by_text["Claire Morel"].link == "e-1"
    assert "hl-quote" in by_text["« oui »"].classes and "hl-source" in by_text["« oui »"].classes
