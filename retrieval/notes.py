"""Notes that keep an answer honest about what it was drawn from, added when the service finishes an answer:

- a kind filter that leaves out statutes and regulations is named as the reason none is cited, instead of
  the corpus being said to be silent;
- a copy of a law that is not the manifest's text (a user's document claiming to be that law) and states a
  different figure in the same article is named and cited beside the official text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.manifest import Manifest
from retrieval.figures import extract_figures, figures_match
from retrieval.laws import article_refs
from retrieval.records import Answer, Citation

# the kinds of binding text (authority up to compose.STATUTE_AUTHORITY)
PRIMARY_KINDS = frozenset({"statute", "regulation", "judicial-interpretation", "departmental-rule"})
ARTICLE_MARK = re.compile(r"第[零〇一二三四五六七八九十百千0-9]+条|Article \d+")
# retrieval.internal.secondary_note's notes: for a guide, the user's own document, a document the user added
SECONDARY_ONLY = re.compile(r"(?:Only a secondary source \(guide or article\) states this;|(?P<cited>\[\d+\]) is "
                            r"(?P<whose>your own document|a document you added), not the law:) no statute or regulation "
                            r"passage in the corpus was found to say it\.")


def filter_note(answer: Answer, kinds: tuple[str, ...]) -> None:
    """When the kind filter excludes every binding text, say so rather than 'none was found'."""
    if not kinds or PRIMARY_KINDS & set(kinds):
        return
    allowed = ", ".join(kinds)
    note = (f"Statutes and regulations were excluded by your filter (kinds: {allowed}); this answer comes only "
            "from the texts the filter allows.")
    # the secondary-source note stays true under the filter: it gains the reason no statute is cited

    def secondary(m: re.Match[str]) -> str:
        cited = f"{m.group('cited')}, {m.group('whose')}," if m.group("cited") else "a secondary source (guide or article),"
        return f"{note} What it cites is {cited} not the law itself."

    answer.warnings = [SECONDARY_ONLY.sub(secondary, w) if SECONDARY_ONLY.fullmatch(w) else w for w in answer.warnings]
    found = SECONDARY_ONLY.search(answer.text) is not None
    answer.text = SECONDARY_ONLY.sub(secondary, answer.text)
    if not found and not any(w.startswith(note) for w in answer.warnings):
        answer.warnings.append(note)


def disagreeing_copies(answer: Answer, table, manifest: Manifest) -> list[int]:
    """Rows of chunks from documents outside the manifest that claim (by their title) to be the law of the
    first citation, hold the same article, and state a figure the official article does not."""
    if answer.abstained or not answer.citations:
        return []
    first = answer.citations[0]
    if manifest.by_id(first.doc_id) is None:
        return []
    rows = [r for r in table.rows_of_doc.get(first.doc_id, []) if table.index.metadatas[r].get("start") == first.start]
    article = int(table.index.metadatas[rows[0]].get("article", -1)) if rows else -1
    if article < 0:
        return []
    official_rows = table.by_article.get((first.doc_id, article), [])
    official = " ".join(table.index.texts[r] for r in official_rows)
    official_figures = extract_figures(official)
    marker = ARTICLE_MARK.match(official.lstrip())
    # only documents outside the manifest whose title names the cited law can be such copies: their rows alone
    # are read, not the whole store
    claimants = [doc_id for doc_id in table.copies_claiming(first.doc_id, manifest) if doc_id != first.doc_id]
    found = []
    for row in (r for doc_id in claimants for r in table.rows_of_doc[doc_id]):
        meta, text = table.index.metadatas[row], table.index.texts[row]
        if not (int(meta.get("article", -1)) == article or (marker and marker.group(0) in text)):
            continue
        figures = extract_figures(text)
        if any(not any(figures_match(f, g) and f.bound == g.bound for g in official_figures) for f in figures):
            found.append(row)
    return found


def note_disagreement(answer: Answer, copies: list[Citation]) -> None:
    """Cite each disagreeing copy after the official text and say that the two disagree."""
    if not copies:
        return
    first = answer.citations[0]
    for copy in copies:
        n = len(answer.citations) + 1
        answer.citations.append(replace(copy, n=n))
        figures = ", ".join(dict.fromkeys(f.text for f in extract_figures(copy.text)))
        note = (f"Sources disagree: [{n}] {copy.title} ({copy.source}), a copy that is not the official text, "
                f"states {figures} where the official text [{first.n}] ({first.locator}) does not; the answer "
                "follows the official text.")
        answer.warnings.append(note)
        answer.text = f"{answer.text}\n\n{note}"


def guess_note(answer: Answer, guesses: list[str]) -> None:
    """When the question names an article as its own guess (rule premise_article), say whether the article the
    answer cites is that one: a lawyer checking a cite wants the mistake named, not only the right number."""
    if answer.abstained or not guesses or not answer.citations:
        return
    cited = answer.citations[0].article
    guessed = [refs[0].article if (refs := article_refs(guess)) else None for guess in guesses]
    if cited is None or None in guessed:
        return
    shown, right = "、".join(guesses), cited in guessed
    if re.search(r"[\u4e00-\u9fff]", shown):  # asked in Chinese: told in Chinese
        answer.warnings.append(f"问题所说的{shown}正是所引的条文[1]。" if right else
                               f"问题所说的{shown}不是规定这一点的条文：[1]是第{cited}条。")
    else:
        answer.warnings.append(f"The article the question names, {shown}, is the one cited [1]." if right else
                               f"The article the question names, {shown}, is not the one that says this: "
                               f"[1] is Art. {cited}.")
