"""The layout of the text output (issue 12, point 2): one clickable header line per
finding, the message wrapped under it with a hanging indent, one merged citation line,
one line per layer for the regulations applied, nothing for a clean file unless
verbose, and `rules`, `explain` and `sources` at the terminal's width.

Done when: goldens at 80 and at 200 columns, where no line is wider than the width
except an unbreakable token (a long path, and with it a finding's `path:line:col:
severity RULE` header, which is never split).

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_text_layout.py
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _support import GOLDEN, LANGS, ROOT
from click.testing import CliRunner
from test_golden import compare

from checker.cli import main
from checker.describe import explain_rule, rules_table, sources_table
from checker.i18n import Lang
from checker.report import Applied, Citation, Confidence, FileReport, Report
from checker.reporters.text import applied_lines, merged_citations, render
from checker.rules.pack import builtin_packs
from checker.sources import catalog
from checker.text import cell_width, terminal_width, words, wrap, wrap_text

WIDTHS = [80, 200]
# Files whose findings have long messages, several citations of one clause, amended
# articles, a waiver, a 2024 case with five Party regulations, and a clean file.
FILES = ["fixtures/examples/violations.json", "fixtures/examples/2026-violations.json",
         "fixtures/examples/2024-ministry-bcs-era.json", "fixtures/waivers/waived.json",
         "fixtures/examples/clean.json"]
HEADER = re.compile(r"\S.*?:(\d+:\d+:)? \S+( báo| tin| trừ)? [A-Z0-9-]+")


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CHECKER_LANG", raising=False)
    return ROOT


def run(*args: str, columns: int | None = None) -> tuple[int, str]:
    env = {"COLUMNS": str(columns) if columns else None}
    r = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return r.exit_code, r.stdout


def assert_fits(text: str, width: int) -> None:
    """No line wider than `width`, unless it is one unbreakable piece: a single token, or
    a finding's header with nothing after it."""
    for line in text.splitlines():
        if cell_width(line) <= width:
            continue
        piece = line.strip()
        assert " " not in piece or HEADER.fullmatch(piece), (width, line)


def unwrapped(text: str) -> str:
    return re.sub(r"\n +", " ", text)


# ---------------------------------------------------------------- done when
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_check_golden_at_width(at_root: Path, width: int, lang: str) -> None:
    code, out = run("check", "--no-color", "--no-cache", "-v", "--lang", lang, *FILES,
                    columns=width)
    assert code == 1
    assert_fits(out, width)
    assert max(cell_width(line) for line in out.splitlines()) > width - 10  # lines fill
    compare(GOLDEN / f"layout-check.{width}.{lang}.txt", out.encode("utf-8"))


@pytest.mark.parametrize("width", [40, 200])
def test_the_same_words_at_every_width(at_root: Path, width: int) -> None:
    """Wrapping moves line breaks, never words: joined again, the output at 80 columns
    and at `width` is the same text."""
    narrow = run("check", "--no-cache", "-v", *FILES, columns=80)[1]
    other = run("check", "--no-cache", "-v", *FILES, columns=width)[1]
    assert narrow != other
    assert unwrapped(narrow) == unwrapped(other)
    assert_fits(other, width)


@pytest.mark.parametrize("lang", LANGS)
def test_rules_and_sources_fit_80_and_200_columns(lang: Lang) -> None:
    """No golden here (every new rule or source would change it): each view fits both
    widths, says the same words at both, and starts each rule and each document at the
    margin, whole, for copying."""
    import datetime as dt

    packs = builtin_packs()
    ids = {r.id for p in packs for r in p.rules}
    for name, draw in (
        ("rules", lambda out, w: rules_table(packs, None, lang, out, width=w)),
        ("rules --as-of", lambda out, w: rules_table(packs, dt.date(2026, 9, 1), lang, out,
                                                     width=w)),
        ("sources", lambda out, w: sources_table(catalog(), lang, out, width=w)),
    ):
        texts = []
        for width in WIDTHS:
            out = io.StringIO()
            draw(out, width)
            text = out.getvalue()
            assert_fits(text, width)
            margin = {line.split(" ", 1)[0] for line in text.splitlines()}
            if name == "rules":
                assert ids <= margin, name
            if name == "sources":  # each document at the margin, named by its type
                heads = [line for line in text.splitlines() if line and line[0] != " "]
                for src in catalog().sources:
                    assert any(src.number in h for h in heads), (name, src.number)
            texts.append(" ".join(text.split()))
        assert texts[0] == texts[1], name


