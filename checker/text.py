"""Vietnamese text comparison: NFC normalisation, case folding and whitespace collapsing.

Case files come from Word, web forms and other systems; the same name may arrive in
precomposed (NFC) or decomposed (NFD) Unicode, with doubled spaces or different case.
Two names are the same person or body when their keys are equal.
"""

import unicodedata


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def key(s: str) -> str:
    """Comparison key: NFC, case-folded, inner whitespace collapsed, ends stripped."""
    return " ".join(nfc(s).casefold().split())


def same(a: str, b: str) -> bool:
    return key(a) == key(b)
