"""The intro gate releases whole checked sentences as the model's pieces arrive."""

from __future__ import annotations

import io
from types import SimpleNamespace

from chat_rec.conversation.intro import IntroGate, echoes_message, sentence_problem, stream_intro
from chat_rec.results import RecommendedItem, TurnEvent, TurnResult
from chat_rec.understanding.resolver import Mention


class FakeResolver:
    def __init__(self, *titles: str) -> None:
        self.titles = titles

    def find_in_text(self, text: str) -> list[Mention]:
        found = [(text.lower().find(t.lower()), t) for t in self.titles]
        return [Mention(0, at, at + len(t), text[at:at + len(t)], 100.0) for at, t in found if at >= 0]


def deps(*titles: str) -> SimpleNamespace:
    return SimpleNamespace(resolver=FakeResolver(*titles))


def pieces(text: str) -> list[str]:
    """Split like a tokenizer would: word pieces with their spaces, some words cut in two."""
    out: list[str] = []
    for word in text.split(" "):
        out += [word[:3], word[3:] + " "] if len(word) > 5 else [word + " "]
    return out


def test_sentences_are_released_only_when_complete() -> None:
    gate = IntroGate(deps(), [])
    released = [gate.feed(p) for p in pieces("These picks are bright and warm. More fun follows here.")]
    first_at = next(n for n, r in enumerate(released) if r)
    assert released[first_at] == ["These picks are bright and warm."]
    assert not any(released[:first_at]), "a word was released before its sentence ended"
    assert [s for r in released[first_at + 1:] for s in r] + gate.finish() == ["More fun follows here."]


def test_third_person_outside_movies_and_echoes_are_dropped() -> None:
    message = "I want a funny movie for a rainy night"
    gate = IntroGate(deps("heat"), ["Toy Story (1995)"], message)
    text = ("The person is looking for something light. The user wants laughs tonight. "
            "She will enjoy these a lot. Heat is a great choice for you. Toy Story (1995) fits too. "
            "A funny movie for a rainy night is here. Here are some cheerful picks for you.")
    shown = [s for p in pieces(text) for s in gate.feed(p)] + gate.finish()
    assert shown == ["Here are some cheerful picks for you."]
    reasons = [problem for _, problem in gate.dropped]
    assert reasons.count("third person") == 3 and "names a movie" in reasons and "echoes the message" in reasons


def test_spanish_third_person_is_dropped() -> None:
    assert sentence_problem("El usuario busca algo divertido hoy.", deps(), []) == "third person"
    assert sentence_problem("Estas películas te van a encantar.", deps(), []) == ""


def test_they_about_the_picks_is_fine() -> None:
    assert sentence_problem("They are all warm and funny picks.", deps(), []) == ""


def test_echo_needs_a_run_of_words() -> None:
    assert echoes_message("You asked for funny movie for a night out.", "a funny movie for a night")
    assert not echoes_message("Funny picks for your night.", "a funny movie for a night")


def test_stream_stops_after_two_sentences_and_closes_the_model_stream() -> None:
    closed: list[bool] = []

    def model():
        try:
            yield from pieces("One fine pick here. Two fine picks here. Three fine picks here. Four more.")
        finally:
            closed.append(True)

    shown: list[str] = []
    call = stream_intro(model(), IntroGate(deps(), []), shown.append)
    assert shown == ["One fine pick here.", "Two fine picks here."]
    assert closed == [True] and call["shown"] == 2 and call["first_token_ms"] is not None


def test_run_on_text_without_an_end_is_never_shown() -> None:
    gate = IntroGate(deps(), [])
    shown = [s for p in pieces("and so on " * 60) for s in gate.feed(p)] + gate.finish()
    assert shown == [] and [problem for _, problem in gate.dropped] == ["run-on"]
    assert gate.feed(" And the end. A fine pick for tonight. ") == ["A fine pick for tonight."]


def test_cli_prints_picks_before_the_intro() -> None:
    from chat_rec.cli import print_turn

    item = RecommendedItem(1, "Heat", 1995, ("Crime",), "", 0.0)
    picks = TurnResult("1. Heat (1995)", "recommend", items=(item,))
    out = io.StringIO()
    print_turn([TurnEvent("picks", "1. Heat (1995)", picks), TurnEvent("intro", "A tense one."),
                TurnEvent("done", "", picks)], out)
    text = out.getvalue()
    assert text.index("Heat (1995)") < text.index("A tense one.")


def test_a_sentence_naming_an_excluded_genre_is_dropped() -> None:
    # The CPU model once wrote "You also like Sci-Fi, IMAX, and Horror." to someone who said "no horror".
    gate = IntroGate(deps(), [], "", avoid=["Horror"])
    text = "You also like thoughtful stories and horror. These picks are calm and clever. "
    assert [s for p in pieces(text) for s in gate.feed(p)] + gate.finish() == ["These picks are calm and clever."]
    assert gate.dropped[0][1] == "names a genre the person excluded"
    spanish = IntroGate(deps(), [], "", avoid=["Horror"])
    assert spanish.feed("Te gustan las de terror. ") == []


