"""The knowledge-base commands: thin adapters with tables by default and JSON on request."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import corpus, sample_articles

from hoptac.cli import main
from hoptac.store import Store

COMMANDS = ["ingest", "people", "person", "events", "threads", "thread", "timeline", "search", "stats", "export"]


@pytest.fixture
def filled(db_url):
    with Store.open(db_url) as s:
        s.ingest(sample_articles())
    return db_url


def run(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    return res.stdout


def test_commands_are_registered_with_help():
    for name in COMMANDS:
        assert name in main.commands
        assert (main.commands[name].help or "").strip()


def test_json_outputs(filled):
    people = json.loads(run("people", "--db", filled, "--format", "json"))
    assert people["total"] == 2
    person = json.loads(run("person", "Jose Fernandez", "--db", filled, "--format", "json"))
    assert len(person["articles"]) == 3
    events = json.loads(run("events", "--db", filled, "--format", "json", "--person", "Fernandez",
                            "--since", "2025-01-01"))
    assert events["total"] == 1
    threads = json.loads(run("threads", "--db", filled, "--format", "json"))
    assert {t["id"]: t["entries"] for t in threads}["market_economy_status"] == 3
    th = json.loads(run("thread", "market_economy_status", "--db", filled, "--format", "json"))
    assert [e["act"] for e in th["entries"]] == ["request", "commit", "propose"]
    tl = json.loads(run("timeline", "--db", filled, "--format", "json", "--side", "US"))
    assert tl["total"] == 2
    hits = json.loads(run("search", "ban dan", "--db", filled, "--format", "json"))
    assert hits["total"] >= 1 and "<mark>" in hits["items"][0]["snippet"]
    assert json.loads(run("search", "ban dan", "--exact", "--db", filled, "--format", "json"))["total"] == 0
    stats = json.loads(run("stats", "--db", filled, "--format", "json"))
    assert stats["counts"]["articles"] == 3


def test_tables_render(filled):
    out = run("person", "Fernandez", "--db", filled)
    assert "Jose Fernandez" in out and "Cố vấn cấp cao của Nhà Trắng" in out
    out = run("thread", "market_economy_status", "--db", filled)
    assert "stalled" in out and "money US pledged: 2,000,000 USD" in out
    assert "Nguyễn Hồng Diên" in run("people", "--db", filled)
    assert "bán dẫn" in run("search", "ban dan", "--db", filled)
    assert "statements" in run("stats", "--db", filled)


def test_unknown_person_and_thread_are_one_line_errors(filled):
    for args in (["person", "Không Ai"], ["thread", "nope"]):
        res = CliRunner().invoke(main, [*args, "--db", filled])
        assert res.exit_code == 1
        assert res.output.count("\n") == 1 and "Error" in res.output


def test_bad_db_url_is_a_one_line_error():
    res = CliRunner().invoke(main, ["stats", "--db", "nosuchdriver://x/y"])
    assert res.exit_code == 1 and res.output.count("\n") == 1


def test_export_formats(filled, tmp_path):
    lines = run("export", "--db", filled, "--format", "jsonl").strip().splitlines()
    assert len(lines) == 3 and all(json.loads(x)["schema"] == "hoptac.article/1" for x in lines)
    assert len(run("export", "--db", filled, "--format", "jsonl", "--limit", "2").strip().splitlines()) == 2
    arr = json.loads(run("export", "--db", filled, "--format", "json", "--since", "2026-01-01"))
    assert len(arr) == 1 and arr[0]["published"] == "2026-03-10"
    text = run("export", "--db", filled, "--format", "csv", "--table", "statements")
    assert text.startswith("\ufeff")  # Excel on Windows reads UTF-8 only with a byte-order mark
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3 and {r["act"] for r in rows} == {"request", "commit", "propose"}
    assert {r["published"] for r in rows} == {"2024-11-15", "2026-03-10"}  # every row can be cited
    assert all("outlet" in r and "url" in r for r in rows)
    ev = list(csv.DictReader(io.StringIO(run("export", "--db", filled, "--format", "csv", "--table", "events")
                                         .lstrip("\ufeff"))))
    sources = json.loads(ev[0]["sources"])  # JSON, not a Python repr
    assert sources and all("article_id" in src for src in sources)
    out = tmp_path / "ev.parquet"
    run("export", "--db", filled, "--format", "parquet", "--table", "events", "-o", str(out))
    import pyarrow.parquet as pq

    tbl = pq.read_table(out)
    assert tbl.num_rows == 2 and "participants" in tbl.column_names


def test_ingest_command_on_seed_files(db_url, tmp_path):
    seeds = sorted(str(p) for p in corpus("seeds").glob("*.txt"))[:2]
    missing = str(tmp_path / "missing.txt")
    res = CliRunner().invoke(main, ["ingest", *seeds, missing, "--db", db_url, "--format", "json", "--workers", "1"])
    assert res.exit_code == 1  # one source skipped
    rep = json.loads(res.stdout)
    assert rep["stored"] == 2 and [s["source"] for s in rep["skipped"]] == [missing]
    assert "missing.txt" in res.stderr
    res = CliRunner().invoke(main, ["ingest", *seeds, "--db", db_url, "--format", "json", "--workers", "1"])
    assert res.exit_code == 0
    assert json.loads(res.stdout) == {"stored": 0, "duplicates": 0, "unchanged": 2, "refreshed": 0, "skipped": []}


def test_bad_filter_is_a_usage_error(filled):
    res = CliRunner().invoke(main, ["events", "--db", filled, "--since", "14/11/2024"])
    assert res.exit_code == 2 and "ISO date" in res.output
