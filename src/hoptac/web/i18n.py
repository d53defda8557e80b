"""Dashboard labels in Vietnamese (the default) and English, from ``resources/labels.yaml``.

Topic and thread labels come from the taxonomy first (so a user taxonomy file's new thread
is shown with its own labels), then from ``labels.yaml``; an unknown id shows as itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import safe_load
from ..settings import DEFAULT, RESOURCES, Settings

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
LABELS_FILE = RESOURCES / "labels.yaml"

#: the shapes of the code's error messages (their words in ``labels.yaml``, section ``errors``)
_ERRORS = [
    ("not_found", re.compile(r"no (?P<what>person|thread|article|event|organization|statement|brief of) "
                             r"'(?P<ident>.*?)'(?:; did you mean (?P<hint>.+?)\?)?(?:; one of (?P<valid>.+))?")),
    ("bad_date", re.compile(r"(?P<name>since|until) must be a date: YYYY, YYYY-MM or YYYY-MM-DD")),
    ("not_a_day", re.compile(r"(?P<name>since|until): (?P<value>\S+) is not a day of the calendar")),
    ("since_after_until", re.compile(r"since \((?P<since>[^)]+)\) is after until \((?P<until>[^)]+)\)")),
    ("unknown_vocab", re.compile(r"unknown (?P<name>topic|thread) '(?P<value>[^']*)'(?:; one of (?P<valid>.+))?")),
    ("whole_number", re.compile(r"(?P<name>\w+) must be a whole number")),
    ("between", re.compile(r"(?P<name>\w+) must be between (?P<lo>\d+) and (?P<hi>\d+)")),
    ("token", re.compile(r"a valid bearer token is required")),
    ("side", re.compile(r"side must be VN, US or OTHER")),
]


@cache
def load_labels() -> dict[str, dict[str, dict[str, str]]]:
    """Every section of ``labels.yaml``: section -> id -> {vi, en}."""
    with open(LABELS_FILE, encoding="utf-8") as fh:
        data = safe_load(fh) or {}
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

    def message(self, text: str | None) -> str:
        """An error message (written in English by the code) in the page language: the known
        shapes are translated with their values kept, any other message is shown as written."""
        text = text or ""
        if self.lang == "en":
            return text
        errors = load_labels().get("errors", {})
        for key, pattern in _ERRORS:
            m = pattern.fullmatch(text)
            if m and key in errors:
                vals = {k: (v or "") for k, v in m.groupdict().items()}
                if vals.get("name"):  # since, until, topic, thread: the words of the filter form
                    vals["name"] = self.t(vals["name"])
                if vals.get("hint"):
                    vals["hint"] = vals["hint"].replace(" or ", ", ")
                if "what" in vals:
                    vals["what"] = errors.get("what_" + vals["what"], {}).get(self.lang, vals["what"])
                out = errors[key][self.lang].format(**vals)
                if vals.get("hint"):
                    out += " " + errors["did_you_mean"][self.lang].format(hint=vals["hint"])
                if vals.get("valid"):
                    out += " " + errors["one_of"][self.lang].format(valid=vals["valid"])
                return out
        return text

    def options(self, section: str) -> list[tuple[str, str]]:
        """(id, label) pairs of a vocabulary, for a filter's drop-down."""
        ids = list(load_labels().get(section, {}))
        if section in ("topics", "threads"):
            from ..extract.topics import load_taxonomy

            tax = load_taxonomy(self.settings)
            extra = list(tax.topics if section == "topics" else tax.threads)
            ids = list(dict.fromkeys([*extra, *ids]))
        return [(i, self.label(section, i)) for i in ids]
