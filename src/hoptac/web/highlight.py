"""Untrusted text to safe HTML: evidence highlighting by slicing, and search snippets.

Article text is untrusted input. :func:`highlight` cuts the text at every span boundary and
escapes each piece before wrapping it; :func:`snippet_html` escapes a search snippet and
turns only the store's ``<mark>``/``</mark>`` markers back into tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from .i18n import Translator

KINDS = ("person", "organization", "place", "framework", "amount", "act")
_MARK = re.compile(r"(</?mark>)")


@dataclass(frozen=True)
class Span:
    """A labelled character range of the text: ``kind`` is one of :data:`KINDS`."""

    start: int
    end: int
    kind: str
    label: str
    css: str = ""
    anchor: str | None = None


def article_spans(article: dict[str, Any], tr: Translator) -> list[Span]:
    """Every evidence span of an exported article, labelled in the page language."""
    spans: list[Span] = []
    named = (("people", "person"), ("organizations", "organization"), ("places", "place"),
             ("frameworks", "framework"))
    for key, kind in named:
        for item in article.get(key) or []:
            label = f"{tr.label('highlights', kind)}: {item.get('name', '')}"
            if kind == "person" and item.get("title"):
                label += f" ({item['title']})"
            for m in item.get("mentions") or []:
                spans.append(Span(int(m[0]), int(m[1]), kind, label))
    for a in article.get("amounts") or []:
        ev = a.get("evidence")
        if ev:
            spans.append(Span(int(ev[0]), int(ev[1]), "amount",
                              f"{tr.label('amount_kinds', a.get('kind'))}: {a.get('text', '')}"))
    for i, s in enumerate(article.get("statements") or []):
        ev = s.get("evidence")
        if ev:
            label = f"{tr.label('acts', s.get('act'))}: {s.get('actor') or ''}"
            spans.append(Span(int(ev[0]), int(ev[1]), "act", label, css=f"hl-act-{s.get('act')}", anchor=f"st-{i}"))
    return spans


def highlight(text: str, spans: list[Span], extra_anchors: dict[int, list[str]] | None = None) -> Markup:
    """The text as HTML, each piece escaped, pieces under spans wrapped in typed ``<span>``s.

    Overlapping spans are handled by cutting the text at every boundary: each piece carries
    the classes of every span covering it. Invalid spans (outside the text, empty) are
    ignored. ``extra_anchors`` places empty anchors (``id``) at given offsets.
    """
    n = len(text)
    good = [s for s in spans if 0 <= s.start < s.end <= n]
    anchors: dict[int, list[str]] = {}
    for pos, names in (extra_anchors or {}).items():
        if 0 <= pos <= n:
            anchors.setdefault(pos, []).extend(names)
    for s in good:
        if s.anchor:
            anchors.setdefault(s.start, []).append(s.anchor)
    cuts = sorted({0, n, *anchors, *(s.start for s in good), *(s.end for s in good)})
    out: list[str] = []
    for a, b in pairwise(cuts):
        for name in anchors.get(a, []):
            out.append(f'<span class="anchor" id="{escape(name)}"></span>')
        piece = escape(text[a:b])
        cover = [s for s in good if s.start <= a and b <= s.end]
        if not cover:
            out.append(str(piece))
            continue
        classes = ["hl"]
        for s in cover:
            classes += [f"hl-{s.kind}", s.css]
        title = " · ".join(dict.fromkeys(s.label for s in cover))
        cls = " ".join(dict.fromkeys(c for c in classes if c))
        out.append(f'<span class="{escape(cls)}" title="{escape(title)}">{piece}</span>')
    for name in anchors.get(n, []):
        out.append(f'<span class="anchor" id="{escape(name)}"></span>')
    return Markup("".join(out))


def snippet_html(snippet: str | None) -> Markup:
    """A store snippet as HTML: everything escaped, only balanced ``<mark>`` markers kept."""
    out: list[str] = []
    open_ = False
    for part in _MARK.split(snippet or ""):
        if part == "<mark>":
            if not open_:
                out.append("<mark>")
                open_ = True
        elif part == "</mark>":
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(str(escape(part)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))
