"""Sentence splitting for Vietnamese news prose.

A period ends a sentence when what follows starts a new one (an upper-case
letter or a quote), except after abbreviations ("TP.", "TS.", "PGS.") and inside
numbers and dates ("1.000", "18.7"). Agency copy sometimes loses the space after
a period ("UN Women.Tại Hà Nội"): a lower-case word, a period and a capitalised
word is split too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# "VOV.VN -", "HÀ NỘI –", "(TTXVN) -", "ANTĐ –": an outlet's or a city's upper-case dateline.
# "(SGGPO).-": a full stop between the bracket and the dash.
_DATELINE = re.compile(
    rf"^\s*\(?[{UPPER}][{UPPER}0-9.&]*(?:\s+[{UPPER}0-9.&]+){{0,3}}\)?\.?\s*[-–—:]\s*(?=\w)"
)
_SOURCE_DATELINE = re.compile(
    r"^\s*(?:\((?:Báo\s+)?[^()]{2,30}\)|[A-Z][A-Za-z0-9]*\.(?:vn|VN|com|net)"
    r"|[A-Z][a-z]{5,}(?=\s+[-–—]\s)"
    # "Biên phòng – Ngày 30-5, ...": a paper named in two words, the second in lower case.
    rf"|[{UPPER}][{LOWER}]+\s[{LOWER}]+(?=\s[-–—]\s[{UPPER}]))\s*[-–—]\s*(?=\w)"
    r"|^\s*(?:Tin|Theo) (?:từ )?(?:phóng viên|PV|đặc phái viên) (?:TTXVN|VOV|VTV)[^:,]{0,30}:\s*(?=\w)"
)  # "(Báo Quảng Ngãi)-", "VTV.vn –", "Kinhtedothi –", "Tin từ phóng viên TTXVN tại Bắc Kinh:"

_GLUED_DATELINE = re.compile(
    rf"^\s*(?:[{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{1,3}}|TP\.? ?HCM|TP\.? ?Hồ Chí Minh)"
    rf"(?=[{UPPER}][{LOWER}]*\s)"
)


def strip_dateline(text: str) -> str:
    """Without the outlet's dateline: "QUẢNG BÌNH –", "(GLO)-", "(Baonghean.vn) –", "(Báo Quảng Ngãi)-"."""
    text = re.sub(r"^\s*(?:[*•+]\s+|\*(?=\w))", "", text)  # a bullet: "* Ngày 15/10, ...", "*Trước đó, ..."
    m = _DATELINE.match(text)
    if m and sum(ch.isupper() for ch in m.group(0)) >= 2:
        return text[m.end() :]
    m = _SOURCE_DATELINE.match(text)
    if m:
        return text[m.end() :]
    # "Tuyên QuangBa thanh niên bị ...": a page's dateline glued to the sapo when its markup went.
    m = _GLUED_DATELINE.match(text)
    if m:
        return text[m.end() :]
    # "(CAO) Hội nghị ...": no dash after it; "(THTG) công an tỉnh nào ...": the name became the question.
    m = re.match(r"^\s*\([A-Z]{2,8}\)\s+(?=\w)", text)
    return text[m.end() :] if m else text


_ABBREVIATIONS = {
    "tp",
    "ts",
    "pgs",
    "gs",
    "ths",
    "th.s",
    "bs",
    "ks",
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "tt",
    "q",
    "p",
    "no",
}
# "H." (huyện), "X." (xã), "TX." (thị xã) in an address; a person's initial ("Nguyễn Văn H.") may end
# a sentence, so these count only after a bracket or a comma, where an address starts.
_PLACE_INITIALS = {"h", "x", "tx"}


def _opens_a_place(before: str, last_word: str) -> bool:
    return last_word.startswith("(") or before[: len(before) - len(last_word)].rstrip().endswith(",")


# Degrees run together ("PGS.TS", "GS.TS", "Th.S"): each part an abbreviation of its own.
_DEGREES = re.compile(r"(?:pgs|gs|ts|ths|th\.s|bs|ks)(?:\.(?:pgs|gs|ts|ths|bs|ks))+")
_INITIAL = re.compile(rf"(?<!\S)[{UPPER}]$")
_MORE_OF_A_NAME = re.compile(rf"[{UPPER}]\.|\(")

_BOUNDARY_RE = re.compile(rf"([.!?…]+[\"')\]]*)(\s+)(?=[\"'(\[]?[{UPPER}0-9])")
_GLUED_RE = re.compile(rf"(?<=[{LOWER}]{{2}})\.(?=[{UPPER}][{LOWER}])")


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the article, counting from 0


def split_sentences(paragraph: str) -> list[str]:
    lines = paragraph.strip().split("\n")
    if len(lines) > 1:
        # "<headline>\nQPTĐ-Sáng 8-8, Lễ tiễn ...": a line with no end mark is a title or a caption,
        # not the start of the sentence on the next line.
        return (
            [s for line in lines for s in split_sentences(line)] if _lines_apart(lines) else _split(paragraph)
        )
    return _split(paragraph)


def _lines_apart(lines: list[str]) -> bool:
    if any(re.search(r"(?i)ảnh\s*\d+\s*$", line) for line in lines):
        return False  # "... – ảnh 1\n<caption>": a photo's alt text and caption, dropped as one
    return any(
        line.strip()
        and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
        and nxt.strip()[:1].isupper()
        for line, nxt in itertools.pairwise(lines)
    )


def _split(paragraph: str) -> list[str]:
    paragraph = _GLUED_RE.sub(". ", paragraph.strip())
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(paragraph):
        before = paragraph[start : match.start()].rstrip()
        last_word = re.split(r"\s+", before)[-1].casefold() if before else ""
        bare = last_word.lstrip("(\"'[").rstrip(".")
        if match.group(1) == "." and (bare in _ABBREVIATIONS or _DEGREES.fullmatch(bare)):
            continue  # "PGS.TS. Masayuki Mizuno": the degrees' dots, not the sentence's
        if match.group(1) == "." and bare in _PLACE_INITIALS and _opens_a_place(before, last_word):
            continue  # "xã Thành Sơn (H. Quan Hóa, tỉnh Thanh Hóa)": "H." is the district, not an end
        initial = _INITIAL.search(before) is not None
        if match.group(1) == "." and initial and _MORE_OF_A_NAME.match(paragraph, match.end()):
            continue  # "tài xế Nguyễn T. Q. (24 tuổi)": initials of a name, then its bracket
        pieces.append(paragraph[start : match.end(1)].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    cleaned = (_without_address(p) for p in pieces)
    return [p for p in cleaned if p]


# "Gửi Bộ trưởng Bộ Công an và Chủ tịch ..., Công điện nêu: Hồi 09 giờ ...": a directive's address
# line run into its first sentence; the sentence is what follows the colon.
_ADDRESS_RE = re.compile(rf"^(?:Kính gửi|Gửi)\s[^:]{{3,300}}?:\s+(?=[{UPPER}0-9])")


def _without_address(sentence: str) -> str:
    address = _ADDRESS_RE.match(sentence)
    return sentence[address.end() :] if address else sentence


def article_sentences(paragraphs: tuple[str, ...] | list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs):
        for text in split_sentences(paragraph):
            out.append(Sentence(text, p_index, len(out)))
    return out
