"""Alembic environment: runs on the connection handed over by elderdesk.store.schema."""

from alembic import context

from elderdesk.store.orm import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
