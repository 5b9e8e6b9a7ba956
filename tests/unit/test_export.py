"""Take it away (app/export.py, app/history.py): the Word memo reopened with python-docx holds the question,
the quote, the English text and the citation with its locator and status; the Markdown memo the same; the
history survives a round trip through its file and can be cleared."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from app.export import Exchange, exchanges, memo_docx, memo_markdown
from app.history import clear_history, history_path, load_history, save_history
from retrieval.records import Answer, Citation, LinkedText, TraceStep

PIPL_66_2 = "有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，没收违法所得，并处五千万元以下或者上一年度营业额百分之五以下罚款。"
EN_66 = ("**Article 66:** Where personal information is handled in violation of this Law… a fine of not more than "
         "1 million Yuan is to be additionally imposed.\n\nWhere the circumstances of the unlawful acts mentioned in "
         "the preceding Paragraph are grave, … impose a fine of not more than 50 million Yuan, or 5% of annual revenue.")


def _answer(**overrides) -> Answer:
    cite = Citation(n=1, doc_id="pipl", source="statutes/zh/pipl.md", title="Personal Information Protection Law "
                    "of the PRC", locator="Art. 66 ¶2", text="第六十六条 …\n\n" + PIPL_66_2, start=0, end=120,
                    kind="statute", authority=1, status="in-force", score=0.9, language="zh", quote=PIPL_66_2,
                    effective="2021-11-01", linked=LinkedText("pipl-en", "PIPL (EN)", "Art. 66", "en", EN_66))
    values = dict(question="And under the PIPL?", text="CNY 50 million or 5% of turnover\n\nUp to [1].",
                  abstained=False, verified=True, citations=[cite], key_figure="CNY 50 million or 5% of turnover",
                  figures=["五千万元"], language="en", read_as="maximum fine under the PIPL",
                  trace=[TraceStep("compose", "picked", "kept")])
    values.update(overrides)
    return Answer(**values)


def _history(answer: Answer) -> list[dict]:
    return [{"role": "user", "content": answer.question}, {"role": "assistant", "content": answer.text,
                                                            "answer": answer},
            {"role": "user", "content": "x" * 3000}, {"role": "assistant", "content": "The question is too long."}]


def test_the_word_memo_holds_question_quote_english_text_citation_and_date():
    data = memo_docx(_history(_answer()), documents=24, when=date(2026, 12, 1))
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "Question: And under the PIPL?" in text and "Read as: maximum fine under the PIPL" in text
    assert PIPL_66_2 in text  # the quote
    assert "Where the circumstances of the unlawful acts mentioned" in text  # the English ¶2, not ¶1
    assert "Article 66:** Where personal information is handled" not in text
    assert "Personal Information Protection Law of the PRC — Art. 66 ¶2" in text  # citation with locator
    assert "Statute · in force since 2021-11-01 · PIPL Art. 66 ¶2" in text  # status
    assert "✓ figures match the cited text" in text and "2026-12-01" in text and "24 documents" in text
    assert "The question is too long." in text


def test_no_check_mark_in_the_memo_for_an_answer_without_a_figure():
    answer = _answer(key_figure="", figures=[], text="Article 4 states the principle.")
    data = memo_docx([Exchange(answer.question, answer)])
    assert "✓" not in "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_a_chinese_memo_is_labelled_in_chinese():
    answer = _answer(language="zh", question="个人信息保护法规定的最高罚款是多少？", read_as="")
    data = memo_docx([Exchange(answer.question, answer)], when=date(2026, 12, 1))
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "问题：" in text or "问题: " in text
    assert "法律 · 自 2021-11-01 起施行 · 个人信息保护法 第66条第2款" in text
    for english in ("Question", "Answer", "Statute", "in force since", "Sources", "Prepared on"):
        assert english not in text, english


def test_the_markdown_memo_carries_the_english_paragraph_and_an_abstentions_nearest_passages():
    text = memo_markdown(_history(_answer()), documents=24)
    assert PIPL_66_2 in text and "Where the circumstances" in text and "## Question: And under the PIPL?" in text
    refused = _answer(abstained=True, verified=False, citations=[], key_figure="", figures=[],
                      text="The corpus does not answer this.", closest=_answer().citations)
    text = memo_markdown([Exchange("What is the GDPR fine?", refused)])
    assert "Closest passages" in text and PIPL_66_2 in text


def test_history_round_trips_through_its_file_and_clears(tmp_path):
    history = _history(_answer())
    save_history(tmp_path, history)
    again = load_history(tmp_path)
    assert again[1]["answer"] == history[1]["answer"] and again[3] == history[3]
    assert exchanges(again)[0].answer.citations[0].linked.text == EN_66
    clear_history(tmp_path)
    assert not history_path(tmp_path).exists() and load_history(tmp_path) == []


def test_an_unreadable_history_file_is_set_aside(tmp_path):
    history_path(tmp_path).write_text("{not json", encoding="utf-8")
    assert load_history(tmp_path) == []
    assert (tmp_path / "chat-history.unreadable.json").exists()
