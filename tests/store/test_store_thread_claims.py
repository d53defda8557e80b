"""Threads an analyst can cite, on both backends: dated order, undated entries apart, positions,
one claim per statement however many outlets carried it, money per side and kind, sub-issues.

Every article here is self-written; statements are built in code (``make_article``) so the
store's rules are tested whatever the extraction finds, except where the extraction is the
point (a position joins its thread, a sub-issue is read from the clause).
"""

from __future__ import annotations

import copy

from conftest import LEADS, make_article

from hoptac import analyze
from hoptac.model import Amount

ASK = "Bộ trưởng Trần Văn Minh đề nghị phía Mỹ tiếp tục hỗ trợ tẩy độc dioxin tại sân bay Biên Hòa trong năm tới."
PLEDGE = "Đại sứ Robert Green khẳng định Hoa Kỳ sẽ tiếp tục hỗ trợ Việt Nam tẩy độc dioxin tại sân bay Biên Hòa."
DONE = "Ông Robert Green cho biết dự án tẩy độc dioxin tại sân bay Biên Hòa đã hoàn thành toàn bộ."
DA_NANG = "Ông Robert Green cho biết dự án tẩy độc dioxin tại sân bay Đà Nẵng đã hoàn thành vượt tiến độ."
BIEN_HOA = "Phía Mỹ cho biết việc tẩy độc dioxin ở sân bay Biên Hòa đang triển khai giai đoạn hai."

VN = ("Trần Văn Minh", "Bộ trưởng", None, "VN")
US = ("Robert Green", "Đại sứ", None, "US")


def _one(i: int, sentence: str, act: str, side: str, *, published: str | None, threads=("dioxin_remediation",),
         subthreads=(), amounts=(), actor: str | None = None):
    """One article: a lead sentence and one statement on the given threads."""
    actor = actor or ("Trần Văn Minh" if side == "VN" else "Robert Green")
    art = make_article(f"mem://claims{i}", [LEADS[i % len(LEADS)], sentence], published=published,
                       people=[VN, US], statements=[(actor, act, sentence, side, list(threads), [])])
    st = art.statements[0]
    st.subthreads = list(subthreads)
    off = art.text.index(sentence)
    for text, value in amounts:
        a = sentence.index(text) + off
        st.amounts.append(Amount("money", "USD" if "USD" in text else "VND", text, (a, a + len(text)), value))
    return art


def test_undated_entries_come_last_and_never_set_the_status(store):
    store.ingest([_one(0, ASK, "request", "VN", published="2019-03-04"),
                  _one(1, DONE, "inform", "US", published=None),  # undated: claims the end, sets nothing
                  _one(2, PLEDGE, "commit", "US", published="2019-06-20")])
    th = store.thread("dioxin_remediation")
    assert [e["date"] for e in th["entries"]] == ["2019-03-04", "2019-06-20", None]
    assert [e["dated"] for e in th["entries"]] == [True, True, False]
    assert th["status"] == "pledged"  # not "fulfilled": the completion has no date
    assert [h["status"] for h in th["status_history"]] == ["raised", "pledged"]
    assert all(h["date"] for h in th["status_history"])
    assert th["entries_total"] == 3 and th["entries_undated"] == 1
    assert (th["first_date"], th["last_date"]) == ("2019-03-04", "2019-06-20")
    listed = {t["id"]: t for t in store.threads()}["dioxin_remediation"]
    assert listed["status"] == "pledged" and listed["undated"] == 1
    store.ingest([_one(3, DONE, "inform", "US", published="2020-01-15")])  # the same news, now dated
    th = store.thread("dioxin_remediation")
    assert th["status"] == "fulfilled" and th["status_history"][-1]["date"] == "2020-01-15"


def test_a_position_joins_its_thread_and_its_cue_moves_the_status(store):
    withdraw = "Tổng thống Mỹ tuyên bố Mỹ rút khỏi Hiệp định Đối tác xuyên Thái Bình Dương."
    store.ingest([_one(0, "Việt Nam cam kết thực thi Hiệp định Đối tác xuyên Thái Bình Dương với Hoa Kỳ.", "commit",
                       "VN", published="2016-02-04", threads=("tpp",)),
                  _one(1, withdraw, "inform", "US", published="2017-01-23", threads=("tpp",), actor="US")])
    th = store.thread("tpp")
    assert [e["role"] for e in th["entries"]] == ["commitment", "position"]
    assert th["status"] == "dropped" and th["status_history"][-1]["entry"] == th["entries"][1]["id"]


