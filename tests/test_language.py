"""One language per run (issue 12, point 3): for every command and every format, no English
prose in Vietnamese output, and no Vietnamese prose in English output except names and
quotations.

How it judges a piece of output:
- only the prose is read: in the JSON report the findings' messages; in SARIF every
  `text`, justification and citation label; in JUnit the messages and the text of the
  failures and system-out; in the GitHub format the annotation's message; text and
  the other commands, everything;
- what is not prose in either language is taken out first: quoted text ("…", «…», '…',
  `…`), the case's own values (names of persons and bodies, titles, reasons: every string
  of the case file), JSON pointers and paths, option names and metavars, rule ids and
  other upper-case codes, and every token with a digit (dates, document numbers such as
  170/2025/NĐ-CP, "Article 33(2)(đ)");
- then Vietnamese output may hold none of a list of common English words, and English
  output no word with a Vietnamese letter, except the names below (issuing bodies, and
  Vietnamese institutions named as such in English, each listed with why).
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES, ROOT
from click.testing import CliRunner

from checker.cli import main
from checker.i18n import Lang
from checker.rules.pack import builtin_packs
from checker.sources import catalog

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))
FORMATS = ["text", "json", "sarif", "junit", "github"]
LANGS: list[Lang] = ["vi", "en"]
PACK = ROOT / "fixtures" / "packs" / "quang-tri-92-bc-tu" / "pack.toml"

# Common English words that have no place in Vietnamese prose. Words that are also
# Vietnamese ("in" = print, "to" = big, "no" = full, "an" = safe, "do" = because, "can"
# = accused, "so" = compare) are left out.
ENGLISH = frozenset(re.findall(r"[a-z]+", """
the of and or must not is are was were be been has have had this that these those which
with from for by at as it its into onto than then there their they he she we you your
cannot should would could will may might shall does did done none any all
step steps file files error errors warning warnings rule rules checked check found
problems problem missing invalid unknown expected value values option options usage
command commands argument arguments show message exit help default language layer
decree regulation law guidance article clause point section confidence high medium
low applied replaced amended decision case cases date dates days day waived waiver
before after until since only also but if when where while because such
"""))

# Vietnamese words an English sentence may hold, each for a reason. Judged word by word
# (a table cell may wrap a name over two lines), so the list is kept short.
ALLOWED_VIETNAMESE = [
    # Names: of Vietnamese institutions written as such in English (as "Bundestag" is),
    # of newspapers and journals, of provinces.
    "ban cán sự đảng",  # the party affairs committee of a state body
    "hiệp y",  # the consultation of the provincial standing committee, a term of art
    "Tạp chí Cộng sản", "Tiền Phong", "Pháp Luật", "Lao Động",
    "Quảng Trị", "Thanh Hóa",
    # Legal terms glossed in parentheses after their English rendering, quoted as the
    # regulation words them: "(reprimand, khiển trách)", "section (mục) 31", "(có thể)".
    "khiển trách", "cảnh cáo", "cách chức", "mục", "có thể", "đảng ủy cấp trên cơ sở",
    # the procedures' own names, glossed: "a transfer (điều động)", "rotation (luân chuyển)"
    "điều động", "luân chuyển",
]


def _issuer_words() -> set[str]:
    return {w for s in catalog().sources for w in s.issuer.split()}


# ---------------------------------------------------------------- what is not prose
QUOTED = re.compile(r"`[^`]*`|«[^»]*»|\"[^\"]*\"|“[^”]*”|'[^'\s][^'\n]{0,80}'", re.S)
NOT_WORDS = [
    re.compile(r"\S*\d\S*"),  # dates, numbers, document numbers, articles with points
    re.compile(r"(?<![\w])/[\w/~.-]*"),  # JSON pointers and paths
    re.compile(r"\S+\.(json|toml|xml|sarif)\b"),
    re.compile(r"--?[a-z][\w-]*(/--[\w-]+)?"),  # options
    re.compile(r"\[[^\]\s]*\|[^\]]*\]"),  # choice metavars [vi|en]
    re.compile(r"\b[A-Z][A-Z0-9_]*(-[A-Z0-9_]+)*\b"),  # rule ids, metavars, codes
    re.compile(r"[\w.\[\]<>]+\s*=\s*[\w.-]+"),  # a field and its value: proposal.by = other
    re.compile(r"\b\w+(\[\])?(\.[\w<>]+(\[\])?)+"),  # field paths: decision.document.date
    re.compile(r"(?<![\w.])\.[a-z_]+\b"),  # a field of the one just named: .decision
    re.compile(r"\b[a-z]+(_[a-z]+)+\b"),  # field names: last_verified, late_reason
    re.compile(r"\b(CHECKER_\w+|pyproject|toml|utf|json|sarif|junit|github|text)\b", re.I),
]


def _strip(text: str, case_strings: list[str]) -> str:
    text = unicodedata.normalize("NFC", text)
    # Lines wrapped at the terminal's width (a hanging indent) joined again, so that a
    # name split over two lines is still found whole.
    text = re.sub(r"\n +", " ", text)
    for s in case_strings:  # longest first, so a name inside a longer value goes with it
        text = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ", text)
    for code in CODES:
        text = re.sub(rf"(?<![\w-]){re.escape(code)}(?![\w-])", " ", text)
    text = QUOTED.sub(" ", text)
    for pattern in NOT_WORDS:
        text = pattern.sub(" ", text)
    return text


# A value of the case that is a code (an enum value such as "person" or "appointment"),
# not words of the case: left in, so that it cannot hide English prose around it.
CODE = re.compile(r"[a-z0-9_.-]+")


def _codes() -> frozenset[str]:
    """The command line's own codes: command names and the values options take."""
    import click

    found: set[str] = set()

    def walk(command: click.Command) -> None:
        for param in command.params:
            if isinstance(param.type, click.Choice):
                found.update(map(str, param.type.choices))
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                found.add(name)
                walk(sub)

    walk(main)
    return frozenset(found)


