"""A decision at every glossary hit of an English sentence (translating into Korean).

English matching knows case and word class where Korean matching knows
particles (docs/design.md, "Deciding each hit"):

- a name is capitalized: an entry whose English has a capital letter is not
  the all-lowercase word (Arm the company, not arms);
- a common word capitalized in the middle of a sentence, next to other
  capitalized words, is part of an English proper name (Fars News Agency)
  and is left to the engine;
- the entry's `sense.en_*` cues and `en_otherwise` decide the rest: "won"
  is the currency only after a number, everyday words such as comment or
  media are left to the engine, which picks the usual Korean word.
"""

from __future__ import annotations

import re

from ..terms import Match, TermType
from .context import first_cue
from .english_words import ENGLISH_GIVEN_NAMES, NAME_SUFFIXES
from .hits import INSERT, SKIP, VERIFY, Decision, Hit, forms_of, sense_of

COMMON_TYPES = (TermType.TERM, None)
NAME_TYPES = (TermType.ORG, TermType.PERSON, TermType.PLACE, TermType.MEDIA)
_CAPITALIZED_WORD = re.compile(r"[A-Z][A-Za-z0-9&.'’-]*")
_NEXT_CAPITALIZED = re.compile(r" ([A-Z][A-Za-z0-9&.'’-]*)")
SENTENCE_OPENERS = (".", "!", "?", ":", '"', "“", "‘", "(")


def decide_english_sentence(sentence: str, glossary) -> list[Hit]:
    """Every glossary hit of one English sentence, decided, in text order."""
    if glossary is None:
        return []
    hits = []
    matches = glossary.english_matcher().find(sentence)
    starts = {match.start for match in matches}
    for match in matches:
        action, reason = judge_english(sentence, match, starts)
        korean = _korean_for(match)
        inserted = korean if action == INSERT else None
        decision = Decision(
            match.start, match.end, match.text, match.term.ko, action, inserted, reason
        )
        end = match.end + len(match.particle)
        check = korean if action != SKIP else None
        hits.append(Hit(decision, match, match.start, end, korean, check))
    _join_glosses(sentence, hits)
    return hits


def judge_english(sentence: str, match: Match, hit_starts: set[int]) -> tuple[str, str]:
    """(action, reason) for the entry found by its English at `match` (`hit_starts`: of all hits)."""
    term, text = match.term, match.text
    spelling = _spelling_hit(match)
    if text.islower() and not spelling.islower():
        return SKIP, f"lowercase {text!r}: an everyday word, not the name {spelling}"
    if term.type in NAME_TYPES and _plural_ending(match) and not spelling.isupper():
        return SKIP, f"{text}{match.particle}: a plural, so a common noun, not the name"
    if spelling.isupper() and match.particle[:1].isupper():
        return SKIP, f"part of a longer acronym ({text}{match.particle})"
    if (
        term.type in COMMON_TYPES
        and spelling.islower()
        and _capitalized_mid_sentence(sentence, match)
    ):
        return SKIP, f"capitalized {text!r}: part of an English proper name"
    if term.type not in COMMON_TYPES and _part_of_longer_name(sentence, match, hit_starts):
        # Tom Ford, Ford Focus: the Korean is often the same (포드), so leave it and check
        return VERIFY, f"may be part of a longer English name around {text!r}"
    return _english_sense(sentence, match, spelling)


def _english_sense(sentence: str, match: Match, spelling: str) -> tuple[str, str]:
    """The entry's `en_*` cues and `en_otherwise`; a name of several words needs none."""
    sense = sense_of(match.term)
    cue = first_cue(sense.get("en_exclude"), sentence, match.start, match.end)
    if cue:
        return SKIP, f"another sense: {cue}"
    cue = first_cue(sense.get("en_confirm"), sentence, match.start, match.end)
    if cue:
        return INSERT, f"confirmed by {cue}"
    otherwise = sense.get("en_otherwise", INSERT)
    if otherwise == INSERT or (" " in spelling and not spelling.islower()):  # "Korean won"
        return INSERT, "glossary term"
    if otherwise == VERIFY:
        return VERIFY, "ambiguous: no cue confirms this sense"
    return SKIP, "an everyday word here: left to the engine"


def _spelling_hit(match: Match) -> str:
    """The glossary spelling the text matched (en, an en_variant or a form), as the glossary has it."""
    folded = match.text.casefold()
    term = match.term
    for spelling in (term.en, *term.en_variants, *forms_of(term).values()):
        if spelling.casefold() == folded:
            return spelling
    return term.en


def _capitalized_mid_sentence(sentence: str, match: Match) -> bool:
    """A common word capitalized where a sentence does not start: a name (Fars News Agency, Golf)."""
    before = sentence[: match.start].rstrip()
    return match.text[:1].isupper() and bool(before) and not before.endswith(SENTENCE_OPENERS)


def _part_of_longer_name(sentence: str, match: Match, hit_starts: set[int]) -> bool:
    """A name after a given name (Tom Ford), or before a capitalized word that is neither a
    glossary hit nor a suffix, title or date (Claude Lelouch, Ford Focus, South China Sea)."""
    before = sentence[: match.start].split()
    if before and before[-1] in ENGLISH_GIVEN_NAMES:
        return True
    if match.particle or spelling_is_form(match):
        return False  # Iran's Fars ..., Israeli Defense Ministry: the name ends here
    following = _NEXT_CAPITALIZED.match(sentence, match.end)
    if following is None or following.start(1) in hit_starts:
        return False
    return following.group(1).rstrip(".,'’") not in NAME_SUFFIXES


def spelling_is_form(match: Match) -> bool:
    """Was the entry found by one of its forms (Israeli, Chinese)?"""
    return match.text.casefold() in {form.casefold() for form in forms_of(match.term).values()}


def _plural_ending(match: Match) -> bool:
    """Arms, Apples: a plural ending with no possessive (the matcher's particle)."""
    return match.particle in ("s", "es")


def _join_glosses(sentence: str, hits: list[Hit]) -> None:
    """Taiwan Semiconductor Manufacturing Co. (TSMC): the entry written once, the bracket dropped."""
    for first, second in zip(hits, hits[1:], strict=False):
        if first.decision.action != INSERT or first.term.ko != second.term.ko:
            continue
        opening = sentence[first.write_end : second.decision.start]
        if opening.strip() != "(" or sentence[second.write_end : second.write_end + 1] != ")":
            continue
        first.write_end = second.write_end + 1
        second.decision.action, second.decision.inserted, second.check = SKIP, None, None
        second.for_review = False
        second.decision.reason = f"the writer's gloss of {first.decision.text}, written with it"


def _korean_for(match: Match) -> str:
    """The Korean for an English term as written: a possessive becomes 의, a plural drops."""
    possessive = match.particle.endswith(("'", "’", "'s", "’s"))
    return match.term.ko + ("의" if possessive else "")
