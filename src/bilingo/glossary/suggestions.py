"""Did-you-mean: the headwords (or English) closest to a query that found nothing.

The ranking is difflib.get_close_matches' (every candidate whose
SequenceMatcher ratio reaches the cutoff, best first, equal ratios in reverse
string order, at most n), and so are the answers, to the letter. Only the work
is cut down:

- A headword that shares no character with the query has a ratio of 0, so only
  those that share one are ranked. They are found in the keys joined by
  newlines (as the lookup part stores them) by one search in C: at 100,000
  headwords a query shares a character with a thousand or two, and the keys are
  never split (splitting them alone took 8 ms).
- When many candidates are left (English keys, which are not searched so),
  rapidfuzz first keeps, in C, those whose ratio over their longest common
  subsequence reaches the cutoff (2 * LCS / T for strings of T characters in
  all). difflib's ratio counts the matching blocks its heuristic finds, a common
  subsequence too, so it is never higher: no candidate difflib would keep is
  lost, and SequenceMatcher then scores only the few kept. Importing rapidfuzz
  takes about 10 ms, more than difflib needs for a few thousand keys, so fewer
  than RAPIDFUZZ_FROM candidates are ranked by difflib alone.
"""

from __future__ import annotations

import heapq
import re

from ..terms import without_spaces

CUTOFF_MARGIN = 0.05  # see close_matches
RAPIDFUZZ_FROM = 15_000  # keys; below, difflib over every key is the quicker (see above)


def headword_keys(headwords: list[str]) -> list[str]:
    """What suggest_headwords compares: each headword without its spaces."""
    return list(map("".join, map(str.split, headwords)))


def english_keys(english: list[str]) -> list[str]:
    """What suggest_english compares: each English rendering casefolded."""
    return list(map(str.casefold, english))


def suggest_headwords(joined: str, query: str, limit: int) -> list[int]:
    """The rows whose headwords to suggest: those that begin with the query first (딥시 ->
    딥시크, 딥시크-V3), shortest first, then the closest others (ratio >= 0.5): in a large
    glossary many short words are as "close" (워시, 시흥), so the ones that begin alike lead.

    `joined`: every row's headword_keys, in order, joined by newlines (the lookup part
    stores them so; keys hold no whitespace). Where two rows share a key, the suggestion
    is the later row. The keys are searched in the joined text, never split: at 100,000
    rows, splitting them and sifting every one took most of a miss.
    """
    key = without_spaces(query)
    text = "\n" + joined + "\n"
    started = sorted(_starting_with(text, key), key=len)
    # Enough words that begin alike: the close ones would come after them anyway.
    if len(started) < limit and key:
        close = close_matches(key, _sharing_a_character(text, key), limit, 0.5)
    else:
        close = []
    chosen = list(dict.fromkeys([*started, *close]))[:limit]
    return [_row_in_text(text, chosen_key) for chosen_key in chosen]


def suggest_english(keys: list[str], query: str, limit: int) -> list[int]:
    """The rows whose English renderings (`keys`: every row's english_keys) are closest to an
    English query (ratio >= 0.6), case ignored; where two rows differ only in case, the
    later row."""
    return [_last_row(keys, k) for k in close_matches(query.casefold(), keys, limit, 0.6)]


def _starting_with(text: str, key: str) -> list[str]:
    """The distinct keys other than `key` that begin with it, in their first rows' order
    (`text`: the keys joined by newlines, with one before the first and after the last)."""
    if not key:
        return [k for k in dict.fromkeys(text.split("\n")) if k]
    needle = "\n" + key
    found = []
    at = text.find(needle)
    while at >= 0:
        end = text.index("\n", at + 1)
        if end - at - 1 != len(key):
            found.append(text[at + 1 : end])
        at = text.find(needle, end)
    return list(dict.fromkeys(found))


def _sharing_a_character(text: str, key: str) -> list[str]:
    """The keys that share a character with `key`, in order: a key that shares none has a
    ratio of 0 with it, so only these can be close (one search of the text, in C)."""
    characters = re.escape("".join(sorted(set(key))))
    lines: dict[int, str] = {}  # where a line starts -> the key on it
    for found in re.finditer(f"[{characters}]", text):
        start = text.rfind("\n", 0, found.start()) + 1
        if start not in lines:
            lines[start] = text[start : text.index("\n", found.start())]
    return list(lines.values())


def _row_in_text(text: str, key: str) -> int:
    """The number of the last row whose key is `key`, in the keys' joined text."""
    return text.count("\n", 0, text.rindex(f"\n{key}\n"))


def _last_row(keys: list[str], key: str) -> int:
    """The number of the last row whose key is `key`."""
    return len(keys) - 1 - keys[::-1].index(key)


def close_matches(word: str, possibilities: list[str], n: int, cutoff: float) -> list[str]:
    """difflib.get_close_matches(word, possibilities, n, cutoff), with rapidfuzz sifting first
    in a large glossary (`possibilities` may repeat a string: it counts once)."""
    import difflib

    if len(possibilities) >= RAPIDFUZZ_FROM:
        possibilities = _sifted(word, possibilities, cutoff)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in dict.fromkeys(possibilities):
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and matcher.ratio() >= cutoff
        ):
            scored.append((matcher.ratio(), candidate))
    return [candidate for _, candidate in heapq.nlargest(n, scored)]


def _sifted(word: str, possibilities: list[str], cutoff: float) -> list[str]:
    """The possibilities whose longest-common-subsequence ratio with `word` reaches the cutoff."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    # rapidfuzz's own floating-point cutoff test can drop a candidate exactly at the
    # cutoff, so it is asked for a little more; SequenceMatcher decides.
    near = process.extract(
        word,
        possibilities,
        scorer=Indel.normalized_similarity,
        processor=None,
        score_cutoff=max(cutoff - CUTOFF_MARGIN, 0.0),
        limit=None,
    )
    return [candidate for candidate, _, _ in near]
