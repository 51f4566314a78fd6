"""Compatibility names: extraction now lives in the ``quizgen.extract`` package."""

from quizgen.extract import ArticleFacts, Fact, extract_article

__all__ = ["ArticleFacts", "Fact", "extract_article"]
