"""What extraction produces: a fact (the span a question tests) and an article's facts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.extract.analysis import SentenceAnalysis
from quizgen.models import QType
from quizgen.normalize import core_name, fold_for_match
from quizgen.sentences import Sentence

# "Theo thông tin Phòng CSĐT ..., Công an tỉnh Bình Định đưa ra ngày 15.12,": when and by whom a
# story was released, not what happened (fresh50's readers: "hỏi ngày đưa tin, ít giá trị"); its
# "source" is the body that told it.
RELEASE_FRAME = (
    r"Theo (?:thông tin|tin)(?: từ| của| do)? (?:lãnh đạo |đại diện )?"
    r"(?P<source>[^,]{1,120}(?:, [^,]{1,50})?) (?:đưa ra|cung cấp|phát đi|"
    r"cho biết)(?: vào)?(?: (?:sáng|chiều|tối|trưa))?(?: ngày| hôm)? ?\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?"
)
LEADING_OPENERS = re.compile(
    r"^(?:Đồng thời|Nhân dịp này|Bên cạnh đó|Ngoài ra|Theo đó|Trong khi đó|Tuy nhiên|"
    r"Cùng với đó|Mặt khác|Đặc biệt|Trước đó|Sau đó|Tiếp đó|Như vậy|Vì vậy|Vì thế|Do đó|Do vậy|Qua đó|Từ đó|"
    r"Cùng lúc|Cụ thể|Đáng chú ý|Đáng lưu ý|Nổi bật|Bước đầu|Điều đáng chú ý là|Tại đây|Riêng|Từ đó đến nay|"
    r"Kết quả|Theo thông tin|" + RELEASE_FRAME + "|"
    # "Nhờ vậy,", "Trở lại hồ sơ vụ việc,": a tie to the paragraph before (readers: leftover).
    r"Nhờ (?:vậy|đó|thế)|Trở lại [^,]{1,40}|Quay (?:trở )?lại [^,]{1,40}|"
    r"Cách đây (?:ít|vài) ngày|"
    # "Hai ngày sau,": counted from a day the sentence before gave (both fresh48 readers: dangling).
    r"(?:Hai|Ba|Bốn|Năm|Vài|Mấy|Một|\d+) (?:ngày|hôm|tuần|tháng) (?:sau|sau đó|trước đó)|"
    r"Cũng trong (?:sáng|chiều|tối|ngày)? ?cùng ngày|"
    # Pointers back to an earlier report or day, which a quiz has not got: "Như đã đưa tin".
    r"Cũng trong ngày|Cũng trong (?:sáng|chiều|tối) nay|Như (?:đã|chúng tôi đã|Báo [^,]{1,30} đã) "
    r"(?:đưa tin|thông tin|phản ánh)|"
    r"Cũng theo [^,]{0,60}|"
    # "Căn cứ tài liệu, chứng cứ thu thập được": how the police knew, not what they did.
    r"(?:Căn cứ|Dựa trên|Dựa vào)(?: vào)? (?:các |những )?tài liệu,? chứng cứ(?: đã)? thu thập được|"
    r"Tại (?:buổi|hội|lễ|cuộc|phiên)[^,]{0,40}|Phát biểu[^,]{0,60}|"
    r"Về [^;]{0,160}?(?=,\s*[A-ZĐÀ-Ỹ])|"
    # "Một ví dụ điển hình: ngày 5/8/2023, ...": an example's label, not part of what it tells.
    r"(?:Một|Có một) (?:ví dụ|trường hợp|vụ|vụ việc) điển hình|Điển hình là|Ví dụ)[,:]\s*"
)


@dataclass(frozen=True)
class Fact:
    type: QType
    kind: str
    answer: str
    fact: str
    sentence: Sentence
    start: int
    end: int
    qphrase: str = ""
    template: str = ""
    move_to_end: bool = False
    shape: str = ""
    head: str = ""
    score: float = 0.5
    cloze_ok: bool = True
    context: str = ""  # the reporting lead a continuation sentence needs ("X đề nghị Y")

    @property
    def key(self) -> tuple[str, str]:
        """Two facts with one key ask the same thing (a programme under two of its names)."""
        if self.kind in ("programme", "org", "brand", "unit"):
            return (self.kind, core_name(self.answer))
        if self.kind == "count":
            # "2 khẩu súng" and "2 đối tượng": one number, two facts.
            # "sĩ quan sang Nam" and "sĩ quan quyết định": one noun; "12 lượt sĩ quan" is "12 sĩ quan".
            noun = " ".join(re.sub(r"^lượt\s+", "", self.head).split()[:2])
            return (self.kind, fold_for_match(f"{self.answer} {noun}"))
        return (self.kind, fold_for_match(self.answer))


@dataclass(frozen=True)
class ArticleFacts:
    article_id: str
    facts: tuple[Fact, ...]
    main_ministry: str | None
    # The analysis of every sentence, by its index in the article (shared by stems and ranker).
    analyses: tuple[SentenceAnalysis, ...] = ()
    # The article's events by name ("hội nghị" -> "Hội nghị Công an toàn quốc lần thứ 80").
    events: tuple[tuple[str, str], ...] = ()