@pytest.mark.parametrize("lang", LANGS)
def test_every_explanation_fits_80_and_200_columns(lang: Lang) -> None:
    packs = builtin_packs()
    for rule_id in sorted({r.id for p in packs for r in p.rules}):
        texts = []
        for width in WIDTHS:
            out = io.StringIO()
            assert explain_rule(packs, rule_id, lang, out, width=width)
            assert_fits(out.getvalue(), width)
            texts.append(" ".join(out.getvalue().split()))
        assert texts[0] == texts[1], rule_id


def test_long_path_keeps_its_header_whole_and_the_message_below(tmp_path: Path) -> None:
    deep = tmp_path / ("a-folder-with-a-long-name-" * 3) / "case.json"
    deep.parent.mkdir()
    deep.write_bytes(b'{"case_id": ')
    code, out = run("check", "--no-cache", str(deep), columns=80)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{deep}:1:13: lỗi INPUT"  # wider than 80, never split
    assert lines[1] == "    JSON không hợp lệ: thiếu giá trị."
    assert_fits(out, 80)


# ---------------------------------------------------------------- the pieces
def test_finding_header_is_clickable_and_the_message_goes_on_below(at_root: Path) -> None:
    out = run("check", "--no-cache", "fixtures/examples/violations.json", columns=80)[1]
    lines = out.splitlines()
    assert lines[0].startswith("fixtures/examples/violations.json:25:27: lỗi "
                               "PARTY-TIME-IN-POST Giữ chức vụ")
    assert lines[1].startswith("    ") and not lines[1].startswith("     ")
    # the header and its continuation say the message once, whole
    msg = ("Giữ chức vụ hiện tại từ ngày 01/03/2024 đến ngày 20/08/2025 mới được 17 tháng, "
           "chưa đủ 24 tháng, và hồ sơ không có quyết định của cấp có thẩm quyền về trường "
           "hợp đặc biệt.")
    assert unwrapped(out).count(msg) == 1
    en = run("check", "--no-cache", "--lang", "en", "fixtures/examples/violations.json")[1]
    assert en.startswith("fixtures/examples/violations.json:25:27: error PARTY-TIME-IN-POST ")
    assert "fixtures/examples/violations.json:53:15: warning APPT-POLICY-DEADLINE " in en


def test_one_merged_citation_line(at_root: Path) -> None:
    out = unwrapped(run("check", "--no-cache", "fixtures/examples/violations.json")[1])
    assert ("/chair/from_superior_body · điểm a, b, c, d khoản 2 Điều 34 Nghị định "
            "170/2025/NĐ-CP (độ tin cậy cao)\n") in out
    assert out.count("(độ tin cậy") == 13  # was 16: one per merged citation


def c(point: str | None = None, clause: int | None = 2, article: int = 34,
      confidence: Confidence = Confidence.HIGH) -> Citation:
    return Citation("nd-170-2025", "170/2025/NĐ-CP", article, clause, point, confidence,
                    quote=f"quote {point}")


def test_points_of_one_clause_merge_and_everything_else_stays_apart() -> None:
    assert merged_citations([c("a"), c("b"), c("c"), c("d")], "vi") == [
        "điểm a, b, c, d khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)"]
    assert merged_citations([c("a"), c("b")], "en") == [
        "170/2025/NĐ-CP, Article 34(2)(a, b) (high confidence)"]
    # different clauses, a whole clause beside its points, a different confidence
    assert merged_citations([c(None, 1), c(None, 2), c("a")], "vi") == [
        "khoản 1 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)",
        "khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)",
        "điểm a khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)"]
    assert merged_citations([c("a"), c("b", confidence=Confidence.MEDIUM)], "vi") == [
        "điểm a khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)",
        "điểm b khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy trung bình)"]
    # first-cited order; the same point twice is said once
    assert merged_citations([c("b"), c("a", article=33), c("a"), c("b")], "vi") == [
        "điểm b, a khoản 2 Điều 34 170/2025/NĐ-CP (độ tin cậy cao)",
        "điểm a khoản 2 Điều 33 170/2025/NĐ-CP (độ tin cậy cao)"]
    assert merged_citations([], "vi") == []


