"""The quoted-names family: a name in quotation marks after the noun that says what it is
("theo phương châm “5 rõ”", "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”", "Hội thảo quốc tế
"Nữ sĩ quan ... - cơ hội và thách thức""). The quotes are the constituent's edges; the noun
before them makes the question ("theo phương châm nào").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizgen.extract.facts import Fact
from quizgen.models import QType
from quizgen.normalize import fold_for_match
from quizgen.sentences import Sentence

_HEADS = (
    "phương châm", "chủ trương", "phong trào thi đua", "phong trào", "khẩu hiệu", "chủ đề", "mục tiêu",
    "tinh thần", "Kỷ niệm chương", "Huân chương", "Huy chương", "Hội thảo quốc tế", "Hội thảo",
    "hội thảo", "cuộc thi", "giải thưởng", "cuộc vận động", "mô hình", "chiến dịch", "tọa đàm", "Tọa đàm",
    "khóa tập huấn", "thông điệp",
    # A group, page or app a case ran through: "nhóm Facebook "Group mua bán data mới 2020"".
    "nhóm Facebook", "nhóm Zalo", "nhóm Telegram", "trang Facebook", "fanpage", "tài khoản Facebook",
    "tài khoản Zalo", "ứng dụng", "sàn giao dịch", "website", "trang web",
)  # fmt: skip
_QUOTED = re.compile(
    rf"(?<!\w)(?P<head>{'|'.join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True))})"
    r"(?:\s+là)?\s*:?\s+"
    r"(?P<quote>“[^”]{2,240}”|\"[^\"]{2,240}\")"
)
# A theme or a slogan is asked as it stands, an open question: its options would be made up.
OPEN_HEADS = ("chủ đề", "khẩu hiệu", "thông điệp")
_MAX_WORDS = {"chủ đề": 32, "khẩu hiệu": 24, "thông điệp": 24}
_TYPES = {"phong trào thi đua": QType.WHICH_PROGRAMME, "phong trào": QType.WHICH_PROGRAMME}


def quoted_facts(sentence: Sentence, known: set[str]) -> Iterator[Fact]:
    """ "What" facts for quoted names the other families did not ask about."""
    text = sentence.text
    for m in _QUOTED.finditer(text):
        quote = m.group("quote")
        head = m.group("head")
        if len(quote.split()) > _MAX_WORDS.get(head.lower(), 20) or fold_for_match(quote) in known:
            continue
        known.add(fold_for_match(quote))
        yield Fact(
            _TYPES.get(head.lower(), QType.WHAT),
            "quoted",
            quote,
            f"{head} {quote}",
            sentence,
            m.start("quote"),
            m.end("quote"),
            qphrase="nào",
            shape=f"quote:{head.lower()}",
            head=head,
            score=0.6,
        )