def test_an_excluded_genre_may_be_named_as_left_out() -> None:
    from chat_rec.conversation.intro import without_negated

    gate = IntroGate(deps(), [], "", avoid=["Horror"])
    shown = gate.feed("Slow thrillers, with no horror at all. Cosy mysteries, sin nada de terror. ")
    assert shown == ["Slow thrillers, with no horror at all.", "Cosy mysteries, sin nada de terror."]
    offered = IntroGate(deps(), [], "", avoid=["Horror"])
    assert offered.feed("Nothing but horror tonight. Thrillers without gore, and horror classics. ") == []
    assert [p for _, p in offered.dropped] == ["names a genre the person excluded"] * 2
    assert without_negated("Westerns, not a single horror film, but comedy") == "Westerns,  film, but comedy"


def test_a_genre_that_is_also_a_title_is_a_genre_in_the_intro() -> None:
    # the catalog holds "L'Avventura (Adventure, The)": the intro is asked to speak in genres
    films = deps("Adventure", "Heat")
    assert sentence_problem("Action, Sci-Fi and adventure for you.", films, []) == ""
    assert sentence_problem("Crime stories with the tension of Heat.", films, []) == "names a movie"


def test_a_genre_the_person_never_ruled_out_is_not_said_to_be_left_out() -> None:
    # The CPU model wrote "Crime y acción, nada de terror." to someone who never mentioned horror.
    gate = IntroGate(deps(), [], "", avoid=[])
    assert gate.feed("Crimen y acción, nada de terror. Thrillers with a twist. ") == ["Thrillers with a twist."]
    assert gate.dropped == [("Crimen y acción, nada de terror.", "rules out a genre the person did not")]
    # a genre they did rule out may still be named as left out
    ruled = IntroGate(deps(), [], "", avoid=["Horror"])
    assert ruled.feed("Crimen y acción, nada de terror. ") == ["Crimen y acción, nada de terror."]


def test_a_claim_about_every_pick_must_hold_for_every_pick() -> None:
    # The CPU model wrote "All from the genre you like." over picks one of which had no western.
    picks = [frozenset({"Western"}), frozenset({"Western", "Drama"}), frozenset({"Crime", "Drama"})]
    gate = IntroGate(deps(), [], "", pick_genres=picks, liked=["Western"])
    shown = gate.feed("All from the genre you like. Todas son westerns. Mostly westerns, with grit. ")
    assert shown == ["Mostly westerns, with grit."]
    assert [p for _, p in gate.dropped] == ["says every pick is of a genre some are not"] * 2
    # true of every pick: kept
    westerns = IntroGate(deps(), [], "", pick_genres=picks[:2], liked=["Western"])
    assert westerns.feed("All westerns, as you asked. ") == ["All westerns, as you asked."]
    # a claim naming no genre, with no taste word, is not checked
    calm = IntroGate(deps(), [], "", pick_genres=picks, liked=["Western"])
    assert calm.feed("All of them are worth a look. ") == ["All of them are worth a look."]


def test_a_sentence_that_repeats_itself_is_dropped() -> None:
    # In the browser the CPU model wrote "Sci-Fi action, action-packed, and action-packed."
    from chat_rec.conversation.intro import repeats_itself

    assert repeats_itself("Sci-Fi action, action-packed, and action-packed.")
    assert repeats_itself("Comedias ligeras, comedias de los ochenta.")
    assert not repeats_itself("Slow, atmospheric science fiction with room to think.")
    assert not repeats_itself("These are the ones, and they are good ones.")  # small words may repeat
    gate = IntroGate(deps(), [], "")
    assert gate.feed("Tense thrillers, tense and dark. Dark stories with a twist. ") == ["Dark stories with a twist."]
    assert gate.dropped == [("Tense thrillers, tense and dark.", "repeats itself")]
    assert not repeats_itself("Good films for tonight, and films you may not know.")


def test_an_empty_prompt_field_read_aloud_is_dropped() -> None:
    # the prompt fills "Likes" with "not said yet" and "Asked for" with "nothing specific" when the
    # person said nothing there; a sentence repeating them is the model reading its prompt
    assert sentence_problem("Adventure, drama and action, not said yet.", deps(), []) == "prompt echo"
    assert sentence_problem("Nothing specific, just some big adventures.", deps(), []) == "prompt echo"
    assert sentence_problem("Big adventures with a warm heart.", deps(), []) == ""


