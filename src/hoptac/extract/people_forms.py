"""One person written two ways in one article (a short form of a name written in full, a given name
hyphenated with spaces), and a name run on into the byline after it.

Steps of :func:`hoptac.extract.people.find_people` once every name is read (the learned tagger's
included), so that none of these stays a person of its own:

- a name of one word that is the first or the last word of exactly one person named in full in the
  article is that person (``ông Ruan`` after ``Ruan Zongze``, a Chinese name written surname first;
  ``Hai`` after ``Van Nguyen Hai``, a Vietnamese name written in the Western order); a word two
  people of the article share (``Clinton`` beside Bill and Hillary Clinton) stays apart, and a
  Vietnamese full name lends only its given name (a family name alone names no one);
- a foreign word named alone right before a dash with blanks and a foreign full name (``Ông Jean -
  Claude Juncker``) is the first half of a hyphenated given name: one person, ``Jean-Claude Juncker``.
  Never a head of state of the leaders table (``Putin - Donald Trump`` are two), nor a word that is
  a Vietnamese syllable (``Việt - Mỹ``) also where no one is found after the dash but the article names the
  joined form elsewhere (``ông Jean - Claude Juncker`` beside ``Jean-Claude Juncker``: one person);
- a name written with initials reads on over them (:func:`widen_over_initials`): a middle initial and
  the surname after it (``Jonathan D. London``, where the rules stop at a place word), an initial run
  and the surname it opens (``H.R. McMaster``);
- a transliterated name written with blanks around its hyphens reads on over the lower-case syllables
  after it (:func:`read_on_syllables`: ``Han Min - koo``, ``Cát - chen - cô``), never over a word that
  opens an apposition (``ông Vinh - cho biết``, ``Adelson - nhà tỷ phú``);
- before that, a Vietnamese name run on into the byline that ends its line (``Phạm Bình Minh Thái An -
  Trần Thường (Theo VGP)``) loses the first author's syllables (:func:`cut_byline_tail`).
"""

from __future__ import annotations

import re
from typing import Any

from .gazetteer import UPPER, in_dictionary, is_vietnamese_syllable
from .names import Candidate

_DASH = re.compile(r"[ \u00a0]+[-–][ \u00a0]+")


def _one_word(f: Any) -> str | None:
    """The word a person is named by when every name of theirs is that one word, else None."""
    names = set(f.names)
    word = next(iter(names)) if len(names) == 1 else ""
    return word if word and len(word.split()) == 1 else None


def _fold(P: Any, f: Any, into: Any) -> None:
    """Every mention and title of ``f`` becomes ``into``'s; ``f`` keeps none (and is dropped)."""
    into.mentions += f.mentions
    into.titles += f.titles
    into.title_spans += f.title_spans
    into.described += f.described
    into.orgs += f.orgs
    f.mentions, f.titles = [], []
    P.taken = [(a, b, into if x is f else x) for a, b, x in P.taken]


def fold_short_forms(P: Any) -> None:
    """A one-word name that is the first or last word of exactly one person named in full is that person."""
    full = [f for f in P.found if len(f.name.split()) >= 2]
    for f in list(P.found):
        word = _one_word(f)
        if word is None or f.leader or not f.mentions:
            continue
        fits = [g for g in full if g is not f and g.mentions and (
            g.name.split()[-1] == word or (g.kind != "vn" and g.name.split()[0] == word))]
        if len(fits) == 1:
            _fold(P, f, fits[0])


def join_spaced_hyphens(P: Any) -> None:
    """``Ông Jean - Claude Juncker``: a foreign word alone before a dash and a foreign full name is the first
    half of that person's hyphenated given name."""
    starts = {a: g for a, _, g in P.taken}
    for f in list(P.found):
        word = _one_word(f)
        if word is None or f.leader or f.kind != "foreign" or not word.isascii() or not word[:1].isupper() \
                or is_vietnamese_syllable(word) or word in P.g.leaders:
            continue
        for a, b in list(f.mentions):
            m = _DASH.match(P.ctext, b)
            g = starts.get(m.end()) if m else None
            if m is not None and g is None and _written_joined(P, f, (a, b), word, m.end()):
                break
            if g is None or g is f or g.kind != "foreign" or g.leader or len(g.name.split()) < 2:
                continue
            first = g.name.split()[0]
            if not first.isascii() or is_vietnamese_syllable(first):
                continue
            joined = f"{word}-{g.name}"
            gb = next((y for x, y in g.mentions if x == m.end()), None)
            if gb is not None and P.ctext[m.end():gb] == g.name:  # one mention, the name as written
                g.mentions.remove((m.end(), gb))
                P.taken = [t for t in P.taken if not (t[2] is g and t[0] == m.end())]
                _widen(P, f, (a, b), (a, gb), P.ctext[_name_start(P, (a, b)):gb])
                g.names.append(f.names[-1])
                P.index_name(f.names[-1], g)
            g.names.append(joined)  # the name written joined elsewhere is theirs too
            P.index_name(joined, g)
            _fold(P, f, g)
            break


