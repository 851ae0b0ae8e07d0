"""Every quote in the built-in packs is verbatim from the text it cites.

The full texts are not part of the project (it cites them by number); they are read from
the folder named by CHECKER_LEGAL_TEXTS, or from ../shared/legal/texts beside the
repository where the project's legal research keeps them. Without that folder the test
is skipped and says so. An article as amended (`amended_by`) is quoted from the amending
text, since that is where its new wording is printed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from _support import ROOT

from checker.rules.pack import Cite, builtin_packs

TEXTS = {
    "nd-170-2025": "nd-170-2025-ND-CP.md",
    "nd-300-2026": "nd-300-2026-ND-CP.md",
    "hd-45-2025": "hd-45-HD-BTCTW-2025.md",
    "luat-80-2025": "luat-80-2025-QH15-can-bo-cong-chuc.md",
}


def texts_folder() -> Path | None:
    env = os.environ.get("CHECKER_LEGAL_TEXTS")
    folder = Path(env) if env else ROOT.parent / "shared" / "legal" / "texts"
    return folder if folder.is_dir() else None


def norm(s: str) -> str:
    """Compare as a reader would: NFC, markdown emphasis and line breaks ignored,
    typographic quotes and spacing collapsed."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("*", "").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip()


@cache
def text(source: str) -> str | None:
    folder = texts_folder()
    if folder is None or source not in TEXTS or not (folder / TEXTS[source]).is_file():
        return None
    return norm((folder / TEXTS[source]).read_text("utf-8"))


def cites() -> list[tuple[str, Cite]]:
    """Every citation of the built-in packs, with a label: the rules' and the covers'
    transitional provisions."""
    out = []
    for p in builtin_packs():
        for r in p.rules:
            out += [(f"{r.id}-v{r.version}", c) for c in r.cites]
        for i, cov in enumerate(p.covers):
            if cov.transition is not None:
                out.append((f"{p.id}-cover{i}-transition", cov.transition))
    return out


def quotes() -> list[tuple[str, str, str]]:
    out = []
    for label, c in cites():
        if c.quote:
            src = c.amended_by.source if c.amended_by else c.source
            out.append((label, src, c.quote))
    return out


QUOTES = quotes()


@pytest.mark.parametrize(("rule", "source", "quote"), QUOTES,
                         ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(QUOTES)])
def test_quote_is_verbatim(rule: str, source: str, quote: str) -> None:
    if texts_folder() is None:
        pytest.skip("the legal texts are not here (set CHECKER_LEGAL_TEXTS)")
    body = text(source)
    if body is None:
        pytest.skip(f"no full text of {source} is kept")
    assert norm(quote) in body, f"{rule}: quote not found verbatim in {source}: {quote!r}"


ARTICLE = re.compile(r"^(?:#+\s*|\*\*)?Điều (\d+)[a-z]?\.", re.M)


@cache
def articles(source: str) -> dict[int, str] | None:
    """The text of each article of a decree or law, by number (an article quoted inside an
    amending article, which opens with a quotation mark, stays part of its amending one)."""
    folder = texts_folder()
    if folder is None or source not in TEXTS or not (folder / TEXTS[source]).is_file():
        return None
    raw = unicodedata.normalize("NFC", (folder / TEXTS[source]).read_text("utf-8"))
    heads = list(ARTICLE.finditer(raw))
    if not heads:
        return None  # a guidance text cited by section, not by article
    out: dict[int, str] = {}
    for m, nxt in zip(heads, [*heads[1:], None], strict=True):
        out.setdefault(int(m.group(1)), norm(raw[m.start():nxt.start() if nxt else None]))
    return out


def placed_quotes() -> list[tuple[str, str, int, str]]:
    out = []
    for label, c in cites():
        where = c.amended_by or c
        if c.quote and where.article is not None:
            out.append((label, where.source, where.article, c.quote))
    return out


PLACED = placed_quotes()


@pytest.mark.parametrize(("rule", "source", "article", "quote"), PLACED,
                         ids=[f"{r}-{i}" for i, (r, _, _, _) in enumerate(PLACED)])
