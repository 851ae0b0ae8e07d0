"""The personnel dossier: an item present (or several), an item no older than so many
months. The dossier is the appointment family's (candidate's dossier) or, for another
procedure whose shape records the same Dossier (a rotation: NĐ 170/2025 Điều 47), that
one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from checker.light import SHAPES, CaseBase, Dossier, DossierKind
from checker.report import Kind
from checker.rules.predicates.core import (
    Ctx,
    DateRef,
    Field,
    Hit,
    Params,
    Pointer,
    Predicate,
    Value,
    date_ref,
    dates,
    emits,
    has_field,
    resolve,
)
from checker.workdays import add_months


class DossierAge(Params):
    """Each dossier item of `items` is no older than `months` months at the reference
    date (it may not be older than `months` months before it, nor dated after it). The
    law does not always say which date is the reference ("thời điểm xem xét"): each of
    `reference` is a reading, and an item fresh on one reading and stale on another
    cannot be decided."""

    kind: Literal["dossier_age"]
    items: list[DossierKind] = Field(min_length=1)
    months: int = Field(ge=1, le=120)
    reference: list[DateRef] = Field(min_length=1, description="The readings, earliest "
                                     "first: a stale item whose earlier reading the case "
                                     "does not record cannot be decided")
    first_filing: Pointer | None = Field(
        None, description="Where a reused dossier's first filing is recorded: when every "
                          "reading lies within `months` of it, items are judged at it")

    @property
    def readings(self) -> list[str]:
        return self.reference

    def unused(self) -> set[str]:
        return set() if len(self.reference) >= 2 else {"ambiguous", "ambiguous_after",
                                                         "stale_unfiled"}


class DossierItemPresent(Params):
    """The dossier holds an item of `item`, or (for components the case records
    elsewhere) a value at `or_at`."""

    kind: Literal["dossier_item"]
    item: DossierKind
    or_at: Pointer | None = None


class DocumentAge(Params):
    """The dossier item `item` is dated within `months` months before `reference`. With
    `open_beyond`, the text does not say before what the months run (e.g. a health
    certificate "trong thời hạn 06 tháng", NĐ 170/2025 Điều 43 k5): an item within them
    is fine, one older or later cannot be decided."""

    kind: Literal["document_age"]
    item: DossierKind
    months: int = Field(ge=1, le=120)
    reference: Pointer
    open_beyond: bool = False

    @property
    def open_question(self) -> bool:
        """With `open_beyond` its only finding is "cannot decide" (an undated item, or
        one beyond the months, alike)."""
        return self.open_beyond


# --- issue 14, LC (rotation): several items in one rule ---
class DossierItemsPresent(Params):
    """The dossier holds an item of each of `items`; an item the case records elsewhere
    (`elsewhere`: item → pointer, e.g. the political conclusion among the steps) counts
    there too. One finding per missing item."""

    kind: Literal["dossier_items"]
    items: list[DossierKind] = Field(min_length=1)
    elsewhere: dict[DossierKind, Pointer] = Field(default_factory=dict)
# --- end LC ---


# ---------------------------------------------------------------- predicates
def _records_a_dossier(shape: type[CaseBase]) -> bool:
    return has_field(shape, "dossier", Dossier)


# The shapes whose `dossier` is the appointment dossier (Điều 35): the appointment family
# and a rotation (Điều 47). Derived from the model; a removal's dossier is another model.
DOSSIERED: tuple[type[CaseBase], ...] = tuple(
    shape for shape in SHAPES.values() if _records_a_dossier(shape))


def _dossier(c: Ctx) -> Dossier | None:
    """The case's dossier: the appointment family's, or another shape's of the same
    model (a rotation's). A shape without one has none."""
    d = getattr(c.case, "dossier", None)
    return d if isinstance(d, Dossier) else None


def dossier_age(p: DossierAge, c: Ctx) -> Iterator[Hit]:
    refs = dates(c, p.reference)
    d = _dossier(c)
    if d is None or not refs:
        return
    # A reading listed before the first one found is missing (e.g. the filing date).
    first_found = next(i for i, r in enumerate(p.reference) if date_ref(c, c.data, r))
    earlier_missing = first_found > 0
    reused = date_ref(c, c.data, p.first_filing) if p.first_filing else None
    # The first dossier used again within the period: an item fresh when it was first
    # filed is still good.
    reuse_from = (add_months(reused[0], -p.months) if reused and all(
        r <= add_months(reused[0], p.months) for r, _ in refs) else None)
    for i, it in enumerate(d.items):
        if it.kind not in p.items:
            continue
        at = f"/dossier/items/{i}"
        if it.document.date is None:
            yield Hit(f"{at}/document", "undated", {"item": it.kind}, Kind.UNDECIDABLE)
            continue
        dated: list[tuple[str, dt.date, str]] = [
            (str(it.kind), it.document.date, f"{at}/document/date")]
        if it.photo_date is not None and it.kind == "curriculum_vitae":  # "(… ảnh chụp)"
            dated.append(("photo", it.photo_date, f"{at}/photo_date"))
        for name, issued, where in dated:
            yield from _age(p, name, issued, where, refs, reuse_from, earlier_missing)


def _age(p: DossierAge, name: str, issued: dt.date, at: str,
         refs: list[tuple[dt.date, str]], reuse_from: dt.date | None,
         earlier_missing: bool) -> Iterator[Hit]:
    stale = [r for r, _ in refs if issued < add_months(r, -p.months)]
    if reuse_from is not None and issued >= reuse_from:
        stale = []
    early = [r for r, _ in refs if issued > r]
    vals: dict[str, Value] = {"item": name, "issued": issued, "months": p.months}
    if stale and len(stale) == len(refs):
        if earlier_missing:
            yield Hit(at, "stale_unfiled", {**vals, "reference": stale[0]}, Kind.UNDECIDABLE)
        else:
            yield Hit(at, "too_old", {**vals, "reference": stale[0]})
    elif early and len(early) == len(refs):
        yield Hit(at, "after", {**vals, "reference": early[0]})
    elif stale:
        other = next(r for r, _ in refs if r not in stale)
        yield Hit(at, "ambiguous", {**vals, "reference": stale[0], "other": other},
                  Kind.UNDECIDABLE)
    elif early:
        other = next(r for r, _ in refs if r not in early)
        yield Hit(at, "ambiguous_after", {**vals, "reference": early[0], "other": other},
                  Kind.UNDECIDABLE)


def _items(c: Ctx, kind: DossierKind) -> list[int]:
    d = _dossier(c)
    return [i for i, it in enumerate(d.items) if it.kind == kind] if d else []


def dossier_item(p: DossierItemPresent, c: Ctx) -> Iterator[Hit]:
    if _items(c, p.item):
        return
    if p.or_at and resolve(c.data, p.or_at) is not None:
        return
    yield Hit("/dossier" if _dossier(c) else "", values={"item": p.item})


def dossier_items(p: DossierItemsPresent, c: Ctx) -> Iterator[Hit]:
    for item in p.items:
        if _items(c, item):
            continue
        at = p.elsewhere.get(item)
        if at is not None and resolve(c.data, at) is not None:
            continue
        yield Hit("/dossier" if _dossier(c) else "", values={"item": item})


def document_age(p: DocumentAge, c: Ctx) -> Iterator[Hit]:
    items = _items(c, p.item)
    if not items:
        return
    ref = resolve(c.data, p.reference)
    if not isinstance(ref, str):
        yield Hit(p.reference.rsplit("/", 1)[0], "no_reference", {"item": p.item},
                  Kind.UNDECIDABLE)
        return
    filed = dt.date.fromisoformat(ref)
    earliest = add_months(filed, -p.months)
    dossier = _dossier(c)
    assert dossier is not None
    beyond = Kind.UNDECIDABLE if p.open_beyond else Kind.VIOLATION
    for i in items:
        issued = dossier.items[i].document.date
        at = f"/dossier/items/{i}/document"
        if issued is None:
            yield Hit(at, "undated", {"item": p.item}, Kind.UNDECIDABLE)
        elif issued < earliest:
            yield Hit(f"{at}/date", "too_old",
                      {"item": p.item, "issued": issued, "filed": filed, "months": p.months},
                      beyond)
        elif issued > filed:
            yield Hit(f"{at}/date", "after", {"item": p.item, "issued": issued, "filed": filed},
                      beyond)


# ---------------------------------------------------------------- registry
KINDS = (
    Predicate(DossierAge, dossier_age, emits(
        undated="item", too_old="item issued months reference",
        after="item issued months reference", ambiguous="item issued months reference other",
        ambiguous_after="item issued months reference other",
        stale_unfiled="item issued months reference"), reads=DOSSIERED),
    Predicate(DossierItemPresent, dossier_item, emits(default="item"), reads=DOSSIERED),
    Predicate(DossierItemsPresent, dossier_items, emits(default="item"),  # issue 14, LC
              reads=DOSSIERED),
    Predicate(DocumentAge, document_age, emits(
        undated="item", no_reference="item", too_old="item issued filed months",
        after="item issued filed"), reads=DOSSIERED),
)
