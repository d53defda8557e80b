"""``hoptac extract`` end to end: bad inputs are one line each on stderr, the batch goes on, exit 1."""

from __future__ import annotations

import json
import subprocess
import sys

from ingest_server import serve

TEXT = ("Việt Nam và Hoa Kỳ tổ chức đối thoại nhân quyền\n\n"
        "Ngày 14/5, tại Washington, hai bên tổ chức vòng đối thoại nhân quyền thường niên.\n")


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "bad-bytes.txt").write_bytes(("Việt Nam ".encode() + b"\xc3\x28\xa0\xa1") * 30)
    with (tmp_path / "big.txt").open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    (tmp_path / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 20)
    base = serve()
    url = next(base)
    try:
        args = [str(good), str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"), str(tmp_path / "bad-bytes.txt"),
                str(tmp_path / "big.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "cut.warc.gz"),
                f"{url}/khong-co", f"{url}/image.png"]
        proc = subprocess.run([sys.executable, "-m", "hoptac", "extract", *args, "--format", "jsonl"],
                              capture_output=True, text=True, timeout=120)
    finally:
        next(base, None)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 8, proc.stderr
    assert all(line.startswith("hoptac: skipped ") for line in lines)
    reasons = "\n".join(lines)
    for expected in ("empty.txt: empty input", "image.txt: a PNG image, not text", "bad-bytes.txt: ",
                     "big.txt: too large", "missing.txt: no such file or directory", "cut.warc.gz",
                     "/khong-co: HTTP 404 Not Found", "/image.png: not a web page: content type image/png"):
        assert expected in reasons, expected
    (out,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out["title"] == "Việt Nam và Hoa Kỳ tổ chức đối thoại nhân quyền"
