"""The lists a passage enumerates (（一）…（三）, "1. … 3."): their items' numbers, how many there are, and the words
that introduce them. Read by the count rules (retrieval/enumeration.py) and the composer (a "which article lists…"
ask is answered by an article with a list)."""

from __future__ import annotations

import re

from ingest.numerals import chinese_to_int

_ZH_ITEM = re.compile(r"^[ \t　]*（([一二三四五六七八九十]{1,3})）", re.M)
# items run on in one paragraph ("包括但不限于：（一）篇章生成…；（二）文本转语音…")
_ZH_INLINE_ITEM = re.compile(r"(?:^|[：:；;。])[ \t　]*（([一二三四五六七八九十]{1,3})）", re.M)
_EN_ITEM = re.compile(r"^[ \t]*\(?(\d{1,2})[.)]\s", re.M)


def item_numbers(text: str) -> set[int]:
    """The numbers of the items the text enumerates (（三） -> 3; "3. " at a line's start -> 3)."""
    found = {chinese_to_int(m.group(1)) for m in _ZH_ITEM.finditer(text)}
    if len(found) < 2:
        found = {chinese_to_int(m.group(1)) for m in _ZH_INLINE_ITEM.finditer(text)}
    return found if len(found) >= 2 else {int(m.group(1)) for m in _EN_ITEM.finditer(text)}


def listed_items(text: str) -> int:
    """How many items the text enumerates, counted from the first with none missing: 0 when it lists none."""
    numbers, count = item_numbers(text), 0
    while count + 1 in numbers:
        count += 1
    return count if count >= 2 else 0


def list_lead(text: str) -> str:
    """The words that introduce the text's list: its sentence up to the first item (…，履行下列职责：)."""
    first = min((m.start() for pattern in (_ZH_ITEM, _ZH_INLINE_ITEM, _EN_ITEM) if (m := pattern.search(text))),
                default=len(text))
    sentences = re.split(r"[。.;；]\s*(?=\S)", text[:first].strip())
    # a bare lead ("通知应当包括下列事项：") says what is listed through the sentence before it in its paragraph
    # (发生个人信息泄露的…通知…): both are read when the lead is that short
    last = sentences[-1]
    if len(last) < 16 and len(sentences) > 1 and "\n" not in text[:first].strip().rsplit(last, 1)[0][-2:]:
        return f"{sentences[-2]}。{last}"
    return last
