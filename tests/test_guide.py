"""docs/huong-dan.md, the clerk's guide (issue 13, point 1), is checked like code.

The guide marks what it claims, in HTML comments a reader does not see:

- `<!-- guide:procedure P [Q …] -->` starts the text written about procedure P (or about
  each of P, Q …; `all` is every procedure). Until the next such marker every inline code
  span that is a JSON pointer (`/steps/0/present`) must name a field of the case schema
  of each of those procedures, and a span `/pointer = code` a value that field allows
  (an enum member, a const, or a boolean); a bare name in code marks (`health_certificate`)
  must be a field or a code somewhere in each of those procedures' shapes, unless it is one
  of the few words of NOT_SCHEMA. Code marks inside HTML comments are not read.
- `<!-- guide:example expect=… -->` before a ```json block: a worked example. It must be a
  case of the section's procedure, valid against schemas/case.schema.json, and checked it
  gives exactly the findings listed: `clean` (none), or `RULE@/pointer` items separated by
  commas (no errors either way); the paragraph below it, "Kết quả: …", names each of them.
- `<!-- guide:mistake {"example": P, "replace": [old, new]} -->` before a ```text block: the
  first worked example of P with `old` (found exactly once) replaced by `new`, checked as
  `hoso.json` at 80 columns (in English with `"lang": "en"`), prints exactly that block.

Besides: every procedure has a worked example, relative links resolve, the text is NFC,
and the README links the guide first.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema
import pytest
from _support import ROOT, SCHEMAS
from click.testing import CliRunner

from checker.cli import main
from checker.model import SHAPES
from checker.pipeline import check_bytes
from checker.report import Severity
from checker.rules.engine import Options
from checker.rules.pack import builtin_packs

GUIDE = ROOT / "docs" / "huong-dan.md"
SCHEMA: dict[str, Any] = json.loads((SCHEMAS / "case.schema.json").read_text("utf-8"))

MARKER = re.compile(r"<!--\s*guide:(\w+)\s*(.*?)\s*-->", re.S)
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)
CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
POINTER = re.compile(r"/[A-Za-z0-9_$đ]+(?:/[A-Za-z0-9_$đ]+)*")
ASSERTED = re.compile(rf"({POINTER.pattern}) = (\S+)")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
NAME = re.compile(r"[a-z_][a-z0-9_]*")
# Bare words in code marks that are not the schema's: commands, formats, the confidence
# word of a report, literals, and the misspelt field of the common-mistakes section.
NOT_SCHEMA = frozenset({"checker", "check", "make", "github", "junit", "sarif", "cao", "true",
                        "false", "full_nam"})


# --- the guide, read into its parts ------------------------------------------------


@dataclass(frozen=True)
class Span:
    """An inline code span naming a field (a pointer, with a code it asserts the field
    takes), or a bare name (pointer "", the name as value: a field's or a code's name
    anywhere in the procedure's shape), under the procedures of its section."""

    procedures: tuple[str, ...]
    pointer: str
    value: str | None
    line: int


@dataclass(frozen=True)
class Block:
    kind: str  # example | mistake
    procedures: tuple[str, ...]
    argument: str
    body: str
    line: int
    after: str  # the paragraph that follows the block


def _procedures(argument: str, line: int) -> tuple[str, ...]:
    names = tuple(argument.split())
    if names == ("all",):
        return tuple(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    assert names and not unknown, f"huong-dan.md:{line}: unknown procedure {unknown or names}"
    return names


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_guide(text: str) -> tuple[list[Span], list[Block]]:
    spans: list[Span] = []
    blocks: list[Block] = []
    procedures: tuple[str, ...] = ()
    pending: tuple[str, str, int] | None = None  # a marker waiting for its block
    # Code marks inside HTML comments (notes for maintainers) are not the guide's text.
    masked = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=re.S)
    fences = [(m.start(), m.end(), m) for m in FENCE.finditer(text)]
    pos = 0
    events: list[tuple[int, str, re.Match[str]]] = [
        (m.start(), "marker", m) for m in MARKER.finditer(text)
    ] + [(start, "fence", m) for start, _, m in fences]
    for start, what, m in sorted(events, key=lambda e: e[0]):
        if start < pos:
            continue  # a marker quoted inside a code block
        if what == "marker":
            spans += _spans(masked, pos, start, procedures)
            kind, argument = m.group(1), m.group(2)
            if kind == "procedure":
                procedures = _procedures(argument, _line(text, start))
            else:
                assert kind in ("example", "mistake"), f"huong-dan.md: unknown marker {kind}"
                pending = (kind, argument, _line(text, start))
            pos = m.end()
        else:
            spans += _spans(masked, pos, start, procedures)
            if pending is not None:
                kind, argument, line = pending
                between = text[pos:start].strip()
                assert not between, f"huong-dan.md:{line}: text between the marker and its block"
                want = "json" if kind == "example" else "text"
                assert m.group(1) == want, f"huong-dan.md:{line}: a {kind} needs a ```{want} block"
                after = text[m.end():].strip().split("\n\n", 1)[0]
                blocks.append(Block(kind, procedures, argument, m.group(2), _line(text, start),
                                    after))
                pending = None
            pos = m.end()
    spans += _spans(masked, pos, len(text), procedures)
    assert pending is None, f"huong-dan.md:{pending[2]}: a marker without its block"
    return spans, blocks


def _spans(text: str, start: int, end: int, procedures: tuple[str, ...]) -> list[Span]:
    out: list[Span] = []
    for m in CODE_SPAN.finditer(text, start, end):
        content, line = m.group(1), _line(text, m.start())
        asserted = ASSERTED.fullmatch(content)
        if asserted:
            pointer, value = asserted.group(1), asserted.group(2)
        elif POINTER.fullmatch(content):
            pointer, value = content, None
        elif NAME.fullmatch(content) and content not in NOT_SCHEMA:
            pointer, value = "", content
        else:
            continue
        assert procedures, f"huong-dan.md:{line}: `{content}` before any guide:procedure marker"
        out.append(Span(procedures, pointer, value, line))
    return out


# --- the schema resolver -------------------------------------------------------------


def _expand(schema: dict[str, Any], node: Any) -> Iterator[dict[str, Any]]:
    """The node and everything it stands for: $ref, allOf, anyOf, oneOf (if/then of the
    top level is handled by shape_of)."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if not isinstance(n, dict) or id(n) in seen:
            continue
        seen.add(id(n))
        yield n
        ref = n.get("$ref")
        if isinstance(ref, str):
            assert ref.startswith("#/$defs/"), ref
            stack.append(schema["$defs"][ref.removeprefix("#/$defs/")])
        for key in ("allOf", "anyOf", "oneOf"):
            stack.extend(n.get(key, []))


def shape_of(schema: dict[str, Any], procedure: str) -> dict[str, Any]:
    """The branch of the top-level if/then that `procedure` selects."""
    for branch in schema["allOf"]:
        if branch["if"]["properties"]["procedure"].get("const") == procedure:
            then: dict[str, Any] = branch["then"]
            return then
    raise AssertionError(f"no shape for {procedure!r} in the schema")


def resolve(schema: dict[str, Any], procedure: str, pointer: str) -> list[dict[str, Any]]:
    """The schema nodes a JSON pointer reaches in the case of `procedure` (empty: it names
    no field). A number steps into an array's items; anything else into properties (or a
    schema of additionalProperties / patternProperties)."""
    nodes: list[dict[str, Any]] = [shape_of(schema, procedure)]
    for token in pointer.removeprefix("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        nxt: list[dict[str, Any]] = []
        for node in nodes:
            for n in _expand(schema, node):
                if token.isdigit():
                    if isinstance(n.get("items"), dict):
                        nxt.append(n["items"])
                    prefix = n.get("prefixItems", [])
                    if int(token) < len(prefix):
                        nxt.append(prefix[int(token)])
                    continue
                if token in n.get("properties", {}):
                    nxt.append(n["properties"][token])
                elif isinstance(n.get("additionalProperties"), dict):
                    nxt.append(n["additionalProperties"])
                for pattern, sub in n.get("patternProperties", {}).items():
                    if re.search(pattern, token):
                        nxt.append(sub)
        nodes = nxt
        if not nodes:
            return []
    return nodes


def allows(schema: dict[str, Any], nodes: list[dict[str, Any]], value: str) -> bool:
    """Whether a field reached by `nodes` takes `value` (a code, a const, a boolean), written
    as in JSON or, for a string, bare."""
    try:
        literal: Any = json.loads(value)
    except ValueError:
        literal = value
    for node in nodes:
        for n in _expand(schema, node):
            if literal in n.get("enum", []) or ("const" in n and n["const"] == literal):
                return True
            if isinstance(literal, bool) and n.get("type") == "boolean":
                return True
    return False


def names(schema: dict[str, Any], procedure: str) -> set[str]:
    """Every field name and code reachable in the shape of `procedure`, and the procedures."""
    out: set[str] = set(schema["properties"]["procedure"]["enum"])
    stack: list[Any] = [shape_of(schema, procedure)]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        for n in _expand(schema, node):
            seen.add(id(n))
            out.update(n.get("properties", {}))
            out.update(v for v in n.get("enum", []) if isinstance(v, str))
            if isinstance(n.get("const"), str):
                out.add(n["const"])
            stack.extend(n.get("properties", {}).values())
            stack += [n.get("items"), n.get("additionalProperties")]
            stack.extend(n.get("prefixItems", []))
    return out


def unresolved(schema: dict[str, Any], spans: list[Span]) -> list[str]:
    """Every span that names no field (or a value its field does not take), as a message."""
    out: list[str] = []
    known = {p: names(schema, p) for p in SHAPES}
    for span in spans:
        for procedure in span.procedures:
            if not span.pointer:
                if span.value not in known[procedure]:
                    out.append(f"huong-dan.md:{span.line}: {span.value} is neither a field nor "
                               f"a code of {procedure}")
                continue
            nodes = resolve(schema, procedure, span.pointer)
            if not nodes:
                out.append(f"huong-dan.md:{span.line}: {span.pointer} is not a field of "
                           f"{procedure}")
            elif span.value is not None and not allows(schema, nodes, span.value):
                out.append(f"huong-dan.md:{span.line}: {span.pointer} does not take "
                           f"{span.value!r} in {procedure}")
    return out


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide() -> tuple[str, list[Span], list[Block]]:
    text = GUIDE.read_text("utf-8")
    spans, blocks = read_guide(text)
    return text, spans, blocks


def examples(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind == "example"]


def expected(argument: str, line: int) -> set[tuple[str, str]]:
    m = re.fullmatch(r"expect=(\S+)", argument)
    assert m, f"huong-dan.md:{line}: guide:example needs expect=clean or expect=RULE@/pointer,…"
    if m.group(1) == "clean":
        return set()
    out = set()
    for item in m.group(1).split(","):
        rule, _, pointer = item.partition("@")
        out.add((rule, pointer))
    return out


# --- the tests -------------------------------------------------------------------------


def test_the_guide_names_fields_and_has_worked_examples(
    guide: tuple[str, list[Span], list[Block]],
) -> None:
    _, spans, blocks = guide
    # Not a vacuous pass: the guide names many fields, in every procedure.
    assert len(spans) > 200
    assert {p for s in spans for p in s.procedures} == set(SHAPES)
    worked = {b.procedures[0] for b in examples(blocks)}
    assert worked == set(SHAPES), f"no worked example for {sorted(set(SHAPES) - worked)}"


def test_every_field_the_guide_names_is_in_the_schema(
    guide: tuple[str, list[Span], list[Block]],
) -> None:
    _, spans, _ = guide
    assert unresolved(SCHEMA, spans) == []


def test_the_resolver_rejects_a_wrong_name() -> None:
    """The resolver is what the guide is checked with: it must say no."""
    assert resolve(SCHEMA, "appointment", "/steps/0/present")
    assert resolve(SCHEMA, "appointment", "/candidate/planning/approval/date")
    assert resolve(SCHEMA, "dismissal", "/grounds/c/document/date")
    assert not resolve(SCHEMA, "appointment", "/steps/0/presnt")
    assert not resolve(SCHEMA, "appointment", "/steps/present")  # an index is needed
    assert not resolve(SCHEMA, "appointment", "/acting/reason")  # another procedure's field
    assert resolve(SCHEMA, "acting", "/acting/reason")
    assert not resolve(SCHEMA, "suspension", "/candidate/full_name")
    nodes = resolve(SCHEMA, "appointment", "/candidate/source")
    assert allows(SCHEMA, nodes, "in_house") and not allows(SCHEMA, nodes, "tai_cho")


def test_renaming_a_field_makes_the_guide_fail(
    guide: tuple[str, list[Span], list[Block]],
) -> None:
    """A mutation: with `present` of a step renamed in the schema, and a code of a step's
    kind renamed, the same check finds the guide's mentions of them."""
    _, spans, _ = guide
    mutated = copy.deepcopy(SCHEMA)
    step = mutated["$defs"]["Step"]["properties"]
    step["attendance"] = step.pop("present")
    kinds = mutated["$defs"]["StepKind"]["enum"]
    kinds[kinds.index("key_officials")] = "key_officials_meeting"
    items = mutated["$defs"]["DossierKind"]["enum"]
    items[items.index("health_certificate")] = "medical_certificate"
    problems = unresolved(mutated, spans)
    assert any("/present is not a field of appointment" in p for p in problems), problems
    assert any("does not take 'key_officials'" in p for p in problems), problems
    assert any("health_certificate is neither a field nor a code of appointment" in p
               for p in problems), problems
    assert unresolved(SCHEMA, spans) == []  # the mutation, not the guide, made them fail


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def test_every_worked_example_is_valid_and_checks_as_the_guide_says(
    guide: tuple[str, list[Span], list[Block]], validator: jsonschema.Draft202012Validator,
) -> None:
    _, _, blocks = guide
    packs = builtin_packs()
    for block in examples(blocks):
        where = f"huong-dan.md:{block.line}"
        case = json.loads(block.body)
        assert len(block.procedures) == 1, f"{where}: an example belongs to one procedure"
        assert case["procedure"] == block.procedures[0], where
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(case)]
        assert errors == [], f"{where}: {errors}"
        report = check_bytes("hoso.json", block.body.encode("utf-8"), packs, Options())
        got = {(f.rule, f.pointer) for f in report.findings}
        assert got == expected(block.argument, block.line), (
            where, [(f.severity, f.rule, f.pointer, f.message) for f in report.findings])
        # What the reader is told, in the paragraph below the example, is that result.
        assert block.after.startswith("Kết quả: không có lỗi"), where
        assert all(f.severity != Severity.ERROR for f in report.findings), where
        if not got:
            assert "không có cảnh báo" in block.after, where
        for rule, pointer in got:
            assert f"`{rule}`" in block.after and f"`{pointer or '/'}`" in block.after, where


