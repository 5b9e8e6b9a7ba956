"""Statute passages made by hand for the store-free tests: an article of a law as the searcher returns it."""

from __future__ import annotations

from retrieval.records import Passage


def statute(text: str, article: int, doc_id: str = "pipl", *, part: int = 0, short: str = "PIPL",
            title: str = "个人信息保护法", score: float = 0.0, translation_of: str = "") -> Passage:
    return Passage(chunk_id=f"{doc_id}-{article}-{part}", doc_id=doc_id, text=text, start=0, end=len(text),
                   locator=f"Art. {article}", title=title, source="", kind="statute", authority=1,
                   status="in-force", language="zh", article=article, part=part, short=short, score=score,
                   translation_of=translation_of)