_REST = re.compile(r"[A-Z][a-z]+(?:[ \u00a0]+[A-Z][\w\-'’]*){1,2}(?![\w\-])")  # "Claude Juncker" after a dash


def _written_joined(P: Any, f: Any, span: tuple[int, int], word: str, at: int) -> bool:
    """``ông Jean - Claude Juncker`` where no one is found at ``Claude`` but the article names
    ``Jean-Claude Juncker`` elsewhere: the mention reads on over the dash and is that person's."""
    m = _REST.match(P.ctext, at)
    h = P.named.get(f"{word}-{m.group()}") if m else None
    if m is None or h is None or h is f or h.kind != "foreign":
        return False
    _widen(P, f, span, (span[0], m.end()), P.ctext[_name_start(P, span):m.end()])
    if f.mentions:
        _fold(P, f, h)
    return True


_SURNAME = rf"([{UPPER}][^\W\d_]*[^\W\d_{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*)(?![\w.\-])"
_MIDDLE = re.compile(rf"[ \u00a0]+[A-Z]\.[ \u00a0]*{_SURNAME}")  # " D. London" after "Jonathan"
_RUN_AFTER = re.compile(rf"\.?[ \u00a0]+{_SURNAME}")  # " McMaster" after "H.R."
_RUN_BEFORE = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+\.?[ \u00a0]+$")  # "H.R. " before "McMaster"
_INITIAL_RUN = re.compile(r"[A-Z](?:\.[A-Z])+\.?")


def _widen(P: Any, f: Any, old: tuple[int, int], new: tuple[int, int], name: str) -> None:
    """Mention ``old`` of ``f`` becomes ``new`` (written ``name``); a person named by the words it now
    covers and by nothing else is ``f`` (``H.R.`` found alone); any other person's name stops it."""
    for a, b, g in list(P.taken):
        if g is not f and a < new[1] and new[0] < b and not (old[0] < b and a < old[1]):
            if all(a2 >= new[0] and b2 <= new[1] for a2, b2 in g.mentions):
                g.mentions = []  # its words are now this mention's
                P.taken = [t for t in P.taken if t[2] is not g]
                _fold(P, g, f)
            else:
                return  # another person's name: not ours to take
    f.mentions[f.mentions.index(old)] = new
    P.taken = [(new[0], new[1], x) if (a, b) == old and x is f else (a, b, x) for a, b, x in P.taken]
    P.spans.add(*new)
    if name not in f.names:
        f.names.append(name)
        P.index_name(name, f)


def _name_start(P: Any, span: tuple[int, int]) -> int:
    """Where the name of a mention starts (after ``ông``, ``Ông``)."""
    m = _HONORIFIC.match(P.ctext, span[0], span[1])
    return m.end() if m else span[0]


_HONORIFIC = re.compile(r"(?:[ôÔ]ng|[bB]à|[nN]gài|Mrs?\.|Ms\.)[ \u00a0]+")


def widen_over_initials(P: Any) -> None:
    """``Jonathan D. London``, ``H.R. McMaster``: a foreign name reads on over a middle initial and the
    surname after it, and an initial run reads on to the surname it opens (whichever word the rules or
    the tagger stopped at). Never over a function word (``Trump A. Sau``: a new sentence)."""
    ctext, fw = P.ctext, P.g.function_words
    for f in list(P.found):
        if f.kind != "foreign" or f.leader or not f.mentions:
            continue
        for span in list(f.mentions):
            if span in f.bare or span not in f.mentions:
                continue
            a, b = span
            word = ctext[a:b].split()[-1] if ctext[a:b].split() else ""
            m = _RUN_AFTER.match(ctext, b) if _INITIAL_RUN.fullmatch(word) else (
                _MIDDLE.match(ctext, b) if word[:1].isupper() and not word.endswith(".") else None)
            if m is not None and m.group(1) not in fw:
                _widen(P, f, span, (a, m.end()), ctext[_name_start(P, span):m.end()])
                continue
            r = _RUN_BEFORE.search(ctext, max(0, a - 12), a)
            if r is not None and ctext[a:b] == word:
                _widen(P, f, span, (r.start(), b), ctext[r.start():b])


