"""Plain text of an HTML fragment (feed entry bodies, JSON fields holding markup)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
        "ul",
    }
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe", "svg"})
_MARKUP = re.compile(r"<(?:p|br|div|span|a|li|ul|h[1-6]|strong|em|b|i|img|blockquote)\b", re.I)
_SPACES = re.compile(r"[ \t\r\n]+")


def looks_like_html(text: str) -> bool:
    return _MARKUP.search(text) is not None


def html_to_text(fragment: str) -> str:
    """Paragraphs of ``fragment`` separated by blank lines; scripts and styles dropped."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)

    def _break(self) -> None:
        paragraph = _SPACES.sub(" ", "".join(self._current)).strip()
        if paragraph:
            self._paragraphs.append(paragraph)
        self._current = []

    def text(self) -> str:
        self._break()
        return "\n\n".join(self._paragraphs)