CODES = _codes()

VI_LETTER = re.compile(
    r"[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]", re.I)


def english_in(text: str, case_strings: list[str]) -> list[str]:
    words = re.findall(r"[A-Za-z]+", _strip(text, case_strings))
    return sorted({w for w in words if w.lower() in ENGLISH})


def vietnamese_in(text: str, case_strings: list[str]) -> list[str]:
    text = _strip(text, case_strings)
    allowed = _issuer_words() | {w.casefold() for term in ALLOWED_VIETNAMESE
                                 for w in term.split()}
    words = re.findall(r"\w+", text)
    # A single letter is a point of a clause ("point đ", "Article 33(2)(đ)"): its name.
    return sorted({w for w in words if VI_LETTER.search(w) and len(w) > 1
                   and w not in allowed and w.casefold() not in allowed})


def assert_one_language(lang: Lang, text: str, case_strings: list[str], what: str) -> None:
    if lang == "vi":
        found = english_in(text, case_strings)
        assert not found, f"English in Vietnamese output of {what}: {found}\n{text[:3000]}"
    else:
        found = vietnamese_in(text, case_strings)
        assert not found, f"Vietnamese in English output of {what}: {found}\n{text[:3000]}"


# ---------------------------------------------------------------- the prose of each format
def _strings(node: Any, keys: frozenset[str], inside: bool = False) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, keys, k in keys)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, keys, inside)
    elif isinstance(node, str) and inside:
        yield node


def prose(fmt: str, out: str) -> str:
    if fmt == "json":
        return "\n".join(_strings(json.loads(out), frozenset({"message"})))
    if fmt == "sarif":
        keys = frozenset({"text", "justification", "label", "citations"})
        return "\n".join(_strings(json.loads(out), keys))
    if fmt == "junit":
        root = ET.fromstring(out)
        parts = [e.get("message", "") for e in root.iter("failure")]
        parts += [e.text or "" for e in root.iter() if e.tag in ("failure", "system-out")]
        return "\n".join(parts)
    if fmt == "github":
        return "\n".join(line.split("::", 2)[2] for line in out.splitlines() if "::" in line)
    return out


