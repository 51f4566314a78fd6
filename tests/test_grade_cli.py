"""After the quiz, through the CLI as a trainer runs it: export -> template -> fill -> grade -> bank.

The sheet is filled with openpyxl the way a trainer types it; the report PDF is read back
with pypdf (NFC) and its pages turned into PNGs with pdftoppm for a person to look at
(kept under the test's tmp dir; the README's picture came from there).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from quizgen.bank import Bank
from quizgen.manifest import QuizManifest, read_manifest
from tests.conftest import ROOT, SEEDS, Invoke

FIXTURE_BANK = ROOT / "tests" / "data" / "pdf_bank"
NAMES = [
    "Nguyễn Văn Hùng", "Trần Thị Hương", "Phạm Quốc Tuấn", "Lê Thị Thủy", "Hoàng Minh Đức", "Vũ Thị Ngọc Ánh",
    "Đặng Hữu Long", "Bùi Thanh Hải", "Đỗ Thị Mỹ Linh", "Ngô Quang Trường", "Dương Văn Sơn", "Lý Thị Hoà",
]  # fmt: skip


def _bank_files(bank: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(bank.glob("*.yaml"))}


def _wrong_letter(options: dict[str, str], correct: str) -> str:
    return next(letter for letter in options if letter != correct)


def fill(manifest: QuizManifest, sheet: Path, right: dict[int, set[str]]) -> None:
    """Type trainee t's paper into row t+3: the questions (bank ids) in ``right[t]`` correct, others wrong."""
    wb = load_workbook(sheet)
    ws = wb["Kết quả"]
    for t, name in enumerate(NAMES):
        row = t + 3
        version = manifest.versions[t % len(manifest.versions)]
        ws.cell(row, 2).value = name
        ws.cell(row, 3).value = "Phòng Cảnh sát cơ động"
        ws.cell(row, 4).value = version.label
        for item in version.questions:
            ok = item.id in right[t]
            if item.options:
                value = item.correct if ok else _wrong_letter(item.options, item.correct)
            else:
                value = item.correct.upper() if ok else "không nhớ"
            ws.cell(row, 4 + item.number).value = value
    wb.save(sheet)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """export pdf -> results template -> fill -> grade, once for the read-only checks below."""
    from typer.testing import CliRunner

    from quizgen.cli import app

    root = tmp_path_factory.mktemp("loop")
    shutil.copytree(FIXTURE_BANK, root / "question_bank")
    shutil.copytree(SEEDS, root / "seeds")
    bank = root / "question_bank"
    runner = CliRunner()

    def run(*args: str | Path) -> str:
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == 0, result.output
        return result.output

    run("export", "pdf", root / "out", "--bank", bank, "--versions", "2", "--seed", "4", "--points",
        "--title", "Kiểm tra GGHB tháng 11", "--count", "12")  # fmt: skip
    manifest = read_manifest(root / "out" / "quiz.json")
    run("results", "template", root / "out" / "quiz.json", root / "ket-qua.xlsx", "--seats", "15")
    ids = manifest.item_ids()
    # Trainee t gets the first t+1 questions (in version A's order) right: facility of the j-th
    # question is (12 - j) / 12, and the trainees are ranked by seat in reverse. (The quiz has at
    # most 12 questions: fewer when the export leaves some out.)
    right = {t: set(ids[: t + 1]) for t in range(len(NAMES))}
    fill(manifest, root / "ket-qua.xlsx", right)
    before = _bank_files(bank)
    output = run("grade", root / "out" / "quiz.json", root / "ket-qua.xlsx", "--out", root / "results",
                 "--bank", bank, "--pass-mark", "50")  # fmt: skip
    after_first = _bank_files(bank)
    again = run("grade", root / "out" / "quiz.json", root / "ket-qua.xlsx", "--out", root / "results",
                "--bank", bank)  # fmt: skip
    return {
        "root": root, "bank": bank, "manifest": manifest, "ids": ids, "output": output, "again": again,
        "before": before, "after_first": after_first, "after_second": _bank_files(bank),
    }  # fmt: skip


