"""`quizgen doctor`: what this machine needs for quizgen, one line per problem with its fix."""

from __future__ import annotations

import ctypes.util
import importlib.util
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from quizgen.bank import Bank
from quizgen.errors import QuizgenError

# Letters a font must cover to print Vietnamese without boxes.
VIETNAMESE_SAMPLE = "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
PREFERRED_FONTS = ("Noto Serif", "DejaVu Serif")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def find_vietnamese_font() -> str | None:
    """The first preferred serif font that covers every Vietnamese letter, via fontconfig."""
    if shutil.which("fc-list") is None:
        return None
    charset = "".join(f"{ord(ch):x} " for ch in sorted(set(VIETNAMESE_SAMPLE))).strip()
    for family in PREFERRED_FONTS:
        result = subprocess.run(
            ["fc-list", f"{family}:charset={charset}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.stdout.strip():
            return family
    return None


def run_checks(bank_root: Path) -> list[Check]:
    checks = []
    pango = ctypes.util.find_library("pango-1.0")
    checks.append(
        Check(
            "Pango",
            pango is not None,
            f"thư viện {pango}" if pango else "không tìm thấy thư viện Pango (WeasyPrint cần để in PDF)",
            "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        )
    )
    font = find_vietnamese_font()
    checks.append(
        Check(
            "Phông chữ tiếng Việt",
            font is not None,
            f"{font} có đủ chữ tiếng Việt" if font else "không có phông serif đủ chữ tiếng Việt",
            "sudo apt-get install fonts-noto-core fonts-dejavu-core",
        )
    )
    try:
        bank = Bank(bank_root)
        files = bank.load_all()
        count = sum(len(f.questions) for f in files)
        detail = f"{bank_root}: {len(files)} tệp, {count} câu hỏi"
        if not bank.writable():
            detail += " (chỉ cho đọc: xem, thống kê, xuất được; không duyệt hay soạn được)"
        checks.append(Check("Ngân hàng câu hỏi", True, detail))
    except QuizgenError as exc:
        checks.append(
            Check(
                "Ngân hàng câu hỏi",
                False,
                exc.user_message(),
                "sửa tệp được nêu hoặc khôi phục bằng git",
            )
        )
    # Only `quizgen grade` draws plots; found without importing it, so doctor stays fast.
    plots = importlib.util.find_spec("matplotlib") is not None
    checks.append(
        Check(
            "matplotlib (biểu đồ của quizgen grade)",
            plots,
            "có" if plots else "chưa cài: quizgen grade không vẽ được báo cáo",
            "pip install 'quizgen[grade]'",
        )
    )
    return checks
