"""Stage 1, intake: read an article file (.txt, .md, .html) into a normalised Article.

Intake decides what counts as article text. Photo captions, photo credits and a
leading outlet tag ("(Ngày Nay) -") are not sentences a question may be drawn
from: the outlet is kept as metadata, the rest is set aside in ``dropped`` so a
reviewer can see what was left out.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from quizgen.errors import ArticleError, UsageError
from quizgen.normalize import normalize_text
from quizgen.sentences import strip_dateline

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 10 * 1024 * 1024
MIN_WORDS = 8

_SAFE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")
_OUTLET_RE = re.compile(
    r"^\((?P<paren>[^()\n]{2,40})\)\s*[-\u2013]\s*"
    r"|^(?P<site>[A-Za-z][\w.]{1,30}\.(?:vn|VN|com|net|org))\s*[-\u2013]\s*"
)
_CREDIT_RE = re.compile(
    r"(?:^|[\s.(])(?:Ảnh|Ảnh minh họa|Nguồn ảnh|Ảnh chụp màn hình|Photo|Video|Clip)\s*:\s*[^.]{0,80}\.?\)?$"
    # "... tại buổi tiếp. Ảnh Việt Hưng.": a credit with no colon, a photographer's name.
    r"|\.\s+Ảnh\s+[A-ZĐÀ-Ỹ][^\s.]*(?:\s+[A-ZĐÀ-Ỹ][^\s.]*){0,3}\.?$",
    re.IGNORECASE,
)
_SCENE_CAPTION_RE = re.compile(r"^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Letters that mark a word as Vietnamese and are rare in other Latin-script languages.
_VI_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VI_TONES = {"\u0309", "\u0323", "\u0303", "\u0300", "\u0301"}
_VI_FUNCTION_WORDS = {
    "và", "của", "các", "là", "được", "trong", "cho", "với", "đã", "có", "những", "này",
    "một", "không", "người", "theo", "tại", "về", "từ", "năm", "ngày", "để", "khi", "đến",
}  # fmt: skip


class FrontMatter(BaseModel):
    """What a trainer may put in a Markdown article's front matter."""

    model_config = ConfigDict(extra="forbid", strict=False)

    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    path: Path
    title: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    url: str | None = None
    date: str | None = None
    language: str = "vi"
    encoding: str = "utf-8"
    dropped: tuple[str, ...] = field(default=())
    file_hash: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text_hash(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


def file_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def article_id_for(path: Path) -> str:
    """The article id is the file's stem, restricted to characters safe in a file name."""
    stem = path.stem
    if not _SAFE_ID_RE.match(stem) or ".." in stem:
        raise ArticleError(
            f"tên tệp '{path.name}' không dùng được làm mã bài báo: chỉ dùng chữ không dấu, "
            "chữ số, '.', '_' và '-' (ví dụ: cong-an-tiep-doan-2025.txt). Hãy đổi tên tệp.",
            path=path,
        )
    return stem


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Decode with UTF-8, else UTF-16 with a BOM, else Windows-1258; say which one worked."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(
                "tệp có dấu BOM UTF-16 nhưng nội dung hỏng; hãy lưu lại tệp bằng UTF-8.", path=path
            ) from exc
    if b"\x00" in data:
        raise ArticleError(
            "đây là tệp nhị phân, không phải văn bản; hãy dùng tệp .txt, .md hoặc .html.", path=path
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "windows-1258"
    except UnicodeDecodeError as exc:
        raise ArticleError(
            "không giải mã được văn bản (đã thử UTF-8, UTF-16 có BOM và Windows-1258); "
            "hãy mở tệp trong trình soạn thảo và lưu lại bằng UTF-8.",
            path=path,
        ) from exc


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(2, len(text) // 100)


def vietnamese_ratio(text: str) -> float:
    """Share of words that only Vietnamese would write (special letters, tones or function words)."""
    words = _WORD_RE.findall(text)
    if not words:
        return 0.0
    hits = 0
    for word in words:
        decomposed = unicodedata.normalize("NFD", word)
        if (
            word.casefold() in _VI_FUNCTION_WORDS
            or any(ch in _VI_MARKS for ch in word)
            or any(ch in _VI_TONES for ch in decomposed)
        ):
            hits += 1
    return hits / len(words)


def _split_front_matter(text: str, path: Path) -> tuple[FrontMatter, str]:
    if not text.startswith("---"):
        return FrontMatter(), text
    match = re.match(r"^---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)", text, re.DOTALL)
    if match is None:
        raise ArticleError("phần đầu YAML (front matter) mở bằng '---' nhưng không đóng.", path=path)
    try:
        raw = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ArticleError(
            f"phần đầu YAML không hợp lệ: {getattr(exc, 'problem', exc)}",
            path=path,
            line=None if line is None else line + 2,
        ) from exc
    if not isinstance(raw, dict):
        raise ArticleError("phần đầu YAML phải là các cặp 'khóa: giá trị'.", path=path, line=2)
    try:
        fm = FrontMatter.model_validate({k: (str(v) if v is not None else None) for k, v in raw.items()})
    except ValidationError as exc:
        err = exc.errors()[0]
        field_name = ".".join(str(p) for p in err["loc"])
        raise ArticleError(
            f"phần đầu YAML: trường '{field_name}' không được hỗ trợ "
            "(chỉ dùng title, source, url, date, language).",
            path=path,
            line=2,
        ) from exc
    return fm, text[match.end() :]


_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _markdown_blocks(body: str) -> tuple[list[str], str | None]:
    """Markdown to plain paragraphs; the first heading is returned as a title candidate."""
    heading: str | None = None
    blocks: list[str] = []
    for block in _blocks(body):
        lines: list[str] = []
        for line in block.split("\n"):
            stripped = line.strip()
            if stripped.startswith("#"):
                if heading is None:
                    heading = stripped.lstrip("#").strip()
                continue
            stripped = stripped.lstrip(">").strip()
            stripped = _MD_IMAGE_RE.sub("", stripped)
            stripped = _MD_LINK_RE.sub(r"\1", stripped)
            stripped = _MD_EMPHASIS_RE.sub(r"\2", stripped)
            if _MD_LIST_RE.match(stripped):
                if lines:
                    blocks.append(" ".join(lines))
                    lines = []
                stripped = _MD_LIST_RE.sub("", stripped)
            if stripped:
                lines.append(stripped)
        if lines:
            blocks.append(" ".join(lines))
    return blocks, heading


def _blocks(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks if the file has any, else one per line."""
    text = text.strip("\n")
    if re.search(r"\n\s*\n", text):
        parts = re.split(r"\n\s*\n", text)
        return [p.strip() for p in parts if p.strip()]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _html_blocks(raw: str, path: Path) -> tuple[list[str], dict[str, str | None]]:
    import trafilatura  # heavy: imported only when an HTML article is read

    doc: Any = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise ArticleError("trang HTML không có nội dung bài báo nào đọc được.", path=path)
    blocks: list[str] = []
    for element in doc.body:
        if element.tag == "head":
            continue
        items = list(element.iter("item")) if element.tag == "list" else [element]
        for item in items:
            text = " ".join("".join(item.itertext()).split())
            if text:
                blocks.append(text)
    meta = {
        "title": doc.title,
        "source": doc.sitename or doc.hostname,
        "url": doc.url,
        "date": doc.date,
        "language": None,
    }
    return blocks, meta


def _word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def is_caption(paragraph: str) -> bool:
    """A photo caption or credit line, not an article sentence."""
    words = _word_count(paragraph)
    if _CREDIT_RE.search(paragraph) and words <= 40:
        return True
    if words <= 15 and _SCENE_CAPTION_RE.match(paragraph):
        return True
    if words <= 10 and not paragraph.endswith(":"):
        tokens = _WORD_RE.findall(paragraph)
        capitalised = sum(1 for t in tokens if t[:1].isupper())
        # A lone "Thứ trưởng Lê Quốc Hùng." line: a title and a name, no clause.
        if capitalised / max(1, len(tokens)) >= 0.6:
            return True
    return False


def _strip_credit(paragraph: str) -> tuple[str, str | None]:
    """Remove a trailing "(Ảnh: ...)" credit from an otherwise real paragraph."""
    match = re.search(r"\s*\((?:Ảnh|Nguồn|Photo)\s*:[^)]{0,80}\)\s*$", paragraph)
    if match:
        return paragraph[: match.start()].rstrip(), match.group(0).strip()
    return paragraph, None


_LEAD_ADVERBIAL_RE = re.compile(
    r"^(?:(?:[Tt]ại|[Ởở]) [^,]{1,40}|(?:[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Nn]gày) [^,]{1,30}"
    r"|[Nn]hân dịp [^,]{1,60}),\s*"
)


_DANGLING = {"và", "cho", "về", "của", "với", "tại", "trong", "để", "nhằm", "cùng", "các", "những", "đã"}


def derive_title(paragraphs: Iterable[str], max_words: int = 18) -> str:
    """A title from the lead sentence: its first words (syllables), cut at a word boundary.

    The outlet's dateline ("BHG -") and a leading time or place ("Tại Hà Nội,", "Chiều 12-8,")
    are dropped: the title is what happened, and it heads the article's section of a quiz.
    """
    for paragraph in paragraphs:
        lead = re.split(r"(?<=[.!?])\s+", paragraph, maxsplit=1)[0].rstrip(".!? ")
        lead = strip_dateline(lead)
        while (shorter := _LEAD_ADVERBIAL_RE.sub("", lead, count=1)) != lead:
            lead = shorter  # "Ngày 12/3, tại Hà Nội, ...": both go
        lead = lead[:1].upper() + lead[1:]
        words = lead.split()
        if not words:
            continue
        if len(words) <= max_words:
            return lead
        cut = words[:max_words]
        # Never end on a comma or a word that needs what follows ("và", "của"...).
        while len(cut) > 1 and (cut[-1].rstrip(",;:") != cut[-1] or cut[-1].lower() in _DANGLING):
            cut.pop()
        return " ".join(cut).rstrip(",;:") + "…"
    return ""


def read_article(path: Path) -> Article:
    """Read, decode, clean and check one article file."""
    path = Path(path)
    if not path.exists():
        raise ArticleError("không tìm thấy tệp.", path=path)
    if not path.is_file():
        raise ArticleError("không phải là tệp.", path=path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(
            f"định dạng '{suffix or '(không đuôi)'}' không được hỗ trợ; dùng .txt, .md hoặc .html.",
            path=path,
        )
    article_id = article_id_for(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"tệp quá lớn ({size // 1024} KiB) để là một bài báo.", path=path)
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError("tệp rỗng: không có nội dung bài báo.", path=path)
    raw, encoding = decode_bytes(data, path)
    if _looks_binary(raw):
        raise ArticleError(
            "đây là tệp nhị phân, không phải văn bản; hãy dùng tệp .txt, .md hoặc .html.", path=path
        )
    if not raw.strip():
        raise ArticleError("tệp rỗng: không có nội dung bài báo.", path=path)

    meta: dict[str, str | None] = {"title": None, "source": None, "url": None, "date": None}
    language: str | None = None
    if suffix == ".md":
        fm, body = _split_front_matter(normalize_text(raw), path)
        blocks, heading = _markdown_blocks(body)
        meta.update(title=fm.title or heading, source=fm.source, url=fm.url, date=fm.date)
        language = fm.language
    elif suffix in (".html", ".htm"):
        blocks, html_meta = _html_blocks(raw, path)
        blocks = [normalize_text(b) for b in blocks]
        meta.update({k: (normalize_text(v) if v else None) for k, v in html_meta.items()})
    else:
        blocks = _blocks(normalize_text(raw))

    paragraphs, dropped, outlet = clean_paragraphs(blocks)
    if meta.get("source") is None and outlet:
        meta["source"] = outlet
    if not paragraphs:
        if suffix in (".html", ".htm"):
            raise ArticleError("trang HTML không có nội dung bài báo nào đọc được.", path=path)
        raise ArticleError("không còn nội dung bài báo sau khi bỏ chú thích ảnh.", path=path)
    body_text = "\n".join(paragraphs)
    if _word_count(body_text) < MIN_WORDS:
        raise ArticleError(f"bài quá ngắn ({_word_count(body_text)} từ) để soạn câu hỏi.", path=path)
    if language and language.lower() not in ("vi", "vie", "vietnamese", "tiếng việt"):
        raise ArticleError(
            f"bài được khai báo ngôn ngữ '{language}'; quizgen chỉ soạn câu hỏi từ bài tiếng Việt.",
            path=path,
        )
    if vietnamese_ratio(body_text) < 0.2:
        raise ArticleError(
            "bài này không phải tiếng Việt (hoặc mất dấu); quizgen chỉ soạn câu hỏi từ bài "
            "tiếng Việt có dấu.",
            path=path,
        )
    title = meta.get("title") or derive_title(paragraphs)
    return Article(
        id=article_id,
        path=path,
        title=title,
        paragraphs=tuple(paragraphs),
        source=meta.get("source"),
        url=meta.get("url"),
        date=meta.get("date"),
        encoding=encoding,
        dropped=tuple(dropped),
        file_hash=file_hash(data),
    )


# A news site's section name printed before the headline.
_SECTION_RE = re.compile(
    r"^(?:Thời sự|Xã hội|Pháp luật|Chính trị|Kinh tế|Thế giới|Trong nước|Tin tức|Đời sống|"
    r"Quốc phòng\s*[-–]\s*An ninh|An ninh\s*[-–]\s*Trật tự|An ninh trật tự)(?:\s+(?=[A-ZĐÀ-Ỹ])|$)"
)
# "Vùng Cảnh sát biển 2 tập huấn ... ĐNO - Ngày 14/8, Bộ Tư lệnh ...": a title, a tag, the lead.
_INNER_DATELINE_RE = re.compile(
    r"^(?P<title>[^.!?\n]{15,200}?)\s(?P<tag>[A-ZĐ]{2,8}(?:\.VN)?)\s*[-–]\s+(?=[A-ZĐÀ-Ỹ])"
)


# "Nâng cao năng lực cho công an cấp xã trong giai đoạn mới Từ ngày 28/7 đến 15/8/2025, ...": a
# title and a lead that starts with its date, run together by the page.
_HEADLINE_THEN_LEAD_RE = re.compile(
    r"^(?P<title>[^.!?\n]{15,200}?[a-zà-ỹ])\s(?=(?:Từ ngày|Ngày|Sáng|Chiều|Tối|Trưa|Đêm)\s+\d)"
)


# The date and time a page was posted, run into the headline that follows it.
_POSTED_AT_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s*\d{1,2}:\d{2}\s*(?=[A-ZĐÀ-Ỹ])")


_LINK_LINE_RE = re.compile(r"^[-•]\s.*[^.!?:;]$")
# An image's markup, a table cell's caption, a "follow us on" line ("Theo dõi Baoquocte.vn trên").
_CELL_OR_IMAGE_RE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)\s*\|?|.*\s\||Theo dõi \S+ trên\b.{0,60}|\W*Cập nhật\s*:.{0,60}"  # page time stamps
    # "Thứ sáu - 20/09/2024 22:18 133 0": the weekday, date and time a page was posted, its counters.
    r"|(?:Thứ (?:hai|ba|tư|năm|sáu|bảy|Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật|Chủ Nhật),?\s*[-–|]?\s*"
    r"\d{1,2}/\d{1,2}/\d{4}(?:\s*[-–,|]?\s*\d{1,2}:\d{2}(?:\s*\(?GMT[+\d:]*\)?)?)?(?:\s+\d+){0,3}"
    # "Đã đăng vào 20 Th1, 2020": a blog page's posting date, in its theme's short month names.
    r"|Đã đăng(?: vào)?\s+\d{1,2}\s+Th\d{1,2},?\s+\d{4}"
)


# A reporter's name (two to four capitalised words) or a stray lower-case mark, alone on a line.
_BYLINE_RE = re.compile(r"(?:[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){1,3}|[a-zđ]{1,4})")


_SENTENCE_END_RE = re.compile(r"[.!?:;\"”)…]$")


def _caption_lines(lines: list[str], headline_first: bool) -> list[str]:
    """Photo captions set inside a block: a run of lines that starts with a capital, never ends
    a sentence and is followed by another line that starts one ("Quang cảnh giả định nơi xảy ra
    vụ cháy" between two paragraphs). Left in, the sentence splitter glues them to the next
    sentence. The block's last lines are the article's own (a cut-off ending), and an article's
    first line is its headline."""
    found: list[str] = []
    run: list[str] = []
    for i, line in enumerate(lines[:-1]):
        run.append(line)
        if _SENTENCE_END_RE.search(line):
            run = []
            continue
        starts_headline = headline_first and i + 1 == len(run)
        # "3 sĩ quan ... nhận nhiệm vụ": a next line may open with a figure, as a linked headline does.
        opens = lines[i + 1][:1].isupper() or lines[i + 1][:1].isdigit()
        if opens and run[0][:1].isupper() and not starts_headline:
            if _word_count(" ".join(run)) <= 30:
                found += run
            run = []
    return found


def _without_debris(block: str, headline_first: bool = False) -> tuple[str, str]:
    """``block`` without page debris, and the debris ("" when there is none): two or more "- "
    lines that are not sentences (links to other articles), image markup, table-cell captions,
    photo captions between its paragraphs."""
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    links = [line for line in lines if _LINK_LINE_RE.match(line) and len(line.split()) <= 25]
    if len(links) < 2:
        links = []
    # An image's markup ("![]() |") and a table cell's caption ("... dập tắt đám cháy trong đêm |").
    links += [line for line in lines if line not in links and _CELL_OR_IMAGE_RE.fullmatch(line)]
    if len(lines) > 1 and _BYLINE_RE.fullmatch(lines[0]) and lines[0] not in links:
        links.append(lines[0])  # "Bảo Chi" or "aa" on the line above the lead: a byline, a stray mark
    links += [line for line in _caption_lines(lines, headline_first) if line not in links]
    if not links:
        return block, ""
    return "\n".join(line for line in lines if line not in links), "\n".join(links)


_END_BLOCK_RE = re.compile(
    r"(?i)^(?:(?:tin|bài)(?:,| và)? ảnh\s*:|\*?\s*bạn đọc có thể xem thêm|"
    r"(?:tin|bài) (?:liên quan|cùng chuyên mục)\b|xem thêm\s*:)"
)


def clean_paragraphs(blocks: Iterable[str]) -> tuple[list[str], list[str], str | None]:
    """Split blocks into article paragraphs and dropped captions; pull off the outlet tag."""
    paragraphs: list[str] = []
    dropped: list[str] = []
    outlet: str | None = None
    ended = False
    for index, block in enumerate(blocks):
        block = block.strip()
        if not block:
            continue
        if ended:
            # After the agency's end mark "./.", the page runs on with other articles' teasers
            # ("Xét xử vụ ... Ngày 14/8, Tòa án ..."), a "Theo vietnamplus.vn", a hotline.
            dropped.append(block)
            continue
        stamp = _POSTED_AT_RE.match(block)
        if stamp:
            dropped.append(stamp.group(0).strip())  # "05/07/2020 00:08Đột kích ...": the page's clock
            block = block[stamp.end() :]
        block, debris = _without_debris(block, headline_first=not paragraphs)
        if debris:
            dropped.append(debris)  # "- Dập tắt đám cháy lúc 3h sáng 1-6": other articles' headlines
        if not block:
            continue
        if index == 0 or not paragraphs:
            block = _SECTION_RE.sub("", block)  # "Quốc phòng - An ninh Vùng Cảnh sát biển 2 ..."
            if not block:
                continue  # "Xã hội" on a line of its own above the headline
            inner = _INNER_DATELINE_RE.match(block) or _HEADLINE_THEN_LEAD_RE.match(block)
            if inner:
                # "<headline> ĐNO - Ngày 14/8, ...": the page ran the title, the outlet's tag and the
                # lead together; the title is a paragraph of its own.
                paragraphs.append(inner.group("title").strip())
                outlet = outlet or inner.groupdict().get("tag")
                block = block[inner.end() :].strip()
            match = _OUTLET_RE.match(block)
            if match:
                outlet = (match.group("paren") or match.group("site")).strip()
                block = block[match.end() :].strip()
        if len(paragraphs) >= 2 and _END_BLOCK_RE.match(block):
            # "Tin, ảnh: ĐỨC DUẨN", "* Bạn đọc có thể xem thêm ...", "Tin liên quan": the article is
            # over; what follows is another story's teaser (two drafts came from one, fresh50).
            dropped.append(block)
            ended = True
            continue
        if is_caption(block) or re.fullmatch(r"\[[^\[\]]{10,200}\]", block):
            # "[Cao Bằng: bắt vụ vận chuyển gần 3 tấn pháo lậu qua biên giới]": a link to another
            # story, asked as this one's (both fresh52 readers).
            dropped.append(block)
            continue
        block, credit = _strip_credit(block)
        if credit:
            dropped.append(credit)
        if block:
            paragraphs.append(block)
            ended = block.endswith("./.")
    return paragraphs, dropped, outlet


def iter_article_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into their article files (sorted, for deterministic order)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise UsageError(f"thư mục '{path}' không có bài báo nào (.txt, .md, .html).")
            yield from found
        else:
            yield path


def article_metadata(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "date": article.date,
        "path": article.path.as_posix(),
        "text_hash": article.text_hash,
        "file_hash": article.file_hash,
    }
