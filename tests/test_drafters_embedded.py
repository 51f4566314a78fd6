"""The embedded drafter behind the drafter interface: the same drafts as before, marked as its own."""

from __future__ import annotations

from pathlib import Path

from quizgen.bank import Bank
from quizgen.drafters import make_drafter
from quizgen.drafters.embedded import EmbeddedDrafter
from quizgen.generate import GENERATOR, generate
from tests.conftest import Invoke


def test_default_and_explicit_embedded_give_the_same_bank(
    seeds: Path, tmp_path: Path, invoke: Invoke
) -> None:
    assert invoke("generate", seeds, "--bank", tmp_path / "a").exit_code == 0
    assert invoke("generate", seeds, "--bank", tmp_path / "b", "--drafter", "embedded").exit_code == 0
    a = sorted(p.read_bytes() for p in (tmp_path / "a").glob("*.yaml"))
    b = sorted(p.read_bytes() for p in (tmp_path / "b").glob("*.yaml"))
    assert a == b


def test_embedded_drafts_record_their_drafter_and_the_rules_version(seeds: Path, bank_dir: Path) -> None:
    report = generate([seeds], Bank(bank_dir), drafter=EmbeddedDrafter())
    assert report.added > 0 and report.dropped == {}
    for bank_file in Bank(bank_dir).load_all():
        assert bank_file.article.generator == GENERATOR
        assert all(
            q.drafter == "embedded" and q.model is None and q.prompt_version is None
            for q in bank_file.questions
        )


def test_make_drafter_needs_no_model_for_embedded(tmp_path: Path) -> None:
    assert isinstance(make_drafter("embedded", tmp_path / "question_bank"), EmbeddedDrafter)
