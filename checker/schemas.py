"""Shape: validate a parsed case against schemas/case.schema.json and turn each error
into a Finding with its pointer and a whole sentence in the user's language.

The validator is built once per process. jsonschema is imported here, not by the CLI,
so that commands that do not validate do not pay for it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.i18n import Lang
from checker.loading import Document, escape
from checker.lookalike import NAME_FOREIGN_PATTERN
from checker.patterns import DOC_NUMBER_PATTERN, JSON_POINTER_PATTERN, RULE_ID_PATTERN
from checker.report import Finding, Kind, Severity

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_RULE = "SCHEMA"
SCHEMA_NAMES = ("case", "rulepack", "report", "sources")


def schema_dir() -> Path:
    """schemas/ beside the package in an installed wheel, or at the repository root."""
    here = Path(__file__).resolve().parent
    installed = here / "schemas"
    return installed if installed.is_dir() else here.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((schema_dir() / f"{name}.schema.json").read_text("utf-8"))
    return data


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """JSON Schema patterns are ECMA-262 regular expressions, where `$` matches only at
    the very end; Python's `$` also matches before a final newline. Refuse that newline
    so the schema and the models (whose regex engine follows ECMA) agree."""
    from jsonschema import ValidationError

    if not isinstance(instance, str):
        return
    if not _matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator, FormatChecker, validators

    cls = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"pattern": _ecma_pattern}
    )
    return cls(load_schema(name), format_checker=FormatChecker())  # type: ignore[no-any-return]


@cache
def fast_validator(name: str) -> Any:
    """jsonschema-rs, compiled once: a fast yes/no on the common, valid case. jsonschema
    stays the reference: it alone produces findings, and a differential test proves both
    give the same verdict on every fixture and on generated documents."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    return jsonschema_rs.Draft202012Validator(load_schema(name), validate_formats=True)


def quick_valid(data: Any, name: str = "case") -> bool:
    fast = fast_validator(name)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # e.g. an integer beyond 64 bits: let the reference decide
        return False


