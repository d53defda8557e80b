"""Linking an article's organizations to the store's organizations: one entry per institution.

Each name gives keys (:func:`org_keys`), stored as the organization's aliases (``org_aliases``):

- **strong** keys, any one of which links: the spelling key (:func:`hoptac.link.names.org_key`,
  ``Hoa Kỳ`` = ``Mỹ``); the same with spaces removed (``Exxon Mobil`` = ``ExxonMobil``); the
  key of the gazetteer's canonical name for a known alias (``AmCham``); and, for an
  organization of Vietnam or the US, its side with the name less its own country and less a
  seat in the other side's country (``Đại sứ quán Hoa Kỳ tại Hà Nội`` = ``Đại sứ quán Mỹ``;
  ``Bộ Ngoại giao Việt Nam`` = ``Bộ Ngoại giao`` of the Vietnamese side);
- a **weak** key, the initials (``LHQ`` = ``Liên Hợp Quốc``, ``GE`` = ``General Electric``),
  which links only when exactly one stored organization bears it and no strong key matched.

Keys fold tone marks, so a key alone would join names that differ only in them. A name joins
an organization found under its own key only where the tone marks allow
(:func:`tone_compatible`): the same toned spelling, or one of the two written without any
mark (``Bo Ngoai giao`` is ``Bộ Ngoại giao``) — but never two toned spellings that differ
(``Bộ Công Thương``, ``Bộ Công Thường``), nor any two the gazetteer knows as different places
or institutions (``Nha Trang``, ``Nhà Trắng``: :func:`contested`).

Where strong keys designate several stored organizations (a store linked before these rules),
the one named in most articles takes the mention. Countries and seats are data in
``resources/linking.yaml`` (``org_countries``, ``org_hosts``).

An article's mentions of one organization are one ``org_mentions`` row with the count under
each spelling (``names``), so a correction can split one spelling off within an article.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.lexicon import LEXICON
from ..link.names import org_key
from ..link.text import fold, lower, name_key, words
from ..model import Article
from ..resources import safe_load
from . import schema as t

OTHER_SIDE = {"VN": "US", "US": "VN"}
_ACRONYM = re.compile(r"^[A-ZĐ][A-ZĐ&]{1,6}$")


@cache
def _tables() -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """Country keys and seat keys per side, longest first; the seat words."""
    with open(LEXICON, encoding="utf-8") as fh:
        data = safe_load(fh)

    def keys(table: dict[str, list[str]]) -> dict[str, list[str]]:
        return {side: sorted({org_key(x) for x in xs if org_key(x)}, key=len, reverse=True)
                for side, xs in table.items()}

    return keys(data["org_countries"]), keys(data["org_hosts"]), [org_key(w) for w in data["org_seat_words"]]


def _core(key: str, side: str | None) -> str | None:
    """A Vietnamese or US organization's key less its own country and less a seat in the other side's country."""
    if side not in OTHER_SIDE:
        return None
    countries, hosts, seats = _tables()
    core = key
    for seat in seats:
        for host in hosts[OTHER_SIDE[side]]:
            tail = f" {seat} {host}"
            if core.endswith(tail):
                core = core[: -len(tail)]
                break
    for country in countries[side]:
        if core.endswith(" " + country):
            core = core[: -len(country) - 1]
            break
    return f"{side}|{core}" if core else None


def org_keys(name: str, side: str | None, aliases: list[str] | tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """The strong and weak keys of an organization's name (and the aliases its article gives).

    Weak keys are ``acr|`` + an acronym as written, or ``ini|`` + the initials of a longer name:
    an acronym is looked up among initials and initials among acronyms (:func:`lookup_weak`),
    so two long names with the same initials never meet.
    """
    from ..extract.gazetteer import gazetteer

    known = gazetteer().known_orgs
    strong: list[str] = []
    weak: list[str] = []
    for i, n in enumerate(dict.fromkeys([name, *aliases])):
        k = org_key(n)
        if not k:
            continue
        if i == 0 or side not in OTHER_SIDE:  # an article's short form of a sided name counts on its side only
            strong += [k, "ns|" + k.replace(" ", "")]
        entry = known.get(n)
        if entry and org_key(entry["name"]) != k:
            strong.append(org_key(entry["name"]))
        core = _core(k, side)
        if core and core not in _shared_cores():
            strong.append(core)
        if _ACRONYM.match(n.strip()):
            weak.append("acr|" + k.replace(" ", ""))
        elif 2 <= len(k.split()) <= 8:
            weak.append("ini|" + "".join(w[0] for w in k.split()))
    return list(dict.fromkeys(strong)), [w for w in dict.fromkeys(weak) if w not in strong]


def lookup_weak(weak: list[str]) -> list[str]:
    """The keys a name's weak keys meet: an acronym's initials, a long name's acronym."""
    return [("ini|" if w.startswith("acr|") else "acr|") + w[4:] for w in weak]


