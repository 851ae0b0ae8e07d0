"""The command line. Owns the process: arguments, streams and exit codes.

Exit codes: 0 nothing at or above --fail-on (also when there was no case file to
check: a notice says so; always with --exit-zero / --fail-on never); 1 findings at or
above it, or more warnings than --max-warnings (a file or folder that cannot be read
counts); 2 the checker could not run (bad option, broken rule pack, internal error);
130 Ctrl-C; 143 SIGTERM. A closed pipe is not a failure: the code stays what it was.
Heavy libraries are imported inside the commands that use them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from checker import __version__
from checker.clilang import Bi, CheckerGroup, Choice, Int, IntRange, Path_, current, early_lang
from checker.clilang import text as cli_text
from checker.i18n import Lang
from checker.reporters import FORMATS

if TYPE_CHECKING:
    from checker.cache import ResultCache
    from checker.config import Resolved
    from checker.files import Skipped, Source
    from checker.fsutil import OutputError
    from checker.report import FileReport, Report, Tally
    from checker.rules.pack import Pack
    from checker.runner import Job, Known

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
@click.argument("paths", nargs=-1)
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
@click.option("--select", multiple=True, metavar="RULE[,RULE…]",
              help=Bi("Chỉ chạy các quy tắc này (mã hoặc tiền tố, cách nhau bằng dấu phẩy, "
                      "không phân biệt hoa thường).",
                      "Only these rules (ids or prefixes, comma-separated, any case)."))
@click.option("--ignore", multiple=True, metavar="RULE[,RULE…]",
              help=Bi("Bỏ qua các quy tắc này (mã hoặc tiền tố).",
                      "Skip these rules (ids or prefixes)."))
@click.option("--fail-on", type=Choice(["error", "warning", "never"]),
              help=Bi("Mức gây mã thoát 1 [mặc định: error].",
                      "Severity that makes exit 1 [default: error]."))
@click.option("--exit-zero", is_flag=True,
              help=Bi("Mã thoát 0 dù có phát hiện nào (= --fail-on never; mã 2 vẫn là checker "
                      "không chạy được).",
                      "Exit 0 whatever is found (= --fail-on never; 2 still means the checker "
                      "could not run)."))
@click.option("--max-warnings", type=IntRange(min=0), metavar="N",
              help=Bi("Mã thoát 1 khi có hơn N cảnh báo.",
                      "Exit 1 when there are more than N warnings."))
@click.option("--stdin-filename", metavar="NAME",
              help=Bi("Tên của hồ sơ đọc từ đầu vào chuẩn, dùng trong kết quả; cấu hình được "
                      "tìm từ thư mục của tên này.",
                      "The name of the case read from standard input, in findings and "
                      "reports; the configuration is found from it."))
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
# -- issue 12 (h12-files): which files are cases
@click.option("--exclude", "exclude", multiple=True, metavar="PATTERN",
              help=Bi("Bỏ qua các tệp khớp mẫu kiểu .gitignore (thay cho exclude của cấu hình).",
                      "Skip files matching this gitignore-style pattern (instead of the "
                      "configured exclude, as any flag does)."))
@click.option("--verbose", "-v", is_flag=True,
              help=Bi("In cả các tệp không có phát hiện (kết quả dạng text) và nêu các tệp "
                      "JSON bỏ qua vì không phải hồ sơ.",
                      "Also the files without findings (text output), and name the JSON "
                      "files skipped as not case files."))
def check(paths: tuple[str, ...], fmt: str | None, lang: str | None,
          as_of: dt.date | None, today: dt.date | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool,
          max_warnings: int | None, stdin_filename: str | None, rule_packs: tuple[str, ...],
          max_size: int | None, output: str | None, force: bool, config_file: str | None,
          force_exclude: bool, jobs: int | None, cache: bool | None, statistics: bool,
          quiet: bool, color: bool | None, exclude: tuple[str, ...], verbose: bool) -> None:
    import dataclasses
    import io

    from checker import workdays
    from checker.cache import ResultCache, context_of, default_folder, index_context
    from checker.cacheindex import Index
    from checker.config import forget_folders, is_case_file, message_lang
    from checker.errors import CheckerError
    from checker.files import Sources, walk
    from checker.fsutil import OutputError, check_output, identities
    from checker.i18n import t
    from checker.report import Report, Severity, Tally
    from checker.reporters.recognise import is_report
    from checker.rules.engine import Options, check_selectors, rule_meta
    from checker.rules.engine import Packs as EnginePacks
    from checker.rules.snapshot import load_packs
    from checker.runner import Job, Packs
    from checker.text import terminal_width

    lang = _flag_lang(lang)
    early_lang = message_lang(lang, os.environ.get("CHECKER_LANG"))
    if output == "":
        _fail(t("output-empty", early_lang))
    paths = _stdin_paths(paths, stdin_filename, early_lang)
    if exit_zero and (fail_on is not None or max_warnings is not None):
        _fail(t("exit-zero-conflict", early_lang,
                other="--fail-on" if fail_on is not None else "--max-warnings"))
    try:
        # With --stdin-filename the configuration is looked for from the case's own
        # folder, as ruff does, not from the working directory.
        start = Path(stdin_filename).parent if stdin_filename else None
        conf = _settings(config_file, cwd=start, lang=lang, format=fmt,
                         fail_on="never" if exit_zero else fail_on, select=select,
                         ignore=ignore, rules=rule_packs, max_size=max_size, jobs=jobs,
                         cache=cache, exclude=exclude)
        cfg = conf.settings
        named = _named_inputs(conf.file, cfg.rules, stdin_filename, paths)
        if output is not None:  # before the work, and again when writing
            _refuse_named_input(output, named, cfg.lang)
            try:
                check_output(output, replace=force, replaceable=is_report)
            except OutputError as e:
                _output_failure(e, output, cfg.lang)
        base = conf.file.parent if conf.file else Path.cwd()
        opts = Options(lang=cfg.lang, as_of=as_of, select=frozenset(cfg.select),
                       ignore=frozenset(cfg.ignore), today=today)
        # The compiled snapshot of the packs (checker.rules.snapshot): it never changes a
        # report, so --no-cache still reads one; but then nothing is written.
        lazy = Packs(lambda: load_packs(cfg.rules, cfg.lang, default_folder(),
                                        write=bool(cfg.cache)))
        workdays.keep_in(default_folder(), write=bool(cfg.cache))  # the same for the calendar
        # The packs are loaded at once when the report or the options need them; else on
        # the first file the cache's index cannot answer (issue 15).
        if cfg.format not in ("text", "github") or opts.select or opts.ignore \
                or not cfg.cache:
            check_selectors(lazy.get(), opts, {k: _origin(conf.origins[k], k)
                                               for k in ("select", "ignore")})

        forget_folders()

        def wanted(p: Path) -> bool:
            return is_case_file(p, cfg, base)

        sources = Sources()  # small: a folder of 100,000 files is 100,000 names
        spans: list[tuple[str, int, int]] = []  # each argument's sources
        for arg in paths:
            first = len(sources)
            for s in walk(arg, wanted, force_exclude):
                if arg == "-" and stdin_filename:  # named as ruff does; a hook may skip it
                    if force_exclude and not wanted(Path(stdin_filename)):
                        continue
                    s = dataclasses.replace(s, label=stdin_filename)
                sources.append(s)
            spans.append((arg, first, len(sources)))
        results = None
        warm = False
        folder = default_folder() if cfg.cache else None
        if folder is not None:
            # Results are keyed by what the packs are made from (the checker's code and
            # data, the added packs' bytes) rather than by the packs loaded, so that a
            # key is had without loading them; the same for the index.
            where = index_context(cfg.rules, opts)
            results = ResultCache(folder, where if where is not None
                                  else lambda: context_of(lazy.get(), opts),
                                  Index(folder, where) if where is not None else None)
            if not lazy.loaded and _misses(results, sources):
                lazy.get()  # a cold run: loaded once here, inherited by the workers
            elif not lazy.loaded:
                # The index answers the files sampled: a warm run, faster in this one
                # process than with workers (their start and the results' round trip
                # cost more than reading the answers).
                warm = True
        else:
            lazy.get()
        packs: EnginePacks = lazy.get() if lazy.loaded else ()
        protected = frozenset[tuple[int, int]]()
        if output is not None:
            protected = identities([s.path for s in sources if s.path is not None]
                                   + [p for p, _ in named],
                                   stdin=any(s.path is None for s in sources))
            try:
                check_output(output, replace=force, protected=protected,
                             replaceable=is_report)
            except OutputError as e:
                _output_failure(e, output, cfg.lang)
        head = Report(files=(),
                      fail_on=None if cfg.fail_on == "never" else Severity(cfg.fail_on),
                      lang=opts.lang, as_of=as_of.isoformat() if as_of else None,
                      today=today.isoformat() if today else None,
                      packs=tuple((p.id, p.version) for p in packs),
                      rules=rule_meta(packs, opts.lang) if cfg.format in ("sarif", "junit")
                      else (), statistics=statistics, quiet=quiet, verbose=verbose,
                      max_warnings=max_warnings,
                      width=terminal_width(None if output else sys.stdout, os.environ),
                      case_files=tuple((s.label, str(s.path)) for s in sources
                                       if s.path is not None) if cfg.format == "html" else ())
        from checker.colour import use_color
        from checker.rendered import usable

        # Colour only for text on a terminal (never into --output).
        color_on = output is None and cfg.format == "text" and use_color(color, sys.stdout)
        job = Job(lazy.get() if lazy.loaded else lazy, opts, cfg.max_size, results,
                  shown=usable(cfg.format, color_on, head))
        jobs_ = 1 if warm else cfg.jobs
        notes = _Notices(spans, paths, cfg.lang, quiet=quiet, verbose=verbose)
        tally = Tally()
        written = True
        # The report is written as the files are checked (issue 15). To --output it goes
        # to a temporary file put in place at the end: a run stopped half way (a signal,
        # an error) leaves no half report there. To stdout it flows; a closed pipe stops
        # the writing, not the checking: the findings still decide the exit code.
        if output is not None:
            from checker.fsutil import output_stream

            try:
                with output_stream(output, replace=force, protected=protected,
                                   replaceable=is_report) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                    _write(cfg.format, head, text, False, sources, job, jobs_, notes,
                           tally)
                    text.flush()
                    text.detach()
            except OutputError as e:  # nothing was there at start (checked above)
                appeared = e.key in ("output-exists", "output-exists-not-report")
                _output_failure(OutputError("output-appeared") if appeared else e, output,
                                cfg.lang)
        else:
            written = _write(cfg.format, head, sys.stdout, color_on, sources, job, jobs_,
                             notes, tally, flush=True)
        # Kept within its size: a run that wrote nothing to it (a warm run, done whole
        # in this process) leaves it as it found it, without listing every entry.
        if results is not None and (results.wrote or not warm):
            results.prune(cfg.cache_max_size)
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    code = tally.exit_code(head.fail_on, max_warnings)
    if not written:  # `| head -1`: the findings still decide the exit code
        _quiet_broken_pipe(code)
    sys.exit(code)


def _misses(cache: ResultCache, sources: Sequence[Source], probe: int = 32) -> bool:
    """Would the cache's index miss one of `probe` files taken evenly from the run? Then
    the run is (at least partly) cold, and the packs are best loaded before any worker
    is forked."""
    from checker.recognise import skipped_by_name

    if cache.index is None:
        return True
    step = max(1, len(sources) // probe)
    for i in range(0, len(sources), step):
        src = sources[i]
        if src.path is None or src.problem is not None or (
                not src.named and skipped_by_name(src.path.name)):
            continue
        try:
            st = os.stat(src.path)
        except (OSError, ValueError):
            continue
        if cache.index.lookup(src.path, st) is None:
            return True
    return False


def _write(fmt: str, head: Report, out: Any, color: bool, sources: Sequence[Source], job: Job,
           jobs: int, notes: _Notices, tally: Tally, flush: bool = False) -> bool:
    """Check the sources and write the report as the results come, in input order.
    False if the reader of the output went away (a closed pipe): the run then goes on
    without writing, so that the tally, and the exit code, are the whole run's."""
    from contextlib import closing

    from checker.files import Skipped
    from checker.rendered import Shown
    from checker.reporters import writer
    from checker.runner import Known, default_jobs, stream

    w = writer(fmt, head, out, color=color)
    shown = Shown(job.cache.index, fmt, head) if job.shown and job.cache is not None \
        and job.cache.index is not None else None
    open_ = True
    with closing(stream(sources, job, jobs or default_jobs())) as results:
        for i, r in enumerate(results):
            text = ""
            if isinstance(r, Known):  # the index answered: shown from recorded lines
                assert shown is not None
                got = shown.lines(r, job)
                if isinstance(got, Skipped):
                    r = got
                else:
                    text, counts = got
            notes.seen(i, r)
            if isinstance(r, Skipped):
                continue
            fr = None if isinstance(r, Known) else r
            if fr is None:
                tally.merge(counts)
            else:
                tally.add(fr)
            if open_:
                try:
                    if fr is None:
                        out.write(text)
                    else:
                        w.file(fr)
                    if flush:
                        out.flush()
                except BrokenPipeError:
                    open_ = False
    if shown is not None:
        shown.flush()
    notes.end()
    if open_:
        try:
            w.close(tally)
            if flush:
                out.flush()
        except BrokenPipeError:
            open_ = False
    return open_


