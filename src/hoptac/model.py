"""The records hoptac extracts, as plain dataclasses.

An :class:`Article` owns its cleaned text; every extracted record points back into that
text with character spans (``(start, end)``, end exclusive). ``Article.to_dict()`` is the
public ``hoptac.article/1`` export (see ``shared/eval/FORMAT.md``); fields may be added to
it, none renamed or dropped. ``Article.from_dict()`` reads an export back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "hoptac.article/1"

SpanT = tuple[int, int]


def _spans(value: Any) -> list[SpanT]:
    return [(int(a), int(b)) for a, b in (value or [])]


def _span(value: Any) -> SpanT | None:
    if not value:
        return None
    a, b = value
    return (int(a), int(b))


@dataclass
class Person:
    """A person of the story: name as written, title at the time, organization, side."""

    name: str
    title: str | None = None
    organization: str | None = None
    side: str | None = None
    mentions: list[SpanT] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class Organization:
    """A ministry, agency, embassy, party, company, outlet or association."""

    name: str
    kind: str = "other"
    side: str | None = None
    mentions: list[SpanT] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class Place:
    """A city, country or named venue."""

    name: str
    mentions: list[SpanT] = field(default_factory=list)


@dataclass
class Framework:
    """A named agreement, dialogue, plan or initiative (JETP, IPEF, an MOU)."""

    name: str
    mentions: list[SpanT] = field(default_factory=list)


@dataclass
class Amount:
    """A number that measures something: money, percent, count, year or duration.

    A single value sets ``value``; a range sets ``min`` and ``max`` and leaves ``value`` None.
    """

    kind: str
    unit: str | None
    text: str
    evidence: SpanT
    value: float | None = None
    min: float | None = None
    max: float | None = None
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind}
        if self.value is not None:
            d["value"] = _num(self.value)
        else:
            d["min"] = _num(self.min)
            d["max"] = _num(self.max)
        d.update(unit=self.unit, approx=self.approx, text=self.text, evidence=list(self.evidence))
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Amount:
        return cls(kind=d["kind"], unit=d.get("unit"), text=d.get("text", ""),
                   evidence=_span(d.get("evidence")) or (0, 0), value=d.get("value"),
                   min=d.get("min"), max=d.get("max"), approx=bool(d.get("approx")))


def precision(date: str | None) -> str | None:
    """``day``, ``month`` or ``year`` for an ISO date, month or year; ``partial`` without a year."""
    if not date:
        return None
    if date.startswith("--"):
        return "partial"
    return {4: "year", 7: "month"}.get(len(date), "day")


def _num(v: float | None) -> float | int | None:
    """Whole numbers export as ints (8000000000, not 8e9)."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else float(v)


@dataclass
class Event:
    """Something that happened or is planned, at a time, with participants."""

    type: str
    evidence: SpanT
    date: str | None = None
    date_inferred: bool = False
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    status: str = "happened"
    #: where the date's year came from: stated, relative, inferred, partial (no year), or None
    date_provenance: str | None = None
    #: a past occasion mentioned in passing (months or years before the article), not its news
    background: bool = False


@dataclass
class Statement:
    """A clause in which an actor asks, proposes, commits, agrees, welcomes or informs."""

    actor: str
    act: str
    text: str
    evidence: SpanT
    side: str | None = None
    addressee_side: str | None = None
    topics: list[str] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    #: when it was said: the event it was said at, else the article's publication date
    date: str | None = None
    #: where that date came from: the provenance of the event's date it was said at, else of the article's
    date_provenance: str | None = None
    subthreads: list[str] = field(default_factory=list)  # sub-issues of its threads (taxonomy ``parent``)
    #: internal, not exported: the cue's span, and for a candidate the rules left (``()`` for a rule
    #: statement) how its actor was found and why the rules left it (read by the learned decision)
    cue: SpanT | None = field(default=None, repr=False, compare=False)
    origin: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["cue"], d["origin"]
        d["evidence"] = list(self.evidence)
        d["amounts"] = [a.to_dict() for a in self.amounts]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        return cls(actor=d["actor"], act=d["act"], text=d.get("text", ""),
                   evidence=_span(d.get("evidence")) or (0, 0), side=d.get("side"),
                   addressee_side=d.get("addressee_side"), topics=list(d.get("topics") or []),
                   threads=list(d.get("threads") or []),
                   amounts=[Amount.from_dict(a) for a in d.get("amounts") or []],
                   date=d.get("date"), date_provenance=d.get("date_provenance"),
                   subthreads=list(d.get("subthreads") or []))


