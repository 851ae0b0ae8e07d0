"""`checker new`: a guided interview that builds a case file, driven by the case schema.

Every question comes from schemas/case.schema.json (generated from checker.model): the
field's description in the run's language is the question, its type, pattern, bounds
and enum are what an answer is checked against, and the enum's descriptions label the
choices. The one thing written by hand is the order of a case's parts (ORDER below):
the order in which the documents of a procedure come (policy → steps → consultations →
conclusion → dossier → decision). Inside a part, questions follow the schema's order.

How each field is asked:
- required: always; optional: a scalar may be left empty (then it is left out), an
  object is asked "is there …?", a choice has a "leave out" entry;
- a field with a default (a switch that is usually off, a kind that is usually
  "other") is asked with that default chosen, and left out when the answer is the
  default: the case means the same either way;
- a list: "add one?" before each item;
- a date: 25/11/2024, 25-11-2024, 25.11.2024, "ngày 25 tháng 11 năm 2024" or
  2024-11-25, written and shown back as 2024-11-25; a count: a whole number in the
  schema's bounds ("4.5" is refused); a document number: the model's pattern
  (e.g. 123/QĐ-BNV). A refused answer is asked again with the reason.

Resume: a case given to the interview keeps every value it has; only what is missing
is asked. When an interview is interrupted (Ctrl-C, end of input) the answers so far are
kept, with a `$comment` entry (PROGRESS) that says where the interview stopped: run
again on that file, every question before that point is taken as answered (an optional
field left out there stays out, a list is not offered another item), and the interview
goes on from there. Without that entry (a case written by hand, or a finished one, with
--resume) every optional field still missing is offered.

Nothing here reads or writes a file or a terminal: the CLI gives it an Asker
(checker.asking) and writes the result.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from checker.i18n import Lang, t

SCHEMA_URL = "https://vn-personnel-checker.github.io/schemas/case.schema.json"

# The parts of a case in the order their documents come. One list for every procedure:
# each shape asks the parts it has, in this order (a test proves every part of every
# shape is here).
ORDER: tuple[str, ...] = (
    # who and what
    "case_id", "unit", "post", "candidate", "person", "sending_unit", "destination",
    "leadership", "chair", "term", "previous_term", "notice", "notice_received_on",
    "acting", "basis", "basis_rule",
    # why
    "ground", "ground_basis", "grounds", "resignation_letter", "dismissal_grounds",
    "critical_task", "scrutiny",
    # the policy and the plan
    "planning", "policy", "plan", "transfer_list",
    # the steps, the consultations, the conclusion
    "confidence_vote", "exchange_with_person", "meeting_with_person", "steps",
    "consultations", "political_standard_conclusion", "party_steps",
    # the proposal, the dossier, the decision
    "proposal", "extension_reason", "meeting", "bcs", "decided_by", "submission_upward",
    "dossier", "allowance", "decision",
    # after the decision
    "period", "service_exception", "extensions", "revocation", "yearly_evaluations",
    "end_review", "after", "waivers",
)

# The `$comment` entry that marks an unfinished interview and where it stopped.
PROGRESS = "checker new: chưa xong, sẽ hỏi tiếp từ {at} / unfinished, resumes at {at}"
PROGRESS_AT = re.compile(r"^checker new: .* / unfinished, resumes at (\S*)$")
SKIPPED = {"$comment", "$schema"}


class Asker(Protocol):
    """How a question reaches the user. `validate` turns the typed text into its value or
    raises Refused; `choices` are (value, label) pairs."""

    def text(self, message: str, validate: Callable[[str], object], hint: str) -> str: ...

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str: ...

    def say(self, message: str) -> None: ...

    def heading(self, title: str, depth: int) -> None: ...


class Refused(ValueError):
    """An answer that is not a value of the field; the message says why."""


class Interrupted(Exception):
    """The user stopped the interview; `case` holds every answer given, `at` the pointer
    of the question that was being asked."""

    def __init__(self, case: dict[str, Any], at: str) -> None:
        super().__init__(at)
        self.case = case
        self.at = at


# ---------------------------------------------------------------- answers
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"),
    re.compile(r"^(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{4})$"),
    re.compile(r"^ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})$",
               re.IGNORECASE),
)


def parse_date(text: str, lang: Lang) -> str:
    """A date in one of the forms Vietnamese documents use, as YYYY-MM-DD."""
    s = unicodedata.normalize("NFC", " ".join(text.split()))
    for i, form in enumerate(_DATE_FORMS):
        m = form.match(s)
        if m is None:
            continue
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if i == 0 else \
            (m.group("y"), m.group("m"), m.group("d"))
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            raise Refused(t("new-bad-day", lang, value=text.strip())) from None
    raise Refused(t("new-bad-date", lang, value=text.strip()))


def parse_integer(text: str, lang: Lang) -> int:
    s = text.strip()
    if not re.fullmatch(r"[0-9]+", s):
        raise Refused(t("new-bad-count", lang, value=s))
    return int(s)


def parse_number(text: str, lang: Lang) -> float | int:
    s = text.strip().replace(",", ".")  # 0,7 as Vietnamese writes it
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", s):
        raise Refused(t("new-bad-number", lang, value=text.strip()))
    value = float(s)
    return int(value) if value.is_integer() and "." not in s else value


def _texts(description: str, lang: Lang) -> str:
    """One language of a schema description written `vi / en` (checker.model.d)."""
    vi, _, en = description.partition(" / ")
    return en if lang == "en" and en else vi


# ---------------------------------------------------------------- the schema
@dataclass(frozen=True)
class Schema:
    root: dict[str, Any]

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """A property's schema with its `$ref` followed; the property's own description
        wins over the definition's."""
        ref = node.get("$ref")
        if ref is None:
            return node
        target = self.root["$defs"][ref.rsplit("/", 1)[-1]]
        merged = dict(target)
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged

    def procedures(self) -> list[tuple[str, str]]:
        node = self.root["properties"]["procedure"]
        return list(zip(node["enum"], node["enumDescriptions"], strict=True))

    def shape(self, procedure: str) -> dict[str, Any]:
        for branch in self.root["allOf"]:
            if branch["if"]["properties"]["procedure"]["const"] == procedure:
                return self.resolve(branch["then"])
        raise KeyError(procedure)


