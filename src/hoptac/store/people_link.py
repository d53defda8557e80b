"""Linking an article's people to the store's people: one entry per real person.

For each person of an article (:func:`link_people`):

1. find the stored person their names designate (:func:`find_person`, rules in
   :mod:`hoptac.link.names`): an exact full name links whatever side the article gave (a side
   read wrongly in one article does not split a person); other matches need sides and offices
   that agree; a bare surname links only to the one person it fits, never to a favourite
   among several (``Clinton`` with Bill and Hillary stored stays apart);
2. else create them, unless the name is no person's (:func:`hoptac.link.persons.not_a_person`:
   a country glued to a word, a fragment, a place); a person known by a surname alone is
   extended by a full name only when no other stored person of that surname has a full name;
3. record the mention with its canonical title (:mod:`hoptac.link.titles`) and the article's
   date, so titles are dated by their articles;
4. the person's side is the one most of their articles give (:func:`recount_side`), not the
   first article's.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..extract.gazetteer import gazetteer
from ..link.names import (
    better_name,
    compatible,
    given_variant,
    is_clean_name,
    last_token,
    match_score,
    name_key,
    near_spelling,
    office_kind,
    person_score,
    same_given,
    surname_fits,
    without_middle,
)
from ..link.persons import not_a_person
from ..link.titles import canonical_title
from ..model import Article
from . import schema as t
from .org_names import note as note_org_name
from .people_settle import note_changed

_ALIASES = (sa.select(t.person_aliases.c.person_id, t.person_aliases.c.key, t.people.c.side, t.people.c.office)
            .join(t.people, t.people.c.id == t.person_aliases.c.person_id))


def _aliases_by_token(tokens: list[str], western: list[str]) -> sa.Select:
    """Every alias of the people one of whose aliases ends with one of ``tokens``, or with a word
    where a typing slip of a Western surname of four letters or more (``western``) lies: about
    its length, with its first letter (two for words over five letters), ``Schiver`` finds
    ``Schriver`` and ``Buss`` finds ``Biss`` (:mod:`hoptac.link.names` decides)."""
    last = t.person_aliases.c.last_token
    near = []
    for tok in western:
        start = tok[:1] if len(tok) <= 5 else tok[:2]
        near.append(sa.and_(last >= start, last < start[:-1] + chr(ord(start[-1]) + 1),
                            sa.func.length(last).between(len(tok) - 1, len(tok) + 1)))
    # a word split in one spelling (``Mc Cain``): the joined pair, or the word's tail as the last word
    joined = sorted({w[i:] for w in tokens if w.isascii() and len(w) >= 6 for i in range(1, len(w) - 3)})
    hit = sa.or_(last.in_(tokens + joined), *near)
    return _ALIASES.where(t.person_aliases.c.person_id.in_(sa.select(t.person_aliases.c.person_id).where(hit)))


_PERSON = sa.select(t.people).where(t.people.c.id == sa.bindparam("pid"))
_PERSON_ID = sa.select(t.people.c.id).where(t.people.c.id == sa.bindparam("pid"))
_UPDATE_PERSON = (t.people.update().where(t.people.c.id == sa.bindparam("pid"))
                  .values(name=sa.bindparam("n"), office=sa.bindparam("o")))
_ALIAS_KEYS = sa.select(t.person_aliases.c.key).where(t.person_aliases.c.person_id == sa.bindparam("pid"))
_SIDES = (sa.select(t.person_mentions.c.side, sa.func.count()).where(t.person_mentions.c.person_id == sa.bindparam("pid"))
          .where(t.person_mentions.c.side.is_not(None)).group_by(t.person_mentions.c.side))
_SET_SIDE = t.people.update().where(t.people.c.id == sa.bindparam("pid")).values(side=sa.bindparam("s"))


def _full(keys: list[str]) -> list[str]:
    return [k for k in keys if len(k.split()) >= 2]


def find_person(conn: Connection, keys: list[str], side: str | None, office: str | None,
                title: str | None = None, *, mend: dict[str, str] | None = None) -> str | None:
    """The known person these name keys, side, office and title designate (None: new or ambiguous).

    With ``mend`` (the write path), several entries a full name fits equally that are one person
    split by the order articles came in are merged first (:func:`_split_entries`); ``mend`` gets
    each merged-away id mapped to the id kept."""
    tokens = sorted({last_token(k) for k in keys if k} | {"".join(k.split()[-2:]) for k in keys
                                                         if k and k.isascii() and len(k.split()) >= 3})
    western = sorted({last_token(k) for k in keys if k and k.isascii() and len(last_token(k)) >= 4
                      and last_token(k).isalpha()})
    rows = conn.execute(_aliases_by_token(tokens, western)).all()
    aliases: dict[str, list[str]] = {}
    sides: dict[str, tuple[str | None, str | None]] = {}
    for pid, akey, pside, poffice in rows:
        aliases.setdefault(pid, []).append(akey)
        sides[pid] = (pside, poffice)
    scores: dict[str, int] = {}
    for pid, ks in aliases.items():
        s = person_score(keys, ks)
        if not s:
            continue
        exact = s >= 3 and bool(set(_full(keys)) & set(ks))
        pside, poffice = sides[pid]
        if compatible(side, pside, office, poffice) or (exact and compatible(None, None, office, poffice)):
            scores[pid] = s
    if not scores:
        return None
    top = max(scores.values())
    best = sorted(pid for pid, s in scores.items() if s == top)
    if not _full(keys):  # a surname alone
        word = keys[0].split()[-1]
        named = sorted(p for p, ks in aliases.items() if any(len(k.split()) >= 2 and k.split()[-1] == word
                                                               for k in ks))
        if not named:  # a slip of the pen ("Krittenbrink"): the one person whose surname it nearly is
            named = sorted(p for p, ks in aliases.items() if any(len(k.split()) >= 2 and surname_fits(word, k.split()[-1])
                                                                   for k in ks))
        fits = [p for p in named if p in scores]
        if len(named) == 1 and fits:
            return fits[0]  # the one person with a full name who bears it
        chosen = _by_title(conn, fits, title)
        if chosen:
            return chosen
        bare_only = sorted(p for p, s in scores.items() if s == 3 and not _full(aliases[p]))
        return bare_only[0] if bare_only else None  # the entry of those known by this surname alone
    if len(best) == 1:
        pid = best[0]
        if top <= 2 and not _full(aliases[pid]) and _others_with_full(keys, aliases, pid):
            return None  # a surname-only entry is extended only when no one else of that surname has a full name
        return pid
    if top == 3:  # the article writes two spellings stored apart ("Bob McCooey", "Bob McCoey"): the most named
        return _most_named(conn, best)
    if mend is not None:
        return _split_entries(conn, best, aliases, sides, mend, keys)
    return None  # several people fit equally: a new entry rather than a merge of two people


def _most_named(conn: Connection, pids: list[str]) -> str:
    """Of these entries, the one with the most mentions (ties: the lower id)."""
    m = t.person_mentions.c
    counts = dict(conn.execute(sa.select(m.person_id, sa.func.count()).where(m.person_id.in_(pids))
                               .group_by(m.person_id)).all())
    return min(pids, key=lambda p: (-counts.get(p, 0), p))


def _split_entries(conn: Connection, best: list[str], aliases: dict[str, list[str]],
                   sides: dict[str, tuple[str | None, str | None]], merged: dict[str, str],
                   keys: tuple[str, ...] | list[str] = ()) -> str | None:
    """Merge entries that one full name (``keys``) fits equally when each, with that name, would have
    linked to every other: one person the order of ingest split (``Dan Kritenbrink`` stored before
    ``Daniel J. Kritenbrink`` and ``Daniel Kritenbrink`` fitting both; ``Daniel Kritenbrink`` and a
    misspelt ``Daniel J. Krirenbrink`` that ``Daniel J. Kritenbrink`` both fits: stored first, it
    gathers both). Entries with other middle initials (father and son), other first names, or sides
    or offices that disagree are two people and stay apart (None). The most named entry is kept
    (ties: the lower id)."""
    from itertools import combinations

    from .curation_apply import move_person

    for a, b in combinations(best, 2):
        (sa_, oa), (sb, ob) = sides[a], sides[b]
        if not compatible(sa_, sb, oa, ob):
            return None
        if person_score(aliases[a], aliases[b]) >= 2 and person_score(aliases[b], aliases[a]) >= 2:
            continue
        if not (_spelled_alike(aliases[a], aliases[b]) and person_score([*aliases[a], *keys], aliases[b]) >= 2
                and person_score([*aliases[b], *keys], aliases[a]) >= 2):
            return None
    keep = _most_named(conn, best)
    names = dict(conn.execute(sa.select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(best))).all())
    shown = names[keep]
    for pid in best:
        for k in _full(aliases[pid]):
            note_changed(conn, k)
        if pid != keep:
            shown = better_name(shown, names[pid])
            move_person(conn, pid, keep)
            merged[pid] = keep
    office = next((o for _, o in (sides[p] for p in best) if o), None)
    conn.execute(_UPDATE_PERSON, {"pid": keep, "n": shown, "o": office})
    recount_side(conn, keep)
    return keep


def _spelled_alike(xs: list[str], ys: list[str]) -> bool:
    """Two entries with Western full names of one first name (or forms of one: ``Ted``, ``Theodore``) whose
    surnames are a typing slip apart (``Daniel Kritenbrink``, ``Daniel J. Krirenbrink``; ``Ted Osisus``,
    ``Theodore G. Osius III``): one person if a third spelling fits both."""
    return any(x.isascii() and y.isascii() and same_given(x.split()[0], y.split()[0])
               and surname_fits(last_token(x), last_token(y))
               for x in _full(xs) for y in _full(ys))


def _heads(title: str | None) -> set[str]:
    """The title heads a title holds, lower case (``Tổng thống Mỹ`` -> ``{"tổng thống"}``)."""
    return {h.group().lower() for h in gazetteer().title_heads.finditer(title or "")}


def _by_title(conn: Connection, pids: list[str], title: str | None) -> str | None:
    """Of the people a surname alone fits, the one whose known titles share a head with the mention's
    title (``Tổng thống Clinton``: the Clinton who was president), if exactly one does. Titles are known
    from mentions of a full name only: those of bare surnames linked before would make the answer depend
    on which came first."""
    heads = _heads(title)
    if not heads or len(pids) < 2:
        return None
    m = t.person_mentions.c
    held: dict[str, set[str]] = {}
    for pid, x in conn.execute(sa.select(m.person_id, m.title).where(m.person_id.in_(pids), m.title.is_not(None),
                                                                     m.name.like("% %"))):
        held.setdefault(pid, set()).update(_heads(x))
    fits = [p for p in pids if heads & held.get(p, set())]
    return fits[0] if len(fits) == 1 else None


def _others_with_full(keys: list[str], aliases: dict[str, list[str]], pid: str) -> bool:
    word = keys[0].split()[-1]
    return any(other != pid and any(len(k.split()) >= 2 and k.split()[-1] == word for k in ks)
               for other, ks in aliases.items())


def link_people(conn: Connection, article: Article, aid: str, date: str | None, *, create: bool) -> dict[str, str]:
    """Resolve the article's people to store people; returns name key -> person id."""
    org_kinds = {name_key(o.name): o.kind for o in article.organizations}
    out: dict[str, str] = {}
    for p in article.people:
        names = [n for n in dict.fromkeys([p.name, *p.aliases]) if n and name_key(n)]
        if not names or not_a_person(p, article):
            continue
        keys = [name_key(n)[:255] for n in names]
        lookup = keys + leader_keys(names, keys)
        office = office_kind(p.title, p.organization, org_kinds.get(name_key(p.organization or "")))
        merged: dict[str, str] = {}
        pid = find_person(conn, lookup, p.side, office, p.title, mend=merged if create else None) or _spelled_here(keys, out) \
            or _variant_in_context(conn, keys, office, p.organization, article)
        if merged:  # names this article linked already may point at an entry merged away
            out = {k: merged.get(v, v) for k, v in out.items()}
        if pid is None and not create:
            continue
        side, shown = p.side, p.name
        if pid is None:
            pid = new_person(conn, p.name, keys[0], p.side, office)
            if create:
                for k in _full(keys):
                    note_changed(conn, k)  # the bare mentions of this surname are weighed again (people_settle)
        elif create:
            row = conn.execute(_PERSON, {"pid": pid}).one()
            side = row.side or p.side  # a title is read for the side the person holds in the store
            name = p.name
            for n in names:
                name = better_name(name, n)
            shown = better_name(row.name, name)
            conn.execute(_UPDATE_PERSON, {"pid": pid, "n": shown, "o": row.office or office})
        if create:
            have = set(conn.execute(_ALIAS_KEYS, {"pid": pid}).scalars())
            new = [{"person_id": pid, "key": k, "last_token": last_token(k), "alias": n}
                   for n, k in zip(names, keys, strict=True) if k not in have]
            new = list({d["key"]: d for d in new}.values())
            if new:
                conn.execute(t.person_aliases.insert(), new)
            for k in keys:  # a "George Bush" linked while two fuller namesakes are stored: weighed again (people_settle)
                if len(k.split()) == 2 and k.isascii() and _namesakes(conn, k) >= 2:
                    note_changed(conn, k)
            conn.execute(t.person_mentions.insert(), {
                "person_id": pid, "article_id": aid, "name": p.name, "title": canonical_title(p.title, names, side),
                "organization": p.organization, "side": p.side, "date_sort": date,
                "n_mentions": max(1, len(p.mentions))})
            note_org_name(conn, p.organization, p.side)
            if shown != p.name:
                _most_written(conn, pid, shown)
            recount_side(conn, pid)
        for k in keys:
            out.setdefault(k, pid)
    return out


