"""Response models of the JSON API, for its OpenAPI schema (documentation: the routes return the
store's dicts; each model names the fields clients rely on, more may come)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    """A record whose listed fields are always there; other fields may be added."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status, a stable code and a readable message."""

    status: int = Field(examples=[404])
    code: str = Field(examples=["not_found"], description="bad_request, unauthorized, not_found, unprocessable…")
    message: str = Field(examples=["no person 'Nguyen Van X'"])


class Error(BaseModel):
    """Every error answer of ``/api``: ``{"error": {"status", "code", "message"}}``."""

    error: ErrorDetail


class Page(Open, Generic[T]):
    """The page a listing is: its items, how many there are in all, and where the page starts."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @classmethod
    def model_parametrized_name(cls, params: tuple[type[Any], ...]) -> str:
        """``ArticleRowPage`` (a name OpenAPI accepts, not ``Page[ArticleRow]``); ``RecordPage`` for dicts."""
        item = params[0]
        return f"{item.__name__ if isinstance(item, type) and issubclass(item, BaseModel) else 'Record'}Page"


class ArticleRow(Open):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str
    topics: list[str] = []


class Article(Open):
    id: str
    title: str | None = None
    text: str
    people: list[dict[str, Any]] = []
    organizations: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    sources: list[str] = []


class PersonRow(Open):
    id: str
    name: str
    side: str | None = None
    title: str | None = None
    articles: int
    statements: int


class Person(Open):
    id: str
    name: str
    aliases: list[str]
    side: str | None = None
    titles: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    events: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    totals: dict[str, int]
    totals_capped: list[str] = Field(default_factory=list, description=(
        "The totals counted no further than 10,000: for these the figure is a lower bound (\"at least\")."))


class OrganizationRow(Open):
    id: str
    name: str
    kind: str | None = None
    side: str | None = None
    articles: int


class Statement(Open):
    id: str
    article_id: str
    article_title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    actor: str
    person_id: str | None = None
    side: str | None = None
    act: str
    text: str
    evidence: list[int]
    topics: list[str]
    threads: list[str]
    citation: str = Field(description="Outlet, title, date, URL and the quote, on one line")


class StatementList(Page[Statement]):
    view: dict[str, str] = Field(description="The filters of this view, as query parameters")


class Organization(Open):
    id: str
    name: str
    aliases: list[str]
    kind: str | None = None
    side: str | None = None
    articles: int
    people: list[dict[str, Any]]
    events: list[dict[str, Any]]
    statements: list[Statement]
    totals: dict[str, int]
    totals_capped: list[str] = Field(default_factory=list, description=(
        "The totals counted no further than 10,000: for these the figure is a lower bound (\"at least\")."))


class Event(Open):
    id: str
    type: str
    date: str | None = None
    place: str | None = None
    status: str
    participants: list[dict[str, Any]]
    sources: list[dict[str, Any]]


class ThreadRow(Open):
    id: str
    label_vi: str | None = None
    label_en: str | None = None
    status: str | None = None
    entries: int


class ThreadList(Open):
    items: list[ThreadRow]
    total: int


class Thread(Open):
    id: str
    status: str | None = None
    status_history: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    entries_total: int


class SearchResults(Page[dict[str, Any]]):
    query: str


class Node(Open):
    id: str
    name: str | None = None
    side: str | None = None
    occasions: int


class Edge(Open):
    source: str
    target: str
    occasions: int
    first: str | None = None
    last: str | None = None
    ids: list[str] = Field(description="The first 20 occasion ids (in id order); `occasions` counts them all")


class Network(Open):
    by: str
    nodes: list[Node]
    edges: list[Edge]
    total_edges: int


class BriefLine(Open):
    n: int
    date: str | None = None
    text: str
    quote: str
    citation: str
    link: str


class Brief(Open):
    kind: str
    title: str
    summary: list[str]
    lines: list[BriefLine]


class Health(Open):
    status: str
    articles: int
    process: int = Field(description="the id of the server process that answered")


class Stats(Open):
    counts: dict[str, int]


ArticleList = Page[ArticleRow]
PersonList = Page[PersonRow]
OrganizationList = Page[OrganizationRow]
EventList = Page[Event]
MeetingList = Page[dict[str, Any]]
Timeline = Page[dict[str, Any]]

#: path -> the model of its 200 answer
RESPONSES: dict[str, type[BaseModel]] = {
    "/api/articles": ArticleList, "/api/articles/{article_id}": Article, "/api/people": PersonList,
    "/api/people/{person}": Person, "/api/organizations": OrganizationList,
    "/api/organizations/{organization}": Organization, "/api/events": EventList, "/api/events/{event_id}": Event,
    "/api/meetings": MeetingList, "/api/timeline": Timeline, "/api/statements": StatementList,
    "/api/statements/{statement_id}": Statement, "/api/threads": ThreadList, "/api/threads/{thread_id}": Thread,
    "/api/search": SearchResults, "/api/stats": Stats, "/api/health": Health, "/api/network": Network,
    "/api/briefs/{kind}": Brief,
}