def _kind(node: dict[str, Any]) -> str:
    if "const" in node:
        return "const"
    if "enum" in node:
        return "enum"
    kind = node.get("type")
    if isinstance(kind, list):  # only $comment is a string or a list
        return "skip"
    if kind == "string" and node.get("format") == "date":
        return "date"
    return str(kind)


# ---------------------------------------------------------------- the interview
class Interview:
    def __init__(self, schema: dict[str, Any], asker: Asker, lang: Lang,
                 case: dict[str, Any] | None = None, procedure: str | None = None) -> None:
        from checker.schemas import validator

        self.schema = Schema(schema)
        self.asker = asker
        self.lang = lang
        self.case: dict[str, Any] = case if case is not None else {}
        self.procedure = procedure
        self.at = ""
        self.resume_at = progress(self.case)
        self._check = validator("case")
        self._checks: dict[str, Any] = {}  # a validator per field schema
        # The parts being filled in, outermost first: their titles, and whether the user
        # has seen each one yet (said just before the first question inside it).
        self._parts: list[list[Any]] = []

    # -- entry
    def run(self) -> dict[str, Any]:
        """Ask until the case is whole; the case (the same dict, filled in)."""
        try:
            self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(self.case, self.at) from None
        _drop_progress(self.case)
        return self.case

    def _run(self) -> None:
        if "procedure" not in self.case:
            ref = self.case.pop("$schema", SCHEMA_URL)  # a file's own is kept
            self.at = "/procedure"
            proc = self.procedure or self.asker.select(
                t("new-ask-procedure", self.lang),
                [(p, f"{p}: {_texts(label, self.lang)}") for p, label
                 in self.schema.procedures()], "appointment")
            rest = dict(self.case)
            self.case.clear()
            self.case.update({"$schema": ref, "procedure": proc, **rest})
        proc = self.case["procedure"]
        try:
            shape = self.schema.shape(proc)
        except KeyError:
            raise Refused(t("new-unknown-procedure", self.lang, value=proc)) from None
        props = shape["properties"]
        order = [k for k in ORDER if k in props] + [k for k in props if k not in ORDER]
        self._object(self.case, shape, "", order)

    def _reach(self, pointer: str) -> bool:
        """Note that the question at `pointer` is due; whether it was answered before the
        point where an earlier interview stopped."""
        self.at = pointer
        if self.resume_at is not None and pointer == self.resume_at:
            self.resume_at = None
        return self.resume_at is not None

    # -- objects
    def _object(self, obj: dict[str, Any], node: dict[str, Any], pointer: str,
                order: list[str] | None = None, title: str | None = None) -> None:
        if title is None:
            self._fill(obj, node, pointer, order)
            return
        self._parts.append([title, False])
        try:
            self._fill(obj, node, pointer, order)
        finally:
            self._parts.pop()

    def _announce(self) -> None:
        """Say the titles of the parts the next question is in, those not said yet."""
        for depth, part in enumerate(self._parts):
            if not part[1]:
                self.asker.heading(part[0], depth)
                part[1] = True

    def _fill(self, obj: dict[str, Any], node: dict[str, Any], pointer: str,
              order: list[str] | None) -> None:
        props: dict[str, Any] = node.get("properties", {})
        required = set(node.get("required", []))
        for key in order or list(props):
            if key in SKIPPED or key == "procedure":
                continue
            self._field(obj, key, self.schema.resolve(props[key]), key in required,
                        f"{pointer}/{_escape(key)}")
        while not self._whole(obj, node):
            groups = [" + ".join(f"«{self._title(props[k], k)}»" for k in g["required"])
                      for g in node.get("anyOf", [])]
            self.asker.say(t("new-need-one-of", self.lang, fields="; ".join(groups))
                           if groups else t("new-need-something", self.lang))
            self.resume_at = None  # asked again, now: nothing is skipped
            first = node.get("anyOf", [{"required": []}])[0]["required"]
            for key in list(props):
                if key in SKIPPED or key in obj:
                    continue
                self._field(obj, key, self.schema.resolve(props[key]),
                            key in required or key in first, f"{pointer}/{_escape(key)}")

    def _title(self, node: dict[str, Any], key: str) -> str:
        return _texts(self.schema.resolve(node).get("description", key), self.lang)

    @staticmethod
    def _whole(obj: dict[str, Any], node: dict[str, Any]) -> bool:
        groups = node.get("anyOf")
        if groups and not any(all(k in obj for k in g["required"]) for g in groups):
            return False
        return len([k for k in obj if k not in SKIPPED]) >= int(node.get("minProperties", 0))

    def _field(self, obj: dict[str, Any], key: str, node: dict[str, Any], required: bool,
               pointer: str) -> None:
        kind = _kind(node)
        if kind == "skip":
            return
        if kind == "const":
            obj.setdefault(key, node["const"])
            return
        if key in obj:  # kept as it is; what is inside it may still be missing
            self._within(obj[key], node, pointer,
                         _texts(node.get("description", key), self.lang))
            return
        answered = self._reach(pointer)
        if answered and not required and kind != "array":  # a list asks at each item
            return
        if kind == "array":
            self._array(obj, key, node, required, pointer)
            return
        question = _texts(node.get("description", key), self.lang)
        if kind == "object":
            if not required and not self._yes(t("new-ask-has", self.lang, what=question)):
                return
            obj[key] = {}
            self._object(obj[key], node, pointer, title=question)
            return
        value = self._scalar(question, node, kind, required)
        if value is not None and not ("default" in node and value == node["default"]
                                      and not required):
            obj[key] = value

    def _within(self, value: Any, node: dict[str, Any], pointer: str, title: str) -> None:
        kind = _kind(node)
        if kind == "object" and isinstance(value, dict):
            self._object(value, node, pointer, title=title)
        elif kind == "array" and isinstance(value, list):
            self._items(value, node, pointer)

    # -- lists
    def _array(self, obj: dict[str, Any], key: str, node: dict[str, Any], required: bool,
               pointer: str) -> None:
        items: list[Any] = []
        obj[key] = items
        try:
            self._items(items, node, pointer)
        finally:  # also when stopped: an optional list with nothing in it is left out
            if not items and not required:
                del obj[key]

    def _items(self, items: list[Any], node: dict[str, Any], pointer: str) -> None:
        item = self.schema.resolve(node.get("items", {}))
        kind = _kind(item)
        what = _texts(node.get("description", ""), self.lang)
        for i, value in enumerate(items):
            self._within(value, item, f"{pointer}/{i}",
                         t("new-item", self.lang, what=what, n=i + 1))
        limit = node.get("maxItems")
        while limit is None or len(items) < limit:
            at = f"{pointer}/{len(items)}"
            if self._reach(at) or not self._yes(
                    t("new-ask-add-first" if not items else "new-ask-add-more", self.lang,
                      what=what, count=len(items))):
                return
            if kind == "object":
                items.append({})
                self._object(items[-1], item, at,
                             title=t("new-item", self.lang, what=what, n=len(items)))
            else:
                label = _texts(item.get("description", node.get("description", "")),
                               self.lang)
                value = self._scalar(label, item, kind, True)
                items.append(value)

    # -- one value
    def _yes(self, question: str, default: bool = False) -> bool:
        yes, no = t("new-yes", self.lang), t("new-no", self.lang)
        self._announce()
        return self.asker.select(question, [("yes", yes), ("no", no)],
                                 "yes" if default else "no") == "yes"

    def _scalar(self, question: str, node: dict[str, Any], kind: str,
                required: bool) -> Any:
        default = node.get("default")
        if kind == "enum":
            labels = node.get("enumDescriptions") or [""] * len(node["enum"])
            choices = [(str(v), f"{v}: {_texts(label, self.lang)}" if label else str(v))
                       for v, label in zip(node["enum"], labels, strict=True)]
            if not required and default is None:
                choices.append(("", t("new-leave-out", self.lang)))
            chosen = str(default) if default is not None else "" if not required \
                else choices[0][0]
            self._announce()
            picked = self.asker.select(question, choices, chosen)
            return picked or None
        if kind == "boolean":
            choices = [("yes", t("new-yes", self.lang)), ("no", t("new-no", self.lang))]
            if not required and default is None:
                choices.append(("", t("new-leave-out", self.lang)))
            self._announce()
            picked = self.asker.select(question, choices, "yes" if default is True else
                                       "" if not required and default is None else "no")
            return None if picked == "" else picked == "yes"
        parse = self._parser(node, kind, required)
        self._announce()
        raw = self.asker.text(question, parse, self._hint(node, kind, required))
        value = parse(raw)
        if kind == "date" and value is not None and raw.strip() != value:
            self.asker.say(t("new-date-shown", self.lang, date=value))
        return value

    def _hint(self, node: dict[str, Any], kind: str, required: bool) -> str:
        from checker.model import DOC_NUMBER_PATTERN

        parts = []
        if kind == "date":
            parts.append(t("new-hint-date", self.lang))
        elif kind in ("integer", "number"):
            parts.append(t("new-hint-count", self.lang, low=node.get("minimum", 0),
                           high=node.get("maximum", "…")))
        elif node.get("pattern") == DOC_NUMBER_PATTERN:
            parts.append(t("new-hint-number", self.lang))
        if not required:
            parts.append(t("new-hint-optional", self.lang))
        return "; ".join(parts)

    def _parser(self, node: dict[str, Any], kind: str,
                required: bool) -> Callable[[str], Any]:
        lang = self.lang

        def parse(raw: str) -> Any:
            text = unicodedata.normalize("NFC", raw.strip())
            if not text:
                if required:
                    raise Refused(t("new-required", lang))
                return None
            value: Any
            if kind == "date":
                value = parse_date(text, lang)
            elif kind == "integer":
                value = parse_integer(text, lang)
            elif kind == "number":
                value = parse_number(text, lang)
            else:
                value = text
            self._conform(value, node)
            return value

        return parse

    def _conform(self, value: Any, node: dict[str, Any]) -> None:
        """The value against the field's own schema (bounds, length, pattern, the
        letters of other alphabets); the first error in a sentence of the run."""
        import json

        from checker.model import DOC_NUMBER_PATTERN

        sub = {k: v for k, v in node.items() if k not in ("description", "title", "default")}
        key = json.dumps(sub, sort_keys=True)
        check = self._checks.get(key)
        if check is None:
            check = self._checks[key] = self._check.evolve(schema=sub)
        error = next(iter(check.iter_errors(value)), None)
        if error is None:
            return
        kw = error.validator
        if kw == "pattern" and node.get("pattern") == DOC_NUMBER_PATTERN:
            raise Refused(t("new-bad-doc-number", self.lang, value=value))
        if kw in ("minimum", "maximum"):
            raise Refused(t("new-out-of-range", self.lang, value=value,
                            low=node.get("minimum", 0), high=node.get("maximum", "…")))
        if kw == "maxLength":
            raise Refused(t("new-too-long", self.lang, high=node["maxLength"]))
        if kw == "not":
            raise Refused(t("new-foreign-letters", self.lang))
        if kw == "format":
            raise Refused(t("new-bad-date", self.lang, value=value))
        raise Refused(t("new-bad-form", self.lang, value=value))


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# ---------------------------------------------------------------- progress
def _comments(case: dict[str, Any]) -> list[Any]:
    c = case.get("$comment")
    return c if isinstance(c, list) else [] if c is None else [c]


def progress(case: dict[str, Any]) -> str | None:
    """Where an interrupted interview stopped, if this case is one."""
    for entry in _comments(case):
        m = PROGRESS_AT.match(entry) if isinstance(entry, str) else None
        if m is not None:
            return m.group(1)
    return None


def _drop_progress(case: dict[str, Any]) -> None:
    if "$comment" not in case:
        return
    kept = [c for c in _comments(case)
            if not (isinstance(c, str) and PROGRESS_AT.match(c))]
    if not kept:
        del case["$comment"]
    elif isinstance(case["$comment"], list):
        case["$comment"] = kept


def with_progress(case: dict[str, Any], at: str) -> dict[str, Any]:
    """The case with the mark of where its interview stopped (replacing an older one)."""
    _drop_progress(case)
    mark = PROGRESS.format(at=at)
    out = dict(case)
    out["$comment"] = [*_comments(case), mark]
    return out


def encode(case: dict[str, Any]) -> bytes:
    """How `checker new` writes a case: UTF-8, two spaces of indent, letters as they are,
    keys in the order they were asked (or were in the file), a final newline."""
    import json

    return (json.dumps(case, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
