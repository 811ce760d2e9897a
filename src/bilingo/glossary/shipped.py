"""Rewrite what the built-in glossary ships already worked out: each file's parsed part
(parsed_files.py) and the matcher's spacing alignments (cuts_memo.py).

Run after any change to the built-in glossary, from a source checkout:

    python -m bilingo.glossary.shipped

tests/test_parsed_files.py fails while a built-in file has no current part.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import GlossaryError
from .cuts_memo import memo_path, write_memo
from .locations import default_glossary_dir
from .parsed_files import SHIPPED_FOLDER, contents_key, part_path, save_part
from .reader import read_glossary_file


def write_shipped_parts(glossary_dir: Path | None = None) -> list[Path]:
    """Write the parts of every built-in file to its `compiled/` folder, dropping stale ones.

    A file with problems gets no part (and the glossary's own tests fail on it).
    """
    glossary_dir = glossary_dir or default_glossary_dir()
    folder = glossary_dir / SHIPPED_FOLDER
    folder.mkdir(exist_ok=True)
    wanted = set()
    for path in sorted(glossary_dir.glob("*.yaml")):
        data = path.read_bytes()
        terms, problems = read_glossary_file(path, data)
        if problems:
            raise GlossaryError(f"{len(problems)} problem(s), first: {problems[0]}", str(path))
        key = contents_key(data)
        save_part(folder, key, terms)
        wanted.add(part_path(folder, key))
    wanted.add(write_shipped_cuts(glossary_dir))
    for stale in set(folder.glob("*.json")) - wanted:
        stale.unlink()
    return sorted(wanted)


def write_shipped_cuts(glossary_dir: Path) -> Path:
    """The spacing alignments a build of the built-in glossary's matcher uses (cuts_memo.py)."""
    from ..matcher import build_automaton
    from ..spacing import PartFinder
    from .load import load_glossary

    rows = load_glossary([glossary_dir], use_cache=False).rows
    finder = PartFinder(rows)
    build_automaton(rows, finder)
    path = memo_path(glossary_dir / SHIPPED_FOLDER)
    write_memo(path, finder.english_cuts_used)
    return path


if __name__ == "__main__":
    for written in write_shipped_parts():
        print(written)
