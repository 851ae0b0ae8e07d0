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
from checker.clilang import Bi, CheckerGroup, Choice, Int, IntRange, Path_, current, early_lang
from checker.clilang import text as cli_text
from checker.i18n import Lang
from checker.reporters import FORMATS

if TYPE_CHECKING:
    from checker.config import Resolved
    from checker.fsutil import OutputError
    from checker.rules.pack import Pack

LANG = Choice(["vi", "en"])


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
    raise click.BadParameter(cli_text("bad-date", value=value))


def _flag_lang(flag: str | None) -> str | None:
    """The command's --lang, else the one given before the command."""
    ctx = click.get_current_context(silent=True)
    return flag or (ctx.meta.get("checker.lang") if ctx is not None else None)


def _run_lang(flag: str | None, config_file: str | None = None) -> Lang:
    """The language of a command that has no settings of its own: --lang, else the
    configured one (CHECKER_LANG, then the configuration file), as for `check`."""
    from checker.errors import CheckerError

    try:
        return _settings(config_file, lang=_flag_lang(flag)).settings.lang
    except CheckerError as e:  # a broken configuration is named, as for `check`
        _fail(str(e), e.exit_code)


lang_option = click.option(
    "--lang", type=LANG,
    help=Bi("Ngôn ngữ thông báo [mặc định: theo cấu hình, không có thì vi].",
            "Message language [default: as configured, else vi]."),
)

HELP_MAIN = Bi(
    "Kiểm tra hồ sơ công tác cán bộ theo quy định hiện hành vào các ngày của hồ sơ. "
    "Ngôn ngữ: --lang en (hoặc CHECKER_LANG, hoặc lang trong tệp cấu hình) cho tiếng Anh, "
    "cả với --help.",
    "Checks personnel-procedure case files against the Party regulations and state "
    "decrees in force on the case's dates. Language: --lang vi (or CHECKER_LANG, or lang in "
    "the configuration file) for Vietnamese, --help included.",
)


@click.group(cls=CheckerGroup, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True, help=HELP_MAIN)
@click.version_option(version=__version__, prog_name="checker", message="%(prog)s %(version)s",
                      help=Bi("In phiên bản rồi thoát.", "Show the version and exit."))
@click.option("--lang", type=LANG, help=Bi(
    "Ngôn ngữ của mọi lệnh, kể cả --help [mặc định: theo cấu hình, không có thì vi].",
    "The language of every command, --help included [default: as configured, else vi]."))
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    ctx.meta["checker.lang"] = lang  # `checker --lang en rules` as `checker rules --lang en`
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


# ---------------------------------------------------------------- check
def _size(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(cli_text("not-positive"))
    return value


FORMAT_CHOICE = Choice(list(FORMATS))
CONFIG_HELP = Bi("Tệp cấu hình [mặc định: .checker.toml hoặc pyproject.toml gần nhất].",
                 "Configuration file [default: the nearest .checker.toml or pyproject.toml].")


@main.command(help=Bi(
    "Kiểm tra các tệp hồ sơ: tệp, thư mục, hoặc - cho đầu vào chuẩn.",
    "Check case files: files, folders, or - for standard input."))
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=FORMAT_CHOICE,
              help=Bi("Định dạng kết quả [mặc định: text].", "Output format [default: text]."))
@click.option("--lang", type=LANG,
              help=Bi("Ngôn ngữ thông báo [mặc định: theo cấu hình, không có thì vi].",
                      "Message language [default: as configured, else vi]."))
@click.option("--as-of", callback=_date, metavar="YYYY-MM-DD",
              help=Bi("Áp dụng quy định có hiệu lực vào ngày này (và coi là hôm nay đối với "
                      "các thời hạn chưa kết thúc).",
                      "Evaluate under the law in force on this date (and as 'today' for open "
                      "deadlines)."))
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help=Bi("Coi ngày này là hôm nay để xét các thời hạn chưa kết thúc (và một việc "
                      "giao quyền chưa kết thúc), vẫn áp dụng quy định theo ngày của hồ sơ.",
                      "The day open deadlines (and an acting arrangement still running) are "
                      "judged on, with the law otherwise chosen by the case's own dates."))
@click.option("--select", multiple=True, metavar="RULE",
              help=Bi("Chỉ chạy các quy tắc này (mã hoặc tiền tố).",
                      "Only these rules (ids or prefixes)."))
