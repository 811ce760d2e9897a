"""TermBase eXchange: TBX-Basic, written as TBX v2 (2008, <martif>) or v3 (ISO 30042:2019).

v2 is the default because it is what most CAT tools read (memoQ, OmegaT), and
translate-toolkit, the TBX reader of Weblate, Pootle and Virtaal, refuses a
v3 file at its root element. The two differ in
names only (v3 names in brackets; the v3 root is
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">):

    <martif type="TBX-Basic" xml:lang="en">                   [<tbx ...>]
      <martifHeader><fileDesc><sourceDesc><p>...</p></sourceDesc></fileDesc>   [<tbxHeader>]
        <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>   [v2 only]
      </martifHeader>
      <text><body>
        <termEntry id="c1">                                   [<conceptEntry>]
          <descrip type="subjectField">org</descrip>          the entry's type
          <note>Chinese AI start-up ...</note>                the entry's note
          <langSet xml:lang="ko">                             [<langSec>]
            <tig><term>딥시크</term>                            [<termSec>]
              <termNote type="partOfSpeech">noun</termNote>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            </tig>
            <tig><term>딥 시크</term>                           a variant
              <termNote type="partOfSpeech">noun</termNote>
              <termNote type="termType">variant</termNote>
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            </tig>
          </langSet>
          <langSet xml:lang="en"> ... en, then en_variants, then forms ... </langSet>
        </termEntry>
      </body></text>
    </martif>

Why these data categories: TBX-Basic allows only a fixed set. subjectField
(concept level) is the one classification field every CAT tool maps, so it
carries the type (org, person, ...); the headword is the preferred term and
each variant an admitted term marked termType "variant", which is how TBX
tells synonyms from the main term; the note is a concept-level <note>. The v2
file has no DOCTYPE: no reader needs the DTD, and a Java parser that meets
one goes looking for a TBXBasiccoreStructV02.dtd file that is not there.

Forms (issue 10) are more English terms of the concept, each an admitted term
whose TBX-Basic marking says what it is, so a CAT tool lists them as accepted
English and bilingo reads them back as the same forms:

    attributive   <termNote type="partOfSpeech">adjective</termNote>        Chinese
    plural        <termNote type="grammaticalNumber">plural</termNote>      people
    short         <termNote type="termType">abbreviation</termNote>         Fed
    title         <note>title: written before a name</note> (a term note)   Sen.

A TBX from another tool is read the same way: an English term marked adjective,
plural or abbreviation (acronym, initialism, shortForm too), or with a note that
starts with "title", becomes that form (the first of each; the rest are variants).
`sense` has no TBX-Basic data category another tool would understand, so it
travels as a concept-level note other tools show as text and bilingo reads back:
<note>bilingo sense: {"otherwise":"verify"}</note> (compact JSON).

Reading accepts both versions (termEntry/langSet/tig or ntig, and
conceptEntry/langSec/termSec), and takes any language tag starting with ko or en
(ko-KR, en-US). Deprecated and superseded English terms are not taken as
accepted renderings. Files are parsed with defusedxml: a file that declares
entities (the billion-laughs bomb, external entities) is refused outright,
and so is one nested deeper than any TBX is (MAX_DEPTH), which would
otherwise exhaust the recursion of the walk over its elements.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import GlossaryError, GlossaryProblems, UsageError
from ..glossary import FORM_KEYS, LINE_KEY, normalize_space, term_from_entry
from ..terms import Term, TermType
from ..version import __version__

__all__ = ["TBX_NAMESPACE", "export_tbx", "import_tbx"]

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
REJECTED_STATUSES = ("deprecated", "superseded")
MAX_DEPTH = 100  # TBX-Basic nests about 10 deep; a real file never comes near this
SENSE_NOTE = "bilingo sense: "  # a concept note that holds the entry's sense as JSON
TITLE_NOTE = "title: written before a name"  # the term note of a title form
# The term notes (type, value) that mark each form; a title's own mark is TITLE_NOTE.
FORM_TERM_NOTES = {
    "attributive": [("partOfSpeech", "adjective")],
    "title": [("partOfSpeech", "noun")],
    "plural": [("partOfSpeech", "noun"), ("grammaticalNumber", "plural")],
    "short": [("partOfSpeech", "noun"), ("termType", "abbreviation")],
}
# The markings read as each form, also from other tools: termNote type -> value -> form.
FORM_OF_MARK = {
    "partofspeech": {"adjective": "attributive"},
    "grammaticalnumber": {"plural": "plural"},
    "termtype": dict.fromkeys(("abbreviation", "acronym", "initialism", "shortform"), "short"),
}

# The element names of each version, in the order root, header, entry, language, term.
NAMES = {
    2: ("martif", "martifHeader", "termEntry", "langSet", "tig"),
    3: ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
}
ROOT_ATTRIBUTES = {
    2: {"type": "TBX-Basic", "lang": "en"},
    3: {"type": "TBX-Basic", "style": "dca", "lang": "en", "xmlns": TBX_NAMESPACE},
}


# --------------------------------------------------------------------------- export


def _element(parent: ElementTree.Element | None, tag: str, text: str | None = None, **attributes):
    # Tags are written unqualified under an explicit xmlns: ElementTree's
    # default_namespace option cannot serialize unqualified attributes (type, id).
    name = tag
    attributes = {XML_LANG if key == "lang" else key: value for key, value in attributes.items()}
    element = (
        ElementTree.Element(name, attributes)
        if parent is None
        else ElementTree.SubElement(parent, name, attributes)
    )
    element.text = text
    return element


def export_tbx(terms: Iterable[Term], version: int = 2) -> str:
    """The terms as a TBX-Basic document, UTF-8 XML text: TBX v2 (<martif>) or v3 (<tbx>)."""
    if version not in NAMES:
        raise UsageError(f"TBX version {version} cannot be written; choose 2 or 3")
    root_name, header_name, entry_name = NAMES[version][:3]
    root = _element(None, root_name, **ROOT_ATTRIBUTES[version])
    header = _element(root, header_name)
    source = _element(_element(header, "fileDesc"), "sourceDesc")
    _element(source, "p", f"Korean-English glossary exported by bilingo {__version__}")
    if version == 2:  # v2 names its constraint file here; v3 says it in the root's style
        _element(_element(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _element(_element(root, "text"), "body")
    for number, term in enumerate(terms, start=1):
        _concept(_element(body, entry_name, id=f"c{number}"), term, version)
    ElementTree.indent(root, space="  ")
    text = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def _concept(entry, term: Term, version: int) -> None:
    """The contents of one concept entry: type, notes, the ko and en language sections."""
    language_name, term_name = NAMES[version][3:]
    if term.type:
        _element(entry, "descrip", term.type.value, type="subjectField")
    if term.note:
        _element(entry, "note", term.note)
    if term.sense:
        sense = json.dumps(term.sense, ensure_ascii=False, separators=(",", ":"))
        _element(entry, "note", SENSE_NOTE + sense)
    for language, headword, variants in (
        ("ko", term.ko, term.variants),
        ("en", term.en, term.en_variants),
    ):
        language_section = _element(entry, language_name, lang=language)
        _term_section(language_section, term_name, headword, variant=False)
        for variant in variants:
            _term_section(language_section, term_name, variant, variant=True)
    for key in FORM_KEYS:  # the last language section is the English one
        if key in term.forms:
            _form_section(language_section, term_name, key, term.forms[key])


def _term_section(language_section, name: str, text: str, variant: bool) -> None:
    section = _element(language_section, name)
    _element(section, "term", text)
    _element(section, "termNote", "noun", type="partOfSpeech")
    if variant:
        _element(section, "termNote", "variant", type="termType")
    _element(section, "termNote", ADMITTED if variant else PREFERRED, type="administrativeStatus")


def _form_section(language_section, name: str, key: str, text: str) -> None:
    """One English form as an admitted term marked as that form (see the table above)."""
    section = _element(language_section, name)
    _element(section, "term", text)
    for kind, value in FORM_TERM_NOTES[key]:
        _element(section, "termNote", value, type=kind)
    _element(section, "termNote", ADMITTED, type="administrativeStatus")
    if key == "title":
        _element(section, "note", TITLE_NOTE)


# --------------------------------------------------------------------------- import


class _LineTreeBuilder(ElementTree.TreeBuilder):
    """A tree builder that notes the line each element starts on and refuses deep nesting."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.expat = None
        self.depth = 0
        self.lines: dict[ElementTree.Element, int] = {}

    def start(self, tag, attributes):
        element = super().start(tag, attributes)
        line = self.expat.CurrentLineNumber if self.expat is not None else None
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise GlossaryError(
                f"elements are nested more than {MAX_DEPTH} deep here; "
                "TBX needs about 10, so this is not a glossary",
                self.name,
                line,
            )
        self.lines[element] = line
        return element

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)


