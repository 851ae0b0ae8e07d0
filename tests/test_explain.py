"""`checker explain RULE` for every rule, in both languages, against a golden file:
the explanation quotes the deciding phrase and cites document, article, clause and point
(or a guidance document's section), with the confidence of each source.

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_explain.py

writes the golden files; review the diff before committing.
"""

from __future__ import annotations

import io
import os

import pytest
from _support import GOLDEN, LANGS

from checker.describe import explain_rule
from checker.i18n import Lang
from checker.rules.pack import builtin_packs, citation
from checker.sources import catalog

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
RULES = sorted({r.id for p in builtin_packs() for r in p.rules})
FOLDER = GOLDEN / "explain"


def explain(rule_id: str, lang: Lang) -> str:
    out = io.StringIO()
    assert explain_rule(builtin_packs(), rule_id, lang, out)
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule_id", RULES)
def test_explanation_matches_its_golden_file(rule_id: str, lang: Lang) -> None:
    path = FOLDER / f"{rule_id}.{lang}.txt"
    actual = explain(rule_id, lang)
    if UPDATE:
        FOLDER.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text("utf-8") != actual:
            path.write_text(actual, "utf-8")
        return
    assert path.exists(), (f"tests/golden/explain/{path.name} is missing; create it with "
                           "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_explain.py")
    assert actual == path.read_text("utf-8"), (
        f"`checker explain {rule_id} --lang {lang}` differs from tests/golden/explain/"
        f"{path.name}; if intended, regenerate with UPDATE_GOLDEN=1 and review the diff")


def test_no_stray_golden_explanations() -> None:
    """A retired rule keeps its id in the packs; a golden file for no rule is a leftover."""
    known = {f"{r}.{lang}.txt" for r in RULES for lang in LANGS}
    stray = sorted(p.name for p in FOLDER.glob("*.txt") if p.name not in known)
    assert stray == []


@pytest.mark.parametrize("rule_id", RULES)
def test_explanation_cites_every_source_and_its_confidence(rule_id: str) -> None:
    cat = catalog()
    text = " ".join(explain(rule_id, "vi").split())
    for p in builtin_packs():
        for r in p.rules:
            if r.id != rule_id:
                continue
            for c in r.cites:
                cit = citation(c, cat)
                assert cit.label("vi") in text
                if cit.quote:
                    assert " ".join(cit.quote.split()) in text


@pytest.mark.parametrize("rule_id", RULES)
def test_every_version_quotes_its_deciding_phrase(rule_id: str) -> None:
    """Each version quotes, verbatim, the phrase of a text we hold that decides it.
    Where no text is held (a Party regulation known only through summaries) the rule
    is a warning, and its explanation says where its wording comes from."""
    for p in builtin_packs():
        for r in p.rules:
            if r.id == rule_id and not any(c.quote for c in r.cites):
                assert str(r.severity) != "error", f"{rule_id} v{r.version}: no quote"


@pytest.mark.parametrize("lang", LANGS)
def test_a_citation_without_a_quote_says_so(lang: Lang) -> None:
    """Issue 13, point 4: each citation shows the pack's verbatim text; one the pack does
    not quote says that it does not, once per such citation."""
    from checker.i18n import html_text

    note = html_text("no-quote", lang)
    for rule_id in ("PARTY-AGE", "FREEZE-KL128", "APPT-QUORUM"):
        text = " ".join(explain(rule_id, lang).split())
        unquoted = sum(1 for p in builtin_packs() for r in p.rules if r.id == rule_id
                       for c in r.cites if not c.quote)
        assert text.count(note) == unquoted
    assert text.count("«") >= 1  # APPT-QUORUM quotes its article
