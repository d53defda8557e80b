"""The store's tables (SQLAlchemy Core). Alembic migrations under ``migrations/`` create them.

Ids are stable strings: ``a_<hash>`` articles (from the content hash), ``p_<hash>`` people,
``o_<hash>`` organizations, ``e_<hash>`` events, ``<article id>.s<n>`` statements.
Full-text indexes are backend-specific and live only in the migrations: an FTS5 table
``search_fts`` on SQLite, ``tsvector`` columns on ``search_docs`` on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
ID = sa.String(64)
ORDER_KEY = sa.String(128).with_variant(sa.String(128, collation="C"), "postgresql")  # compared byte by byte


def _fk(target: str, **kw: object) -> sa.ForeignKey:
    return sa.ForeignKey(target, **kw)  # type: ignore[arg-type]


articles = sa.Table(
    "articles", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("raw_hash", sa.String(64), index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("published_provenance", sa.String(16)),  # metadata, stated, inferred (0011)
    sa.Column("date_sort", sa.String(10), index=True),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("topics", sa.JSON, nullable=False),
    sa.Column("n_people", sa.Integer, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("n_statements", sa.Integer, nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("duplicate_of", ID, _fk("articles.id"), index=True),
    sa.Column("similarity", sa.Float),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_articles_listing", "duplicate_of", "date_sort", "id"),  # listing pages read the index (0018)
    sa.Index("ix_articles_outlet", "outlet"),  # the outlets a filter offers, without reading the articles (0020)
    sa.Index("ix_articles_id_date", "id", "date_sort"),  # topics per month join this index, not the rows (0021)
)

article_sources = sa.Table(
    "article_sources", metadata,
    sa.Column("article_id", ID, _fk("articles.id"), primary_key=True),
    sa.Column("source", sa.Text, primary_key=True),
)

article_topics = sa.Table(
    "article_topics", metadata,
    sa.Column("article_id", ID, _fk("articles.id"), primary_key=True),
    sa.Column("topic", sa.String(64), primary_key=True, index=True),
)

article_bands = sa.Table(
    "article_bands", metadata,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("article_id", ID, _fk("articles.id"), primary_key=True, index=True),
)

people = sa.Table(
    "people", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, index=True),
    sa.Column("side", sa.String(8)),
    sa.Column("office", sa.String(16)),
)

person_aliases = sa.Table(
    "person_aliases", metadata,
    sa.Column("person_id", ID, _fk("people.id"), primary_key=True),
    sa.Column("key", sa.String(255), primary_key=True, index=True),
    sa.Column("last_token", sa.String(64), nullable=False, index=True),
    sa.Column("alias", sa.Text, nullable=False),
)

person_mentions = sa.Table(
    "person_mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person_id", ID, _fk("people.id"), nullable=False),
    sa.Column("article_id", ID, _fk("articles.id"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("organization", sa.Text),
    sa.Column("side", sa.String(8)),
    sa.Column("date_sort", sa.String(10)),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    # a person's page and titles read this index alone (migration 0006)
    sa.Index("ix_person_mentions_person_order", "person_id", "date_sort", "article_id", "id", "title",
             "organization"),
    # an organization's people: the mentions giving one of its names (migration 0020)
    sa.Index("ix_person_mentions_org", "organization", "side", "person_id", "article_id", "date_sort", "title"),
    # a person's titles over time, grouped by writing, and each title's articles (migration 0022)
    sa.Index("ix_person_mentions_titles", "person_id", "title", "organization", "date_sort", "article_id"),
)

organizations = sa.Table(
    "organizations", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.String(255), nullable=False, unique=True),
    sa.Column("kind", sa.String(16)),
    sa.Column("side", sa.String(8)),
)

org_aliases = sa.Table(  # the keys an organization is found under (store/org_link.py; migration 0016)
    "org_aliases", metadata,
    sa.Column("org_id", ID, _fk("organizations.id"), primary_key=True),
    sa.Column("key", sa.String(255), primary_key=True, index=True),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("weak", sa.Boolean, nullable=False, server_default=sa.false()),
)

org_name_keys = sa.Table(  # each organization name mentions give, under its lookup keys (store/org_names.py; 0020)
    "org_name_keys", metadata,
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("name_hash", sa.String(40), primary_key=True, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("side", sa.String(8)),
)

org_mentions = sa.Table(
    "org_mentions", metadata,
    sa.Column("org_id", ID, _fk("organizations.id"), primary_key=True),
    sa.Column("article_id", ID, _fk("articles.id"), primary_key=True, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("names", sa.JSON),  # spelling -> mentions in the article (migration 0019; None: all under name)
    sa.Index("ix_org_mentions_org_name", "org_id", "name"),  # its spellings, by a skip scan (migration 0023)
)

event_redirects = sa.Table(  # an event id that went -> one of its reports (store/event_ids.py; migration 0019)
    "event_redirects", metadata,
    sa.Column("old_id", ID, primary_key=True),
    sa.Column("article_id", ID, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("family", sa.String(16), nullable=False, index=True),
    sa.Column("date", sa.String(16), index=True),
    sa.Column("date_sort", sa.String(10), index=True),
    sa.Column("place", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("participants", sa.JSON, nullable=False),
    sa.Column("parent_id", ID, index=True),  # the visit (occasion) this event is part of (migration 0013)
)

event_participants = sa.Table(
    "event_participants", metadata,
    sa.Column("event_id", ID, _fk("events.id"), primary_key=True),
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("person_id", ID, _fk("people.id")),
    sa.Column("name", sa.Text, nullable=False),
    # the event's date, kept equal to it by the writer: linking looks up a participant's events
    # near a date in these indexes (migration 0008)
    sa.Column("date", sa.String(16)),
    sa.Column("date_sort", sa.String(10)),
    sa.Index("ix_event_participants_person_date", "person_id", "date_sort", "event_id"),  # a person's events page
    sa.Index("ix_event_participants_key_date_sort", "key", "date_sort"),
    sa.Index("ix_event_participants_key_date", "key", "date"),
)

event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", ID, _fk("events.id"), primary_key=True),
    sa.Column("article_id", ID, _fk("articles.id"), primary_key=True, index=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("date", sa.String(16)),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("date_provenance", sa.String(16)),  # stated, relative, inferred, partial (0011)
    sa.Column("background", sa.Boolean),  # the article mentions it in passing (0011)
    sa.Column("part_keys", sa.JSON),  # this report's participant keys: who a visit's visitor is (migration 0013)
)

statements = sa.Table(
    "statements", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("article_id", ID, _fk("articles.id"), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("actor", sa.Text, nullable=False, index=True),  # an organization's own statements (0020)
    sa.Column("person_id", ID, _fk("people.id")),
    sa.Column("side", sa.String(8), index=True),
    sa.Column("act", sa.String(16), nullable=False, index=True),
    sa.Column("addressee_side", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("date_sort", sa.String(10), index=True),
    sa.Column("date_provenance", sa.String(16)),  # the event's, else the article's (0011)
    sa.Column("topics", sa.JSON, nullable=False),
    sa.Column("threads", sa.JSON, nullable=False),
    sa.Column("amounts", sa.JSON, nullable=False),
    sa.Column("claim_key", sa.String(40), index=True),  # its claim: the id of the claim's first statement (store/claims.py)
    sa.Index("ix_statements_person_order", "person_id", "date_sort", "article_id", "idx", "id"),
    sa.Index("ix_statements_order", "date_sort", "article_id", "idx"),  # listing pages in date order (0020)
    # the stats' claims (overall, per month, per act) read this index, not the statements' rows (0021)
    sa.Index("ix_statements_claims", "act", "date_sort", "claim_key", "id"),
)

statement_threads = sa.Table(
    "statement_threads", metadata,
    sa.Column("statement_id", ID, _fk("statements.id"), primary_key=True),
    sa.Column("thread", sa.String(64), primary_key=True, index=True),
    sa.Column("signal", sa.String(16)),  # hoptac.link.threads.signal of the statement
    sa.Column("entry_order", ORDER_KEY),  # hoptac.link.threads.order_key: the lifecycle order
    sa.Column("side", sa.String(8)),  # the statement's side, act and whether it names money: the summary's
    sa.Column("act", sa.String(16)),  # fold reads them here, in the index, not from the statements
    sa.Column("has_money", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("copy_of", ID),  # the entry kept for the claim this one copies (store/claims.py), else NULL
    sa.Index("ix_statement_threads_fold2", "thread", "entry_order", "signal", "side", "act", "has_money",
             "copy_of", "statement_id"),
    sa.Index("ix_statement_threads_copies", "thread", "copy_of"),
)

claim_keys = sa.Table(  # LSH band keys of a statement's text: its copies share one (store/claims.py)
    "claim_keys", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("statement_id", ID, _fk("statements.id"), primary_key=True),
)

thread_states = sa.Table(  # a thread's summary, recomputed when a write has bumped its version
    "thread_states", metadata,
    sa.Column("thread", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("computed", sa.Integer),
    sa.Column("summary", sa.JSON),
    sa.Column("dirty_from", ORDER_KEY),  # the lowest entry_order written since the summary
)

thread_checkpoints = sa.Table(  # a thread's summary state part-way through its dated entries (store/threads.py)
    "thread_checkpoints", metadata,
    sa.Column("thread", sa.String(64), primary_key=True),
    sa.Column("entry_order", ORDER_KEY, primary_key=True),  # the last entry the state covers
    sa.Column("state", sa.JSON, nullable=False),
)

statement_topics = sa.Table(
    "statement_topics", metadata,
    sa.Column("statement_id", ID, _fk("statements.id"), primary_key=True),
    sa.Column("topic", sa.String(64), primary_key=True, index=True),
)

search_docs = sa.Table(
    "search_docs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("ref_id", ID, nullable=False, index=True),
    sa.Column("article_id", ID, _fk("articles.id"), nullable=False, index=True),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("lowered", sa.Text, nullable=False),
    sa.Column("folded", sa.Text, nullable=False),
)

store_meta = sa.Table(  # one row per store-wide value; ``generation`` counts write transactions (store/summary.py)
    "store_meta", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

corrections = sa.Table(  # an editor's correction of the derived record, re-applied after every write (curation.py)
    "corrections", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("target", sa.JSON, nullable=False),  # stable keys: content hash + evidence span, name keys
    sa.Column("before", sa.JSON),
    sa.Column("after", sa.JSON),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),  # ISO time, UTC
    sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("undoes", sa.String(40)),  # an undo row: the correction it undoes
    sa.Column("status", sa.String(16)),  # applied, orphaned (its target is gone), undone, undo
    sa.Column("note", sa.Text),
    sa.Index("ix_corrections_at", "at", "id"),
)

correction_refs = sa.Table(  # the current ids an applied correction touches: a page's corrections
    "correction_refs", metadata,
    sa.Column("correction_id", sa.String(40), primary_key=True),
    sa.Column("ref_id", ID, primary_key=True),
    sa.Index("ix_correction_refs_ref", "ref_id"),
)

# counts the writers keep up to date (store/tallies.py; migration 0021) ---------------------------

tally_dirty = sa.Table(  # what changed in this write transaction (filled by triggers, emptied by tallies.flush)
    "tally_dirty", metadata,
    sa.Column("kind", sa.String(8), primary_key=True),
    sa.Column("ref", ID, primary_key=True),
)

meeting_pairs = sa.Table(  # one row per meeting that happened and pair of its linked participants
    "meeting_pairs", metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("p1", ID, primary_key=True),
    sa.Column("p2", ID, primary_key=True),
    sa.Column("occ", ID, nullable=False),  # the occasion: the event's visit, else the event
    sa.Column("date_sort", sa.String(10)),
    sa.Index("ix_meeting_pairs_pair", "p1", "p2", "occ", "date_sort"),
    sa.Index("ix_meeting_pairs_date", "date_sort", "p1", "p2", "occ"),
)

pair_tallies = sa.Table(  # per pair of people: what the network and the meetings rank by
    "pair_tallies", metadata,
    sa.Column("p1", ID, primary_key=True),
    sa.Column("p2", ID, primary_key=True),
    sa.Column("occasions", sa.Integer, nullable=False),
    sa.Column("dated_occasions", sa.Integer, nullable=False),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("first", sa.String(10)),
    sa.Column("last", sa.String(10)),
    sa.Column("last_occasion", sa.String(10)),  # the latest of its occasions' first dates
)
sa.Index("ix_pair_tallies_occasions", pair_tallies.c.occasions.desc(), pair_tallies.c.p1, pair_tallies.c.p2)
sa.Index("ix_pair_tallies_dated", pair_tallies.c.dated_occasions.desc(), pair_tallies.c.p1, pair_tallies.c.p2)

person_tallies = sa.Table(  # per person: the articles naming them, their statements
    "person_tallies", metadata,
    sa.Column("person_id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("side", sa.String(8)),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("statements", sa.Integer, nullable=False),
    sa.Column("title", sa.Text),  # the latest title (store/people.py: latest_title)
)
sa.Index("ix_person_tallies_rank", person_tallies.c.articles.desc(), person_tallies.c.name)
sa.Index("ix_person_tallies_side_rank", person_tallies.c.side, person_tallies.c.articles.desc(), person_tallies.c.name)

person_titles = sa.Table(  # per person and writing of a title and organization: what the titles over time group
    "person_titles", metadata,
    sa.Column("person_id", ID, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("organization", sa.Text),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("dated", sa.Integer, nullable=False),  # of them, mentions with a date
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10)),
    sa.Index("ix_person_titles_person", "person_id"),
)

org_tallies = sa.Table(  # per organization: the articles naming it
    "org_tallies", metadata,
    sa.Column("org_id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("side", sa.String(8)),
    sa.Column("articles", sa.Integer, nullable=False),
)
sa.Index("ix_org_tallies_rank", org_tallies.c.articles.desc(), org_tallies.c.name)
sa.Index("ix_org_tallies_side_rank", org_tallies.c.side, org_tallies.c.articles.desc(), org_tallies.c.name)

# the stats' figures kept by triggers (store/stat_counts.py; migration 0022) ---------------------

stat_counts = sa.Table(  # one running count per figure: a total, a month, a month and topic, an act
    "stat_counts", metadata,
    sa.Column("name", sa.String(24), primary_key=True),
    sa.Column("k1", sa.String(64), primary_key=True),
    sa.Column("k2", sa.String(64), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)

claim_parts = sa.Table(  # per claim, its statements in each counted part (the claim, a month, an act)
    "claim_parts", metadata,
    sa.Column("claim", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(24), primary_key=True),
    sa.Column("k1", sa.String(64), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)
