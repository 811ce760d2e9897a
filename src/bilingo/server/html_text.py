"""format=html: the text between tags is translated, the markup is kept as it was.

Each run of text between tags is one text for the pipeline (so the glossary
works inside it); text in <script>, <style>, <code> and <pre> is left alone.
Translations are escaped as HTML text.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .findings import extras_of

UNTRANSLATED = {"script", "style", "code", "pre"}
RAW_TEXT = {"script", "style"}


class _Pieces(HTMLParser):
    """The document as markup and text pieces, in order: (is_text, raw or text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[bool, str]] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.pieces.append((False, self.get_starttag_text() or ""))
        if tag in UNTRANSLATED:
            self._skipping.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.pieces.append((False, self.get_starttag_text() or ""))

    def handle_endtag(self, tag):
        self.pieces.append((False, f"</{tag}>"))
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if self._skipping and self._skipping[-1] in RAW_TEXT:
            self.pieces.append((False, data))  # script and style text comes unconverted
        elif self._skipping or not data.strip():
            self.pieces.append((False, html.escape(data, quote=False)))
        else:
            self.pieces.append((True, data))

    def handle_comment(self, data):
        self.pieces.append((False, f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.pieces.append((False, f"<!{decl}>"))

    def handle_pi(self, data):
        self.pieces.append((False, f"<?{data}>"))


def html_pieces(document: str) -> list[tuple[bool, str]]:
    parser = _Pieces()
    parser.feed(document)
    parser.close()
    return parser.pieces


async def translate_html(service, documents, source, target, glossary) -> list[tuple[str, dict]]:
    """(translated HTML, extras) per document; all their text runs share engine calls."""
    split = [html_pieces(document) for document in documents]
    runs = [text for pieces in split for is_text, text in pieces if is_text]
    results = iter(await service.translate(runs, source, target, glossary) if runs else [])
    done = []
    for pieces in split:
        out, extras = [], {"terms": [], "repairs": 0, "decisions": [], "figures": [], "runs": []}
        for is_text, text in pieces:
            if not is_text:
                out.append(text)
                continue
            result = next(results)
            core = result.text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            out.append(html.escape(lead + core + trail, quote=False))
            run = extras_of(result)
            extras["runs"].append(run)
            extras["terms"] += run["terms"]
            extras["repairs"] += run["repairs"]
        done.append(("".join(out), extras))
    return done