def _spelled_here(keys: list[str], linked: dict[str, str]) -> str | None:
    """The one person this article already named with a full name these keys spell another way
    (``Amy Searingt`` beside ``Amy Searight``): one article writing both is the strong evidence."""
    fits = {pid for k, pid in linked.items() for m in keys if near_spelling(m, k)}
    return fits.pop() if len(fits) == 1 else None


def _context(names: list[str | None]) -> set[str]:
    """The keys under which these organizations are found (``CSIS`` and ``Trung tâm Nghiên cứu Chiến lược
    Quốc tế`` share one)."""
    from .org_link import org_keys

    return {k for n in names if n for k in org_keys(n, None)[0]}


def _variant_in_context(conn: Connection, keys: list[str], office: str | None, org: str | None,
                        article: Article) -> str | None:
    """The one stored person a full name designates by another form of the first name (``Greg Poling``
    beside ``Gregory Poling``) whom a side read differently kept apart, when the context is theirs: the
    organization one record holds as its own is named in the other's article. A first-name form and a
    surname alone are weak (two people may share them); the side of an expert is often misread; the
    organization is the strong evidence. Never for two first names that are not forms of one."""
    full = [k for k in keys if len(k.split()) >= 2 and k.isascii()]
    if not full:
        return None
    fits: dict[str, str | None] = {}
    for pid, akey, _side, poffice in conn.execute(_aliases_by_token(sorted({last_token(k) for k in full}), [])):
        if any(given_variant(k, akey) for k in full) and compatible(None, None, office, poffice):
            fits[pid] = poffice
    if not fits:
        return None
    here = _context([n for o in article.organizations for n in (o.name, *o.aliases)] + [org])
    mine = _context([org])
    m = t.person_mentions.c
    hits = []
    for pid in sorted(fits):
        theirs = _context(list(conn.execute(sa.select(m.organization).where(m.person_id == pid)).scalars()))
        named: set[str] = set()
        for data in conn.execute(sa.select(t.articles.c.data).where(
                t.articles.c.id.in_(sa.select(m.article_id).where(m.person_id == pid)))).scalars():
            named |= _context([n for o in (data or {}).get("organizations") or []
                               for n in (o.get("name"), *(o.get("aliases") or []))])
        if (theirs & here) or (mine & named):
            hits.append(pid)
    return hits[0] if len(hits) == 1 else None


