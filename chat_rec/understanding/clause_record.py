"""What the clause reader writes: the verdicts it gives films and genres, and what it takes back.

``SignalRecord`` is the base of the parser's clause mixins (``clause_verdicts.ClauseVerdicts``,
``clause_reader.ClauseReader``): a verdict on a film or genre replaces any other verdict on it, a
"never mind" restores the signal as it was before the sentence, a correction moves the verdict the
last clause gave.
"""

from __future__ import annotations

from typing import Any

from chat_rec.catalog.models import Item
from chat_rec.understanding.references import ListReferences, _Ref
from chat_rec.understanding.signal import PreferenceSignal

_RETRACTABLE = ("liked_ids", "disliked_ids", "liked_genres", "disliked_genres", "seen_ids", "asked_ids",
                "ruled_out_together")
"""What a sentence may add to the signal, and a "never mind" after it takes back."""


class SignalRecord:
    """Writes verdicts into ``signal`` and takes them back; ``parser._Parser`` holds the state."""

    signal: PreferenceSignal
    previous: list[Item]
    list_refs: ListReferences
    settled: set[int]
    bare_genres: set[str]

    def _snapshot(self) -> tuple[list[Any], ...]:
        sig = self.signal
        return tuple(list(getattr(sig, name)) for name in _RETRACTABLE)

    def _carried(self, snapshot: tuple[list[Any], ...]) -> tuple[int, bool] | None:
        """The verdict the signal gained since ``snapshot`` (a like, a dislike or "seen"), or None when
        it gained none or more than one kind.
        """
        gained = {name for name, before in zip(_RETRACTABLE, snapshot, strict=True)
                  if set(getattr(self.signal, name)) - set(before)}
        kinds = {(1, False) if name in {"liked_ids", "liked_genres"} else (-1, False)
                 if name in {"disliked_ids", "disliked_genres"} else (0, True) if name == "seen_ids" else None
                 for name in gained}
        return next(iter(kinds)) if len(kinds) == 1 and None not in kinds else None

    def _restore(self, snapshot: tuple[list[Any], ...]) -> set[int]:
        """Take back what the signal gained since ``snapshot``; the films taken back (returned) are
        settled, so no later reader judges them again from the words that were taken back.
        """
        taken: set[int] = set()
        for name, values in zip(_RETRACTABLE, snapshot, strict=True):
            if name.endswith("_ids"):
                taken.update(i for i in getattr(self.signal, name) if i not in values)
            setattr(self.signal, name, list(values))
        self.settled.update(taken)
        return taken

    def _genres(self, genres: tuple[str, ...], polarity: int) -> None:
        liked, disliked = self.signal.liked_genres, self.signal.disliked_genres
        if polarity < 0 and len(genres) > 1:
            # "something funny but not a rom-com", "a thriller, not a horror thriller": the compound is
            # ruled out, not the genre this message asked for, so only its other parts are disliked
            genres = tuple(g for g in genres if g not in liked)
            if len(genres) > 1:
                self.signal.ruled_out_together.append(list(genres))
        for genre in genres:
            for bucket in (liked, disliked):
                if genre in bucket:
                    bucket.remove(genre)
            (disliked if polarity < 0 else liked).append(genre)
            if polarity:
                self.bare_genres.discard(genre)
            else:
                self.bare_genres.add(genre)  # named with no verdict of its own ("Horror, and anything gory.")

    def _items(self, items: list[int], polarity: int, seen: bool) -> None:
        sig = self.signal
        for item_id in items:
            if polarity == 0:
                if seen and item_id not in sig.seen_ids:
                    sig.seen_ids.append(item_id)
                continue
            for bucket in (sig.liked_ids, sig.disliked_ids):
                if item_id in bucket:
                    bucket.remove(item_id)
            (sig.liked_ids if polarity > 0 else sig.disliked_ids).append(item_id)

    def _whole_list(self, ref: _Ref) -> bool:
        """Whether ``ref`` is every film of a list of two or more ("all of them", "las tres", "todas")."""
        return len(self.previous) > 1 and set(ref.items) == self.list_refs.ids
