import os
import tempfile

from hypothesis import HealthCheck, settings

# The result cache of every checker run in the tests (in-process and subprocesses) goes
# to a temporary folder, never into the repository.
os.environ.setdefault("CHECKER_CACHE_DIR", tempfile.mkdtemp(prefix="checker-cache-"))

# Text output is laid out at COLUMNS when it is set (checker.text.terminal_width): the
# tests, in-process and in subprocesses, see the default width of output that is not a
# terminal (80), whatever the shell that runs them exports.
os.environ.pop("COLUMNS", None)

# CI runs hypothesis derandomized, so a red build is reproducible.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
