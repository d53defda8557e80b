"""HTML pages: the main text and metadata with trafilatura (dates by htmldate), with a fallback.

trafilatura's text is not aligned with the HTML: hoptac keeps the decoded page in
``Article.raw`` and trafilatura's text in ``Article.meta["extracted"]``; for HTML the
``offsets`` of the cleaned text map into that extracted text (``meta["offsets_base"]`` says so).
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from .rules import CAPTION_MARK

__all__ = ["Extracted", "extract_html", "mark_captions", "mark_lead"]

log = logging.getLogger(__name__)
# trafilatura warns on stderr about pages it finds no text in ("discarding data: None");
# hoptac names such a page itself, in its one skip line.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_FURNITURE = ("header", "nav", "footer", "aside")  # where page clocks and sidebar dates live
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "template", "button", "select")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "pre", "td", "div")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: libxml2 without ``huge_tree`` stops at 256 levels of nesting and 10 MB text nodes (a big
#: inline <script>) and keeps only what came before: such a page lost its article text.
_PARSER = lxml.html.HTMLParser(huge_tree=True)
#: A tag whose attributes run over 8 KB (40,000 attributes: libxml2 checks each against the
#: others, minutes of parsing; a huge inline data: image) keeps its name, not its attributes.
_HUGE_TAG = re.compile(r"<([A-Za-z][\w:-]*)\s[^<>]{8000,}>")


@dataclass
class Extracted:
    """What an HTML page holds: main text (one paragraph a line) and metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] | None = None
    site_name: str | None = None
    method: str = "trafilatura"


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Paragraph text of <article>, <main> or <body> with page furniture removed."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    root = (tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree])[0]
    lines: list[str] = []
    for el in root.iter(*_BLOCKS):
        if el.tag == "div" and any(child.tag in _BLOCKS for child in el):
            continue
        text = " ".join(el.text_content().split())
        if text and (not lines or lines[-1] != text):
            lines.append(text)
    return "\n".join(lines)


def _title_from(tree: lxml.html.HtmlElement) -> str | None:
    for xp in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        found = tree.xpath(xp)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = " ".join(value.split())
            if value:
                return value
    return None


def _has_class(classes: tuple[str, ...]) -> str:
    """An XPath condition: the element's class attribute holds one of these class names."""
    return " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in classes)


def mark_lead(html: str, classes: tuple[str, ...]) -> str:
    """The page with its lead (the first element of a lead class, ``<div class="sapo">``) made a ``<p>``.

    trafilatura drops a lead written as a bare ``<div>`` (with ``favor_precision`` or beside
    the body's paragraphs); the lead carries the report's dateline, place and event. Only a
    leaf block (no paragraphs, lists or tables inside) outside the page furniture, of 30 to
    1,500 characters, is taken: a list of summaries is not a lead.
    """
    if not classes or not any(c in html for c in classes):
        return html
    tree = _parse(html)
    if tree is None:
        return html
    furniture = " or ".join(f"ancestor::{t}" for t in _FURNITURE)
    for el in tree.xpath(f"//*[({_has_class(classes)}) and not({furniture})]"):
        if el.tag in ("p", "h1") or el.getparent() is None:
            return html  # already a paragraph, or the title: trafilatura keeps it
        text = " ".join(el.text_content().split())
        if not 30 <= len(text) <= 1500 or el.xpath(".//p | .//div | .//li | .//table | .//h1"):
            continue
        para = lxml.html.Element("p")
        para.text = text
        para.tail = el.tail
        el.addprevious(para)
        el.getparent().remove(el)
        return lxml.html.tostring(tree, encoding="unicode")
    return html


