"""The reference corpus: its manifest (manifest.toml) and the texts that ship with LexCite.

The Chinese statutes, regulations, rules and judicial interpretations are outside copyright (Copyright Law of
the PRC, Art. 5) and ship as package data under ``statutes/zh/``, byte-identical to the manifest's sha256
(provenance in ``SOURCES.md``). Guides and English translations are pulled from a mirror into the corpus root.
"""

from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent
MANIFEST_PATH = CORPUS_DIR / "manifest.toml"
