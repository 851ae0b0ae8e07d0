"""Characters that look like the ones a document number is written with, but are not.

A number copied from a PDF, typed with a Russian or Greek keyboard layout, or converted
from a legacy code page can hold a character that looks right and is not: "Ð" (U+00D0,
the Icelandic eth; Windows-1252 puts it where Windows-1258 puts "Đ"), a Cyrillic "С", a
fullwidth "／", an en dash from a word processor. The clerk cannot see the difference, so
the schema finding must name the character, its code point and what to type instead.

One table, `LOOKALIKES`: character → what it stands for and what it is, in both languages.

Names of persons and bodies are held to the same standard for their letters: a Cyrillic
"А" in "Nguyễn Văn Аn" makes a second person of the same man in a vote tally, and a
comparison of body names fails on it. `NAME_FOREIGN_PATTERN` is the character class a name
may not contain (the letters of the table, and the whole Greek, Cyrillic and fullwidth
blocks: none of them is written in Vietnamese), and `foreign()` names each occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LookAlike:
    """`char` looks like `intended`; `vi` and `en` say what `char` really is."""

    char: str
    intended: str
    vi: str
    en: str

    @property
    def code(self) -> str:
        return code_point(self.char)

    @property
    def intended_code(self) -> str:
        return code_point(self.intended)


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def _same_shape(chars: str, intended: str, vi: str, en: str) -> dict[str, LookAlike]:
    """One family of look-alikes: chars[i] looks like intended[i]."""
    return {c: LookAlike(c, i, vi, en) for c, i in zip(chars, intended, strict=True)}


_FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))  # ！ … ～

LOOKALIKES: dict[str, LookAlike] = {
    # Đ and đ (escaped: Ð and Đ cannot be told apart in most fonts)
    **_same_shape("\u00d0", "\u0110", "chữ eth của tiếng Iceland", "the Icelandic letter eth"),
    **_same_shape("\u00f0", "\u0111", "chữ eth thường của tiếng Iceland",
                  "the Icelandic small letter eth"),
    **_same_shape("\u0189", "\u0110", "chữ D châu Phi", "the African letter D"),
    # Cyrillic letters shaped like Latin ones
    **_same_shape("АВЕКМНОРСТХУІЈЅҮԚԜаеорсухіјѕһԁԛԝ",
                  "ABEKMHOPCTXYIJSYQWaeopcyxijshdqw",
                  "chữ cái Kirin", "a Cyrillic letter"),
    # Greek letters shaped like Latin ones
    **_same_shape("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρυ",
                  "ABEZHIKMNOPTYXoikvpu",
                  "chữ cái Hy Lạp", "a Greek letter"),
    # fullwidth forms of ASCII, from East Asian input methods
    **_same_shape(_FULLWIDTH, "".join(chr(ord(c) - 0xFEE0) for c in _FULLWIDTH),
                  "ký tự toàn độ rộng của bộ gõ Đông Á", "a fullwidth form"),
    # dashes and slashes a word processor substitutes (escaped: they look alike here too)
    **_same_shape("\u2010", "-", "dấu gạch nối Unicode", "the Unicode hyphen"),
    **_same_shape("\u2011", "-", "dấu gạch nối không ngắt dòng", "a non-breaking hyphen"),
    **_same_shape("\u2012", "-", "dấu gạch ngang số", "a figure dash"),
    **_same_shape("\u2013", "-", "dấu gạch ngang vừa", "an en dash"),
    **_same_shape("\u2014", "-", "dấu gạch ngang dài", "an em dash"),
    **_same_shape("\u2212", "-", "dấu trừ", "the minus sign"),
    **_same_shape("\u2044", "/", "dấu gạch phân số", "the fraction slash"),
    **_same_shape("\u2215", "/", "dấu gạch chia", "the division slash"),
}


def lookalikes(text: str) -> list[LookAlike]:
    """The look-alike characters in text, each once, in order of first appearance."""
    found = dict.fromkeys(c for c in text if c in LOOKALIKES)
    return [LOOKALIKES[c] for c in found]


def respell(text: str) -> str:
    """text with every look-alike replaced by the character it stands for."""
    return "".join(LOOKALIKES[c].intended if c in LOOKALIKES else c for c in text)


# The scripts a Vietnamese name is never written in, as (first, last) code points with
# what they are; the look-alikes of LOOKALIKES that are letters are added to them.
_FOREIGN_BLOCKS: tuple[tuple[int, int, str, str], ...] = (
    (0x0370, 0x03FF, "chữ cái Hy Lạp", "a Greek letter"),
    (0x0400, 0x052F, "chữ cái Kirin", "a Cyrillic letter"),
    (0xFF01, 0xFF5E, "ký tự toàn độ rộng của bộ gõ Đông Á", "a fullwidth form"),
)
_FOREIGN_LETTERS = "".join(c for c, la in LOOKALIKES.items()
                           if la.intended.isalnum() and not any(
                               lo <= ord(c) <= hi for lo, hi, _, _ in _FOREIGN_BLOCKS))
NAME_FOREIGN_PATTERN = "[" + "".join(f"\\u{ord(c):04x}" for c in _FOREIGN_LETTERS) + "".join(
    f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi, _, _ in _FOREIGN_BLOCKS) + "]"


@dataclass(frozen=True)
class Foreign:
    """A character of a name that is not written in Vietnamese, at `index` (1-based)."""

    index: int
    char: str
    intended: str | None  # the letter it looks like, if it looks like one
    vi: str
    en: str

    @property
    def code(self) -> str:
        return code_point(self.char)


def foreign(text: str) -> list[Foreign]:
    """Every character of text that a name may not contain, in order."""
    out: list[Foreign] = []
    for i, c in enumerate(text, 1):
        la = LOOKALIKES.get(c)
        if c in _FOREIGN_LETTERS and la is not None:
            out.append(Foreign(i, c, la.intended, la.vi, la.en))
            continue
        block = next((b for b in _FOREIGN_BLOCKS if b[0] <= ord(c) <= b[1]), None)
        if block is not None:
            intended = la.intended if la is not None else None
            out.append(Foreign(i, c, intended, block[2], block[3]))
    return out
