"""A thread's status lifecycle, and its money kept apart by what happened to it.

The lifecycle follows AidData's project stages and promise trackers. Each entry (a
statement on the thread) first gets a **signal** from its act and its words (cue lists in
``resources/linking.yaml``):

- a ``request`` or ``propose`` is ``raised`` (whatever words it holds: asking for
  recognition is not recognition);
- otherwise a drop cue (``rút khỏi``, ``từ bỏ``…) is ``dropped``; a completion cue
  (``đã hoàn thành``, ``chính thức công nhận``, ``bàn giao``…) is ``fulfilled``; a progress
  cue (``đang triển khai``, ``vòng đàm phán``…) is ``in_progress``;
- else a ``commit`` or ``agree`` is ``pledged`` (the other side said it will consider or do);
- anything else (``welcome``, ``inform`` without cues) is ``noted`` and changes nothing.

Entries are taken in date order; on one day, and among the undated entries (which come
last), a ``raised`` entry comes before the answers to it. Undated entries cannot stall a
thread (no gap can be measured). The status moves:

- ``raised``: starts a thread (status None -> raised) or reopens a ``fulfilled`` or
  ``dropped`` one; when the thread is ``raised``, ``pledged`` or ``in_progress`` and more
  than :data:`STALL_DAYS` passed since the last movement (the first raise, or the last
  pledge, progress or fulfilment), the thread becomes ``stalled`` — raised again with no
  movement after a long time. Otherwise a raise changes nothing.
- ``pledged``: from None, raised, stalled or dropped (never a step back from in_progress
  or fulfilled).
- ``in_progress``: from anything but in_progress and fulfilled.
- ``fulfilled`` and ``dropped``: from any other status.

Every change is recorded in ``status_history`` with the entry that caused it.

Undated entries are counted and listed (apart, "date unknown") but never move the status:
the status and its history come from the dated entries alone.

Each entry has a **role** (:func:`role`): a ``request`` or ``propose`` is a request, a
``commit`` or ``agree`` a commitment, a ``welcome`` a welcome, an ``inform`` a **position**
(``Mỹ rút khỏi TPP``, the US answer on market economy status): positions are part of the
story, and their lifecycle cues move the status like any other entry's.

Money: each money amount of an entry is ``delivered`` when the clause has a delivery cue
(``đã giải ngân``, ``đã tài trợ``…), ``pledged`` in a commit, agree or propose,
``asked`` in a request, else ``mentioned``; it is credited to a **side** (:func:`money_side`):
the asker for money asked, else the payer the sentence names (``do Mỹ tài trợ``, ``Mỹ viện
trợ …``, a donor agency such as USAID), else the entry's side. Totals are per side, kind and
currency and count each distinct figure once (five articles reporting one pledge are one
pledge); pledged money is never added to delivered money.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from .lexicon import cue, has_cue, lexicon
from .text import lower

STALL_DAYS = 365
STATUSES = ("raised", "pledged", "in_progress", "fulfilled", "stalled", "dropped")


def signal(act: str, text: str) -> str:
    """What one entry says happened: raised, pledged, in_progress, fulfilled, dropped or noted."""
    if act in ("request", "propose"):
        return "raised"
    for name in ("dropped", "fulfilled", "in_progress"):
        if name == "fulfilled" and not _done(text):
            continue
        if has_cue(text, "lifecycle", name):
            return name
    if act in ("commit", "agree"):
        return "pledged"
    return "noted"


def entry_signals(sig: str, threads: list[str], subthreads: list[str]) -> dict[str, str]:
    """The signal of a statement on each of its threads and sub-issues.

    A sub-issue done or dropped (the Đà Nẵng clean-up finished) is progress on its thread, not
    the thread's end: on the (top-level) threads of a statement naming a sub-issue, ``fulfilled``
    and ``dropped`` become ``in_progress``.
    """
    partial = "in_progress" if subthreads and sig in ("fulfilled", "dropped") else sig
    out = {th: partial for th in threads}
    out.update({th: sig for th in subthreads})
    return out


@cache
def _pending() -> re.Pattern[str]:
    words = "|".join(re.escape(lower(w)) for w in sorted(lexicon()["lifecycle_pending"], key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?:\s+\S+){{0,2}}\s+$")


def _done(text: str) -> bool:
    """Whether a completion cue of the text tells a fact (``đã hoàn tất``), not an aim (``sớm hoàn tất``)."""
    low = lower(text)
    return any(not _pending().search(low, max(0, m.start() - 40), m.start())
               for m in cue("lifecycle", "fulfilled").finditer(low))


def money_kind(act: str, text: str) -> str:
    """What an amount of money in an entry is: delivered, pledged, asked or mentioned."""
    if has_cue(text, "money_delivered"):
        return "delivered"
    if act in ("commit", "agree", "propose"):
        return "pledged"
    if act == "request":
        return "asked"
    return "mentioned"


ROLES = {"request": "request", "propose": "request", "commit": "commitment", "agree": "commitment",
         "welcome": "welcome", "inform": "position"}


def role(act: str) -> str:
    """What an entry is in its thread: a request, a commitment, a welcome or a position."""
    return ROLES.get(act, "position")


@cache
def _funders() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """Per side: the payer before a funding verb, after ``do``/``của``/``từ``, and donor agencies."""
    data = lexicon()["money_payers"]
    verbs = "|".join(re.escape(lower(v)) for v in sorted(data["verbs"], key=len, reverse=True))
    before, after, donors = {}, {}, {}
    for side, names in data["sides"].items():
        alt = "|".join(re.escape(lower(n)) for n in sorted(names, key=len, reverse=True))
        before[side] = re.compile(rf"(?<!\w)(?:{alt})(?!\w)(?:\s+\S+){{0,3}}?\s+(?:{verbs})(?!\w)")
        after[side] = re.compile(rf"^[^.;]{{0,40}}?(?<!\w)(?:do|của|từ)\s+(?:{alt})(?!\w)")
        agencies = [re.escape(lower(n)) for n in (data.get("donors") or {}).get(side) or []]
        donors[side] = re.compile(rf"(?<!\w)(?:{'|'.join(agencies) or '(?!)'})(?!\w)")
    return before, after, donors


def payer(sentence: str, start: int, end: int) -> str | None:
    """The side the sentence names as paying the amount at [start, end), or None.

    ``… 110 triệu USD do Mỹ tài trợ`` (after the amount), else the last ``Mỹ (…) viện trợ`` before
    it, else a donor agency (``USAID``) of one side only named in the sentence.
    """
    low = lower(sentence)
    before, after, donors = _funders()
    for side, pat in after.items():
        if pat.search(low[end:]):
            return side
    best: tuple[int, str] | None = None
    for side, pat in before.items():
        for m in pat.finditer(low, 0, start):
            if best is None or m.end() > best[0]:
                best = (m.end(), side)
    if best is not None:
        return best[1]
    named = [side for side, pat in donors.items() if pat.search(low)]
    return named[0] if len(named) == 1 else None


def money_side(kind: str, side: str | None, paid_by: str | None) -> str | None:
    """The side an amount is credited to: the asker for money asked, else the payer, else the entry's side."""
    if kind == "asked":
        return side
    return paid_by or side


