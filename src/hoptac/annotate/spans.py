"""Offsets from quoted strings, and back: annotators copy text, the tool counts characters.

A *quote* stands for a span in a working ("quotes") file:

- ``"Daniel Kritenbrink"``: the only whole-word occurrence (an error if there are several);
- ``{"q": "Kritenbrink", "n": 2}``: the 2nd whole-word occurrence (1-based);
- ``{"q": "Kritenbrink", "all": true}``: every whole-word occurrence (only in span lists:
  ``mentions``, ``boilerplate``); a span of a list inside another span of the same list is
  dropped, so ``John Kerry`` (all) and ``Kerry`` (all) give each mention once; ``"except":
  ["USS John S. McCain"]`` leaves out the occurrences inside those strings;
- ``{"q": "...", "after": QUOTE}``: the first occurrence after the span of another quote;
- ``{"from": "first words", "to": "last words", "n": 1, "to_n": 1}``: from the n-th occurrence
  of ``from`` to the end of the ``to_n``-th occurrence of ``to`` after it (long clauses);
- ``"sub": true`` on any of these matches inside words too.

A ``[start, end]`` pair is kept as it is. Quotes files hold article text, so they live outside
the repository (``/tmp``); :func:`resolve_doc` turns one into the offsets-only annotation.
"""

from __future__ import annotations

from typing import Any

SPAN_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("title",), "organizations": (), "events": ("trigger", "date", "place"),
    "statements": ("actor_span", "cue", "clause"), "amounts": ("span",),
}
LIST_KEYS: dict[str, tuple[str, ...]] = {"people": ("mentions",), "organizations": ("mentions",)}
LONG = 60  # spans longer than this become from/to quotes


class QuoteError(ValueError):
    """A quote that does not name exactly one place in the text."""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def occurrences(text: str, needle: str, *, sub: bool = False, start: int = 0) -> list[int]:
    """Start offsets of ``needle`` in ``text`` from ``start`` (whole words unless ``sub``)."""
    if not needle:
        raise QuoteError("empty quote")
    found, i = [], text.find(needle, start)
    while i >= 0:
        j = i + len(needle)
        whole = (i == 0 or not (_is_word(text[i - 1]) and _is_word(needle[0]))) and (
            j == len(text) or not (_is_word(text[j]) and _is_word(needle[-1])))
        if sub or whole:
            found.append(i)
        i = text.find(needle, i + 1)
    return found


def locate(text: str, needle: str, n: int | None = None, *, sub: bool = False, start: int = 0) -> list[int]:
    """The ``[start, end]`` of the n-th occurrence (1-based) of a string; without n, the only one."""
    occ = occurrences(text, needle, sub=sub, start=start)
    if not occ:
        raise QuoteError(f"{needle!r} not found" + (f" after offset {start}" if start else ""))
    if n is None:
        if len(occ) > 1:
            raise QuoteError(f"{needle!r} occurs {len(occ)} times: give n (1..{len(occ)})")
        n = 1
    if not 1 <= n <= len(occ):
        raise QuoteError(f"{needle!r} occurs {len(occ)} times, not {n}")
    return [occ[n - 1], occ[n - 1] + len(needle)]


def resolve(text: str, quote: Any) -> list[int]:
    """One span from a quote (see the module docstring), or a ``[start, end]`` pair as given."""
    if isinstance(quote, list) and len(quote) == 2 and all(isinstance(x, int) for x in quote):
        return quote
    if isinstance(quote, str):
        return locate(text, quote)
    if not isinstance(quote, dict):
        raise QuoteError(f"not a quote: {quote!r}")
    sub = bool(quote.get("sub"))
    start = resolve(text, quote["after"])[1] if "after" in quote else 0
    if "from" in quote:
        a = locate(text, quote["from"], quote.get("n", 1 if start else None), sub=True, start=start)[0]
        b = locate(text, quote["to"], quote.get("to_n", 1), sub=True, start=a + len(quote["from"]))[1]
        return [a, b]
    if "q" not in quote:
        raise QuoteError(f"a quote needs q or from/to: {quote!r}")
    return locate(text, quote["q"], quote.get("n", 1 if start else None), sub=sub, start=start)


