"""Text normalisation shared by intake, matching and evaluation.

Vietnamese text reaches us in several encodings of "the same" letters: composed
or decomposed (Windows-1258 is decomposed), and with the tone mark on either
vowel of an open syllable ("hoà" or "hòa"). Matching, de-duplication and the
printed quiz all need one form, so every text goes through ``normalize_text``.
We use the traditional placement ("hòa", "thúy", "thủy"), which is what the
government and press sources in our corpus use most.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from quizgen.sentences import UPPER

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PLAIN_VOWELS = set("aeiouy")
_MARKED_VOWELS = set("ăâêôơư")
_VOWELS = _PLAIN_VOWELS | _MARKED_VOWELS

_WORD_RE = re.compile(r"[^\W\d_]+")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Spaces and tabs only: a "- " that starts a line is a list item, not a dash between words.
_SPACED_DASH_RE = re.compile(rf"[ \t]+[{_DASHES}-][ \t]+")
_DASH_RE = re.compile(rf"[{_DASHES}]")
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
        "\u2026": "...",
    }
)
_SPACES_RE = re.compile(r"[ \t\f\v]+")


def _vowel_cluster(letters: str) -> tuple[int, int] | None:
    """Index range of the syllable's vowel nucleus, skipping the 'qu' and 'gi' onsets."""
    start = 0
    if letters.startswith("qu") or (letters.startswith("gi") and len(letters) > 2 and letters[2] in _VOWELS):
        start = 2
    i = start
    while i < len(letters) and letters[i] not in _VOWELS:
        i += 1
    if i == len(letters):
        return None
    j = i
    while j < len(letters) and letters[j] in _VOWELS:
        j += 1
    return i, j


def _tone_position(letters: str) -> int | None:
    """Where the traditional orthography puts the tone mark in a toneless syllable."""
    span = _vowel_cluster(letters)
    if span is None:
        return None
    i, j = span
    nucleus = letters[i:j]
    marked = [k for k, ch in enumerate(nucleus) if ch in _MARKED_VOWELS]
    if marked:
        return i + marked[-1]
    if j < len(letters):  # closed syllable: the last vowel carries it
        return j - 1
    if len(nucleus) == 1:
        return i
    if len(nucleus) >= 3:
        return i + 1
    return i


_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|c|m|n|p|t)?$"
)


_TWO_PLACES = {"oa", "oe", "uy"}


@functools.lru_cache(maxsize=65536)  # news prose reuses a few thousand syllables
def _retone_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    lower = bare.lower()
    if not _SYLLABLE_RE.match(lower):
        return word  # not a Vietnamese syllable ("Fernández"): leave its accents alone
    pos = _tone_position(lower)
    if pos is None:
        return word
    span = _vowel_cluster(lower)
    nucleus = lower[span[0] : span[1]] if span else ""
    if len(nucleus) >= 2 and nucleus not in _TWO_PLACES and span and span[1] == len(lower):
        # Only "oa", "oe", "uy" take the mark in two places ("hoà"/"hòa"); elsewhere where the text
        # puts it is the spelling ("Mèo Thị Khíao", a Tày name, is not "Khiáo").
        return word
    rebuilt = bare[: pos + 1] + tones[0] + bare[pos + 1 :]
    return unicodedata.normalize("NFC", rebuilt)


def normalize_tones(text: str) -> str:
    """Put every tone mark in its traditional place ("hoà" -> "hòa", "thuỷ" -> "thủy")."""
    return _WORD_RE.sub(lambda m: _retone_word(m.group(0)), text)


# "Công an tỉnhCà Mau": a space lost after the kind of place, which cut the place off every name.
_GLUED_PLACE_RE = re.compile(rf"(?<!\w)(tỉnh|huyện|thành phố|thị xã|xã|phường|quận)(?=[{UPPER}])")


@functools.lru_cache(maxsize=4096)  # checks and matching normalise the same texts again and again
def normalize_text(text: str) -> str:
    """NFC, traditional tone placement, unified dashes and quotes, single spaces.

    Line breaks are kept (paragraphs matter to intake); runs of spaces and tabs
    are folded, and a space lost after a place's kind ("tỉnhCà Mau") comes back.
    A dash between spaces is a punctuation dash and becomes " – "; a dash inside
    a word or range ("2024–2030") becomes "-".
    """
    text = unicodedata.normalize("NFC", text.translate(_QUOTES))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACED_DASH_RE.sub(" \u2013 ", text)
    text = _DASH_RE.sub(lambda m: "-", text)
    text = text.replace(" - ", " \u2013 ")
    text = _SPACES_RE.sub(" ", text)
    text = _GLUED_PLACE_RE.sub(r"\1 ", text)
    text = normalize_tones(text)
    return "\n".join(line.strip() for line in text.split("\n"))


