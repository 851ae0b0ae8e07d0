"""The command line in the run's language: click's own errors and help, never half English.

One run speaks one language (issue 12, point 3). The language is known before click
parses anything (`early_lang`: --lang on the command line, else CHECKER_LANG, else the
configuration file's `lang`, else Vietnamese), so that even a usage error, and `--help`,
are in it. How:

- Help texts are written in both languages (`Bi`) and the command tree is switched to the
  run's language before parsing (`localize`); click's headings ("Usage", "Options",
  "Commands") go through a formatter of our own. `checker --help` is in Vietnamese,
  `checker --lang en --help` (or `CHECKER_LANG=en`, or `lang = "en"` in the
  configuration) in English.
- Errors: click raises exceptions that carry what went wrong as data (the option name,
  the parameter, the possibilities); `error_text` writes the sentence from that data in
  the run's language. The values a parameter refuses are judged by the types of this
  module (Choice, Path, IntRange, Int), whose messages are ours. A test walks the command
  tree and proves every parameter uses one of them.

Kept light: the CLI imports it at start-up (only click and the message tables).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ClassVar

import click

from checker.i18n import Lang

RUN_LANG: ContextVar[Lang] = ContextVar("checker_run_lang", default="vi")


def current() -> Lang:
    """The language of this run (set by CheckerGroup.main before parsing)."""
    return RUN_LANG.get()


class Bi(str):
    """A help text in both languages; as a plain string it is the Vietnamese one."""

    en: str
    # Every text written, by its Vietnamese: click copies an option's help into a plain
    # string (inspect.cleandoc), so localize() finds the pair again from that string.
    written: ClassVar[dict[str, Bi]] = {}

    def __new__(cls, vi: str, en: str) -> Bi:
        obj = super().__new__(cls, vi)
        obj.en = en
        cls.written[vi] = obj
        return obj

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else str(self)


# ---------------------------------------------------------------- the run's language
def _flag(argv: Sequence[str], name: str) -> str | None:
    """The value of the last `name VALUE` or `name=VALUE` before a lone `--`."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith(name + "="):
            found = arg[len(name) + 1:]
    return found


def early_lang(argv: Sequence[str], env: Mapping[str, str] | None = None,
               cwd: Path | None = None) -> Lang:
    """The language of the run, before the arguments are parsed: a valid --lang, else a
    valid CHECKER_LANG, else the `lang` of the configuration file (--config or the
    nearest one), else Vietnamese. A configuration that cannot be read is reported later
    by the command itself; here it just does not choose the language."""
    env = os.environ if env is None else env
    flag = _flag(argv, "--lang")
    if flag in ("vi", "en"):
        return flag  # type: ignore[return-value]
    var = env.get("CHECKER_LANG")
    if var in ("vi", "en"):
        return var  # type: ignore[return-value]
    from checker.config import resolve
    from checker.errors import CheckerError

    config = _flag(argv, "--config")
    try:
        settings = resolve({}, cwd=cwd or Path.cwd(), env={},
                           config=Path(config) if config else None).settings
    except (CheckerError, OSError):
        return "vi"
    return settings.lang