def test_the_intro_prompt_names_kinds_of_film_not_formats() -> None:
    from chat_rec.conversation.respond import _top_genres

    picks = [["Action", "IMAX"], ["Action", "Sci-Fi", "IMAX"], ["Drama", "IMAX"], ["(no genres listed)"]]
    assert _top_genres(picks) == ["Action", "Sci-Fi", "Drama"]


def test_a_sentence_offering_a_mood_the_person_avoids_is_dropped() -> None:
    # In the browser the CPU model wrote "Boring action and crime films." to "Heat was boring".
    gate = IntroGate(deps(), [], "", avoid_moods=["boring"])
    text = "Boring action and crime films. Stories that bore you to tears. Nothing boring here, all pace. "
    assert gate.feed(text) == ["Nothing boring here, all pace."]
    assert [p for _, p in gate.dropped] == ["names a mood the person avoids"] * 2
    # a mood of several words counts when all its words are offered, in any regular form
    slow = IntroGate(deps(), [], "", avoid_moods=["slow burn"])
    assert slow.feed("Slow-burning thrillers. Slow heists with heart. ") == ["Slow heists with heart."]
    # without an avoided mood the same words pass
    assert IntroGate(deps(), [], "").feed("Boring action and crime films. ") == ["Boring action and crime films."]


def test_a_sentence_denying_the_picks_a_quality_is_dropped() -> None:
    from chat_rec.conversation.intro import negates_a_quality

    # the CPU model followed "Boring action and crime films." with "No fun or excitement."
    assert negates_a_quality("No fun or excitement.")
    assert negates_a_quality("Nothing funny about these, sin nada bonito.")
    # negating what is not a quality, a comparative, an idiom of liking, or a scope cut by "but"
    for kept in ("Horror and thrillers, no laughs.", "Never a dull moment.", "Nothing better for a rainy night.",
                 "Nothing beats a heist done right.", "Nothing but fun tonight.", "Not too scary, never gory."):
        assert not negates_a_quality(kept), kept
    gate = IntroGate(deps(), [], "")
    assert gate.feed("Westerns with no good guys at all. Dusty trails and stubborn loners. ") == [
        "Dusty trails and stubborn loners."]
    assert gate.dropped[0][1] == "denies the picks a quality"


