"""Extraction: from an article's sentences to the facts a question can test.

Read in this order: ``analysis`` (underthesea: words and POS, once per sentence), ``constituents``
(where an answer may start and end), ``rules`` (the fact families), ``article`` (one article:
usable sentences, whole constituents), ``stems`` (a question from a fact), ``quality`` (give-aways,
one question per fact, two per sentence) and ``ranker`` (a score that predicts acceptance).
"""

from quizgen.extract.article import extract_article
from quizgen.extract.facts import ArticleFacts, Fact

__all__ = ["ArticleFacts", "Fact", "extract_article"]
