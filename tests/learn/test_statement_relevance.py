"""The statement decision's reading of whom an act is toward, and its ``silence`` threshold."""

from __future__ import annotations

import unicodedata

import pytest

from hoptac.learn import statements as learn_statements
from hoptac.learn.statement_relevance import relevance
from hoptac.model import Article, Person, Statement

# Self-written: a Vietnamese leader's call on a third country, then on the other side, in an
# article that names the United States twice.
TEXT = ("Thủ tướng Lê Văn An tiếp Đại sứ Hoa Kỳ John Smith tại Hà Nội.\n"
        "Thủ tướng đề nghị Nhật Bản tăng cường đầu tư vào hạ tầng.\n"
        "Thủ tướng đề nghị ông John Smith thúc đẩy doanh nghiệp Mỹ mở văn phòng.\n"
        "Ông cũng kêu gọi doanh nghiệp Việt Nam nâng cao năng lực.\n")


def _article(text: str) -> Article:
    art = Article(text=text, raw=text, offsets=[(0, 0, len(text))])
    art.people = [Person(name="Lê Văn An", side="VN"), Person(name="John Smith", side="US")]
    return art


def _request(text: str, sentence: int) -> Statement:
    """The request of the ``sentence``-th line, its cue the line's ``đề nghị`` or ``kêu gọi``."""
    start = sum(len(line) + 1 for line in text.split("\n")[:sentence])
    line = text.split("\n")[sentence]
    form = "NFC" if unicodedata.is_normalized("NFC", text) else "NFD"
    word = next(w for w in (unicodedata.normalize(form, w) for w in ("đề nghị", "kêu gọi")) if w in line)
    cue = start + line.index(word), start + line.index(word) + len(word)
    end = start + len(line) - 1
    return Statement(actor="Lê Văn An", act="request", text=text[cue[1] + 1:end], evidence=(cue[1] + 1, end),
                     side="VN", cue=cue)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_addressee_after_the_cue_is_read(form: str) -> None:
    text = unicodedata.normalize(form, TEXT)
    art = _article(text)
    rows = [relevance(art, _request(text, i), unicodedata.normalize("NFC", text[slice(*_request(text, i).evidence)]))
            for i in (1, 2, 3)]
    assert "after:third" in rows[0] and "third_clause:True" in rows[0]  # Nhật Bản, a third country
    assert "after:other" in rows[1]  # a person the article gives the other side
    assert "other_party:True" in rows[1] and "third_clause:False" in rows[1]
    assert "after:own" in rows[2]  # the speaker's own side's firms
    assert all("art_other:3" in r for r in rows)  # Hoa Kỳ and Mỹ: the United States named twice


def test_an_article_that_never_names_the_other_side_says_so() -> None:
    text = "Ngoại trưởng Nga kêu gọi Ukraine ngừng bắn.\n"
    art = Article(text=text, raw=text, offsets=[(0, 0, len(text))])
    a = text.index("kêu gọi")
    st = Statement(actor="US", act="request", text=text[a + 8:-2], evidence=(a + 8, len(text) - 2), side="US",
                   cue=(a, a + 7))
    row = relevance(art, st, text[a + 8:-2])
    assert "art_other:0" in row and "after:third" in row and "art_third:2" in row


class _Fixed:
    """A stand-in model: the same probabilities for every candidate."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs_ = probs

    def probs(self, _row: object, _table: object = None) -> dict[str, float]:
        return dict(self.probs_)


@pytest.mark.parametrize(("probs", "silence", "want"), [
    ({"none": 0.5, "inform": 0.35, "request": 0.15}, 0.8, []),  # none and inform 0.85: none likelier, goes
    ({"none": 0.35, "inform": 0.5, "request": 0.15}, 0.8, ["inform"]),  # inform likelier: kept as a position
    ({"none": 0.5, "inform": 0.35, "request": 0.15}, 0.9, ["request"]),  # under the threshold: the rules' act
])
def test_silence_takes_a_rule_statement_out_of_the_acts(probs: dict[str, float], silence: float,
                                                        want: list[str]) -> None:
    text = TEXT
    art = _article(text)
    art.statements = [_request(text, 2)]
    th = {"add": 0.5, "drop": 1.01, "confident": 0.8, "silence": silence}
    got = learn_statements.apply(art, [], _Fixed(probs), "both", th, rows=lambda st: [])
    assert [st.act for st in got] == want


def test_a_model_file_without_silence_never_silences() -> None:
    assert learn_statements.thresholds({})["silence"] > 1
    assert learn_statements.thresholds({"silence": 0.8})["silence"] == 0.8


def test_silence_leaves_a_position_to_drop() -> None:
    """An ``inform`` rule statement stays (its threads and the record need it) under ``silence``."""
    art = _article(TEXT)
    said = _request(TEXT, 2)
    said.act = "inform"
    art.statements = [said]
    th = {"add": 0.5, "drop": 1.01, "confident": 0.8, "silence": 0.5}
    got = learn_statements.apply(art, [], _Fixed({"none": 0.7, "inform": 0.2, "request": 0.1}), "both", th,
                                 rows=lambda st: [])
    assert [st.act for st in got] == ["inform"]