def test_the_intro_gate_is_given_the_moods_the_person_avoids(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the moods come from the request in force and from this message; a sentence offering one is not shown
    from chat_rec.conversation import respond

    monkeypatch.setattr(respond, "intro_messages", lambda *args: [])
    monkeypatch.setattr(respond, "stream_pieces", lambda llm, messages, cap: iter(
        pieces("Slow, brooding crime films. Tense, fast and never dull. ")))
    catalog = SimpleNamespace(get=lambda item_id: None)
    run_deps = SimpleNamespace(llm=object(), resolver=FakeResolver(), catalog=catalog)
    state = {"user_text": "Heat dragged, too slow", "chosen": [],
             "constraints": {"disliked_aspects": ["slow"]}, "signal": {"disliked_aspects": []}}
    shown: list[str] = []
    text, call = respond._model_intro(state, run_deps, ["Ronin (1998)"], "en", shown.append)  # type: ignore[arg-type]
    assert text == "Tense, fast and never dull." and shown == [text]
    assert call is not None and call["dropped"] == ["names a mood the person avoids"]


class _NearAspects:
    """Templated embeddings where "fear" and "dread" say "scary" in other words and "light" sits at .8 of "dark"."""

    AXES = {"scary": 0, "fear": 0, "dread": 0, "dark": 1}

    def embed(self, phrases):
        import numpy as np

        out = []
        for p in phrases:
            v = np.zeros(8, np.float32)
            if p in self.AXES:
                v[self.AXES[p]] = 1.0
            elif p == "light":
                v[1], v[7] = 0.8, 0.6  # cosine .8 to "dark": under the gate's floor
            else:
                v[2 + sum(map(ord, p)) % 5] = 1.0
            out.append(v)
        return np.stack(out)


def test_a_sentence_saying_an_avoided_mood_in_other_words_is_dropped() -> None:
    # In the browser: "something like that but less scary" got "Each one builds its fear slowly".
    gate = IntroGate(SimpleNamespace(resolver=FakeResolver(), aspects=_NearAspects()), [], "", avoid_moods=["scary"])
    text = "Each one builds its fear slowly. Mysteries that keep you guessing. No dread at all here. "
    assert gate.feed(text) == ["Mysteries that keep you guessing.", "No dread at all here."]
    assert [p for _, p in gate.dropped] == ["names a mood the person avoids"]
    dark = IntroGate(SimpleNamespace(resolver=FakeResolver(), aspects=_NearAspects()), [], "", avoid_moods=["dark"])
    assert dark.feed("Light and breezy comedies. ") == ["Light and breezy comedies."]  # an antonym near .8 passes
    # without an aspect index only the mood's own words count
    assert IntroGate(deps(), [], "", avoid_moods=["scary"]).feed("It builds its fear slowly. ") == [
        "It builds its fear slowly."]


def test_a_genre_offered_that_most_picks_are_not_and_nobody_asked_for_is_dropped() -> None:
    # The CPU model wrote "Romantic comedies for you." over comedies, one of five a romance, for
    # someone who asked for stoner comedies; and "The thrillers are the most exciting." over horror.
    comedies = [frozenset({"Comedy"}), frozenset({"Comedy", "Drama"}), frozenset({"Comedy"}),
                frozenset({"Comedy", "Romance"}), frozenset({"Comedy", "Crime"})]
    gate = IntroGate(deps(), [], "", pick_genres=comedies, liked=["Comedy"])
    assert gate.feed("Romantic comedies for you. Comedies with a laid-back streak. ") == [
        "Comedies with a laid-back streak."]
    assert [p for _, p in gate.dropped] == ["offers a genre most picks are not"]
    # a genre the person asked for may be named, though few picks carry it
    asked = IntroGate(deps(), [], "", pick_genres=comedies, liked=["Comedy", "Romance"])
    assert asked.feed("Romantic comedies for you. ") == ["Romantic comedies for you."]
    # a genre most picks carry may be offered unasked
    horror = [frozenset({"Horror", "Thriller"}), frozenset({"Horror"}), frozenset({"Thriller", "Crime"})]
    told = IntroGate(deps(), [], "", pick_genres=horror, liked=[])
    shown = told.feed("Thrillers to keep you up tonight. Westerns with a bite. ")
    assert shown == ["Thrillers to keep you up tonight."]
    assert [p for _, p in told.dropped] == ["offers a genre most picks are not"]


def test_a_sentence_ruling_out_what_the_person_never_did_is_dropped() -> None:
    # The CPU model copies its prompt example's "no laughs": "Funny comedies, no laughs." to someone
    # who asked for something funny.
    from chat_rec.conversation.intro import rules_out_unasked

    gate = IntroGate(deps(), [], "", avoid_moods=[])
    shown = gate.feed("Sharp comedies, no laughs. Light and quick, never dull. ")
    assert shown == ["Light and quick, never dull."]
    assert gate.dropped == [("Sharp comedies, no laughs.", "rules out what the person did not")]
    # what the person did rule out may be said to be left out, in its own words
    assert not rules_out_unasked("Tense mysteries with no gore at all.", ["gore"])
    assert rules_out_unasked("Tense mysteries with no gore at all.", [])
    assert not rules_out_unasked("Westerns without romance.", [])  # a genre: the genre rule's to judge
    assert not rules_out_unasked("Nothing better for a long night.", [])  # praise, not a denial
    assert not rules_out_unasked("Nothing beats these for a long night.", [])
    # the embedder's near word counts as the mood's own ("no bloodshed" to someone who said "less violent")
    assert not rules_out_unasked("Quiet dramas, no bloodshed.", ["violent"],
                                 near=lambda words, mood: "bloodshed" in words)


# - Found by reading fifteen first intros of the packaged model (twenty-ninth session): five were the
#   first example's second sentence with one word swapped ("Each one builds its fear slowly and keeps
#   you guessing." over crime thrillers, war films and stoner comedies). A sentence that repeats a
#   describing run of an example answer is dropped (``intro_claims.copies_example``); a run that only
#   names genres ("romantic comedies for you") is the shape the examples teach and stays.


def test_a_copied_description_of_an_example_is_dropped() -> None:
    from chat_rec.conversation.intro_claims import copies_example, example_runs

    runs = example_runs(["Sea stories, salt on every page. Each crew sails far and comes home changed.",
                         "Comedias de enredo para ti. Equívocos que se enredan hasta el final."])
    assert copies_example("Each crew sails far and comes home different.", runs)
    assert copies_example("Each one sails far and comes home changed, you'll see.", runs)
    assert copies_example("Dramas con equívocos que se enredan hasta el final.", runs)
    assert not copies_example("Sea stories for you.", runs)  # genres and film words only
    assert not copies_example("Comedias de enredo para ti.", runs)
    assert not copies_example("Long voyages, stubborn captains and storms.", runs)


def test_the_gate_reads_the_intro_prompts_own_examples() -> None:
    from chat_rec.conversation.intro import IntroGate, intro_examples
    from chat_rec.conversation.intro_claims import copies_example
    from chat_rec.llm.prompts import example_answers

    answers = example_answers("recommend")
    assert len(answers) >= 2 and all(answers)
    description = answers[0].split(". ")[-1]  # the first example's second sentence, as the small model copied it
    gate = IntroGate(None, [], "")  # type: ignore[arg-type]
    assert gate.examples == intro_examples() and copies_example(description, gate.examples)
