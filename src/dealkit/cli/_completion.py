"""``dealkit completion SHELL``: tab completion of commands, options and deal ids (argcomplete).

The script it prints asks ``dealkit`` itself what to complete, so new
commands and the deals of the built-in catalog complete without regenerating it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Final

from .._optional import require
from ._common import EXIT_OK, Commands, add_command

__all__ = ["SHELLS", "complete_deal_ids", "register", "setup"]

#: The shells a completion script is written for.
SHELLS: Final = ("bash", "zsh", "fish")
#: Where each shell reads completion scripts, for the help.
_INSTALL: Final = (
    ("bash", "dealkit completion bash > ~/.local/share/bash-completion/completions/dealkit"),
    ("zsh", "dealkit completion zsh > \"${fpath[1]}/_dealkit\""),
    ("fish", "dealkit completion fish > ~/.config/fish/completions/dealkit.fish"),
)


def register(commands: Commands) -> None:
    p = add_command(
        commands, "completion", run_completion,
        summary="print a shell completion script (bash, zsh or fish)",
        description="A script that makes the shell complete dealkit's commands, options, choices and the ids "
        "of the built-in deals as you press Tab (argcomplete; the `cli` extra). Write it where your shell "
        "reads completions, or source it from your shell's startup file.",
        examples=[(command, f"install it for {shell}") for shell, command in _INSTALL],
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=f"the shell: {', '.join(SHELLS)}")


def run_completion(args: argparse.Namespace) -> int:
    argcomplete = require("argcomplete", extra="cli")
    sys.stdout.write(argcomplete.shellcode(["dealkit"], shell=args.shell))
    return EXIT_OK


def complete_deal_ids(prefix: str, **kwargs: Any) -> list[str]:
    """The ids of the built-in deals starting with ``prefix`` (for argcomplete)."""
    from ..catalog import builtin_catalog

    return [d for d in builtin_catalog().deal_ids() if d.startswith(prefix)]


def setup(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request and exit, when this run is one (argcomplete's protocol)."""
    import os

    if "_ARGCOMPLETE" not in os.environ:
        return  # an ordinary run: argcomplete is not even imported
    for action in _actions(parser):
        if action.dest in ("deal_id", "deal_ids"):
            action.completer = complete_deal_ids  # type: ignore[attr-defined]
    argcomplete = require("argcomplete", extra="cli")
    argcomplete.autocomplete(parser)


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _actions(sub)
    return found
