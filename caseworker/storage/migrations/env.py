"""Alembic environment: migrations run on the connection the program hands over."""

from __future__ import annotations

from alembic import context

from caseworker.storage.schema import Base
from caseworker.storage.search_index import not_in_metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_name=not_in_metadata,  # the FTS5 name index is declared as DDL, not metadata
)
with context.begin_transaction():
    context.run_migrations()
