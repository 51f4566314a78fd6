"""Crash safety: generate, approve, edit and the interactive review killed with SIGKILL at random points.

The harness (tests/crash_harness.py) says what is checked after every kill. Select with
``pytest -m crash``; CRASH_KILLS (per command, default 52) and CRASH_SEED change the run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.crash_harness import COMMANDS, run_scenarios

pytestmark = [
    pytest.mark.crash,
    pytest.mark.skipif(sys.platform != "linux", reason="pty, fork and audit-hook fault injection: Linux"),
]


def test_killed_commands_lose_nothing_acknowledged_and_leave_nothing_behind(tmp_path: Path) -> None:
    kills = int(os.environ.get("CRASH_KILLS", "52"))  # per command: 208 kills in all
    figures = run_scenarios(tmp_path, int(os.environ.get("CRASH_SEED", "12")), kills)
    print(figures.summary())
    assert all(figures.kills[c] >= kills for c in COMMANDS)
    if kills >= 40:  # both kinds of kill reach every command (a few kills may all be of one kind)
        assert all(figures.op_kills[c] > 0 and figures.time_kills[c] > 0 for c in COMMANDS)
    assert figures.acked_then_checked > 0 and figures.temp_files_left > 0
