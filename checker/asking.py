"""The questions of `checker new` in a terminal, through questionary (prompt_toolkit).

Two ways of asking, chosen by the CLI:
- Terminal: a list to move through with the arrow keys for a choice, a line with its
  check as you type for the rest (a refused answer shows why and stays to be edited).
- Plain: when standard input or output is not a terminal, or TERM=dumb (an editor's
  shell, a script piping answers): every question is one line of text; a choice is
  printed as a numbered list and answered with its number or its code. Nothing moves
  the cursor, so a transcript reads top to bottom.
Both read keys through prompt_toolkit; tests give them a pipe input and a dummy output.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable
from typing import Any, TextIO

from checker.i18n import Lang, t
from checker.interview import Refused


def plain_terminal(stdin: TextIO | None = None, stdout: TextIO | None = None) -> bool:
    """Whether the terminal cannot draw a moving list: not a terminal, or TERM=dumb."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    try:
        ttys = stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        ttys = False
    return not ttys or os.environ.get("TERM", "") in ("dumb", "")


def _quiet_not_a_terminal() -> None:
    """prompt_toolkit warns, in English, once per descriptor, when it reads keys from
    something that is not a terminal; reading answers from a pipe is what plain mode is
    for, so the warning is taken as given."""
    try:
        from prompt_toolkit.input.vt100 import Vt100Input

        fds = getattr(Vt100Input, "_fds_not_a_terminal", None)
        if isinstance(fds, set):
            fds.add(sys.stdin.fileno())
    except (ImportError, OSError, ValueError, AttributeError):
        pass


class Prompter:
    """An Asker (checker.interview) on questionary."""

    def __init__(self, lang: Lang, *, plain: bool, input: Any = None,
                 output: Any = None, echo: Callable[[str], None] | None = None) -> None:
        self.lang = lang
        self.plain = plain
        self.io: dict[str, Any] = {}
        if input is not None:
            self.io["input"] = input
        if output is not None:
            self.io["output"] = output
        self.tty = False  # a terminal too dumb for lists, as opposed to a pipe
        if plain and input is None:
            try:
                self.tty = sys.stdin.isatty()
            except (AttributeError, ValueError):
                self.tty = False
            if not self.tty:
                _quiet_not_a_terminal()
        self.echo = echo or (lambda s: print(s, file=sys.stderr))

    def _validator(self, validate: Callable[[str], object]) -> Callable[[str], bool | str]:
        def check(text: str) -> bool | str:
            try:
                validate(text)
            except Refused as e:
                return str(e)
            return True
        return check

    def text(self, message: str, validate: Callable[[str], object], hint: str) -> str:
        import questionary

        if self.plain:
            return self._plain_line(message + (f" ({hint})" if hint else ""), validate)
        answer: str = questionary.text(message, validate=self._validator(validate),
                                       instruction=f"({hint})" if hint else None,
                                       qmark="?", **self.io).unsafe_ask()
        return answer

    def _plain_line(self, message: str, validate: Callable[[str], object],
                    listed: tuple[str, ...] = ()) -> str:
        """One line at a time; a refused answer is said and asked again. On a dumb
        terminal prompt_toolkit's own dumb-terminal prompt echoes what is typed; from a
        pipe the question is written as a line of its own (on stderr, so that standard
        output has only the report) and the answer read without drawing anything."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.output import DummyOutput, create_output

        while True:
            if self.tty:
                for line in listed:
                    self.echo(line)
                # prompt_toolkit's own dumb-terminal prompt is for its default output;
                # when standard output is a file (it takes the report), ask on stderr
                session: PromptSession[str] = PromptSession() if sys.stdout.isatty() \
                    else PromptSession(output=create_output(stdout=sys.stderr))
                answer: str = session.prompt(f"? {message} ")
            else:
                self.echo(f"? {message}")
                for line in listed:
                    self.echo(line)
                answer = PromptSession(input=self.io.get("input"),
                                       output=DummyOutput()).prompt("")
            try:
                validate(answer)
            except Refused as e:
                self.echo(f"  {e}")
                continue
            return answer

    def select(self, message: str, choices: list[tuple[str, str]], default: str) -> str:
        import questionary

        if self.plain:
            return self._plain_select(message, choices, default)
        answer: str = questionary.select(
            message, [questionary.Choice(label, value=v) for v, label in choices],
            default=default if default in dict(choices) else None,
            instruction=t("new-select-instruction", self.lang), qmark="?",
            **self.io).unsafe_ask()
        return answer

    def _plain_select(self, message: str, choices: list[tuple[str, str]],
                      default: str) -> str:
        values = [v for v, _ in choices]
        shown = values.index(default) + 1 if default in values else 1
        picked: list[str] = []

        def validate(text: str) -> object:
            s = unicodedata.normalize("NFC", text.strip()).lower()
            if not s:
                picked.append(values[shown - 1])
                return None
            if s.isdigit() and 1 <= int(s) <= len(values):
                picked.append(values[int(s) - 1])
                return None
            for v, label in choices:
                if s in (v.lower(), label.lower()) or (v in ("yes", "no") and s in _YES_NO[v]):
                    picked.append(v)
                    return None
            raise Refused(t("new-bad-choice", self.lang, value=text.strip(), high=len(values)))

        self._plain_line(message + " " + t("new-plain-choice", self.lang, default=shown),
                         validate, tuple(f"  {i}. {label}" for i, (_, label)
                                         in enumerate(choices, 1)))
        return picked[-1]

    def say(self, message: str) -> None:
        self.echo(message)

    def heading(self, title: str, depth: int) -> None:
        self.echo("  " * depth + f"— {title} —")


# What a plain answer to a yes-or-no question may be, in either language.
_YES_NO = {"yes": ("c", "có", "co", "y", "yes"), "no": ("k", "không", "khong", "n", "no")}
