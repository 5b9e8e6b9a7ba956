"""The reference corpus manifest (manifest.toml beside this file)."""

from pathlib import Path

MANIFEST_PATH = Path(__file__).with_name("manifest.toml")
