"""A pick's reason names the genre the person asked for, even when the catalog lists it fourth."""

from types import SimpleNamespace

from chat_rec.catalog.models import Item
from chat_rec.conversation.nodes import reason_for

REPLIES = {"reason_because": "because you liked {title}", "reason_aspects": "tagged {tags}",
           "reason_genres": "{genres}", "reason_popular": "rated {rating:.1f}/5 by {count} people",
           "reason_little_known": "a little-known film, few ratings yet"}


def runtime(*items: Item) -> SimpleNamespace:
    by_id = {item.item_id: item for item in items}
    deps = SimpleNamespace(replies=lambda language: REPLIES, catalog=SimpleNamespace(get=by_id.get),
                           item_vector=lambda item_id: None, aspects=None, index=None)
    return SimpleNamespace(context=SimpleNamespace(deps=deps))


def test_the_asked_for_genres_come_first_and_are_never_cut() -> None:
    film = Item(1, "Legends", 1994, ("Drama", "Romance", "War", "Western"))
    assert reason_for(1, set(), runtime(film), "en") == "Drama, Romance, War"  # nothing asked: catalog order
    assert reason_for(1, set(), runtime(film), "en", genres=["Western"]) == "Western, Drama, Romance"
    # two asked-for genres at the end of a long list both show, however long the list
    crowded = Item(2, "Crowded", 2001, ("Action", "Adventure", "Comedy", "Crime", "Musical", "Western"))
    assert reason_for(2, set(), runtime(crowded), "en", genres=["Western", "Musical"]) == "Musical, Western, Action"
    # a genre the film lacks is not claimed
    assert reason_for(1, set(), runtime(film), "en", genres=["Horror"]) == "Drama, Romance, War"


def test_a_liked_film_is_cited_only_when_it_shares_a_genre_with_the_pick() -> None:
    import numpy as np

    # In the browser: "Porky's (1982) — Because you liked Solaris (2002)": the embeddings were close
    # enough, the films have nothing in common.
    comedy = Item(1, "Campus Romp", 1982, ("Comedy",))
    space = Item(2, "Slow Space", 2002, ("Drama", "Romance", "Sci-Fi"))
    ghosts = Item(3, "Ghost Crew", 1984, ("Comedy", "Sci-Fi"))
    same = np.ones(4, dtype=np.float32) / 2.0  # cosine 1 between every pair
    rt = runtime(comedy, space, ghosts)
    rt.context.deps.item_vector = lambda item_id: same
    assert "because you liked" not in reason_for(1, {2}, rt, "en").lower()
    assert reason_for(3, {2}, rt, "en").startswith("Because you liked Slow Space (2002)")


def test_a_film_with_nothing_to_say_gets_a_reason_of_its_own() -> None:
    # In the browser: "Lemonade (2016) —" with nothing after the dash (no genres listed, two ratings)
    bare = Item(5, "Quiet Documentary", 2016, (), popularity=2)
    assert reason_for(5, set(), runtime(bare), "en") == "A little-known film, few ratings yet"
    rated = Item(6, "Known Film", 2016, (), popularity=40)
    assert "little-known" not in reason_for(6, set(), runtime(rated), "en")
