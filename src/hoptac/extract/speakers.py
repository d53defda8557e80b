"""Speakers of statements: an :class:`Actor` (a person, an organization, a side or both sides)
and the :class:`Context` of who spoke last, which pronouns and side words resolve against."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Person

OTHER = {"VN": "US", "US": "VN"}


@dataclass
class Actor:
    """Who a clause is about: a display name, a side, and the person behind it if any."""

    name: str
    side: str | None
    person: Person | None = None
    both: bool = False  # both sides speak through it ("Hai bên", "Việt Nam và Hoa Kỳ")


@dataclass
class Context:
    """Who spoke last in the article so far: for pronouns, side words and continuations."""

    interviewee: Actor | None = None
    last_person: Actor | None = None
    last_person_sentence: int = -10
    last_actor: Actor | None = None
    last_actor_sentence: int = -10
    speakers: dict[str, tuple[Actor, int]] = field(default_factory=dict)  # side -> last person, sentence
    recent: list[tuple[Actor, int]] = field(default_factory=list)  # people who spoke, sentence
