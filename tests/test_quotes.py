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

from checker.rules.pack import builtin_packs

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


def quotes() -> list[tuple[str, str, str]]:
    out = []
    for p in builtin_packs():
        for r in p.rules:
            for c in r.cites:
                if c.quote:
                    src = c.amended_by.source if c.amended_by else c.source
                    out.append((f"{r.id}-v{r.version}", src, c.quote))
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
