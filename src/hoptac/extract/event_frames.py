"""A forum told as the setting of what its sentence goes on to tell.

``Bên lề Diễn đàn ... ngày 14/3, A và B ký ...`` already makes the forum the frame of the events
after it (``event_rules.setting`` words). A forum the sentence opens on with a plain preposition of
place (``Tại hội thảo do X tổ chức ngày 14/3, A và B đã ký ...``) is as much the setting: the
events after it took place there, on its written day. Only a forum that opens the sentence is a
frame, so ``A gặp B tại hội nghị ngày 14/3`` (the forum after the event) is left to the
``bên lề`` rule of ``events``. Such a plain opening frames only a signing (see ``lends_day``).

A list of meetings of one subject (``Ngày 20/4, A hội đàm với B, gặp C``) is one meeting per
counterpart, all on the day written once (``listed_day``).
"""

from __future__ import annotations

import re
from functools import cache

from .event_merge import Draft
from .event_rules import EventRules
from .gazetteer import alternation, load_yaml

__all__ = ["frames_what_follows", "lends_day", "listed_day"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The sentence's first words before a forum cue that make it a setting (a preposition of place,
    perhaps a classifier), and a count of occasions before a meeting cue (``setting_open``,
    ``setting_classifiers``, ``tally_nouns`` of ``events.yaml``)."""
    ev = load_yaml("events.yaml")
    opening = re.compile(rf"^\s*(?:{alternation(ev['setting_open'])})\s+(?:(?:{alternation(ev['setting_classifiers'])})\s+)?$",
                         re.IGNORECASE)
    tally = re.compile(rf"\d+\s+(?:{alternation(ev['tally_nouns'])})\s*$", re.IGNORECASE)
    return opening, tally


def frames_what_follows(text: str, r: EventRules, d: Draft, first: bool) -> bool:
    """Whether the dialogue draft ``d`` (a forum), the first of its sentence, is the setting of the
    events its sentence tells after it: a ``setting`` word before its cue (``Trong khuôn khổ``,
    ``Bên lề``) or a preposition of place opening the sentence (``Tại hội thảo ...``)."""
    if d.type != "dialogue" or not first:
        return False
    before = text[d.start:d.cue[0]]
    return bool(r.setting.search(before) or _patterns()[0].match(before))


def lends_day(text: str, r: EventRules, frame: Draft, d: Draft) -> bool:
    """Whether the forum ``frame`` opening the sentence lends its day and place to the event ``d``
    told after it. After a ``setting`` word it frames any event; after a plain ``Tại``/``Trong`` only a
    signing: what a press briefing or summit ``Tại cuộc họp báo ngày 25/5, ...`` tells of a meeting or a
    visit is told there, not held there (read on the corpus: such meetings and visits took the
    briefing's day wrongly)."""
    return d.type != "dialogue" and (d.type == "signing" or bool(r.setting.search(text[frame.start:frame.cue[0]])))


# a list of meeting cues: the earlier cue's clause closes on a comma, the next cue follows it
_LISTED = re.compile(r"^[^.;:!?]*,\s*(?:(?:đã|cũng|và|rồi)\s+)*$", re.IGNORECASE)
_MEETINGS = {"meeting", "reception", "call"}


def listed_day(text: str, prev: Draft, d: Draft) -> bool:
    """Whether the undated meeting ``d`` is the next item of a list of meetings of one subject
    that ``prev`` opens (``Ngày 20/4, A hội đàm với B, gặp C``): each counterpart its own
    meeting, told on the same day with the same status, so ``d`` takes ``prev``'s day. Not after a
    counted one (``42 cuộc điện đàm với ..., hội đàm với ...``): a tally of a period, no one day."""
    return (d.date is None and prev.date is not None and d.type in _MEETINGS and prev.type in _MEETINGS
            and d.planned == prev.planned and not prev.counted
            and not _patterns()[1].search(text, prev.start, prev.cue[0]) and bool(_LISTED.match(text[prev.cue[1]:d.cue[0]])))
