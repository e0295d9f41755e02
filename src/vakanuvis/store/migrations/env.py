"""Alembic environment: migrations run on the connection that `vakanuvis.store` hands over."""

from alembic import context
from sqlalchemy import create_engine

from vakanuvis.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    # Only when alembic is run by hand (e.g. `alembic revision --autogenerate`).
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///vakanuvis.db")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
