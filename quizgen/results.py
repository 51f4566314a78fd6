"""The results sheet: the spreadsheet a trainer types the papers into, and reading it back.

`results template` writes an .xlsx (openpyxl) with the quiz's hash in its first row, a
frozen header, drop-down lists of the letters each column accepts, and an instructions
sheet. Reading accepts that workbook, or a CSV saved from it (UTF-8 with or without BOM,
comma or semicolon, as spreadsheets set to Vietnamese save it). Every problem is reported
with the file, the row and the column, all at once, and nothing is graded until the sheet
is clean.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgen.errors import QuizgenError, UsageError
from quizgen.fileio import atomic_writer
from quizgen.grading import SPOILED_MARK, Response
from quizgen.manifest import QuizManifest

SHEET = "Kết quả"
HELP_SHEET = "Hướng dẫn"
HASH_LABEL = "Mã đề thi"
SEAT, NAME, UNIT, VERSION = "SBD", "Họ và tên", "Đơn vị", "Đề"
FIXED = (SEAT, NAME, UNIT, VERSION)
HEADER_ALIASES = {
    SEAT: {"sbd", "số báo danh", "so bao danh", "seat", "stt"},
    NAME: {"họ và tên", "họ tên", "ho va ten", "ho ten", "name", "tên"},
    UNIT: {"đơn vị", "don vi", "unit"},
    VERSION: {"đề", "mã đề", "de", "ma de", "version"},
}
MAX_SHOWN = 12
TRUE_WORDS = {"Đ", "D", "ĐÚNG", "DUNG", "T", "TRUE"}
FALSE_WORDS = {"S", "SAI", "F", "FALSE"}


class ResultsError(QuizgenError):
    """The results sheet has problems; nothing was graded or written."""


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None  # "F (Câu 2)"
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column is not None:
            where.append(f"cột {self.column}")
        return (", ".join(where) + ": " if where else "") + self.message


@dataclass
class ResultsSheet:
    responses: list[Response]
    warnings: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0-based index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# -- writing the template ------------------------------------------------------------------


def _column_choices(manifest: QuizManifest, number: int) -> list[str] | None:
    """Letters a column accepts across versions; None when some version expects written text."""
    letters: list[str] = []
    for version in manifest.versions:
        if number > len(version.questions):
            continue
        item = version.questions[number - 1]
        if not item.is_choice:
            return None
        for letter in item.options or {}:
            if letter not in letters:
                letters.append(letter)
    return letters


def write_template(manifest: QuizManifest, out: Path, seats: int = 40) -> None:
    """An .xlsx to type the papers into: one row per seat, one column per question number."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    if seats < 1 or seats > 5000:
        raise UsageError("--seats phải từ 1 đến 5000.")
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"tệp mẫu phải có đuôi .xlsx (nhận '{out.name}').")
    count = manifest.question_count
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append([HASH_LABEL, manifest.hash, manifest.title, manifest.date])
    ws.append([*FIXED, *(f"Câu {n}" for n in range(1, count + 1))])
    first_row, last_row = 3, seats + 2
    for seat in range(1, seats + 1):
        ws.append([seat])
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[2]:
        cell.font = bold
        cell.fill = head_fill
        cell.alignment = Alignment(horizontal="center")
    ws["A1"].font = bold
    ws["C1"].font = Font(bold=True, size=12)
    ws.freeze_panes = "E3"
    widths = {"A": 12, "B": 28, "C": 22, "D": 6}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    labels = [v.label for v in manifest.versions]
    version_dv = DataValidation(
        type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True, showErrorMessage=True
    )
    version_dv.error = f"Chỉ có đề: {', '.join(labels)}"
    version_dv.errorTitle = "Đề không có"
    ws.add_data_validation(version_dv)
    version_dv.add(f"D{first_row}:D{last_row}")
    if len(labels) == 1:
        for row in range(first_row, last_row + 1):
            ws.cell(row=row, column=4).value = labels[0]
    by_letters: dict[str, Any] = {}
    for number in range(1, count + 1):
        col = column_letter(len(FIXED) + number - 1)
        ws.column_dimensions[col].width = 7
        choices = _column_choices(manifest, number)
        if choices is None:
            ws.column_dimensions[col].width = 18
            continue
        key = ",".join(choices)
        if key not in by_letters:
            dv = DataValidation(type="list", formula1=f'"{key},*"', allow_blank=True, showErrorMessage=True)
            dv.error = (
                f"Chỉ nhập một trong: {', '.join(choices)} (hoặc * nếu tô nhiều ô); để trống nếu bỏ câu."
            )
            dv.errorTitle = "Phương án không có"
            ws.add_data_validation(dv)
            by_letters[key] = dv
        by_letters[key].add(f"{col}{first_row}:{col}{last_row}")
    help_ws = wb.create_sheet(HELP_SHEET)
    lines = [
        f"Bảng kết quả cho: {manifest.title} ({manifest.date})",
        "",
        f"1. Nhập vào trang '{SHEET}', mỗi bài làm một dòng. Không sửa dòng 1 và dòng 2.",
        f"2. Cột {VERSION}: mã đề in trên bài ({', '.join(labels)}).",
        "3. Câu trắc nghiệm: gõ chữ cái học viên chọn (A, B, C, D); câu đúng/sai: Đ hoặc S.",
        "   Để trống nếu học viên bỏ câu; gõ * nếu tô nhiều ô hoặc không đọc được.",
        "4. Câu điền khuyết và câu hỏi ngắn: chép nguyên câu trả lời; quizgen so sánh không phân",
        "   biệt hoa thường, kiểu bỏ dấu thanh, khoảng trắng, và liệt kê các câu khác đáp án để",
        "   giảng viên xem lại.",
        "5. Mỗi SBD chỉ một dòng. Dòng chỉ có SBD (chưa nhập gì) được bỏ qua.",
        "6. Chấm điểm: quizgen grade out/quiz.json ket-qua.xlsx --out results/",
        "   Có thể lưu thành CSV (UTF-8, dấu phẩy hoặc chấm phẩy); giữ nguyên dòng 1 (mã đề thi).",
    ]
    for line in lines:
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 110
    help_ws["A1"].font = Font(bold=True, size=12)
    with atomic_writer(out) as handle:
        wb.save(handle)


