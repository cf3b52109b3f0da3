"""The Jinja2 environment shared by the report and the web app: autoescape always on.

Templates link to documents and entities through ``doc_url`` and ``entity_url``: anchors in
the one-page report, pages in the web app.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

import jinja2

from recoupe.render.french import as_of, format_date, format_number, format_value, label

DocUrl = Callable[..., str]  # (doc_id, start=None, end=None) -> url
EntityUrl = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Links:
    doc_url: DocUrl
    entity_url: EntityUrl


def _anchor_doc_url(doc_id: str, start: int | None = None, end: int | None = None) -> str:
    return f"#doc-{doc_id}"


def _anchor_entity_url(entity_id: str) -> str:
    return f"#ent-{entity_id}"


REPORT_LINKS = Links(_anchor_doc_url, _anchor_entity_url)


def _label_filter(key: str | None, group: str) -> str:
    return label(group, key)


def make_environment(loader: jinja2.BaseLoader, links: Links) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,  # every template, whatever its name: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        fdate=format_date, fnum=format_number, fvalue=format_value, label=_label_filter, asof=as_of
    )
    env.globals.update(doc_url=links.doc_url, entity_url=links.entity_url)
    return env


def render_loader() -> jinja2.BaseLoader:
    return jinja2.PackageLoader("recoupe.render", "templates")


@functools.cache
def stylesheet() -> str:
    return files("recoupe.render").joinpath("templates", "recoupe.css").read_text("utf-8")