_SYLLABLE = re.compile(r"[ \u00a0]*[-–][ \u00a0]*([^\W\d_]+)(?![\w\-])")
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_GLUED_INITIAL = re.compile(rf"[{UPPER}]\.[{UPPER}][^\W\d_]*")  # "R.Pa": an initial and a syllable
_INITIALS = re.compile(rf"[{UPPER}](?:\.[{UPPER}])*\.")  # "P." of "P. Pa"
_SYLLABLE_MAX = 5  # a transliterated syllable: "koo", "chen", "oai"


def _syllables_end(P: Any, b: int, one_ok: bool, had: int = 0, marked_ok: bool = False) -> int:
    """Where the lower-case syllables hyphenated after ``b`` end (``b`` when none is a name's): two or
    more always are (``- chen - cô``, counting the ``had`` the mention holds); one only when ``one_ok``, it is
    unmarked (or ``marked_ok``: after an initial and a syllable, ``R.Pa - tô``, ``P. Pa - cốp``), no function word, opens
    no title and makes no dictionary word with the word after it (``- cho biết``, ``- gia tộc``)."""
    ctext, end, syl = P.ctext, b, []
    while (m := _SYLLABLE.match(ctext, end)) and m.group(1)[0].islower() and len(m.group(1)) <= _SYLLABLE_MAX:
        syl.append(m.group(1))
        end = m.end()
    if not syl or len(syl) + had >= 2:
        return end
    w = syl[0]
    nxt = _NEXT_WORD.match(ctext, end)
    if not one_ok or not (w.isascii() or marked_ok) or w in P.g.function_words or P.g.title_heads.match(ctext, end - len(w)) \
            or (nxt and in_dictionary(f"{w} {nxt.group(1).lower()}")):
        return b
    return end


def read_on_syllables(P: Any) -> None:
    """``Han Min - koo``, ``C.Sa - oai``, ``Cát - chen - cô``: a name mention ending on a short capitalized
    syllable reads on over the lower-case syllables hyphenated after it with blanks (one syllable only
    after a foreign name: a Vietnamese name before ``- cho`` is an apposition's)."""
    ctext = P.ctext
    for f in list(P.found):
        if f.leader or not f.mentions:
            continue
        full = f.name.rstrip(" \u00a0-–")
        for span in list(f.mentions):
            if span in f.bare or span not in f.mentions:
                continue
            a, b = span
            while b > a and ctext[b - 1] in " \u00a0-–":
                b -= 1  # the tagger's "Cát - chen -"
            if ctext[_name_start(P, span):b] != full:
                continue  # a short form ("Pa" of "R.Pa"): the name written in full tells
            words = ctext[a:b].split()
            last = words[-1].split(".")[-1] if words else ""
            if not (last[:1].isupper() or "-" in ctext[a:b]) or len(last) > _SYLLABLE_MAX:
                continue
            end = _syllables_end(P, b, f.kind == "foreign", len(_SYLLABLE.findall(ctext, a, b)),
                                 bool(_GLUED_INITIAL.fullmatch(words[-1]))
                                 or (len(words) > 1 and _INITIALS.fullmatch(words[-2]) is not None))
            if end > b:
                _widen(P, f, span, (a, end), ctext[_name_start(P, span):end])


# the rest of a line after a name: more capitalized words, a dash, the last author's name, the source
_BYLINE_TAIL = re.compile(rf"((?:[ \u00a0]+[{UPPER}][^\W\d_]*)*)[ \u00a0]+[-–][ \u00a0]+"
                          rf"((?:[{UPPER}][^\W\d_]*[ \u00a0]*){{2,3}})\((?:Theo|Nguồn)[^()\n]{{1,40}}\)[ \t.]*$")


_TAIL_MAX = 160  # a byline tail is two short names and a source


def cut_byline_tail(ctext: str, cands: list[Candidate]) -> list[Candidate]:
    """A name run on into the byline that ends its line (``... Bộ trưởng Ngoại giao Phạm Bình Minh Thái An -
    Trần Thường (Theo VGP)``): the byline's first author is written like its last (as many syllables), so the
    run's last syllables are that author and the name is the rest (when two syllables or more are left)."""
    out = []
    for c in cands:
        line_end = ctext.find("\n", c.end, c.end + _TAIL_MAX)
        if line_end < 0:
            line_end = len(ctext) if len(ctext) - c.end <= _TAIL_MAX else c.end  # a line going on: no byline tail
        m = _BYLINE_TAIL.match(ctext, c.end, line_end)
        if c.kind != "vn" or m is None:
            out.append(c)
            continue
        keep = len(c.words) + len(m.group(1).split()) - len(m.group(2).split())
        name = " ".join(c.words[:keep])
        if 2 <= keep < len(c.words) and ctext.startswith(name, c.start):
            c = Candidate(c.start, c.start + len(name), name, c.kind, c.words[:keep])
        out.append(c)
    return out