def _parse(data: str | bytes, name: str) -> tuple[ElementTree.Element, dict]:
    if not data.strip():
        raise GlossaryError("is empty; expected a TBX (XML) file", name)
    builder = _LineTreeBuilder(name)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        raise GlossaryError(
            "refused: the file defines XML entities (the way entity-expansion and "
            "external-entity attacks work); TBX needs none, so export it again without a "
            "DOCTYPE that declares <!ENTITY>",
            name,
        ) from None
    except ElementTree.ParseError as error:
        line = error.position[0] if error.position else None
        reason = str(error).split(":")[0]
        raise GlossaryError(
            f"malformed XML ({reason}); is this really a TBX file?", name, line
        ) from None
    return root, builder.lines


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, *names: str):
    return [child for child in element if _local(child.tag) in names]


def _text(element) -> str:
    return normalize_space("".join(element.itertext()))


def import_tbx(data: str | bytes, path: str | None = None) -> list[Term]:
    """The ko/en terms of a TBX file (v3 TBX-Basic, or v2 martif); bad input raises.

    Concept entries without both a Korean and an English term are skipped;
    a file with none at all is an error.
    """
    name = path or "TBX input"
    root, lines = _parse(data, name)
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(
            f"the root element is <{_local(root.tag)}>, not <tbx> or <martif>; not a TBX file",
            name,
            lines.get(root),
        )
    concepts = [
        element for element in root.iter() if _local(element.tag) in ("conceptEntry", "termEntry")
    ]
    terms, problems = [], []
    for concept in concepts:
        try:
            entry = _entry(concept, name, lines.get(concept))
            if entry is not None:
                terms.append(term_from_entry(entry, name))
        except GlossaryError as error:
            problems.append(error)
    GlossaryProblems.raise_any(problems)
    if not terms and concepts:
        raise GlossaryError(
            f"none of its {len(concepts)} concept entries has both a Korean (ko) and an "
            "English (en) term; bilingo imports Korean-English pairs",
            name,
        )
    return terms


