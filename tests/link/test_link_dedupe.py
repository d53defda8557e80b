"""Near-duplicate signatures: lightly edited copies are similar, different stories are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoptac.link import dedupe

VNUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "vnus"


def _text(name: str) -> str:
    p = VNUS / name
    if not p.exists():
        pytest.skip(f"{p} is absent")
    return p.read_text(encoding="utf-8")


def light_edit(text: str) -> str:
    """A syndicated copy: another outlet's line on top, one sentence dropped, a credit at the end."""
    lines = text.splitlines()
    body = [ln for ln in lines if ln.strip()]
    drop = len(body) // 2
    return "\n".join(["(Theo báo điện tử)", *body[:drop], *body[drop + 1:], "Nguồn: thông tấn xã"])


def test_content_hash_ignores_spacing_and_case():
    assert dedupe.content_hash("Hợp tác  Việt Nam\n- Hoa Kỳ") == dedupe.content_hash("hợp tác Việt Nam - Hoa Kỳ")
    assert dedupe.content_hash("a") != dedupe.content_hash("b")


def test_edited_copy_is_a_near_duplicate_and_other_story_is_not():
    a = _text("vnus_0005_vietnews_005560.txt")
    other = _text("vnus_0010_vietnews_013104.txt")
    sa_, sb, so = dedupe.signature(a), dedupe.signature(light_edit(a)), dedupe.signature(other)
    assert sa_ is not None and sb is not None and so is not None
    assert dedupe.similarity(sa_, sb) >= dedupe.THRESHOLD
    assert set(dedupe.band_keys(sa_)) & set(dedupe.band_keys(sb))
    assert dedupe.similarity(sa_, so) < 0.3


def test_signature_round_trips_through_bytes():
    m = dedupe.signature(_text("vnus_0005_vietnews_005560.txt"))
    assert m is not None
    back = dedupe.from_bytes(dedupe.to_bytes(m))
    assert dedupe.similarity(m, back) == 1.0
    assert dedupe.band_keys(back) == dedupe.band_keys(m)


def test_short_texts_have_no_signature():
    assert dedupe.signature("Tin ngắn về hợp tác.") is None


def _pair(a: str, b: str) -> tuple[float, bool]:
    ta, tb = _text(a), _text(b)
    s = dedupe.similarity(dedupe.signature(ta), dedupe.signature(tb))
    return s, dedupe.is_duplicate(s, ta.splitlines()[0], tb.splitlines()[0])


def test_one_story_from_two_outlets_is_linked():
    # one TTXVN story carried by baomoi and vietnews, with sỹ/sĩ and Hoa Kỳ/Mỹ spellings
    s, dup = _pair("vnus_0019_baomoi_22424654.txt", "vnus_0034_vietnews_044205.txt")
    assert dup and s < dedupe.THRESHOLD  # linked thanks to the titles


def test_two_stories_of_one_visit_are_not_linked():
    # the PM's arrival in Washington and a lunch the next day share background paragraphs
    s, dup = _pair("vnus_0059_vietnews_048922.txt", "vnus_0066_vietnews_010567.txt")
    assert s > 0.6 and not dup


def test_spelling_key_equates_variants():
    assert dedupe.spelling_key("nghị sỹ Hoa Kỳ") == dedupe.spelling_key("Nghị sĩ Mỹ") == "nghi si mi"
    assert dedupe.spelling_key("hay") == "hay"  # a final y after a vowel stays
