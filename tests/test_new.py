"""`checker new`: the guided interview (issue 13, point 2).

The interview is driven by the case schema; these tests drive it with typed keys, as a
user would, through questionary on a pipe input (prompt_toolkit's create_pipe_input and
DummyOutput):

- every bundled clean example, one per procedure, is built again from answers typed into
  the interview, and the case it writes is the example (as JSON data: the example's own
  layout puts small objects on one line, the interview writes two-space indent). The
  answers are read from the example by the pointer of each question (`Oracle`), typed
  once in the terminal way (arrow keys for choices) and once in the plain way (numbers
  or codes), dates in the forms clerks use (25/11/2024, 25.11.2024, ngày 25 tháng 11
  năm 2024…);
- a refused answer is asked again with its reason; dates, counts, document numbers;
- Ctrl-C and end of input keep the answers given, and a second run asks only the rest;
- the CLI never overwrites a case it was not asked to, and writes whole files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _support import EXAMPLES
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from checker.asking import Prompter
from checker.interview import (
    ORDER,
    SCHEMA_URL,
    Interrupted,
    Interview,
    Refused,
    Schema,
    encode,
    parse_date,
    progress,
    with_progress,
)
from checker.schemas import load_schema

pytest.importorskip("questionary")

SCHEMA = load_schema("case")
# One clean bundled example per procedure (as tests/test_templates.py's REFERENCE), and
# the first bundled example, which has the five steps of the original decree.
BUILT = {
    "appointment": "2026-four-step-in-house",
    "reappointment": "2026-reappointment",
    "extension": "2026-extension",
    "acting": "2026-acting-head",
    "suspension": "2026-suspension",
    "dismissal": "2026-dismissal",
    "resignation": "2026-resignation",
    "relief": "2026-relief",
    "rotation": "2026-rotation",
    "transfer": "2026-transfer",
    "appointment-5-steps": "clean",
}
DOWN, UP, ENTER, CTRL_C, CTRL_D, CLEAR = "\x1b[B", "\x1b[A", "\r", "\x03", "\x04", "\x15"


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return data


def at(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer, or KeyError."""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(data, list):
            if not part.isdigit() or int(part) >= len(data):
                raise KeyError(pointer)
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            raise KeyError(pointer)
    return data


DATE_FORMS = ["{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{d:02d}.{m:02d}.{y}",
              "ngày {d} tháng {m} năm {y}", "{y}-{m:02d}-{d:02d}"]


class Oracle:
    """An Asker that answers from an example by the pointer of the question, and
    records each answer as the keys a user would type for it."""

    def __init__(self, data: dict[str, Any], plain: bool) -> None:
        self.data = data
        self.plain = plain
        self.interview: Interview | None = None
        self.keys: list[str] = []
        self.values: list[str] = []  # the answers as a Script gives them
        self.asked: list[str] = []
        self.dates = 0

    def _value(self) -> Any:
        assert self.interview is not None
        pointer = self.interview.at
        self.asked.append(pointer)
        return at(self.data, pointer)

    def text(self, message: str, validate: Any, hint: str) -> str:
        try:
            value = self._value()
        except KeyError:
            answer = ""
        else:
            answer = str(value)
            if isinstance(value, str) and "2024-11-25" in hint:  # a date
                y, m, d = map(int, value.split("-"))
                answer = DATE_FORMS[self.dates % len(DATE_FORMS)].format(y=y, m=m, d=d)
                self.dates += 1
        validate(answer)
        self.keys.append(answer + ENTER)
        self.values.append(answer)
        return answer

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str:
        values = [v for v, _ in choices]
        try:
            value = self._value()
        except KeyError:
            picked = "" if "" in values else default
        else:
            if isinstance(value, dict | list) or (values == ["yes", "no"]
                                                  and not isinstance(value, bool)):
                picked = "yes"  # "is there …?", "add one?" (an item of a list of names)
            elif isinstance(value, bool):
                picked = "yes" if value else "no"
            else:
                picked = str(value)
        assert picked in values, (self.asked[-1], picked, values)
        if self.plain:
            # half the choices by number, half by code; Enter alone for the default
            i = values.index(picked)
            typed = "" if picked == default else str(i + 1) if i % 2 else picked or str(i + 1)
            self.keys.append(typed + ENTER)
        else:
            moves = values.index(picked) - (values.index(default) if default in values else 0)
            self.keys.append((DOWN * moves if moves > 0 else UP * -moves) + ENTER)
        self.values.append(picked)
        return picked

    def say(self, message: str) -> None:
        pass

    def heading(self, title: str, depth: int) -> None:
        pass


