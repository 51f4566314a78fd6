"""quizgen: draft quiz questions from Vietnamese news articles for training workshops."""

__version__ = "0.1.0"
