"""Vietnamese text comparison: NFC normalisation, case folding and whitespace collapsing.

Case files come from Word, web forms and other systems; the same name may arrive in
precomposed (NFC) or decomposed (NFD) Unicode, with doubled spaces or different case.
Two names are the same person or body when their keys are equal.

Also the layout of text for a terminal, without rich (which only the text reporter and
the rule-base views import): the width to lay out at, and wrapping with hanging indents
that counts terminal columns and never breaks a path, a URL or a rule id.
"""

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from checker.lookalike import LOOKALIKES

# Look-alike letters compare as the letter they imitate (a Cyrillic "А" as "A"): the
# schema already refuses them in names, and a comparison must not be the place where
# one slips through as a different person.
_RESPELL = str.maketrans({c: la.intended for c, la in LOOKALIKES.items()
                          if la.intended.isalnum()})

# The five Vietnamese tone marks as combining characters. Where a tone mark sits in a
# syllable differs between the old and the new spelling conventions ("Uỷ ban" / "Ủy ban",
# "hoà" / "hòa"); both are in everyday use, so comparison ignores its position.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _syllable(word: str) -> str:
    letters = "".join(ch for ch in word if ch not in _TONES)
    tones = "".join(sorted(ch for ch in word if ch in _TONES))
    return letters + tones


# The same names recur within a case (a nominee in every round and ballot) and across
# the files of a run: each is normalised once. Bounded, so that a run over many files
# with many names does not grow without limit.
@lru_cache(maxsize=8192)
def key(s: str) -> str:
    """Comparison key: Unicode-normalised, case-folded, whitespace collapsed, and with
    each syllable's tone mark moved to a fixed place, so that NFC and NFD text and the
    old and new tone placements compare equal; different words stay different."""
    decomposed = unicodedata.normalize("NFD", s.translate(_RESPELL).casefold())
    return " ".join(_syllable(w) for w in decomposed.split())


def same(a: str, b: str) -> bool:
    return key(a) == key(b)


def _escape_char(ch: str) -> str:
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def printable(s: str) -> str:
    """s with control and format characters shown as \\uXXXX escapes: a key or a name
    from a case file must not move the terminal's cursor, reorder text (bidirectional
    overrides) or make XML ill-formed. Letters, marks and spaces are left alone."""
    if s.isprintable():
        return s
    return "".join(
        ch if ch.isprintable() or ch == " " else _escape_char(ch) for ch in s
    )


# --- layout for the terminal: width and wrapping with hanging indents ----------------------

DEFAULT_WIDTH = 80  # when the output is not a terminal and COLUMNS is not set
MIN_WIDTH = 20  # below this a hanging indent leaves no room; narrower widths are raised


def terminal_width(stream: object, environ: Mapping[str, str]) -> int:
    """The width text output is laid out at: COLUMNS when it holds a positive number (as
    for rich, click and the shells), else the width of `stream` when it is a terminal,
    else 80. Unlike rich, the terminal on stdin or stderr is never asked: output that is
    piped or written to a file has the same bytes whatever window the command ran in."""
    columns = environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    isatty = getattr(stream, "isatty", None)
    fileno = getattr(stream, "fileno", None)
    try:
        if isatty is not None and fileno is not None and isatty():
            size = os.get_terminal_size(fileno()).columns
            if size > 0:
                return max(MIN_WIDTH, size)
    except (OSError, ValueError):  # not a real file (a test's buffer), or closed
        pass
    return DEFAULT_WIDTH


# Characters that take one column each: Latin with its extensions below U+0300 (where the
# combining marks begin) and the precomposed Vietnamese letters (Latin Extended
# Additional); none is combining, wide or full-width. Most text is only these.
_ONE_COLUMN = re.compile("[\x00-\u02ff\u1e00-\u1eff]*")


def cell_width(s: str) -> int:
    """Columns s takes on a terminal: combining marks take none (a decomposed "ệ" is
    one column), wide and full-width characters (CJK) take two."""
    if _ONE_COLUMN.fullmatch(s):
        return len(s)
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
               for ch in s)


def wrap(atoms: Sequence[str], width: int, *, first: int = 0,
         indent: int = 0) -> list[tuple[int, int]]:
    """Greedy filling of atoms (words, or anything that must not be split) into lines of
    at most `width` columns, one space between atoms; the first line starts after `first`
    columns, the others after `indent` (a hanging indent). Returns each line as the
    (start, stop) slice of `atoms` it holds. An atom wider than its line's room (a long
    path or URL) stands alone on its line and is never broken."""
    lines: list[tuple[int, int]] = []
    start, used = 0, first
    # Most text is one column per character: then measured once for all the atoms.
    one_column = _ONE_COLUMN.fullmatch("".join(atoms)) is not None
    for i, atom in enumerate(atoms):
        w = len(atom) if one_column else cell_width(atom)
        if i > start and used + 1 + w > width:
            lines.append((start, i))
            start, used = i, indent + w
        else:
            used += w + (1 if i > start else 0)
    if start < len(atoms):
        lines.append((start, len(atoms)))
    return lines


def words(s: str) -> list[str]:
    """The atoms of a sentence for wrap(): split at spaces (runs of spaces count as one),
    except before a number, which stays with the word before it when that is a word
    ("Điều 33", "khoản 2", "ngày 17/08/2026", "Article 34"), so that a line seldom
    starts with a bare number. Pairs only: a list of numbers still wraps."""
    atoms: list[str] = []
    for w in s.split(" "):
        if not w:
            continue
        if atoms and w[0].isdigit() and " " not in atoms[-1] and atoms[-1][-1].isalpha():
            atoms[-1] += " " + w
        else:
            atoms.append(w)
    return atoms


def wrap_text(s: str, width: int, *, first: str = "", indent: str = "") -> list[str]:
    """s wrapped at `width` columns: the first line begins with `first`, the others with
    `indent`. Always at least one line."""
    atoms = words(s)
    spans = wrap(atoms, width, first=cell_width(first), indent=cell_width(indent))
    if not spans:
        return [first.rstrip()]
    return [(first if n == 0 else indent) + " ".join(atoms[a:b])
            for n, (a, b) in enumerate(spans)]
