"""``hoptac demo`` and ``hoptac serve`` as a user runs them: a real process, a real port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from hoptac.cli import main
from hoptac.cli_web import DEMO_DIR, demo_files


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start ``hoptac ARGS`` and return the process and the dashboard address it printed."""
    proc = subprocess.Popen([sys.executable, "-m", "hoptac", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 180
    for line in proc.stdout:  # type: ignore[union-attr]
        if line.startswith("hoptac dashboard: "):
            url = line.split(": ", 1)[1].strip()
            break
        if time.monotonic() > deadline:
            break
    else:
        proc.kill()
        pytest.fail(f"no dashboard line; stderr: {proc.stderr.read()}")  # type: ignore[union-attr]
    for _ in range(300):
        try:
            httpx.get(url + "/api/health", timeout=2)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("the server did not answer")


def test_demo_ingests_the_demo_articles_and_serves(tmp_path):
    port = free_port()
    db = tmp_path / "demo.db"
    env = {**os.environ, "HOPTAC_API_TOKEN": "", "HOPTAC_DB": str(tmp_path / "unused.db")}
    proc, url = start(["demo", "--db", str(db), "--port", str(port)], env)
    try:
        assert url == f"http://127.0.0.1:{port}"
        counts = httpx.get(url + "/api/stats").json()["counts"]
        assert counts["articles"] + counts["duplicates"] == len(demo_files())  # every demo article stored
        page = httpx.get(url + "/")
        assert page.status_code == 200 and "Tổng quan" in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert db.exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_needs_an_existing_store(tmp_path, workers):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--port", "1", "--workers", workers])
    assert result.exit_code != 0
    assert "no store at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_demo_articles_are_packaged_files():
    assert DEMO_DIR.is_dir()
    assert all(f.endswith((".txt", ".html", ".htm")) for f in demo_files())


def test_serve_with_a_taxonomy_names_the_users_threads(tmp_path):
    """``--taxonomy`` reaches the served store: the thread list names the user's own thread."""
    user = tmp_path / "my.yaml"
    user.write_text("threads:\n  visa_policy:\n    vi: Thị thực sinh viên\n    en: Student visas\n"
                    "    patterns: [thị thực, cấp visa]\n    topics: [diplomacy]\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", demo_files()[0], "--db", str(db), "--workers", "1"]).exit_code == 0
    env = {**os.environ, "HOPTAC_API_TOKEN": ""}
    for args in (["serve", "--db", str(db)], ["serve", "--db", str(db), "--taxonomy", str(user)]):
        proc, url = start([*args, "--port", str(free_port())], env)
        try:
            ids = {t["id"]: t for t in httpx.get(url + "/api/threads").json()["items"]}
            page = httpx.get(url + "/threads", params={"lang": "en"}).text
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        if "--taxonomy" in args:
            assert ids["visa_policy"]["label_en"] == "Student visas" and "Student visas" in page
        else:
            assert "visa_policy" not in ids and "Student visas" not in page


def _children(pid: int) -> set[int]:
    """The ids of a process's child processes (Linux ``/proc``)."""
    out = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.update(int(p) for p in f.read().split())
        except FileNotFoundError:
            continue
    return out


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="reads the process tree from Linux /proc")
def test_serve_with_two_workers_answers_from_both(tmp_path):
    """``--workers 2``: two processes answer on one port, each over the same store and taxonomy, and a
    sign-in made on one holds on the other."""
    user = tmp_path / "my.yaml"
    user.write_text("threads:\n  visa_policy:\n    vi: Thị thực sinh viên\n    en: Student visas\n"
                    "    patterns: [thị thực, cấp visa]\n    topics: [diplomacy]\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert CliRunner().invoke(main, ["ingest", demo_files()[0], "--db", str(db), "--workers", "1"]).exit_code == 0
    env = {**os.environ, "HOPTAC_API_TOKEN": "", "HOPTAC_API_PROTECT_READS": "1", "HOPTAC_DB": str(tmp_path / "no.db")}
    env.pop("HOPTAC_SESSION_KEY", None)
    proc, url = start(["serve", "--db", str(db), "--workers", "2", "--token", "s3cret", "--taxonomy", str(user),
                       "--port", str(free_port())], env)
    try:
        seen: dict[int, dict] = {}
        cookies = []
        for _ in range(200):  # a new connection each time: the kernel hands them to either process
            health = httpx.get(url + "/api/health").json()
            seen.setdefault(health["process"], health)
            if len(cookies) < 8:
                r = httpx.post(url + "/login", data={"token": "s3cret", "next": "/"}, follow_redirects=False)
                cookies.append(r.cookies.get("hoptac_session"))
            if len(seen) == 2 and len(cookies) == 8:
                break
        assert len(seen) == 2 and set(seen) <= _children(proc.pid)  # two child processes answered
        assert {h["articles"] for h in seen.values()} == {1}  # both over the store given
        auth = {"Authorization": "Bearer s3cret"}
        assert httpx.get(url + "/api/threads").status_code == 401
        for _ in range(10):
            ids = {t["id"] for t in httpx.get(url + "/api/threads", headers=auth).json()["items"]}
            assert "visa_policy" in ids  # the taxonomy reached every worker
        for cookie in cookies:  # each session, whichever process signed it, opens the pages on any process
            assert cookie
            r = httpx.get(url + "/threads", cookies={"hoptac_session": cookie}, follow_redirects=False)
            assert r.status_code == 200
        forged = cookies[0][:-2] + ("aa" if not cookies[0].endswith("aa") else "bb")
        assert httpx.get(url + "/threads", cookies={"hoptac_session": forged}, follow_redirects=False).status_code != 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