def applied(layer: str, number: str, date: str, by: str = "/decision/document/date") -> Applied:
    return Applied(layer, number.lower(), number, by, date)


def test_regulations_applied_take_one_line_per_layer() -> None:
    fr = FileReport("x.json", (), (
        applied("party", "162-QĐ/TW", "2024-11-25"), applied("party", "24-QĐ/TW", "2024-11-25"),
        applied("party", "80-QĐ/TW", "2025-09-15"),
        applied("party", "80-QĐ/TW", "2025-12-22", "/candidate/planning/approval/date"),
        applied("state", "170/2025/NĐ-CP", "2025-07-18", "/policy/request/date"),
    ))
    assert applied_lines(fr, "vi") == [
        "Quy định áp dụng ở tầng Đảng: 162-QĐ/TW, 24-QĐ/TW (theo ngày 25/11/2024 tại "
        "/decision/document/date); 80-QĐ/TW (theo ngày 15/09/2025 tại "
        "/decision/document/date; theo ngày 22/12/2025 tại "
        "/candidate/planning/approval/date).",
        "Quy định áp dụng ở tầng Nhà nước: 170/2025/NĐ-CP (theo ngày 18/07/2025 tại "
        "/policy/request/date).",
    ]
    assert applied_lines(fr, "en")[1] == (
        "Regulations applied at the state layer: 170/2025/NĐ-CP (chosen by 2025-07-18 at "
        "/policy/request/date).")
    assert applied_lines(FileReport("x.json", ()), "vi") == []


def test_a_2024_case_names_its_layers_once_each(at_root: Path) -> None:
    out = run("check", "--no-cache", "fixtures/examples/2024-ministry-bcs-era.json")[1]
    assert out.count("Quy định áp dụng") == 2  # was 6: one per regulation
    assert ("Quy định áp dụng ở tầng Đảng: Quyết định 162-QĐ/TW, Quy định 24-QĐ/TW, Quy định "
            "97-QĐ/TW, Quy định 58-QĐ/TW, Quy định 80-QĐ/TW (theo ngày 25/11/2024 tại "
            "/decision/document/date).") in unwrapped(out)


def test_a_clean_file_prints_nothing_but_in_verbose_mode(at_root: Path) -> None:
    clean = "fixtures/examples/clean.json"
    assert run("check", "--no-cache", clean) == (
        0, "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin.\n")
    code, out = run("check", "--no-cache", "--verbose", clean)
    assert code == 0
    assert out.startswith(f"{clean}: Không phát hiện vấn đề nào.\n  Quy định áp dụng ở tầng")
    assert out.endswith("\n\nĐã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin.\n")
    # --quiet wins: neither the clean file nor the summary
    assert run("check", "--no-cache", "-q", "-v", clean) == (0, "")
    # a file with findings is shown the same with or without -v
    violations = "fixtures/examples/violations.json"
    assert run("check", "--no-cache", violations) == run("check", "--no-cache", "-v",
                                                         violations)


def test_a_finding_without_a_position_still_starts_with_its_path() -> None:
    from checker.report import Finding, Kind, Severity

    f = Finding("INPUT", Severity.ERROR, Kind.INPUT, "Không đọc được tệp.", "")
    out = io.StringIO()
    render(Report(files=(FileReport("gone.json", (f,)),)), out)
    assert out.getvalue().startswith("gone.json: lỗi INPUT Không đọc được tệp.\n    /\n")


