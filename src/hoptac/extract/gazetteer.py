"""The gazetteers of ``resources/gazetteer/`` (surnames, titles, places, organizations,
frameworks, leaders, event cues, name boundaries), loaded once and compiled into matchers.

Also the small word-level helpers every entity module shares: Vietnamese-syllable shape,
capitalization, and underthesea's bundled word list (used to tell that ``Ngoại giao`` or
``Hải quân`` is one word although its second syllable is lower case).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..resources import safe_load
from ..settings import RESOURCES
from .fastre import bounded

GAZETTEER = RESOURCES / "gazetteer"

_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?")
_MARKED = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def load_yaml(name: str) -> Any:
    """One gazetteer file, parsed."""
    with open(GAZETTEER / name, encoding="utf-8") as fh:
        return safe_load(fh)


class GazetteerMemo:
    """Answers of a function of (key, gazetteer) remembered per key, for the gazetteer last asked with
    (another gazetteer starts afresh), at most ``limit`` of them: for what a text asks again and again
    (a person's title, the sentence of each of their mentions)."""

    def __init__(self, compute: Callable[[str, Gazetteer], Any], limit: int = 50_000) -> None:
        self.compute = compute
        self.limit = limit
        self.state: tuple[Gazetteer | None, dict[str, Any]] = (None, {})

    def __call__(self, key: str, g: Gazetteer) -> Any:
        owner, memo = self.state
        if owner is not g:
            owner, memo = self.state = (g, {})
        got = memo.get(key, _UNSEEN)
        if got is _UNSEEN:
            if len(memo) > self.limit:
                memo.clear()
            got = memo[key] = self.compute(key, g)
        return got


_UNSEEN = object()


@lru_cache(maxsize=1 << 16)  # asked of every capitalized word, many times per article
def is_vietnamese_syllable(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable (``Nguyễn``, not ``Marc``)."""
    return bool(_SYLLABLE.fullmatch(word.lower()))


def has_marks(word: str) -> bool:
    """Whether a word carries Vietnamese tone or vowel marks (or đ)."""
    return bool(_MARKED.search(word.lower()))


UPPER = "".join(chr(c) for c in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
                if chr(c).isupper())


def is_cap(word: str) -> bool:
    """Whether a word starts with a capital letter."""
    return bool(word) and word[0].isupper()


def alternation(phrases: list[str], space: str = r"[^\S\n]+") -> str:
    """A regex matching any of the literal phrases (longest first), spaces matching ``space`` (any
    blank but a line break: the words of a phrase never span a paragraph break).

    The phrases are folded into a character trie so that the regex engine does not try
    hundreds of alternatives at every position. Where several phrases match at one place they
    are each other's beginnings (two phrases parting at a letter cannot both match, in a
    case-sensitive pattern), and the trie tries the longest first, then the next shorter, as an
    alternation ordered longest first does: the same match, whatever follows the alternation.
    """
    trie: dict[str, Any] = {}
    for p in {p for p in phrases if p}:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie, space)


def _not_compounds(compounds: list[str]) -> str:
    """A lookahead refusing a one-word name blocker that ends a longer word (``places.yaml``
    ``name_blocker_compounds``: the ``cầu`` of ``yêu cầu``, the ``xã`` of ``bà xã``, the ``báo`` of
    ``nhà báo``), after which a person's name is written: the blocker's word, then the end."""
    alts = []
    for c in compounds:
        head, _, tail = str(c).rpartition(" ")
        if head:
            alts.append(rf"(?<=(?<!\w){re.escape(head)}[^\S\n]){re.escape(tail)}\s+$")
    return f"(?!{'|'.join(alts)})" if alts else ""


def _trie_pattern(node: dict[str, Any], space: str) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = space if ch == " " else re.escape(ch)
        branches.append(piece + _trie_pattern(node[ch], space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


def initials_either_case(phrase: str) -> list[str]:
    """A phrase with each word's first letter upper- or lower-cased, in every combination.

    Titles are capitalized word by word as each newsroom likes ("Phó Trợ lý Ngoại trưởng",
    "Phó trợ lý Ngoại trưởng", "phó trợ lý ngoại trưởng"); heads have a few words at most.
    """
    out = [""]
    for i, w in enumerate(phrase.split(" ")):
        forms = {w[:1].upper() + w[1:], w[:1].lower() + w[1:]} if w else {w}
        out = [f"{o} {f}" if i else f for o in out for f in forms]
    return out


#: underthesea's word list, inside its package
_DICTIONARY = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727", "dictionary.bin")


@cache
def dictionary() -> frozenset[str]:
    """underthesea's bundled word list (lower case, syllables joined by spaces).

    The file is found without importing underthesea (0.4 s of CPU, which an article whose
    sentences need no CRF segmentation never pays) and read by the C unpickler: it is a plain
    pickle, which ``joblib.load`` (what underthesea reads it with) reads through the pure-Python
    one, four times slower; a file in joblib's own format goes to ``joblib.load``."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:  # a declared dependency: fail loudly
        raise RuntimeError("underthesea is needed for its word list: it is not installed")
    return read_word_list(Path(next(iter(spec.submodule_search_locations))).joinpath(*_DICTIONARY))


def read_word_list(path: Path) -> frozenset[str]:
    """The words of a pickled word list: the C unpickler first, ``joblib.load`` when that fails.

    A file the plain unpickler cannot read (joblib's compressed format, a damaged or truncated
    file) raises not only ``UnpicklingError`` but ``EOFError``, ``ValueError``, ``AttributeError``,
    ``ImportError``, ``IndexError`` or ``TypeError``: every one goes to joblib, which reads its own
    formats and otherwise fails with its own message."""
    import pickle

    with open(path, "rb") as fh:
        try:
            return frozenset(pickle.load(fh))  # the installed package's own data
        except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError,
                IndexError, TypeError, KeyError):
            pass
    import joblib

    return frozenset(joblib.load(path))


