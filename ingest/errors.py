"""Errors the ingest side raises, in a module of their own so every loader can raise them."""

from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be ingested; str() is the reason."""