def test_quote_is_in_the_article_cited(rule: str, source: str, article: int,
                                       quote: str) -> None:
    """Verbatim is not enough: the words must stand in the article the citation names (in
    the amending article for an article as amended)."""
    if texts_folder() is None:
        pytest.skip("the legal texts are not here (set CHECKER_LEGAL_TEXTS)")
    by_number = articles(source)
    if by_number is None:
        pytest.skip(f"{source} is not kept, or is not divided into articles")
    assert article in by_number, f"{rule}: {source} has no Điều {article}"
    assert norm(quote) in by_number[article], \
        f"{rule}: quote not in Điều {article} of {source}: {quote!r}"


CLAUSE = re.compile(r"^(\d+)\.\s", re.M)
POINT = re.compile(r"^([a-zđ])\)\s", re.M)
REWRITTEN = re.compile(r"^[“\"]Điều (\d+)[a-z]?\.", re.M)


@cache
def raw_articles(source: str) -> dict[int, str] | None:
    """Like `articles`, with the lines kept (clauses and points start lines)."""
    folder = texts_folder()
    if folder is None or source not in TEXTS or not (folder / TEXTS[source]).is_file():
        return None
    raw = unicodedata.normalize("NFC", (folder / TEXTS[source]).read_text("utf-8"))
    heads = list(ARTICLE.finditer(raw))
    if not heads:
        return None
    out: dict[int, str] = {}
    for m, nxt in zip(heads, [*heads[1:], None], strict=True):
        out.setdefault(int(m.group(1)), raw[m.start():nxt.start() if nxt else None])
    return out


def _part(text: str, pattern: re.Pattern[str], label: str) -> str | None:
    """The part of `text` numbered `label` (a clause "2." or a point "b)"), up to the next
    one of the same kind; None when it has no such part."""
    heads = [m for m in pattern.finditer(text)]
    for m, nxt in zip(heads, [*heads[1:], None], strict=False):
        if m.group(1) == label:
            return text[m.start():nxt.start() if nxt else None]
    return None


def clause_quotes() -> list[tuple[str, str, str, int, str | None, str]]:
    """(label, source, where, article, clause, point, quote) for each quote whose citation
    names a clause of the article that holds it: the cited article itself, or, for an
    article as amended, the amending article when it rewrites the article whole (its
    clauses are then the amended article's); an amending article that rewrites only some
    clauses is checked at article level only."""
    out = []
    for label, c in cites():
        if not c.quote or c.clause is None or c.article is None:
            continue
        if c.amended_by is None:
            out.append((label, c.source, "", c.article, c.clause, c.point, c.quote))
        elif c.amended_by.article is not None:
            out.append((label, c.amended_by.source, f"{c.amended_by.article}",
                        c.article, c.clause, c.point, c.quote))
    return out


CLAUSES = clause_quotes()


@pytest.mark.parametrize(("rule", "source", "amending", "article", "clause", "point", "quote"),
                         CLAUSES, ids=[f"{r[0]}-{i}" for i, r in enumerate(CLAUSES)])
def test_quote_is_in_the_clause_and_point_cited(rule: str, source: str, amending: str,
                                                article: int, clause: int, point: str | None,
                                                quote: str) -> None:
    """The words stand in the clause (khoản) and the point (điểm) the citation names."""
    if texts_folder() is None:
        pytest.skip("the legal texts are not here (set CHECKER_LEGAL_TEXTS)")
    by_number = raw_articles(source)
    if by_number is None:
        pytest.skip(f"{source} is not kept, or is not divided into articles")
    text = by_number[int(amending)] if amending else by_number[article]
    if amending:
        m = REWRITTEN.search(text)
        if m is None or int(m.group(1)) != article:
            pytest.skip(f"Điều {amending} of {source} rewrites parts of Điều {article} only")
        text = text[m.start():]
    where = f"khoản {clause} Điều {article}" + (f" (Điều {amending} of {source})"
                                                 if amending else f" of {source}")
    part = _part(text, CLAUSE, str(clause))
    assert part is not None, f"{rule}: no {where}"
    if point is not None:
        part = _part(part, POINT, point)
        assert part is not None, f"{rule}: no điểm {point} {where}"
        where = f"điểm {point} {where}"
    assert norm(quote) in norm(part), f"{rule}: quote not in {where}: {quote!r}"