@dataclass
class Token:
    """One word (underthesea segmentation) with its part of speech and span."""

    text: str
    pos: str
    start: int
    end: int


@dataclass
class Sentence:
    """A sentence of the cleaned text, with its tokens once the NLP stage has run."""

    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Article:
    """One news article: raw input, cleaned text, metadata and every extracted record.

    ``text`` is the cleaned text every span indexes into. ``offsets`` maps it back to the
    decoded raw input: a sorted list of ``(clean_start, raw_start, length)`` segments, each a
    run of characters copied unchanged from ``raw`` to ``text``.
    """

    source: str = ""
    raw: str = ""
    text: str = ""
    title: str | None = None
    published: str | None = None
    #: where ``published`` came from: metadata (page, feed, crawler record, the user's file),
    #: stated (the text's date line), inferred (from the text alone), or None when undated
    published_provenance: str | None = None
    #: how it was found, in one line ("date line", "metadata file", "the lunar new year named: ...")
    published_basis: str | None = None
    #: the days it may lie in, when not known to the day (inferred dates, a crawl date's bound)
    published_window: tuple[str, str] | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    url: str | None = None
    content_type: str = "text"
    offsets: list[tuple[int, int, int]] = field(default_factory=list)
    captions: list[SpanT] = field(default_factory=list)
    paragraphs: list[SpanT] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    frameworks: list[Framework] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def raw_offset(self, pos: int) -> int | None:
        """Map a position in ``text`` back to the decoded raw input (None if inserted)."""
        for clean_start, raw_start, length in self.offsets:
            if clean_start <= pos < clean_start + length:
                return raw_start + (pos - clean_start)
        return None

    def quote(self, span: SpanT) -> str:
        """The cleaned text under a span."""
        return self.text[span[0]:span[1]]

    def to_dict(self) -> dict[str, Any]:
        """The ``hoptac.article/1`` export."""

        def named(items: list[Any]) -> list[dict[str, Any]]:
            out = []
            for it in items:
                d = asdict(it)
                d["mentions"] = [list(m) for m in it.mentions]
                if not d.get("aliases"):
                    d.pop("aliases", None)
                out.append(d)
            return out

        events = []
        for e in self.events:
            d = asdict(e)
            d["evidence"] = list(e.evidence)
            events.append(d)
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "published_provenance": self.published_provenance,
            "published_precision": precision(self.published),
            "published_basis": self.published_basis,
            "published_window": list(self.published_window) if self.published_window else None,
            "outlet": self.outlet,
            "authors": list(self.authors),
            "url": self.url,
            "text": self.text,
            "captions": [list(c) for c in self.captions],
            "people": named(self.people),
            "organizations": named(self.organizations),
            "places": named(self.places),
            "frameworks": named(self.frameworks),
            "events": events,
            "statements": [s.to_dict() for s in self.statements],
            "amounts": [a.to_dict() for a in self.amounts],
            "topics": list(self.topics),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Read a ``hoptac.article/1`` export back into an Article (without raw or tokens)."""

        def build(klass: type, items: list[dict[str, Any]]) -> list[Any]:
            names = {f.name for f in fields(klass)}
            out = []
            for it in items or []:
                kw = {k: v for k, v in it.items() if k in names}
                if "mentions" in kw:
                    kw["mentions"] = _spans(kw["mentions"])
                if "evidence" in kw:
                    kw["evidence"] = _span(kw["evidence"]) or (0, 0)
                out.append(klass(**kw))
            return out

        return cls(
            source=d.get("source", ""),
            text=d.get("text", ""),
            title=d.get("title"),
            published=d.get("published"),
            published_provenance=d.get("published_provenance"),
            published_basis=d.get("published_basis"),
            published_window=tuple(d["published_window"]) if d.get("published_window") else None,  # type: ignore[arg-type]
            outlet=d.get("outlet"),
            authors=list(d.get("authors") or []),
            url=d.get("url"),
            captions=_spans(d.get("captions")),
            people=build(Person, d.get("people")),
            organizations=build(Organization, d.get("organizations")),
            places=build(Place, d.get("places")),
            frameworks=build(Framework, d.get("frameworks")),
            events=build(Event, d.get("events")),
            statements=[Statement.from_dict(s) for s in d.get("statements") or []],
            amounts=[Amount.from_dict(a) for a in d.get("amounts") or []],
            topics=list(d.get("topics") or []),
            warnings=list(d.get("warnings") or []),
        )