def _day(d: str | None) -> date | None:
    if not d or d.startswith("--"):
        return None
    parts = [*d.split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except ValueError:
        return None


def is_dated(d: str | None) -> bool:
    """Whether a date places an entry in the lifecycle (a real year at least; ``--MM-DD`` does not)."""
    return _day(d) is not None


def _gap(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    return None if da is None or db is None else (db - da).days


_RANK = {"raised": 0, "noted": 1, "pledged": 2, "in_progress": 3, "fulfilled": 4, "dropped": 5}


def order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries in date order, undated ones last; on one day (or undated) an ask comes before its answer."""
    def key(e: dict[str, Any]) -> tuple[Any, ...]:
        return (e.get("date") or "", _RANK.get(e.get("signal", ""), 1))

    dated = sorted((e for e in entries if _day(e.get("date"))), key=lambda e: (_day(e["date"]), key(e)))
    return dated + sorted((e for e in entries if not _day(e.get("date"))), key=key)


def order_key(date: str | None, sig: str, article_id: str, idx: int) -> str:
    """A string that sorts entries as :func:`order` does (ties: by article, then statement).

    The store keeps it beside each thread entry, so a page of a thread is an index range.
    Dates are ISO prefixes (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``): padded with spaces, which
    sort before ``-`` and digits, so ``2023`` comes before ``2023-01-01`` as in :func:`order`.
    """
    dated = _day(date) is not None
    return f"{0 if dated else 1} {(date or ''):<10} {_RANK.get(sig, 1)} {article_id} {idx:06d}"


def order_day(key: str) -> str:
    """The part of an :func:`order_key` that entries of one date share (dated or not, and the date)."""
    return key[:12]


def order_fields(key: str) -> tuple[str | None, str]:
    """The date (None when there was none) and the article id an :func:`order_key` was made of."""
    return key[2:12].strip() or None, key[13:].split(" ", 1)[1].rsplit(" ", 1)[0]


class StatusMachine:
    """The status of a thread, fed its entries one by one in :func:`order` (see the module docstring)."""

    def __init__(self, status: str | None = None, last_move: str | None = None,
                 history: list[dict[str, Any]] | None = None) -> None:
        """A new thread, or one resumed where an earlier run over its first entries stopped."""
        self.status = status
        self.last_move = last_move
        self.history: list[dict[str, Any]] = list(history or [])

    def _change(self, new: str, entry: dict[str, Any], reason: str) -> None:
        self.history.append({"status": new, "from": self.status, "entry": entry["id"],
                             "article": entry.get("article_id"), "date": entry.get("date"), "reason": reason})
        self.status = new

    def feed(self, e: dict[str, Any]) -> None:
        """Move the status on one entry (``id``, ``article_id``, ``date`` and its ``signal``)."""
        g, d, status = e["signal"], e.get("date"), self.status
        if g == "raised":
            if status is None:
                self._change("raised", e, "first raised")
                self.last_move = d
            elif status in ("fulfilled", "dropped"):
                self._change("raised", e, f"raised again after {status}")
                self.last_move = d
            elif status in ("raised", "pledged", "in_progress"):
                gap = _gap(self.last_move, d)
                if gap is not None and gap > STALL_DAYS:
                    self._change("stalled", e, f"raised again {gap} days after the last movement")
        elif g == "pledged":
            if status in (None, "raised", "stalled", "dropped"):
                self._change("pledged", e, "the other side said it will consider or do it")
            self.last_move = d or self.last_move
        elif g == "in_progress":
            if status not in ("in_progress", "fulfilled"):
                self._change("in_progress", e, "reported under way")
            self.last_move = d or self.last_move
        elif g in ("fulfilled", "dropped"):
            if status != g:
                self._change(g, e, "reported done" if g == "fulfilled" else "reported abandoned")
            self.last_move = d or self.last_move


def annotate_money(e: dict[str, Any], sentence: tuple[str, int] | None = None) -> None:
    """Mark each money amount of an entry with its kind (``money``), ``payer`` and credited ``side``.

    The entry holds ``act``, ``side``, ``quote`` and ``amounts`` (and ``evidence``, where the
    quote starts in its article); ``sentence`` is the text the payer is looked for in and where
    the quote starts inside it (by default the quote alone).
    """
    text, offset = sentence or (e.get("quote", ""), 0)
    for a in e.get("amounts") or []:
        if a.get("kind") != "money":
            continue
        a["money"] = money_kind(e.get("act", ""), e.get("quote", ""))
        start, end = _in_quote(e, a)
        a["payer"] = payer(text, start + offset, end + offset)
        a["side"] = money_side(a["money"], e.get("side"), a["payer"])


def _in_quote(e: dict[str, Any], a: dict[str, Any]) -> tuple[int, int]:
    """Where an amount sits in its entry's quote: by evidence, else by its text, else at the quote's end."""
    ev, at = a.get("evidence"), e.get("evidence")
    if ev and at:
        return ev[0] - at[0], ev[1] - at[0]
    quote = e.get("quote", "")
    i = quote.find(a.get("text") or "\x00")
    return (i, i + len(a.get("text") or "")) if i >= 0 else (len(quote), len(quote))


def lifecycle(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Annotate entries (``signal``, ``role``, money kind and side) and derive status and status history.

    Each entry needs ``id``, ``date``, ``act``, ``side``, ``quote`` and ``amounts``; the result
    holds ``entries`` (in date order, undated last), ``status`` and ``status_history`` (from the
    dated entries only) and ``money`` (see :func:`money_totals`).
    """
    for e in entries:
        e["signal"] = signal(e.get("act", ""), e.get("quote", ""))
        e["role"] = role(e.get("act", ""))
    ordered = order(entries)
    machine = StatusMachine()
    for e in ordered:
        if is_dated(e.get("date")):
            machine.feed(e)
        annotate_money(e)
    return {"entries": ordered, "status": machine.status, "status_history": machine.history,
            "money": money_totals(ordered)}


def money_totals(entries: Iterable[dict[str, Any]], *, seen: set[tuple[Any, ...]] | None = None,
                 totals: dict[str, dict[str, dict[str, float]]] | None = None,
                 items: list[dict[str, Any]] | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """Per side, kind (delivered, pledged, asked, mentioned) and currency, distinct figures summed.

    ``seen``, ``totals`` and ``items`` carry on from earlier entries (all are updated in place):
    ``items`` gets one record per distinct figure, with the quote and entry it was first read in
    and how many entries reported it.
    """
    seen = set() if seen is None else seen
    totals = {} if totals is None else totals
    for e in entries:
        for a in e.get("amounts") or []:
            if a.get("kind") != "money" or "money" not in a:
                continue
            value = a.get("value") if a.get("value") is not None else a.get("max")
            if value is None:
                continue
            side = a.get("side") or "?"
            key = (side, a["money"], a.get("unit"), a.get("value"), a.get("min"), a.get("max"))
            if key in seen:
                for it in items if items is not None else []:
                    if tuple(it["key"]) == key:
                        it["reports"] += 1
                continue
            seen.add(key)
            cat = totals.setdefault(side, {}).setdefault(a["money"], {})
            unit = a.get("unit") or "?"
            cat[unit] = cat.get(unit, 0) + value
            if items is not None:
                items.append({"key": list(key), "side": side, "kind": a["money"], "payer": a.get("payer"),
                              "value": a.get("value"), "min": a.get("min"), "max": a.get("max"), "unit": unit,
                              "text": a.get("text"), "quote": e.get("quote"), "entry": e.get("id"),
                              "article": e.get("article_id"), "date": e.get("date"), "reports": 1})
    return totals
