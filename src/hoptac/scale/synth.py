"""Synthetic Vietnamese articles for scale tests and benchmarks, from hoptac's own templates.

:func:`synth_article` makes article ``i`` of a corpus (deterministic in ``(i, seed)``, so
workers can make any slice): a plain-text article (title line, dateline, paragraphs) about
a meeting between a Vietnamese and an American official, with varied people, dates, sectors,
threads and amounts, and the :class:`~hoptac.model.Article` record of what it says, built
directly from the template with exact evidence spans (for benchmarks that measure the store
and the API without running the extractor). Every sentence here is written for hoptac.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

from ..model import Amount, Article, Event, Organization, Person, Place, Statement

VN_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
             "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai")
VN_MIDDLE = ("Văn", "Thị", "Hồng", "Minh", "Quốc", "Thanh", "Đức", "Xuân", "Ngọc", "Hữu", "Anh", "Kim")
VN_GIVEN = ("Diên", "Sơn", "Hùng", "Lan", "Hà", "Tuấn", "Dũng", "Phong", "Hải", "Trung", "Nam", "Thắng",
            "Long", "Thủy", "Hương", "Quang", "Vinh", "Khánh", "Bình", "Cường", "Hiếu", "Tâm", "Trang", "Linh")
US_FIRST = ("John", "Mary", "David", "Susan", "Michael", "Karen", "Robert", "Linda", "James", "Emily",
            "Daniel", "Laura", "Thomas", "Rachel", "Kevin", "Julia", "Mark", "Sarah", "Brian", "Helen")
US_LAST = ("Carter", "Brooks", "Hughes", "Foster", "Reed", "Howard", "Bennett", "Ward", "Porter", "Hayes",
           "Griffin", "Russell", "Sullivan", "Wallace", "Cole", "Perry", "Fisher", "Jordan", "Barnes", "Graham")
VN_OFFICES = (("Bộ trưởng", "Bộ Công Thương"), ("Thứ trưởng", "Bộ Ngoại giao"),
              ("Bộ trưởng", "Bộ Khoa học và Công nghệ"), ("Thứ trưởng", "Bộ Tài chính"),
              ("Bộ trưởng", "Bộ Nông nghiệp và Môi trường"), ("Phó Chủ tịch", "UBND TP Hồ Chí Minh"),
              ("Chủ tịch", "UBND TP Đà Nẵng"), ("Thứ trưởng", "Bộ Quốc phòng"), ("Bộ trưởng", "Bộ Y tế"),
              ("Thứ trưởng", "Bộ Công Thương"), ("Phó Thống đốc", "Ngân hàng Nhà nước"))
US_OFFICES = (("Thứ trưởng Thương mại", "Bộ Thương mại Hoa Kỳ", "government"),
              ("Đại sứ Hoa Kỳ tại Việt Nam", "Đại sứ quán Hoa Kỳ", "embassy"),
              ("Phó Trợ lý Ngoại trưởng", "Bộ Ngoại giao Hoa Kỳ", "government"),
              ("Tổng Lãnh sự Hoa Kỳ tại TP Hồ Chí Minh", "Tổng Lãnh sự quán Hoa Kỳ", "embassy"),
              ("Giám đốc USAID tại Việt Nam", "USAID", "government"),
              ("Phó Chủ tịch", "Tập đoàn Northwind Energy", "company"),
              ("Giám đốc điều hành", "Công ty Blue Harbor Semiconductor", "company"),
              ("Chủ tịch", "Phòng Thương mại Hoa Kỳ", "association"))
PLACES = ("Hà Nội", "TP Hồ Chí Minh", "Đà Nẵng", "Washington D.C.", "Hải Phòng", "New York", "Cần Thơ")
OUTLETS = ("Tin Hợp Tác", "Báo Kinh Tế Mới", "Thời Báo Công Nghệ", "Nhịp Cầu Thương Mại")
SECTORS = {
    "semiconductors": ("công nghiệp bán dẫn", "thiết kế vi mạch", "đóng gói và kiểm thử chip"),
    "energy": ("năng lượng sạch", "điện gió ngoài khơi", "lưới điện thông minh"),
    "ai": ("trí tuệ nhân tạo", "ứng dụng AI trong quản trị công"),
    "digital": ("chuyển đổi số", "an ninh mạng", "hạ tầng số"),
    "health": ("y tế dự phòng", "sản xuất vắc-xin"),
    "agriculture": ("nông nghiệp công nghệ cao", "xuất khẩu nông sản"),
    "workforce": ("đào tạo nguồn nhân lực", "giáo dục đại học"),
    "aerospace": ("hàng không dân dụng", "công nghệ vệ tinh"),
}
THREADS = {
    "market_economy_status": "sớm công nhận quy chế kinh tế thị trường cho Việt Nam",
    "export_controls": "xem xét đưa Việt Nam ra khỏi danh sách hạn chế xuất khẩu công nghệ cao",
    "semiconductor_workforce": "hỗ trợ đào tạo 50.000 kỹ sư bán dẫn",
    "lng": "thúc đẩy các dự án nhập khẩu LNG và điện khí",
    "dioxin_remediation": "tiếp tục tẩy độc dioxin tại sân bay Biên Hòa",
    "trade_remedies": "hạn chế áp thuế chống bán phá giá đối với cá tra Việt Nam",
}
OPENERS = ("{date}, tại {place}, {vn} đã có buổi làm việc với {us}.",
           "Trong khuôn khổ chuyến công tác tại {place}, {date} {vn} đã tiếp {us}.",
           "{date}, {vn} và {us} đã có cuộc gặp tại {place} để trao đổi về hợp tác song phương.",
           "Tiếp tục chương trình làm việc tại {place}, {date} {vn} hội đàm với {us}.")
REQUESTS = ("Tại buổi làm việc, {vs} đề nghị phía Hoa Kỳ {thread}.",
            "{vs} đề nghị Hoa Kỳ {thread}, qua đó tạo thuận lợi cho doanh nghiệp hai nước.",
            "Phát biểu tại cuộc gặp, {vs} mong muốn phía Mỹ {thread}.")
COMMITS = ("{us_s} cho biết Hoa Kỳ sẵn sàng hỗ trợ Việt Nam phát triển {sector}, với tổng vốn khoảng {money}.",
           "Đáp lại, {us_s} khẳng định phía Mỹ sẽ dành {money} cho các dự án {sector} trong thời gian tới.",
           "{us_s} cam kết sẽ huy động khoảng {money} để thúc đẩy {sector} tại Việt Nam.")
AGREES = ("Hai bên nhất trí thành lập nhóm công tác chung về {sector} trong năm {year}.",
          "Hai bên thống nhất sẽ tổ chức phiên đối thoại tiếp theo về {sector} vào năm {year}.",
          "Hai bên đồng ý tăng cường trao đổi đoàn doanh nghiệp trong lĩnh vực {sector}.")
FILLERS = ("Kim ngạch thương mại hai chiều năm {prev} đạt khoảng {trade} tỷ USD, tăng {pct}% so với năm trước.",
           "Hiện có khoảng {firms} doanh nghiệp Hoa Kỳ đang hoạt động tại Việt Nam.",
           "Theo số liệu của {org_vn}, vốn đầu tư từ Hoa Kỳ vào {sector} đã tăng mạnh trong những năm gần đây.",
           "Nhiều trường đại học của hai nước đã ký kết chương trình trao đổi sinh viên về {sector}.",
           "Các chuyên gia đánh giá {sector} là một trong những trụ cột mới của quan hệ hai nước.",
           "Buổi làm việc diễn ra trong không khí cởi mở, thẳng thắn và hiệu quả.",
           "Dự kiến trong quý {quarter}, một đoàn doanh nghiệp gồm {firms} công ty sẽ sang khảo sát thị trường.")
SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Figure:
    """A made-up official of one side with a fixed office."""

    name: str
    title: str
    organization: str
    side: str
    org_kind: str
    office: str = ""

    @property
    def short(self) -> str:
        """How later sentences name them: the office and the given name."""
        return f"{self.office} {self.name.split()[-1]}"


@cache
def figures(seed: int = 0, n_vn: int = 600, n_us: int = 400) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    """The people of the synthetic world: a fixed pool per side, so people recur across articles."""
    rng = random.Random(seed)
    vn: dict[str, Figure] = {}
    while len(vn) < n_vn:
        name = f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"
        office, org = rng.choice(VN_OFFICES)
        vn.setdefault(name, Figure(name, f"{office} {org}", org, "VN", "government", office))
    us: dict[str, Figure] = {}
    while len(us) < n_us:
        name = f"{rng.choice(US_FIRST)} {rng.choice(US_LAST)}"
        title, org, kind = rng.choice(US_OFFICES)
        if title in ("Phó Chủ tịch", "Giám đốc điều hành", "Chủ tịch"):
            title = f"{title} {org}"
        us.setdefault(name, Figure(name, title, org, "US", kind))
    return tuple(vn.values()), tuple(us.values())


class _Writer:
    """Text assembled piece by piece, remembering where each slot value landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def put(self, text: str, slot: str | None = None) -> tuple[int, int]:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        if slot:
            self.spans.setdefault(slot, []).append((start, self.pos))
        return start, self.pos

    def sentence(self, template: str, values: dict[str, str]) -> tuple[tuple[int, int], dict[str, tuple[int, int]]]:
        start, where = self.pos, {}
        for i, piece in enumerate(SLOT.split(template)):
            if i % 2 == 0:
                self.put(piece)
            else:
                where[piece] = self.put(values[piece], piece)
        return (start, self.pos), where

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synth_article(i: int, *, seed: int = 0) -> tuple[str, Article]:
    """Article ``i`` of the synthetic corpus: its plain text and the record of what it says."""
    rng = random.Random(seed * 1_000_003 + i)
    vn_pool, us_pool = figures(seed)
    vn, us = rng.choice(vn_pool), rng.choice(us_pool)
    year = rng.randint(2013, 2026)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    published = f"{year:04d}-{month:02d}-{day:02d}"
    place = rng.choice(PLACES)
    topic = rng.choice(sorted(SECTORS))
    sector = rng.choice(SECTORS[topic])
    thread = rng.choice(sorted(THREADS))
    billions = rng.randint(1, 400) / 10
    money_text = f"{billions:.1f}".replace(".", ",").removesuffix(",0") + " tỷ USD"
    outlet = rng.choice(OUTLETS)
    values = {"date": f"Ngày {day}/{month}/{year}", "place": place, "vn": f"{vn.title} {vn.name}",
              "us": f"{us.title} {us.name}", "vs": vn.short, "us_s": us.name, "thread": THREADS[thread],
              "sector": sector, "money": money_text, "year": str(min(year + 1, 2027)),
              "prev": str(year - 1), "trade": str(rng.randint(50, 150)), "pct": str(rng.randint(2, 30)), "firms": str(rng.randint(20, 900)),
              "org_vn": vn.organization, "quarter": rng.choice(("I", "II", "III", "IV"))}
    w = _Writer()
    title = f"{vn.short} {rng.choice(('làm việc với', 'tiếp', 'gặp'))} {us.title} {us.name} về {sector}"
    w.put(title + "\n")
    w.put(f"{outlet} - {day:02d}/{month:02d}/{year} {rng.randint(6, 21):02d}:{rng.choice(('00', '15', '30', '45'))}\n\n")
    body_start = w.pos
    ev_span, _ = w.sentence(rng.choice(OPENERS), values)
    fillers = rng.sample(FILLERS, k=rng.randint(2, 4))
    w.put(" ")
    w.sentence(fillers[0], values)
    w.put("\n\n")
    req_span, _ = w.sentence(rng.choice(REQUESTS), values)
    w.put(" ")
    com_span, com_slots = w.sentence(rng.choice(COMMITS), values)
    w.put("\n\n")
    agr_span, _ = w.sentence(rng.choice(AGREES), values)
    for f in fillers[1:]:
        w.put(" " if rng.random() < 0.5 else "\n\n")
        w.sentence(f, values)
    w.put(f"\n\nBài viết số {i} của kho tin tổng hợp.\n")
    text = w.text
    money = Amount(kind="money", unit="USD", text=money_text, evidence=com_slots["money"],
                   value=round(billions * 1e9), approx="khoảng" in text[com_span[0]:com_span[1]])
    article = Article(
        source=f"synthetic://{seed}/{i}", raw=text, text=text, title=title, published=published, outlet=outlet,
        people=[Person(vn.name, vn.title, vn.organization, "VN", _mentions(text, vn.name, vn.short)),
                Person(us.name, us.title, us.organization, "US", _mentions(text, us.name))],
        organizations=[Organization(vn.organization, "government", "VN", _mentions(text, vn.organization)),
                       Organization(us.organization, us.org_kind, "US", _mentions(text, us.organization))],
        places=[Place(place, _mentions(text, place))],
        events=[Event("meeting", ev_span, date=published, place=place, participants=[vn.name, us.name])],
        statements=[
            Statement(vn.name, "request", text[req_span[0]:req_span[1]], req_span, side="VN", addressee_side="US",
                      topics=["trade"] if thread != "semiconductor_workforce" else ["semiconductors"],
                      threads=[thread]),
            Statement(us.name, "commit", text[com_span[0]:com_span[1]], com_span, side="US", addressee_side="VN",
                      topics=[topic], amounts=[money]),
            Statement("Hai bên", "agree", text[agr_span[0]:agr_span[1]], agr_span, side=None, topics=[topic]),
        ],
        amounts=[money], topics=[topic, "diplomacy"],
    )
    article.paragraphs = [(body_start, len(text))]
    return text, article


def _mentions(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            out.append((start, start + len(name)))
            start = text.find(name, start + len(name))
    return sorted(set(out))
