"""The command line. Owns the process: arguments, streams and exit codes.

Exit codes: 0 nothing at or above --fail-on (also when there was no case file to
check: a notice says so); 1 findings at or above it (a file or folder that cannot be read
counts); 2 the checker could not run (bad option, broken rule pack, internal error);
130 Ctrl-C; 143 SIGTERM. Heavy libraries are imported inside the commands that use them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from checker import __version__
from checker.reporters import FORMATS

if TYPE_CHECKING:
    from checker.config import Resolved
    from checker.fsutil import OutputError
    from checker.i18n import Lang
    from checker.rules.pack import Pack

LANG = click.Choice(["vi", "en"])


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"checker: {message}", err=True)
    sys.exit(code)


def _notice(message: str) -> None:
    click.echo(f"checker: {message}", err=True)


def _output_failure(e: OutputError, name: str, lang: Lang) -> NoReturn:
    from checker.files import os_reason
    from checker.i18n import t
    from checker.reporters import shown_path

    reason = os_reason(e.error, lang, writing=True) if e.error is not None else ""
    _fail(t(e.key, lang, path=shown_path(name), reason=reason))


class Terminated(BaseException):
    """SIGTERM arrived: unwind (workers ended, temporary files removed) and exit 143."""


def _terminated(_signum: int, _frame: object) -> None:
    raise Terminated


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        _bad_date(value)


def _bad_date(value: str) -> NoReturn:
    raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")


def _env_lang() -> str:
    from checker.config import env_lang
    from checker.errors import CheckerError

    try:
        return env_lang(os.environ)
    except CheckerError as e:  # named as the variable, not blamed on --lang
        raise click.UsageError(str(e)) from None


lang_option = click.option(
    "--lang", type=LANG, default=_env_lang,
    show_default="vi", help="Ngôn ngữ thông báo / message language.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(version=__version__, prog_name="checker")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Kiểm tra hồ sơ công tác cán bộ theo quy định hiện hành.

    Checks personnel-procedure case files against the Party regulations and state
    decrees in force on the case's dates.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


# ---------------------------------------------------------------- check
def _size(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("must be a positive number of bytes")
    return value


FORMAT_CHOICE = click.Choice(list(FORMATS))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMAT_CHOICE,
              help="Định dạng kết quả / output format [default: text].")
@click.option("--lang", type=LANG, help="Ngôn ngữ thông báo / message language [default: vi].")
@click.option("--as-of", callback=_date, metavar="YYYY-MM-DD",
              help="Áp dụng quy định có hiệu lực vào ngày này / evaluate under the law in "
              "force on this date (and as 'today' for open deadlines).")
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help="Coi ngày này là hôm nay để xét các thời hạn chưa kết thúc (và một việc giao "
              "quyền chưa kết thúc), vẫn áp dụng quy định theo ngày của hồ sơ / the day open "
              "deadlines (and an acting arrangement still running) are judged on, with the "
              "law otherwise chosen by the case's own dates.")
@click.option("--select", multiple=True, metavar="RULE",
              help="Chỉ chạy các quy tắc này (mã hoặc tiền tố) / only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE",
              help="Bỏ qua các quy tắc này / skip these rules.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]),
              help="Mức gây mã thoát 1 / severity that makes exit 1 [default: error].")
@click.option("--rules", "rule_packs", multiple=True, metavar="PACK.toml",
              type=click.Path(dir_okay=False),
              help="Thêm bộ quy tắc (chỉ dữ liệu) / add a data-only rule pack.")
@click.option("--max-size", type=int, callback=_size, metavar="BYTES",
              help="Bỏ qua tệp lớn hơn / skip files larger than this [default: 5 MiB].")
@click.option("--output", "-o", type=click.Path(dir_okay=False), metavar="FILE",
              help="Ghi kết quả vào tệp / write the report to a file (atomically).")
@click.option("--force", is_flag=True, help="Ghi đè tệp --output / overwrite the --output file.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="Tệp cấu hình / configuration file [default: nearest .checker.toml or "
              "pyproject.toml].")
@click.option("--force-exclude", is_flag=True,
              help="Áp dụng include/exclude cả cho tệp được nêu tên / apply include and "
              "exclude to files named on the command line too (for hooks).")
@click.option("--jobs", "-j", type=click.IntRange(0, 512), metavar="N",
              help="Số tiến trình song song / parallel workers [default: 0 = all cores].")
@click.option("--cache/--no-cache", default=None,
              help="Dùng bộ nhớ đệm kết quả / reuse results of unchanged files "
              "[default: on; in ~/.cache/checker or CHECKER_CACHE_DIR].")
@click.option("--statistics", is_flag=True,
              help="Thống kê số phát hiện theo quy tắc / findings per rule (text output).")
@click.option("--quiet", "-q", is_flag=True,
              help="Chỉ in các phát hiện / only the findings, no summary (text output).")
@click.option("--verbose", "-v", is_flag=True,
              help="In cả các tệp không có phát hiện / files without findings too (text "
              "output).")
@click.option("--color/--no-color", default=None, help="Tô màu / colour output.")
def check(paths: tuple[str, ...], fmt: str | None, lang: str | None,
          as_of: dt.date | None, today: dt.date | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, rule_packs: tuple[str, ...],
          max_size: int | None, output: str | None, force: bool, config_file: str | None,
          force_exclude: bool, jobs: int | None, cache: bool | None, statistics: bool,
          quiet: bool, verbose: bool, color: bool | None) -> None:
    """Kiểm tra các tệp hồ sơ (tệp, thư mục, hoặc - cho stdin) / check case files."""
    import io

    from checker.cache import ResultCache, context_of, default_folder
    from checker.config import is_case_file, message_lang
    from checker.errors import CheckerError
    from checker.files import Source, walk
    from checker.fsutil import OutputError, check_output, identities
    from checker.i18n import t
    from checker.report import Report, Severity
    from checker.reporters import get, shown_path
    from checker.rules.engine import Options, check_selectors, rule_meta
    from checker.rules.pack import all_packs
    from checker.runner import Job, default_jobs, run
    from checker.text import terminal_width

    if output == "":
        _fail(t("output-empty", message_lang(lang, os.environ.get("CHECKER_LANG"))))
    try:
        conf = _settings(config_file, lang=lang, format=fmt, fail_on=fail_on, select=select,
                         ignore=ignore, rules=rule_packs, max_size=max_size, jobs=jobs,
                         cache=cache)
        cfg = conf.settings
        if output is not None:  # before the work, and again when writing
            try:
                check_output(output, replace=force)
            except OutputError as e:
                _output_failure(e, output, cfg.lang)
        base = conf.file.parent if conf.file else Path.cwd()
        packs = all_packs(cfg.rules, cfg.lang)
        opts = Options(lang=cfg.lang, as_of=as_of, select=frozenset(cfg.select),
                       ignore=frozenset(cfg.ignore), today=today)
        check_selectors(packs, opts)
        sources: list[Source] = []
        for arg in paths:
            found = list(walk(arg, lambda p: is_case_file(p, cfg, base), force_exclude))
            if not found and arg != "-" and os.path.isdir(arg) and not quiet:
                _notice(t("no-case-files-in", cfg.lang, path=shown_path(arg)))
            sources += found
        if not sources and not any(os.path.isdir(a) for a in paths) and not quiet:
            _notice(t("no-case-files", cfg.lang))
        results = None
        folder = default_folder() if cfg.cache else None
        if folder is not None:
            results = ResultCache(folder, context_of(packs, opts))
        protected = frozenset[tuple[int, int]]()
        if output is not None:
            protected = identities([s.path for s in sources if s.path is not None],
                                   stdin=any(s.path is None for s in sources))
            try:
                check_output(output, replace=force, protected=protected)
            except OutputError as e:
                _output_failure(e, output, cfg.lang)
        files = run(sources, Job(packs, opts, cfg.max_size, results),
                    cfg.jobs or default_jobs())
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    report = Report(files=tuple(files), fail_on=Severity(cfg.fail_on), lang=opts.lang,
                    as_of=as_of.isoformat() if as_of else None,
                    today=today.isoformat() if today else None,
                    packs=tuple((p.id, p.version) for p in packs),
                    rules=rule_meta(packs, opts.lang) if cfg.format in ("sarif", "junit")
                    else (), statistics=statistics, quiet=quiet, verbose=verbose,
                    width=terminal_width(None if output else sys.stdout, os.environ))
    # Rendered whole before anything is written: a signal while rendering leaves no
    # half report behind.
    buf = io.StringIO()
    if output is not None:
        from checker.fsutil import write_output

        get(cfg.format)(report, buf, color=False)
        try:
            write_output(output, buf.getvalue().encode("utf-8"), replace=force,
                         protected=protected)
        except OutputError as e:  # nothing was there at start (checked above)
            _output_failure(OutputError("output-appeared") if e.key == "output-exists"
                            else e, output, cfg.lang)
    else:
        use_color = sys.stdout.isatty() if color is None else color
        get(cfg.format)(report, buf, color=use_color and cfg.format == "text")
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()
    sys.exit(report.exit_code)


def _settings(config_file: str | None, **flags: Any) -> Resolved:
    from checker.config import resolve

    return resolve(flags, cwd=Path.cwd(), env=os.environ,
                   config=Path(config_file) if config_file else None)


@main.command("config")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="Tệp cấu hình / configuration file.")
def config_cmd(config_file: str | None) -> None:
    """Cấu hình đang áp dụng và nguồn gốc / the effective configuration and its sources."""
    from checker.errors import CheckerError

    try:
        conf = _settings(config_file)
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    file = str(conf.file) if conf.file else "-"
    click.echo(f"# configuration file: {file}")
    for name, value in conf.settings.model_dump().items():
        shown = [str(v) for v in value] if isinstance(value, tuple) else value
        click.echo(f"{name} = {json.dumps(shown, ensure_ascii=False)}  "
                   f"# {conf.origins[name]}")


# ---------------------------------------------------------------- verify
@main.command()
@click.argument("packs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help="Ngày để xét last_verified / the date last_verified is measured against "
              "(default: today).")
def verify(packs: tuple[str, ...], today: dt.date | None) -> None:
    """Kiểm tra bộ quy tắc / verify rule packs: schema, citations, versions, examples."""
    from checker.errors import CheckerError
    from checker.verify import verify as verify_pack

    day = today or dt.date.today()
    code = 0
    for name in packs:
        try:
            result = verify_pack(Path(name), day)
        except CheckerError as e:  # the built-in catalog or packs are broken
            _fail(str(e), e.exit_code)
        for line in result.errors:
            click.echo(f"checker: {line}", err=True)
        for line in result.warnings:
            click.echo(f"warning: {line}")
        for line in result.notes:
            click.echo(f"note: {line}")
        if result.ok:
            click.echo(f"{result.pack}: ok ({result.examples} example(s) checked)")
        code = max(code, result.exit_code)
    sys.exit(code)


# ---------------------------------------------------------------- rules, explain, sources
def _packs() -> tuple[Pack, ...]:
    from checker.errors import CheckerError
    from checker.rules.pack import builtin_packs

    try:
        return builtin_packs()
    except CheckerError as e:
        _fail(str(e), e.exit_code)


@main.command()
@click.option("--as-of", callback=_date, metavar="YYYY-MM-DD",
              help="Chỉ các quy tắc có hiệu lực vào ngày này / only rules in force then.")
@lang_option
def rules(as_of: dt.date | None, lang: str) -> None:
    """Liệt kê các quy tắc / list the rules."""
    from checker.describe import rules_table

    rules_table(_packs(), as_of, "en" if lang == "en" else "vi", sys.stdout)


@main.command()
@click.argument("rule")
@lang_option
def explain(rule: str, lang: str) -> None:
    """Giải thích một quy tắc / explain a rule: what, why, the cited text, an example."""
    from checker.describe import explain_rule

    if not explain_rule(_packs(), rule.upper(), "en" if lang == "en" else "vi", sys.stdout):
        _fail(f"unknown rule {rule!r}; see `checker rules` for the list")


@main.command()
@lang_option
def sources(lang: str) -> None:
    """Danh mục văn bản và văn bản thay thế / the legal source catalog."""
    from checker.describe import sources_table
    from checker.errors import CheckerError
    from checker.sources import catalog

    try:
        cat = catalog()
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    sources_table(cat, "en" if lang == "en" else "vi", sys.stdout)


@main.command()
@click.argument("name", type=click.Choice(["case", "rulepack", "report", "sources"]))
def schema(name: str) -> None:
    """In JSON Schema / print a published JSON Schema."""
    from checker.schemas import schema_dir

    sys.stdout.write((schema_dir() / f"{name}.schema.json").read_text("utf-8"))


# One template per procedure (checker/data/templates/<procedure>.json; a test proves there
# is one for each shape of checker.model), listed without importing the models.
TEMPLATES = Path(__file__).resolve().parent / "data" / "templates"


def _procedure_help() -> str:
    from checker.i18n import PROCEDURE_NAMES

    names = "; ".join(f"{p} = {n['vi']} / {n['en']}" for p, n in PROCEDURE_NAMES.items()
                      if (TEMPLATES / f"{p}.json").is_file())
    return f"Thủ tục của hồ sơ mẫu / the procedure of the template: {names}."


@main.command()
@click.argument("path", default="case.json", type=click.Path(dir_okay=False))
@click.option("--procedure", default="appointment", show_default=True,
              type=click.Choice(sorted(p.stem for p in TEMPLATES.glob("*.json"))),
              help=_procedure_help())
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có / overwrite an existing file.")
def init(path: str, procedure: str, force: bool) -> None:
    """Tạo tệp hồ sơ mẫu của một thủ tục / write a template case file for a procedure."""
    from checker.config import message_lang
    from checker.fsutil import OutputError, write_output

    try:
        write_output(path, (TEMPLATES / f"{procedure}.json").read_bytes(), replace=force)
    except OutputError as e:
        _output_failure(e, path, message_lang(os.environ.get("CHECKER_LANG")))
    click.echo(path)
    click.echo(
        "Gợi ý / hint: checker schema case > case.schema.json — để trình soạn thảo kiểm tra tệp "
        "khi gõ / so that editors validate the file as you type.",
        err=True,
    )




def run() -> None:
    """Console entry point: the only place that turns exceptions into exit codes.

    Output is UTF-8 whatever the locale; a closed pipe (`| head -1`) ends quietly;
    Ctrl-C exits 130; a bug in the checker is one line on stderr and exit 2, with the
    traceback only when CHECKER_DEBUG is set.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:  # started with stdout closed
        if not {"-o", "--output"} & set(sys.argv) and not any(
                a.startswith("--output=") for a in sys.argv):
            sys.stderr.write("checker: standard output is closed; there is nowhere to write "
                             "the report (use --output FILE)\n")
            sys.exit(2)
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    import signal

    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # an ignored TERM stays ignored
        signal.signal(signal.SIGTERM, _terminated)
    try:
        main.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.stderr.write("\n")
        sys.exit(130)
    except click.ClickException as e:
        # One line, like every other failure to run; `--help` has the usage.
        sys.stderr.write(f"checker: {e.format_message()}\n")
        sys.exit(2)  # any click error means the checker could not run
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    except Terminated:
        sys.exit(143)  # quietly: whoever sent it knows why
    except SystemExit:
        raise
    except Exception as e:
        if os.environ.get("CHECKER_DEBUG"):
            raise
        sys.stderr.write(
            f"checker: lỗi nội bộ / internal error: {type(e).__name__}: {e} "
            "(CHECKER_DEBUG=1 shows the traceback)\n"
        )
        sys.exit(2)
    else:
        sys.exit(0)


def _quiet_broken_pipe() -> NoReturn:
    # Point stdout at devnull so the interpreter's final flush does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