def test_the_extraction_puts_the_other_sides_answer_on_the_thread(store):
    text = ("Mỹ xem xét quy chế kinh tế thị trường của Việt Nam\n\n"
            "Chiều 11/10/2023, Bộ trưởng Công Thương Trần Văn Minh đã tiếp Thứ trưởng Thương mại Hoa Kỳ Robert Green "
            "tại Hà Nội.\n\nTại buổi tiếp, Bộ trưởng Trần Văn Minh đề nghị phía Hoa Kỳ sớm công nhận quy chế kinh tế "
            "thị trường cho Việt Nam.\n\nThứ trưởng Robert Green cho biết Bộ Thương mại Hoa Kỳ đang xem xét hồ sơ về "
            "quy chế kinh tế thị trường của Việt Nam một cách khách quan.\n")
    art = analyze(text)
    answer = [s for s in art.statements if s.act == "inform" and s.side == "US"]
    assert answer and "market_economy_status" in answer[0].threads
    store.ingest([art])
    th = store.thread("market_economy_status")
    roles = {(e["side"], e["role"]) for e in th["entries"]}
    assert {("VN", "request"), ("US", "position")} <= roles


def test_a_statement_copied_by_several_outlets_counts_once_with_every_source(store):
    other = ASK.replace("phía Mỹ", "phía Hoa Kỳ").replace("Biên Hòa", "Biên Hoà")  # another outlet's spelling
    shorter = ASK.replace(" trong năm tới", "")
    store.ingest([_one(0, ASK, "request", "VN", published=None),
                  _one(1, other, "request", "VN", published="2019-03-04"),
                  _one(2, shorter, "request", "VN", published="2019-03-05"),
                  _one(3, ASK.replace("năm tới", "năm 2020"), "request", "VN", published="2019-03-04"),  # a number
                  _one(4, PLEDGE, "commit", "US", published="2019-03-04")])
    th = store.thread("dioxin_remediation")
    asks = [e for e in th["entries"] if e["act"] == "request"]
    assert len(asks) == 2 and th["entries_total"] == 3 and th["copies"] == 2
    kept = next(e for e in asks if e["sources"])
    assert kept["date"] == "2019-03-04"  # the best-dated copy is the one kept
    assert {s["date"] for s in kept["sources"]} == {None, "2019-03-05"}  # every other outlet is a source
    assert th["articles"] == 5
    assert th["acts_by_side"] == {"VN": {"request": 2}, "US": {"commit": 1}}
    assert th["entries_undated"] == 0  # the undated copy is a source of the dated claim


def test_removing_the_kept_copy_keeps_the_claim_with_its_other_sources(store):
    arts = [_one(0, ASK, "request", "VN", published="2019-03-04"),
            _one(1, ASK.replace("phía Mỹ", "phía Hoa Kỳ"), "request", "VN", published=None),
            _one(2, ASK.replace("Bộ trưởng Trần Văn Minh", "Ông Minh"), "request", "VN", published="2019-03-06")]
    store.ingest(arts)
    before = store.thread("dioxin_remediation")
    assert before["entries_total"] == 1 and before["copies"] == 2
    gone = copy.deepcopy(arts[0])
    gone.statements = []
    store.ingest([gone], refresh=True)
    after = store.thread("dioxin_remediation")
    assert after["entries_total"] == 1 and after["copies"] == 1
    assert after["entries"][0]["date"] == "2019-03-06"  # the best-dated copy left is kept
    assert [s["date"] for s in after["entries"][0]["sources"]] == [None]


def test_copies_said_years_apart_or_by_other_sides_stay_apart(store):
    store.ingest([_one(0, ASK, "request", "VN", published="2017-05-01"),
                  _one(1, ASK, "request", "VN", published="2019-05-01"),  # the same words two years later
                  _one(2, ASK, "propose", "VN", published="2017-05-01")])  # another act
    th = store.thread("dioxin_remediation")
    assert th["entries_total"] == 3 and th["copies"] == 0