class _Notices:
    """What a run says on stderr about the files that were not cases, as the results
    come: in verbose mode each JSON file skipped; a folder given that holds no case; a
    run whose named files are none of them cases (unless quiet)."""

    def __init__(self, spans: list[tuple[str, int, int]], paths: tuple[str, ...], lang: Lang,
                 *, quiet: bool, verbose: bool) -> None:
        self.spans, self.paths, self.lang = spans, paths, lang
        self.quiet, self.verbose = quiet, verbose
        self.span = 0  # the span the next result belongs to
        self.checked = False  # a case was met in the current span
        self.any_case = self.any_result = False

    def seen(self, i: int, r: FileReport | Skipped | Known) -> None:
        from checker.files import Skipped
        from checker.i18n import t
        from checker.reporters import shown_path

        self._close_spans(i)
        self.any_result = True
        if isinstance(r, Skipped):
            if self.verbose:
                reason = t(r.reason, self.lang, path=shown_path(r.label), schema=r.schema)
                _notice(reason if r.reason == "skip-by-name" else
                        t("skip-note", self.lang, path=shown_path(r.label), reason=reason))
        else:
            self.checked = self.any_case = True

    def _close_spans(self, upto: int) -> None:
        """Say what there is to say about each span that ends at or before `upto`."""
        from checker.i18n import t
        from checker.reporters import shown_path

        while self.span < len(self.spans) and self.spans[self.span][2] <= upto:
            arg = self.spans[self.span][0]
            if (not self.checked and arg != "-" and os.path.isdir(arg)
                    and not self.quiet):
                _notice(t("no-case-files-in", self.lang, path=shown_path(arg)))
            self.span += 1
            self.checked = False

    def end(self) -> None:
        from checker.i18n import t

        self._close_spans(sys.maxsize)
        if not self.any_case and not any(os.path.isdir(a) for a in self.paths) \
                and not self.quiet:
            _notice(t("no-case-files-recognised" if self.any_result else "no-case-files",
                      self.lang))


