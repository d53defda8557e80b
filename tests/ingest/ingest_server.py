"""A local HTTP server (127.0.0.1, a thread) serving self-written pages, feeds and failures.

Imported by ``conftest.py`` (the ``server`` fixture) and by the tests for the page texts.
"""

from __future__ import annotations

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin tại sân bay Biên Hòa | Báo Thử Nghiệm</title>
<meta property="og:title" content="Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin tại sân bay Biên Hòa">
<meta property="article:published_time" content="2024-04-12T09:15:00+07:00">
<meta name="author" content="Lan Phương"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a></nav>
<header><div class="clock">Thứ bảy, 13/04/2024</div></header>
<main><article>
<h1>Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin tại sân bay Biên Hòa</h1>
<p class="sapo">Cơ quan Phát triển Quốc tế Hoa Kỳ cam kết thêm 30 triệu USD cho giai đoạn hai của dự án xử lý đất nhiễm dioxin tại Biên Hòa.</p>
<p>Ngày 11/4, tại Đồng Nai, đại diện Cơ quan Phát triển Quốc tế Hoa Kỳ và Bộ Quốc phòng Việt Nam đã ký biên bản bổ sung cho dự án xử lý dioxin tại sân bay Biên Hòa, nâng tổng cam kết của phía Hoa Kỳ lên hơn 300 triệu USD.</p>
<figure><img src="/a.jpg" alt=""><figcaption>Lễ ký biên bản bổ sung tại Đồng Nai. (Ảnh: TN/Hải Đăng)</figcaption></figure>
<p>Hai bên nhất trí đẩy nhanh tiến độ xử lý khoảng 500.000 mét khối đất và trầm tích nhiễm dioxin, đồng thời mở rộng hỗ trợ cho người khuyết tật tại các tỉnh bị ảnh hưởng nặng nề bởi chất độc da cam.</p>
<p>Đại diện Bộ Quốc phòng Việt Nam đánh giá cao sự hợp tác của phía Hoa Kỳ trong khắc phục hậu quả chiến tranh, coi đây là một trụ cột của quan hệ Đối tác Chiến lược Toàn diện giữa hai nước.</p>
</article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/x">Giá xăng giảm lần thứ ba liên tiếp</a></li>
<li><a href="/y">Đội tuyển bóng đá nữ tập huấn tại Nhật Bản</a></li></ul></aside></main>
<footer>© 2024 Báo Thử Nghiệm. Bản quyền thuộc về tòa soạn.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Thử nghiệm</title>
<link>{base}/</link><description>Tin mới</description>
<item><title>Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin</title><link>{base}/tin/dioxin.html</link>
<pubDate>Fri, 12 Apr 2024 02:15:00 GMT</pubDate></item>
<item><title>Bài đã gỡ</title><link>{base}/missing</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Thử nghiệm</title>
<id>urn:test</id><updated>2024-04-12T02:15:00Z</updated>
<entry><title>Hoa Kỳ hỗ trợ Việt Nam tẩy độc dioxin</title><id>urn:1</id>
<link href="{base}/tin/dioxin.html"/><updated>2024-04-12T02:15:00Z</updated></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []

    def _send(self, code: int, ctype: str, body: bytes, length: int | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.hits.append((self.path, self.headers.get("User-Agent", "")))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/tin/dioxin.html":
            self._send(200, "text/html; charset=utf-8", ARTICLE.encode())
        elif self.path == "/tin/legacy.html":
            self._send(200, "text/html; charset=windows-1258", ARTICLE.replace("utf-8", "windows-1258").encode())
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", b"<html><body><p>qua cham</p></body></html>")
        elif self.path == "/trickle":  # a byte every 0.1 s: no read ever waits long, the whole takes 5 s
            body = b"<html><body><p>" + b"x" * 50 + b"</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif self.path == "/huge":
            self._send(200, "text/html", b"<html><body>" + b"x" * 5000 + b"</body></html>")
        elif self.path == "/rss.xml":
            self._send(200, "application/rss+xml; charset=utf-8", RSS.format(base=base).encode())
        elif self.path == "/atom.xml":
            self._send(200, "application/atom+xml", ATOM.format(base=base).encode())
        elif self.path == "/not-a-feed":
            self._send(200, "text/html", b"<html><body><p>Trang thuong</p></body></html>")
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    """A server that does not print the expected error of the timeout test: the client hung up."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the client gave up waiting for /slow: that is what the test wants
        super().handle_error(request, client_address)


def serve():
    """Start a server running :class:`Handler`; yields its base URL, shuts it down after."""
    srv = QuietServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