def _entry(concept, name: str, line: int | None) -> dict | None:
    """The glossary entry of one conceptEntry (or termEntry), or None without ko and en."""
    languages, definitions = _language_sections(concept)
    if not languages["ko"] or not languages["en"]:
        return None
    ko, variants = _headword([found[:2] for found in languages["ko"]], keep_rejected=True)
    forms, english = _forms(languages["en"])
    en, en_variants = _headword(english, keep_rejected=False)
    entry: dict = {"ko": ko, "en": en, LINE_KEY: line, "forms": forms}
    sense = _sense(concept, name, line)
    if sense is not None:
        entry["sense"] = sense
    subject = next(iter(_descriptions(concept, "subjectField")), "")
    if subject.lower() in {t.value for t in TermType}:
        entry["type"] = subject.lower()
    if variants:
        entry["variants"] = variants
    if en_variants:
        entry["en_variants"] = en_variants
    note = _note(concept, definitions)
    if note:
        entry["note"] = note
    return entry


def _language_sections(concept) -> tuple[dict[str, list[tuple]], dict[str, str]]:
    """(ko and en terms, each (text, status, form), the first definition per language)."""
    languages: dict[str, list[tuple]] = {"ko": [], "en": []}
    definitions: dict[str, str] = {}
    for section in _children(concept, "langSec", "langSet"):
        language = (section.get(XML_LANG) or section.get("lang") or "").lower()
        code = language.replace("_", "-").split("-")[0]
        if code not in languages:
            continue
        for definition in _descriptions(section, "definition"):
            definitions.setdefault(code, definition)
        for term_section in _children(section, "termSec", "tig", "ntig"):
            term = next((e for e in term_section.iter() if _local(e.tag) == "term"), None)
            if term is not None and _text(term):
                marks = _term_notes(term_section)
                languages[code].append((_text(term), _status(marks), _form(marks, term_section)))
    return languages, definitions


