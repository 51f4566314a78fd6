"""The results sheet: the template, reading it back as .xlsx and as CSV, and every kind of bad input."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from quizgen.errors import UsageError
from quizgen.grading import Response
from quizgen.manifest import ManifestError, QuizManifest, read_manifest, write_manifest
from quizgen.results import ResultsError, column_letter, read_results, write_template
from tests.conftest import Invoke, write
from tests.test_grading import _small_manifest

# Row 3 onwards as a trainer types them: seat, name, unit, version, Câu 1..4.
Cell = str | int | None
ROWS: list[list[Cell]] = [
    [1, "Nguyễn Văn Hùng", "Đội 1", "A", "A", "b", "Đ", "Thanh Hóa"],
    [2, "Trần Thị Hương", "Đội 2", "Đề B", "đúng", "Thanh Hoá", "C", "A."],
    [3, None, None, None, None, None, None, None],  # a seat nobody sat in
    [4, "Lê Thị Thủy", None, "b", "S", "", "*", None],
]
EXPECTED = [
    Response("1", "Nguyễn Văn Hùng", "Đội 1", "A", ("A", "B", "Đ", "Thanh Hóa"), 3),
    Response("2", "Trần Thị Hương", "Đội 2", "B", ("Đ", "Thanh Hoá", "C", "A"), 4),
    Response("4", "Lê Thị Thủy", "", "B", ("S", "", "*", ""), 6),
]


@pytest.fixture
def manifest() -> QuizManifest:
    return _small_manifest()


def _sheet(tmp_path: Path, manifest: QuizManifest, rows: list[list[Cell]] = ROWS) -> Path:
    path = tmp_path / "ket-qua.xlsx"
    write_template(manifest, path, seats=6)
    wb = load_workbook(path)
    ws = wb["Kết quả"]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    wb.save(path)
    return path


def _as_csv(xlsx: Path, out: Path, delimiter: str, bom: bool) -> Path:
    """Save the first sheet as a spreadsheet does: every row, empty cells as empty fields."""
    wb = load_workbook(xlsx, data_only=True)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in wb["Kết quả"].iter_rows(values_only=True):
        writer.writerow(["" if v is None else v for v in row])
    out.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return out


def test_reads_the_filled_template(tmp_path: Path, manifest: QuizManifest) -> None:
    sheet = read_results(_sheet(tmp_path, manifest), manifest)
    assert sheet.responses == EXPECTED and sheet.warnings == []


@pytest.mark.parametrize(("delimiter", "bom"), [(",", True), (";", True), (",", False), (";", False)])
def test_csv_saved_from_a_spreadsheet_reads_the_same(
    tmp_path: Path, manifest: QuizManifest, delimiter: str, bom: bool
) -> None:
    path = _as_csv(_sheet(tmp_path, manifest), tmp_path / "ket-qua.csv", delimiter, bom)
    assert read_results(path, manifest).responses == EXPECTED


def test_csv_without_the_hash_row_is_read_with_a_warning(tmp_path: Path, manifest: QuizManifest) -> None:
    path = write(
        tmp_path / "tu-lam.csv",
        "SBD;Họ tên;Đề;Câu 1;Câu 2;Câu 3;Câu 4\n7;Phạm Quốc Tuấn;A;C;A;S;Hà Nội\n",
    )
    sheet = read_results(path, manifest)
    assert sheet.responses == [Response("7", "Phạm Quốc Tuấn", "", "A", ("C", "A", "S", "Hà Nội"), 2)]
    assert "không kiểm tra được" in sheet.warnings[0]


def test_template_validates_its_arguments(tmp_path: Path, manifest: QuizManifest) -> None:
    with pytest.raises(UsageError, match="xlsx"):
        write_template(manifest, tmp_path / "x.csv")
    with pytest.raises(UsageError, match="--seats"):
        write_template(manifest, tmp_path / "x.xlsx", seats=0)
    assert column_letter(0) == "A" and column_letter(25) == "Z" and column_letter(26) == "AA"


def _problem(tmp_path: Path, manifest: QuizManifest, rows: list[list[Cell]]) -> str:
    with pytest.raises(ResultsError) as info:
        read_results(_sheet(tmp_path, manifest, rows), manifest)
    message = info.value.user_message()
    assert message.startswith(str(tmp_path / "ket-qua.xlsx"))
    return message


def test_unknown_version(tmp_path: Path, manifest: QuizManifest) -> None:
    message = _problem(tmp_path, manifest, [[1, "Nguyễn Văn Hùng", None, "C", "A", "A", "Đ", "x"]])
    assert "dòng 3, cột D (Đề): đề 'C' không có; đề này gồm: A, B" in message


def test_letter_the_question_does_not_have(tmp_path: Path, manifest: QuizManifest) -> None:
    message = _problem(tmp_path, manifest, [[1, "Nguyễn Văn Hùng", None, "A", "E", "A", "X", "x"]])
    assert "dòng 3, cột E (Câu 1): 'E' không phải phương án của câu 1 đề A (có: A, B, C, D)" in message
    assert "dòng 3, cột G (Câu 3): 'X' không phải phương án của câu 3 đề A (có: Đ, S)" in message
    assert "2 lỗi" in message


def test_two_rows_for_one_seat(tmp_path: Path, manifest: QuizManifest) -> None:
    rows: list[list[Cell]] = [
        [5, "Nguyễn Văn Hùng", None, "A", "A", "A", "Đ", "x"],
        [5, "Trần Thị Hương", None, "B", "Đ", "x", "A", "A"],
    ]
    message = _problem(tmp_path, manifest, rows)
    assert "dòng 4, cột A (SBD): SBD 5 đã có ở dòng 3" in message


def test_missing_columns(tmp_path: Path, manifest: QuizManifest) -> None:
    path = write(
        tmp_path / "thieu.csv", f"Mã đề thi,{manifest.hash}\nSBD,Họ và tên,Câu 1,Câu 2,Câu 4\n1,A,B,C,D\n"
    )
    with pytest.raises(ResultsError, match=r"dòng 2: thiếu cột: Đề, Câu 3"):
        read_results(path, manifest)


def test_results_of_another_quiz(tmp_path: Path, manifest: QuizManifest) -> None:
    other = manifest.model_copy(update={"hash": "sha256:0123456789abcdef"})
    path = _sheet(tmp_path, other)
    with pytest.raises(ResultsError, match=r"dòng 1, cột B: bảng kết quả thuộc một đề khác \(mã sha256:0123"):
        read_results(path, manifest)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "bảng kết quả trống"),
        (b"\xef\xbb\xbf\r\n;;\r\n", "bảng kết quả trống"),
        ("SBD,Họ và tên,Đề,Câu 1,Câu 2,Câu 3,Câu 4\n".encode(), "chưa có bài làm nào"),
        (b"SBD,H\xf2 t\xean\n1,L\xea Th\xe0nh\n", "không phải UTF-8"),  # saved as Windows-1258
        (b"\x00\x01\x02binary", "không phải UTF-8|nhị phân"),
    ],
)
def test_empty_or_unreadable_csv(
    tmp_path: Path, manifest: QuizManifest, content: bytes, expected: str
) -> None:
    path = write(tmp_path / "ket-qua.csv", content)
    with pytest.raises(ResultsError, match=expected):
        read_results(path, manifest)


def test_not_a_spreadsheet(tmp_path: Path, manifest: QuizManifest) -> None:
    with pytest.raises(ResultsError, match=r"chỉ đọc được \.xlsx hoặc \.csv"):
        read_results(write(tmp_path / "ket-qua.xls", b"\xd0\xcf\x11\xe0"), manifest)
    with pytest.raises(ResultsError, match="không mở được tệp Excel"):
        read_results(write(tmp_path / "hong.xlsx", b"not a zip"), manifest)
    with pytest.raises(ResultsError, match="không thấy tệp kết quả"):
        read_results(tmp_path / "khong-co.xlsx", manifest)


def test_manifest_errors(tmp_path: Path, manifest: QuizManifest) -> None:
    with pytest.raises(ManifestError, match="không thấy tệp đề"):
        read_manifest(tmp_path / "quiz.json")
    with pytest.raises(ManifestError, match="JSON hỏng"):
        read_manifest(write(tmp_path / "a.json", "{"))
    with pytest.raises(ManifestError, match="không phải tệp đề của quizgen"):
        read_manifest(write(tmp_path / "b.json", '{"schema": "quizgen.bank/1"}'))
    path = tmp_path / "quiz.json"
    write_manifest(manifest, path)
    assert read_manifest(path) == manifest
    path.write_text(
        path.read_text(encoding="utf-8").replace('"correct": "A"', '"correct": "C"', 1), encoding="utf-8"
    )
    with pytest.raises(ManifestError, match="không khớp mã băm"):
        read_manifest(path)


def test_bad_input_through_the_cli_writes_nothing(
    tmp_path: Path, manifest: QuizManifest, invoke: Invoke
) -> None:
    quiz = tmp_path / "quiz.json"
    write_manifest(manifest, quiz)
    sheet = _sheet(tmp_path, manifest, [[1, "Nguyễn Văn Hùng", None, "Z", "A", "A", "Đ", "x"]])
    result = invoke("grade", quiz, sheet, "--out", tmp_path / "results", "--bank", tmp_path / "bank")
    assert result.exit_code == 1
    assert "ket-qua.xlsx: bảng kết quả có 1 lỗi; chưa chấm và chưa ghi gì" in result.output
    assert "dòng 3, cột D (Đề)" in result.output
    assert not (tmp_path / "results").exists() and not (tmp_path / "bank").exists()
    assert invoke("grade", quiz, sheet, "--pass-mark", "120").exit_code == 2
    assert invoke("results", "template", tmp_path / "nope.json", tmp_path / "t.xlsx").exit_code == 1


def test_single_version_template_prefills_the_version(tmp_path: Path, manifest: QuizManifest) -> None:
    """With one version the column is filled in advance; seats nobody used are still skipped."""
    one = manifest.model_copy(update={"versions": manifest.versions[:1]})
    path = tmp_path / "mot-de.xlsx"
    write_template(one, path, seats=5)
    wb = load_workbook(path)
    ws = wb["Kết quả"]
    assert [ws.cell(r, 4).value for r in range(3, 8)] == ["A"] * 5
    ws.cell(3, 2).value = "Nguyễn Văn Hùng"
    ws.cell(3, 5).value = "A"
    ws.cell(5, 6).value = "B"  # no name: graded by seat
    wb.save(path)
    responses = read_results(path, one).responses
    assert [(r.seat, r.name, r.version, r.answers[:2]) for r in responses] == [
        ("1", "Nguyễn Văn Hùng", "A", ("A", "")),
        ("3", "", "A", ("", "B")),
    ]


def test_grade_without_a_bank_still_grades(tmp_path: Path, manifest: QuizManifest, invoke: Invoke) -> None:
    quiz = tmp_path / "quiz.json"
    write_manifest(manifest, quiz)
    sheet = _as_csv(_sheet(tmp_path, manifest), tmp_path / "ket-qua.csv", ";", True)
    result = invoke("grade", quiz, sheet, "--out", tmp_path / "results", "--bank", tmp_path / "khong-co")
    assert result.exit_code == 0, result.output
    assert "không ghi nhận kết quả vào câu hỏi" in result.output
    assert "3 học viên, 4 câu" in result.output and "dưới" not in result.output
    assert {p.name for p in (tmp_path / "results").iterdir()} == {
        "scores.csv", "items.csv", "open-answers.csv", "report.pdf"
    }  # fmt: skip
    assert not (tmp_path / "khong-co").exists()
    from pypdf import PdfReader

    text = unicodedata.normalize(
        "NFC", PdfReader(tmp_path / "results" / "report.pdf").pages[0].extract_text()
    )
    assert "Dưới 10 học viên: các chỉ số câu hỏi chỉ để tham khảo" in " ".join(text.split())


def test_columns_the_trainer_added_are_ignored(tmp_path: Path, manifest: QuizManifest) -> None:
    path = write(
        tmp_path / "them-cot.csv",
        f"Mã đề thi,{manifest.hash}\nSBD,Họ và tên,Đề,Câu 1,Câu 2,Câu 3,Câu 4,Ghi chú\n1,Lê Thị Thủy,A,A,B,Đ,x,vắng buổi sáng\n",
    )
    sheet = read_results(path, manifest)
    assert sheet.responses[0].answers == ("A", "B", "Đ", "x")
    assert sheet.warnings == [f"{path}: bỏ qua cột H (Ghi chú) ở dòng 2."]


def test_decomposed_text_is_read_composed(tmp_path: Path, manifest: QuizManifest) -> None:
    """Names and answers typed in NFD (as some systems save them) come out in NFC."""
    nfd = unicodedata.normalize(
        "NFD", "SBD,Họ và tên,Đề,Câu 1,Câu 2,Câu 3,Câu 4\n1,Lê Thị Thủy,A,A,B,Đ,Thanh Hóa\n"
    )
    sheet = read_results(write(tmp_path / "nfd.csv", nfd), manifest)
    response = sheet.responses[0]
    assert response.name == "Lê Thị Thủy" and response.answers == ("A", "B", "Đ", "Thanh Hóa")
    assert all(unicodedata.is_normalized("NFC", text) for text in (response.name, *response.answers))
