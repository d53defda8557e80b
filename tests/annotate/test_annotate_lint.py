"""The annotation lint on self-written articles: a span at the wrong occurrence is pointed out."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner

from hoptac.annotate.__main__ import main
from hoptac.annotate.lint import headline_end, lint
from hoptac.annotate.schema import dump, new_doc, read_text
from hoptac.annotate.spans import resolve_doc

# Written for this test: a headline, then a lead and a body that repeat names and places
# with enough filler between them that a wrong occurrence lands far from its item.
FILLER = "Hai bên điểm lại quá trình hợp tác giáo dục, y tế, khắc phục hậu quả chiến tranh và thương mại. " * 6
ARTICLE = (
    "Bộ trưởng Lê Văn An tiếp Đại sứ Mỹ tại Hà Nội\n"
    "\n"
    "Sáng 4/9, tại Hà Nội, Bộ trưởng Bộ Nông nghiệp Lê Văn An đã tiếp Đại sứ Hoa Kỳ Peter Lowell.\n"
    + FILLER + "\n\n"
    "Ông An đề nghị phía Mỹ mở cửa thị trường cho trái bơ của Việt Nam.\n"
    + FILLER + "\n"
    "Đại sứ Lowell cho biết Mỹ sẽ cử chuyên gia kiểm dịch sang Hà Nội trong tháng 10.\n"
    "Ông An cảm ơn phía Mỹ.\n"
)


def _quotes(rel: str, corpus: Path) -> dict:
    doc = new_doc(rel, "tester", corpus, status="done")
    doc["people"] = [
        {"id": "p1", "name": "Lê Văn An", "side": "VN", "org": None,
         "title": {"q": "Bộ trưởng Bộ Nông nghiệp"}, "mentions": [{"q": "Lê Văn An", "all": True},
                                                                {"q": "An", "all": True}]},
        {"id": "p2", "name": "Peter Lowell", "side": "US", "org": None,
         "title": {"q": "Đại sứ Hoa Kỳ"}, "mentions": [{"q": "Peter Lowell"}, {"q": "Lowell", "n": 2}]},
    ]
    doc["events"] = [{"id": "e1", "type": "reception", "trigger": {"q": "tiếp", "n": 2},
                      "participants": ["p1", "p2"], "date": "Sáng 4/9", "date_value": "--09-04",
                      "place": {"q": "Hà Nội", "n": 2}, "status": "happened", "background": False}]
    doc["statements"] = [
        {"id": "s1", "actor": "p1", "actor_span": {"q": "An", "n": 3}, "cue": "đề nghị",
         "clause": {"from": "phía Mỹ mở cửa", "to": "của Việt Nam"}, "act": "request", "side": "VN",
         "addressee_side": "US", "topics": ["trade"], "threads": []},
        {"id": "s2", "actor": "p2", "actor_span": {"q": "Lowell", "n": 2}, "cue": "cho biết",
         "clause": {"from": "Mỹ sẽ cử", "to": "tháng 10"}, "act": "commit", "side": "US",
         "addressee_side": "VN", "topics": ["trade"], "threads": []},
    ]
    return doc


@pytest.fixture()
def article(tmp_path: Path) -> tuple[Path, str, dict]:
    corpus = tmp_path / "corpus"
    (corpus / "vnus").mkdir(parents=True)
    rel = "vnus/vnus_9998_lint.txt"
    (corpus / rel).write_bytes(ARTICLE.encode("utf-8"))
    text = read_text(corpus / rel)
    doc, errors = resolve_doc(_quotes(rel, corpus), text)
    assert errors == []
    return corpus, text, doc


def _checks(doc: dict, text: str) -> set[tuple[str, str]]:
    return {(w.check, w.item) for w in lint(doc, text)}


def _occurrence(text: str, needle: str, n: int) -> list[int]:
    start = -1
    for _ in range(n):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def test_a_careful_annotation_has_no_warning(article) -> None:
    _, text, doc = article
    assert lint(doc, text) == []


def test_headline_is_the_short_first_line_only() -> None:
    assert headline_end(ARTICLE) == ARTICLE.index("\n")
    lead_only = "Sáng 4/9, " + "Bộ trưởng tiếp đoàn doanh nghiệp Mỹ và trao đổi về hợp tác. " * 5 + "\nÔng nói."
    assert headline_end(lead_only) == 0


def test_actor_at_a_far_occurrence_of_the_same_name(article) -> None:
    _, text, doc = article
    bad = copy.deepcopy(doc)
    bad["statements"][0]["actor_span"] = _occurrence(text, "Ông An", 2)   # the thanks at the end
    got = _checks(bad, text)
    assert ("actor_far", "s1") in got
    assert ("actor_far", "s2") not in got


def test_actor_named_again_between_the_chosen_span_and_the_cue(article) -> None:
    _, text, doc = article
    bad = copy.deepcopy(doc)
    # the lead's full name is a mention of p2 too, but the body names Lowell right before the cue
    bad["statements"][1]["actor_span"] = _occurrence(text, "Peter Lowell", 1)
    assert ("actor_nearer", "s2") in _checks(bad, text)
    # a speaker named after the quotation ("…", ông X nói) is not flagged
    assert ("actor_nearer", "s2") not in _checks(doc, text)


def test_place_in_the_headline_and_far_date(article) -> None:
    _, text, doc = article
    bad = copy.deepcopy(doc)
    bad["events"][0]["place"] = _occurrence(text, "Hà Nội", 1)       # the headline's
    bad["events"][0]["date"] = _occurrence(text, "tháng 10", 1)      # the planned mission's month
    got = _checks(bad, text)
    assert ("place_headline", "e1") in got
    assert ("date_far", "e1") in got
    assert ("place_far", "e1") not in got                           # the headline is near the lead


def test_long_clause_across_paragraphs_and_cue_in_headline(article) -> None:
    _, text, doc = article
    bad = copy.deepcopy(doc)
    s1 = bad["statements"][0]
    s1["clause"] = [text.index("Sáng 4/9"), text.index("của Việt Nam") + len("của Việt Nam")]
    bad["statements"][1]["cue"] = _occurrence(text, "tiếp", 1)       # a headline word
    got = _checks(bad, text)
    assert {("clause_long", "s1"), ("clause_paragraphs", "s1"), ("cue_headline", "s2")} <= got
    assert ("cue_far", "s2") in got


def test_actor_span_on_another_persons_mention(article) -> None:
    _, text, doc = article
    bad = copy.deepcopy(doc)
    bad["statements"][1]["actor_span"] = bad["people"][0]["mentions"][-1]
    assert ("actor_other", "s2") in _checks(bad, text)
    bad["statements"][1]["actor_alternatives"] = ["p1"]
    assert ("actor_other", "s2") not in _checks(bad, text)


def test_lint_command_reports_and_never_fails(article, tmp_path: Path, monkeypatch) -> None:
    corpus, text, doc = article
    monkeypatch.setenv("HOPTAC_CORPUS", str(corpus))
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    dump(doc, good)
    wrong = copy.deepcopy(doc)
    wrong["statements"][0]["actor_span"] = _occurrence(text, "Ông An", 2)
    dump(wrong, bad)
    result = CliRunner().invoke(main, ["lint", str(good), str(bad)])
    assert result.exit_code == 0
    assert "bad.json: s1 actor_far" in result.output
    assert "good.json" not in result.output
    assert result.output.strip().endswith(f"{result.output.count('bad.json: ')} warnings in 1 files")
    folder = CliRunner().invoke(main, ["lint", str(tmp_path)])        # a folder is searched for files
    assert folder.exit_code == 0 and "bad.json: s1 actor_far" in folder.output
    wrong["status"] = "draft"                                       # drafts only with --all-status
    dump(wrong, bad)
    assert "0 warnings" in CliRunner().invoke(main, ["lint", str(bad)]).output
    assert "actor_far" in CliRunner().invoke(main, ["lint", "--all-status", str(bad)]).output
