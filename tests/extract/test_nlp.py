"""NLP stage: sentence spans over the whole text, CRF words and tags where they matter."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from hoptac.extract.nlp import annotate, ensure_tokens, ensure_words, shape_tokens, split_sentences
from hoptac.model import Article
from hoptac.settings import DEFAULT

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "Sáng 12/3, tại TP. Hồ Chí Minh, Bộ trưởng Lê Văn Khải đã hội đàm với ông John B. Miller. "
    "Hai bên nhất trí thúc đẩy hợp tác giáo dục! Liệu kết quả có khả quan?\n"
    "Trời hôm nay nắng đẹp và gió nhẹ.\n"
    "\n"
    "Đoàn sẽ tới Washington D.C. vào tuần sau."
)


def test_sentences_cover_the_text_and_respect_abbreviations():
    spans = split_sentences(TEXT)
    quoted = [TEXT[a:b] for a, b in spans]
    assert quoted[0].startswith("Sáng 12/3, tại TP. Hồ Chí Minh")  # "TP." ends nothing
    assert quoted[0].endswith("John B. Miller.")  # neither does the initial "B."
    assert quoted[1] == "Hai bên nhất trí thúc đẩy hợp tác giáo dục!"
    assert quoted[2] == "Liệu kết quả có khả quan?"
    assert quoted[3] == "Trời hôm nay nắng đẹp và gió nhẹ."
    assert len(quoted) == 5
    assert all(q == q.strip() and q for q in quoted)
    assert spans == sorted(spans)


def test_crf_words_and_tags_on_demand():
    art = annotate(Article(text=TEXT), DEFAULT)
    assert all(not s.tokens for s in art.sentences)  # nothing paid for until asked
    first = art.sentences[0]
    words = [t.text for t in ensure_words(art, first)]
    assert "hội đàm" in words  # one word of two syllables, from the CRF segmenter
    tags = {t.text: t.pos for t in ensure_tokens(art, first)}
    assert tags["hội đàm"] == "V"
    for t in first.tokens:
        assert art.text[t.start:t.end] == t.text


def test_shape_tokens_cover_a_sentence():
    s = TEXT.index("Trời")
    toks = shape_tokens(TEXT, s, TEXT.index("\n", s))
    assert [t.text for t in toks][:3] == ["Trời", "hôm", "nay"]
    assert toks[0].pos == "Np" and toks[1].pos == "X" and toks[-1].pos == "CH"


def test_ensure_tokens_segments_any_sentence():
    art = annotate(Article(text=TEXT), DEFAULT)
    plain = next(s for s in art.sentences if art.text[s.start:s.end].startswith("Trời"))
    toks = ensure_tokens(art, plain)
    assert "hôm nay" in [t.text for t in toks]
    assert any(t.pos == "N" for t in toks)


def test_decomposed_text_keeps_spans_exact():
    nfd = unicodedata.normalize("NFD", TEXT)
    art = annotate(Article(text=nfd), DEFAULT)
    assert len(art.sentences) == 5
    for s in art.sentences:
        for t in ensure_words(art, s):
            assert nfd[t.start:t.end] == t.text


@pytest.mark.skipif(not (SHARED / "corpus" / "general").is_dir(), reason="../shared/corpus/general is absent")
def test_every_non_blank_line_is_covered_on_real_articles():
    files = sorted((SHARED / "corpus" / "general").glob("*.txt"))
    random.Random(5).shuffle(files)
    for path in files[:40]:
        text = path.read_text(encoding="utf-8")
        art = annotate(Article(text=text), DEFAULT)
        covered = sum(s.end - s.start for s in art.sentences)
        letters = sum(1 for ch in text if not ch.isspace())
        assert covered >= letters * 0.95, path.name
        for s in art.sentences:
            assert "\n" not in text[s.start:s.end]
            for t in shape_tokens(text, s.start, s.end):
                assert text[t.start:t.end] == t.text


def test_a_caption_glued_to_the_next_sentence_is_split_off_but_names_are_not() -> None:
    text = ("Thủ tướng Lê Văn Bình hội đàm với Tổng thống Mỹ John Carter Trong khuôn khổ chuyến thăm, "
            "hai bên ký thỏa thuận. Ảnh: VGP Sáng 2/6, đoàn tới Boston. Ông Trần Thiện Nhân khẳng định "
            "hợp tác tốt. Hai bên bàn Về Sáng kiến Vành đai trong buổi họp Trong khi đó.")
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts[0] == "Thủ tướng Lê Văn Bình hội đàm với Tổng thống Mỹ John Carter"
    assert "Ảnh: VGP" in parts and "Sáng 2/6, đoàn tới Boston." in parts
    assert "Ông Trần Thiện Nhân khẳng định hợp tác tốt." in parts  # a name is no opener
    assert parts[-1] == "Hai bên bàn Về Sáng kiến Vành đai trong buổi họp Trong khi đó."
