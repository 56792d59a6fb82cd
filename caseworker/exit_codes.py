"""The exit codes of ``caseworker`` and ``caseworker-desk``: one table, one meaning each,
so a script (or the office's scheduled backup) can tell a refusal from a failure.

README.md's "Exit codes" table is checked against :data:`TABLE` by
tests/it/test_conventions.py."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    #: a check ran and found problems (rules check, db check, audit verify, verify, scan)
    PROBLEMS = 1
    #: the command was refused: bad input, wrong password, a rule of the office, a
    #: damaged store; nothing was changed. argparse's own usage errors are 2 as well
    BAD_INPUT = 2
    #: a fault of the program: nothing was changed; report it with the log
    INTERNAL = 3
    #: a sync round did not complete (network, centre); what went through is kept, the
    #: rest is retried next round
    SYNC_FAILED = 4
    #: the desk cannot start: a system library the window needs is missing (Linux)
    MISSING_LIBRARY = 5
    #: stopped with Ctrl+C
    INTERRUPTED = 130


#: what each code means, for the README's table and ``--help``
TABLE: dict[ExitCode, str] = {
    ExitCode.OK: "done",
    ExitCode.PROBLEMS: "a check found problems (rules check, db check, audit verify, verify, "
    "scan); the desk: closed before anyone logged in, or its self-test failed",
    ExitCode.BAD_INPUT: "refused: bad input, wrong password, not allowed, damaged store; "
    "nothing changed; the desk: the store or the rules could not be opened",
    ExitCode.INTERNAL: "internal error: nothing changed; send the diagnostics bundle",
    ExitCode.SYNC_FAILED: "a sync round did not complete; the rest is retried next round",
    ExitCode.MISSING_LIBRARY: "the desk lacks a system library for its window (Linux); "
    "the message names the package",
    ExitCode.INTERRUPTED: "stopped with Ctrl+C",
}