def resolve_list(text: str, quotes: Any) -> list[list[int]]:
    """A list of spans from quotes; ``{"q": ..., "all": true}`` expands to every occurrence."""
    spans: list[list[int]] = []
    for quote in quotes or []:
        if isinstance(quote, dict) and quote.get("all"):
            needle = quote["q"]
            occ = occurrences(text, needle, sub=bool(quote.get("sub")))
            if not occ:
                raise QuoteError(f"{needle!r} not found")
            # "except": strings whose occurrences hide this one ("McCain" in "USS John S. McCain")
            hidden = [(j, j + len(x)) for x in quote.get("except") or [] for j in occurrences(text, x, sub=True)]
            spans += [[i, i + len(needle)] for i in occ
                      if not any(a <= i and i + len(needle) <= b for a, b in hidden)]
        else:
            spans.append(resolve(text, quote))
    unique = sorted({tuple(s): s for s in spans}.values())
    # "Kerry" (all) inside "John Kerry" (all): the longer mention wins
    return [s for s in unique if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in unique)]


def resolve_doc(doc: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """A quotes document turned into offsets; the errors say which quote failed and why."""
    out = dict(doc)
    errors: list[str] = []

    def one(where: str, quote: Any) -> Any:
        if quote is None:
            return None
        try:
            return resolve(text, quote)
        except (QuoteError, KeyError) as exc:
            errors.append(f"{where}: {exc}")
            return None

    def many(where: str, quotes: Any) -> list[list[int]]:
        try:
            return resolve_list(text, quotes)
        except (QuoteError, KeyError) as exc:
            errors.append(f"{where}: {exc}")
            return []

    out["boilerplate"] = many("boilerplate", doc.get("boilerplate"))
    for key, fields in SPAN_KEYS.items():
        items = []
        for i, item in enumerate(doc.get(key) or []):
            item = dict(item)
            where = f"{key}[{item.get('id', i)}]"
            for f in fields:
                if f in item:
                    item[f] = one(f"{where}.{f}", item[f])
            for f in LIST_KEYS.get(key, ()):
                item[f] = many(f"{where}.{f}", item.get(f))
            items.append(item)
        out[key] = items
    return out, errors


def quote_of(text: str, span: list[int]) -> Any:
    """The shortest quote that resolves back to exactly this span."""
    a, b = span
    s = text[a:b]
    if b - a > LONG:
        head, tail = text[a:a + 25], text[b - 25:b]
        occ_from = occurrences(text, head, sub=True)
        n = occ_from.index(a) + 1
        occ_to = occurrences(text, tail, sub=True, start=a + len(head))
        to_n = occ_to.index(b - len(tail)) + 1
        q: dict[str, Any] = {"from": head, "to": tail, "n": n}
        if to_n > 1:
            q["to_n"] = to_n
        return q
    whole = a in occurrences(text, s)
    occ = occurrences(text, s, sub=not whole)
    if len(occ) == 1 and whole:
        return s
    q = {"q": s, "n": occ.index(a) + 1}
    if not whole:
        q["sub"] = True
    return q


def quote_doc(doc: dict[str, Any], text: str) -> dict[str, Any]:
    """An offsets annotation turned into a quotes document (for editing outside the repository)."""
    out = dict(doc)
    out["boilerplate"] = [quote_of(text, s) for s in doc.get("boilerplate") or []]
    for key, fields in SPAN_KEYS.items():
        items = []
        for item in doc.get(key) or []:
            item = dict(item)
            for f in fields:
                if isinstance(item.get(f), list):
                    item[f] = quote_of(text, item[f])
            for f in LIST_KEYS.get(key, ()):
                item[f] = [quote_of(text, s) for s in item.get(f) or []]
            items.append(item)
        out[key] = items
    return out