_NEW_TO_OLD = [("óa", "oá"), ("òa", "oà"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
               ("óe", "oé"), ("òe", "oè"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
               ("úy", "uý"), ("ùy", "uỳ"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ")]


@lru_cache(maxsize=1 << 16)
def in_dictionary(phrase: str) -> bool:
    """Whether a lower-case phrase is one word of underthesea's list (either tone placement);
    kept for the phrases asked again (a name's word pairs, in article after article)."""
    d = dictionary()
    if phrase in d:
        return True
    for new, old in _NEW_TO_OLD:
        if new in phrase:
            phrase = phrase.replace(new, old)
        elif old in phrase:
            phrase = phrase.replace(old, new)
    return phrase in d


class Phrases(dict):
    """A table of phrases whose lookups ignore how the words are spaced (``Hoa\u00a0 Kỳ`` finds ``Hoa Kỳ``).

    The compiled patterns match any run of blanks between the words of a phrase, so the
    text a match covers is looked up here under its words joined by one space.
    """

    def __missing__(self, key: str) -> Any:
        spaced = " ".join(key.split()) if isinstance(key, str) else key
        if spaced == key or not dict.__contains__(self, spaced):
            raise KeyError(key)
        return dict.__getitem__(self, spaced)

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and dict.__contains__(self, " ".join(key.split())))


@dataclass
class Gazetteer:
    """Every table, compiled."""

    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    title_heads: re.Pattern[str]
    company_heads: frozenset[str]
    bare_heads: frozenset[str]
    honorifics: frozenset[str]
    connectors: frozenset[str]
    open_clauses: frozenset[str]
    tenure_words: frozenset[str]
    side_words: dict[str, str]
    side_word_pattern: re.Pattern[str]
    countries: dict[str, str]
    places: re.Pattern[str]
    place_names: frozenset[str]
    place_prefixes: frozenset[str]
    venue_heads: tuple[str, ...]
    venue_pattern: re.Pattern[str]
    name_blockers: re.Pattern[str]
    leaders: dict[str, tuple[str, str]]
    ministries: re.Pattern[str]
    org_heads: dict[str, str]
    org_head_pattern: re.Pattern[str]
    org_needs_name: frozenset[str]
    known_orgs: dict[str, dict[str, Any]]
    known_org_pattern: re.Pattern[str]
    framework_known: list[tuple[str, re.Pattern[str]]]
    framework_heads: re.Pattern[str]
    framework_strict: frozenset[str]
    framework_stops: frozenset[str]
    framework_stop_pairs: frozenset[tuple[str, str]]
    event_cues: list[tuple[str, re.Pattern[str]]]
    event_planned: re.Pattern[str]
    event_weak: frozenset[str]
    event_ambiguous: frozenset[str]
    event_generic: re.Pattern[str]
    event_nouns: frozenset[str]
    extra: dict[str, Any] = field(default_factory=dict)
    function_words: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    media_suffixes: frozenset[str] = frozenset()
    work_articles: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    org_generic: frozenset[str] = frozenset()
    org_not_in_name: frozenset[str] = frozenset()  # words that never run a name on to its acronym
    org_numbered: frozenset[str] = frozenset()
    acronym_cue_pattern: re.Pattern[str] | None = None
    not_acronyms: frozenset[str] = frozenset()
    org_country_heads: dict[str, str] = field(default_factory=dict)  # lower-case head -> kind
    org_country_head_pattern: re.Pattern[str] | None = None
    org_office_bodies: frozenset[str] = frozenset()
    org_bare_bodies: dict[str, str] = field(default_factory=dict)  # body written bare -> default side
    org_descriptors: dict[str, str] = field(default_factory=dict)  # lower-case firm word -> kind
    org_descriptor_pattern: re.Pattern[str] | None = None
    org_generic_lower: frozenset[str] = frozenset()
    org_name_regions: frozenset[str] = frozenset()
    title_bodies: dict[str, str] = field(default_factory=dict)  # office title -> the mission it heads
    ranks: frozenset[str] = frozenset()  # lower-case heads that are a rank or degree, not a position
    descriptions: frozenset[str] = frozenset()  # lower-case heads that say who someone is, not a position

    def side_of_country(self, name: str) -> str | None:
        """The side a country word stands for (``Mỹ`` -> US), if it is one."""
        return self.countries.get(name) or self.side_words.get(name)


def spelled_alike(known: dict[str, dict[str, Any]], groups: list[list[str]],
                  places: set[str] | frozenset[str] = frozenset()) -> dict[str, dict[str, Any]]:
    """Known names written with another spelling of the body or country they end with: each group of
    ``groups`` holds the spellings of one thing (a known organization's name and aliases; the names
    of the US and of Vietnam), so ``Hội đồng Bảo an Liên Hợp Quốc`` is also ``Hội đồng Bảo an Liên
    Hiệp Quốc`` and ``Phòng Thương mại Hoa Kỳ`` also ``Phòng Thương mại Mỹ``: newsrooms spell the
    inner name their way, and a listed name should not split into two where one is spelled otherwise.
    Names are matched by their last words only (a word boundary before the spelling); ``places``: the
    place names, so that a tail read with the word before it as a place (``châu Mỹ``) is left alone.
    Not substituted: a spelling in capitals for one that is not (``USA`` for ``Mỹ``), one of more than
    three words (``Cộng hoà xã hội chủ nghĩa Việt Nam``) and one holding the tail or held in it
    (``Tập đoàn Vingroup`` for ``Vingroup``)."""
    by_end: dict[str, list[list[str]]] = {}
    for g in groups:
        for sp in g:
            by_end.setdefault(sp, []).append(g)
    out: dict[str, dict[str, Any]] = {}
    for n, entry in known.items():
        words = n.split(" ")
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if f"{words[k - 1]} {tail}" in places:
                continue
            for g in by_end.get(tail, ()):
                head = " ".join(words[:k])
                for sp in g:
                    if tail in sp or sp in tail or (sp.isupper() and not tail.isupper()) or sp.count(" ") > 2:
                        continue
                    out.setdefault(f"{head} {sp}", entry)
    return out


@cache
def gazetteer() -> Gazetteer:
    """All gazetteers, loaded and compiled once per process."""
    sur = load_yaml("surnames.yaml")
    tit = load_yaml("titles.yaml")
    pla = load_yaml("places.yaml")
    org = load_yaml("organizations.yaml")
    fra = load_yaml("frameworks.yaml")
    lea = load_yaml("leaders.yaml")
    ev = load_yaml("events.yaml")
    nam = load_yaml("names.yaml")

    heads: list[str] = []
    for h in tit["heads"]:
        heads += [*initials_either_case(h), h.lower()]
    title_heads = bounded(rf"(?<![\w])(?:{alternation(heads)})(?![\w])")

    countries: dict[str, str] = {}
    for side, names in pla["countries"].items():
        for n in names:
            countries[n] = side
    side_words = {w: side for side, ws in tit["sides"].items() for w in ws}
    place_names = set(countries) | set(pla["cities"])
    place_names |= {re.sub(r"\s*-\s*", "-", p) for p in place_names}  # "Bà Rịa-Vũng Tàu" as written
    places = bounded(rf"(?<![\w])(?:{alternation(sorted(place_names))})(?![\w])")

    leaders: dict[str, tuple[str, str]] = {}
    for side, groups in lea["leaders"].items():
        for names in groups:
            for n in names:
                leaders[n] = (names[0], side)

    known: dict[str, dict[str, Any]] = {}
    groups: list[list[str]] = [pla["countries"][s] for s in ("US", "VN") if s in pla["countries"]]
    for item in org["known"]:
        entry = {"name": item["name"], "kind": item["kind"], "side": item.get("side")}
        spellings = [item["name"], *(item.get("aliases") or [])]
        groups.append(spellings)
        for n in spellings:
            known[n] = entry
    for n, entry in spelled_alike(known, groups, place_names).items():
        known.setdefault(n, entry)
    known_pattern = bounded(rf"(?<![\w])(?:{alternation(list(known))})(?![\w])")
    # a ministry's name is capitalized word by word as each newsroom likes ("Bộ Kế hoạch và đầu tư"),
    # even all in lower case after a capital "Bộ" ("Bộ thương mại Mỹ"); after a lower-case "bộ" its
    # name needs a capital ("cán bộ ngoại giao" is a diplomat, "cán bộ y tế" a health worker)
    ministry_forms = [v for n in org["ministries"] for v in initials_either_case(n)]
    ministry_names = [v for v in ministry_forms if v[:1].isupper()]
    ministries = re.compile(rf"(?:[Bb]ộ\s+(?:{alternation(ministry_names)})|Bộ\s+(?:{alternation(ministry_forms)}))(?![\w])")

    fw_known = [(k["name"], bounded(rf"(?<![\w])(?:{k['pattern']})(?![\w])")) for k in fra["known"]]
    fw_heads = bounded(rf"(?<![\w])(?:{alternation(fra['heads'])})(?![\w])")

    # one pattern per type, matched on the lower-cased text
    cues: list[tuple[str, re.Pattern[str]]] = []
    for etype, pats in ev["cues"].items():
        body = "|".join(f"(?:{p})" for p in pats)
        cues.append((etype, bounded(rf"(?<![\w])(?:{body})(?![\w])")))
    planned = bounded(rf"(?<![\w])(?:{alternation(ev['planned'])})(?![\w])", re.IGNORECASE)

    return Gazetteer(
        surnames=frozenset(sur["surnames"]),
        compound_surnames=tuple(sur.get("compound") or ()),
        title_heads=title_heads,
        company_heads=frozenset(h.lower() for h in tit["company_heads"]),
        bare_heads=frozenset(h.lower() for h in tit["bare_ok"]),
        honorifics=frozenset(h.lower() for h in tit["honorifics"]),
        connectors=frozenset(c.lower() for c in tit["connectors"]),
        open_clauses=frozenset(c.lower() for c in tit["open_clauses"]),
        tenure_words=frozenset(c.lower() for c in tit.get("tenure_words") or []),
        side_words=Phrases(side_words),
        side_word_pattern=bounded(rf"(?<![\w])(?:{alternation(list(side_words))})(?![\w])"),
        countries=Phrases(countries),
        places=places,
        place_names=frozenset(place_names),
        place_prefixes=frozenset(pla["place_prefixes"]),
        venue_heads=tuple(pla["venue_heads"]),
        venue_pattern=bounded(rf"(?<![\w])(?:{alternation(list(pla['venue_heads']))})(?![\w])"),
        name_blockers=bounded(rf"(?<![\w]){_not_compounds(pla.get('name_blocker_compounds') or [])}"
                              rf"(?:{alternation(pla['name_blockers'])})\s+$"),
        leaders=Phrases(leaders),
        ministries=ministries,
        org_heads=Phrases(org["heads"]),
        org_head_pattern=bounded(rf"(?<![\w])(?:{alternation(list(org['heads']))})(?![\w])"),
        org_needs_name=frozenset(org["needs_name"]),
        known_orgs=Phrases(known),
        known_org_pattern=known_pattern,
        framework_known=fw_known,
        framework_heads=fw_heads,
        framework_strict=frozenset(fra["strict_heads"]),
        framework_stops=frozenset(fra["stops"]),
        framework_stop_pairs=frozenset(tuple(p.split()[:2]) for p in fra.get("stop_pairs") or []),
        event_cues=cues,
        event_planned=planned,
        event_weak=frozenset(ev["weak"]),
        event_ambiguous=frozenset(ev["ambiguous"]),
        event_generic=bounded(rf"(?<![\w])(?:{alternation(ev['generic'])})\s+(?:(?:{alternation(ev['generic_classifiers'])})\s+){{0,2}}$",
                              re.IGNORECASE),
        event_nouns=frozenset(ev["nouns"]),
        function_words=frozenset(nam["function_words"]),
        name_suffixes=frozenset(nam["name_suffixes"]),
        company_suffixes=frozenset(nam["company_suffixes"]),
        media_suffixes=frozenset(nam["media_suffixes"]),
        work_articles=frozenset(nam.get("work_articles", [])),
        abbreviations=frozenset(nam["abbreviations"]),
        org_generic=frozenset(w.lower() for w in org.get("generic_names") or []),
        org_not_in_name=frozenset(w.lower() for w in org.get("not_in_names") or []),
        org_numbered=frozenset(org.get("numbered_heads") or []),
        acronym_cue_pattern=bounded(
            rf"(?<![\w])(?:{alternation(org.get('acronym_cues') or ['tập đoàn'])})"
            r"((?:\s+(?:và|kiêm|[A-ZĐÀ-Ỹ][\wÀ-ỹđ]*)){0,4}?)\s+([A-Z][A-Z0-9&]{1,6})(?![\w&])"),
        not_acronyms=frozenset(org.get("not_acronyms") or []),
        org_country_heads={h.lower(): k for h, k in (org.get("country_heads") or {}).items()},
        org_country_head_pattern=bounded(rf"(?<![\w])(?:{alternation([v for h in org.get('country_heads') or {} for v in initials_either_case(h)])})(?![\w])"),
        org_office_bodies=frozenset(org.get("office_bodies") or []),
        org_bare_bodies=dict(org.get("bare_bodies") or {}),
        org_descriptors=dict(org.get("descriptors") or {}),
        org_descriptor_pattern=bounded(rf"(?<![\w])(?:{alternation(list(org.get('descriptors') or {'công ty': 0}))})"
                                       r"((?:[^\S\n]+[a-zà-ỹđ]+){0,4}?)[^\S\n]+" rf"(?=[{UPPER}])"),
        org_generic_lower=frozenset(org.get("generic_lower") or []),
        org_name_regions=frozenset(org.get("name_regions") or []),
        title_bodies=dict(org.get("title_bodies") or {}),
        ranks=frozenset(h.lower() for h in tit.get("ranks") or []),
        descriptions=frozenset(h.lower() for h in tit.get("descriptions") or []),
    )