def _most_written(conn: Connection, pid: str, shown: str) -> None:
    """Show the spelling most of a person's articles write, of those as full as the one shown
    (``Randall Schriver`` over the ``Randall Schiver`` of the first article stored); on a tie, the
    one written more often in all, then the one with tone marks (``Trần Văn Khánh``, not ``Tran Van
    Khanh``), then the longer (``Gregory Poling`` beside ``Greg Poling``), then the first in
    alphabetical order, so the name shown does not depend on the order of ingest."""
    m = t.person_mentions.c
    counts = {n: (c, w) for n, c, w in conn.execute(
        sa.select(m.name, sa.func.count(), sa.func.sum(m.n_mentions)).where(m.person_id == pid).group_by(m.name))}
    same = [n for n in counts if n and is_clean_name(n) and len(n.split()) == len(shown.split())]

    def rank(n: str) -> tuple[int, int, int, int, str]:
        c, w = counts.get(n, (0, 0))
        marked = sum(1 for ch in n if not ch.isascii())
        return c, int(w or 0), marked, len(n), "".join(chr(0x10FFFF - ord(ch)) for ch in n)

    best = max(same, key=rank, default=shown)
    if best != shown and rank(best) > rank(shown):
        conn.execute(t.people.update().where(t.people.c.id == pid).values(name=best))


