"""The annotation tools on a self-written article: validator, quotes to offsets, agreement, loader."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from hoptac.annotate import agree
from hoptac.annotate.corpus import iter_docs, spans
from hoptac.annotate.schema import check_file, dump, load, new_doc, read_text, sha256_file, validate
from hoptac.annotate.spans import QuoteError, locate, quote_doc, resolve, resolve_doc, resolve_list

# A short article written for these tests (not from the corpus).
ARTICLE = (
    "Bộ trưởng Công Thương gặp Đại sứ Mỹ\n"
    "\n"
    "Chiều 12/3, tại Hà Nội, Bộ trưởng Bộ Công Thương Trần Văn Bình đã tiếp Đại sứ Hoa Kỳ "
    "tại Việt Nam Mark Ellison.\r\n"
    "Ông Bình đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.\n"
    "Đại sứ Ellison cho biết Mỹ sẽ hỗ trợ 12,5 triệu USD cho chương trình đào tạo.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "vnus").mkdir(parents=True)
    (root / "vnus" / "vnus_9999_test.txt").write_bytes(ARTICLE.encode("utf-8"))
    return root


def _quotes(corpus: Path) -> dict:
    doc = new_doc("vnus/vnus_9999_test.txt", "tester", corpus, status="done")
    doc["people"] = [
        {"id": "p1", "name": "Trần Văn Bình", "side": "VN", "org": "o1",
         "title": {"q": "Bộ trưởng Bộ Công Thương"}, "mentions": ["Trần Văn Bình", {"q": "Bình", "n": 2}]},
        {"id": "p2", "name": "Mark Ellison", "side": "US", "org": None,
         "title": "Đại sứ Hoa Kỳ tại Việt Nam", "mentions": [{"q": "Ellison", "all": True}]},
    ]
    doc["organizations"] = [{"id": "o1", "name": "Bộ Công Thương", "kind": "government", "side": "VN",
                             "mentions": [{"q": "Bộ Công Thương"}]}]
    doc["events"] = [{"id": "e1", "type": "reception", "trigger": "tiếp", "participants": ["p1", "p2"],
                      "date": "Chiều 12/3", "date_value": "--03-12", "place": "Hà Nội",
                      "status": "happened", "background": False}]
    doc["statements"] = [
        {"id": "s1", "actor": "p1", "actor_span": {"q": "Bình", "n": 2}, "cue": "đề nghị",
         "clause": {"from": "phía Mỹ sớm", "to": "cho Việt Nam"}, "act": "request", "side": "VN",
         "addressee_side": "US", "topics": ["trade"], "threads": ["market_economy_status"]},
        {"id": "s2", "actor": "p2", "actor_span": {"q": "Ellison", "n": 2}, "cue": "cho biết",
         "clause": {"from": "Mỹ sẽ hỗ trợ", "to": "đào tạo"}, "act": "commit", "side": "US",
         "addressee_side": "VN", "topics": ["workforce"], "threads": []},
    ]
    doc["amounts"] = [{"id": "a1", "span": "12,5 triệu USD", "kind": "money", "value": 12500000,
                       "unit": "USD", "approx": False}]
    return doc


def _resolved(corpus: Path) -> tuple[dict, str]:
    text = read_text(corpus / "vnus" / "vnus_9999_test.txt")
    doc, errors = resolve_doc(_quotes(corpus), text)
    assert errors == []
    return doc, text


def test_reading_convention_keeps_crlf_and_offsets_index_raw_text(corpus: Path) -> None:
    text = read_text(corpus / "vnus" / "vnus_9999_test.txt")
    assert "\r\n" in text
    a, b = locate(text, "Ông Bình")
    assert text[a:b] == "Ông Bình"
    # offsets are characters of the decoded file, not bytes
    assert text.encode("utf-8")[a:b] != "Ông Bình".encode()


def test_locate_occurrences_whole_words_and_errors() -> None:
    text = "Ông Bình gặp bà Bình An; Bình nói. Bìnhh"
    third = text.index("Bình nói")
    assert locate(text, "Bình", 3) == [third, third + 4]
    with pytest.raises(QuoteError, match="occurs 3 times"):
        locate(text, "Bình")
    with pytest.raises(QuoteError, match="not found"):
        locate(text, "Hải")
    assert locate(text, "Bìnhh") == [len(text) - 5, len(text)]
    assert len(resolve_list(text, [{"q": "Bình", "all": True}])) == 3
    # a short form inside a longer mention of the same list is that mention, counted once
    both = resolve_list(text, [{"q": "Bình An", "all": True}, {"q": "Bình", "all": True}])
    assert [text[a:b] for a, b in both] == ["Bình", "Bình An", "Bình"]
    assert len(resolve_list(text, [{"q": "Bình", "all": True, "except": ["Bình An", "Bình nói"]}])) == 1
    second = text.index("Bình An")
    assert resolve(text, {"q": "Bình", "after": "bà"}) == [second, second + 4]
    assert resolve(text, {"from": "gặp", "to": "nói"}) == [text.index("gặp"), third + len("Bình nói")]


def test_quotes_roundtrip_to_the_same_offsets(corpus: Path) -> None:
    doc, text = _resolved(corpus)
    again, errors = resolve_doc(quote_doc(doc, text), text)
    assert errors == []
    assert again == doc
    assert text[slice(*doc["statements"][0]["clause"])].startswith("phía Mỹ sớm")


def test_valid_annotation_passes_and_holds_no_article_sentence(corpus: Path, tmp_path: Path) -> None:
    doc, text = _resolved(corpus)
    assert validate(doc, text, sha=sha256_file(corpus / doc["path"])) == []
    out = tmp_path / "ann.json"
    dump(doc, out)
    assert load(out) == doc
    stored = out.read_text(encoding="utf-8")
    assert "đề nghị phía Mỹ" not in stored and "12,5 triệu" not in stored
    assert check_file(out, corpus) == []


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["amounts"][0].__setitem__("span", [5, 99999]), "out of range"),
    (lambda d: d["amounts"][0].__setitem__("span", [10, 5]), "out of range"),
    (lambda d: d["people"][0]["mentions"].append([2, 3.5]), "not a [start, end] pair"),
    (lambda d: d["statements"][0].__setitem__("act", "threaten"), "not in acts"),
    (lambda d: d["events"][0].__setitem__("type", "party"), "not in event_types"),
    (lambda d: d["statements"][0].__setitem__("threads", ["moon_base"]), "not in threads"),
    (lambda d: d["organizations"][0].__setitem__("kind", "club"), "not in org_kinds"),
    (lambda d: d["events"][0].__setitem__("participants", ["p1", "p7"]), "does not resolve"),
    (lambda d: d["statements"][1].__setitem__("actor", "EU"), "does not resolve"),
    (lambda d: d["people"][1].__setitem__("id", "p1"), "duplicate id"),
    (lambda d: d["amounts"].append(dict(d["amounts"][0], id="a2")), "same span"),
    (lambda d: d["amounts"][0].pop("value"), "either value or both"),
    (lambda d: d.__setitem__("status", "finished"), "status"),
])
def test_validator_catches(corpus: Path, mutate, expected: str) -> None:
    doc, text = _resolved(corpus)
    bad = copy.deepcopy(doc)
    mutate(bad)
    problems = [str(p) for p in validate(bad, text)]
    assert any(expected in p for p in problems), problems


def test_validator_allows_listed_meetings_on_one_trigger_only(corpus: Path) -> None:
    """Meetings of one cue with a list of counterparts share the trigger; the same event twice does not."""
    doc, text = _resolved(corpus)
    first = doc["events"][0]
    twin = dict(first, id="e9", type="meeting", participants=list(reversed(first["participants"])))
    listed = copy.deepcopy(doc)
    listed["events"][0] = dict(first, type="meeting", participants=first["participants"][:1])
    listed["events"].append(dict(twin, participants=first["participants"][1:] or ["p1"]))
    assert not [p for p in validate(listed, text) if "same span" in str(p)]
    again = copy.deepcopy(doc)
    again["events"][0] = dict(first, type="meeting")
    again["events"].append(twin)  # the same participants: one event told twice
    assert any("same span" in str(p) for p in validate(again, text))


def test_validator_catches_changed_corpus_file(corpus: Path, tmp_path: Path) -> None:
    doc, _ = _resolved(corpus)
    out = tmp_path / "ann.json"
    dump(doc, out)
    src = corpus / "vnus" / "vnus_9999_test.txt"
    src.write_bytes(src.read_bytes().replace("Hà Nội".encode(), "Hải Phòng".encode()))
    assert any("sha256" in str(p) for p in check_file(out, corpus))


def test_validator_flags_mentions_inside_boilerplate(corpus: Path) -> None:
    doc, text = _resolved(corpus)
    assert validate(doc, text) == []
    doc["boilerplate"] = [locate(text, "Đại sứ Ellison cho biết")]
    assert any("inside boilerplate" in str(p) for p in validate(doc, text))


def test_validator_flags_span_on_whitespace(corpus: Path) -> None:
    doc, text = _resolved(corpus)
    a, b = doc["amounts"][0]["span"]
    doc["amounts"][0]["span"] = [a - 1, b]
    assert any("whitespace" in str(p) for p in validate(doc, text))


def test_agreement_identical_and_different(corpus: Path) -> None:
    doc, _ = _resolved(corpus)
    rows = {r["label"]: r for r in agree.report(agree.compare([(doc, copy.deepcopy(doc))]))}
    assert rows["person"]["f1_exact"] == 1.0 and rows["statement"]["act"]["agree"] == 1.0

    other = copy.deepcopy(doc)
    other["statements"][1]["act"] = "inform"          # same clause, another act
    other["amounts"] = []                             # one amount missed
    a, b = other["people"][0]["mentions"][0]
    other["people"][0]["mentions"][0] = [a, b - 1]    # a shorter name span: loose match only
    rows = {r["label"]: r for r in agree.report(agree.compare([(doc, other)]))}
    assert rows["amount"]["f1_exact"] == 0.0
    assert rows["statement"]["f1_exact"] == 1.0 and rows["statement"]["act"]["agree"] == 0.5
    n = rows["person"]["a"]
    assert rows["person"]["f1_exact"] == pytest.approx((n - 1) / n, abs=1e-3)
    assert rows["person"]["f1_overlap"] == 1.0


def test_kappa_against_hand_computation() -> None:
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    # observed 0.75; expected (2*1 + 2*3) / 16 = 0.5; kappa 0.5
    assert agree.kappa(pairs) == pytest.approx(0.5)
    assert agree.kappa([]) is None


def test_loader_yields_done_files_of_a_split_and_flattens_spans(corpus: Path, tmp_path: Path) -> None:
    root = tmp_path / "annotations"
    doc, text = _resolved(corpus)
    dump(doc, root / "docs" / "vnus" / "vnus_9999_test.json")
    (root / "split.json").write_text(json.dumps({"train": [], "test": ["vnus/vnus_9999_test.txt"]}))
    got = list(iter_docs("test", root=root, corpus=corpus))
    assert len(got) == 1 and got[0].text == text
    assert list(iter_docs("train", root=root, corpus=corpus)) == []
    labelled = spans(got[0].annotation)
    quoted = {(s.label, got[0].quote([s.start, s.end])) for s in labelled}
    assert ("title", "Đại sứ Hoa Kỳ tại Việt Nam") in quoted
    assert ("event", "tiếp") in quoted and ("cue", "đề nghị") in quoted
    # a draft is not yielded
    doc["status"] = "draft"
    dump(doc, root / "docs" / "vnus" / "vnus_9999_test.json")
    assert list(iter_docs("test", root=root, corpus=corpus)) == []


def test_agreement_leaves_optional_items_out_on_both_sides(corpus: Path) -> None:
    doc, _ = _resolved(corpus)
    other = copy.deepcopy(doc)
    other["statements"] = other["statements"][:1]          # s2 missing in B ...
    rows = {r["label"]: r for r in agree.report(agree.compare([(doc, other)]))}
    assert rows["statement"]["f1_exact"] == pytest.approx(2 / 3, abs=1e-3)
    doc["statements"][1]["optional"] = True                 # ... is no loss once A marks it optional
    rows = {r["label"]: r for r in agree.report(agree.compare([(doc, other)]))}
    assert rows["statement"]["f1_exact"] == 1.0
    extra = copy.deepcopy(doc)                              # and B finding it is no gain or loss either
    extra["statements"][1]["optional"] = False
    rows = {r["label"]: r for r in agree.report(agree.compare([(doc, extra)]))}
    assert rows["statement"]["a"] == rows["statement"]["b"] == 1


def test_machine_draft_of_a_self_written_article_validates(corpus: Path) -> None:
    from hoptac.annotate.draft import draft

    doc = draft("vnus/vnus_9999_test.txt", corpus)
    text = read_text(corpus / "vnus" / "vnus_9999_test.txt")
    assert doc["status"] == "draft"
    assert validate(doc, text, sha=sha256_file(corpus / doc["path"])) == []
    names = {p["name"] for p in doc["people"]}
    assert "Mark Ellison" in names
    for p in doc["people"]:
        for a, b in p["mentions"]:
            assert not text[a:b].lower().startswith(("ông ", "bà "))  # honorifics are not the name


def test_blank_second_draft_is_an_empty_skeleton_of_the_file(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from hoptac.annotate.__main__ import main
    from hoptac.annotate.schema import LISTS

    ann = tmp_path / "annotations"
    ann.mkdir()
    (ann / "split.json").write_text(json.dumps({"train": ["vnus/vnus_9999_test.txt"], "test": []}),
                                    encoding="utf-8")
    monkeypatch.setenv("HOPTAC_CORPUS", str(corpus))
    monkeypatch.setenv("HOPTAC_ANNOTATIONS", str(ann))
    runner = CliRunner()
    result = runner.invoke(main, ["draft", "--second", "--blank", "vnus_9999_test"])
    assert result.exit_code == 0, result.output
    out = ann / "double" / "vnus" / "vnus_9999_test.json"
    doc = load(out)
    assert not (ann / "docs" / "vnus" / "vnus_9999_test.json").exists()
    assert doc["sha256"] == sha256_file(corpus / "vnus" / "vnus_9999_test.txt")
    assert doc["status"] == "draft" and doc["path"] == "vnus/vnus_9999_test.txt"
    assert all(doc[k] == [] for k in LISTS) and doc["topics"] == [] and doc["published"] is None
    assert check_file(out) == []
    # the machine draft of the same file has items, and --force replaces the blank page with it
    assert runner.invoke(main, ["draft", "--second", "--force", "vnus_9999_test"]).exit_code == 0
    assert any(load(out)[k] for k in LISTS)
    # a done file is never overwritten, blank or not
    done = load(out) | {"status": "done"}
    dump(done, out)
    runner.invoke(main, ["draft", "--second", "--blank", "--force", "vnus_9999_test"])
    assert load(out) == done


def test_agree_command_selects_second_annotators_and_can_count_optional_items(
        corpus: Path, tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from hoptac.annotate.__main__ import main

    first, _ = _resolved(corpus)
    second = copy.deepcopy(first) | {"annotator": "annot-z"}
    second["statements"][1]["optional"] = True          # s2 optional on one side only
    ann = tmp_path / "annotations"
    dump(first, ann / "docs" / "vnus" / "vnus_9999_test.json")
    dump(second, ann / "double" / "vnus" / "vnus_9999_test.json")
    monkeypatch.setenv("HOPTAC_CORPUS", str(corpus))
    monkeypatch.setenv("HOPTAC_ANNOTATIONS", str(ann))

    def rows(*args: str) -> tuple[int, dict]:
        out = json.loads(CliRunner().invoke(main, ["agree", "--json", *args]).output)
        return out["files"], {r["label"]: r for r in out["labels"]}

    files, official = rows()
    assert files == 1 and official["statement"]["a"] == official["statement"]["b"] == 1
    _, every = rows("--all-items")
    assert every["statement"]["a"] == every["statement"]["b"] == 2
    assert rows("--second-by", "annot-z")[0] == 1
    assert rows("--second-by", "someone-else")[0] == 0
    assert "optional" in json.dumps(second) and "optional" not in json.dumps(agree.without_optional(second))
