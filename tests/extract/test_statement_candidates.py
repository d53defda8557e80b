"""Candidates the rules leave (extract/candidates.py) and how the learned decision treats them."""

from __future__ import annotations

import re

from hoptac.extract.statements import extract_statements
from hoptac.learn.features import choice
from hoptac.learn.modes import CANDIDATES, using
from hoptac.learn.statements import NAME
from hoptac.model import Article, Person
from hoptac.settings import DEFAULT

# A self-written article: a cue word of `candidate_cues` (ca ngợi), a phrasing an exception list
# undoes (sẽ thăm: a schedule for the rules), and a plain rule statement (đề nghị).
TEXT = (
    "Ngày 3/4, Bộ trưởng Nguyễn Văn An tiếp Đại sứ Hoa Kỳ John Smith.\n"
    "Đại sứ John Smith ca ngợi những nỗ lực của Việt Nam trong việc tìm kiếm quân nhân Hoa Kỳ mất tích.\n"
    "Ông John Smith cho biết Tổng thống Hoa Kỳ sẽ thăm Việt Nam vào năm tới.\n"
    "Bộ trưởng Nguyễn Văn An đề nghị Hoa Kỳ tiếp tục hỗ trợ rà phá bom mìn.\n"
)


def statements(mode: str) -> list:
    art = Article(text=TEXT, published="2025-04-04")
    art.people = [Person(name=n, side=sd, mentions=[(m.start(), m.end()) for m in re.finditer(re.escape(p), TEXT)])
                  for n, sd, p in (("Nguyễn Văn An", "VN", "Nguyễn Văn An"), ("John Smith", "US", "John Smith"))]
    with using(NAME, mode):
        return extract_statements(art, DEFAULT).statements


def test_rules_ship_no_candidate_they_left() -> None:
    got = statements("rules")
    assert all(not s.origin for s in got)
    assert not any("ca ngợi" in s.text for s in got)
    assert any(s.act == "request" and s.actor == "Nguyễn Văn An" for s in got)


def test_a_candidate_cue_word_is_proposed_with_its_subject() -> None:
    got = [s for s in statements(CANDIDATES) if s.origin]
    praise = [s for s in got if TEXT[s.cue[0]:s.cue[1]] == "ca ngợi"]
    assert praise and praise[0].actor == "John Smith" and praise[0].act == "welcome"
    assert "how:subject" in praise[0].origin and "why:candidate" in praise[0].origin


def test_a_cue_an_exception_undoes_is_proposed_with_the_reporting_speaker() -> None:
    got = [s for s in statements(CANDIDATES) if s.origin and TEXT[s.cue[0]:s.cue[1]] == "sẽ"]
    assert got, "the 'sẽ' of 'sẽ thăm' is a candidate"
    assert {"why:phrase"} <= set(got[0].origin)
    assert "John Smith" in {s.actor for s in got}  # the speaker whose clause holds it


def test_internal_fields_are_not_exported() -> None:
    for s in statements(CANDIDATES):
        d = s.to_dict()
        assert "origin" not in d and "cue" not in d


def test_choice_keeps_rules_unless_sure_and_adds_only_sure_candidates() -> None:
    unsure = {"none": 0.5, "commit": 0.26, "inform": 0.24}  # neither label has 0.6 of the rest
    sure_commit = {"none": 0.2, "commit": 0.7, "inform": 0.1}
    sure_inform = {"none": 0.2, "commit": 0.1, "inform": 0.7}
    assert choice(unsure, "inform", "both", 0.6, add=0.5) == "inform"  # kept as the rules say
    assert choice(sure_commit, "inform", "both", 0.6, add=0.5) == "commit"  # relabelled where sure
    assert choice(unsure, "none", "both", 0.6, add=0.5) == "none"  # a left candidate needs the model sure
    assert choice(sure_commit, "none", "both", 0.6, add=0.5) == "commit"
    assert choice(sure_commit, "none", "both", 0.6, add=0.8) == "none"
    assert choice(sure_inform, "none", "both", 0.6, add=0.5, quiet="inform") == "none"  # adds nothing
    assert choice(unsure, "inform", "model", 0.6) == "none"  # the model alone drops too


def test_the_decision_reads_a_decomposed_text_as_its_composed_form() -> None:
    """Positions stay those of the text given; the words and cues the model reads are composed."""
    import unicodedata

    from hoptac.learn.statements import features

    rows = []
    for form in ("NFC", "NFD"):
        text = unicodedata.normalize(form, "Hai bên nhất trí thúc đẩy hợp tác về trí tuệ nhân tạo.\n")
        art = Article(text=text)
        with using(NAME, CANDIDATES):
            found = extract_statements(art, DEFAULT).statements
        rules = [s for s in found if not s.origin]
        rows.append([sorted(features(art, s, (set(), set()), rules)) for s in found])
    assert rows[0] and rows[0] == rows[1]
    assert any("own:nhất trí" in r for r in rows[0])