def expected(name: str) -> dict[str, Any]:
    """The example as the interview writes it: a field set to its schema default is the
    same case without it (the interview leaves such a field out), and `$schema` names
    the published schema."""
    schema = Schema(SCHEMA)
    data = example(name)

    def strip(value: Any, node: dict[str, Any]) -> Any:
        node = schema.resolve(node)
        if isinstance(value, dict):
            props = node.get("properties", {})
            required = set(node.get("required", []))
            return {k: strip(v, props.get(k, {})) for k, v in value.items()
                    if not (k in props and k not in required
                            and "default" in schema.resolve(props[k])
                            and schema.resolve(props[k])["default"] == v)}
        if isinstance(value, list):
            return [strip(v, node.get("items", {})) for v in value]
        return value

    out = strip(data, schema.shape(data["procedure"]))
    out["$schema"] = SCHEMA_URL
    return out  # type: ignore[no-any-return]


def typed(name: str, plain: bool) -> tuple[list[str], dict[str, Any]]:
    """The keys a user types to build the example, question by question, and what the
    oracle built."""
    oracle = Oracle(example(name), plain)
    interview = Interview(SCHEMA, oracle, "vi")
    oracle.interview = interview
    interview.run()
    return oracle.keys, interview.case


class Typist:
    """An Asker that types the next answer's keys into the pipe when a question comes,
    as a user does once it is on the screen (all the keys at once would be read again
    by every question that comes after)."""

    def __init__(self, prompter: Prompter, pipe: Any, answers: list[str]) -> None:
        self.prompter = prompter
        self.pipe = pipe
        self.answers = list(answers)

    def _type(self) -> None:
        if self.answers:
            self.pipe.send_text(self.answers.pop(0))
        else:
            self.pipe.send_text(CTRL_D)  # no more answers: the user stops

    def text(self, message: str, validate: Any, hint: str) -> str:
        self._type()
        return self.prompter.text(message, validate, hint)

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str:
        self._type()
        return self.prompter.select(message, choices, default)

    def say(self, message: str) -> None:
        self.prompter.say(message)

    def heading(self, title: str, depth: int) -> None:
        self.prompter.heading(title, depth)


def interview_with_keys(answers: list[str], *, plain: bool, lang: str = "vi",
                        case: dict[str, Any] | None = None,
                        said: list[str] | None = None) -> dict[str, Any]:
    """Run the interview on questionary, each answer's keys typed when its question
    comes."""
    with create_pipe_input() as pipe:
        prompter = Prompter(lang, plain=plain, input=pipe,  # type: ignore[arg-type]
                            output=DummyOutput(),
                            echo=(said.append if said is not None else lambda s: None))
        return Interview(SCHEMA, Typist(prompter, pipe, answers), lang,  # type: ignore[arg-type]
                         case).run()