def _stdin_paths(paths: tuple[str, ...], stdin_filename: str | None,
                 lang: Lang) -> tuple[str, ...]:
    """The paths to check: `-` alone when only --stdin-filename is given (as ruff reads
    standard input then); --stdin-filename with paths that do not read it is an error."""
    if stdin_filename is None:
        if not paths:
            _fail(cli_text("missing-argument", lang, name="PATHS...", where="",
                           command="check"))
        return paths
    if stdin_filename == "":
        _fail(_t("stdin-filename-empty", lang))
    if not paths:
        return ("-",)
    if "-" not in paths:
        _fail(_t("stdin-filename-without-stdin", lang))
    return paths


def _t(key: str, lang: Lang, **values: object) -> str:
    from checker.i18n import t

    return t(key, lang, **values)


def _origin(origin: str, key: str) -> str:
    """Where a setting came from, as a message names it: the flag, the variable, or the
    file and key."""
    if origin.startswith("env "):
        return origin[4:]
    if origin.startswith("--"):
        return origin
    return f"{origin}: {key}" if origin != "default" else f"--{key}"


def _named_inputs(config: Path | None, packs: tuple[Path, ...], stdin_filename: str | None,
                  paths: tuple[str, ...]) -> list[tuple[Path, str]]:
    """Files a report must never replace besides the cases found: the configuration file,
    the rule packs, the name given to standard input and every path named (with the key
    of the words that say what each is)."""
    named = [(Path(p), "") for p in paths if p != "-"]
    if config is not None:
        named.append((config, "input-config"))
    named += [(p, "input-rule-pack") for p in packs]
    if stdin_filename:
        named.append((Path(stdin_filename), "input-stdin-filename"))
    return named


