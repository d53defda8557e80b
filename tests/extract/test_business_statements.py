"""Trade-remedy rulings of a US agency, and associations and companies as actors (self-written sentences)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hoptac.extract.amounts import extract_amounts
from hoptac.extract.entities import extract_entities
from hoptac.extract.nlp import annotate
from hoptac.extract.statements import extract_statements
from hoptac.learn.modes import using
from hoptac.learn.statements import NAME
from hoptac.model import Article
from hoptac.settings import DEFAULT


@pytest.fixture(autouse=True)
def _rules_alone() -> Iterator[None]:
    """These tests are about the rules (cue, subject, clause, act); the learned decision over their
    statements is held to its figures on the annotated test split by tests/learn/test_models.py."""
    with using(NAME, "rules"):
        yield


def run(text: str, published: str | None = "2024-06-06") -> Article:
    art = Article(text=text, published=published)
    annotate(art, DEFAULT)
    extract_entities(art, DEFAULT)
    extract_amounts(art, DEFAULT)
    return extract_statements(art, DEFAULT)


@pytest.mark.parametrize("sentence", [
    "Ngày 5/6, Bộ Thương mại Mỹ thông báo khởi xướng điều tra chống bán phá giá đối với thép mạ kẽm nhập khẩu từ Việt Nam.",
    "Ngày 20/3, Bộ Thương mại Hoa Kỳ (DOC) đã ban hành kết luận sơ bộ đợt rà soát hành chính đối với tôm đông lạnh của Việt Nam.",
    "Ngày 10/10, Bộ Thương mại Hoa Kỳ ra quyết định cuối cùng áp thuế chống trợ cấp 2,84% đối với lốp xe của Việt Nam.",
    "Bộ Thương mại Hoa Kỳ vừa công bố kết quả cuối cùng đợt rà soát thuế chống bán phá giá đối với cá tra Việt Nam.",
])
def test_a_trade_remedy_step_is_a_statement_of_the_us_agency_with_its_thread(sentence):
    art = run(sentence)
    (st,) = [s for s in art.statements if s.actor.startswith("Bộ Thương mại")]
    assert st.side == "US" and st.act == "inform" and st.addressee_side == "VN"
    assert st.threads == ["trade_remedies"]


def test_a_ruling_told_after_a_statement_keeps_its_thread():
    art = run("Bộ Thương mại Hoa Kỳ khẳng định có việc lẩn tránh thuế và quyết định áp thuế chống bán phá giá "
              "đối với thép cán nguội của Việt Nam.")
    (st,) = art.statements
    assert st.threads == ["trade_remedies"]


def test_a_ruling_inside_another_clause_is_no_statement():
    art = run("Kết quả cuối cùng sẽ được Bộ Thương mại Mỹ công bố vào tháng 9. "
              "Sau khi Bộ Thương mại Mỹ công bố mức thuế, nhiều doanh nghiệp thủy sản đã kháng cáo.\n"
              "Ông Trần Văn Khánh cho rằng quy chuẩn do Bộ Y tế ban hành đã lỗi thời.")
    assert all(not s.actor.startswith(("Bộ Thương mại", "Bộ Y tế")) for s in art.statements)
    assert [s.actor for s in art.statements] == ["Trần Văn Khánh"]


def test_an_inform_that_is_no_ruling_keeps_the_thread_it_touches():
    """annotations/GUIDE.md: a US agency's word on a duty is an inform on ``trade_remedies``."""
    art = run("Bộ Thương mại Hoa Kỳ cho biết thuế chống bán phá giá đối với cá tra vẫn được giữ nguyên.")
    (st,) = art.statements
    assert st.act == "inform" and st.threads == ["trade_remedies"]


def test_an_association_named_with_its_acronym_is_the_actor():
    art = run("Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam (VASEP) đề nghị Bộ Thương mại Hoa Kỳ "
              "xem xét lại phương pháp tính thuế chống bán phá giá đối với cá tra.")
    (st,) = art.statements
    assert st.actor.startswith("Hiệp hội Chế biến và Xuất khẩu")
    assert st.side == "VN" and st.act == "request" and st.threads == ["trade_remedies"]


def test_a_company_named_with_its_acronym_speaks():
    art = run("Tập đoàn General Electric (GE) cho biết đã ký hợp đồng trị giá 5 tỷ USD với Việt Nam. "
              "Tập đoàn Boeing khẳng định sẽ tiếp tục hỗ trợ Việt Nam đào tạo phi công.")
    actors = {s.actor: s for s in art.statements}
    assert "General Electric" in actors and actors["General Electric"].side == "US"
    assert actors["Boeing"].act == "commit"


def test_exporters_and_associations_as_a_group_speak_for_their_side():
    art = run("Các hiệp hội ngành hàng Việt Nam đề nghị phía Mỹ xem xét lại mức thuế chống bán phá giá đối với tôm.\n"
              "Các nhà xuất khẩu Mỹ cam kết tiếp tục cung cấp bông cho doanh nghiệp dệt may Việt Nam.")
    by_side = {s.side: s for s in art.statements}
    assert by_side["VN"].actor == "VN" and by_side["VN"].act == "request"
    assert by_side["US"].actor == "US" and by_side["US"].act == "commit"


def test_an_association_name_runs_over_a_lowercase_noun_to_its_country():
    art = run("Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam đề nghị Bộ Thương mại Hoa Kỳ xem xét lại mức thuế.\n"
              "Hiệp hội Dệt may đề nghị Việt Nam đàm phán sớm với phía Mỹ.\n"
              "Viện Năng lượng nguyên tử Việt Nam tại Hà Nội cho biết sẽ hợp tác với các đối tác Mỹ.")
    names = {o.name for o in art.organizations}
    assert "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam" in names
    assert "Viện Năng lượng nguyên tử Việt Nam" in names
    assert not any("đề nghị" in n or "tại Hà Nội" in n for n in names)
    actors = [s.actor for s in art.statements]
    assert "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam" in actors


def test_a_clause_opens_with_the_whole_name_of_its_speaker_even_when_the_name_holds_va():
    """`` và `` is a clause boundary, but not inside a name: the association's clause starts at its name."""
    art = run("Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam (VASEP) phản đối mức thuế chống bán phá giá "
              "mà Bộ Thương mại Mỹ áp đối với cá tra của Việt Nam.")
    (st,) = [s for s in art.statements if s.actor.startswith("Hiệp hội")]
    assert st.text.startswith("Hiệp hội Chế biến và Xuất khẩu")
