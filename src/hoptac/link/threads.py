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

Money: each money amount of an entry is ``delivered`` when the clause has a delivery cue
(``đã giải ngân``, ``đã tài trợ``…), ``pledged`` in a commit, agree or propose,
``requested`` in a request, else ``mentioned``. Totals are per category and currency and
count each distinct figure once (five articles reporting one pledge are one pledge);
pledged money is never added to delivered money.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from .lexicon import has_cue

STALL_DAYS = 365
STATUSES = ("raised", "pledged", "in_progress", "fulfilled", "stalled", "dropped")


def signal(act: str, text: str) -> str:
    """What one entry says happened: raised, pledged, in_progress, fulfilled, dropped or noted."""
    if act in ("request", "propose"):
        return "raised"
    for name in ("dropped", "fulfilled", "in_progress"):
        if has_cue(text, "lifecycle", name):
            return name
    if act in ("commit", "agree"):
        return "pledged"
    return "noted"


def money_kind(act: str, text: str) -> str:
    """What an amount of money in an entry is: delivered, pledged, requested or mentioned."""
    if has_cue(text, "money_delivered"):
        return "delivered"
    if act in ("commit", "agree", "propose"):
        return "pledged"
    if act == "request":
        return "requested"
    return "mentioned"


def _day(d: str | None) -> date | None:
    if not d or d.startswith("--"):
        return None
    parts = [*d.split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except ValueError:
        return None


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


def annotate_money(e: dict[str, Any]) -> None:
    """Mark each money amount of an entry (``act``, ``quote``, ``amounts``) with what it is."""
    for a in e.get("amounts") or []:
        if a.get("kind") == "money":
            a["money"] = money_kind(e.get("act", ""), e.get("quote", ""))


def lifecycle(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Annotate entries (``signal``, money ``kind``) and derive status and status history.

    Each entry needs ``id``, ``date``, ``act``, ``quote`` and ``amounts``; the result holds
    ``entries`` (in date order), ``status``, ``status_history`` and ``money``.
    """
    for e in entries:
        e["signal"] = signal(e.get("act", ""), e.get("quote", ""))
    ordered = order(entries)
    machine = StatusMachine()
    for e in ordered:
        machine.feed(e)
        annotate_money(e)
    return {"entries": ordered, "status": machine.status, "status_history": machine.history,
            "money": money_totals(ordered)}


def money_totals(entries: Iterable[dict[str, Any]], *, seen: set[tuple[Any, ...]] | None = None,
                 totals: dict[str, dict[str, float]] | None = None) -> dict[str, dict[str, float]]:
    """Per category (delivered, pledged, requested, mentioned) and currency, distinct figures summed.

    ``seen`` and ``totals`` carry on from earlier entries (both are updated in place).
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
            key = (a["money"], a.get("unit"), a.get("value"), a.get("min"), a.get("max"))
            if key in seen:
                continue
            seen.add(key)
            cat = totals.setdefault(a["money"], {})
            unit = a.get("unit") or "?"
            cat[unit] = cat.get(unit, 0) + value
    return totals