def _refuse_named_input(output: str, named: list[tuple[Path, str]], lang: Lang) -> None:
    """Fail, naming what it is, if the output is one of the named inputs (the same file
    by device and inode, or the same path once resolved, even if it does not exist)."""
    from checker.fsutil import OutputError, identity
    from checker.reporters import shown_path

    try:
        target: tuple[int, int] | None = identity(os.stat(output))
    except (OSError, ValueError):
        target = None
    real = os.path.realpath(output)
    for path, what in named:
        try:
            same = target is not None and identity(os.stat(path)) == target
        except (OSError, ValueError):
            same = False
        if same or os.path.realpath(path) == real:
            if not what:
                _output_failure(OutputError("output-is-input"), output, lang)
            _fail(_t("output-is-named-input", lang, path=shown_path(output),
                     what=_t(what, lang)))


def _settings(config_file: str | None, cwd: Path | None = None, **flags: Any) -> Resolved:
    from checker.config import resolve

    return resolve(flags, cwd=(Path.cwd() / cwd) if cwd is not None else Path.cwd(),
                   env=os.environ, config=Path(config_file) if config_file else None)


@main.command("config", help=Bi("In cấu hình đang áp dụng và nguồn gốc của từng thiết lập.",
                                 "Show the effective configuration and where each setting "
                                 "comes from."))