def _namesakes(conn: Connection, key: str) -> int:
    """How many stored people carry this Western given name and surname with middle names too."""
    pa = t.person_aliases.c
    rows = conn.execute(sa.select(pa.person_id, pa.key).where(pa.last_token == last_token(key))).all()
    return len({pid for pid, k in rows if without_middle(key, k)})


def leader_keys(names: list[str], keys: list[str]) -> list[str]:
    """A head of state named by surname alone (``Tổng thống Trump``) is looked up by the full name the
    leaders table gives (``Donald Trump``); a person with a full name of their own is not."""
    if _full(keys):
        return []
    leaders = gazetteer().leaders
    return [name_key(leaders[n][0])[:255] for n in names if n in leaders and len(leaders[n][0].split()) >= 2]


def recount_side(conn: Connection, pid: str) -> None:
    """Set a person's side to the one most of their articles give (ties: the earlier-stored side stays)."""
    counts = dict(conn.execute(_SIDES, {"pid": pid}).all())
    if not counts:
        return
    current = conn.execute(sa.select(t.people.c.side).where(t.people.c.id == pid)).scalar()
    top = max(counts.values())
    leaders = sorted(s for s, n in counts.items() if n == top)
    side = current if current in leaders else leaders[0]
    if side != current:
        conn.execute(_SET_SIDE, {"pid": pid, "s": side})


def new_person(conn: Connection, name: str, key: str, side: str | None, office: str | None) -> str:
    """Insert a people entry for a name no stored entry fits; returns its id (stable from the key and
    side, suffixed on a clash)."""
    base = "p_" + hashlib.sha1("\x1f".join([key, side or ""]).encode("utf-8")).hexdigest()[:12]
    pid, n = base, 1
    while conn.execute(_PERSON_ID, {"pid": pid}).scalar():
        n += 1
        pid = f"{base}_{n}"
    conn.execute(t.people.insert(), {"id": pid, "name": name, "name_key": key, "side": side, "office": office})
    return pid


def person_for(name: str, people: dict[str, str]) -> str | None:
    """The person id an actor or participant name designates within one article."""
    key = name_key(name)
    if key in people:
        return people[key]
    hits = {pid for k, pid in people.items() if match_score(key, k) >= 1}
    return hits.pop() if len(hits) == 1 else None


__all__ = ["find_person", "link_people", "person_for", "recount_side"]
