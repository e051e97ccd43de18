"""Messages of the revision functions in both languages: the library never prints, the command line
chooses the language (``--lang``), so an error or a problem carries its Indonesian text beside the
English one (``str()``), as :class:`cascade.review.config.ConfigError` does."""

from __future__ import annotations

from ..core.errors import MissingExtraError, UsageError

__all__ = ["Message", "MissingExtra", "RevisionError"]


class Message(str):
    """A problem reported in a list (``ApplyResult.problems``): the English text, equal to a plain
    string of it, with the Indonesian one in ``message_id``."""

    message_id: str | None

    def __new__(cls, en: str, id_: str | None = None) -> "Message":
        out = super().__new__(cls, en)
        out.message_id = id_
        return out

    def localized(self, lang: str) -> str:
        return self.message_id if lang == "id" and self.message_id else str.__str__(self)


class RevisionError(UsageError):
    """A usage error of a revision function (an unknown document, an unreadable mapping), with its
    message in Bahasa Indonesia in ``message_id``."""

    def __init__(self, message: str, message_id: str | None = None):
        super().__init__(message)
        self.message_id = message_id

    def localized(self, lang: str) -> str:
        return self.message_id if lang == "id" and self.message_id else str(self)


class MissingExtra(MissingExtraError):
    """:class:`~cascade.core.errors.MissingExtraError` with its message in Bahasa Indonesia in ``message_id``."""

    def __init__(self, message: str, message_id: str | None = None):
        super().__init__(message)
        self.message_id = message_id

    def localized(self, lang: str) -> str:
        return self.message_id if lang == "id" and self.message_id else str(self)