# ---------------------------------------------------------------- width and wrapping
def test_width_is_columns_else_the_terminal_else_80() -> None:
    buffer = io.StringIO()
    assert terminal_width(buffer, {}) == 80
    assert terminal_width(buffer, {"COLUMNS": "132"}) == 132
    for junk in ("", "0", "-5", "wide", "12.5"):
        assert terminal_width(buffer, {"COLUMNS": junk}) == 80
    assert terminal_width(buffer, {"COLUMNS": "3"}) == 20  # raised to the minimum
    assert terminal_width(None, {}) == 80


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_width_of_a_real_terminal() -> None:
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 132, 0, 0))
        with os.fdopen(os.dup(follower), "w") as tty:
            assert terminal_width(tty, {}) == 132
            assert terminal_width(tty, {"COLUMNS": "90"}) == 90
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("args", [["check", "--no-cache", "fixtures/examples/violations.json"],
                                  ["rules"]])
def test_piped_output_ignores_the_terminal_on_stdin_and_stderr(args: list[str]) -> None:
    """rich alone would take the width of whichever standard stream is a terminal; piped
    output must have the same bytes whatever window the command ran in."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 132, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("CHECKER_LANG", "COLUMNS")}
        r = subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, env=env,
                           stdin=follower, stderr=follower, stdout=subprocess.PIPE,
                           timeout=120, check=False)
    finally:
        os.close(leader)
        os.close(follower)
    out = r.stdout.decode("utf-8")
    assert_fits(out, 80)
    assert max(cell_width(line) for line in out.splitlines()) > 70
    if args[0] == "check":
        assert r.stdout == CliRunner().invoke(main, args, env={"CHECKER_LANG": None,
                                                               "COLUMNS": None}).stdout_bytes


def test_wrap_fills_lines_with_a_hanging_indent_and_never_splits_an_atom() -> None:
    assert wrap(["aaa", "bb", "cc", "d"], 8) == [(0, 2), (2, 4)]  # "aaa bb" / "cc d"
    assert wrap(["aaa", "bb", "cc"], 8, indent=4) == [(0, 2), (2, 3)]
    # the room is exact: a line may be exactly `width` wide, not one more
    assert wrap(["abcd", "efg"], 8) == [(0, 2)]
    assert wrap(["abcd", "efgh"], 8) == [(0, 1), (1, 2)]
    # an atom wider than the line stands alone, whole
    assert wrap(["a", "x" * 30, "b"], 10) == [(0, 1), (1, 2), (2, 3)]
    assert wrap([], 10) == []
    assert wrap_text("", 10, first="- ") == ["-"]
    assert wrap_text("một hai ba bốn năm sáu", 12, first="- ", indent="  ") == [
        "- một hai ba", "  bốn năm", "  sáu"]


def test_wrapping_counts_terminal_columns_not_code_points() -> None:
    assert cell_width("Nguyễn") == 6
    assert cell_width("Nguye\u0302\u0303n") == 6  # decomposed: the marks take no column
    assert cell_width("李明") == 4  # wide characters take two
    assert wrap(["李明李明", "x"], 5) == [(0, 1), (1, 2)]


def test_a_number_stays_with_the_word_before_it() -> None:
    assert words("khoản 2 Điều 34  170/2025/NĐ-CP ngày 17/08/2026") == [
        "khoản 2", "Điều 34", "170/2025/NĐ-CP", "ngày 17/08/2026"]
    assert words("5 trên 9 người") == ["5", "trên 9", "người"]
    assert words("năm 2024 2025") == ["năm 2024", "2025"]
    # after punctuation a number may start a line: a list of documents still wraps
    assert words("Đảng: 162-QĐ/TW, 24-QĐ/TW (theo") == [
        "Đảng:", "162-QĐ/TW,", "24-QĐ/TW", "(theo"]


def test_the_readme_sample_is_a_real_run(at_root: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    sample = readme.split("What the text output looks like", 1)[1]
    sample = sample.split("```text\n", 1)[1].split("```", 1)[0]
    code, out = run("check", "--no-color", "--no-cache", "--select", "APPT-SUPERIOR-PRESIDES",
                    "--select", "APPT-POLICY-DEADLINE", "--select", "APPT-MINUTES",
                    "fixtures/examples/violations.json", "fixtures/examples/clean.json",
                    columns=80)
    assert code == 1
    assert out == sample