# -- reading -------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # NFC: a name typed on a machine that decomposes letters prints and sorts like any other.
    return unicodedata.normalize("NFC", str(value)).strip()


def _read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ResultsError("không thấy tệp kết quả.", path=path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ResultsError(
        "chỉ đọc được .xlsx hoặc .csv; trong Excel chọn Lưu thành (Save As) .xlsx hoặc CSV UTF-8.", path=path
    )


def _read_xlsx(path: Path) -> list[list[str]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ResultsError(
            f"không mở được tệp Excel ({exc}); lưu lại bằng Excel dạng .xlsx.", path=path
        ) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        return [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultsError(
            "tệp CSV không phải UTF-8 (chữ có dấu sẽ sai); trong Excel chọn Lưu thành 'CSV UTF-8'.", path=path
        ) from None
    if "\x00" in text:
        raise ResultsError("không phải tệp CSV (có byte nhị phân).", path=path)
    lines = [line for line in text.splitlines() if line.strip()][:5]
    best, widest = ",", -1
    for delimiter in (",", ";", "\t"):
        widths = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        if widths and min(widths) > widest:
            best, widest = delimiter, min(widths)
    return [[_cell_text(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=best)]


def _header_key(text: str) -> str | None:
    folded = " ".join(text.strip().lower().split())
    for key, aliases in HEADER_ALIASES.items():
        if folded in aliases:
            return key
    return None


def _question_number(text: str) -> int | None:
    found = re.fullmatch(r"\s*(?:câu|cau|c|q|question)?\s*\.?\s*(\d{1,3})\s*", text, flags=re.IGNORECASE)
    return int(found.group(1)) if found else None


def _version_label(text: str) -> str:
    return re.sub(r"^(đề|de|mã đề)\s*", "", text.strip(), flags=re.IGNORECASE).strip().upper()


def _choice(text: str, options: dict[str, str]) -> str | None:
    """The printed letter a typed answer stands for, or None if the question has no such option."""
    value = text.strip().upper().rstrip(".)")
    if value == SPOILED_MARK:
        return SPOILED_MARK
    letters = {letter.upper(): letter for letter in options}
    if value in letters:
        return letters[value]
    if len(options) == 2 and set(options.values()) & {"Đúng", "True"}:
        true_letter, false_letter = list(options)
        if value in TRUE_WORDS:
            return true_letter
        if value in FALSE_WORDS:
            return false_letter
    return None


def read_results(path: Path, manifest: QuizManifest) -> ResultsSheet:
    """Parse and check the whole sheet against the quiz; raise one ResultsError listing every problem."""
    path = Path(path)
    rows = _read_rows(path)
    problems: list[Problem] = []
    warnings: list[str] = []

    def fail() -> ResultsError:
        shown = "\n  ".join(str(p) for p in problems[:MAX_SHOWN])
        more = f"\n  ... và {len(problems) - MAX_SHOWN} lỗi khác" if len(problems) > MAX_SHOWN else ""
        return ResultsError(
            f"bảng kết quả có {len(problems)} lỗi; chưa chấm và chưa ghi gì:\n  {shown}{more}", path=path
        )

    nonempty = [i for i, row in enumerate(rows) if any(row)]
    if not nonempty:
        raise ResultsError("bảng kết quả trống: không có dòng nào.", path=path)
    at = nonempty[0]
    if rows[at] and rows[at][0].strip().lower() == HASH_LABEL.lower():
        found_hash = rows[at][1].strip() if len(rows[at]) > 1 else ""
        if found_hash != manifest.hash:
            raise ResultsError(
                f"dòng {at + 1}, cột B: bảng kết quả thuộc một đề khác (mã {found_hash or 'trống'}, "
                f"tệp đề có mã {manifest.hash}). Dùng đúng quiz.json đã xuất cùng đề, "
                "hoặc tạo lại bảng bằng: quizgen results template",
                path=path,
            )
        rest = [i for i in nonempty if i > at]
        if not rest:
            raise ResultsError(
                "bảng kết quả trống: thiếu dòng tiêu đề (SBD, Họ và tên, Đề, Câu 1...).", path=path
            )
        at = rest[0]
    else:
        warnings.append(
            f"{path}: không có dòng '{HASH_LABEL}' nên không kiểm tra được bảng có thuộc đề này không."
        )
    header = rows[at]
    columns: dict[str, int] = {}
    numbers: dict[int, int] = {}
    for index, text in enumerate(header):
        if not text:
            continue
        key = _header_key(text)
        number = _question_number(text) if key is None else None
        if key is not None:
            columns.setdefault(key, index)
        elif number is not None:
            if number in numbers:
                problems.append(
                    Problem(at + 1, f"{column_letter(index)} ({text})", f"câu {number} có hai cột")
                )
            numbers[number] = index
        else:  # a column the trainer added (notes, a total): not ours to read
            warnings.append(f"{path}: bỏ qua cột {column_letter(index)} ({text}) ở dòng {at + 1}.")
    count = manifest.question_count
    missing = [name for name in (SEAT, NAME) if name not in columns]
    if VERSION not in columns and len(manifest.versions) > 1:
        missing.append(VERSION)
    missing += [f"Câu {n}" for n in range(1, count + 1) if n not in numbers]
    if missing:
        problems.append(Problem(at + 1, None, f"thiếu cột: {', '.join(missing)}"))
    extra = sorted(n for n in numbers if n > count)
    if extra:
        problems.append(
            Problem(at + 1, None, f"đề chỉ có {count} câu, thừa cột câu {', '.join(map(str, extra))}")
        )
    if problems:
        raise fail()

    def cell(row: list[str], index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""

    responses: list[Response] = []
    seats: dict[str, int] = {}
    # Per version and question: typed text -> printed letter ("" if not an option), filled as met;
    # None for written answers. A sheet has a handful of distinct values per column.
    decoders: dict[str, list[dict[str, str] | None]] = {
        v.label: [{} if q.is_choice else None for q in v.questions] for v in manifest.versions
    }
    labels = [v.label for v in manifest.versions]
    for r in range(at + 1, len(rows)):
        row = rows[r]
        line = r + 1
        seat, name, unit = (
            cell(row, columns.get(SEAT)),
            cell(row, columns.get(NAME)),
            cell(row, columns.get(UNIT)),
        )
        raw_version = cell(row, columns.get(VERSION))
        answers_raw = [cell(row, numbers[n]) for n in range(1, count + 1)]
        if not (name or any(answers_raw)):
            continue  # a seat (and version) typed in advance, nobody sat there
        if not seat:
            problems.append(Problem(line, f"{column_letter(columns[SEAT])} ({SEAT})", "thiếu số báo danh"))
        elif seat in seats:
            problems.append(
                Problem(
                    line, f"{column_letter(columns[SEAT])} ({SEAT})", f"SBD {seat} đã có ở dòng {seats[seat]}"
                )
            )
        else:
            seats[seat] = line
        label = _version_label(raw_version) if raw_version else (labels[0] if len(labels) == 1 else "")
        version = manifest.version(label)
        if version is None:
            col = f"{column_letter(columns[VERSION])} ({VERSION})" if VERSION in columns else None
            what = f"đề '{raw_version}' không có" if raw_version else "thiếu mã đề"
            problems.append(Problem(line, col, f"{what}; đề này gồm: {', '.join(labels)}"))
            continue
        answers: list[str] = []
        decoded = decoders[label]
        for n, given in enumerate(answers_raw, start=1):
            if not given:
                answers.append("")
                continue
            if n > len(decoded):
                where = f"{column_letter(numbers[n])} (Câu {n})"
                problems.append(Problem(line, where, f"đề {label} chỉ có {len(version.questions)} câu"))
                answers.append("")
                continue
            cache = decoded[n - 1]
            if cache is None:  # written answer: kept as typed
                answers.append(given)
                continue
            letter = cache.get(given)
            if letter is None:
                options = version.questions[n - 1].options or {}
                letter = cache[given] = _choice(given, options) or ""
            if not letter:
                where = f"{column_letter(numbers[n])} (Câu {n})"
                allowed = ", ".join(version.questions[n - 1].options or {})
                problems.append(
                    Problem(
                        line, where, f"'{given}' không phải phương án của câu {n} đề {label} (có: {allowed})"
                    )
                )
            answers.append(letter)
        responses.append(Response(seat, name, unit, label, tuple(answers), line))
    if problems:
        raise fail()
    if not responses:
        raise ResultsError(
            f"bảng kết quả chưa có bài làm nào (chỉ có dòng tiêu đề ở dòng {at + 1}); "
            "nhập kết quả rồi chạy lại.",
            path=path,
        )
    return ResultsSheet(responses, warnings)
