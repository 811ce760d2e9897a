"""What `glossary validate` warns about: entries that are valid but likely to misfire.

- a one-syllable Hangul headword, which matches inside too many words;
- a headword or variant that is also an everyday Korean word (인도 is India and
  the sidewalk; bilingo.korean.common_words) in an entry without `sense`, which
  would be translated as the entry wherever the everyday word is meant;
- a `sense` that cannot do what it says: a `confirm` cue while `otherwise` is
  insert (a confirmed hit is inserted, and so is every other one), a cue for
  English text (en_confirm, en_exclude) written in Hangul, a cue that is only `~`
  (it speaks for every hit; `otherwise` says that).

Warnings never make a glossary invalid, and never change an exit code.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..korean import contains_hangul
from ..korean.common_words import COMMON_WORDS
from ..terms import Term, without_spaces
from .validation import CUE_KEYS, HIT

# Each confirm key, and the choice that must not be insert for its cues to matter.
CONFIRMS = {"confirm": "otherwise", "en_confirm": "en_otherwise"}
ENGLISH_CUE_KEYS = ("en_confirm", "en_exclude")


def entry_warnings(terms: list[Term]) -> list[str]:
    """Every warning about single entries, in the order of the entries, each with file:line."""
    return [f"{term.source}: {message}" for term in terms for message in _warnings(term)]


def _warnings(term: Term) -> Iterator[str]:
    one_syllable = len(without_spaces(term.ko)) == 1 and contains_hangul(term.ko)
    if one_syllable:
        yield f"one-syllable headword `{term.ko}` matches inside many words; prefer a longer form"
    if not term.sense:
        spellings = [term.ko] if not one_syllable else []  # one warning is enough for it
        yield from _common_words(term, spellings, "")
        yield from _common_words(term, term.variants, "variant ")
    yield from _sense_warnings(term.sense)


def _common_words(term: Term, spellings: list[str], kind: str) -> Iterator[str]:
    for spelling in spellings:
        if without_spaces(spelling) in COMMON_WORDS:
            yield (
                f"{kind}`{spelling}` is also an everyday Korean word; add a `sense` (cues, or "
                f"otherwise: verify) so that the everyday word is not rendered `{term.en}`"
            )


def _sense_warnings(sense: dict) -> Iterator[str]:
    for confirm, choice in CONFIRMS.items():
        if sense.get(confirm) and sense.get(choice, "insert") == "insert":
            yield (
                f"`sense.{confirm}` changes nothing while `{choice}` is insert (the default); "
                f"set `{choice}: verify` or `skip`"
            )
    for key in ENGLISH_CUE_KEYS:
        for cue in sense.get(key, ()):
            if contains_hangul(cue):
                yield f"cue `{cue}` in `sense.{key}` holds Hangul, but it is matched in English text"
    for key in CUE_KEYS:
        if HIT in sense.get(key, ()):
            yield f"cue `{HIT}` in `sense.{key}` speaks for every hit; use otherwise instead"
