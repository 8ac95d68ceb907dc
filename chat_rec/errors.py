"""Errors a user can cause, each with a sentence that says what to do.

The UI and the CLI show ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class ChatRecError(Exception):
    """Base class for every error whose message is written for the user."""


class ConfigError(ChatRecError):
    """A setting is missing or invalid."""


class DataFileError(ChatRecError):
    """A data file is missing, unreadable or malformed."""


class CatalogChangedError(ChatRecError):
    """The catalog on disk no longer matches the index built from it."""


class ModelError(ChatRecError):
    """A model could not be found, verified or loaded."""


class UnknownModelError(ModelError):
    """A model name that no backend knows."""


class InvalidInputError(ChatRecError):
    """A message, user name or feedback value that cannot be accepted."""


class UnknownUserError(ChatRecError):
    """A user name that has no stored profile."""


class UnknownItemError(ChatRecError):
    """An item id or position that does not exist."""


class DialogueFileError(ChatRecError):
    """A scripted dialogue file that cannot be parsed."""