@cache
def _shared_cores() -> frozenset[str]:
    """Side-qualified cores two different gazetteer institutions share (``Phòng Thương mại Hoa Kỳ tại
    Việt Nam``, AmCham, and ``Phòng Thương mại Hoa Kỳ``, the US Chamber): their seat or country tells
    them apart, so the core links neither."""
    from ..extract.gazetteer import gazetteer

    entries: dict[str, set[str]] = {}
    for n, entry in gazetteer().known_orgs.items():
        core = _core(org_key(n), entry.get("side"))
        if core:
            entries.setdefault(core, set()).add(org_key(entry["name"]))
    return frozenset(c for c, names in entries.items() if len(names) > 1)


def toneless(name: str) -> bool:
    """Whether a name is written without any Vietnamese mark (``Nha Trang``, ``Bo Ngoai giao``, ``AmCham``)."""
    low = lower(name)
    return fold(low) == low


@cache
def contested() -> frozenset[str]:
    """Spelling keys the gazetteer gives two different places or institutions whose names differ only in
    tone marks (``Nha Trang`` the city, ``Nhà Trắng`` the White House): never joined by the key alone."""
    from ..extract.gazetteer import gazetteer

    g = gazetteer()
    entries: dict[str, set[str]] = {}  # spelling key -> the entries (by toned key) bearing it
    for n, entry in g.known_orgs.items():
        entries.setdefault(org_key(n), set()).add(name_key(entry["name"]))
    for n in g.place_names:  # a country's names are one entry per side (Mỹ, Hoa Kỳ); a city's its own
        side = g.countries.get(n)
        entries.setdefault(org_key(n), set()).add(f"country:{side}" if side else name_key(n))
    return frozenset(k for k, names in entries.items() if k and len(names) > 1)


def tone_compatible(name: str, spelling: str) -> bool:
    """Whether ``name`` may be the organization known under ``spelling``, a spelling of the same key: the same
    name, spellings that differ by more than tone marks, or one written without marks where the gazetteer
    knows no two names of that key."""
    if name_key(name) == name_key(spelling) or words(fold(name)) != words(fold(spelling)):
        return True  # the same name, or spellings the key makes equal (``Hoa Kỳ``, ``Mỹ``): not a tone mark apart
    if org_key(name) in contested():
        return False
    return toneless(name) or toneless(spelling)


def _tone_filter(conn: Connection, ids: list[str], name: str | None) -> list[str]:
    """The organizations of ``ids`` that ``name`` may be (:func:`tone_compatible`) under its own spelling key."""
    if not name or not ids:
        return ids
    k = org_key(name)
    a = t.org_aliases.c
    spelled = dict(conn.execute(sa.select(a.org_id, a.alias).where(a.key == k, a.org_id.in_(ids))).all())
    return [oid for oid in ids if oid not in spelled or tone_compatible(name, spelled[oid])]


def _holders(conn: Connection, keys: list[str], side: str | None) -> list[str]:
    """The organizations holding any of these keys whose side does not contradict ``side``
    (the US ``Bộ Ngoại giao`` never joins the Vietnamese one by their shared bare name)."""
    a, o = t.org_aliases.c, t.organizations.c
    if not keys:
        return []
    rows = conn.execute(sa.select(a.org_id, o.side).join(t.organizations, o.id == a.org_id).where(a.key.in_(keys)))
    return sorted({oid for oid, s in rows if not (side in OTHER_SIDE and s in OTHER_SIDE and s != side)})


