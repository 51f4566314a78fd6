from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from tests.conftest import GOLD, ROOT, Invoke
from tests.test_quality_floor import RECALL_FLOOR


def test_generate_list_show_stats(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    result = invoke("generate", seeds, "--bank", bank_dir)
    assert result.exit_code == 0, result.output
    assert "000_0925c9defd9cf852: thêm" in result.output
    listed = invoke("list", "--bank", bank_dir, "--status", "draft", "--json")
    records = json.loads(listed.output)
    assert records and all(r["status"] == "draft" for r in records)
    qid = records[0]["id"]
    shown = invoke("show", qid, "--bank", bank_dir)
    assert shown.exit_code == 0 and f"id: {qid}" in shown.output
    stats = invoke("stats", "--bank", bank_dir, "--json")
    data = json.loads(stats.output)
    assert data["total"]["draft"] == len(records)
    assert sum(a["total"] for a in data["articles"].values()) == len(records)


def test_list_filters_by_article(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    invoke("generate", seeds, "--bank", bank_dir)
    out = invoke("list", "--bank", bank_dir, "--article", "003_43f387c3d7b97b06", "--json").output
    assert {r["article"] for r in json.loads(out)} == {"003_43f387c3d7b97b06"}
    unknown = invoke("list", "--bank", bank_dir, "--article", "nope")
    assert unknown.exit_code == 1 and "nope" in unknown.output


def test_export_json_schema_and_empty_selection(
    seeds: Path, bank_dir: Path, tmp_path: Path, invoke: Invoke
) -> None:
    invoke("generate", seeds, "--bank", bank_dir)
    out = tmp_path / "out.json"
    empty = invoke("export", "json", out, "--bank", bank_dir)
    assert empty.exit_code == 1 and "approved" in empty.output and not out.exists()
    full = invoke("export", "json", out, "--bank", bank_dir, "--status", "all")
    assert full.exit_code == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["schema"] == "quizgen.bank/1"
    first = payload["questions"][0]
    for key in (
        "article",
        "id",
        "type",
        "format",
        "question",
        "answer",
        "fact",
        "evidence",
        "status",
        "review",
    ):
        assert key in first


def test_usage_errors_exit_2(invoke: Invoke, bank_dir: Path) -> None:
    assert invoke("list", "--status", "maybe", "--bank", bank_dir).exit_code == 2
    assert invoke("generate", "--max-per-article", "0", "--bank", bank_dir).exit_code == 2
    assert invoke("no-such-command").exit_code == 2


def test_unknown_id_exit_1(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    invoke("generate", seeds, "--bank", bank_dir)
    result = invoke("show", "q-ffffff", "--bank", bank_dir)
    assert result.exit_code == 1 and "q-ffffff" in result.output


def test_eval_reports_recall(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    invoke("generate", seeds, "--bank", bank_dir)
    result = invoke("eval", GOLD, "--bank", bank_dir, "--json")
    data = json.loads(result.output)
    assert data["total"] == 22 and data["recall"] >= RECALL_FLOOR
    text = invoke("eval", GOLD, "--bank", bank_dir).output
    assert "Độ bao phủ" in text


def test_doctor(bank_dir: Path, invoke: Invoke) -> None:
    result = invoke("doctor", "--bank", bank_dir)
    assert "Pango" in result.output and "Phông chữ tiếng Việt" in result.output
    assert result.exit_code == 0, result.output


def test_doctor_reports_a_broken_bank(bank_dir: Path, invoke: Invoke) -> None:
    bank_dir.mkdir()
    (bank_dir / "x.yaml").write_text("schema: [", encoding="utf-8")
    result = invoke("doctor", "--bank", bank_dir)
    assert result.exit_code == 1 and "x.yaml" in result.output


COMMANDS = [c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands]


@pytest.mark.parametrize("command", [*COMMANDS, "export json"])
def test_every_command_has_help_with_an_example(invoke: Invoke, command: str) -> None:
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Ví dụ: quizgen" in result.output


def test_help_does_not_import_heavy_libraries() -> None:
    code = "import sys; from quizgen.cli import app; print(sorted(m for m in sys.modules if m.split('.')[0] in {'weasyprint','genanki','trafilatura','pydantic','yaml'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "--help"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0 and "generate" in result.stdout


def test_readme_workflow_examples_run(seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    """Every `quizgen ...` line of the README's workflow block runs against the sample articles."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quy trình làm việc", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.strip().splitlines()]
    bank = tmp_path / "question_bank"
    draft_ids: list[str] = []
    examples: dict[str, str] = {}
    for line in lines:
        args = shlex.split(line)[1:]
        args = [str(seeds) if a == "seeds/" else a for a in args]
        args = [str(tmp_path / a) if a.startswith("out/") else a for a in args]
        args = [str(ROOT / a) if a.startswith("tests/") else a for a in args]
        # The README's example ids stand for real ones: each new one takes the next mcq draft.
        for i, arg in enumerate(args):
            if re.fullmatch(r"q-[0-9a-f]{6}", arg):
                args[i] = examples.setdefault(arg, draft_ids[len(examples)])
        stdin = "q\n" if args[0] == "review" else None
        result = CliRunner().invoke(app, [*args, "--bank", str(bank)], input=stdin)
        assert result.exit_code == 0, (line, result.output)
        if args[0] == "generate":
            records = json.loads(invoke("list", "--json", "--bank", bank).output)
            draft_ids = [r["id"] for r in records if r["format"] == "mcq"]