def test_money_is_kept_per_side_and_kind_with_its_quotes(store):
    asked = "Bộ trưởng Trần Văn Minh đề nghị phía Mỹ hỗ trợ thêm 50 triệu USD cho dự án tẩy độc dioxin."
    pledged = "Đại sứ Robert Green khẳng định Hoa Kỳ sẽ hỗ trợ 30 triệu USD cho dự án tẩy độc dioxin."
    delivered = "Ông Robert Green cho biết USAID đã giải ngân 20 triệu USD cho dự án tẩy độc dioxin."
    own = "Bộ trưởng Trần Văn Minh cho biết Chính phủ Việt Nam sẽ dành 100 tỷ đồng cho dự án tẩy độc dioxin."
    paid = ("Bộ trưởng Trần Văn Minh khẳng định Việt Nam sẽ hoàn thành dự án tẩy độc dioxin trị giá 40 triệu USD do "
            "Cơ quan Phát triển Quốc tế Mỹ tài trợ.")
    store.ingest([_one(0, asked, "request", "VN", published="2019-01-10", amounts=[("50 triệu USD", 5e7)]),
                  _one(1, pledged, "commit", "US", published="2019-02-10", amounts=[("30 triệu USD", 3e7)]),
                  _one(2, pledged.replace("Hoa Kỳ", "Mỹ"), "commit", "US", published="2019-02-11",
                       amounts=[("30 triệu USD", 3e7)]),  # another outlet: one claim, one sum
                  _one(3, delivered, "inform", "US", published="2019-09-10", amounts=[("20 triệu USD", 2e7)]),
                  _one(4, own, "commit", "VN", published=None, amounts=[("100 tỷ đồng", 1e11)]),
                  _one(5, paid, "commit", "VN", published="2019-10-01", amounts=[("40 triệu USD", 4e7)])])
    th = store.thread("dioxin_remediation")
    assert th["money"] == {"VN": {"asked": {"USD": 5e7}, "pledged": {"VND": 1e11}},
                           "US": {"pledged": {"USD": 3e7 + 4e7}, "delivered": {"USD": 2e7}}}
    items = {(m["side"], m["kind"], m["value"]): m for m in th["money_items"]}
    assert items[("VN", "asked", 5e7)]["payer"] == "US"  # asked by Vietnam of the United States
    assert items[("US", "pledged", 4e7)]["payer"] == "US"  # a Vietnamese statement, American money
    assert "40 triệu USD" in items[("US", "pledged", 4e7)]["quote"]
    assert items[("US", "delivered", 2e7)]["date"] == "2019-09-10"
    assert all(m["quote"] and m["entry"] and m["article"] for m in th["money_items"])


def test_a_sub_issue_is_told_apart_from_its_thread(store):
    store.ingest([_one(0, DA_NANG, "inform", "US", published="2018-11-07", subthreads=("dioxin_da_nang",)),
                  _one(1, BIEN_HOA, "inform", "US", published="2019-04-20", subthreads=("dioxin_bien_hoa",),
                       actor="US"),
                  _one(2, ASK, "request", "VN", published="2019-01-05", subthreads=("dioxin_bien_hoa",))])
    parent = store.thread("dioxin_remediation")
    kids = {c["id"]: c for c in parent["children"]}
    assert kids["dioxin_da_nang"]["status"] == "fulfilled"  # the Đà Nẵng clean-up is done ...
    assert kids["dioxin_bien_hoa"]["status"] == "in_progress"  # ... Biên Hòa is under way ...
    assert parent["status"] == "in_progress"  # ... so the whole issue is not over
    assert parent["entries"][0]["subthreads"] == ["dioxin_da_nang"]
    child = store.thread("dioxin_bien_hoa")
    assert child["parent"] == "dioxin_remediation" and child["entries_total"] == 2
    order = [t["id"] for t in store.threads()]
    assert order.index("dioxin_remediation") < order.index("dioxin_da_nang") < order.index("dioxin_bien_hoa")
    assert {t["id"]: t["parent"] for t in store.threads()}["dioxin_bien_hoa"] == "dioxin_remediation"


def test_an_undated_copy_never_bridges_two_dates(store):
    store.ingest([_one(0, ASK, "request", "VN", published="2016-05-23"),
                  _one(1, ASK, "request", "VN", published=None),  # a copy of the 2016 claim
                  _one(2, ASK, "request", "VN", published="2019-05-02")])  # agrees with the undated copy only
    th = store.thread("dioxin_remediation")
    assert [e["date"] for e in th["entries"]] == ["2016-05-23", "2019-05-02"] and th["copies"] == 1


def test_threads_and_stats_count_the_same_claims(store):
    """One mechanism: the copies a thread folds into one entry are one claim in the stats too,
    and what the thread keeps apart (another figure, years apart) the stats count apart."""
    other = ASK.replace("phía Mỹ", "phía Hoa Kỳ").replace("Biên Hòa", "Biên Hoà")  # another outlet's spelling
    store.ingest([_one(0, ASK, "request", "VN", published="2019-03-04"),
                  _one(1, other, "request", "VN", published="2019-03-05"),
                  _one(2, ASK.replace("năm tới", "năm 2020"), "request", "VN", published="2019-03-04"),  # a number
                  _one(3, ASK, "request", "VN", published="2021-06-01")])  # the same words two years later
    th = store.thread("dioxin_remediation")
    st = store.stats()
    assert th["entries_total"] == 3 and th["copies"] == 1
    assert st["counts"]["statements"] == 4 and st["counts"]["claims"] == 3
    assert st["acts"] == {"request": 3}
    assert st["per_month"]["statements"] == {"2019-03": 2, "2021-06": 1}
