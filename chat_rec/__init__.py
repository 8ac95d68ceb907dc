"""chat-rec: a local, grounded conversational movie recommender."""

__version__ = "0.1.0"