def mark_captions(html: str, classes: tuple[str, ...]) -> str:
    """The page with each photo caption (``<figcaption>``, caption classes) turned into a marked paragraph.

    trafilatura drops figures and their captions; as marked paragraphs they reach the text,
    where the cleaner keeps them as captions.
    """
    if "figcaption" not in html and not any(c in html for c in classes):
        return html
    tree = _parse(html)
    if tree is None:
        return html
    conds = _has_class(classes)
    found = tree.xpath(f"//figcaption | //*[{conds}]" if conds else "//figcaption")
    if not found:
        return html
    for el in found:
        text = " ".join(el.text_content().split())
        if not text or el.getparent() is None:
            continue
        para = lxml.html.Element("p")
        para.text = CAPTION_MARK + text
        figure = el.getparent() if el.getparent().tag == "figure" else None
        target = figure if figure is not None and figure.getparent() is not None else el
        target.addprevious(para)
        para.tail = target.tail
        target.getparent().remove(target)
    return lxml.html.tostring(tree, encoding="unicode")


def extract_html(html: str, url: str | None = None, *, caption_classes: tuple[str, ...] = (),
                 lead_classes: tuple[str, ...] = ()) -> Extracted:
    """Main text and metadata of a page: trafilatura first, a plain paragraph walk if it fails.

    Before trafilatura, photo captions become marked paragraphs (:func:`mark_captions`) and
    the lead a plain one (:func:`mark_lead`), so that neither is lost.
    """
    doc = None
    html = _HUGE_TAG.sub(r"<\1>", html)
    html = mark_lead(mark_captions(html, caption_classes), lead_classes)
    try:
        page = _parse(html)
        doc = trafilatura.bare_extraction(page if page is not None else html, url=url, include_comments=False, include_tables=True,
                                          include_images=False, with_metadata=True, favor_precision=True,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except (ValueError, TypeError, etree.ParserError) as exc:
        log.info("trafilatura could not read %s: %s", url or "the page", exc)
    text = getattr(doc, "text", None) if doc is not None else None
    meta_title = getattr(doc, "title", None) if doc is not None else None
    author = getattr(doc, "author", None) if doc is not None else None
    site = getattr(doc, "sitename", None) if doc is not None else None
    method = "trafilatura"
    tree = None
    if not text or not text.strip():
        tree = _parse(html)
        if tree is None:
            log.info("unparseable HTML %s", url or "")
            return Extracted("", method="none")
        text = _fallback_text(tree)
        method = "fallback"
    if not meta_title:
        tree = tree if tree is not None else _parse(html)
        meta_title = _title_from(tree) if tree is not None else None
    tree = tree if tree is not None else _parse(html)
    date = _article_date(tree, url) if tree is not None else None  # not trafilatura's: it reads page clocks
    authors = [a.strip() for a in re.split(r";|,", author) if a.strip()] if author else []
    return Extracted(text=text or "", title=meta_title, published=date if date and _ISO.match(date) else None,
                     authors=authors, site_name=site, method=method)


def _article_date(tree: lxml.html.HtmlElement, url: str | None) -> str | None:
    """The date of the article itself: htmldate on the page without its header, menus, sidebars
    and footer (a page clock or a most-read list is never the article's date), structured
    metadata and date elements only, then a dateline line at the top of the article."""
    from .meta import match_dateline
    from .rules import load_rules

    tree = copy.deepcopy(tree)  # a copy: the caller's tree stays whole
    for el in tree.xpath("|".join(f"//{t}" for t in _FURNITURE)):
        if el.getparent() is not None:
            el.drop_tree()
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    except (ValueError, TypeError) as exc:
        log.info("htmldate failed on %s: %s", url or "a page", exc)
        found = None
    if found:
        return found
    root = (tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree])[0]
    rules = load_rules()
    for n, el in enumerate(root.iter("time", "span", "div", "p", "small")):
        if n > 40:
            break
        text = " ".join(el.text_content().split())
        hit = match_dateline(text, rules) if 6 <= len(text) <= 90 else None
        if hit:
            return hit[0]
    return None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's tree (however deep, however long its scripts), or None if it is not HTML."""
    try:
        return lxml.html.fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