_MSG: dict[str, dict[Lang, str]] = {
    "required": {
        "vi": "Thiếu trường bắt buộc \"{name}\".",
        "en": "The required field \"{name}\" is missing.",
    },
    "additionalProperties": {
        "vi": "Trường \"{name}\" không có trong lược đồ hồ sơ; hãy kiểm tra chính tả "
        "hoặc bỏ trường này.",
        "en": "The field \"{name}\" is not part of the case schema; check its spelling "
        "or remove it.",
    },
    # --- F (issue 14, one shape per procedure) ---
    "procedure-missing": {
        "vi": "Thiếu trường bắt buộc \"procedure\" (thủ tục): nó quyết định hồ sơ gồm những "
        "trường nào. Hãy ghi một trong các giá trị: {allowed}.",
        "en": "The required field \"procedure\" is missing: it decides which fields the case "
        "has. Write one of: {allowed}.",
    },
    "procedure-unknown": {
        "vi": "Thủ tục {value} không có trong danh sách được kiểm tra; hãy ghi một trong các "
        "giá trị: {allowed}.",
        "en": "The procedure {value} is not one the checker knows; write one of: {allowed}.",
    },
    "other-procedure": {
        "vi": "Trường \"{name}\" không thuộc hồ sơ {procedure} ({code}): trường này thuộc "
        "hồ sơ của thủ tục {owners}. Hãy kiểm tra trường procedure, hoặc bỏ trường này.",
        "en": "The field \"{name}\" is not part of a case of procedure \"{code}\" "
        "({procedure}): it belongs to procedure {owners}. Check the procedure field, or "
        "remove this one.",
    },
    "renamed": {
        "vi": "Trường \"{name}\" của hồ sơ {procedure} đã được đổi tên: hãy chuyển giá trị "
        "này sang \"{new}\".",
        "en": "The field \"{name}\" of a {procedure} case has been renamed: move this value "
        "to \"{new}\".",
    },
    "maxItems": {
        "vi": "Danh sách này có hơn {limit} mục.",
        "en": "This list has more than {limit} items.",
    },
    # --- end F ---
    "type": {
        "vi": "Giá trị ở đây phải là {expected}, nhưng đang là {actual}.",
        "en": "The value here must be {expected}, but it is {actual}.",
    },
    "enum": {
        "vi": "Giá trị {value} không hợp lệ; các giá trị được phép là: {allowed}.",
        "en": "The value {value} is not allowed; the allowed values are: {allowed}.",
    },
    "date": {
        "vi": "{value} không phải là ngày hợp lệ dạng YYYY-MM-DD (ISO 8601).",
        "en": "{value} is not a valid date in the form YYYY-MM-DD (ISO 8601).",
    },
    "date-vn": {
        "vi": "{value} không phải là ngày dạng YYYY-MM-DD (ISO 8601); hãy ghi {iso}.",
        "en": "{value} is not a date in the form YYYY-MM-DD (ISO 8601); write {iso}.",
    },
    "doc-number": {
        "vi": "{value} không đúng dạng số, ký hiệu văn bản (ví dụ 123/QĐ-BTC, "
        "170/2025/NĐ-CP, 97-QĐ/TW).",
        "en": "{value} is not a Vietnamese document number (e.g. 123/QĐ-BTC, "
        "170/2025/NĐ-CP, 97-QĐ/TW).",
    },
    "doc-number-lookalike": {
        "vi": "Số, ký hiệu {value} có ký tự \"{char}\" ({code}, {what}) trông giống "
        "\"{intended}\" ({intended_code}) nhưng là ký tự khác; hãy gõ lại bằng "
        "\"{intended}\", tức là {fixed}.",
        "en": "The document number {value} contains \"{char}\" ({code}, {what}), which looks "
        "like \"{intended}\" ({intended_code}) but is a different character; type "
        "\"{intended}\" instead, that is, {fixed}.",
    },
    "doc-number-lookalikes": {
        "vi": "Số, ký hiệu {value} có {count} ký tự trông giống ký tự thông thường nhưng là "
        "ký tự khác, cần gõ lại để thành {fixed}: {chars}.",
        "en": "The document number {value} contains {count} characters that look like the "
        "usual ones but are different, to retype so that it reads {fixed}: {chars}.",
    },
    "lookalike-item": {
        "vi": "\"{char}\" ({code}, {what}) thay cho \"{intended}\" ({intended_code})",
        "en": "\"{char}\" ({code}, {what}) in place of \"{intended}\" ({intended_code})",
    },
    "name-foreign": {
        "vi": "Tên {value} có {count} ký tự không phải chữ tiếng Việt: {chars}. Hãy gõ lại "
        "bằng bàn phím tiếng Việt; một ký tự trông giống mà khác mã làm cùng một người hay "
        "cơ quan bị coi là hai.",
        "en": "The name {value} contains {count} character(s) that are not Vietnamese "
        "letters: {chars}. Retype them with a Vietnamese keyboard; a character that looks the "
        "same but is not makes two of one person or body.",
    },
    "name-foreign-fixed": {
        "vi": "Tên {value} có {count} ký tự không phải chữ tiếng Việt: {chars}. Hãy gõ lại "
        "để tên thành {fixed}; một ký tự trông giống mà khác mã làm cùng một người hay cơ "
        "quan bị coi là hai.",
        "en": "The name {value} contains {count} character(s) that are not Vietnamese "
        "letters: {chars}. Retype them so that it reads {fixed}; a character that looks the "
        "same but is not makes two of one person or body.",
    },
    "name-char-lookalike": {
        "vi": "\"{char}\" ({code}, {what}) ở vị trí thứ {index}, trông giống \"{intended}\"",
        "en": "\"{char}\" ({code}, {what}) at position {index}, which looks like "
        "\"{intended}\"",
    },
    "name-char-foreign": {
        "vi": "\"{char}\" ({code}, {what}) ở vị trí thứ {index}",
        "en": "\"{char}\" ({code}, {what}) at position {index}",
    },
    "rule-id": {
        "vi": "{value} không phải là mã quy tắc (ví dụ APPT-QUORUM); xem danh sách bằng "
        "checker rules.",
        "en": "{value} is not a rule id (e.g. APPT-QUORUM); see checker rules for the list.",
    },
    "json-pointer": {
        "vi": "{value} không phải là con trỏ JSON (ví dụ /steps/1, bắt đầu bằng dấu /).",
        "en": "{value} is not a JSON pointer (e.g. /steps/1, starting with a slash).",
    },
    "waiver-authority": {
        "vi": "Miễn trừ phải ghi văn bản cho phép (trường \"authority\", có số và ngày); "
        "miễn trừ không có căn cứ thì không được chấp nhận.",
        "en": "A waiver must name the document that authorises it (the field "
        "\"authority\", with number and date); a waiver without an authority is not "
        "accepted.",
    },
    "document": {
        "vi": "Văn bản phải có ít nhất số, ký hiệu (number) hoặc trích yếu (title).",
        "en": "A document needs at least a number or a title.",
    },
    # part S: an object that needs one of several sets of fields (a suspension period)
    "any-of-fields": {
        "vi": "Thiếu trường: cần ghi {fields}.",
        "en": "Fields missing: give {fields}.",
    },
    "minimum": {
        "vi": "Giá trị {value} nhỏ hơn mức tối thiểu {limit}.",
        "en": "The value {value} is below the minimum {limit}.",
    },
    "maximum": {
        "vi": "Giá trị {value} lớn hơn mức tối đa {limit}.",
        "en": "The value {value} is above the maximum {limit}.",
    },
    # issue 14, D: an object that must name at least one of its keys (a dismissal's grounds)
    "minProperties": {
        "vi": "Cần ghi ít nhất {limit} mục ở đây, là một trong: {names}.",
        "en": "At least {limit} entry is needed here, one of: {names}.",
    },
    "minLength": {
        "vi": "Chuỗi này không được để trống.",
        "en": "This string must not be empty.",
    },
    "maxLength": {
        "vi": "Chuỗi này dài hơn {limit} ký tự.",
        "en": "This string is longer than {limit} characters.",
    },
    "other": {
        "vi": "Giá trị không khớp lược đồ hồ sơ ({keyword}).",
        "en": "The value does not match the case schema ({keyword}).",
    },
}

