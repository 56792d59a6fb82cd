"""Alembic environment of the central database: migrations run on the connection the
server hands over at start."""

from __future__ import annotations

from alembic import context

from caseworker.central.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
