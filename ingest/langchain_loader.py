"""LexCite's loaders as a LangChain document loader: any file `lexcite ingest` reads (.pdf, .docx, .txt, .md,
.html; scans with ocr=True) as one LangChain Document per section, with its locator and page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from langchain_core.document_loaders import BaseLoader
from langchain_core.documents import Document

from ingest.loaders import load_file
from ingest.structure import find_structure


class LexCiteLoader(BaseLoader):
    def __init__(self, path: str | Path, max_file_mb: float = 50.0, ocr: bool = False) -> None:
        self.path = Path(path)
        self.max_bytes = int(max_file_mb * 1e6)
        self.ocr = ocr

    def lazy_load(self) -> Iterator[Document]:
        loaded = load_file(self.path, self.max_bytes, ocr=self.ocr)
        structure = find_structure(loaded.text, loaded.pages, loaded.headings, numbered=True)
        for section in structure.sections:
            text = loaded.text[section.start:section.end]
            if text.strip():
                yield Document(page_content=text, metadata={
                    "source": str(self.path), "title": loaded.first_heading, "locator": section.locator,
                    "page": section.page, "start": section.start, "end": section.end})
