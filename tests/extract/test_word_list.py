"""The word list reader: the plain unpickler first, joblib for whatever that cannot read."""

from pathlib import Path

import joblib
import pytest

from hoptac.extract.gazetteer import read_word_list


def test_plain_pickle_and_joblib_compressed(tmp_path: Path) -> None:
    words = {"hợp tác", "đối tác"}
    plain, packed = tmp_path / "plain.bin", tmp_path / "packed.bin"
    joblib.dump(words, plain)
    joblib.dump(words, packed, compress=("zlib", 3))
    assert read_word_list(plain) == frozenset(words)
    assert read_word_list(packed) == frozenset(words)


@pytest.mark.parametrize("content", [b"", b"cbuiltins\nno_such_name\n."])  # EOFError, AttributeError
def test_damaged_file_goes_to_joblib(tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "damaged.bin"
    path.write_bytes(content)
    seen: list[Path] = []

    def fake_load(p: Path) -> list[str]:
        seen.append(p)
        return ["từ điển"]

    monkeypatch.setattr(joblib, "load", fake_load)
    assert read_word_list(path) == frozenset({"từ điển"})
    assert seen == [path]