class Script:
    """An Asker that gives the next answer of a list, whatever the question; when the
    list is used up, the user presses Ctrl-C."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.questions: list[str] = []
        self.said: list[str] = []
        self.headings: list[str] = []

    def _next(self, message: str) -> str:
        self.questions.append(message)
        if not self.answers:
            raise KeyboardInterrupt
        return self.answers.pop(0)

    def text(self, message: str, validate: Any, hint: str) -> str:
        while True:
            answer = self._next(message)
            try:
                validate(answer)
            except Refused as e:
                self.said.append(str(e))
                continue
            return answer

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str:
        answer = self._next(message)
        assert answer in [v for v, _ in choices], (message, answer)
        return answer

    def say(self, message: str) -> None:
        self.said.append(message)

    def heading(self, title: str, depth: int) -> None:
        self.headings.append(("  " * depth) + title)


def scripted(name: str) -> list[str]:
    oracle = Oracle(example(name), plain=True)
    interview = Interview(SCHEMA, oracle, "vi")
    oracle.interview = interview
    interview.run()
    return oracle.values


# ---------------------------------------------------------------- built from answers
@pytest.mark.parametrize("name", list(BUILT.values()), ids=list(BUILT))
def test_scripted_answers_build_every_bundled_example(name: str) -> None:
    """Every procedure: the answers, given in order, build the bundled example."""
    answers = scripted(name)
    built = Interview(SCHEMA, Script(answers), "vi").run()
    assert built == expected(name)
    assert json.loads(encode(built)) == expected(name)
    assert list(built)[:2] == ["$schema", "procedure"]


@pytest.mark.parametrize(("name", "plain"), [
    (BUILT["appointment"], False), (BUILT["acting"], True)],
    ids=["appointment-terminal", "acting-plain"])
def test_typed_keys_build_the_bundled_example(name: str, plain: bool) -> None:
    """Through questionary: arrow keys and Enter in a terminal, numbers, codes and
    Enter alone in plain mode."""
    keys, _ = typed(name, plain)
    assert interview_with_keys(keys, plain=plain) == expected(name)


def test_the_order_names_every_part_of_every_procedure() -> None:
    schema = Schema(SCHEMA)
    for proc, _ in schema.procedures():
        parts = set(schema.shape(proc)["properties"]) - {"$schema", "$comment", "procedure"}
        assert parts <= set(ORDER), (proc, parts - set(ORDER))
    assert len(ORDER) == len(set(ORDER))


def test_questions_follow_the_documents() -> None:
    """policy → steps → consultations → conclusion → dossier → decision."""
    oracle = Oracle(example(BUILT["appointment"]), plain=True)
    interview = Interview(SCHEMA, oracle, "vi")
    oracle.interview = interview
    interview.run()
    first = {}
    for pointer in oracle.asked:
        first.setdefault(pointer.split("/")[1], len(first))
    seq = ["policy", "steps", "consultations", "political_standard_conclusion", "dossier",
           "decision"]
    assert [first[k] for k in seq] == sorted(first[k] for k in seq)


# ---------------------------------------------------------------- one answer
@pytest.mark.parametrize(("typed_", "iso"), [
    ("25/11/2024", "2024-11-25"), ("25-11-2024", "2024-11-25"), ("25.11.2024", "2024-11-25"),
    ("ngày 25 tháng 11 năm 2024", "2024-11-25"), ("Ngày  5 tháng 9 năm 2026", "2026-09-05"),
    ("2024-11-25", "2024-11-25"), ("1/8/2026", "2026-08-01")])
def test_dates_in_vietnamese_forms(typed_: str, iso: str) -> None:
    assert parse_date(typed_, "vi") == iso


@pytest.mark.parametrize("bad", ["31/02/2025", "2025/11/25", "25/11/24", "25 11 2024",
                                 "hôm qua", "25/11-2024", "2024-1-5"])
def test_not_dates(bad: str) -> None:
    with pytest.raises(Refused):
        parse_date(bad, "vi")


def resumed_at(name: str, pointer: str) -> dict[str, Any]:
    """The example without the value at `pointer`, as an interview stopped there."""
    data = example(name)
    *path, last = pointer.split("/")[1:]
    parent: Any = data
    for part in path:
        parent = parent[int(part)] if isinstance(parent, list) else parent[part]
    del parent[last]
    return with_progress(data, pointer)


def ask_one_case(name: str, pointer: str, answers: list[str], lang: str = "vi",
                 script: Script | None = None) -> dict[str, Any]:
    """Resume the example at `pointer` with the answers; the case when they run out."""
    script = script or Script(answers)
    with pytest.raises(Interrupted) as stopped:
        Interview(SCHEMA, script, lang, resumed_at(name, pointer)).run()  # type: ignore[arg-type]
    return stopped.value.case


def ask_one(name: str, pointer: str, answers: list[str],
            lang: str = "vi") -> tuple[Any, Script]:
    """The value the answers give at `pointer`, and the script."""
    script = Script(answers)
    case = ask_one_case(name, pointer, answers, lang, script)
    try:
        return at(case, pointer), script
    except KeyError:
        return None, script


def test_a_wrong_date_is_asked_again_and_shown_in_iso_form() -> None:
    value, script = ask_one("2026-acting-head", "/decision/document/date",
                            ["31/02/2026", "hôm nay", "ngày 8 tháng 9 năm 2026"])
    assert value == "2026-09-08"
    assert len(script.questions) == 4  # three tries, then the next question
    assert script.said[0] == "'31/02/2026' không phải một ngày có thật trong lịch."
    assert script.said[1].startswith("'hôm nay' không phải một ngày; hãy ghi như 25/11/2024")
    assert script.said[2] == "  Đã ghi ngày 2026-09-08."


def test_counts_are_whole_numbers_in_the_schemas_bounds() -> None:
    pointer = "/steps/0/summoned"
    value, script = ask_one(BUILT["appointment"], pointer,
                            ["4.5", "-1", "0", "100001", "bốn", " 4 "])
    assert value == 4
    assert script.said == [
        "'4.5' không phải một số nguyên không âm (ví dụ 4).",
        "'-1' không phải một số nguyên không âm (ví dụ 4).",
        "0 không nằm trong khoảng từ 1 đến 100000.",
        "100001 không nằm trong khoảng từ 1 đến 100000.",
        "'bốn' không phải một số nguyên không âm (ví dụ 4).",
    ]


def test_an_optional_count_may_be_left_empty_a_required_field_may_not() -> None:
    case = ask_one_case(BUILT["appointment"], "/steps/0/summoned", [""])
    assert "summoned" not in case["steps"][0]  # left out
    assert case["steps"][0]["present"] == 3  # the next field kept as it was
    value, script = ask_one(BUILT["appointment"], "/case_id", ["", "  ", "HS-1"])
    assert value == "HS-1"
    assert script.said == ["Trường này bắt buộc; hãy nhập một giá trị."] * 2


def test_document_numbers_follow_the_models_pattern() -> None:
    value, script = ask_one("2026-acting-head", "/decision/document/number",
                            ["QĐ/123", "123 QĐ-BNV", "123/QĐ-BNV"], lang="en")
    assert value == "123/QĐ-BNV"
    assert script.said == [
        f"'{bad}' is not a document number; write it as 123/QĐ-BNV, 170/2025/NĐ-CP or "
        "97-QĐ/TW." for bad in ("QĐ/123", "123 QĐ-BNV")]


def test_a_look_alike_letter_is_refused() -> None:
    value, script = ask_one("2026-acting-head", "/unit/name", ["Chi cục Ðăng kiểm", "Chi cục A"])
    assert value == "Chi cục A"
    assert script.said[0].startswith("Câu trả lời có chữ của bảng chữ cái khác")


def test_a_refused_answer_is_typed_again_in_the_terminal() -> None:
    """In a terminal the reason shows under the line and the answer stays to be edited."""
    case = resumed_at("2026-acting-head", "/decision/document/date")
    with create_pipe_input() as pipe:
        prompter = Prompter("vi", plain=False, input=pipe, output=DummyOutput())
        answers = ["4.5/9/2026" + ENTER + CLEAR + "08/09/2026" + ENTER]
        with pytest.raises(Interrupted) as stopped:
            Interview(SCHEMA, Typist(prompter, pipe, answers), "vi", case).run()  # type: ignore[arg-type]
    assert at(stopped.value.case, "/decision/document/date") == "2026-09-08"


# ---------------------------------------------------------------- stop and resume
@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_ctrl_c_and_ctrl_d_in_the_terminal_stop_the_interview(key: str) -> None:
    case = resumed_at("2026-acting-head", "/decision/document/date")
    with create_pipe_input() as pipe:
        prompter = Prompter("vi", plain=False, input=pipe, output=DummyOutput())
        with pytest.raises(Interrupted) as stopped:
            Interview(SCHEMA, Typist(prompter, pipe, ["08/09/2026" + ENTER, key]),
                      "vi", case).run()  # type: ignore[arg-type]
    assert at(stopped.value.case, "/decision/document/date") == "2026-09-08"
    assert stopped.value.at != "/decision/document/date"


def test_a_file_of_an_unknown_procedure_is_refused() -> None:
    with pytest.raises(Refused, match=r"Thủ tục 'promotion' không có trong lược đồ hồ sơ\."):
        Interview(SCHEMA, Script([]), "vi", {"procedure": "promotion"}).run()


def asked(name: str) -> tuple[list[str], list[str]]:
    """The answers that build the example, and the pointer of each question."""
    oracle = Oracle(example(name), plain=True)
    interview = Interview(SCHEMA, oracle, "vi")
    oracle.interview = interview
    interview.run()
    return oracle.values, oracle.asked


@pytest.mark.parametrize("name", [BUILT["acting"], BUILT["dismissal"], BUILT["appointment"]])
def test_stopped_anywhere_then_resumed_asks_only_the_rest(name: str) -> None:
    """Stopped at each question in turn; the saved file, given again, asks from that
    question on, and the two runs build the example."""
    answers, pointers = asked(name)
    for stop in range(1, len(answers)):
        with pytest.raises(Interrupted) as stopped:
            Interview(SCHEMA, Script(answers[:stop]), "vi").run()
        assert stopped.value.at == pointers[stop]
        saved = json.loads(encode(with_progress(stopped.value.case, stopped.value.at)))
        assert progress(saved) == pointers[stop]
        rest = answers[stop:]
        if pointers[stop] == pointers[stop - 1]:
            # stopped at a name of a list of names: its "add one?" is asked again
            rest = ["yes", *rest]
        again = Script(rest)
        built = Interview(SCHEMA, again, "vi", saved).run()
        assert built == expected(name), stop
        assert not again.answers, stop  # every answer used: nothing asked twice
        assert progress(built) is None and "$comment" not in built


class Declining(Script):
    """Leaves every optional field out, and names the one required one missing."""

    def text(self, message: str, validate: Any, hint: str) -> str:
        self.questions.append(message)
        return "" if "để trống" in hint else "Nguyễn Văn B"

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str:
        self.questions.append(message)
        values = [v for v, _ in choices]
        return "" if "" in values else default  # "is there …?" defaults to no


def test_resume_keeps_every_value_and_only_asks_what_is_missing() -> None:
    """A case written by hand, with --resume: every value kept; the missing required
    field is asked, the optional ones still missing are offered (and left out here)."""
    data = example("2026-acting-head")
    del data["candidate"]["full_name"]
    script = Declining([])
    built = Interview(SCHEMA, script, "vi", json.loads(json.dumps(data))).run()
    assert built["candidate"]["full_name"] == "Nguyễn Văn B"
    del built["candidate"]["full_name"]
    assert built == data
    assert list(built) == list(data)  # the file's order too
    assert "Họ và tên" in script.questions


# ---------------------------------------------------------------- the command
def new(path: Path, keys: str, *args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    """`checker new` with its answers piped in, as a script or an editor's shell runs it
    (no terminal: plain mode)."""
    env = {**os.environ, "CHECKER_LANG": lang, "TERM": "dumb"}
    env.pop("CHECKER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "checker", "new", *args, path.name],
                          input=keys, capture_output=True, text=True, cwd=path.parent,
                          env=env, timeout=300, check=False)


def plain_keys(name: str) -> list[str]:
    keys, _ = typed(name, plain=True)
    return keys


def test_new_builds_the_case_from_piped_answers_and_checks_it(tmp_path: Path) -> None:
    target = tmp_path / "acting.json"
    r = new(target, "".join(plain_keys(BUILT["acting"])))
    assert r.returncode == 0, r.stderr
    assert json.loads(target.read_text("utf-8")) == expected(BUILT["acting"])
    assert target.read_bytes() == encode(expected_in_order(target))
    assert "? Mã hồ sơ" in r.stderr and "Đã ghi hồ sơ acting.json. Kết quả kiểm tra:" in r.stderr
    assert "Đã kiểm tra 1 tệp: 0 lỗi" in r.stdout  # the check's own summary
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acting.json"]  # no temporary file
    assert "Traceback" not in r.stderr and "Warning" not in r.stderr


def expected_in_order(target: Path) -> dict[str, Any]:
    """The file's data as parsed (to compare bytes with the way `new` encodes it)."""
    data: dict[str, Any] = json.loads(target.read_text("utf-8"))
    return data


