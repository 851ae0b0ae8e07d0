"""The HTML report (issue 13, points 3 and 4): the view it draws (checker.htmlview) for
the bundled examples, its bars at their thresholds, every procedure rendered as valid
HTML in both languages, --output and its guards, and the page in a real browser.

The browser tests run Debian's chromium headless (`make test` installs it when
/usr/bin/chromium is missing): its DOM must equal tests/golden/html/*.dom.html exactly;
its screenshot is compared with tests/golden/html/*.png within a tolerance (fonts and
anti-aliasing differ between machines) and checked for what it must show; printed to
PDF every page is A4, and at the width of an A4 page's text nothing overflows. Without
chromium these tests fail and say how to install it, unless CHECKER_SKIP_BROWSER=1.

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_html.py

writes the goldens; review them (open the PNG) before committing.
"""

from __future__ import annotations

import collections
import html
import json
import os
import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Any

import html5lib
import pytest
from _support import EXAMPLES, GOLDEN, ROOT, example, run
from click.testing import CliRunner

from checker.cli import main
from checker.htmlview import Bar, CaseView, FindingView, case_view
from checker.i18n import HTML_TEXT, Lang, html_text
from checker.model import validate_case

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
FOLDER = GOLDEN / "html"
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json"))
LANGS: list[Lang] = ["vi", "en"]


# ------------------------------------------------------------------------ helpers


def view(data: dict[str, Any], lang: Lang = "vi", **options: Any) -> CaseView:
    fr = run(data, lang=lang, **options)
    return case_view(1, fr, validate_case(data), data, lang)


def every_finding(v: CaseView) -> list[FindingView]:
    out = [f for e in v.timeline for f in e.findings]
    out += [f for it in v.checklist for f in it.findings]
    return out + list(v.checklist_findings) + list(v.other)


def event(v: CaseView, pointer: str) -> Any:
    (e,) = [e for e in v.timeline if e.pointer == pointer]
    return e


def item(v: CaseView, label: str) -> Any:
    (it,) = [it for it in v.checklist if it.label.lower() == label.lower()]
    return it


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CHECKER_LANG", raising=False)
    return ROOT


def render(args: list[str], tmp: Path, name: str = "report.html",
           input: bytes | None = None) -> tuple[int, str, bytes]:
    out = tmp / name
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "html",
                                       "--output", str(out), *args], input=input,
                                catch_exceptions=False)
    return result.exit_code, result.stderr, out.read_bytes() if out.exists() else b""