@click.option("--config", "config_file", type=Path_(dir_okay=False, exists=True),
              help=CONFIG_HELP)
@lang_option
def config_cmd(config_file: str | None, lang: str | None) -> None:
    from checker.errors import CheckerError
    from checker.i18n import t

    try:
        conf = _settings(config_file, lang=_flag_lang(lang))
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    language = conf.settings.lang
    file = str(conf.file) if conf.file else "-"
    click.echo("# " + t("config-file", language, file=file))
    for name, value in conf.settings.as_dict().items():
        shown = [str(v) for v in value] if isinstance(value, tuple) else value
        click.echo(f"{name} = {json.dumps(shown, ensure_ascii=False)}  "
                   f"# {_origin_text(conf.origins[name], language)}")


def _origin_text(origin: str, lang: Lang) -> str:
    """Where a setting came from, in the run's language: the default, a variable, a flag
    or the configuration file (its path, a name)."""
    from checker.i18n import t

    if origin == "default":
        return t("origin-default", lang)
    if origin.startswith("env "):
        return t("origin-env", lang, name=origin[4:])
    if origin.startswith("--"):
        return t("origin-flag", lang, name=origin)
    return t("origin-file", lang, path=origin)


# ---------------------------------------------------------------- cache (issue 12)
@main.group(help=Bi("Bộ nhớ đệm kết quả: ở đâu, lớn bao nhiêu, và xóa nó.",
                    "The result cache: where it is, how large, and clearing it."))
