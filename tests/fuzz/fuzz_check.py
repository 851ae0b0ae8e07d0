"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer), for runs longer
than the test suite's hypothesis budget (tests/test_fuzz.py). Run as a script, not by
pytest (the file name is not test_*):

    .venv/bin/pip install atheris         # not a dependency of the project
    .venv/bin/python tests/fuzz/fuzz_check.py -max_total_time=300 fixtures/hostile/fuzz-corpus
    make fuzz FUZZ_SECONDS=300            # the same

Each input is the bytes of one case file. It goes through check_bytes and is rendered in
every output format (tests/_fuzzing.py); the language and --as-of date are taken from the
input's length, so one input always means one run. The pipeline documents that it never
raises for a bad file, so *any* exception, or a broken invariant, is a crash.

libFuzzer writes a crashing input to the artifact prefix, fixtures/hostile/fuzz/ unless
-artifact_prefix= is given, as crash-<sha1> (timeout-… for an input slower than -timeout,
default here 10 s; oom-… past -rss_limit_mb). tests/test_hostile.py replays every file
there on each test run, so a crash becomes a regression test: fix the bug, keep the file.
Inputs that hit a bug already known and tracked (KNOWN_BUGS in tests/_fuzzing.py) are set
aside, so that a run looks for new ones; FUZZ_KNOWN_BUGS=1 stops on those too.

The committed seeds (fixtures/hostile/fuzz-corpus/) stay as they are: libFuzzer saves new
inputs to the first corpus folder, so when that is the seed folder a scratch folder
(<tmp>/checker-fuzz-corpus) is put before it. Tokens come from tests/fuzz/case.dict.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEEDS = ROOT / "fixtures" / "hostile" / "fuzz-corpus"
ARTIFACTS = ROOT / "fixtures" / "hostile" / "fuzz"
SCRATCH = Path(tempfile.gettempdir()) / "checker-fuzz-corpus"
sys.path.insert(0, str(HERE.parent))  # tests/, for _fuzzing

# Instrument the checker (and the position map it relies on): every module it imports
# lazily is imported here, inside the block, so that its coverage guides the fuzzer.
with atheris.instrument_imports(include=["checker", "json_source_map", "_fuzzing"]):
    import importlib

    import _fuzzing

    import checker.schemas
    from checker.reporters import REPORTERS

    for module in REPORTERS.values():
        importlib.import_module(module)

# Build what is built once per process (validator, packs, reporters) before fuzzing, so
# that the first input is not mistaken for a slow one.
checker.schemas.validator("case")
_fuzzing.check_and_render(b"{}")

AS_OF = dt.date(2026, 1, 31)


# Inputs that hit a bug already known (tests/_fuzzing.py KNOWN_BUGS) are set aside, so
# that a run looks for new ones; FUZZ_KNOWN_BUGS=1 stops on them too.
SKIP_KNOWN = os.environ.get("FUZZ_KNOWN_BUGS") != "1"


def test_one(data: bytes) -> None:
    lang = "en" if len(data) % 2 else "vi"
    as_of = AS_OF if len(data) % 3 == 0 else None
    _fuzzing.check_and_render(data, "fuzz.json", lang=lang, as_of=as_of,
                              skip_known=SKIP_KNOWN)


def libfuzzer_args(argv: list[str]) -> list[str]:
    """argv with this harness's defaults for what it does not say."""
    args = list(argv)
    given = {a.split("=", 1)[0] for a in args[1:] if a.startswith("-")}
    defaults = {"-artifact_prefix": f"{ARTIFACTS}/", "-dict": str(HERE / "case.dict"),
                "-timeout": "10", "-max_len": "16384"}
    args[1:1] = [f"{k}={v}" for k, v in defaults.items() if k not in given]
    folders = [i for i, a in enumerate(args) if i > 0 and not a.startswith("-")]
    if folders and Path(args[folders[0]]).resolve() == SEEDS.resolve():
        SCRATCH.mkdir(exist_ok=True)
        args.insert(folders[0], str(SCRATCH))
    return args


def main() -> None:
    args = libfuzzer_args(sys.argv)
    prefix = next(a.split("=", 1)[1] for a in args if a.startswith("-artifact_prefix="))
    if prefix.endswith("/"):  # libFuzzer does not create it
        Path(prefix).mkdir(parents=True, exist_ok=True)
    atheris.Setup(args, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
