"""The legal source catalog: documents, their dates, what replaced what, and how sure we are.

The catalog is data (checker/data/sources.toml, validated by schemas/sources.schema.json).
Rule packs cite it by id; a citation that does not resolve is a load error.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CatalogError
from checker.i18n import Lang, t
from checker.report import Confidence, DocKind

DATA = Path(__file__).resolve().parent / "data"


class Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Provision(BaseModel):
    """A place in a document of the catalog: the article, clause and point that did
    something (e.g. the clause that replaced an older document)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    source: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Catalog id")
    article: int | None = Field(None, ge=1)
    clause: int | None = Field(None, ge=1)
    point: str | None = Field(None, min_length=1)


class Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    number: str
    kind: Text
    title: Text
    issuer: str
    layer: str = Field(pattern=r"^(state|party)$")
    signed: dt.date | None = None
    effective: dt.date | None = None
    ended: dt.date | None = None
    replaced_by: str | None = None
    replacement_basis: str | None = None
    replaced_under: Provision | None = Field(
        None, description="The provision that replaced this document, as structured data "
        "(replacement_basis as text), so that it can be named in each language")
    amends: str | None = Field(
        None, description="The catalog id of the document this one amends (sửa đổi, bổ sung)")
    confidence: Confidence
    url: str | None = None
    note: Text | None = None

    @property
    def starts(self) -> dt.date | None:
        """The first day in force: the effective date; else the signing date, before which
        nothing is in force; None if the catalog knows neither."""
        return self.effective or self.signed


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    format: int = Field(ge=1, le=1)
    sources: list[Source]

    def get(self, source_id: str) -> Source | None:
        for s in self.sources:
            if s.id == source_id:
                return s
        return None

    def in_force(self, s: Source) -> tuple[dt.date | None, dt.date | None]:
        """(first day, last day) the document is in force, as far as the catalog says: from
        its start (Source.starts; None if unknown) to its `ended` day, or else to the day
        before its replacement took effect; None for no known end."""
        end = s.ended
        if end is None and s.replaced_by:
            successor = self.get(s.replaced_by)
            start = successor.starts if successor is not None else None
            if start is not None and start > dt.date.min:
                end = start - dt.timedelta(days=1)
        return s.starts, end


def doc_kind(s: Source) -> DocKind:
    """The document's type in both languages, as the catalog records it."""
    return DocKind(vi=s.kind.vi, en=s.kind.en)


def toml_plain(node: Any) -> Any:
    """TOML dates become ISO strings so that JSON Schema sees plain JSON values."""
    if isinstance(node, dict):
        return {k: toml_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [toml_plain(v) for v in node]
    if isinstance(node, dt.date | dt.datetime | dt.time):
        return node.isoformat()
    return node


MAX_TOML_SIZE = 2 * 1024 * 1024  # a rule pack or catalog is tens of KB (the largest: 200 KB)


def read_toml(path: Path, err: type[Exception], lang: Lang = "en") -> dict[str, Any]:
    """Parse a TOML file that is a regular file of reasonable size. The file is opened
    without blocking and checked on the open descriptor (a pipe or a device is refused
    unread, so it can never hang the run, even if swapped in after a look at the path),
    and never more than the limit is read. Every failure is one `err` naming the file."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise err(t("file-not-regular", lang, file=name))
            raw = _read_at_most(fd, MAX_TOML_SIZE + 1)
        finally:
            os.close(fd)
        if len(raw) > MAX_TOML_SIZE:
            raise err(t("file-too-large", lang, file=name, size=max(st.st_size, len(raw)),
                        limit=MAX_TOML_SIZE))
        text = raw.decode("utf-8")
        return toml_plain(tomllib.loads(text))  # type: ignore[no-any-return]
    except OSError as e:
        raise err(t("file-unreadable", lang, file=name, reason=e.strerror)) from None
    except RecursionError:
        raise err(t("toml-too-deep", lang, file=name)) from None
    except UnicodeDecodeError as e:
        raise err(t("toml-not-utf8", lang, file=name, offset=e.start)) from None
    except tomllib.TOMLDecodeError as e:
        raise err(t("toml-invalid", lang, file=name, reason=e)) from None
    except ValueError:
        # tomllib turns a decimal integer into an int unchecked, and Python refuses one
        # of more digits than its limit (CVE-2020-10735): the only other ValueError.
        raise err(t("toml-number-too-long", lang, file=name,
                    limit=sys.get_int_max_str_digits())) from None


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(fd, limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def schema_errors(data: Any, schema: str) -> list[tuple[list[str | int], str]]:
    """(path, message) for each place where data breaks the named schema, in path order."""
    from checker.schemas import validator

    errors = sorted(validator(schema).iter_errors(data), key=lambda e: list(map(str, e.path)))
    return [(list(e.absolute_path), e.message) for e in errors]


def parse_catalog(data: dict[str, Any], origin: str, *, schema: bool = True) -> Catalog:
    problems = schema_errors(data, "sources") if schema else []
    if problems:
        path, message = problems[0]
        where = "/".join(map(str, path)) or "(top)"
        raise CatalogError(f"{origin}: source catalog does not match its schema at {where}: "
                           f"{message}")
    try:
        cat = Catalog.model_validate(data)
    except ValidationError as e:
        raise CatalogError(f"{origin}: {e.errors()[0]['msg']}") from None
    ids = [s.id for s in cat.sources]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise CatalogError(f"{origin}: source id used twice: {sorted(dup)[0]}")
    for s in cat.sources:
        if s.replaced_by and cat.get(s.replaced_by) is None:
            raise CatalogError(f"{origin}: {s.id} is replaced by unknown source {s.replaced_by!r}")
        if s.replaced_under and cat.get(s.replaced_under.source) is None:
            raise CatalogError(f"{origin}: {s.id} is replaced under unknown source "
                               f"{s.replaced_under.source!r}")
        if s.amends and cat.get(s.amends) is None:
            raise CatalogError(f"{origin}: {s.id} amends unknown source {s.amends!r}")
    return cat


@cache
def catalog() -> Catalog:
    path = DATA / "sources.toml"
    # The built-in catalog is validated against its schema by the test suite.
    return parse_catalog(read_toml(path, CatalogError), "sources.toml", schema=False)