def cache() -> None:
    pass


def _cache_settings(config_file: str | None, lang: str | None) -> tuple[Lang, int]:
    from checker.errors import CheckerError

    try:
        cfg = _settings(config_file, lang=_flag_lang(lang)).settings
    except CheckerError as e:
        _fail(str(e), e.exit_code)
    return cfg.lang, cfg.cache_max_size


def _bytes(n: int) -> str:
    """A size as people read it: 512 B, 3.2 MiB."""
    if n < 1024:
        return f"{n} B"
    size = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        size /= 1024
        if size < 1024 or unit == "GiB":
            break
    return f"{size:.1f} {unit}"


_cache_config = click.option("--config", "config_file",
                             type=Path_(dir_okay=False, exists=True), help=CONFIG_HELP)
_cache_lang = lang_option


@cache.command("info", help=Bi("Thư mục, số mục và dung lượng.",
                                "The folder, its entries and their size."))
@_cache_config
@_cache_lang
def cache_info(config_file: str | None, lang: str | None) -> None:
    from checker import cacheindex
    from checker.cache import default_folder, entries
    from checker.i18n import t

    lang_, limit = _cache_settings(config_file, lang)
    folder = default_folder()
    if folder is None:
        click.echo(t("cache-none", lang_))
        return
    found = entries(folder)
    click.echo(t("cache-info", lang_, path=folder, entries=len(found),
                 size=_bytes(sum(e.size for e in found) + cacheindex.size(folder)),
                 limit=_bytes(limit) if limit else "-"))


@cache.command("clean", help=Bi("Xóa mọi kết quả đã lưu.", "Remove every stored result."))
@_cache_config
@_cache_lang
def cache_clean(config_file: str | None, lang: str | None) -> None:
    from checker.cache import clean, default_folder
    from checker.i18n import t

    lang_, _ = _cache_settings(config_file, lang)
    folder = default_folder()
    if folder is None:
        click.echo(t("cache-none", lang_))
        return
    from checker.rules import snapshot

    snapshot.clean(folder)  # the compiled packs too, so that the folder can go
    removed, size = clean(folder)
    click.echo(t("cache-cleaned", lang_, entries=removed, size=_bytes(size), path=folder))


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
    from checker.describe import explain_rule, explain_tool_rule
    from checker.rules.engine import known_ids, unknown_rule

    language = _run_lang(lang)
    packs = _packs()
    rid = rule.strip().upper()
    if not explain_tool_rule(rid, language, sys.stdout) and not explain_rule(
            packs, rid, language, sys.stdout):
        _fail(unknown_rule(rule, known_ids(packs), language, prefixes=False))


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


INIT_HINT = Bi("Gợi ý: checker init --vscode để VS Code kiểm tra tệp khi gõ, không cần mạng.",
               "Hint: checker init --vscode so that VS Code validates the file as you type, "
               "offline.")


@main.command(help=Bi("Tạo tệp hồ sơ mẫu của một thủ tục [mặc định: case.json; với --vscode, "
                      "chỉ khi có nêu đường dẫn].",
                      "Write a template case file for a procedure [default: case.json; with "
                      "--vscode, only when a path is given]."))
