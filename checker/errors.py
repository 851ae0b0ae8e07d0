"""Failures of the tool or of its inputs (options, rule packs, catalog): never findings.

A case file that cannot be read is a *finding* about that file; everything here means
the checker itself cannot run, and the CLI turns it into one message and exit code 2.
"""


class CheckerError(Exception):
    """The checker cannot run. The message is shown to the user as it is."""

    exit_code = 2


class CatalogError(CheckerError):
    """The legal source catalog is malformed or inconsistent."""


class RulePackError(CheckerError):
    """A rule pack is malformed, cites an unknown source, or asks for an unknown predicate."""


class UsageError(CheckerError):
    """A bad option or argument."""
