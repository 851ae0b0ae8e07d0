import os
import tempfile

from hypothesis import HealthCheck, settings

# The result cache of every checker run in the tests (in-process and subprocesses) goes
# to a temporary folder, never into the repository.
os.environ.setdefault("CHECKER_CACHE_DIR", tempfile.mkdtemp(prefix="checker-cache-"))

# CI runs hypothesis derandomized, so a red build is reproducible.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
