"""A Markdown brief of the dossier: summary, key figures, timeline, actors, quotes, sources.

Article text is escaped for Markdown (and for any HTML a renderer would let through).
"""

from __future__ import annotations

import re
from typing import Any

from recoupe.render import view
from recoupe.render.french import as_of, format_date, format_value, label

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_BREAKS = re.compile(r"[ \t\r\n]+")  # not the narrow no-break space of French numbers
TOP_ENTITIES = 15


def md(text: str | None) -> str:
    """Text safe inside a Markdown line: specials escaped, line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", text or "").strip())


def _cited(item: dict[str, Any]) -> str:
    """A source as the brief cites it: its label in italics, then its date."""
    return f"*{md(item['doc_label'])}*, {md(item['doc_when'])}"


def _summary(data: dict[str, Any], docs: view.DocIndex) -> list[str]:
    lines = ["## Résumé", ""]
    for s in data["summary"]:
        sources = ", ".join(sorted({_cited(docs.source(x)) for x in s["sources"]}))
        lines.append(f"- {md(s['text'])}" + (f" ({sources})" if sources else ""))
    return [*lines, ""] if data["summary"] else [*lines, "*Pas de résumé.*", ""]


def _facts(data: dict[str, Any], docs: view.DocIndex) -> list[str]:
    lines = ["## Chiffres clés", ""]
    for fact in view.facts_view(data["facts"], docs):
        lines.append(f"- **{md(fact['label'])}** — {label('status', fact['status'])}")
        for o in fact["observations"]:
            when = f" {as_of(o['as_of'])}" if o.get("as_of") else ""
            said = _in_sentence(o)
            lines.append(f"  - {md(format_value(o))}{when} — {_cited(o)} : « {said} »")
    return [*lines, ""] if data["facts"] else [*lines, "*Aucun chiffre recoupé.*", ""]


def _in_sentence(o: dict[str, Any]) -> str:
    """The figure in its sentence, the figure in bold ("… au Niger et **400** au Tchad …")."""
    context = o.get("context")
    if not context:
        return md(o["excerpt"])
    before, match, after = (md(context[k]) for k in ("before", "match", "after"))
    space_before = " " if context["before"][-1:].isspace() else ""
    space_after = " " if context["after"][:1].isspace() else ""
    return f"{before}{space_before}**{match}**{space_after}{after}".strip()


def _timeline(data: dict[str, Any], docs: view.DocIndex) -> list[str]:
    lines = ["## Chronologie", ""]
    names = view.entity_names(data["entities"])
    shown = view.top_timeline(data["timeline"], view.TIMELINE_ENTRIES)
    if len(shown) < len(data["timeline"]):
        lines += [
            f"*Les {len(shown)} événements rapportés par le plus de sources,"
            f" sur {len(data['timeline'])}.*",
            "",
        ]
    for group in view.timeline_view(shown, docs, names):
        lines += [f"### {md(group['year'])}", ""]
        for e in group["entries"]:
            sources = ", ".join(dict.fromkeys(_cited(s) for s in e["sources"]))
            future = " (prévu)" if e.get("future") else ""
            lines.append(
                f"- **{md(format_date(e['date']['value']))}**{future} — {md(e['headline'])}"
                + (f" ({sources})" if sources else "")
            )
        lines.append("")
    return lines if data["timeline"] else [*lines, "*Aucune date.*", ""]


def _entities(data: dict[str, Any]) -> list[str]:
    lines = ["## Acteurs", ""]
    for e in view.top_entities(data["entities"], TOP_ENTITIES):
        aliases = f" — aussi : {md(', '.join(e['aliases']))}" if e["aliases"] else ""
        kind = label("entity_type", e["type"])
        count = e["mention_count"]
        mentions = f"{count} mention{'s' if count > 1 else ''}"
        lines.append(f"- **{md(e['name'])}** ({kind}, {mentions}){aliases}")
    return [*lines, ""]


def _quotes(data: dict[str, Any], docs: view.DocIndex) -> list[str]:
    lines = ["## Citations", ""]
    for q in view.quotes_view(data["quotes"], docs, view.entity_names(data["entities"])):
        who = md(q["speaker_name"]) or "locuteur inconnu"
        lines += [f"> {md(q['text'])}", ">", f"> — {who}, {_cited(q)}", ""]
    return lines


def _documents(data: dict[str, Any]) -> list[str]:
    lines = ["## Documents", "", "| Document | Source | Date | Provenance |", "|---|---|---|---|"]
    for d in data["documents"]:
        date = format_date(d["date"]["value"]) if d["date"]["value"] else "—"
        lines.append(
            f"| {md(view.doc_label(d))} | {md(d.get('source')) or '—'} | {md(date)} "
            f"| {label('provenance', d['date']['provenance'])} |"
        )
    lines.append("")
    for s in data["skipped"]:
        lines.append(f"- Ignoré : `{s['path'].replace('`', '')}` — {md(s['reason'])}")
    return lines


def markdown_brief(data: dict[str, Any]) -> str:
    """The brief as Markdown text, from a contract dict."""
    docs = view.DocIndex(data["documents"])
    period = view.date_span(data["documents"])
    head = ["# Dossier recoupé", "", f"*{len(data['documents'])} documents"
            + (f", {period}" if period else "") + "*", ""]  # fmt: skip
    sections = (
        head + _summary(data, docs) + _facts(data, docs) + _timeline(data, docs)
        + _entities(data) + _quotes(data, docs) + _documents(data)
    )  # fmt: skip
    return "\n".join(sections).rstrip() + "\n"
