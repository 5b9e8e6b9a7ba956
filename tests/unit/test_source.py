"""The source at hand (retrieval/source.py and its rendering): a unit's passages joined without repeating their
overlap, the translation's paragraph that matches the quoted one, texts clipped only between words."""

from __future__ import annotations

from app.render import source_parts
from retrieval.records import Citation, LinkedText, Passage
from retrieval.source import SourceView, clip, joined, linked_paragraph, paragraphs, quoted_paragraph

EN_66 = "**Article 66:** Where personal information is handled…\n\nWhere the circumstances … are grave, … 50 million Yuan."


def _passage(start: int, text: str) -> Passage:
    return Passage(chunk_id=str(start), doc_id="pipl", text=text, start=start, end=start + len(text), locator="",
                   title="PIPL", source="", kind="statute", authority=1, status="in-force", language="zh")


def _citation(locator: str = "Art. 66 ¶2", quote: str = "情节严重的") -> Citation:
    return Citation(n=1, doc_id="pipl", source="", title="Personal Information Protection Law of the PRC",
                    locator=locator, text="第六十六条 违反本法规定…\n有前款规定的违法行为，情节严重的，…", start=0, end=40,
                    kind="statute", authority=1, status="in-force", score=1.0, quote=quote,
                    linked=LinkedText("pipl-en", "PIPL (EN)", "Art. 66", "en", EN_66))


def test_overlapping_passages_are_joined_once_in_document_order():
    document = "第六十六条 违反本法规定处理个人信息的，责令改正。\n有前款规定的违法行为，情节严重的，处五千万元以下罚款。"
    first, second = _passage(0, document[:30]), _passage(20, document[20:])
    assert joined([second, first]) == document
    assert joined([_passage(0, "甲"), _passage(10, "乙")]) == "甲\n\n乙"


def test_the_translation_paragraph_follows_the_quoted_paragraph_not_the_first():
    assert linked_paragraph(_citation()).startswith("Where the circumstances")
    # no ¶ in the locator: the quote's own place in the passage tells the paragraph
    assert quoted_paragraph(_citation("Art. 66"), "甲\n乙情节严重的", (2, 7)) == 2
    assert quoted_paragraph(_citation("第六十六条第二款"), "", None) == 2
    assert [EN_66[a:b][:4] for a, b in paragraphs(EN_66)] == ["**Ar", "Wher"]


def test_a_numbered_list_belongs_to_the_paragraph_that_leads_it():
    en_56 = ("**Article 56:** The content of the assessment shall include:\n\n1.  Whether the purpose is lawful;\n"
             "2.  The influence on individuals' rights;\n\nAssessment reports shall be preserved for at least three years.")
    cited = _citation("Art. 56 ¶2", "至少保存三年")
    cited.linked = LinkedText("pipl-en", "PIPL (EN)", "Art. 56", "en", en_56)
    assert linked_paragraph(cited).startswith("Assessment reports shall be preserved")


def test_clipping_never_cuts_a_word():
    text = "order the provisional suspension or termination of service provision"
    clipped = clip(text, 45)
    assert clipped.endswith("…") and text.startswith(clipped[:-1]) and clipped[:-1].split()[-1] in text.split()
    assert clip("short", 45) == "short"


def test_the_source_view_marks_the_quote_and_the_english_paragraph_and_names_the_official_address():
    citation = _citation()
    text = "第六十六条 违反本法规定…\n有前款规定的违法行为，情节严重的，…"
    start = text.index("情节严重的")
    spans = paragraphs(EN_66)
    view = SourceView("PIPL", "Art. 66", text, (start, start + 5), 2, citation.linked, spans[1],
                      url="https://www.npc.gov.cn/pipl")
    shown = source_parts(view, citation, "en")
    assert "<mark>情节严重的</mark>" in shown.html
    assert "<mark>Where the circumstances" in shown.translation_html and "<mark>**Article" not in shown.translation_html
    assert shown.url == "https://www.npc.gov.cn/pipl" and shown.url_label == "Official source"
    assert shown.label == "Personal Information Protection Law of the PRC — Art. 66, whole text"
    assert source_parts(view, citation, "zh").label == "个人信息保护法 — 第66条（全文）"
