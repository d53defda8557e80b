"""Features of the statement decision (:mod:`hoptac.learn.statements`) that read a candidate's own
cue in its place and who says it: the words right after the cue, crossed with it, and the actor's
title. The plain features read the clause as a bag of words; these tell ``sẽ hỗ trợ`` (a promise)
from ``sẽ thăm`` (a schedule: an exception the rules list in ``not_cues``) and a head of
government's ``cần`` from an analyst's, learned from the annotations rather than listed by hand.
Measured and left out (5-fold CV on the train split): who is written as the subject right before
the cue, and whether the cue stands inside quotation marks (both lowered threads F1)."""

from __future__ import annotations

from ..clean.normalize import nfc
from ..model import Article, Statement
from .features import words


def mood(article: Article, st: Statement, people: dict[str, str | None], orgs: dict[str, str]) -> list[str]:
    """The features of a candidate's own cue and its actor (see the module's docstring); ``people``
    and ``orgs``: by name, a person's title and an organization's kind."""
    if st.cue is None:
        return ["mood:none"]
    text = article.text
    ca, cb = st.cue
    word = "_".join(words(nfc(text[ca:cb])))
    row = []
    after = words(nfc(text[cb:cb + 30]))[:2]
    if after:
        row.append(f"next:{word}_{after[0]}")
        if len(after) > 1:
            row.append(f"next2:{word}_{after[0]}_{after[1]}")
    title = people.get(st.actor)
    if title:
        head = words(nfc(title))[:2]
        if head:
            row += [f"title:{'_'.join(head)}", f"title1:{head[0]}", f"title_cue:{head[0]}_{word}"]
    elif st.actor in orgs:
        row.append(f"org_kind:{orgs[st.actor]}")
    return row
