"""The legal source catalog: documents, their dates, what replaced what, and how sure we are.

The catalog is data (checker/data/sources.toml, validated by schemas/sources.schema.json).
Rule packs cite it by id; a citation that does not resolve is a load error.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import CatalogError
from checker.report import Confidence

DATA = Path(__file__).resolve().parent / "data"


class Text(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


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
    amends: str | None = Field(
        None, description="The catalog id of the document this one amends (sửa đổi, bổ sung)")
    confidence: Confidence
    url: str | None = None
    note: Text | None = None


class Catalog(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    format: int = Field(ge=1, le=1)
    sources: list[Source]

    def get(self, source_id: str) -> Source | None:
        for s in self.sources:
            if s.id == source_id:
                return s
        return None


def toml_plain(node: Any) -> Any:
    """TOML dates become ISO strings so that JSON Schema sees plain JSON values."""
    if isinstance(node, dict):
        return {k: toml_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [toml_plain(v) for v in node]
    if isinstance(node, dt.date | dt.datetime | dt.time):
        return node.isoformat()
    return node


MAX_TOML_SIZE = 2 * 1024 * 1024  # a rule pack or catalog is tens of KB


def read_toml(path: Path, err: type[Exception]) -> dict[str, Any]:
    """Parse a TOML file that is a regular file of reasonable size (a pipe or a device is
    refused unread, so it can never hang the run)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise err(f"{path}: not a regular file")
        if st.st_size > MAX_TOML_SIZE:
            raise err(f"{path}: {st.st_size} bytes is too large for a rule pack")
        return toml_plain(tomllib.loads(path.read_text("utf-8")))  # type: ignore[no-any-return]
    except OSError as e:
        raise err(f"{path}: cannot read: {e.strerror}") from None
    except RecursionError:
        raise err(f"{path}: not valid TOML: nested too deeply") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise err(f"{path}: not valid TOML: {e}") from None


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
        if s.amends and cat.get(s.amends) is None:
            raise CatalogError(f"{origin}: {s.id} amends unknown source {s.amends!r}")
    return cat


@cache
def catalog() -> Catalog:
    path = DATA / "sources.toml"
    # The built-in catalog is validated against its schema by the test suite.
    return parse_catalog(read_toml(path, CatalogError), "sources.toml", schema=False)
