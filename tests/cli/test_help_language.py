"""`cascade COMMAND --help` speaks the run's language: Bahasa Indonesia by default, English with
``--lang en``; every option has its Indonesian help (cascade.cli.helptext.HELP_ID), so an option
added without one fails here rather than showing English to a planner."""

from __future__ import annotations

import argparse
import io

import pytest

from cascade.cli import main
from cascade.cli.commands import _parser
from cascade.cli.helptext import HELP_ID, localize

COMMANDS = sorted(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def _helps(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {where}", text) for where, text in _helps(sub)]
        elif action.help and action.help is not argparse.SUPPRESS:
            found.append(("/".join(action.option_strings) or action.dest, action.help))
    return found


def _help(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv, "--help"], stdout=out, stderr=err) == 0
    assert err.getvalue() == ""
    return out.getvalue()


def test_every_option_has_its_indonesian_help() -> None:
    missing = [f"{where}: {text!r}" for where, text in _helps(_parser()) if text not in HELP_ID]
    assert missing == []


def test_no_translation_is_left_over() -> None:
    used = {text for _, text in _helps(_parser())}
    assert sorted(set(HELP_ID) - used) == []


def test_localize_to_indonesian_leaves_no_english_option_help() -> None:
    parser = _parser()
    localize(parser, "id")
    assert [text for _, text in _helps(parser) if text in HELP_ID] == []


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_indonesian_by_default(command: str) -> None:
    text = _help(command)
    assert text.startswith(f"penggunaan: cascade {command}")
    assert "\nopsi:\n" in text
    assert "tampilkan bantuan ini lalu keluar" in text
    assert "usage:" not in text and "show this help message" not in text
    assert " / " not in text.split("\n\n")[1]  # the description in one language


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_is_english_with_lang_en(command: str) -> None:
    text = _help(command, "--lang", "en")
    assert text.startswith(f"usage: cascade {command}")
    assert "\noptions:\n" in text and "show this help message and exit" in text
    assert "penggunaan" not in text and "tampilkan" not in text


def test_lint_help_in_indonesian_names_the_options_in_indonesian() -> None:
    text = _help("lint")
    assert "Periksa berkas dan folder rencana" in text
    assert "Check plan files" not in text
    assert "tampilkan NIP dan nama pegawai dalam temuan" in " ".join(text.split())


def test_command_list_is_in_one_language() -> None:
    assert "    lint      periksa berkas dan folder rencana\n" in _help()
    out = io.StringIO()
    assert main(["--help", "--lang", "en"], stdout=out, stderr=io.StringIO()) == 0  # help is read before --lang is refused
    english = out.getvalue()
    assert "    lint      check plan YAML files and folders\n" in english
    assert "periksa" not in english


def test_usage_errors_are_headed_in_the_runs_language() -> None:
    err = io.StringIO()
    assert main(["lint", "--fail-level", "bogus"], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith("penggunaan: cascade lint")
    err = io.StringIO()
    assert main(["lint", "--lang", "en", "--fail-level", "bogus"], stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().startswith("usage: cascade lint")
