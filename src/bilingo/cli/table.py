"""Tables for reading, laid out here as tabulate lays them out, without importing tabulate.

Importing tabulate takes about 30 ms (it asks importlib.metadata for its own
version and loads wcwidth's tables), more than the rest of a warm `bilingo
lookup`, which prints one small table. `simple_table` draws exactly what
`tabulate(rows, headers, tablefmt="simple", disable_numparse=True,
maxcolwidths=widths)` draws (tabulate 0.10: padding, wrapping of long cells,
wide Hangul and CJK characters, multi-line rows) for the cells whose terminal
width is certain: ASCII, Latin letters, common punctuation, Hangul syllables
and CJK ideographs. Any other cell (control characters, combining marks,
emoji, other scripts), a cell tabulate would read as a number or a boolean in
a wrapped column, or a table without rows returns None: the caller then asks
tabulate itself.
"""

from __future__ import annotations

import textwrap

# A wrapped cell tabulate would first convert (a number, "True", "1,000"): left to tabulate.
NUMBER_CHARACTERS = frozenset("-+0123456789.,_eE \t\n\r\f\v")

PADDING = 2  # tabulate's MIN_PADDING: a header is padded by two columns at least
SEPARATOR = "  "  # the "simple" format's column separator


def plain(text: str) -> bool:
    """Whether every character's terminal width is certain (1, or 2 for Hangul syllables
    and CJK ideographs, as wcwidth and so tabulate count it), and none is one that
    str.strip, str.splitlines or textwrap treat as anything but a letter or punctuation;
    newline separates lines."""
    if text.isascii():
        return text.isprintable() or text.replace("\n", "").isprintable()
    return all(_plain_character(c) for c in text)


def _plain_character(c: str) -> bool:
    return (
        " " <= c <= "~"
        or c == "\n"
        or ("\xa1" <= c <= "\u017f" and c != "\xad")  # Latin letters, signs; not the soft hyphen
        or "\u2010" <= c <= "\u2027"  # dashes, quotes, bullets, ellipsis
        or "\u2030" <= c <= "\u205e"  # per mille, primes, more punctuation
        or _wide(c)
    )


def _wide(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3" or "\u4e00" <= c <= "\u9fff"  # Hangul, CJK ideographs


def width(text: str) -> int:
    """Terminal columns of a single line of plain text."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_wide, text))


def _number_like(cell: str) -> bool:
    stripped = cell.strip()
    return stripped in ("True", "False") or set(stripped) <= NUMBER_CHARACTERS or _is_float(cell)


def simple_table(
    rows: list[list[str]], headers: list[str], maxcolwidths: list[int | None]
) -> str | None:
    """The table tabulate's "simple" format draws, or None when tabulate must draw it."""
    if not rows or not all(plain(cell) and "\n" not in cell for cell in headers):
        return None
    if not all(plain(cell) for row in rows for cell in row):
        return None
    wrapped = []
    for row in rows:
        cells = []
        for cell, limit in zip(row, [*maxcolwidths, *[None] * len(row)], strict=False):
            if limit is None or cell == "":
                cells.append(cell)
            elif _number_like(cell):
                return None
            else:
                cells.append(_wrap(cell, limit))
        wrapped.append(cells)
    multiline = any("\n" in cell for row in wrapped for cell in row)
    columns = [
        _aligned([row[i] for row in wrapped], headers[i], multiline) for i in range(len(headers))
    ]
    widths = [column_width for column_width, _ in columns]
    lines = _row_lines(
        [_pad(header, column_width) for header, column_width in zip(headers, widths, strict=True)],
        widths,
    )
    lines.append(SEPARATOR.join("-" * column_width for column_width in widths).rstrip())
    for cells in zip(*(cells for _, cells in columns), strict=True):
        lines.extend(_row_lines(list(cells), widths))
    return "\n".join(lines)


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _aligned(cells: list[str], header: str, multiline: bool) -> tuple[int, list[str]]:
    """A column's width and its cells padded to it (left-aligned, stripped, as tabulate does)."""
    cells = [cell.strip() for cell in cells]
    widest = max((width(line) for cell in cells for line in cell.split("\n")), default=0)
    column_width = max(widest, width(header) + PADDING)
    if multiline:
        # tabulate pads each line of a multi-line cell; an empty cell stays empty
        padded = [
            "\n".join(_pad(line, column_width) for line in cell.splitlines()) for cell in cells
        ]
    else:
        padded = [_pad(cell, column_width) for cell in cells]
    return column_width, padded


def _pad(text: str, column_width: int) -> str:
    return text + " " * (column_width - width(text))


def _row_lines(cells: list[str], widths: list[int]) -> list[str]:
    """One table row as printed lines: a multi-line cell makes the row taller."""
    cell_lines = [cell.splitlines() for cell in cells]
    height = max(len(lines) for lines in cell_lines)
    cell_lines = [
        lines + [" " * column_width] * (height - len(lines))
        for lines, column_width in zip(cell_lines, widths, strict=True)
    ]
    return [SEPARATOR.join(lines[i] for lines in cell_lines).rstrip() for i in range(height)]


def _wrap(cell: str, limit: int) -> str:
    """A long cell wrapped to `limit` columns, as tabulate's wrapper does (blank lines dropped)."""
    wrapper = _Wrapper(width=limit)
    return "\n".join(
        "\n".join(wrapper.wrap(line)) for line in cell.splitlines() if line.strip() != ""
    )


class _Wrapper(textwrap.TextWrapper):
    """textwrap counting terminal columns, the way tabulate's own wrapper does.

    Its two methods follow tabulate's _CustomTextWrap (itself CPython's
    textwrap with widths in columns), without the parts for colour codes and
    max_lines, which plain cells and this use never have.
    """

    _len = staticmethod(width)

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words and space_left > 0:
            chunk = reversed_chunks[-1]
            i = 1
            while i <= len(chunk) and self._len(chunk[:i]) <= space_left:
                i += 1
            cur_line.append(chunk[: i - 1])
            reversed_chunks[-1] = chunk[i - 1 :]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            line_width = self.width - self._len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                chunk_len = self._len(chunks[-1])
                if cur_len + chunk_len <= line_width:
                    cur_line.append(chunks.pop())
                    cur_len += chunk_len
                else:
                    break
            if chunks and self._len(chunks[-1]) > line_width:
                self._handle_long_word(chunks, cur_line, cur_len, line_width)
                cur_len = sum(map(self._len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= self._len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                lines.append(indent + "".join(cur_line))
        return lines