def strict_parse(text: str) -> Any:
    """html5lib in strict mode raises on the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def compare(path: Path, actual: bytes) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != actual:
            path.write_bytes(actual)
        return
    assert path.exists(), (f"tests/golden/html/{path.name} is missing; create it with "
                           "UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_html.py")
    assert actual == path.read_bytes(), (
        f"output differs from tests/golden/html/{path.name}; if intended, regenerate with "
        "UPDATE_GOLDEN=1 and review the diff")


# ------------------------------------------------------------------------ the view


def test_the_example_with_violations_on_its_timeline() -> None:
    v = view(example("violations"))
    days = [e.date for e in v.timeline]
    assert days == sorted(days)
    assert [e.pointer for e in v.timeline] == [
        "/policy/request/date", "/policy/approval/date", "/steps/0/date", "/steps/1/date",
        "/steps/2/date", "/steps/3/date", "/political_standard_conclusion/document/date",
        "/steps/4/date", "/dossier/submitted_on", "/consultations/0/answer/date",
        "/decision/document/date"]
    # The policy decision came after its deadline of 15 working days (NĐ 170 Điều 33 k1 b).
    (late,) = event(v, "/policy/approval/date").deadlines
    assert (late.rule, late.due, late.actual, late.met) == (
        "APPT-POLICY-DEADLINE", "2025-08-11", "2025-08-15", False)
    assert event(v, "/policy/approval/date").status == "warning"
    # Step 2: 5 of 9 present, under 2/3; its finding stands beside it.
    step2 = event(v, "/steps/1/date")
    assert step2.meeting.quorum == Bar("Có mặt", 5, 9, Fraction(2, 3))
    assert step2.meeting.quorum.passed is False
    assert [f.rule for f in step2.findings] == ["APPT-QUORUM"]
    assert step2.findings[0].cites[0].quote == (
        "các hội nghị chỉ được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt")
    # Step 5: the candidate has 1 of 3, not over half of those summoned.
    votes = {b.label: b for b in event(v, "/steps/4/date").meeting.votes}
    assert (votes["Phạm Đức Long"].value, votes["Phạm Đức Long"].total) == (1, 3)
    assert votes["Phạm Đức Long"].threshold == Fraction(1, 2)
    assert votes["Phạm Đức Long"].passed is False
    assert votes["Lê Quốc Bảo"].passed is True
    assert event(v, "/steps/0/date").status == "ok"
    # The dossier: the health certificate too old, the residence evaluation missing.
    assert item(v, "Giấy chứng nhận sức khỏe").status == "too_old"
    assert [f.rule for f in item(v, "Giấy chứng nhận sức khỏe").findings] == [
        "APPT-HEALTH-CERT-AGE"]
    missing = item(v, "Nhận xét của chi ủy nơi cư trú")
    assert missing.status == "missing"
    assert [f.rule for f in missing.findings] == ["APPT-DOSSIER-RESIDENCE"]
    assert item(v, "Sơ yếu lý lịch").status == "present"
    # Findings about no step (the candidate's time in post, the chair) are listed apart.
    assert {f.rule for f in v.other} == {"PARTY-TIME-IN-POST", "APPT-SUPERIOR-PRESIDES"}


def test_the_clean_example_has_every_deadline_met_and_every_item_present() -> None:
    v = view(example("clean"))
    assert every_finding(v) == []
    deadlines = [d for e in v.timeline for d in e.deadlines]
    assert deadlines and all(d.met is True for d in deadlines)
    assert {e.status for e in v.timeline} == {"ok"}
    assert v.checklist and {it.status for it in v.checklist} <= {"present", "elsewhere"}
    bars = [b for e in v.timeline if e.meeting for b in
            ([e.meeting.quorum] if e.meeting.quorum else []) + list(e.meeting.votes)
            if b.threshold is not None]
    assert bars and all(b.passed is not False for b in bars if b.label in (
        "Có mặt", "Phạm Đức Long"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_finding_is_shown_once(name: str, lang: Lang) -> None:
    """Whatever the procedure, each finding is beside one part of the case, or listed
    apart: none is lost, none shown twice."""
    data = example(name)
    fr = run(data, lang=lang)
    v = case_view(1, fr, validate_case(data), data, lang)
    shown = collections.Counter((f.rule, f.pointer, f.message) for f in every_finding(v))
    assert shown == collections.Counter((f.rule, f.pointer, f.message) for f in fr.findings)
    assert v.timeline, f"{name}: no timeline"
    assert v.procedure and v.subject
    # Every event is named in the run's language, never by its pointer.
    assert not [e.pointer for e in v.timeline if e.label.startswith("/") or not e.label]


@pytest.mark.parametrize(("present", "passed", "finding"), [
    (5, False, True),  # just below 2/3 of 9
    (6, True, False),  # exactly 2/3: enough
    (7, True, False),  # just above
])
def test_the_quorum_bar_agrees_with_the_rule_at_its_threshold(
        present: int, passed: bool, finding: bool) -> None:
    data = example("violations")
    data["steps"][1]["present"] = present
    v = view(data)
    step2 = event(v, "/steps/1/date")
    assert step2.meeting.quorum.passed is passed
    assert ("APPT-QUORUM" in {f.rule for f in step2.findings}) is finding


@pytest.mark.parametrize(("votes", "total", "passed"), [
    (1, 4, False), (2, 4, False), (3, 4, True),  # "trên 50%": exactly half is not over
])
def test_a_vote_bar_must_be_over_its_threshold(votes: int, total: int, passed: bool) -> None:
    assert Bar("x", votes, total, Fraction(1, 2), strict=True).passed is passed


@pytest.mark.parametrize(("value", "passed"), [(5, False), (6, True), (7, True)])
def test_a_quorum_bar_may_reach_its_threshold(value: int, passed: bool) -> None:
    assert Bar("x", value, 9, Fraction(2, 3)).passed is passed
    assert Bar("x", value, 9).passed is None  # no rule, no line: nothing to pass


def test_a_step_after_its_deadline_is_marked_late_and_on_time_when_moved_back() -> None:
    data = example("violations")
    assert event(view(data), "/policy/approval/date").deadlines[0].met is False
    data["policy"]["approval"]["date"] = "2025-08-11"  # the last day allowed
    (d,) = event(view(data), "/policy/approval/date").deadlines
    assert (d.due, d.met) == ("2025-08-11", True)
    data["policy"]["approval"]["date"] = "2025-08-12"  # a day late
    assert event(view(data), "/policy/approval/date").deadlines[0].met is False


def test_a_collective_decision_draws_each_body_against_its_threshold() -> None:
    """NĐ 170 Điều 53 k2 b: over half of the members of the leadership and of the standing
    committee. The bars sit on the meeting; the finding stays beside it."""
    v = view(example("2026-dismissal-violations"))
    meeting = event(v, "/meeting/date")
    assert [(b.value, b.total, b.threshold, b.strict) for b in meeting.meeting.votes] == [
        (3, 6, Fraction(1, 2), True), (2, 5, Fraction(1, 2), True)]
    assert [b.passed for b in meeting.meeting.votes] == [False, False]  # 50% is not over


def test_a_confidence_vote_is_on_the_timeline_with_its_share() -> None:
    v = view(example("2026-relief"))
    vote = event(v, "/confidence_vote/date")
    ((bar),) = vote.meeting.votes
    assert (bar.value, bar.total, bar.threshold) == (12, 20, Fraction(1, 2))


def test_a_removal_decided_late_is_marked_late() -> None:
    v = view(example("2026-resignation-violations"))
    late = {d.rule: d for e in v.timeline for d in e.deadlines}
    assert any(d.met is False and d.actual == "2026-11-20" for d in late.values())
    ok = view(example("2026-resignation"))
    assert all(d.met is not False for e in ok.timeline for d in e.deadlines)


# ------------------------------------------------------------------------ the page


def test_hostile_files_render_as_valid_html(at_root: Path, tmp_path: Path) -> None:
    """Files that are not cases (broken JSON, wrong encodings, control characters) are
    listed with their findings; the page stays valid and carries no control character."""
    code, err, out = render(["fixtures/hostile/"], tmp_path)
    assert code in (1, 2), err
    text = out.decode("utf-8")
    strict_parse(text)
    assert not [c for c in text if ord(c) < 32 and c not in "\n"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_procedure_renders_as_valid_html_in_the_runs_language(
        at_root: Path, tmp_path: Path, lang: Lang) -> None:
    code, err, out = render(["--lang", lang, "fixtures/examples/"], tmp_path)
    assert err == "" and code == 1
    text = out.decode("utf-8")
    doc = strict_parse(text)
    assert doc.get("lang") == lang
    assert len(doc.findall(".//section")) == len(EXAMPLE_NAMES)
    assert "cannot be read again" not in text and "Không đọc lại" not in text
    # Self-contained: no script, no external resource of any kind.
    assert not re.search(r"<script|<link|<img|<iframe|<object|<embed|src=|url\(|@import", text)
    assert not re.search(r"\{[a-z_]+\}", text), "a placeholder was left unfilled"
    other: Lang = "en" if lang == "vi" else "vi"
    for key in ("timeline", "checklist", "applied"):
        assert html.escape(html_text(key, lang)) in text
        assert html.escape(html_text(key, other)) not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["clean", "violations"])
def test_the_html_report_matches_its_golden(at_root: Path, tmp_path: Path, case: str,
                                            lang: Lang) -> None:
    code, err, out = render(["--lang", lang, f"fixtures/examples/{case}.json"], tmp_path)
    assert err == "" and code == (1 if case == "violations" else 0)
    _, _, again = render(["--lang", lang, f"fixtures/examples/{case}.json"], tmp_path,
                         "again.html")
    assert out == again  # same input, same bytes
    compare(FOLDER / f"check-{case}.{lang}.html", out)


def test_output_replaces_its_own_report_but_never_a_case(at_root: Path,
                                                         tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    shutil.copy(EXAMPLES / "violations.json", case)
    before = case.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "html", "--output",
                                       str(case), "--force", str(case)])
    assert result.exit_code == 2
    assert "case.json" in result.stderr
    assert case.read_bytes() == before  # the checker never writes to a case file
    # Another file that is not a report needs --force; checker's own report does not.
    other = tmp_path / "notes.html"
    other.write_text("<p>mine</p>", "utf-8")
    code, err, _ = render([str(case)], tmp_path, "notes.html")
    assert code == 2 and "notes.html" in err
    assert other.read_text("utf-8") == "<p>mine</p>"
    code, _, first = render([str(case)], tmp_path, "report.html")
    assert code == 1 and first.startswith(b"<!DOCTYPE html>")
    code, err, second = render([str(case)], tmp_path, "report.html")
    assert (code, err, second) == (1, "", first)


def test_a_case_from_standard_input_lists_its_findings(at_root: Path,
                                                       tmp_path: Path) -> None:
    raw = (EXAMPLES / "violations.json").read_bytes()
    code, _, out = render(["-"], tmp_path, input=raw)
    text = out.decode("utf-8")
    strict_parse(text)
    assert code == 1
    assert html_text("no-details", "vi") in text
    assert "APPT-QUORUM" in text and "«các hội nghị chỉ được tiến hành" in text


def test_what_a_case_says_is_text_never_markup(at_root: Path, tmp_path: Path) -> None:
    data = example("violations")
    data["unit"]["name"] = "Vụ <script>alert(1)</script> & \u202e\u0007"
    data["candidate"]["full_name"] = "Phạm <b>Đức</b> Long"
    (tmp_path / "odd.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, _, out = render([str(tmp_path / "odd.json")], tmp_path)
    assert code == 1
    text = out.decode("utf-8")
    strict_parse(text)
    assert "<script" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert not [c for c in text if c in "\u202e\u0007"]


def test_every_frame_text_is_a_sentence_or_a_name_in_both_languages() -> None:
    for key, texts in HTML_TEXT.items():
        assert set(texts) == {"vi", "en"}, key
        assert sorted(re.findall(r"\{(\w+)\}", texts["vi"])) == sorted(
            re.findall(r"\{(\w+)\}", texts["en"])), key
        assert texts["vi"] != texts["en"] or key in ("mark-info",), key


# ------------------------------------------------------------------------ in a browser

BROWSER = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]
A4_TEXT_WIDTH = 703  # CSS px: 210 mm less the 2 × 12 mm margins of @page, at 96 px/in


@pytest.fixture
def browser() -> str:
    found = BROWSER if os.path.exists(BROWSER) else shutil.which("chromium")
    if found is None:
        if os.environ.get("CHECKER_SKIP_BROWSER"):
            pytest.skip("CHECKER_SKIP_BROWSER is set and chromium is not installed")
        pytest.fail("the HTML report's tests need chromium: `make test` installs Debian's "
                    "package (apt-get install chromium fonts-dejavu-core)", pytrace=False)
    return found


def chromium(exe: str, tmp: Path, page: Path, *args: str) -> bytes:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    profile.mkdir()
    done = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout


@pytest.fixture
def violations_page(at_root: Path, tmp_path: Path) -> Path:
    code, _, _ = render(["fixtures/examples/violations.json"], tmp_path)
    assert code == 1
    return tmp_path / "report.html"


def test_the_browser_builds_the_golden_dom(browser: str, violations_page: Path,
                                           tmp_path: Path) -> None:
    dom = chromium(browser, tmp_path, violations_page, "--dump-dom")
    assert "Dòng thời gian của thủ tục".encode() in dom
    assert dom.count(b'class="bar"') == 12  # 5 quorum bars, 7 vote bars
    compare(FOLDER / "check-violations.vi.dom.html", dom)


def test_the_screenshot_shows_the_timeline_bars_and_checklist(
        browser: str, violations_page: Path, tmp_path: Path) -> None:
    from PIL import Image, ImageChops, ImageStat

    shot = tmp_path / "shot.png"
    chromium(browser, tmp_path, violations_page, "--window-size=820,3200",
             f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (820, 3200)
    colours = {rgb: n for n, rgb in image.getcolors(maxcolors=1 << 24) or []}
    # The bars and marks: red for what fails, green for what is in order, amber for the
    # warning, the black threshold lines; the timeline's grey rule.
    for name, rgb, least in (("red", (0xC6, 0x28, 0x28), 2000),
                             ("green", (0x2E, 0x7D, 0x32), 2000),
                             ("amber", (0xE6, 0x95, 0x00), 100),
                             ("threshold", (0, 0, 0), 100),
                             ("bar ground", (0xE6, 0xE6, 0xE6), 2000)):
        seen = colours.get(rgb, 0)
        assert seen >= least, f"{name} appears on {seen} pixels only"
    golden = FOLDER / "check-violations.vi.png"
    if UPDATE:
        FOLDER.mkdir(parents=True, exist_ok=True)
        # 64 colours keep the golden small; the tolerance below absorbs the rounding.
        image.quantize(64).save(golden, optimize=True)
        return
    assert golden.exists(), "tests/golden/html/check-violations.vi.png is missing"
    expected = Image.open(golden).convert("RGB")
    assert expected.size == image.size
    diff = ImageChops.difference(image, expected).convert("L")
    mean = ImageStat.Stat(diff).mean[0]
    changed = sum(diff.histogram()[65:]) / (image.size[0] * image.size[1])
    # Text drawn by another font version moves a little; a lost section or bar moves a lot.
    assert mean < 4 and changed < 0.03, (
        f"the screenshot differs from the golden (mean {mean:.2f}, {changed:.1%} of the "
        "pixels); if intended, regenerate with UPDATE_GOLDEN=1 and look at it")


def test_it_prints_on_a4_and_nothing_overflows_the_page(browser: str, violations_page: Path,
                                                        tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    chromium(browser, tmp_path, violations_page, "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) >= 2, "the report of the example with violations fills pages"
    for width, height in boxes:  # A4: 210 × 297 mm = 595.3 × 841.9 pt
        assert abs(float(width) - 595.28) < 1 and abs(float(height) - 841.89) < 1
    # At the width of an A4 page's text, every element stays inside it.
    measure = tmp_path / "measure.html"
    script = ("<script>let r=0;for(const e of document.querySelectorAll('body *'))"
              "{r=Math.max(r,e.getBoundingClientRect().right)}document.body.dataset.fit="
              "[document.documentElement.clientWidth,Math.ceil(r),"
              "document.documentElement.scrollWidth].join(' ')</script></body>")
    measure.write_text(violations_page.read_text("utf-8").replace("</body>", script),
                       "utf-8")
    dom = chromium(browser, tmp_path, measure, f"--window-size={A4_TEXT_WIDTH},1200",
                   "--dump-dom").decode("utf-8")
    found = re.search(r'data-fit="(\d+) (\d+) (\d+)"', dom)
    assert found, "the measuring script did not run"
    client, right, scroll = map(int, found.groups())
    assert client == A4_TEXT_WIDTH
    assert right <= client and scroll <= client, f"content {right}px wide in {client}px"
