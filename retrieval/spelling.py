"""Rule spelling: a misspelt common English word ("vaild", "thresold", "penality") is read as the word meant, so
the readings keyed on words (a validity asked, a threshold asked) see it. A word is taken as misspelt only when
English at large hardly uses it (wordfreq's Zipf frequency under `most_typo`), no stored passage uses it, and one
edit (a letter dropped, added, changed or two swapped) makes a common English word (Zipf at least
`least_target`); the most common such word is meant. Names ("Yunmanman"), capitalised words and terms of art
("pseudonymised": no common word is one edit away) are left as written.
Rule shorthand runs first: the shorthand users type (hrs, ppl, w/o, usrs) is read as the word it stands for, from
the glossary's [shorthand] table, so that neither the readings keyed on words nor the spelling rule (usrs -> "uses")
see it as written. A word of two or more pinyin syllables (beian, miping) is a Chinese term typed in pinyin and a
word whose only near common word changes its first letter (wfoe) is an acronym: both are left as written."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from retrieval.glossary import shorthand
from retrieval.rules.registry import cues, enabled

RULE = "spelling"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def _limits() -> tuple[float, float]:
    spec = cues()["rules"][RULE]
    return float(spec["most_typo"]), float(spec["least_target"])


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} \
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS} | {a + c + b for a, b in splits for c in _LETTERS}


@lru_cache(maxsize=1)
def _pinyin_word() -> re.Pattern[str]:
    syllable = cues()["rules"][RULE]["pinyin_syllable"]
    return re.compile(rf"{syllable}{syllable}+")


def meant(word: str, used: Callable[[str], bool]) -> str | None:
    """The common word a misspelt one means, or None when it is no misspelling (or means no one word)."""
    most_typo, least_target = _limits()
    if _zipf(word) >= most_typo or used(word) or _pinyin_word().fullmatch(word):
        return None
    # a typo keeps the first letter: "wfoe" (WFOE typed in lower case) is no "foe"
    candidates = [c for c in _one_edit(word) if c != word and c[:1] == word[:1] and _zipf(c) >= least_target]
    return max(candidates, key=lambda c: (_zipf(c), c)) if candidates else None


def respelt(question: str, used: Callable[[str], bool]) -> tuple[str, list[tuple[str, str]]]:
    """The question with its misspelt common words read as meant, and each (as written, as read)."""
    if not enabled(RULE):
        return question, []
    fixes: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word = meant(m.group(0), used)
        if word is None:
            return m.group(0)
        fixes.append((m.group(0), word))
        return word

    return _LOWER_WORD.sub(fix, question), fixes


SHORTHAND_RULE = "shorthand"


@lru_cache(maxsize=1)
def _shorthand_pattern() -> re.Pattern[str] | None:
    table = shorthand()
    if not table:
        return None
    forms = "|".join(re.escape(short) for short in sorted(table, key=len, reverse=True))
    # a form stands alone, or right after a number ("72hrs"): not inside a longer word ("chrs") or a name
    return re.compile(rf"(?<![A-Za-z_'’/-])(?:{forms})(?![\w/-]|['’](?!s\b))")


def unshortened(question: str) -> tuple[str, list[tuple[str, str]]]:
    """Rule shorthand: the question with the English shorthand users type ("how many hrs", "300k ppl", "w/o
    consent") read as the words meant (glossary.toml [shorthand]), and each (as written, as read)."""
    pattern = _shorthand_pattern()
    if not enabled(SHORTHAND_RULE) or pattern is None:
        return question, []
    table, fixes = shorthand(), []

    def fix(m: re.Match[str]) -> str:
        fixes.append((m.group(0), table[m.group(0)]))
        after_number = m.start() > 0 and question[m.start() - 1].isdigit()
        return (" " if after_number else "") + table[m.group(0)]

    return pattern.sub(fix, question), fixes


def shortens(question: str) -> bool:
    """Whether the question holds shorthand the rule reads (the registry runs its examples through this)."""
    return bool(unshortened(question)[1])
