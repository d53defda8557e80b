"""Dashboard labels in Vietnamese (the default) and English, from ``resources/labels.yaml``.

Topic and thread labels come from the taxonomy first (so a user taxonomy file's new thread
is shown with its own labels), then from ``labels.yaml``; an unknown id shows as itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from ..settings import DEFAULT, RESOURCES, Settings

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LABELS_FILE = RESOURCES / "labels.yaml"


@cache
def load_labels() -> dict[str, dict[str, dict[str, str]]]:
    """Every section of ``labels.yaml``: section -> id -> {vi, en}."""
    with open(LABELS_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    for section, table in data.items():
        for key, value in table.items():
            ok = isinstance(value, dict) and set(value) == set(LANGS) and all(
                isinstance(value[lang], str) and value[lang].strip() for lang in LANGS)
            if not ok:
                raise ValueError(f"{LABELS_FILE}: {section}.{key} needs exactly a vi and an en label (quote "
                                 f"labels holding commas): {value!r}")
    return data


def pick_lang(query: str | None, cookie: str | None) -> str:
    """The page language: ``?lang=`` wins, then the cookie, then Vietnamese."""
    for value in (query, cookie):
        if value in LANGS:
            return value
    return DEFAULT_LANG


@dataclass(frozen=True)
class Translator:
    """Labels for one language; ``t`` for interface words, ``label`` for vocabulary ids."""

    lang: str = DEFAULT_LANG
    settings: Settings = DEFAULT

    def t(self, key: str, **fmt: Any) -> str:
        """An interface word (``ui`` section); ``fmt`` fills ``{placeholders}``."""
        entry = load_labels()["ui"].get(key)
        if entry is None:
            return key
        text = entry[self.lang]
        return text.format(**fmt) if fmt else text

    def label(self, section: str, key: str | None) -> str:
        """The label of a vocabulary id (a side, act, topic, thread, status…); the id if unknown."""
        if not key:
            return ""
        if section in ("topics", "threads"):
            found = self._taxonomy_label(section, key)
            if found:
                return found
        entry = load_labels().get(section, {}).get(key)
        return entry[self.lang] if entry else key

    def _taxonomy_label(self, section: str, key: str) -> str | None:
        from ..extract.topics import load_taxonomy

        tax = load_taxonomy(self.settings)
        entry = (tax.topics if section == "topics" else tax.threads).get(key)
        if entry is None:
            return None
        return (entry.vi if self.lang == "vi" else entry.en) or None

    def reason(self, text: str | None) -> str:
        """A thread status change's reason (written in English by the store) in the page language."""
        text = text or ""
        reasons = load_labels().get("reasons", {})
        m = re.fullmatch(r"raised again (\d+) days after the last movement", text)
        if m:
            return reasons["stalled_days"][self.lang].format(days=m.group(1))
        m = re.fullmatch(r"raised again after (\w+)", text)
        if m:
            status = self.label("thread_statuses", m.group(1))
            return reasons["raised_again_after"][self.lang].format(status=status.lower())
        fixed = {"first raised": "first_raised", "the other side said it will consider or do it": "pledged",
                 "reported under way": "in_progress", "reported done": "fulfilled", "reported abandoned": "dropped"}
        key = fixed.get(text)
        return reasons[key][self.lang] if key else text

    def options(self, section: str) -> list[tuple[str, str]]:
        """(id, label) pairs of a vocabulary, for a filter's drop-down."""
        ids = list(load_labels().get(section, {}))
        if section in ("topics", "threads"):
            from ..extract.topics import load_taxonomy

            tax = load_taxonomy(self.settings)
            extra = list(tax.topics if section == "topics" else tax.threads)
            ids = list(dict.fromkeys([*extra, *ids]))
        return [(i, self.label(section, i)) for i in ids]