def test_new_never_overwrites_a_case_it_was_not_asked_to(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    original = (EXAMPLES / "2026-acting-head.json").read_bytes()
    target.write_bytes(original)
    r = new(target, "1\r")
    assert r.returncode == 2
    assert r.stderr.strip() == (
        f"checker: {target.name} đã có và không phải một hồ sơ đang điền dở bằng checker new; "
        "dùng --resume để hỏi tiếp những gì còn thiếu (giữ mọi giá trị đã có), hoặc chọn "
        "tên tệp khác.")
    assert target.read_bytes() == original


@pytest.mark.parametrize(("content", "reason"), [
    (b"{\"case_id\": ", "tệp không phải JSON hợp lệ (dòng 1, cột 13)."),
    (b"[1, 2]", "tệp không chứa một đối tượng JSON."),
    (b"\xff\xfe{}", "tệp không được mã hóa UTF-8."),
])
def test_a_file_that_is_not_a_case_is_named(tmp_path: Path, content: bytes,
                                            reason: str) -> None:
    target = tmp_path / "case.json"
    target.write_bytes(content)
    r = new(target, "", "--resume")
    assert r.returncode == 2
    assert r.stderr.strip() == f"checker: case.json không đọc được thành một hồ sơ: {reason}"
    assert target.read_bytes() == content


@pytest.mark.parametrize("stop", ["eof", "ctrl-c"])
def test_stopped_midway_saves_the_answers_and_goes_on_from_there(tmp_path: Path,
                                                                 stop: str) -> None:
    keys = plain_keys(BUILT["acting"])
    target = tmp_path / "case.json"
    half = 20
    r = new(target, "".join(keys[:half]) + (CTRL_C if stop == "ctrl-c" else ""))
    assert r.returncode == 130, r.stderr
    assert r.stderr.splitlines()[-1] == (
        "checker: Đã dừng; các câu trả lời đã lưu vào case.json. Chạy lại checker new "
        "case.json để tiếp tục.")
    assert "Traceback" not in r.stderr
    saved = json.loads(target.read_text("utf-8"))
    assert progress(saved) is not None
    r = new(target, "".join(keys[half:]))
    assert r.returncode == 0, r.stderr
    assert "Tiếp tục hồ sơ case.json; chỉ hỏi những gì còn thiếu." in r.stderr
    assert json.loads(target.read_text("utf-8")) == expected(BUILT["acting"])


def test_stopped_before_any_answer_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    r = new(target, CTRL_C)
    assert r.returncode == 130
    assert r.stderr.splitlines()[-1] == (
        "checker: Đã dừng; chưa có câu trả lời nào nên không ghi tệp.")
    assert not target.exists()


def test_resume_fills_in_a_case_written_by_hand(tmp_path: Path) -> None:
    """--resume on a finished case asks only for optional parts still missing; the
    answers here add nothing, so the file is the same case."""
    target = tmp_path / "case.json"
    data = example(BUILT["acting"])
    target.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    r = new(target, "\r" * 400, "--resume")
    assert r.returncode == 0, r.stderr
    assert json.loads(target.read_text("utf-8")) == data


def test_new_in_english(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    r = new(target, "4\r" + "HS-1\r" + CTRL_C, lang="en")
    assert r.returncode == 130
    assert "? Which procedure is this case? [type the number or the code; Enter chooses 1]" \
        in r.stderr
    assert "  4. acting: acting head" in r.stderr
    assert "? Case identifier" in r.stderr
    assert r.stderr.splitlines()[-1] == (
        "checker: Stopped; the answers so far are saved in case.json. Run checker new "
        "case.json again to go on.")
    saved = json.loads(target.read_text("utf-8"))
    assert saved["procedure"] == "acting" and saved["case_id"] == "HS-1"


def test_resume_replaces_the_file_atomically(tmp_path: Path) -> None:
    """The finished case arrives by rename: another name for the old file (a hard link)
    still holds the old bytes, and no temporary file is left in the folder."""
    target = tmp_path / "case.json"
    old = encode(with_progress(json.loads(json.dumps(example(BUILT["acting"]))), "/waivers/0"))
    target.write_bytes(old)
    alias = tmp_path / "alias.json"
    os.link(target, alias)
    inode = target.stat().st_ino
    r = new(target, "\r")  # no waiver to add
    assert r.returncode == 0, r.stderr
    assert alias.read_bytes() == old
    assert target.stat().st_ino != inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.json", "case.json"]
    assert json.loads(target.read_bytes()) == example(BUILT["acting"])


@pytest.mark.skipif(sys.platform == "win32", reason="ulimit")
def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """Every write fails (`ulimit -f 0`, as on a full disk): one line naming the file,
    exit 2, the old file intact and no temporary file."""
    target = tmp_path / "case.json"
    old = encode(with_progress(json.loads(json.dumps(example(BUILT["acting"]))), "/waivers/0"))
    target.write_bytes(old)
    env = {**os.environ, "CHECKER_LANG": "vi", "TERM": "dumb"}
    r = subprocess.run(["bash", "-c", 'ulimit -f 0 && exec "$0" -m checker new case.json',
                        sys.executable], input="\r", capture_output=True, text=True,
                       cwd=tmp_path, env=env, timeout=300, check=False)
    assert r.returncode == 2
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("checker: ") and "case.json" in last
    assert "Traceback" not in r.stderr
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_a_missing_folder_is_said_before_any_question(tmp_path: Path) -> None:
    env = {**os.environ, "CHECKER_LANG": "vi", "TERM": "dumb"}
    r = subprocess.run([sys.executable, "-m", "checker", "new", "no/such/case.json"],
                       input="4\r", capture_output=True, text=True, cwd=tmp_path, env=env,
                       timeout=300, check=False)
    assert r.returncode == 2
    assert "?" not in r.stderr  # not one question asked
    assert len(r.stderr.strip().splitlines()) == 1 and "case.json" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_each_question_comes_under_the_titles_of_its_parts() -> None:
    """A document number alone says nothing of which document: the parts it is in are
    said first, once, the outermost first; a list's item by its number."""
    case = ask_one_case(BUILT["appointment"], "/steps/1/minutes/date", ["22/08/2026"])
    script = Script(["22/08/2026"])
    with pytest.raises(Interrupted):
        Interview(SCHEMA, script, "vi",
                  resumed_at(BUILT["appointment"], "/steps/1/minutes/date")).run()
    assert script.headings[:2] == [
        "«Các bước của quy trình, theo thứ tự thời gian», mục 2",
        "  Biên bản",
    ]
    assert case["steps"][1]["minutes"]["date"] == "2026-08-22"


def test_a_document_needs_a_number_or_a_title() -> None:
    """The schema's anyOf of a document: with neither, the reason is said and the
    number asked again, now as required."""
    data = example(BUILT["appointment"])
    data["policy"]["approval"] = {}
    case = with_progress(data, "/policy/approval/number")
    script = Script(["", "", "", "", "", "3120/BNV-TCCB"])
    with pytest.raises(Interrupted) as stopped:
        Interview(SCHEMA, script, "vi", case).run()
    assert script.said == ["Phần này cần ít nhất một trong các trường sau: «Số, ký hiệu văn "
                           "bản, ví dụ 123/QĐ-BTC, 170/2025/NĐ-CP, 97-QĐ/TW»; «Trích yếu hoặc "
                           "tên».",
                           "Trường này bắt buộc; hãy nhập một giá trị."]
    assert stopped.value.case["policy"]["approval"] == {"number": "3120/BNV-TCCB"}


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_a_dumb_terminal_is_asked_line_by_line(tmp_path: Path) -> None:
    """TERM=dumb on a real terminal (an editor's shell): prompt_toolkit's dumb-terminal
    prompt, one line per question, choices by number or code; the case is built."""
    import pty
    import select
    import time

    keys = "".join(plain_keys(BUILT["acting"]))
    master, slave = pty.openpty()
    env = {**os.environ, "CHECKER_LANG": "vi", "TERM": "dumb"}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "new", "case.json"],
                            stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env)
    os.close(slave)
    seen = b""
    try:
        pending = keys.encode("utf-8")
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
            elif pending and b"? " in seen:
                # one answer each time the terminal goes quiet, once questions have come
                line, _, rest = pending.partition(b"\r")
                os.write(master, line + b"\r")
                pending = rest
        proc.wait(timeout=60)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, seen.decode("utf-8", "replace")[-2000:]
    assert json.loads((tmp_path / "case.json").read_text("utf-8")) == expected(BUILT["acting"])
    text = seen.decode("utf-8", "replace")
    assert "? Mã hồ sơ" in text and "\x1b[" not in text.split("? Mã hồ sơ")[1][:200]