# ---------------------------------------------------------------- texts
TEXTS: dict[str, dict[Lang, str]] = {
    "usage": {"vi": "Cách dùng: ", "en": "Usage: "},
    "Options": {"vi": "Tùy chọn", "en": "Options"},
    "Commands": {"vi": "Lệnh", "en": "Commands"},
    "Arguments": {"vi": "Đối số", "en": "Arguments"},
    "help-option": {"vi": "In hướng dẫn này rồi thoát.", "en": "Show this message and exit."},
    "version-option": {"vi": "In phiên bản rồi thoát.", "en": "Show the version and exit."},
    "no-such-option": {
        "vi": "Không có tùy chọn {name}{where}.",
        "en": "There is no option {name}{where}.",
    },
    "no-such-command": {
        "vi": "Không có lệnh '{name}'; các lệnh có: {known}.",
        "en": "There is no command '{name}'; the commands are: {known}.",
    },
    "did-you-mean": {"vi": " Có phải ý bạn là {names}?", "en": " Did you mean {names}?"},
    "in-command": {"vi": " cho lệnh '{command}'", "en": " for the command '{command}'"},
    "option-needs-value": {
        "vi": "Tùy chọn {name} cần một giá trị đi kèm.",
        "en": "The option {name} needs a value.",
    },
    "option-takes-no-value": {
        "vi": "Tùy chọn {name} là một công tắc, không nhận giá trị.",
        "en": "The option {name} is a switch and takes no value.",
    },
    "missing-argument": {
        "vi": "Thiếu đối số {name}{where}; xem `checker {command} --help`.",
        "en": "The argument {name} is missing{where}; see `checker {command} --help`.",
    },
    "missing-option": {
        "vi": "Thiếu tùy chọn {name}{where}.",
        "en": "The option {name} is missing{where}.",
    },
    "extra-arguments": {
        "vi": "Lệnh '{command}' không nhận thêm đối số: {args}.",
        "en": "The command '{command}' takes no further arguments: {args}.",
    },
    "bad-value": {
        "vi": "Giá trị không hợp lệ cho {name}: {detail}",
        "en": "Invalid value for {name}: {detail}",
    },
    "option-name": {"vi": "tùy chọn {name}", "en": "the option {name}"},
    "argument-name": {"vi": "đối số {name}", "en": "the argument {name}"},
    "bad-choice": {
        "vi": "'{value}' không phải một trong các giá trị {choices}.",
        "en": "'{value}' is not one of {choices}.",
    },
    "bad-int": {
        "vi": "'{value}' không phải một số nguyên.",
        "en": "'{value}' is not a whole number.",
    },
    "bad-int-range": {
        "vi": "{value} không nằm trong khoảng từ {low} đến {high}.",
        "en": "{value} is not in the range {low} to {high}.",
    },
    "bad-int-min": {
        "vi": "{value} nhỏ hơn {low}.",
        "en": "{value} is less than {low}.",
    },
    "path-missing": {
        "vi": "không có tệp '{path}'.",
        "en": "there is no file '{path}'.",
    },
    "path-is-dir": {
        "vi": "'{path}' là một thư mục, không phải tệp.",
        "en": "'{path}' is a directory, not a file.",
    },
    "path-unusable": {
        "vi": "không dùng được '{path}'.",
        "en": "'{path}' cannot be used.",
    },
    "bad-date": {
        "vi": "'{value}' không phải một ngày dạng YYYY-MM-DD.",
        "en": "'{value}' is not a date in the form YYYY-MM-DD.",
    },
    "not-positive": {
        "vi": "cần một số byte dương.",
        "en": "a positive number of bytes is needed.",
    },
    "stdout-closed": {
        "vi": "đầu ra chuẩn đã đóng nên không có chỗ ghi báo cáo (hãy dùng --output FILE).",
        "en": "standard output is closed; there is nowhere to write the report (use "
        "--output FILE).",
    },
    "internal-error": {
        "vi": "lỗi nội bộ: {detail} (CHECKER_DEBUG=1 cho xem traceback)",
        "en": "internal error: {detail} (CHECKER_DEBUG=1 shows the traceback)",
    },
    "usage-error": {
        "vi": "Cách dùng không đúng: {detail}",
        "en": "Wrong usage: {detail}",
    },
}


def text(key: str, lang: Lang | None = None, **values: object) -> str:
    return TEXTS[key][lang or current()].format(**values)


# ---------------------------------------------------------------- types with our messages
class Choice(click.Choice):  # type: ignore[type-arg]
    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(text("bad-choice", value=value,
                           choices=", ".join(map(str, self.choices))), param, ctx)


class Path_(click.Path):
    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            shown = os.fsdecode(value) if isinstance(value, str | bytes) else str(value)
            if self.exists and not os.path.lexists(shown):
                key = "path-missing"
            elif not self.dir_okay and os.path.isdir(shown):
                key = "path-is-dir"
            else:
                key = "path-unusable"
            self.fail(text(key, path=shown), param, ctx)


class IntRange(click.IntRange):
    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            try:
                int(value)
            except (TypeError, ValueError):
                self.fail(text("bad-int", value=value), param, ctx)
            if self.max is None:
                self.fail(text("bad-int-min", value=value, low=self.min), param, ctx)
            self.fail(text("bad-int-range", value=value, low=self.min, high=self.max),
                      param, ctx)


class Int(click.types.IntParamType):
    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(text("bad-int", value=value), param, ctx)


OWN_TYPES: tuple[type, ...] = (Choice, Path_, IntRange, Int)


# ---------------------------------------------------------------- help in one language
class Formatter(click.HelpFormatter):
    """click's help layout, with its headings in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, text("usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(TEXTS[heading][current()] if heading in TEXTS else heading)


class Context(click.Context):
    formatter_class = Formatter


def _help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = text("help-option")
    return option


class CheckerCommand(click.Command):
    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option(super().get_help_option(ctx))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """As click's, but extra arguments are an error of our own (ExtraArguments)."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest


class ExtraArguments(click.UsageError):
    def __init__(self, args: list[str], ctx: click.Context) -> None:
        super().__init__(f"unexpected extra arguments: {' '.join(args)}", ctx)
        self.extra = args


