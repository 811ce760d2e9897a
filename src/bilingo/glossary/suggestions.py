"""Did-you-mean: the headwords (or English) closest to a query that found nothing.

The ranking is difflib.get_close_matches' (every candidate whose
SequenceMatcher ratio reaches the cutoff, best first, equal ratios in reverse
string order, at most n), and so are the answers, to the letter. In a large
glossary only the work is split: rapidfuzz first keeps, in C, the candidates
whose ratio over their longest common subsequence reaches the cutoff (2 * LCS
/ T for strings of T characters in all). difflib's ratio counts the matching
blocks its heuristic finds, a common subsequence too, so it is never higher:
no candidate difflib would keep is lost, and SequenceMatcher then scores only
the few kept. At 100,000 headwords this takes about 20 ms where difflib over
every key took 200. Importing rapidfuzz takes about 30 ms, though, more than
difflib needs for a few thousand keys, so a glossary of fewer than
RAPIDFUZZ_FROM keys is searched by difflib alone.
"""

from __future__ import annotations

import heapq

from ..terms import without_spaces

CUTOFF_MARGIN = 0.05  # see close_matches
RAPIDFUZZ_FROM = 15_000  # keys; below, difflib over every key is the quicker (see above)


def headword_keys(headwords: list[str]) -> list[str]:
    """What suggest_headwords compares: each headword without its spaces."""
    return list(map("".join, map(str.split, headwords)))


def english_keys(english: list[str]) -> list[str]:
    """What suggest_english compares: each English rendering casefolded."""
    return list(map(str.casefold, english))


def suggest_headwords(
    keys: list[str], query: str, limit: int, joined: str | None = None
) -> list[int]:
    """The rows whose headwords to suggest: those that begin with the query first (딥시 ->
    딥시크, 딥시크-V3), shortest first, then the closest others (ratio >= 0.5): in a large
    glossary many short words are as "close" (워시, 시흥), so the ones that begin alike lead.

    `keys`: every row's headword_keys, in order; where two rows share a key, the
    suggestion is the later row. `joined`: the keys joined by newlines, when the
    caller has them so (the lookup part stores them so), to save joining them again.
    """
    key = without_spaces(query)
    started = sorted(_starting_with(keys, key, joined), key=len)
    # Enough words that begin alike: the close ones would come after them anyway.
    close = close_matches(key, keys, limit, 0.5) if len(started) < limit else []
    chosen = list(dict.fromkeys([*started, *close]))[:limit]
    return [_last_row(keys, chosen_key) for chosen_key in chosen]


def suggest_english(keys: list[str], query: str, limit: int) -> list[int]:
    """The rows whose English renderings (`keys`: every row's english_keys) are closest to an
    English query (ratio >= 0.6), case ignored; where two rows differ only in case, the
    later row."""
    return [_last_row(keys, k) for k in close_matches(query.casefold(), keys, limit, 0.6)]


def _starting_with(keys: list[str], key: str, joined: str | None = None) -> list[str]:
    """The distinct keys other than `key` that begin with it, in their first rows' order."""
    if not key:
        return [k for k in dict.fromkeys(keys) if k]
    # Keys hold no whitespace, so a newline cannot occur inside one: one search of
    # the joined keys finds where each begins with the query.
    joined = "\n" + ("\n".join(keys) if joined is None else joined) + "\n"
    needle = "\n" + key
    found = []
    at = joined.find(needle)
    while at >= 0:
        end = joined.index("\n", at + 1)
        if end - at - 1 != len(key):
            found.append(joined[at + 1 : end])
        at = joined.find(needle, end)
    return list(dict.fromkeys(found))


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
