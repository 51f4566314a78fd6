"""`quizgen grade`: read quiz.json and the results, grade, write the outputs, record in the bank.

Everything that can be wrong with the input is found before the first byte is written:
the manifest and the whole sheet are checked, the grades computed and the report rendered
in memory; only then are scores.csv, items.csv, open-answers.csv and report.pdf written
(each atomically) and the uses recorded on the questions.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.bank import Bank
from quizgen.errors import UsageError
from quizgen.fileio import atomic_write_bytes
from quizgen.grading import GradeResult, grade
from quizgen.manifest import read_manifest
from quizgen.models import UsageRecord
from quizgen.results import read_results
from quizgen.usage import RecordReport, record_usage


@dataclass
class GradeReport:
    result: GradeResult
    written: list[Path] = field(default_factory=list)
    recorded: RecordReport | None = None
    warnings: list[str] = field(default_factory=list)


def _csv(rows: list[list[str | int | float]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(rows)
    # A BOM so that Excel opens the Vietnamese text as UTF-8.
    return "\ufeff" + buf.getvalue()


def _f(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def scores_csv(result: GradeResult) -> str:
    rows: list[list[str | int | float]] = [
        [
            "rank",
            "seat",
            "name",
            "unit",
            "version",
            "correct",
            "blank",
            "points",
            "max_points",
            "percent",
            "result",
        ]
    ]
    for t in result.trainees:
        rows.append(
            [
                t.rank,
                t.seat,
                t.name,
                t.unit,
                t.version,
                t.correct,
                t.blank,
                _f(t.points),
                _f(result.summary.max_points),
                _f(t.percent),
                "đạt" if t.passed else "chưa đạt",
            ]
        )
    return _csv(rows)


def items_csv(result: GradeResult, stems: dict[str, str]) -> str:
    rows: list[list[str | int | float]] = [
        [
            "number",
            "id",
            "versions",
            "format",
            "question",
            "key",
            "trainees",
            "facility",
            "discrimination",
            "point_biserial",
            "blanks",
            "options",
            "flags",
        ]
    ]
    for item in result.items:
        options = "; ".join(f"{o.label}{'*' if o.is_key else ''}={o.count}" for o in item.options)
        rows.append(
            [
                item.numbers[0][1],
                item.id,
                item.where,
                item.format,
                stems.get(item.id, ""),
                item.key,
                item.trainees,
                _f(item.facility),
                _f(item.discrimination),
                _f(item.point_biserial),
                item.blanks,
                options,
                " ".join(item.flags),
            ]
        )
    return _csv(rows)


def open_answers_csv(result: GradeResult) -> str:
    rows: list[list[str | int | float]] = [
        ["seat", "name", "version", "number", "id", "given", "key", "counted"]
    ]
    for c in result.to_confirm:
        rows.append(
            [
                c.seat,
                c.name,
                c.version,
                c.number,
                c.id,
                c.given,
                c.expected,
                "đúng" if c.counted_correct else "sai",
            ]
        )
    return _csv(rows)


def usage_records(result: GradeResult) -> dict[str, UsageRecord]:
    return {
        item.id: UsageRecord(
            quiz=result.quiz,
            title=result.title,
            date=result.date,
            trainees=item.trainees,
            facility=item.facility,
            discrimination=item.discrimination,
            point_biserial=item.point_biserial,
            flags=list(item.flags),
        )
        for item in result.items
    }


def grade_files(
    manifest_path: Path,
    results_path: Path,
    outdir: Path,
    bank: Bank | None,
    pass_mark: float = 50.0,
    report: bool = True,
    record: bool = True,
) -> GradeReport:
    """Grade RESULTS against QUIZ.JSON into OUTDIR; record each question's use in ``bank`` if ``record``.

    The bank also gives the report its question texts; grading itself never needs it.
    """
    if not 0 <= pass_mark <= 100:
        raise UsageError("--pass-mark là phần trăm tổng điểm, từ 0 đến 100.")
    manifest = read_manifest(manifest_path)
    sheet = read_results(results_path, manifest)
    result = grade(manifest, sheet.responses, pass_mark)
    out = GradeReport(result, warnings=list(sheet.warnings))
    stems: dict[str, str] = {}
    if bank is not None and bank.root.is_dir():
        wanted = set(manifest.item_ids())
        stems = {
            loc.question.id: loc.question.question
            for loc in bank.iter_questions()
            if loc.question.id in wanted
        }
    pdf: bytes | None = None
    if report:
        from quizgen.exporters.pdf import require_font
        from quizgen.exporters.report import render_report_pdf, report_context

        pdf = render_report_pdf(report_context(result, require_font(), stems))
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("scores.csv", scores_csv(result)),
        ("items.csv", items_csv(result, stems)),
        ("open-answers.csv", open_answers_csv(result)),
    ):
        atomic_write_bytes(outdir / name, text.encode("utf-8"))
        out.written.append(outdir / name)
    if pdf is not None:
        atomic_write_bytes(outdir / "report.pdf", pdf)
        out.written.append(outdir / "report.pdf")
    if bank is not None and record:
        if bank.root.is_dir() and not bank.writable():
            out.warnings.append(
                f"không có quyền ghi vào {bank.root}: đã chấm nhưng không ghi nhận kết quả vào câu hỏi "
                "(người có quyền chạy lại lệnh này để ghi)."
            )
        elif bank.root.is_dir():
            out.recorded = record_usage(bank, usage_records(result))
            if out.recorded.missing:
                out.warnings.append(
                    f"{len(out.recorded.missing)} câu không còn trong {bank.root} nên không ghi nhận: "
                    + ", ".join(out.recorded.missing)
                )
        else:
            out.warnings.append(
                f"không có ngân hàng câu hỏi {bank.root}: không ghi nhận kết quả vào câu hỏi."
            )
    return out