def _csv_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff"), "Excel needs the BOM to read Vietnamese CSV as UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_export_writes_a_manifest_that_matches_the_key(graded: dict[str, object]) -> None:
    root = graded["root"]
    assert isinstance(root, Path)
    data = json.loads((root / "out" / "quiz.json").read_text(encoding="utf-8"))
    assert (
        data["schema"] == "quizgen.quiz/1" and data["seed"] == 4 and data["title"] == "Kiểm tra GGHB tháng 11"
    )
    assert [v["label"] for v in data["versions"]] == ["A", "B"]
    a = data["versions"][0]["questions"]
    k = len(a)
    assert 5 <= k <= 12 and [q["number"] for q in a] == list(range(1, k + 1))
    assert all(abs(q["points"] - 10 / k) < 1e-6 for q in a)
    mcq = next(q for q in a if q["format"] == "mcq")
    assert mcq["options"][mcq["correct"]]  # the key is one of the printed letters
    # The same ids in both versions, in another order.
    b = data["versions"][1]["questions"]
    assert sorted(q["id"] for q in a) == sorted(q["id"] for q in b)
    assert [q["id"] for q in a] != [q["id"] for q in b]
    # The answer key PDF prints the same letters as the manifest.
    key_text = " ".join(p.extract_text() or "" for p in PdfReader(root / "out" / "answer-key.pdf").pages)
    assert unicodedata.normalize("NFC", key_text).count("Đề A") >= 1


def test_template_has_the_quiz_hash_dropdowns_and_frozen_header(graded: dict[str, object]) -> None:
    root, manifest = graded["root"], graded["manifest"]
    assert isinstance(root, Path) and isinstance(manifest, QuizManifest)
    wb = load_workbook(root / "ket-qua.xlsx")
    assert wb.sheetnames == ["Kết quả", "Hướng dẫn"]
    ws = wb["Kết quả"]
    assert (ws["A1"].value, ws["B1"].value) == ("Mã đề thi", manifest.hash)
    header = [c.value for c in ws[2]]
    k = manifest.question_count
    assert header == ["SBD", "Họ và tên", "Đơn vị", "Đề", *(f"Câu {n}" for n in range(1, k + 1))]
    assert ws.freeze_panes == "E3"
    assert ws["A17"].value == 15 and ws["A18"].value is None
    assert all(dv.showErrorMessage for dv in ws.data_validations.dataValidation)  # Excel refuses typos
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"A,B"' in formulas
    assert any(f.startswith('"A,B,C,D') for f in formulas)


def test_grade_scores_and_item_statistics(graded: dict[str, object]) -> None:
    root, ids = graded["root"], graded["ids"]
    assert isinstance(root, Path) and isinstance(ids, list)
    k = len(ids)
    right = [min(t + 1, k) for t in range(len(NAMES))]
    scores = _csv_rows(root / "results" / "scores.csv")
    assert [r["name"] for r in scores] == NAMES
    for t, row in enumerate(scores):
        assert int(row["correct"]) == right[t]
        assert float(row["points"]) == pytest.approx(right[t] * 10 / k, abs=1e-3)
        assert int(row["rank"]) == 1 + sum(r > right[t] for r in right)
        assert row["result"] == ("đạt" if right[t] / k >= 0.5 else "chưa đạt")
    items = _csv_rows(root / "results" / "items.csv")
    assert [r["id"] for r in items] == ids
    for j, row in enumerate(items):
        assert float(row["facility"]) == pytest.approx((12 - j) / 12, abs=1e-3)
        assert row["question"], "the question text comes from the bank"
    # Written answers typed in capitals were counted right and listed for the trainer.
    confirm = _csv_rows(root / "results" / "open-answers.csv")
    assert all(r["counted"] == ("đúng" if r["given"] != "không nhớ" else "sai") for r in confirm)
    output = graded["output"]
    assert isinstance(output, str)
    assert f"12 học viên, {k} câu" in output and "KR-20" in output and f"Đã ghi nhận {k} câu" in output


def test_uses_are_recorded_once(graded: dict[str, object]) -> None:
    before, first, second = graded["before"], graded["after_first"], graded["after_second"]
    assert first != before
    assert second == first, "grading the same results again must not change the bank"
    again = graded["again"]
    assert isinstance(again, str) and "(0 tệp thay đổi)" in again
    bank, manifest = graded["bank"], graded["manifest"]
    assert isinstance(bank, Path) and isinstance(manifest, QuizManifest)
    records = {
        loc.question.id: loc.question.usage for loc in Bank(bank).iter_questions() if loc.question.usage
    }
    assert set(records) == set(manifest.item_ids())
    for usage in records.values():
        assert usage is not None and len(usage) == 1
        assert usage[0].quiz == manifest.hash and usage[0].trainees == 12 and usage[0].date == manifest.date