@click.option("--ignore", multiple=True, metavar="RULE",
              help=Bi("Bỏ qua các quy tắc này.", "Skip these rules."))
@click.option("--fail-on", type=Choice(["error", "warning"]),
              help=Bi("Mức gây mã thoát 1 [mặc định: error].",
                      "Severity that makes exit 1 [default: error]."))
@click.option("--rules", "rule_packs", multiple=True, metavar="PACK.toml",
              type=Path_(dir_okay=False),
              help=Bi("Thêm bộ quy tắc (chỉ dữ liệu).", "Add a data-only rule pack."))
@click.option("--max-size", type=Int(), callback=_size, metavar="BYTES",
              help=Bi("Bỏ qua tệp lớn hơn [mặc định: 5 MiB].",
                      "Skip files larger than this [default: 5 MiB]."))
@click.option("--output", "-o", type=Path_(dir_okay=False), metavar="FILE",
              help=Bi("Ghi kết quả vào tệp (ghi trọn một lần).",
                      "Write the report to a file (atomically)."))
@click.option("--force", is_flag=True,
              help=Bi("Ghi đè tệp --output.", "Overwrite the --output file."))
@click.option("--config", "config_file", type=Path_(dir_okay=False, exists=True),
              help=CONFIG_HELP)
@click.option("--force-exclude", is_flag=True,
              help=Bi("Áp dụng include/exclude cả cho tệp được nêu tên (cho hook).",
                      "Apply include and exclude to files named on the command line too "
                      "(for hooks)."))
@click.option("--jobs", "-j", type=IntRange(0, 512), metavar="N",
              help=Bi("Số tiến trình song song [mặc định: 0 = mọi lõi].",
                      "Parallel workers [default: 0 = all cores]."))
@click.option("--cache/--no-cache", default=None,
              help=Bi("Dùng lại kết quả của tệp không đổi [mặc định: bật; trong "
                      "~/.cache/checker hoặc CHECKER_CACHE_DIR].",
                      "Reuse results of unchanged files [default: on; in ~/.cache/checker "
                      "or CHECKER_CACHE_DIR]."))
@click.option("--statistics", is_flag=True,
              help=Bi("Thống kê số phát hiện theo quy tắc (kết quả dạng text).",
                      "Findings per rule (text output)."))
@click.option("--quiet", "-q", is_flag=True,
              help=Bi("Chỉ in các phát hiện, không có dòng tổng kết (kết quả dạng text).",
                      "Only the findings, no summary (text output)."))
@click.option("--color/--no-color", default=None,
              help=Bi("Tô màu kết quả.", "Colour output."))
def check(paths: tuple[str, ...], fmt: str | None, lang: str | None,
          as_of: dt.date | None, today: dt.date | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, rule_packs: tuple[str, ...],
          max_size: int | None, output: str | None, force: bool, config_file: str | None,
          force_exclude: bool, jobs: int | None, cache: bool | None, statistics: bool,
          quiet: bool, color: bool | None) -> None:
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

    lang = _flag_lang(lang)
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
                    else (), statistics=statistics, quiet=quiet)
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


@main.command("config", help=Bi("In cấu hình đang áp dụng và nguồn gốc của từng thiết lập.",
                                 "Show the effective configuration and where each setting "
                                 "comes from."))
@click.option("--config", "config_file", type=Path_(dir_okay=False, exists=True),
              help=CONFIG_HELP)
def config_cmd(config_file: str | None) -> None:
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
@main.command(help=Bi("Kiểm tra bộ quy tắc: lược đồ, trích dẫn, phiên bản, hồ sơ ví dụ.",
                      "Verify rule packs: schema, citations, versions, examples."))
@click.argument("packs", nargs=-1, required=True, type=Path_(dir_okay=False))
@click.option("--today", callback=_date, metavar="YYYY-MM-DD",
              help=Bi("Ngày để xét last_verified [mặc định: hôm nay].",
                      "The date last_verified is measured against [default: today]."))
@lang_option
def verify(packs: tuple[str, ...], today: dt.date | None, lang: str | None) -> None:
    from checker.errors import CheckerError
    from checker.i18n import count, t
    from checker.verify import verify as verify_pack

    language = _run_lang(lang)
    day = today or dt.date.today()
    code = 0
    for name in packs:
        try:
            result = verify_pack(Path(name), day, language)
        except CheckerError as e:  # the built-in catalog or packs are broken
            _fail(str(e), e.exit_code)
        for line in result.errors:
            click.echo(f"checker: {line}", err=True)
        for line in result.warnings:
            click.echo(t("verify-warning", language, line=line))
        for line in result.notes:
            click.echo(t("verify-note", language, line=line))
        if result.ok:
            click.echo(t("verify-ok", language, pack=result.pack,
                         examples=count(result.examples, "example", language)))
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


