"""Compatibility names: stems are built in ``quizgen.extract.stems``."""

from quizgen.extract.stems import BLANK, build_cloze, build_statement, build_stem

__all__ = ["BLANK", "build_cloze", "build_statement", "build_stem"]