def test_report_pdf_reads_back_in_vietnamese(graded: dict[str, object]) -> None:
    root = graded["root"]
    assert isinstance(root, Path)
    report = root / "results" / "report.pdf"
    reader = PdfReader(report)
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in reader.pages))
    for expected in (
        "BÁO CÁO KẾT QUẢ", "Kiểm tra GGHB tháng 11", "Độ tin cậy KR-20", "Thống kê từng câu",
        "Các phương án đã chọn", "Điểm từng học viên", "Nguyễn Văn Hùng", "Vũ Thị Ngọc Ánh", "Lý Thị Hoà",
        "Phân bố điểm", "Số học viên", "Độ dễ p", "Chưa đạt",
    ):  # fmt: skip
        assert expected in text, expected
    fonts: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font: Any = ref.get_object()
            for sub in font.get("/DescendantFonts", []):
                fd = sub.get_object()["/FontDescriptor"].get_object()
                assert any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), "font not embedded"
                fonts.add(str(fd["/FontName"]))
    assert any("Noto" in f or "DejaVu" in f for f in fonts), fonts
    # One family throughout, plots included (a minus sign once pulled in a fallback font).
    assert not (any("Noto" in f for f in fonts) and any("DejaVu" in f for f in fonts)), fonts
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(report), str(root / "report-page")], check=True)
        assert len(list(root.glob("report-page-*.png"))) == len(reader.pages)


def test_flagged_questions_are_listed_and_shown(graded: dict[str, object], invoke: Invoke) -> None:
    bank = graded["bank"]
    assert isinstance(bank, Path)
    result = invoke("list", "--flagged", "--bank", bank)
    assert result.exit_code == 0, result.output
    # The first question was right for everyone (p = 1): too easy.
    ids = graded["ids"]
    assert isinstance(ids, list)
    assert ids[0] in result.output and "quá dễ" in result.output
    shown = invoke("show", ids[0], "--bank", bank)
    assert "Các lần dùng:" in shown.output and "12 học viên" in shown.output
    as_json = json.loads(invoke("list", "--flagged", "--json", "--bank", bank).output)
    assert ids[0] in {r["id"] for r in as_json}


def test_export_skips_flagged_and_prefers_unused(
    graded: dict[str, object], invoke: Invoke, tmp_path: Path
) -> None:
    src = graded["bank"]
    assert isinstance(src, Path)
    bank = tmp_path / "question_bank"
    shutil.copytree(src, bank)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    manifest = graded["manifest"]
    assert isinstance(manifest, QuizManifest)
    used = set(manifest.item_ids())
    approved = {
        loc.question.id for loc in Bank(bank).iter_questions() if loc.question.status.value == "approved"
    }
    fresh = approved - used
    assert fresh, "the fixture bank has more approved questions than the quiz used"

    def exported_ids(*args: str) -> tuple[set[str], str]:
        out = tmp_path / "o"
        result = invoke("export", "pdf", out, "--bank", bank, "--date", manifest.date, *args)
        assert result.exit_code == 0, result.output
        ids = {q.id for v in read_manifest(out / "quiz.json").versions for q in v.questions}
        return ids, result.output

    # Subsets rather than equalities: an export may leave out more questions for its own reasons.
    ids, output = exported_ids("--avoid-used-within", "30")
    assert ids and ids <= fresh and "đã dùng trong 30 ngày qua" in output
    ids, output = exported_ids("--avoid-used-within", "30", "--count", str(len(fresh) + 2))
    assert ids - fresh and ids - fresh <= used and "thêm 2 câu dùng lâu nhất" in output
    ids, _ = exported_ids("--skip-flagged")
    flagged = {loc.question.id for loc in Bank(bank).iter_questions() if loc.question.usage and any(
        f in ("too_easy", "too_hard", "low_discrimination", "negative_discrimination", "likely_key_error")
        for f in loc.question.usage[-1].flags)}  # fmt: skip
    assert flagged and ids and not (ids & flagged) and ids <= approved - flagged


