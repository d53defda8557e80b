"""The hostile corpus: inputs written to break a batch, generated here, with the good files among them.

Every test of this folder runs one path (``extract``, ``ingest --workers 1``, the parallel
ingest, the Dask engine, ``POST /api/articles``) over the same corpus and checks the promise:
every good file is stored, every bad one is named in one line, no traceback, bounded time.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from hoptac.scale.synth import synth_article


@dataclass
class Hostile:
    """Where the corpus is, which files must be stored and which must be named as skipped."""

    root: Path
    good: list[str] = field(default_factory=list)  # file names whose article must be stored
    bad: list[str] = field(default_factory=list)  # file names (or name#record-N) each named in one skip line
    warc_good: int = 0  # good pages inside the web archive

    @property
    def stored(self) -> int:
        """How many articles a complete ingest stores."""
        return len(self.good) + self.warc_good


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{''.join(f'<p>{p}</p>' for p in body.split(chr(10)) if p.strip())}</article></body></html>").encode()


def write_warc(path: Path, records: list[tuple[str, bytes]]) -> None:
    """A gzipped WARC of HTML responses (url, body) for the archive cases."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def build(root: Path) -> Hostile:
    """Write the hostile corpus under ``root``: good articles and every kind of bad input."""
    h = Hostile(root)

    def good(name: str, data: bytes) -> None:
        (root / name).write_bytes(data)
        h.good.append(name)

    def bad(name: str, data: bytes) -> None:
        (root / name).write_bytes(data)
        h.bad.append(name)

    for i in range(3):
        good(f"tot_{i}.txt", synth_article(i, seed=1401)[0].encode())
    good("so_khong_lo.txt", ("Hoa Kỳ hỗ trợ điện gió\n\nPhía Hoa Kỳ cam kết dành " + "9" * 400
                             + " tỷ USD cho các dự án điện gió của Việt Nam.\n").encode())
    paras = [synth_article(i, seed=1403)[0] for i in range(3)]
    title, body = paras[0].split("\n", 1)
    deep = "<div>" * 300 + _page(title, body).decode().split("<body>")[1].split("</body>")[0] + "</div>" * 300
    good("long_sau.html", f"<html><head><meta charset='utf-8'></head><body>{deep}</body></html>".encode())
    title, body = paras[1].split("\n", 1)
    script = "<script>" + "var a = 1;" * (15 * 2**20 // 10) + "</script>"
    good("script_lon.html", _page(title, body).replace(b"</head>", script.encode() + b"</head>"))
    good("mot_nul.txt", paras[2].replace("\n\n", "\n\x00\n", 1).encode())
    bad("trang_trang.html", b"<html><head><title></title></head><body><div></div></body></html>")
    bad("xu\u1ea5u\nten.txt", b"")  # a newline in the name
    attrs = " ".join(f"a{i}='x'" for i in range(40_000))  # libxml2 took minutes over this one tag
    title, body = synth_article(4, seed=1403)[0].split("\n", 1)
    good("the_dai.html", _page(title, body).replace(b"<article>", f"<article><p {attrs}>Hà Nội</p>".encode()))
    bad("mot_dong.txt", ("Tiêu đề\n\n" + "Việt Nam và Hoa Kỳ hợp tác. " * 45_000).encode())  # over max_chars
    bad("rong.txt", b"")
    bad("trang.txt", b" \n\t\r\n  ")
    bad("nhi_phan.txt", bytes(range(256)) * 8)
    bad("anh.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200))
    utf16 = synth_article(3, seed=1401)[0].encode("utf-16")
    bad("le_utf16.txt", utf16 + b"\x41")  # odd length: no whole UTF-16 reading
    pages = [synth_article(i, seed=1402) for i in range(2)]
    write_warc(root / "kho.warc.gz", [
        ("https://bao.example/1", _page(*pages[0][0].split("\n", 1))),
        ("https://bao.example/anh", b"\x00\x01\x02\xff\xfe" * 300),  # a binary record declared as HTML
        ("https://bao.example/2", _page(*pages[1][0].split("\n", 1))),
    ])
    h.bad.append("kho.warc.gz#record-2")
    h.warc_good = 2
    return h


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """The hostile corpus, written once per session."""
    return build(tmp_path_factory.mktemp("hostile"))