@main.command(help=Bi("Liệt kê các quy tắc.", "List the rules."))
@click.option("--as-of", callback=_date, metavar="YYYY-MM-DD",
              help=Bi("Chỉ các quy tắc có hiệu lực vào ngày này.", "Only rules in force then."))
@lang_option
def rules(as_of: dt.date | None, lang: str | None) -> None:
    from checker.describe import rules_table

    language = _run_lang(lang)
    rules_table(_packs(), as_of, language, sys.stdout)


@main.command(help=Bi("Giải thích một quy tắc: kiểm tra gì, căn cứ, văn bản trích dẫn, ví dụ.",
                      "Explain a rule: what it checks, why, the cited text, an example."))
@click.argument("rule")
@lang_option
def explain(rule: str, lang: str | None) -> None:
    from checker.describe import explain_rule

    language = _run_lang(lang)
    if not explain_rule(_packs(), rule.upper(), language, sys.stdout):
        from checker.i18n import t

        _fail(t("unknown-rule", language, rule=repr(rule)))


@main.command(help=Bi("Danh mục văn bản và văn bản thay thế.",
                      "The legal source catalog and what replaced what."))
@lang_option
def sources(lang: str | None) -> None:
    from checker.describe import sources_table
    from checker.errors import CheckerError
    from checker.sources import catalog

    language = _run_lang(lang)
    try:
        cat = catalog()
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    sources_table(cat, language, sys.stdout)


@main.command(help=Bi("In một JSON Schema đã công bố.", "Print a published JSON Schema."))
@click.argument("name", type=Choice(["case", "rulepack", "report", "sources"]))
def schema(name: str) -> None:
    from checker.schemas import schema_dir

    sys.stdout.write((schema_dir() / f"{name}.schema.json").read_text("utf-8"))


# One template per procedure (checker/data/templates/<procedure>.json; a test proves there
# is one for each shape of checker.model), listed without importing the models.
TEMPLATES = Path(__file__).resolve().parent / "data" / "templates"


def _procedure_help() -> Bi:
    from checker.i18n import PROCEDURE_NAMES

    shown = [(p, n) for p, n in PROCEDURE_NAMES.items() if (TEMPLATES / f"{p}.json").is_file()]
    return Bi("Thủ tục của hồ sơ mẫu [mặc định: appointment]: "
              + "; ".join(f"{p} = {n['vi']}" for p, n in shown) + ".",
              "The procedure of the template [default: appointment]: "
              + "; ".join(f"{p} = {n['en']}" for p, n in shown) + ".")


INIT_HINT = Bi("Gợi ý: checker schema case > case.schema.json để trình soạn thảo kiểm tra tệp "
               "khi gõ.",
               "Hint: checker schema case > case.schema.json so that editors validate the file "
               "as you type.")


@main.command(help=Bi("Tạo tệp hồ sơ mẫu của một thủ tục.",
                      "Write a template case file for a procedure."))
@click.argument("path", default="case.json", type=Path_(dir_okay=False))
@click.option("--procedure", default="appointment",
              type=Choice(sorted(p.stem for p in TEMPLATES.glob("*.json"))),
              help=_procedure_help())
@click.option("--force", is_flag=True,
              help=Bi("Ghi đè tệp đã có.", "Overwrite an existing file."))
@lang_option
def init(path: str, procedure: str, force: bool, lang: str | None) -> None:
    from checker.fsutil import OutputError, write_output

    language = _run_lang(lang)
    try:
        write_output(path, (TEMPLATES / f"{procedure}.json").read_bytes(), replace=force)
    except OutputError as e:
        _output_failure(e, path, language)
    click.echo(path)
    click.echo(INIT_HINT.get(language), err=True)




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
            sys.stderr.write("checker: " + cli_text("stdout-closed", early_lang(sys.argv[1:]))
                             + "\n")
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
        sys.stderr.write("checker: " + cli_text("internal-error", current(),
                                                detail=f"{type(e).__name__}: {e}") + "\n")
        sys.exit(2)
    else:
        sys.exit(0)


def _quiet_broken_pipe() -> NoReturn:
    # Point stdout at devnull so the interpreter's final flush does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
