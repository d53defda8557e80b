"""The learned end of head-word organization names: candidates, the choice, and training."""

from __future__ import annotations

import pytest

from hoptac.annotate.corpus import iter_docs
from hoptac.annotate.schema import corpus_root
from hoptac.extract.gazetteer import gazetteer
from hoptac.learn import org_ends
from hoptac.learn.modes import using


def test_candidates_stop_at_punctuation_and_never_end_on_a_connector() -> None:
    text = "Hôm qua Viện Nghiên cứu chiến lược và phát triển, một cơ quan mới, họp."
    start = text.index("Viện")
    head_end = start + len("Viện")
    rule_end = text.index(" chiến")
    ends = org_ends.candidate_ends(text, head_end, rule_end, len(text), gazetteer())
    assert rule_end in ends
    assert max(ends) == text.index(",")  # the walk stops at the comma
    assert all(not text[:e].endswith(" và") for e in ends)


def test_candidates_never_run_past_a_seat_or_an_auxiliary_beyond_the_rules_end() -> None:
    text = "Trung tâm Kiểm soát bệnh tật tại Hà Nội đã họp."
    head_end = len("Trung tâm")
    rule_end = text.index(" bệnh")
    ends = org_ends.candidate_ends(text, head_end, rule_end, len(text), gazetteer())
    assert max(ends) == text.index(" tại")


def test_a_company_form_alone_is_not_a_name_end() -> None:
    text = "Công ty TNHH MTV Hoa Sen Xanh khai trương."
    head_end = len("Công ty")
    rule_end = text.index(" khai")
    ends = org_ends.candidate_ends(text, head_end, rule_end, len(text), gazetteer())
    assert text.index(" MTV") not in ends and text.index(" Hoa") not in ends
    assert rule_end in ends


@pytest.mark.parametrize(("probs", "margin", "want"), [
    ([0.2, 0.9, 0.1], 0.0, 20),   # the model's best
    ([0.2, 0.5, 0.1], 0.4, 10),   # not better than the rules' end by the margin: the rules' end
    ([0.1, 0.9, 0.1], 0.4, 20),
])
def test_pick_keeps_the_rules_end_unless_the_model_beats_it(probs: list[float], margin: float, want: int) -> None:
    assert org_ends.pick([10, 20, 30], probs, 10, margin) == want


def test_rules_mode_leaves_the_rules_end() -> None:
    text = "Bệnh viện Ung bướu Đà Nẵng cho biết."
    with using(org_ends.NAME, "rules"):
        assert org_ends.choose_end(text, 0, "Bệnh viện", "other", len("Bệnh viện"), text.index(" bướu"),
                                   len(text), gazetteer()) == text.index(" bướu")


def test_features_see_the_compound_a_boundary_cuts() -> None:
    text = "Cơ quan Kiểm dịch động vật cho biết."
    g = gazetteer()
    head_end = len("Cơ quan")
    ends = org_ends.candidate_ends(text, head_end, text.index(" dịch"), len(text), g)
    cut = org_ends.features(text, 0, "Cơ quan", "government", ends, ends[0], text.index(" dịch"), g)
    whole = org_ends.features(text, 0, "Cơ quan", "government", ends, ends[0], text.index(" cho"), g)
    assert "cuts_compound" in cut and "cuts_compound" not in whole
    assert "next_cue" in whole and "add_words" in whole


def test_labelled_names_and_training_are_deterministic() -> None:
    if not (corpus_root() / "vnus").is_dir():
        pytest.skip("the shared corpus is not here")
    docs = [d for d in iter_docs(split="train") if d.annotation.get("organizations")][:6]
    lab = org_ends.labelled("train", docs)
    groups = [g for _p, gs in lab for g in gs]
    if not groups:
        pytest.skip("no head-word names in the subset")
    for ends, rule_end, rows, gold in groups:
        assert rule_end in ends and gold in ends and len(rows) == len(ends)
    rows, labels = org_ends._rows(groups)
    assert labels.count(org_ends.YES) == len(groups)
    assert org_ends.fit(rows, labels) == org_ends.fit(rows, labels)
    cv = org_ends.cross_validate(lab, folds=2)
    assert cv["decisions"] <= len(groups) and 0.0 <= cv["rules"] <= 1.0


def test_candidates_stop_at_a_full_stop_that_ends_a_sentence() -> None:
    text = "Ông Lee, Chủ tịch Công ty Westmark Inc. Hoan nghênh chuyến thăm của đoàn."
    head_end = text.index("Công ty") + len("Công ty")
    rule_end = text.index(" Inc.")
    ends = org_ends.candidate_ends(text, head_end, rule_end, len(text), gazetteer())
    assert max(ends) == text.index(".", rule_end)  # "Inc" without its full stop, not the next sentence
    text = "Trung tâm Dịch vụ TP. Hồ Chí Minh mở cửa."  # an abbreviation's full stop goes on
    ends = org_ends.candidate_ends(text, len("Trung tâm"), text.index(" TP."), len(text), gazetteer())
    assert max(ends) > text.index("Hồ")