@click.argument("path", required=False, type=Path_(dir_okay=False))
@click.option("--procedure", default="appointment",
              type=Choice(sorted(p.stem for p in TEMPLATES.glob("*.json"))),
              help=_procedure_help())
@click.option("--force", is_flag=True,
              help=Bi("Ghi đè tệp đã có.", "Overwrite an existing file."))
@click.option("--vscode", is_flag=True,
              help=Bi("Gắn các tệp hồ sơ (`*.case.json`, `cases/**/*.json`) với lược đồ đi "
                      "kèm trong `.vscode/settings.json`, giữ nguyên mọi cài đặt khác.",
                      "Map case files (`*.case.json`, `cases/**/*.json`) to the bundled schema "
                      "in `.vscode/settings.json`, keeping every other setting."))
@lang_option
def init(path: str | None, procedure: str, force: bool, vscode: bool,
         lang: str | None) -> None:
    from checker.fsutil import OutputError, write_output

    language = _run_lang(lang)
    if vscode:
        _init_vscode(Path(".vscode") / "settings.json", language)
        if path is None:
            return
    path = "case.json" if path is None else path
    try:
        write_output(path, (TEMPLATES / f"{procedure}.json").read_bytes(), replace=force)
    except OutputError as e:
        _output_failure(e, path, language)
    click.echo(path)
    if not vscode:
        click.echo(INIT_HINT.get(language), err=True)


# -- issue 13 point 2 (builder): checker new, the guided interview
@main.command("new", help=Bi(
    "Lập một tệp hồ sơ bằng cách trả lời từng câu hỏi, theo thứ tự các văn bản của thủ tục "
    "[mặc định: case.json]. Ngày nhận dạng 25/11/2024 hoặc ngày 25 tháng 11 năm 2024 và "
    "được ghi 2024-11-25. Khi dừng giữa chừng (Ctrl-C, Ctrl-D), các câu trả lời đã có được "
    "lưu vào tệp; chạy lại với cùng tệp để hỏi tiếp. Xong thì kiểm tra hồ sơ và in kết quả.",
    "Build a case file by answering one question at a time, in the order of the procedure's "
    "documents [default: case.json]. Dates may be typed 25/11/2024 or \"ngày 25 tháng 11 "
    "năm 2024\" and are written 2024-11-25. When stopped midway (Ctrl-C, Ctrl-D) the answers so "
    "far are saved in the file; run again on the same file to go on. At the end the case "
    "is checked and the findings shown."))
@click.argument("path", required=False, type=Path_(dir_okay=False))
@click.option("--procedure", type=Choice(sorted(p.stem for p in TEMPLATES.glob("*.json"))),
              help=Bi("Thủ tục của hồ sơ (không có thì câu hỏi đầu tiên sẽ hỏi).",
                      "The procedure of the case (without it, the first question asks)."))
@click.option("--resume", is_flag=True,
              help=Bi("Hỏi tiếp những gì còn thiếu trong một tệp hồ sơ đã có, giữ mọi giá trị "
                      "đã có, rồi ghi đè tệp đó.",
                      "Ask for what is missing in an existing case file, keeping every value "
                      "it has, then write that file over."))
