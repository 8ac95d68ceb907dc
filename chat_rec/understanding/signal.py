"""PreferenceSignal: what one user message says about the user's taste."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class PreferenceSignal(BaseModel):
    """The output of LLM(q_t, r_t), in the extraction benchmark's schema plus turn intent."""

    liked_ids: list[int] = Field(default_factory=list)
    disliked_ids: list[int] = Field(default_factory=list)
    liked_genres: list[str] = Field(default_factory=list)
    disliked_genres: list[str] = Field(default_factory=list)
    year_min: int | None = None
    year_max: int | None = None
    wants_new_recommendations: bool = False
    skip: bool = False
    """The user wants to skip the onboarding questions."""
    seen_ids: list[int] = Field(default_factory=list)
    """Movies the user says they have seen, with no verdict."""
    mentioned_ids: list[int] = Field(default_factory=list)
    """Every catalog movie the message itself refers to (by title, position or description),
    whatever the verdict: the only movies a model may give a verdict on."""
    asked_ids: list[int] = Field(default_factory=list)
    """Movies the person asks about ("would I like Jaws?", "¿crees que me gustaría Heat?"): no
    verdict, a question the reply answers from the profile."""
    fact_ids: list[int] = Field(default_factory=list)
    """Movies a question asks a fact of ("how long is the first one?", "who's in Heat?"): no verdict."""
    fact_topic: str | None = None
    """What that question asks (``film_facts.asked_fact``: length, cast, director, where, year, about)."""
    unresolved_titles: list[str] = Field(default_factory=list)
    """Titles the user named that are not in the catalog."""
    unknown_names: list[str] = Field(default_factory=list)
    """People whose films the user asks for ("something by Denis Villeneuve") that no tag or cast
    entry of the catalog names, as written: the reply says so."""
    language: str = "en"
    """"en" or "es": the language replies are written in."""
    liked_aspects: list[str] = Field(default_factory=list)
    """Moods, topics and attributes asked for ("dark", "slow-burn", "space", "feel-good"), as
    folded phrases; ranking matches them against item text (tags, genres, overviews)."""
    disliked_aspects: list[str] = Field(default_factory=list)
    """Moods and attributes to avoid ("not too violent" gives "violent"); they push items away."""
    ruled_out_together: list[list[str]] = Field(default_factory=list)
    """Genres the message rules out as one kind ("not a rom-com", "no horror comedies"), each
    compound's parts that went into ``disliked_genres``: a part most films of an asked mood belong to
    is kept ("something funny but not a rom-com" rules out romance, not comedy)."""
    era: Literal["newer", "older", "same"] | None = None
    """A release era relative to what is on screen ("these feel dated", "algo más actual") or to the
    films the message likes ("same": "more from that decade", "de esa época"): no year in the benchmark's
    sense (rules 11-12); the graph turns it into a range (``ranking.constraints.with_era``)."""

    def is_empty(self) -> bool:
        """True when the message carries no taste information at all."""
        return not (
            self.liked_ids or self.disliked_ids or self.liked_genres or self.disliked_genres
            or self.year_min is not None or self.year_max is not None
            or self.liked_aspects or self.disliked_aspects or self.era
        )

    def benchmark_view(self) -> dict[str, object]:
        """The seven fields scored by the extraction benchmark."""
        return {
            "liked_ids": sorted(set(self.liked_ids)),
            "disliked_ids": sorted(set(self.disliked_ids)),
            "liked_genres": sorted(set(self.liked_genres)),
            "disliked_genres": sorted(set(self.disliked_genres)),
            "year_min": self.year_min,
            "year_max": self.year_max,
            "wants_new_recommendations": self.wants_new_recommendations,
        }
