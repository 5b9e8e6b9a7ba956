"""The one Settings object of a command, from its arguments: the pieces every `lexcite` subcommand shares."""

from __future__ import annotations

import argparse
from pathlib import Path


def settings_from_args(args: argparse.Namespace):
    from ingest.settings import Settings

    overrides = {}
    if getattr(args, "store", None):
        overrides["store"] = Path(args.store)
    if getattr(args, "embedder", None):
        overrides["embedder"] = args.embedder
    if getattr(args, "ocr", False):
        overrides["ocr"] = True
    return Settings(**overrides)