def _localize_attr(obj: object, attr: str, lang: Lang) -> None:
    """Set obj.attr to one language of the Bi written there, which is kept beside it so
    that the next run in the same process (tests) finds both languages again."""
    store = f"_checker_written_{attr}"
    bi = getattr(obj, store, None)
    if bi is None:
        value = getattr(obj, attr, None)
        bi = value if isinstance(value, Bi) else Bi.written.get(value) \
            if isinstance(value, str) else None
        if bi is None:
            return
        setattr(obj, store, bi)
    setattr(obj, attr, bi.get(lang))


def localize(command: click.Command, lang: Lang) -> None:
    """Set the help of the command, its parameters and its subcommands to one language."""
    for attr in ("help", "short_help", "epilog"):
        _localize_attr(command, attr, lang)
    for param in command.params:
        _localize_attr(param, "help", lang)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize(sub, lang)


class CheckerGroup(click.Group):
    """The top-level group: sets the run's language, then parses; a click error becomes
    one line on stderr in that language ("checker: …"), exit 2."""

    context_class = Context
    command_class = CheckerCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option(super().get_help_option(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        import sys

        argv = list(sys.argv[1:] if args is None else args)
        lang = early_lang(argv)
        RUN_LANG.set(lang)
        localize(self, lang)
        try:
            value = super().main(argv, prog_name or "checker", complete_var,
                                 standalone_mode=False, **extra)
        except click.ClickException as e:
            message = error_text(e, lang, self)
            if not standalone_mode:
                raise Localized(message) from None
            click.echo(f"checker: {message}", err=True)
            sys.exit(2)
        if standalone_mode:
            sys.exit(value if isinstance(value, int) else 0)
        return value


class Localized(click.UsageError):
    """A click error already written in the run's language (exit 2, as every error of
    the command line)."""


# ---------------------------------------------------------------- errors from their data
def _command_of(e: click.ClickException) -> str:
    ctx = getattr(e, "ctx", None)
    if ctx is None or ctx.parent is None:
        return ""
    return ctx.command_path.split(" ", 1)[1] if " " in ctx.command_path else ""


def _param_name(param: click.Parameter | None, lang: Lang) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return text("option-name", lang, name=max(param.opts, key=len))
    return text("argument-name", lang, name=(param.name or "").upper())


def _possibilities(names: Sequence[str] | None, lang: Lang) -> str:
    if not names:
        return ""
    return text("did-you-mean", lang, names=", ".join(sorted(names)))


def error_text(e: click.ClickException, lang: Lang, root: click.Command | None = None) -> str:
    """The sentence for a click error, in `lang`, from the data the exception carries."""
    command = _command_of(e)
    where = text("in-command", lang, command=command) if command else ""
    if isinstance(e, Localized):
        return e.message
    if isinstance(e, click.NoSuchOption):
        return (text("no-such-option", lang, name=e.option_name, where=where)
                + _possibilities(e.possibilities, lang))
    unknown = getattr(e, "command_name", None)  # click.NoSuchCommand (click 8.4+)
    if isinstance(unknown, str) and isinstance(e, click.UsageError):
        ctx = e.ctx
        known = sorted(ctx.command.commands) if ctx and isinstance(ctx.command, click.Group) \
            else []
        return (text("no-such-command", lang, name=unknown, known=", ".join(known))
                + _possibilities(getattr(e, "possibilities", None), lang))
    if isinstance(e, click.BadOptionUsage):
        opt = _find_option(e.ctx.command if e.ctx else root, e.option_name)
        key = "option-takes-no-value" if opt is not None and opt.is_flag \
            else "option-needs-value"
        return text(key, lang, name=e.option_name)
    if isinstance(e, click.MissingParameter):
        param = e.param
        if isinstance(param, click.Option):
            return text("missing-option", lang, name=max(param.opts, key=len), where=where)
        name = (param.name or "").upper() if param is not None else ""
        return text("missing-argument", lang, name=name, where=where, command=command)
    if isinstance(e, ExtraArguments):
        return text("extra-arguments", lang, command=command or "checker",
                    args=" ".join(e.extra))
    if isinstance(e, click.BadParameter):
        name = _param_name(e.param, lang) or str(e.param_hint or "")
        return text("bad-value", lang, name=name, detail=e.message)
    if isinstance(e, click.UsageError):
        return text("usage-error", lang, detail=e.message)
    return e.format_message()


def _find_option(command: click.Command | None, name: str) -> click.Option | None:
    """The option of that name in the command or, for the group, in any subcommand (the
    parser raises some errors without a context)."""
    if command is None:
        return None
    for p in command.params:
        if isinstance(p, click.Option) and name in (*p.opts, *p.secondary_opts):
            return p
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found = _find_option(sub, name)
            if found is not None:
                return found
    return None