def _most_named(conn: Connection, ids: list[str]) -> str:
    m = t.org_mentions.c
    counts = dict(conn.execute(sa.select(m.org_id, sa.func.count()).where(m.org_id.in_(ids)).group_by(m.org_id)).all())
    return min(ids, key=lambda o: (-counts.get(o, 0), o))


def find_org(conn: Connection, strong: list[str], weak: list[str], side: str | None = None,
             name: str | None = None) -> str | None:
    """The stored organization these keys designate for an organization of ``side`` (None: a new one);
    given the ``name`` written, only one its tone marks allow (:func:`tone_compatible`)."""
    ids = _tone_filter(conn, _holders(conn, strong, side), name)
    if ids:
        return ids[0] if len(ids) == 1 else _most_named(conn, ids)
    ids = _tone_filter(conn, _holders(conn, lookup_weak(weak), side), name)
    return ids[0] if len(ids) == 1 else None


def add_aliases(conn: Connection, oid: str, names: list[str], strong: list[str], weak: list[str]) -> None:
    """Record the keys under which an organization is found (the ones it lacks; never a key
    qualified by the other side's code)."""
    a = t.org_aliases.c
    side = conn.execute(sa.select(t.organizations.c.side).where(t.organizations.c.id == oid)).scalar()
    if side in OTHER_SIDE:
        strong = [k for k in strong if not k.startswith(OTHER_SIDE[side] + "|")]
    have = set(conn.execute(sa.select(a.key).where(a.org_id == oid)).scalars())
    label = names[0]
    rows = [{"org_id": oid, "key": k[:255], "alias": label, "weak": w}
            for k, w in [*((k, False) for k in strong), *((k, True) for k in weak)] if k[:255] not in have]
    rows = list({r["key"]: r for r in rows}.values())
    if rows:
        conn.execute(t.org_aliases.insert(), rows)


def link_orgs(conn: Connection, article: Article, aid: str) -> dict[str, str]:
    """Resolve the article's organizations to stored ones (creating the new), record the mentions;
    returns spelling key -> organization id."""
    rows: dict[str, dict] = {}
    out: dict[str, str] = {}
    for o in article.organizations:
        key = org_key(o.name)
        if not key:
            continue
        strong, weak = org_keys(o.name, o.side, list(o.aliases))
        oid = find_org(conn, strong, weak, o.side, o.name)
        if oid is None:
            oid = _new_org(conn, o.name, key, o.kind, o.side)
        add_aliases(conn, oid, [o.name], strong, weak)
        out[key] = oid
        row = rows.setdefault(oid, {"org_id": oid, "article_id": aid, "name": o.name, "n_mentions": 0, "names": {}})
        n = max(1, len(o.mentions))
        row["n_mentions"] += n
        row["names"][o.name] = row["names"].get(o.name, 0) + n
    if rows:
        conn.execute(t.org_mentions.insert(), list(rows.values()))
    return out


def _new_org(conn: Connection, name: str, key: str, kind: str | None, side: str | None) -> str:
    base = "o_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    oid, n, k = base, 1, key[:255]
    while conn.execute(sa.select(t.organizations.c.id).where(
            sa.or_(t.organizations.c.id == oid, t.organizations.c.name_key == k))).first():
        n += 1
        oid, k = f"{base}_{n}", f"{key[:240]}#{n}"
    conn.execute(t.organizations.insert(), {"id": oid, "name": name, "name_key": k, "kind": kind, "side": side})
    return oid


def resolve_org(conn: Connection, ident: str) -> str | None:
    """The organization id for an id or any of its spellings (tone marks optional)."""
    if conn.execute(sa.select(t.organizations.c.id).where(t.organizations.c.id == ident)).scalar():
        return ident
    strong, weak = org_keys(ident, None)
    for side in OTHER_SIDE:  # the name may carry a side's country or seat ("… tại Việt Nam")
        strong += [k for k in org_keys(ident, side)[0] if k.startswith(side + "|")]
    return find_org(conn, strong, weak, None, ident)


__all__ = ["add_aliases", "contested", "find_org", "link_orgs", "org_keys", "resolve_org", "tone_compatible",
           "toneless"]
