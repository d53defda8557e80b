"""Figures no store can hold never reach one: an absurd amount is dropped with a warning, the article stored."""

from __future__ import annotations

import json

from hoptac import analyze

TEXT = ("Hoa Kỳ hỗ trợ Việt Nam phát triển điện gió ngoài khơi\n\n"
        "Ngày 3/4, Bộ trưởng Bộ Công Thương Nguyễn Văn Bình cho biết phía Hoa Kỳ cam kết dành "
        + "9" * 400 + " tỷ USD và 30 triệu USD cho các dự án điện gió ngoài khơi của Việt Nam.\n")


def test_a_400_digit_amount_is_dropped_and_the_article_stored(store) -> None:  # type: ignore[no-untyped-def]
    article = analyze(TEXT)
    data = article.to_dict()
    json.dumps(data, allow_nan=False)  # no Infinity: valid JSON
    assert [a["value"] for a in data["amounts"] if a["kind"] == "money"] == [30_000_000]
    assert any(w.startswith("amount dropped") for w in article.warnings)
    aid = store.add_article(article)
    assert store.article(aid)["amounts"] == data["amounts"]