_TYPES: dict[str, dict[Lang, str]] = {
    "object": {"vi": "một đối tượng", "en": "an object"},
    "array": {"vi": "một danh sách", "en": "an array"},
    "string": {"vi": "một chuỗi", "en": "a string"},
    "integer": {"vi": "một số nguyên", "en": "an integer"},
    "number": {"vi": "một số", "en": "a number"},
    "boolean": {"vi": "true hoặc false", "en": "true or false"},
    "null": {"vi": "null", "en": "null"},
}

_VN_DATE = re.compile(r"^\s*(?:ngày\s*)?(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)(\d{1,2})\s*"
                      r"(?:/|-|\.|\s+năm\s+)(\d{4})\s*$", re.IGNORECASE)


def _json_type(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return "null"


def _show(v: Any) -> str:
    s = json.dumps(v, ensure_ascii=False, sort_keys=True)
    return s if len(s) <= 80 else s[:77] + "…"


def vn_date_to_iso(value: str) -> str | None:
    """'23/7/2025' or 'ngày 23 tháng 7 năm 2025' → '2025-07-23', if it is a real date."""
    import datetime as dt

    m = _VN_DATE.match(unicodedata.normalize("NFC", value))
    if not m:
        return None
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def _messages(e: ValidationError, lang: Lang, root: Any = None,
              name: str = "case") -> list[tuple[str, str]]:
    """(message, pointer suffix) for each problem an error stands for: jsonschema gives
    one additionalProperties error for all the unknown fields of an object."""
    v = e.instance
    if str(e.validator) == "additionalProperties" and isinstance(v, dict):
        schema: Any = e.schema
        extra = sorted(set(v) - set(schema.get("properties", {})))
        return [(_unknown_field(e, k, lang, root, name), "/" + escape(k)) for k in extra]
    if name == "case" and not list(e.absolute_path) and _is_procedure_missing(e):
        return [(_MSG["procedure-missing"][lang].format(allowed=_procedures(lang)), "")]
    if name == "case" and list(e.absolute_path) == ["procedure"] \
            and str(e.validator) in ("enum", "type"):
        return [(_MSG["procedure-unknown"][lang].format(value=_show(v),
                                                         allowed=_procedures(lang)), "")]
    return [_message(e, lang)]


# --- F (issue 14): a field of another procedure's shape, a renamed field, `procedure` ---
def _procedures(lang: Lang) -> str:
    from checker.i18n import PROCEDURE_NAMES
    from checker.light import SHAPES

    return ", ".join(p if PROCEDURE_NAMES[p][lang] == p else f"{p} ({PROCEDURE_NAMES[p][lang]})"
                     for p in SHAPES)


def _is_procedure_missing(e: ValidationError) -> bool:
    return str(e.validator) == "required" and "'procedure'" in e.message


@cache
def _owners() -> dict[tuple[str, ...], tuple[str, ...]]:
    from checker.model import field_owners

    return field_owners(load_schema("case"))


def _unknown_field(e: ValidationError, key: str, lang: Lang, root: Any, name: str) -> str:
    """An unknown field; if it was renamed, or belongs to another procedure's shape, say
    so and what to do."""
    from checker.i18n import PROCEDURE_NAMES
    from checker.model import RENAMED

    procedure = root.get("procedure") if isinstance(root, dict) else None
    if name != "case" or not isinstance(procedure, str) or procedure not in PROCEDURE_NAMES:
        return _unknown(key, e.schema, lang)
    place = (*(str(p) for p in e.absolute_path if not isinstance(p, int)), key)
    title = PROCEDURE_NAMES[procedure][lang]
    new = RENAMED.get(procedure, {}).get("/".join(place))
    if new is not None:
        return _MSG["renamed"][lang].format(name="/".join(place), procedure=title, new=new)
    owners = [p for p in _owners().get(place, ()) if p != procedure]
    if owners:
        listed = ", ".join(f"\"{p}\" ({PROCEDURE_NAMES[p][lang]})" for p in owners)
        return _MSG["other-procedure"][lang].format(
            name="/".join(place), procedure=title, code=procedure, owners=listed)
    return _unknown(key, e.schema, lang)


def _unknown(key: str, schema: Any, lang: Lang) -> str:
    """An unknown field, with the nearest field the object does have, if one is near
    (issue 12: "did you mean")."""
    from difflib import get_close_matches

    from checker.i18n import t

    known = [k for k in schema.get("properties", {}) if k != key] if isinstance(
        schema, dict) else []
    near = get_close_matches(key, known, n=1, cutoff=0.75) or get_close_matches(
        key.lower(), known, n=1, cutoff=0.75)
    if near:
        return t("unknown-field-suggest", lang, name=key, suggestion=near[0])
    return _MSG["additionalProperties"][lang].format(name=key)
# --- end F ---


def _message(e: ValidationError, lang: Lang) -> tuple[str, str]:
    """(message, pointer suffix) for one error."""
    kw = str(e.validator)
    v = e.instance
    m = _MSG
    schema: Any = e.schema
    want: Any = e.validator_value
    if kw == "required":
        missing = re.findall(r"'([^']*)' is a required property", e.message)
        name = missing[0] if missing else "?"
        if name == "authority" and _is_waiver(e):
            return m["waiver-authority"][lang], ""
        return m["required"][lang].format(name=name), ""
    if kw == "additionalProperties":
        extra = sorted(set(v) - set(schema.get("properties", {}))) if isinstance(v, dict) else []
        name = extra[0] if extra else "?"
        return _unknown(name, schema, lang), "/" + escape(name)
    if kw == "type":
        expected = (
            _TYPES.get(want, {}).get(lang, str(want))
            if isinstance(want, str)
            else " / ".join(_TYPES[w][lang] for w in want)
        )
        return m["type"][lang].format(expected=expected, actual=_TYPES[_json_type(v)][lang]), ""
    if kw == "enum":
        allowed = ", ".join(str(x) for x in want)
        return m["enum"][lang].format(value=_show(v), allowed=allowed), ""
    if kw == "format" and want == "date":
        iso = vn_date_to_iso(v) if isinstance(v, str) else None
        if iso:
            return m["date-vn"][lang].format(value=_show(v), iso=iso), ""
        return m["date"][lang].format(value=_show(v)), ""
    if kw == "pattern" and want == r"\S":  # names: whitespace only is empty
        return m["minLength"][lang], ""
    if kw == "pattern" and want == DOC_NUMBER_PATTERN:
        return _doc_number_message(v, lang), ""
    if kw == "pattern" and want == RULE_ID_PATTERN:
        return m["rule-id"][lang].format(value=_show(v)), ""
    if kw == "pattern" and want == JSON_POINTER_PATTERN:
        return m["json-pointer"][lang].format(value=_show(v)), ""
    if kw == "not" and isinstance(v, str) and want == _NAME_FOREIGN:
        return _name_message(v, lang), ""
    if kw == "anyOf" and isinstance(v, dict):
        # part S: alternatives of required fields other than a document's number or title
        # (a suspension period: working_days, or start and end)
        alternatives: list[Any] = want if isinstance(want, list) else []
        sets: list[list[Any]] = [
            a["required"] for a in alternatives
            if isinstance(a, dict) and isinstance(a.get("required"), list) and a["required"]]
        if sets and len(sets) == len(alternatives) and sets != [["number"], ["title"]]:
            both, either = ((" và ", ", hoặc ") if lang == "vi" else (" and ", ", or "))
            fields = either.join(both.join(f'"{f}"' for f in x) for x in sets)
            return m["any-of-fields"][lang].format(fields=fields), ""
        return m["document"][lang], ""
    if kw in ("minimum", "maximum"):
        return m[kw][lang].format(value=v, limit=want), ""
    if kw == "maxItems":  # F (issue 14): a `$comment` given as a list
        return m[kw][lang].format(limit=want), ""
    if kw == "minProperties":
        names = ", ".join(schema.get("properties", {})) or "?"
        return m[kw][lang].format(limit=want, names=names), ""
    if kw in ("minLength", "maxLength"):
        return m[kw][lang].format(limit=want), ""
    return m["other"][lang].format(keyword=kw), ""


def _doc_number_message(v: Any, lang: Lang) -> str:
    """Why a document number fails. If it would match once its look-alike characters
    (checker.lookalike) are retyped, name each of them; otherwise show the usual forms."""
    from checker.lookalike import lookalikes, respell

    found = lookalikes(v) if isinstance(v, str) else []
    fixed = respell(v) if found else ""
    if not found or not _matches(DOC_NUMBER_PATTERN, fixed):
        return _MSG["doc-number"][lang].format(value=_show(v))
    described = [
        {"char": la.char, "code": la.code, "what": la.vi if lang == "vi" else la.en,
         "intended": la.intended, "intended_code": la.intended_code}
        for la in found
    ]
    if len(described) == 1:
        return _MSG["doc-number-lookalike"][lang].format(
            value=_show(v), fixed=_show(fixed), **described[0]
        )
    chars = "; ".join(_MSG["lookalike-item"][lang].format(**d) for d in described)
    return _MSG["doc-number-lookalikes"][lang].format(
        value=_show(v), count=len(found), chars=chars, fixed=_show(fixed)
    )


def _name_message(v: str, lang: Lang) -> str:
    """Which characters of a name are of another script, where, and what to type."""
    from checker.lookalike import foreign

    v = unicodedata.normalize("NFC", v)  # positions as the clerk sees the letters
    found = foreign(v)
    items = []
    for f in found:
        what = f.vi if lang == "vi" else f.en
        key = "name-char-lookalike" if f.intended else "name-char-foreign"
        items.append(_MSG[key][lang].format(char=f.char, code=f.code, what=what,
                                            index=f.index, intended=f.intended or ""))
    chars = "; ".join(items)
    if all(f.intended for f in found):
        swap = {f.char: f.intended or f.char for f in found}
        fixed = "".join(swap.get(c, c) for c in v)
        return _MSG["name-foreign-fixed"][lang].format(
            value=_show(v), count=len(found), chars=chars, fixed=_show(fixed))
    return _MSG["name-foreign"][lang].format(value=_show(v), count=len(found), chars=chars)


_NAME_FOREIGN = {"type": "string", "pattern": NAME_FOREIGN_PATTERN}


def _matches(pattern: str, text: str) -> bool:
    """ECMA-262 semantics, as in _ecma_pattern: `$` does not match before a final newline."""
    return bool(re.search(pattern, text)) and not (pattern.endswith("$") and text.endswith("\n"))


def _is_waiver(e: ValidationError) -> bool:
    """The error is about an item of the case's `waivers`: /waivers/N."""
    path = list(e.absolute_path)
    return len(path) == 2 and path[0] == "waivers" and isinstance(path[1], int)


def validate(doc: Document, lang: Lang, name: str = "case") -> list[Finding]:
    if quick_valid(doc.data, name):
        return []
    out: list[Finding] = []
    said: set[tuple[str, str]] = set()  # a set, not a search of `out`: thousands of errors
    for e in validator(name).iter_errors(doc.data):
        base = "".join("/" + escape(str(p)) for p in e.absolute_path)
        for msg, suffix in _messages(e, lang, doc.data, name):
            pointer = base + suffix
            if (pointer, msg) in said:
                continue  # e.g. an empty name breaks both minLength and its pattern
            said.add((pointer, msg))
            pos = doc.key_position(pointer) if suffix else doc.position(pointer)
            out.append(
                Finding(
                    rule=SCHEMA_RULE,
                    severity=Severity.ERROR,
                    kind=Kind.INPUT,
                    message=msg,
                    pointer=pointer,
                    position=pos,
                )
            )
    return out
