"""Initial schema: articles, people, organizations, events, statements, search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 07:47:47.513822
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table and the full-text index."""
    op.create_table('articles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('date_sort', sa.String(length=10), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('n_people', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_statements', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('duplicate_of', sa.String(length=64), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_date_sort'), ['date_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_duplicate_of'), ['duplicate_of'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('family', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=16), nullable=True),
    sa.Column('date_sort', sa.String(length=10), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('participants', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date_sort'), ['date_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_family'), ['family'], unique=False)

    op.create_table('organizations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('side', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name_key')
    )
    op.create_table('people',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=True),
    sa.Column('office', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_name_key'), ['name_key'], unique=False)

    op.create_table('article_bands',
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('band', 'key', 'article_id')
    )
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_bands_article_id'), ['article_id'], unique=False)

    op.create_table('article_sources',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('article_id', 'source')
    )
    op.create_table('article_topics',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('article_id', 'topic')
    )
    with op.batch_alter_table('article_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_topics_topic'), ['topic'], unique=False)

    op.create_table('event_participants',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('event_id', 'key')
    )
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participants_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participants_person_id'), ['person_id'], unique=False)

    op.create_table('event_sources',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=16), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('event_id', 'article_id', 'idx')
    )
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_sources_article_id'), ['article_id'], unique=False)

    op.create_table('org_mentions',
    sa.Column('org_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['org_id'], ['organizations.id'], ),
    sa.PrimaryKeyConstraint('org_id', 'article_id')
    )
    with op.batch_alter_table('org_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_mentions_article_id'), ['article_id'], unique=False)

    op.create_table('person_aliases',
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('last_token', sa.String(length=64), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('person_id', 'key')
    )
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_aliases_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_aliases_last_token'), ['last_token'], unique=False)

    op.create_table('person_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('organization', sa.Text(), nullable=True),
    sa.Column('side', sa.String(length=8), nullable=True),
    sa.Column('date_sort', sa.String(length=10), nullable=True),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_mentions_person_id'), ['person_id'], unique=False)

    op.create_table('search_docs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lowered', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('search_docs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_docs_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_docs_ref_id'), ['ref_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('person_id', sa.String(length=64), nullable=True),
    sa.Column('side', sa.String(length=8), nullable=True),
    sa.Column('act', sa.String(length=16), nullable=False),
    sa.Column('addressee_side', sa.String(length=8), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('date_sort', sa.String(length=10), nullable=True),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('threads', sa.JSON(), nullable=False),
    sa.Column('amounts', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_act'), ['act'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_date_sort'), ['date_sort'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_side'), ['side'], unique=False)

    op.create_table('statement_threads',
    sa.Column('statement_id', sa.String(length=64), nullable=False),
    sa.Column('thread', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], ),
    sa.PrimaryKeyConstraint('statement_id', 'thread')
    )
    with op.batch_alter_table('statement_threads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_threads_thread'), ['thread'], unique=False)

    op.create_table('statement_topics',
    sa.Column('statement_id', sa.String(length=64), nullable=False),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], ),
    sa.PrimaryKeyConstraint('statement_id', 'topic')
    )
    with op.batch_alter_table('statement_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_topics_topic'), ['topic'], unique=False)
    _create_search()


def _create_search() -> None:
    """The full-text index: FTS5 on SQLite, generated tsvector columns on PostgreSQL."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(lowered, folded, content='search_docs', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
    elif dialect == "postgresql":
        for col in ("lowered", "folded"):
            op.execute(f"ALTER TABLE search_docs ADD COLUMN tsv_{col} tsvector "
                       f"GENERATED ALWAYS AS (to_tsvector('simple', {col})) STORED")
            op.execute(f"CREATE INDEX ix_search_docs_tsv_{col} ON search_docs USING gin (tsv_{col})")


def downgrade() -> None:
    """Drop everything 0001 created."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('statement_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_topics_topic'))

    op.drop_table('statement_topics')
    with op.batch_alter_table('statement_threads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statement_threads_thread'))

    op.drop_table('statement_threads')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_side'))
        batch_op.drop_index(batch_op.f('ix_statements_person_id'))
        batch_op.drop_index(batch_op.f('ix_statements_date_sort'))
        batch_op.drop_index(batch_op.f('ix_statements_article_id'))
        batch_op.drop_index(batch_op.f('ix_statements_act'))

    op.drop_table('statements')
    with op.batch_alter_table('search_docs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_docs_ref_id'))
        batch_op.drop_index(batch_op.f('ix_search_docs_article_id'))

    op.drop_table('search_docs')
    with op.batch_alter_table('person_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_mentions_article_id'))

    op.drop_table('person_mentions')
    with op.batch_alter_table('person_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_aliases_last_token'))
        batch_op.drop_index(batch_op.f('ix_person_aliases_key'))

    op.drop_table('person_aliases')
    with op.batch_alter_table('org_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_mentions_article_id'))

    op.drop_table('org_mentions')
    with op.batch_alter_table('event_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_sources_article_id'))

    op.drop_table('event_sources')
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participants_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_participants_key'))

    op.drop_table('event_participants')
    with op.batch_alter_table('article_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_topics_topic'))

    op.drop_table('article_topics')
    op.drop_table('article_sources')
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_bands_article_id'))

    op.drop_table('article_bands')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_name_key'))

    op.drop_table('people')
    op.drop_table('organizations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_family'))
        batch_op.drop_index(batch_op.f('ix_events_date_sort'))

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_duplicate_of'))
        batch_op.drop_index(batch_op.f('ix_articles_date_sort'))

    op.drop_table('articles')