@lang_option
def new(path: str | None, procedure: str | None, resume: bool, lang: str | None) -> None:
    from checker.asking import Prompter, plain_terminal
    from checker.fsutil import OutputError, write_output
    from checker.i18n import t
    from checker.interview import (
        Interrupted,
        Interview,
        Refused,
        encode,
        progress,
        with_progress,
    )
    from checker.schemas import load_schema

    language = _run_lang(lang)
    path = "case.json" if path is None else path
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):  # said before the questions, not after them
        import errno

        _output_failure(OutputError("output-failed", FileNotFoundError(
            errno.ENOENT, os.strerror(errno.ENOENT), folder)), path, language)
    existed = os.path.lexists(path)
    case: dict[str, Any] | None = None
    if existed:
        case = _unfinished_case(path, language)
        if progress(case) is None and not resume:
            _fail(t("new-exists", language, path=path))
        _notice(t("new-resuming", language, path=path))
    interview = Interview(load_schema("case"), Prompter(language, plain=plain_terminal()),
                          language, case, procedure)
    try:
        built = interview.run()
    except Refused as e:
        _fail(str(e))
    except Interrupted as e:
        if "procedure" not in e.case:
            _notice(t("new-nothing-saved", language))
            sys.exit(130)
        try:
            write_output(path, encode(with_progress(e.case, e.at)), replace=existed)
        except OutputError as err:
            _output_failure(err, path, language)
        _notice(t("new-saved-progress", language, path=path))
        sys.exit(130)
    try:
        write_output(path, encode(built), replace=existed)
    except OutputError as e:
        _output_failure(e, path, language)
    _notice(t("new-written", language, path=path))
    import contextlib

    # the case is written: what the check finds is shown; it does not decide the exit code
    with contextlib.suppress(SystemExit):
        click.get_current_context().invoke(check, paths=(path,), lang=language)


def _unfinished_case(path: str, lang: Lang) -> dict[str, Any]:
    """The case already in `path`, to go on with; a file that is not one is named."""
    from checker.files import os_reason
    from checker.i18n import t

    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except OSError as e:
        _fail(t("new-not-a-case", lang, path=path, reason=os_reason(e, lang)))
    except UnicodeDecodeError:
        _fail(t("new-not-a-case", lang, path=path, reason=t("new-not-utf8", lang)))
    except json.JSONDecodeError as e:
        _fail(t("new-not-a-case", lang, path=path,
                reason=t("new-not-json", lang, line=e.lineno, column=e.colno)))
    if not isinstance(data, dict):
        _fail(t("new-not-a-case", lang, path=path, reason=t("new-not-an-object", lang)))
    return data


# -- issue 12 (h12-files): init --vscode
def _init_vscode(settings: Path, lang: Lang) -> None:
    """Add the mapping of case files to the bundled schema to the workspace settings;
    the file is edited in place, every other byte kept (checker.editor)."""
    from checker.editor import FILE_MATCH, SettingsError, merge
    from checker.files import os_reason
    from checker.fsutil import OutputError, write_output
    from checker.i18n import t
    from checker.reporters import shown_path
    from checker.schemas import schema_dir

    schema = schema_dir() / "case.schema.json"
    shown = shown_path(settings.as_posix())
    try:
        raw = settings.read_bytes() if settings.is_file() else None
    except OSError as e:
        _fail(t("config-unreadable", lang, path=shown, reason=os_reason(e, lang)))
    try:
        text = "" if raw is None else raw.decode("utf-8-sig")
        edit = merge(text, schema)
    except UnicodeDecodeError as e:
        _fail(t("config-not-utf8", lang, path=shown, offset=e.start))
    except SettingsError as e:
        _fail(t(e.key, lang, path=shown, **e.values))
    if not edit.changed:
        click.echo(t("vscode-unchanged", lang, path=shown))
        return
    import contextlib

    with contextlib.suppress(OSError):  # if it cannot be made, writing says why
        settings.parent.mkdir(exist_ok=True)
    try:
        write_output(str(settings), edit.text.encode("utf-8"), replace=raw is not None)
    except OutputError as e:
        _output_failure(e, str(settings), lang)
    click.echo(t("vscode-written", lang, path=shown, patterns=", ".join(FILE_MATCH),
                 schema=schema))


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
    except BrokenPipeError:  # `checker rules | head -1`: the reader had enough
        _quiet_broken_pipe(0)
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


def _quiet_broken_pipe(code: int) -> NoReturn:
    """The reader of our output went away (`| head -1`): not a failure of the checker.
    Exit with `code` (0, or what the findings say), with nothing on stderr: stdout is
    pointed at devnull so the interpreter's final flush cannot fail again ("Exception
    ignored … BrokenPipeError")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)
