"""Human-readable views of the rule base: `checker rules`, `explain` and `sources`, laid
out at the terminal's width (checker.text.terminal_width: COLUMNS, else the terminal,
else 80 columns), with hanging indents; a rule id, a path or a URL is never split."""

from __future__ import annotations

import datetime as dt
import os
from typing import TextIO

from rich.console import Console
from rich.text import Text

from checker.i18n import (
    CONFIDENCE_NAMES,
    LAYER_NAMES,
    SELECTOR_NAMES,
    SEVERITY_NAMES,
    Lang,
    fmt_date,
    t,
)
from checker.report import document_name, place
from checker.rules.pack import Pack, Rule, citation
from checker.sources import Catalog, Source, catalog, doc_kind
from checker.text import terminal_width, words, wrap, wrap_text

_L: dict[str, dict[Lang, str]] = {
    "id": {"vi": "Mã", "en": "Rule"},
    "ver": {"vi": "Bản", "en": "Ver."},
    "sev": {"vi": "Mức", "en": "Severity"},
    "title": {"vi": "Nội dung", "en": "Title"},
    "cite": {"vi": "Căn cứ", "en": "Source"},
    "period": {"vi": "Hiệu lực", "en": "In force"},
    "layer": {"vi": "Tầng", "en": "Layer"},
    "what": {"vi": "Kiểm tra gì", "en": "What it checks"},
    "why": {"vi": "Căn cứ pháp lý", "en": "Legal basis"},
    "example": {"vi": "Ví dụ vi phạm", "en": "Example of a breach"},
    "number": {"vi": "Văn bản", "en": "Document"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "signed": {"vi": "Ngày ký", "en": "Signed"},
    "effective": {"vi": "Hiệu lực", "en": "Effective"},
    "ended": {"vi": "Hết hiệu lực", "en": "Ended"},
    "replaced": {"vi": "Thay thế bởi", "en": "Replaced by"},
    "conf": {"vi": "Độ tin cậy", "en": "Confidence"},
    "none": {"vi": "Không có quy tắc nào có hiệu lực vào ngày này.",
             "en": "No rules are in force on that date."},
    "since": {"vi": "từ {start}", "en": "from {start}"},
    "between": {"vi": "{start} – {end}", "en": "{start} – {end}"},
    "chain": {"vi": "{old} được thay thế bởi {new} từ {date} ({basis}).",
              "en": "{old} was replaced by {new} from {date} ({basis})."},
    "layer-line": {"vi": "Tầng {layer}", "en": "{layer} layer"},
    "amends": {"vi": "{new} sửa đổi, bổ sung {old} từ {date}.",
               "en": "{new} amended {old} from {date}."},
    "timeline": {"vi": "Dòng thời gian", "en": "Timeline"},
    "regime": {"vi": "Tầng {layer} vào ngày {date}: {regimes}.",
               "en": "{layer} layer on {date}: {regimes}."},
    "regime-none": {"vi": "Tầng {layer} vào ngày {date}: chưa có quy định nào được mã hóa "
                          "(hồ sơ sẽ được báo là chưa được kiểm tra).",
                    "en": "{layer} layer on {date}: no regulation is encoded (cases are "
                          "reported as not covered)."},
    "supplements": {"vi": "cùng với {names}", "en": "with {names}"},
    "amended": {"vi": "{old} (sửa đổi bởi {new})", "en": "{old} as amended by {new}"},
    "by": {"vi": "theo ngày {selector}", "en": "by the {selector} date"},
    # issue 12, point 4: `checker explain` of the tool's own ids
    "own": {"vi": "Mã riêng của checker, không phải quy tắc của một văn bản pháp luật; có thể "
                  "dùng trong --select và --ignore (trừ INTERNAL, không thể bỏ qua).",
            "en": "The checker's own id, not a rule of a legal text; it can be used in --select "
                  "and --ignore (but INTERNAL cannot be ignored)."},
    "means": {"vi": "Ý nghĩa", "en": "What it means"},
}



class _Console(Console):
    def on_broken_pipe(self) -> None:
        """`checker rules | head -1`: rich would exit 1; the CLI ends quietly with 0."""
        self.quiet = True
        raise BrokenPipeError


def _console(out: TextIO, width: int | None = None) -> Console:
    """A console for `out` at `width` columns (None: the terminal's width), coloured as
    NO_COLOR, FORCE_COLOR or a terminal say. Lines are wrapped here, before printing, so
    rich is told not to wrap them again (soft_wrap)."""
    from checker.colour import use_color

    color = use_color(None, out)
    return _Console(file=out, width=width or terminal_width(out, os.environ),
                    force_terminal=color, no_color=not color, soft_wrap=True,
                    highlight=False, emoji=False)


def _para(con: Console, text: str, *, first: str = "", indent: str = "",
          style: str = "") -> None:
    """Each line of `text` wrapped at the console's width with a hanging indent."""
    for part in text.split("\n"):
        for line in wrap_text(part, con.width, first=first, indent=indent):
            con.print(Text(line, style=style))


def _period(r: Rule, lang: Lang) -> str:
    p = r.in_force
    if p.end is None:
        return _L["since"][lang].format(start=fmt_date(p.start, lang))
    return _L["between"][lang].format(start=fmt_date(p.start, lang),
                                      end=fmt_date(p.end, lang))


def _name(s: Source, lang: Lang) -> str:
    """"Nghị định 170/2025/NĐ-CP" / "Decree 170/2025/NĐ-CP"."""
    return document_name(s.number, doc_kind(s), lang)


def _all_rules(packs: tuple[Pack, ...]) -> list[tuple[Pack, Rule]]:
    return sorted(((p, r) for p in packs for r in p.rules), key=lambda x: (x[1].id, x[1].version))


def regimes_on(packs: tuple[Pack, ...], day: dt.date, lang: Lang) -> list[str]:
    """One line per layer: the regulation each layer is judged under on `day`, and the
    supplementary regulations in force alongside."""
    cat = catalog()
    lines = []
    for layer in ("party", "state"):
        regimes: list[str] = []
        extra: list[str] = []
        for p in packs:
            for c in p.covers:
                if c.layer != layer or not c.in_force.contains(day):
                    continue
                src = cat.get(c.source)
                name = _name(src, lang) if src else c.source
                amended = cat.get(src.amends) if src and src.amends else None
                if amended is not None:
                    name = _L["amended"][lang].format(old=_name(amended, lang), new=name)
                by = _L["by"][lang].format(selector=SELECTOR_NAMES[c.selected_by][lang])
                label = f"{name} ({by})"
                target = regimes if c.role == "regime" else extra
                if label not in target:
                    target.append(label)
        extra = [e for e in extra if e not in regimes]
        names = {"layer": LAYER_NAMES[layer][lang], "date": fmt_date(day, lang)}
        if lang == "en":  # the layer's name starts the sentence
            names["layer"] = names["layer"][:1].upper() + names["layer"][1:]
        if not regimes:
            lines.append(_L["regime-none"][lang].format(**names))
            continue
        text = "; ".join(regimes)
        if extra:
            text += " " + _L["supplements"][lang].format(names="; ".join(extra))
        lines.append(_L["regime"][lang].format(regimes=text, **names))
    return lines


def rules_table(packs: tuple[Pack, ...], as_of: dt.date | None, lang: Lang, out: TextIO,
                *, width: int | None = None) -> None:
    """The rules per layer, each as a line `ID (vN) · severity · period` that starts at
    the margin (for copying into --select and explain; never split), then its title and
    its first two citations under it. A list rather than a table: six columns do not fit
    in 80, and the id would be cut."""
    con = _console(out, width)
    cat = catalog()
    chosen = [(p, r) for p, r in _all_rules(packs) if as_of is None or r.in_force.contains(as_of)]
    if as_of is not None:
        for line in regimes_on(packs, as_of, lang):
            _para(con, line, indent="  ")  # one sentence per layer
        con.print()
    if not chosen:
        _para(con, _L["none"][lang])
        return
    for n, layer in enumerate(sorted({p.layer for p, _ in chosen})):
        if n:
            con.print()
        con.print(Text(_layer_line(layer, lang), style="bold"))
        for p, r in chosen:
            if p.layer != layer:
                continue
            head = [f"{r.id} (v{r.version})", "·", SEVERITY_NAMES[str(r.severity)][lang], "·",
                    _period(r, lang)]
            for k, (a, b) in enumerate(wrap(head, con.width, indent=4)):
                con.print(Text(("    " if k else "") + " ".join(head[a:b]),
                               style="" if k else "bold"))
            _para(con, r.title.get(lang), first="    ", indent="    ")
            cites = "; ".join(citation(c, cat).label(lang) for c in r.cites[:2])
            if cites:
                _para(con, f"{_L['cite'][lang]}: {cites}", first="    ", indent="      ",
                      style="dim")


def explain_rule(packs: tuple[Pack, ...], rule_id: str, lang: Lang, out: TextIO,
                 *, width: int | None = None) -> bool:
    versions = [r for p, r in _all_rules(packs) if r.id == rule_id]
    if not versions:
        return False
    con = _console(out, width)
    cat = catalog()
    for r in versions:
        _para(con, f"{r.id} (v{r.version}) — {r.title.get(lang)}", indent="  ", style="bold")
        _para(con, f"{_L['sev'][lang]}: {SEVERITY_NAMES[str(r.severity)][lang]} · "
                   f"{_L['period'][lang]}: {_period(r, lang)}")
        con.print()
        con.print(Text(_L["what"][lang], style="bold"))
        _para(con, r.explain.get(lang))
        con.print()
        con.print(Text(_L["why"][lang], style="bold"))
        for c in r.cites:
            cit = citation(c, cat)
            conf = CONFIDENCE_NAMES[str(cit.confidence)][lang]
            _para(con, f"{cit.label(lang)} ({_L['conf'][lang].lower()}: {conf})",
                  first="- ", indent="  ")
            if cit.quote:
                _para(con, f"«{cit.quote}»", first="  ", indent="   ", style="italic")
            else:  # issue 13, point 4: say so, rather than leave the reader to wonder
                from checker.i18n import html_text

                _para(con, html_text("no-quote", lang), first="  ", indent="  ", style="dim")
        con.print()
        con.print(Text(_L["example"][lang], style="bold"))
        _para(con, r.example.get(lang))
    return True


def explain_tool_rule(rule_id: str, lang: Lang, out: TextIO, *,
                      width: int | None = None) -> bool:
    """What one of the tool's own ids (INPUT, SCHEMA, …) means; False if it is not one."""
    from checker.i18n import TOOL_RULE_TEXT

    text = TOOL_RULE_TEXT.get(rule_id)
    if text is None:
        return False
    con = _console(out, width)
    _para(con, f"{rule_id} — {text['title'][lang]}", style="bold")
    _para(con, _L["own"][lang])
    con.print()
    _para(con, _L["means"][lang], style="bold")
    _para(con, text["explain"][lang])
    return True


def sources_table(cat: Catalog, lang: Lang, out: TextIO, *, width: int | None = None) -> None:
    """The catalog per layer, each document as a line `number · issuer` that starts at the
    margin, its dates, successor and confidence under it (a list rather than a table:
    eight columns do not fit in 80, and dates would be cut); then the replacement and
    amendment timeline per layer."""
    con = _console(out, width)
    by_id = {s.id: s for s in cat.sources}
    ordered = sorted(cat.sources, key=lambda s: (s.layer, s.signed or dt.date.min, s.number))
    for n, layer in enumerate(dict.fromkeys(s.layer for s in ordered)):
        if n:
            con.print()
        con.print(Text(_layer_line(layer, lang), style="bold"))
        for s in ordered:
            if s.layer != layer:
                continue
            head = [*words(_name(s, lang)), "·", *words(s.issuer)]
            for k, (a, b) in enumerate(wrap(head, con.width, indent=4)):
                con.print(Text(("    " if k else "") + " ".join(head[a:b]),
                               style="" if k else "bold"))
            fields = [(key, value) for key, value in (
                ("signed", fmt_date(s.signed, lang) if s.signed else ""),
                ("effective", fmt_date(s.effective, lang) if s.effective else ""),
                ("ended", fmt_date(s.ended, lang) if s.ended else ""),
                ("replaced", _name(by_id[s.replaced_by], lang) if s.replaced_by else ""),
                ("conf", CONFIDENCE_NAMES[str(s.confidence)][lang]),
            ) if value]
            atoms = [f"{_L[key][lang]}: {value}" + (" ·" if k < len(fields) - 1 else "")
                     for k, (key, value) in enumerate(fields)]
            for k, (a, b) in enumerate(wrap(atoms, con.width, first=4, indent=6)):
                con.print(Text(("      " if k else "    ") + " ".join(atoms[a:b]),
                               style="dim"))
    con.print()
    con.print(Text(_L["timeline"][lang], style="bold"))
    events: list[tuple[str, dt.date, str]] = []
    for s in cat.sources:
        if s.replaced_by and s.ended:
            new = by_id[s.replaced_by]
            day = s.ended + dt.timedelta(days=1)
            events.append((s.layer, day, _L["chain"][lang].format(
                old=_name(s, lang), new=_name(new, lang), date=fmt_date(day, lang),
                basis=_basis(s, by_id, lang))))
        if s.amends:
            day = s.effective or s.signed or dt.date.min
            events.append((s.layer, day, _L["amends"][lang].format(
                new=_name(s, lang), old=_name(by_id[s.amends], lang),
                date=fmt_date(day, lang))))
    for layer in ("party", "state"):
        mine = sorted((d, text) for lay, d, text in events if lay == layer)
        if not mine:
            continue
        con.print(Text(_layer_line(layer, lang), style="bold"))
        for _, text in mine:
            _para(con, text, first="- ", indent="  ")


def _basis(s: Source, by_id: dict[str, Source], lang: Lang) -> str:
    """What a replacement rests on: the replacing provision, named in the language
    ("điểm c khoản 2 Điều 71 Nghị định 170/2025/NĐ-CP"); else how sure the catalog is."""
    u = s.replaced_under
    if u is not None and u.source in by_id:
        return place(_name(by_id[u.source], lang), lang, u.article, u.clause,
                     (u.point,) if u.point else ())
    return t("confidence", lang, level=CONFIDENCE_NAMES[str(s.confidence)][lang])


def _layer_line(layer: str, lang: Lang) -> str:
    """"Tầng Nhà nước" / "State layer": a heading starts with a capital."""
    text = _L["layer-line"][lang].format(layer=LAYER_NAMES[layer][lang])
    return text[:1].upper() + text[1:]
