"""The graph's run-time context: the services a node may call, and whose turn it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml

from chat_rec.config import PROMPTS_DIR, Settings
from chat_rec.profile.vector import mean_direction
from chat_rec.ranking.session import GenreAffinity

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.catalog.index import CatalogIndex
    from chat_rec.catalog.models import Catalog
    from chat_rec.profile.records import Profile
    from chat_rec.profile.repository import ProfileRepository
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.ranking.rerank import LazyReranker
    from chat_rec.understanding.extractor import Extractor
    from chat_rec.understanding.resolver import TitleResolver


@lru_cache(maxsize=1)
def load_replies(path: Path = PROMPTS_DIR / "replies.yaml") -> dict[str, Any]:
    """The fixed reply texts, by language (prompts/replies.yaml)."""
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@dataclass
class Deps:
    """Long-lived services, built once per process by ChatService."""

    settings: Settings
    catalog: Catalog
    index: CatalogIndex
    ranker: HybridRanker
    resolver: TitleResolver
    extractor: Extractor
    repo: ProfileRepository
    llm: BaseChatModel | None
    genre_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    reranker: LazyReranker | None = None
    """The fine-tuned re-ranker (``settings.rerank_adapter``), loaded on first use; None when off."""
    aspects: AspectIndex | None = None
    """Moods and topics matched to the catalog's tags, genres and keywords (also ``ranker.aspects``)."""

    def replies(self, language: str) -> dict[str, Any]:
        data = load_replies()
        return data.get(language) or data["en"]

    @cached_property
    def shared_direction(self) -> np.ndarray | None:
        """The direction every catalog vector shares (``profile.vector.mean_direction``), computed once."""
        return mean_direction(self.index.vectors) if len(self.index.ids) else None

    @cached_property
    def genre_affinity(self) -> GenreAffinity:
        """Which genres share films more often than chance, over the index's rows (``ranking.session``)."""
        return GenreAffinity.of_index(self.catalog, self.index.ids)

    def item_vector(self, item_id: int) -> np.ndarray | None:
        row = self.index.row_of.get(item_id)
        return None if row is None else self.index.vectors[row]


@dataclass(frozen=True)
class TurnContext:
    """Passed to every node as ``runtime.context``; one per turn."""

    deps: Deps
    user_id: int
    user_name: str
    _stored: dict[int, Profile] = field(default_factory=dict, compare=False, repr=False)

    def stored_profile(self) -> Profile:
        """The user's stored profile as the turn found it, read once (nothing writes it before ``persist``)."""
        if self.user_id not in self._stored:
            self._stored[self.user_id] = self.deps.repo.load(self.user_id)
        return self._stored[self.user_id]
