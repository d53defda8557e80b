"""The pipeline collects the youngest generation less often inside a document, and gives the
caller's collector thresholds back after it, whether the document passes or fails."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

import hoptac
from hoptac import pipeline
from hoptac.model import Article
from hoptac.settings import DEFAULT, Settings

TEXT = "Hà Nội, ngày 3/5/2024\n\nBộ trưởng Ngoại giao Việt Nam tiếp Đại sứ Hoa Kỳ tại Hà Nội.\n"


@pytest.fixture
def probe(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, ...]]:
    """Every stage replaced by one that records the thresholds it runs under (and fails on 'lỗi')."""
    seen: list[tuple[int, ...]] = []

    def stage(article: Article, settings: Settings) -> Article:
        seen.append(gc.get_threshold())
        if "lỗi" in str(article.raw):
            raise RuntimeError("a stage's bug")
        return article

    monkeypatch.setattr(pipeline, "get_stage", lambda name: stage)
    return seen


def _files(tmp_path: Path, *texts: str) -> list[str]:
    out = []
    for k, text in enumerate(texts):
        path = tmp_path / f"{k}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(str(path))
    return out


def test_raised_inside_and_restored_after(probe: list[tuple[int, ...]], tmp_path: Path) -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        results = list(hoptac.analyze_many(_files(tmp_path, TEXT, TEXT + "lỗi"), DEFAULT.with_(stages=("clean",))))
        assert results[0].ok and not results[1].ok and "internal error" in (results[1].error or "")
        assert probe == [(pipeline.GC_GEN0, 10, 10)] * 2
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_switched_off_or_higher_is_left_alone(probe: list[tuple[int, ...]], tmp_path: Path) -> None:
    before = gc.get_threshold()
    try:
        for setting in ((0, 10, 10), (50_000, 5, 5)):
            gc.set_threshold(*setting)
            assert hoptac.analyze_many(_files(tmp_path, TEXT), DEFAULT.with_(stages=("clean",))).__next__().ok
            assert probe[-1] == setting and gc.get_threshold() == setting
    finally:
        gc.set_threshold(*before)


def test_threads_restore_once_the_last_document_ends() -> None:
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with pipeline.fewer_collections():
            inside.set()
            release.wait(10)

    try:
        gc.set_threshold(700, 10, 10)
        t = threading.Thread(target=hold)
        t.start()
        inside.wait(10)
        with pipeline.fewer_collections():
            assert gc.get_threshold()[0] == pipeline.GC_GEN0
        assert gc.get_threshold()[0] == pipeline.GC_GEN0  # the other document is still in progress
        release.set()
        t.join(10)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        release.set()
        gc.set_threshold(*before)
