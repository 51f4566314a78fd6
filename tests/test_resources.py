"""The templates are found from an installed wheel, not only from a checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizgen.resources import templates_dir
from tests.conftest import ROOT


def test_templates_found_in_checkout() -> None:
    assert (templates_dir() / "README.md").is_file()


@pytest.mark.slow
def test_templates_and_gazetteer_found_in_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("quizgen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    repo_templates = sorted(
        p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*") if p.is_file()
    )
    assert "anki/mcq_front.html" in repo_templates
    for name in repo_templates:
        assert f"quizgen/templates/{name}" in names
    assert "quizgen/data/gazetteer.yaml" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import quizgen.resources as r, quizgen.gazetteer as g; "
        "print(r.templates_dir()); print(len(g.load_gazetteer().titles))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); " + code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.split("\n")
    assert out[0] == str(site / "quizgen" / "templates")
    assert int(out[1]) > 10
