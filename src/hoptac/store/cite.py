"""Citations: outlet, title, date, URL and the quote of a record, as one line a memo can take.

The parts missing from an article (a corpus file has no URL) are left out, never invented;
a file source stands in for the URL only when there is no URL at all.
"""

from __future__ import annotations

from typing import Any


def citation(*, outlet: str | None, title: str | None, date: str | None, url: str | None,
             quote: str | None = None, source: str | None = None) -> str:
    """``Outlet, “Title”, 2019-05-31, https://…: “quote”`` with the missing parts left out."""
    parts = [p for p in (outlet, f"“{title.strip()}”" if title and title.strip() else None, date,
                         url or (_file(source) if source and not outlet else None)) if p]
    head = ", ".join(parts)
    q = " ".join((quote or "").split())
    return f"{head}: “{q}”" if q else head


def _file(source: str) -> str:
    """A file source by its name alone (a local path means nothing to the memo's reader)."""
    return source if "://" in source else source.replace("\\", "/").rsplit("/", 1)[-1]


def statement_citation(s: dict[str, Any]) -> str:
    """The citation of a statement dict (the statements listing's shape)."""
    return citation(outlet=s.get("outlet"), title=s.get("article_title"), date=s.get("published") or s.get("date"),
                    url=s.get("url"), quote=s.get("text"), source=s.get("source"))


def with_citations(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statement dicts with their ``citation`` line added."""
    return [{**s, "citation": statement_citation(s)} for s in items]
