"""The things a question names, for the store to say which it never uses: its Chinese nouns, by jieba's parts of
speech, and its English words that are rare in English at large (wordfreq's Zipf frequency). A thing that no stored
passage and no glossary entry uses (经营者, 行政复议, "jammer", "DocuSign") is positive evidence about the question,
where a word merely missing from the top passages is not. Common English words go unread: without a part of
speech, "told", "max" and "week" are as unseen in a corpus of statutes as "tobacco" (the topic model's share of
unseen words reads them instead)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from functools import lru_cache

from ingest.lexical import jieba_module
from retrieval.glossary import abbreviations, chinese_terms, load_glossary
from retrieval.rules.asks import subject_terms
from retrieval.rules.registry import cues

# jieba's nouns (n, nz, nt, nl, ng), verbal nouns (vn), fixed expressions (l: 行政诉讼) and names (nr: it tags an
# agency's short name, 安监, as a person's); not places (ns), which say nothing of the subject ("深圳的公司" is asked
# in any field)
_NOUN_FLAGS = frozenset({"n", "nz", "nt", "nl", "ng", "vn", "l", "nr"})
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@lru_cache(maxsize=1)
def _tagger():
    jieba_module()  # quiet, loaded once
    import jieba.posseg

    return jieba.posseg


def jieba_tagged(text: str) -> list[tuple[str, str]]:
    """The text cut into words by jieba, each with its part of speech."""
    return [(word, flag) for word, flag in _tagger().cut(text)]


def question_nouns(question: str) -> tuple[str, ...]:
    """Its Chinese nouns of two characters or more, in order and once each."""
    return tuple(dict.fromkeys(w for w, flag in jieba_tagged(question)
                               if flag in _NOUN_FLAGS and _CJK_WORD.fullmatch(w)))


@lru_cache(maxsize=1)
def never_foreign() -> frozenset[str]:
    """The glossary's Chinese terms and the nouns any field's questions ask with (cues.toml [subject])."""
    return chinese_terms() | frozenset(cues()["subject"]["frame_nouns"])


@lru_cache(maxsize=1)
def _never_foreign_or_short() -> frozenset[str]:
    return never_foreign() | frozenset(abbreviations())


def foreign_nouns(question: str, uses: Callable[[str], bool]) -> tuple[str, ...]:
    """The question's nouns that are neither the glossary's nor a question's frame, and that no text `uses`
    searches (the whole store) holds; then its rare English words that the glossary does not know and no text
    holds. The users' short forms of the field's terms (标合, 关基) are the field's, though no text uses them; a
    filing or review they qualify (标合备案) must still be one the answering passage names (procedures.py)."""
    known = _never_foreign_or_short()
    return tuple(n for n in question_nouns(question) if n not in known and not uses(n)) + \
        tuple(w for w in rare_english_words(question) if w.lower() not in _glossary_english() and not uses(w)
              and not _misspelt_field_word(w))


def _misspelt_field_word(word: str) -> bool:
    """A typing slip of a word of the glossary ("cybersecurty"): rare in English only for being misspelt. Long words
    only, and a close likeness (difflib's ratio): a short or a merely similar word is another word."""
    return len(word) >= _TYPO_LEAST_LENGTH and bool(
        difflib.get_close_matches(word.lower(), _glossary_english(), n=1, cutoff=_TYPO_LIKENESS))


_TYPO_LEAST_LENGTH = 7
_TYPO_LIKENESS = 0.9


def absorbing_compounds(question: str, uses: Callable[[str], bool]) -> tuple[str, ...]:
    """The question's compounds that end in a general subject word of the field but name another field's thing: a
    noun of two characters or more that names no subject itself, before the subject word (政府 + 信息, one noun or
    two side by side), where no stored passage and no glossary entry uses the whole. There the subject word says
    which of the other field's things is meant (government information), not that the question is the field's."""
    if not any(term in question for term in cues()["subject"]["qualified_zh"]):
        return ()  # no word to qualify: jieba need not cut the question
    known = never_foreign()
    return tuple(dict.fromkeys(compound for compound in _compounds(question) if compound not in known
                               and _ends_in_subject(compound) and not uses(compound)))


def _compounds(question: str) -> list[str]:
    """Its Chinese nouns, and each two nouns side by side joined (jieba cuts 政府信息 in two)."""
    tagged = [(w, flag in _NOUN_FLAGS and bool(_CJK_WORD.fullmatch(w) or len(w) == 1)) for w, flag
              in jieba_tagged(question)]
    pairs = [a + b for (a, noun_a), (b, noun_b) in zip(tagged, tagged[1:], strict=False) if noun_a and noun_b]
    return [w for w, noun in tagged if noun and len(w) >= 2] + [p for p in pairs if _CJK_WORD.fullmatch(p)]


def _ends_in_subject(compound: str) -> bool:
    """Whether it ends in one of the general subject words that other fields qualify (cues.toml [subject]
    qualified_zh), after two characters or more that name no subject themselves."""
    return any(compound.endswith(term) and len(compound) - len(term) >= 2
               and not subject_terms(compound[:-len(term)]) for term in cues()["subject"]["qualified_zh"])


def rare_english_words(question: str) -> tuple[str, ...]:
    """Its English words (three letters or more; a hyphen or an apostrophe parts words) whose Zipf frequency in
    English at large is under cues.toml's [rules.foreign_subject] rare_english: a thing's own name ("jammer",
    "DocuSign") rather than the words any question is asked with ("days", "maximum", "amended")."""
    from wordfreq import zipf_frequency

    rare = float(cues()["rules"]["foreign_subject"]["rare_english"])
    return tuple(dict.fromkeys(w for w in _LATIN_WORD.findall(question) if zipf_frequency(w.lower(), "en") < rare))


@lru_cache(maxsize=1)
def _glossary_english() -> frozenset[str]:
    """The words of the glossary's English terms, in lower case (a "CII operator" is the field's, however rare)."""
    return frozenset(w.lower() for entry in load_glossary() for t in entry.en for w in _LATIN_WORD.findall(t))
