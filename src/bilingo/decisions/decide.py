"""A decision at every glossary hit of a Korean sentence: insert which form, verify, or skip.

For each hit, in this order (docs/design.md, "Deciding each hit"):

1. the sense: the entry's exclude cues, then the general rules that need no
   data (a quotative 이란 after a quote, a company name that is a surname
   after a given name, another country's institution), then the entry's
   confirm cues and suffixes, then its `otherwise` (insert by default);
2. the form, for an insert: the title form after a name (moved before it,
   as English writes it), the plural before 들 or after a number word, the
   attributive form before a noun, else the entry's `en`;
3. the neighbours: a gloss the writer gave in brackets is written once with
   its abbreviation (chief executive officer (CEO), Federal Reserve (Fed)),
   and a term's English does not repeat the English of the term right before
   it (구글 딥마인드 -> Google DeepMind, not Google Google DeepMind).

Money figures are decisions too: always inserted, as exact English.
"""

from __future__ import annotations

from ..matcher import terms_and_figures
from ..terms import Match
from .forms import PLURAL_MARKER, PLURAL_REASON, choose_form, drop_repeated_english, join_glosses
from .hits import INSERT, MONEY_FIGURE, SKIP, VERIFY, Decision, Hit
from .senses import headword_end, judge_sense


def decide_sentence(sentence: str, glossary) -> list[Hit]:
    """Every hit and money figure of one Korean sentence, decided, in text order."""
    matcher = glossary.matcher() if glossary is not None else None
    terms, figures = terms_and_figures(sentence, matcher)
    hits = [_figure_hit(figure) for figure in figures] + [_term_hit(m) for m in terms]
    hits.sort(key=lambda hit: hit.decision.start)
    for index, hit in enumerate(hits):
        if hit.match is not None:
            _decide_term(sentence, hits, index)
    join_glosses(sentence, hits)
    drop_repeated_english(sentence, hits)
    return hits


def _figure_hit(figure) -> Hit:
    decision = Decision(
        figure.start, figure.end, figure.text, figure.text, INSERT, figure.english, MONEY_FIGURE
    )
    return Hit(decision, None, figure.start, figure.end, figure.english, figure.english)


def _term_hit(match: Match) -> Hit:
    decision = Decision(match.start, match.end, match.text, match.term.ko, INSERT, None, "")
    return Hit(decision, match, match.start, match.end, "")


def _decide_term(sentence: str, hits: list[Hit], index: int) -> None:
    hit = hits[index]
    action, reason = judge_sense(sentence, hits, index)
    hit.decision.action, hit.decision.reason = action, reason
    if action == SKIP:
        return
    if action == VERIFY:
        hit.check = hit.term.en
        return
    english, why = choose_form(sentence, hits, index)
    _set_insert(hit, english, why)
    hit.write_end = headword_end(hit)  # a confirming suffix stays in Korean: Yongin시
    if why == PLURAL_REASON:
        hit.write_end += len(PLURAL_MARKER)  # hyperscalers은, not hyperscalers들은


def _set_insert(hit: Hit, english: str, why: str | None) -> None:
    hit.decision.inserted = hit.written = hit.check = english
    if why:
        hit.decision.reason = f"{hit.decision.reason}; {why}" if hit.decision.reason else why