def _forms(found: list[tuple]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The forms among a concept's English terms (the first of each kind that is neither
    the preferred term nor a rejected one), and the other terms with their status."""
    forms: dict[str, str] = {}
    rest = []
    for text, status, form in found:
        if form and form not in forms and status not in ("preferred", "rejected"):
            forms[form] = text
        else:
            rest.append((text, status))
    if not rest:  # forms alone: the first is the English itself
        return {}, [found_term[:2] for found_term in found]
    return forms, rest


def _sense(concept, name: str, line: int | None):
    """The sense a bilingo export keeps in a concept note, or None."""
    for note in _children(concept, "note"):
        text = _text(note)
        if text.startswith(SENSE_NOTE):
            try:
                return json.loads(text[len(SENSE_NOTE) :])
            except (ValueError, RecursionError):
                raise GlossaryError(
                    f"the note `{SENSE_NOTE.strip()}` does not hold JSON; "
                    'write it as an object, such as {"otherwise":"verify"}',
                    name,
                    line,
                ) from None
    return None


def _note(concept, definitions: dict[str, str]) -> str | None:
    """Concept notes, else a definition (English first), else a concept-level definition."""
    notes = [
        _text(note)
        for note in _children(concept, "note")
        if _text(note) and not _text(note).startswith(SENSE_NOTE)
    ]
    note = "; ".join(notes) or definitions.get("en") or definitions.get("ko")
    return note or next(iter(_descriptions(concept, "definition")), None)


def _descriptions(element, kind: str) -> list[str]:
    """Texts of <descrip type=kind> directly under element or in its descripGrp."""
    found = []
    for child in element:
        if _local(child.tag) == "descripGrp":
            found.extend(_descriptions(child, kind))
        elif _local(child.tag) == "descrip" and child.get("type") == kind and _text(child):
            found.append(_text(child))
    return found


def _term_notes(term_section) -> dict[str, str]:
    """The term notes of a term section: type -> text (termNote type=X, or DCT style <X>)."""
    values = {}
    for element in term_section.iter():
        tag = _local(element.tag)
        if tag == "termNote":
            values[element.get("type")] = _text(element)
        elif tag in ("administrativeStatus", "termType", "partOfSpeech", "grammaticalNumber"):
            values[tag] = _text(element)
    return values


def _form(values: dict[str, str], term_section) -> str | None:
    """Which form a term section's marks make its term (FORM_OF_MARK, TITLE_NOTE), if any."""
    for kind, value in values.items():
        form = FORM_OF_MARK.get(str(kind).lower(), {}).get(value.replace(" ", "").lower())
        if form:
            return form
    notes = (_text(note).lower() for note in _children(term_section, "note"))
    return "title" if any(note.startswith("title") for note in notes) else None


def _status(values: dict[str, str]) -> str:
    """What a term section's notes say of its term: "preferred", "variant", "rejected" or ""."""
    status = values.get("administrativeStatus", "").lower()
    if status.startswith(REJECTED_STATUSES):
        return "rejected"
    if status.startswith("preferred"):
        return "preferred"
    if values.get("termType") == "variant" or status.startswith("admitted"):
        return "variant"
    return ""


def _headword(found: list[tuple[str, str]], keep_rejected: bool) -> tuple[str, list[str]]:
    """The preferred term (else the first usable one) and the rest as variants."""
    usable = [(text, status) for text, status in found if status != "rejected"] or found
    headword = next((text for text, status in usable if status == "preferred"), None)
    if headword is None:
        headword = next((text for text, status in usable if status != "variant"), usable[0][0])
    rest = found if keep_rejected else usable
    variants = [text for text, _ in rest if text != headword]
    return headword, list(dict.fromkeys(variants))
