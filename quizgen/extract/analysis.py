"""The linguistic layer: each sentence analysed once by underthesea (word segmentation and POS).

underthesea's word segmenter and POS tagger (CRF models trained on VLSP 2013) ship inside the
PyPI package and run offline; nothing is downloaded (tests/test_analysis.py runs them with the
network unshared and HOME empty). Its chunker and NER are CRF models from 2017 that tag almost
every noun as its own NP and call "Thượng tướng Lê Quốc Hùng" a place, so constituents are
built here from the segmenter's words and their POS instead (``quizgen.extract.constituents``).

Models load once per process (underthesea keeps them in module globals); a sentence is analysed
once per process and kept in memory, keyed by the hash of its text, so the rules, the stem builder
and the ranker share one analysis.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import threading
from dataclasses import dataclass
from functools import cached_property

_LOCK = threading.Lock()
_CACHE: dict[str, SentenceAnalysis] = {}
_CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class Token:
    text: str
    pos: str  # VLSP tags: N, Np, Nc, Nu, V, A, P, L, M, R, E, C, I, T, X, CH, ...
    start: int
    end: int

    @property
    def proper(self) -> bool:
        return self.pos == "Np"


@dataclass(frozen=True)
class SentenceAnalysis:
    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def starts(self) -> frozenset[int]:
        return frozenset(t.start for t in self.tokens)

    @cached_property
    def ends(self) -> frozenset[int]:
        return frozenset(t.end for t in self.tokens)

    def on_edges(self, start: int, end: int) -> bool:
        """True when [start, end) begins and ends on word boundaries of the segmentation."""
        return start in self.starts and end in self.ends

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.start >= start and t.end <= end)

    def token_at(self, offset: int) -> Token | None:
        for t in self.tokens:
            if t.start <= offset < t.end:
                return t
        return None

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) widened to the words it cuts into."""
        first = self.token_at(start)
        last = self.token_at(end - 1) if end > start else None
        return (first.start if first else start, last.end if last else end)


def _align(text: str, words: list[tuple[str, str]]) -> tuple[Token, ...]:
    """Character offsets of the toolkit's words in ``text`` (it may collapse spaces)."""
    out: list[Token] = []
    pos = 0
    for word, tag in words:
        syllables = word.split()
        if not syllables:
            continue
        pattern = r"\s*".join(re.escape(s) for s in syllables)
        m = re.compile(pattern).search(text, pos)
        if m is None or text[pos : m.start()].strip():
            # The toolkit changed the word (normalisation): resynchronise on its first syllable.
            at = text.find(syllables[0], pos)
            if at < 0:
                continue
            m2 = re.compile(pattern).match(text, at)
            end = m2.end() if m2 else at + len(syllables[0])
            out.append(Token(text[at:end], tag, at, end))
            pos = end
            continue
        out.append(Token(text[m.start() : m.end()], tag, m.start(), m.end()))
        pos = m.end()
    return tuple(out)


def _is_cap(syllable: str) -> bool:
    return syllable[:1].isupper() or syllable[:1].isdigit()


def _split_case(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Split a word the segmenter glued across a case change: "tiếp Phó" -> "tiếp" + "Phó", and a
    name glued to the verb after it ("Việt Nam cử", tagged V) -> "Việt Nam" + "cử". A single capital
    first ("Công an") and a title ending in lower case ("Tổng Thư ký", tagged N) stay one word."""
    out: list[Token] = []
    for tok in tokens:
        parts = [(m.start(), m.end()) for m in re.finditer(r"\S+", tok.text)]
        if len(parts) < 2:
            out.append(tok)
            continue
        caps = [_is_cap(tok.text[a:b]) for a, b in parts]
        cuts = [0]
        for i in range(1, len(parts)):
            glued_verb = tok.pos == "V" and caps[i - 1] and not caps[i] and i >= 2 and caps[i - 2]
            prev, cur = tok.text[parts[i - 1][0] : parts[i - 1][1]], tok.text[parts[i][0] : parts[i][1]]
            acronym_then_name = len(prev) >= 2 and prev.isupper() and not cur.isupper()  # "LHQ Jean-Pierre"
            if (not caps[i - 1] and caps[i]) or glued_verb or acronym_then_name:
                cuts.append(i)
        cuts.append(len(parts))
        if len(cuts) == 2:
            out.append(tok)
            continue
        for a, b in itertools.pairwise(cuts):
            s, e = parts[a][0], parts[b - 1][1]
            piece = tok.text[s:e]
            tag = "Np" if all(caps[a:b]) and tok.pos in ("Np", "N", "V") else tok.pos
            out.append(Token(piece, tag, tok.start + s, tok.start + e))
    return tuple(out)


def _split_final_stop(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """ "tại TP.HCM.": the segmenter keeps the sentence's full stop on a dotted word; the stop is
    punctuation, or the city's name would end with it."""
    if not tokens:
        return tokens
    last = tokens[-1]
    if len(last.text) < 3 or not last.text.endswith(".") or last.text[-2] == "." or " " in last.text:
        return tokens
    return (
        *tokens[:-1],
        Token(last.text[:-1], last.pos, last.start, last.end - 1),
        Token(".", "CH", last.end - 1, last.end),
    )


def _toolkit_pos_tag(text: str) -> list[tuple[str, str]]:
    from underthesea import pos_tag  # imported lazily: models load on first use, once per process

    return [(str(w), str(t)) for w, t in pos_tag(text)]


def analyse(text: str) -> SentenceAnalysis:
    """Words with their POS and offsets for one sentence, computed once per process."""
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    found = _CACHE.get(key)
    if found is not None:
        return found
    with _LOCK:
        words = _toolkit_pos_tag(text) if text.strip() else []
    result = SentenceAnalysis(text, _split_final_stop(_split_case(_align(text, words))))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def remember(analyses: tuple[SentenceAnalysis, ...] | list[SentenceAnalysis]) -> None:
    """Put analyses made in another process (carried with an article's facts) in this one's cache,
    so drafting in a worker never runs the toolkit on a sentence again."""
    for analysis in analyses:
        _CACHE.setdefault(hashlib.sha1(analysis.text.encode("utf-8")).hexdigest(), analysis)


def cache_size() -> int:
    return len(_CACHE)
