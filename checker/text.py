"""Vietnamese text comparison: NFC normalisation, case folding and whitespace collapsing.

Case files come from Word, web forms and other systems; the same name may arrive in
precomposed (NFC) or decomposed (NFD) Unicode, with doubled spaces or different case.
Two names are the same person or body when their keys are equal.
"""

import unicodedata

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
