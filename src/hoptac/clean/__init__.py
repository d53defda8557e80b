"""Stage ``clean``: raw input to the article's text and metadata.

Steps of :func:`clean`:

1. HTML pages: trafilatura extracts the main text and the metadata (title, date by htmldate,
   authors, site name); the extracted text goes through the plain-text steps below, and the
   metadata wins over what those find. ``raw`` keeps the decoded page; ``offsets`` then map
   into ``meta["extracted"]`` (``meta["offsets_base"] == "extracted"``).
2. Crawler Markdown (a ``.md`` file, or a ``.txt`` whose syntax density says Markdown):
   :func:`hoptac.clean.markdown.strip_markdown` cuts the syntax and the navigation lines and
   reads the crawler's header (title, URL, date); the result goes through the plain-text steps
   and ``offsets`` are composed back to the raw input.
3. Plain text (:func:`hoptac.clean.plain.clean_text`): title, dateline, bylines, outlet,
   end matter, furniture lines, photo credits cut and captions marked.
4. Set ``text`` (title line first, then one paragraph a line), ``title``, ``published``,
   ``outlet``, ``authors``, ``site_name``, ``captions``, ``paragraphs``, ``offsets``.
5. Drop the article (``Drop``) when no text is left.

Spellings are kept as the article writes them; matching keys come from
:mod:`hoptac.clean.normalize`.
"""

from __future__ import annotations

import re

from ..errors import Drop
from ..model import Article
from ..settings import Settings
from .markdown import compose_offsets, looks_like_markdown, strip_markdown
from .meta import hint_date, is_instant
from .normalize import fold_tones, nfc, search_key, strip_diacritics
from .plain import clean_text
from .rules import load_rules

__all__ = ["clean", "fold_tones", "nfc", "prose_words", "search_key", "strip_diacritics"]

_WORD = re.compile(r"\w*[^\W\d_]\w*")  # a word holds a letter: numbers and punctuation are not prose


_HOST = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+")


def clean(article: Article, settings: Settings) -> Article:
    """Set the cleaned text and metadata of an article by the module's steps; Drop if empty."""
    rules = load_rules()
    if article.content_type == "html":
        from .html import extract_html

        ex = extract_html(article.raw, article.url, caption_classes=rules.html_caption_classes,
                          lead_classes=rules.html_lead_classes)
        extracted = nfc(ex.text)
        article.meta["extracted"] = extracted
        article.meta["offsets_base"] = "extracted"
        article.meta["extractor"] = ex.method
        title = nfc(ex.title) if ex.title else None
        first = next((ln.strip() for ln in extracted.splitlines() if ln.strip()), "")
        if title and first != title:  # the page's title line first, as in plain text (not in offsets)
            layout = clean_text(f"{title}\n{extracted}", rules, find_title=True)
            _shift_offsets(layout, len(title) + 1)
        else:
            layout = clean_text(extracted, rules, find_title=bool(title))
        article.title = title or layout.title
        _date(article, ex.published, "page metadata", layout.published)
        article.authors = [nfc(a) for a in ex.authors or []] or layout.authors
        article.site_name = nfc(ex.site_name) if ex.site_name else None
        # a bare host name ("tuoitre.vn", trafilatura's guess from the URL) yields to a crawler's named site
        guessed = bool(article.site_name and _HOST.fullmatch(article.site_name))
        article.outlet = layout.outlet or (None if guessed and _hint(article, "outlet_hint") else article.site_name)
    elif article.content_type == "markdown" or looks_like_markdown(article.raw):
        md = strip_markdown(article.raw, rules)
        article.meta["offsets_base"] = "raw"
        article.meta["markdown"] = True
        layout = clean_text(md.text, rules)
        layout.offsets = compose_offsets(layout.offsets, md.segments)
        article.title = md.title or layout.title
        _date(article, _iso(md.published), "crawler header", layout.published)
        article.authors = md.authors or layout.authors
        article.site_name = md.site_name
        article.outlet = layout.outlet or md.site_name
        article.url = article.url or md.url
    else:
        article.meta["offsets_base"] = "raw"
        layout = clean_text(article.raw, rules)
        article.title = layout.title
        _date(article, None, "", layout.published)
        article.authors = layout.authors
        article.outlet = layout.outlet
    article.title = article.title or _hint(article, "title_hint")
    if not article.published and _hint(article, "published_hint"):
        article.published = _iso(_hint(article, "published_hint"))
        if article.published:
            article.published_provenance = "metadata"
            article.published_basis = str(article.meta.get("published_hint_basis") or "feed entry")
    article.outlet = article.outlet or _hint(article, "outlet_hint")
    _user_metadata(article, settings)
    article.text = layout.text
    article.offsets = layout.offsets
    article.captions = layout.captions
    article.paragraphs = layout.paragraphs
    if layout.title_span:
        article.meta["title_span"] = layout.title_span
    if not article.text.strip():
        raise Drop("no article text after cleaning (empty page or only boilerplate)")
    return article


def prose_words(raw: str) -> int:
    """Words of prose in a plain-text or Markdown page once cleaned, title not counted: is it an article at all?"""
    rules = load_rules()
    if looks_like_markdown(raw):
        raw = strip_markdown(raw, rules).text
    layout = clean_text(nfc(raw), rules)
    text = layout.text
    if layout.title_span:
        text = text[:layout.title_span[0]] + text[layout.title_span[1]:]
    return len(_WORD.findall(text))


def _date(article: Article, page_date: str | None, page_basis: str, date_line: str | None) -> None:
    """The publication date and where it came from: the page's own metadata, else the text's date line."""
    if page_date:
        article.published, article.published_provenance, article.published_basis = page_date, "metadata", page_basis
    elif date_line:
        article.published, article.published_provenance, article.published_basis = date_line, "stated", "date line"
    else:
        article.published = article.published_provenance = article.published_basis = None


def _iso(value: str | None) -> str | None:
    """A date hint (a crawler record's or header's) as an ISO date, month or year (None when unreadable)."""
    from ..ingest.metafile import normalize_date

    instant = hint_date(value, load_rules()) if value and is_instant(value) else None
    try:
        return instant or normalize_date(value)
    except ValueError:
        return hint_date(value or "", load_rules())


def _user_metadata(article: Article, settings: Settings) -> None:
    """What the user's metadata file (``settings.meta_file``) says of this source wins."""
    if settings.meta_file is None:
        return
    from ..ingest.metafile import lookup

    meta = lookup(settings.meta_file, article.source, article.url)
    if not meta:
        return
    if meta.get("published"):
        article.published = meta["published"]
        article.published_provenance = "metadata"
        article.published_basis = f"metadata file {settings.meta_file.name}"
        article.published_window = None
    article.url = meta.get("url") or article.url
    article.outlet = meta.get("outlet") or article.outlet
    article.title = meta.get("title") or article.title


def _hint(article: Article, key: str) -> str | None:
    """A reader's hint (a feed entry's title or date), used when the page itself has none."""
    value = article.meta.get(key)
    return nfc(str(value)) if value else None


def _shift_offsets(layout, n: int) -> None:
    """Offsets of a layout built on ``title + "\\n" + extracted`` made relative to ``extracted``."""
    kept = []
    for c, r, length in layout.offsets:
        if r + length <= n:
            continue  # the title, which is not in the extracted text
        if r < n:
            c, length, r = c + (n - r), length - (n - r), n
        kept.append((c, r - n, length))
    layout.offsets = kept