def _checked(raw: bytes, lang: str | None) -> str:
    """`checker [--lang L] check` of a case read from standard input as hoso.json."""
    args = (["--lang", lang] if lang else []) + [
        "check", "--no-cache", "--stdin-filename", "hoso.json", "-"]
    result = CliRunner().invoke(
        main, args, input=raw,
        env={"CHECKER_LANG": None, "COLUMNS": "80", "NO_COLOR": "1", "FORCE_COLOR": None},
        catch_exceptions=False,
    )
    return result.stdout


def test_every_common_mistake_prints_what_the_guide_shows(
    guide: tuple[str, list[Span], list[Block]],
) -> None:
    _, _, blocks = guide
    first: dict[str, str] = {}
    for block in examples(blocks):
        first.setdefault(block.procedures[0], block.body)
    mistakes = [b for b in blocks if b.kind == "mistake"]
    assert len(mistakes) >= 5
    for block in mistakes:
        where = f"huong-dan.md:{block.line}"
        spec = json.loads(block.argument)
        old, new = spec["replace"]
        body = first[spec["example"]]
        assert body.count(old) == 1, f"{where}: {old!r} must occur once in the example"
        printed = _checked(body.replace(old, new).encode("utf-8"), spec.get("lang"))
        assert printed == block.body, where


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, code marks and punctuation dropped,
    spaces as hyphens (Vietnamese letters kept)."""
    return re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    without_code = FENCE.sub("", markdown)
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6} (.+)$", without_code, re.M)}


def test_links_resolve_and_the_text_is_nfc(
    guide: tuple[str, list[Span], list[Block]],
) -> None:
    text, _, _ = guide
    assert unicodedata.normalize("NFC", text) == text
    links = [m.group(1) for m in LINK.finditer(text)]
    assert links
    for target in links:
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        path = (GUIDE.parent / file).resolve() if file else GUIDE
        assert path.exists(), f"huong-dan.md links to {target}, which does not exist"
        assert ROOT in path.parents, f"huong-dan.md links out of the repository: {target}"
        if anchor and path.suffix == ".md":
            assert anchor in anchors(path.read_text("utf-8")), f"huong-dan.md: no #{anchor}"


def test_the_readme_links_the_guide_first() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    first_link = LINK.search(readme)
    assert first_link is not None and first_link.group(1) == "docs/huong-dan.md"
    # Before anything else: the Vietnamese paragraph comes before the first heading.
    assert readme.index("docs/huong-dan.md") < readme.index("\n#")


def _spans_of(text: str) -> list[Span]:
    return read_guide(text)[0]


def test_the_reader_of_the_guide_follows_its_markers() -> None:
    """The marker syntax itself: a pointer is attributed to its section's procedure, a
    marker inside a code block is not read, and `= code` is asserted."""
    text = (
        "<!-- guide:procedure acting -->\n`/acting/reason = no_head` and `/acting/x`.\n"
        "```text\n<!-- guide:procedure appointment -->\n```\n`/unit/name`\n"
        "<!-- guide:procedure all -->\n`/decision/document/date` but not `checker check`,\n"
        "<!-- `/not/read` -->, `number`, `checker` or `nosuchname`.\n"
    )
    spans = _spans_of(text)
    assert [(s.procedures, s.pointer, s.value) for s in spans] == [
        (("acting",), "/acting/reason", "no_head"),
        (("acting",), "/acting/x", None),
        (("acting",), "/unit/name", None),
        (tuple(SHAPES), "/decision/document/date", None),
        (tuple(SHAPES), "", "number"),
        (tuple(SHAPES), "", "nosuchname"),
    ]
    assert unresolved(SCHEMA, spans) == ["huong-dan.md:2: /acting/x is not a field of acting"] + [
        f"huong-dan.md:9: nosuchname is neither a field nor a code of {p}" for p in SHAPES]
    assert slug("4. Bổ nhiệm (`appointment`)") == "4-bổ-nhiệm-appointment"
    assert anchors("## Output formats\n```sh\n# not a heading\n```\n") == {"output-formats"}
