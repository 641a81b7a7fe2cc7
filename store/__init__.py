"""Persistence for Poortpost: SQLAlchemy 2.0 models, sessions and Alembic migrations."""