def core_name(text: str) -> str:
    """A name without its acronym, period or year, for spotting two names of one thing."""
    text = re.sub(r"\([^)]*\)", " ", text)
    # A year or period, not a document's number ("Quyết định số 1944/QĐ-TTg", "Nghị quyết 1325").
    text = re.sub(
        r"(?:giai đoạn|đến năm|năm)?\s*(?<!số )(?<![\d/])(?:19|20)\d{2}"
        r"(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\d/])",
        " ",
        text,
    )
    return fold_for_match(re.sub(r"\s+", " ", text))


def loose_key(text: str) -> str:
    """Without tones or marks: "Quách Thành Côn" and "Quách Thanh Côn" are one name as outlets spell it."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped.replace("đ", "d").replace("Đ", "D")).casefold().strip()


def fold_for_match(text: str) -> str:
    """A key for comparing two spans: normalised, lower case, no outer punctuation."""
    return normalize_text(text).casefold().strip(" .,;:!?\"'()")


_SYLLABLE_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
_ONSETS = (
    "ngh", "ng", "nh", "ch", "tr", "th", "ph", "kh", "gh", "gi", "qu", "b", "c", "d", "đ", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
_VOWEL_RUNS = re.compile(rf"[{_SYLLABLE_VOWELS}]+")
_MARKED = re.compile(r"[ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")


def _split_glued(word: str) -> str:
    """ "thămvà" -> "thăm và", "pháttriển" -> "phát triển": two lower-case syllables the source
    printed without their space (one Vietnamese syllable has one run of vowels)."""
    # On the lower-case word: "António" has three vowel runs, not the two of "Antó|nio".
    runs = list(_VOWEL_RUNS.finditer(word.lower()))
    if len(runs) != 2 or not _MARKED.search(word.lower()) or word[1:] != word[1:].lower():
        return word
    if word[: runs[0].start()].lower() not in (*_ONSETS, ""):
        return word  # no Vietnamese syllable starts "Ant-": a foreign name
    if word.lower().startswith(("qu", "gi")) and runs[0].start() == 1:
        return word  # "quy", "gia": the u/i belongs to the onset
    between = word[runs[0].end() : runs[1].start()]
    for n in range(min(2, len(between)), -1, -1):
        final, onset = between[:n], between[n:]
        if final in _FINALS and onset in _ONSETS:
            return f"{word[: runs[0].end() + n]} {word[runs[0].end() + n :]}"
    return word


def unglue(text: str) -> str:
    """Spaces the source lost between words, restored in text quizgen writes (stems, statements):
    "giữaBộ Công an" -> "giữa Bộ Công an", "chào mừngvà" -> "chào mừng và"."""
    text = re.sub(r"(?<=[^\W\d_])(?=[^\W\d_]{2})", _case_break, text)
    return re.sub(r"[^\W\d_]{4,}", lambda m: _split_glued(m.group(0)), text)


def _case_break(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    glued = text[at - 1].islower() and text[at].isupper() and text[at + 1].islower()
    return " " if glued and _MARKED.search(text[max(0, at - 4) : at + 4].lower()) else ""


@functools.lru_cache(maxsize=65536)
def word_re(word: str) -> re.Pattern[str]:
    """``word`` as a whole word or phrase (not inside a longer word). Compiled once: the rules test
    thousands of names and verbs per article, far more than the ``re`` module's own cache holds."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def leading_name(rest: str, names: Iterable[str]) -> str | None:
    """The longest of ``names`` that ``rest`` opens with (folded, ending at a word's end), as ``rest``
    writes it: the edge of a listed name in running text ("Mua bán người dưới 16 tuổi cho ...")."""
    folded = fold_for_match(rest)
    for name in sorted(names, key=len, reverse=True):
        key = fold_for_match(name)
        if folded.startswith(key) and not folded[len(key) : len(key) + 1].isalnum():
            return rest[: len(name)]
    return None