def case_strings(*files: Path) -> list[str]:
    """Every string value of the case files, longest first: the case's own words."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str) and len(node) > 1 and not CODE.fullmatch(node):
            found.add(unicodedata.normalize("NFC", node))

    for f in files:
        try:
            walk(json.loads(f.read_text("utf-8")))
        except (ValueError, OSError):
            continue
    return sorted(found, key=len, reverse=True)


def cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), env={"CHECKER_LANG": None},
                           catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


# ---------------------------------------------------------------- the detector itself
def test_the_detector_finds_what_it_looks_for() -> None:
    """The test can fail: English prose in a Vietnamese line is found, and Vietnamese in
    an English line; names of the case, quotations and codes are not."""
    assert english_in("Đã kiểm tra 1 tệp: the file is missing.", []) == [
        "file", "is", "missing", "the"]
    assert vietnamese_in("Checked 1 file; điểm d of the clause.", []) == ["điểm"]
    assert english_in("Bước 5 (/steps/4) APPT-QUORUM «the law» --format text.", []) == []
    assert vietnamese_in('Decided by "Bộ trưởng", Decree 170/2025/NĐ-CP, Article 33(2)(đ).',
                         []) == []
    assert vietnamese_in("Nguyễn Văn An was present.", ["Nguyễn Văn An"]) == []


# ---------------------------------------------------------------- check, every format
@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Error paths: a file that is not JSON, a file of the wrong shape, a missing file."""
    folder = tmp_path_factory.mktemp("broken")
    bad_json = folder / "bad-json.json"
    bad_json.write_text('{"case_id": ', "utf-8")
    bad_schema = folder / "bad-schema.json"
    data = json.loads((EXAMPLES / "clean.json").read_text("utf-8"))
    data["steps"] = "none"
    data["unknown_field"] = 1
    bad_schema.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return [bad_json, bad_schema, folder / "missing.json"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_check_speaks_one_language(fmt: str, lang: Lang, broken: list[Path]) -> None:
    files = [*EXAMPLE_FILES, *broken]
    code, out, err = cli("check", "--no-cache", "--format", fmt, "--lang", lang,
                         *map(str, files))
    assert code == 1, err
    assert out.strip()
    assert_one_language(lang, prose(fmt, out), case_strings(*files), f"check --format {fmt}")
    assert_one_language(lang, err, [], f"check --format {fmt} (stderr)")


@pytest.mark.parametrize("lang", LANGS)
def test_check_statistics_and_waivers_speak_one_language(lang: Lang) -> None:
    files = sorted((ROOT / "fixtures" / "waivers").glob("*.json"))
    code, out, _ = cli("check", "--no-cache", "--statistics", "--lang", lang, *map(str, files))
    assert code == 1 and out.strip()
    assert_one_language(lang, out, case_strings(*files), "check --statistics (waivers)")


# ---------------------------------------------------------------- the other commands
def _ids() -> list[str]:
    return sorted({r.id for p in builtin_packs() for r in p.rules})


@pytest.mark.parametrize("lang", LANGS)
def test_explain_of_every_rule_speaks_one_language(lang: Lang) -> None:
    for rule in _ids():
        code, out, err = cli("explain", rule, "--lang", lang)
        assert code == 0, err
        assert_one_language(lang, out, [], f"explain {rule}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", [[], ["--as-of", "2024-11-25"], ["--as-of", "2026-09-01"],
                                  ["--as-of", "2017-01-01"]],
                         ids=["all", "2024", "2026", "before-any"])
def test_rules_speaks_one_language(args: list[str], lang: Lang) -> None:
    code, out, err = cli("rules", *args, "--lang", lang)
    assert code == 0, err
    assert_one_language(lang, out, [], f"rules {args}")


@pytest.mark.parametrize("lang", LANGS)
def test_sources_speaks_one_language(lang: Lang) -> None:
    code, out, err = cli("sources", "--lang", lang)
    assert code == 0, err
    assert_one_language(lang, out, [], "sources")


@pytest.mark.parametrize("lang", LANGS)
def test_config_speaks_one_language(lang: Lang) -> None:
    code, out, err = cli("config", "--lang", lang)
    assert code == 0, err
    assert_one_language(lang, out, [], "config")


@pytest.mark.parametrize("lang", LANGS)
def test_verify_speaks_one_language(lang: Lang) -> None:
    code, out, err = cli("verify", "--lang", lang, str(PACK))
    assert code == 0, err
    assert out.strip()
    assert_one_language(lang, out + err, [], "verify")


@pytest.mark.parametrize("lang", LANGS)
def test_init_speaks_one_language(lang: Lang, tmp_path: Path) -> None:
    code, _, err = cli("init", "--lang", lang, str(tmp_path / "case.json"))
    assert code == 0, err
    assert_one_language(lang, err, [], "init")
    code, _, err = cli("init", "--lang", lang, str(tmp_path / "case.json"))
    assert code != 0  # exists: refused, in the language
    assert_one_language(lang, err, [], "init on an existing file")


# -- issue 13 point 2 (builder): checker new, its questions and messages
@pytest.mark.parametrize("lang", LANGS)
def test_new_speaks_one_language(lang: Lang, tmp_path: Path) -> None:
    """The whole interview of a procedure, its questions, choices, refusals and the
    check at the end, piped (plain mode); then a file it must not overwrite."""
    import os
    import subprocess
    import sys

    from test_new import BUILT, plain_keys

    name = BUILT["acting"]
    keys = plain_keys(name)
    keys[0] = "99\r" + keys[0]  # not a choice: refused, then the procedure
    assert keys[5] == "1\r"  # unit.leader_count
    keys[5] = "4.5\r" + keys[5]  # not a count: refused, then the count
    env = {**os.environ, "CHECKER_LANG": lang, "TERM": "dumb"}
    r = subprocess.run([sys.executable, "-m", "checker", "new", "case.json"],
                       input="".join(keys), capture_output=True, text=True, cwd=tmp_path,
                       env=env, timeout=300, check=False)
    assert r.returncode == 0, r.stderr
    assert "'99'" in r.stderr and "'4.5'" in r.stderr  # the refusals are in the transcript
    strings = case_strings(EXAMPLES / f"{name}.json")
    assert_one_language(lang, r.stderr + r.stdout, strings, "new")
    r = subprocess.run([sys.executable, "-m", "checker", "new", "case.json"], input="",
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
                       check=False)
    assert r.returncode == 2
    assert_one_language(lang, r.stderr, [], "new on an existing case")


COMMANDS = ["check", "rules", "explain", "sources", "verify", "init", "schema", "config",
            "new"]  # issue 13 point 2 (builder)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_speaks_one_language(command: str | None, lang: Lang) -> None:
    """`checker --help` in Vietnamese, `checker --lang en --help` in English: headings,
    summaries and option help, click's own texts included."""
    args = ["--lang", lang, *([command] if command else []), "--help"]
    code, out, err = cli(*args)
    assert code == 0, err
    assert_one_language(lang, out, [], " ".join(args))
    if lang == "vi":
        assert "Cách dùng:" in out and "Tùy chọn:" in out
    else:
        assert "Usage:" in out and "Options:" in out


ERRORS = [
    ["check", "--bogus", "x.json"],
    ["check", "--format", "xml", "x.json"],
    ["check", "--jobs", "999", "x.json"],
    ["check", "--max-size", "many", "x.json"],
    ["check", "--as-of", "23/7/2025", "x.json"],
    ["check", "--force=yes", "x.json"],
    ["check", "--format"],
    ["check"],
    ["check", "--config", "no-such-config.toml", "x.json"],
    ["check", "--select", "NOPE", str(EXAMPLES / "clean.json")],
    ["explain", "NOPE"],
    ["explain"],
    ["rules", "extra"],
    ["chek"],
    ["schema", "nope"],
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", ERRORS, ids=lambda a: " ".join(a)[:40])
def test_errors_speak_one_language(args: list[str], lang: Lang) -> None:
    code, out, err = cli("--lang", lang, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("checker: ")
    assert_one_language(lang, err.removeprefix("checker: "), [], " ".join(args))


@pytest.mark.parametrize("lang", LANGS)
def test_the_configured_language_holds_for_every_command(lang: Lang, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """`lang` in the configuration file, no flag, no variable: rules, explain, sources
    and the usage errors all follow it."""
    (tmp_path / ".checker.toml").write_text(f'lang = "{lang}"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    heading = {"vi": "Tầng Nhà nước", "en": "State layer"}[lang]
    assert heading in cli("rules")[1]
    assert {"vi": "Căn cứ pháp lý", "en": "Legal basis"}[lang] in cli("explain",
                                                                      "APPT-QUORUM")[1]
    assert {"vi": "Dòng thời gian", "en": "Timeline"}[lang] in cli("sources")[1]
    err = cli("check", "--bogus", "x.json")[2]
    assert {"vi": "Không có tùy chọn", "en": "There is no option"}[lang] in err
    assert {"vi": "Cách dùng:", "en": "Usage:"}[lang] in cli("--help")[1]


def test_every_parameter_refuses_values_in_the_run_language() -> None:
    """A parameter's refusal is written by a type of checker.clilang: a plain click type
    would answer in English whatever the language."""
    import click

    from checker.clilang import OWN_TYPES

    def walk(command: click.Command) -> Iterator[click.Parameter]:
        yield from command.params
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                yield from walk(sub)

    for param in walk(main):
        t = param.type
        flag = isinstance(param, click.Option) and param.is_flag  # takes no value
        assert (isinstance(t, OWN_TYPES) or flag
                or isinstance(t, click.types.StringParamType)), (param.name, t)


def test_each_replacement_names_its_provision_as_data() -> None:
    """The timeline names the replacing provision in the run's language from
    `replaced_under`; it says what the free-text `replacement_basis` says."""
    cat = catalog()
    for s in cat.sources:
        if s.replacement_basis is None:
            continue
        u = s.replaced_under
        assert u is not None, s.id
        src = cat.get(u.source)
        assert src is not None
        text = f"{src.number} Điều {u.article}"
        text += f" khoản {u.clause}" if u.clause is not None else ""
        text += f" điểm {u.point}" if u.point else ""
        assert text == s.replacement_basis, s.id