def test_readme_grading_loop_runs(tmp_path: Path) -> None:
    """Every `quizgen ...` line of the README's after-the-quiz block runs, the sheet filled in between."""
    import re
    import shlex

    from typer.testing import CliRunner

    from quizgen.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Sau buổi kiểm tra", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.strip().splitlines()]
    shutil.copytree(FIXTURE_BANK, tmp_path / "question_bank")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bank = tmp_path / "question_bank"
    outputs = []
    for line in lines:
        words = shlex.split(line)[1:]
        paths = ("out", "ket-qua", "results/")
        args = words[:1] + [str(tmp_path / a) if a.startswith(paths) else a for a in words[1:]]
        if args[0] == "show":
            flagged = [loc.question.id for loc in Bank(bank).iter_questions() if loc.question.usage]
            args[1] = flagged[0]
        bank_opt = [] if args[0] == "results" else ["--bank", str(bank)]
        result = CliRunner().invoke(app, [*args, *bank_opt])
        assert result.exit_code == 0, (line, result.output)
        outputs.append(result.output)
        if args[0] == "results":
            manifest = read_manifest(tmp_path / "out" / "quiz.json")
            ids = manifest.item_ids()
            fill(manifest, tmp_path / "ket-qua.xlsx", {t: set(ids[: t + 1]) for t in range(len(NAMES))})
    assert (tmp_path / "results" / "report.pdf").is_file()
    assert "câu bị gắn cờ" in outputs[3] and "Các lần dùng:" in outputs[4]
    # The next quiz avoids the questions just used, as far as --count allows.
    used = set(read_manifest(tmp_path / "out" / "quiz.json").item_ids())
    following = set(read_manifest(tmp_path / "out2" / "quiz.json").item_ids())
    assert following and not following & used


def test_uses_survive_generate_and_review(graded: dict[str, object], tmp_path: Path, invoke: Invoke) -> None:
    """Re-running `generate` on the articles, rejecting and approving again keep every recorded use."""
    src = graded["bank"]
    assert isinstance(src, Path)
    bank = tmp_path / "question_bank"
    shutil.copytree(src, bank)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    before = {
        loc.question.id: loc.question.usage for loc in Bank(bank).iter_questions() if loc.question.usage
    }
    assert invoke("generate", tmp_path / "seeds", "--bank", bank).exit_code == 0
    qid = next(iter(before))
    assert invoke("reject", qid, "--reason", "quá dễ", "--bank", bank, "--reviewer", "Tester").exit_code == 0
    assert invoke("approve", qid, "--bank", bank, "--reviewer", "Tester").exit_code == 0
    after = {loc.question.id: loc.question.usage for loc in Bank(bank).iter_questions() if loc.question.usage}
    assert after == before


def test_no_record_leaves_the_bank_alone(graded: dict[str, object], tmp_path: Path, invoke: Invoke) -> None:
    root, src = graded["root"], graded["bank"]
    assert isinstance(root, Path) and isinstance(src, Path)
    bank = tmp_path / "question_bank"
    shutil.copytree(src, bank)
    before = _bank_files(bank)
    result = invoke("grade", root / "out" / "quiz.json", root / "ket-qua.xlsx", "--out", tmp_path / "r",
                    "--bank", bank, "--no-record")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _bank_files(bank) == before and "Đã ghi nhận" not in result.output
    # The report still shows the questions' text, read from the bank.
    first = next(loc.question for loc in Bank(bank).iter_questions() if loc.question.usage)
    text = unicodedata.normalize(
        "NFC", " ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "r" / "report.pdf").pages)
    )
    assert " ".join(first.question.split()[:6]) in " ".join(text.split())


def test_a_read_only_bank_is_graded_but_not_written(
    graded: dict[str, object], tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, src = graded["root"], graded["bank"]
    assert isinstance(root, Path) and isinstance(src, Path)
    bank = tmp_path / "question_bank"
    shutil.copytree(src, bank)
    before = _bank_files(bank)
    monkeypatch.setattr(Bank, "writable", lambda self: False)  # root may write anywhere: simulate
    result = invoke("grade", root / "out" / "quiz.json", root / "ket-qua.xlsx", "--out", tmp_path / "r",
                    "--bank", bank)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "không có quyền ghi" in result.output and (tmp_path / "r" / "scores.csv").is_file()
    assert _bank_files(bank) == before
