"""Whether a title the resolver finds typed exactly stands as a title where it is typed.

Many titles are ordinary words ("Up", "Her", "Heat", "anything else"): ``accept`` reads the words
around a match (capitals, the cue before it, the verdict after it, the films just listed) to tell a
film from a word; ``coordinated`` takes a capitalised title joined to one already accepted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chat_rec.understanding import clauses, lexicon
from chat_rec.understanding.title_context import at_start
from chat_rec.understanding.title_cues import (
    _CLOSED_CLASS,
    _ENDS_ALONE,
    _FILM_NOUNS,
    _FILM_PARTS,
    _JOINERS,
    _LINKING_CUES,
    _MAKER_NOUNS,
    _ONE_BY,
    _PERSON_PREDICATE,
    _PHRASE_ENDERS,
    _PRONOUN_I,
    _QUOTES,
    _SLOT_BEFORE,
    _STRONG_CUES,
    _SUBJECT_VERBS,
    _TOPIC_CUES,
    _VERB_AFTER,
    _YEAR_WORDS,
    _is_weak,
    judges_its_subject,
    kind_after,
)
from chat_rec.understanding.title_keys import (
    _MINOR,
    _NOUNS_AFTER,
    _YEAR,
    DOTTED_ACRONYM,
    _inflected,
    _stop,
    _Token,
)
from chat_rec.understanding.title_slots import (
    _COMMANDS,
    _DEGREE,
    _DETERMINERS,
    _FAVOURITE,
    _GREETINGS,
    _ONE_WITH,
    _PHRASE_OPENERS,
    _PLACE_LEADS,
    _PLACE_PREPOSITIONS,
    _PREPOSITIONS,
    _PUT_ON,
    _SPANISH_OR,
    _TITLE_POINTERS,
    _TOPIC_LEADS,
    _VERB_OBJECTS,
    _YEAR_IN_BRACKETS,
    _after_capital_article,
    _capitalised_with_minor_inside,
    _coined_in_a_slot,
    _english_after,
    _listed_word,
    _name_follows,
    _noun_goes_on,
    _opens_a_verdict,
    _ordinary,
    _plain_known_title,
    _set_apart,
    _told_by_maker,
    _version_follows,
)
from chat_rec.understanding.word_forms import correct_typo

if TYPE_CHECKING:
    from chat_rec.understanding.resolver import TitleResolver


_SOMETHING = frozenset("something anything someone somebody nothing everything stuff algo".split())
"""Indefinite pronouns that adjectives follow ("something odd or brave")."""


_SPOKEN_NOISE = clauses.INTERJECTIONS | frozenset("lol lmao lmfao rofl haha hehe".split())
"""Interjections and laughs typed in chat: one that is a film's whole title names it only typed in capitals."""


def accept(resolver: TitleResolver, text: str, tokens: list[_Token], i: int, n: int, key: str,
           prefer: set[int], spanish: bool = False) -> bool:
    """Reject ordinary words that happen to be titles ("up", "her", "anything else").

    Whether the exact match of ``key`` over ``n`` tokens from ``i`` names a film of ``resolver``'s
    catalog. ``spanish``: the text reads as Spanish ("a" before a title is then a preposition, and a
    title may capitalise its first word only).
    """
    first = tokens[i]
    if key in resolver._dotted_heads:  # "I love E.T.": the acronym that opens one well-known title, with its dots
        before = tokens[i - 1].key if i > 0 else ""  # ("the movie 'Us'" is no U.S., nor "moved to the U.S.")
        return n == 1 and DOTTED_ACRONYM.fullmatch(first.raw) is not None and before not in _PLACE_LEADS
    quoted = first.start > 0 and text[first.start - 1] in _QUOTES
    if quoted:
        return True
    if n == 1 and key in _COMMANDS and i > 0 and i + 1 == len(tokens) and at_start(text, i, first) \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "… hate romcoms. Go.": the go-ahead closing a message, not the film *Go*
    if n == 1 and _opens_a_verdict(tokens, i, key) and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "Once was plenty", "Up there with the best": the word opens a verdict phrase, no film
    if n == 1 and key in _SPOKEN_NOISE and not first.raw.isupper():
        return False  # "how do you choose these lol": a laugh, not the film *LOL* (typed "LOL", it may be)
    if key in resolver._capitals_only and not _coined_in_a_slot(resolver, text, tokens, i, n, key, spanish) \
            and not all(t.raw[:1].isupper() or t.key in _MINOR and 0 < j < n - 1 or t.raw.isdigit()
                        or t.key == "part" and j == n - 2 for j, t in enumerate(tokens[i:i + n])):
        return False  # "a fury road trip": the subtitle names the film only capitalised ("Return of the Tide")
    if i > 1 and tokens[i - 1].key in _PLACE_PREPOSITIONS and tokens[i - 2].key not in _TITLE_POINTERS \
            and key in resolver._index and not resolver._known_film(key, whole_title=True) \
            and not (tokens[i - 2].key in {"apart", "aside"} and any(c in prefer for _, c in resolver._index[key])) \
            and not _capitalised_with_minor_inside(tokens, i, n):
        return False  # "is it raining in London", "a trip to Paris": a place, not a little-known film
    prev = correct_typo(tokens[i - 1].key, spanish) if i > 0 else ""  # "i liek the dark knight": the cue misspelt
    nxt = tokens[i + n].key if i + n < len(tokens) else ""
    if n > 1 and prev in _PHRASE_OPENERS and not any(t.raw[:1].isupper() for t in tokens[i:i + n]) \
            and _ordinary(key) and not resolver._known_film(key):
        return False  # "no happy accidents, please": ordinary words, a little-known film's title
    if n > 1 and first.key in {"the", "a", "an"} and not any(t.raw[:1].isupper() for t in tokens[i:i + n]) and prev \
            and prev not in lexicon.FILM_CUES | _STRONG_CUES \
            and not any(c in prefer for _, c in resolver._index.get(key, [])) \
            and all(lexicon.is_known_word(t.key) or t.key in _MINOR for t in tokens[i:i + n]) \
            and not resolver._known_film(key) and not (at_start(text, i, first) and nxt in _VERB_AFTER) \
            and not " ".join(t.key for t in tokens[max(0, i - 2):i]).endswith(_SLOT_BEFORE + _PUT_ON):
        return False  # "guess the killer", "catch the bus": "the" and ordinary lowercase words after a verb of
        # their own name a thing, not a little-known film
    if kind_after([t.key for t in tokens[i + n:i + n + 3]]) and (first.raw[:1].isupper() or not _is_weak(key)) \
            and resolver._known_film(key, whole_title=True):
        return True  # "a Jaws type film", "some Rear Window-esque mysteries": a known film made a kind
    if first.raw[:1].isupper() and nxt == "of" and i + n + 1 < len(tokens) \
            and tokens[i + n + 1].raw[:1].isupper() and not _PRONOUN_I.match(tokens[i + n + 1].raw):
        return False  # "The Zone of Interest": the words begin a longer title the catalog does not hold
    if n > 1 and tokens[i + n - 1].key in _FILM_NOUNS and not any(t.raw[:1].isupper() for t in tokens[i:i + n]) \
            and not (first.key == "the" and prev in _STRONG_CUES and resolver._known_film(key)):
        return False  # "my favourite scary movie": a kind of film, not *Scary Movie* ("loved the lego movie" is one)
    if len(key) <= 2 and not first.raw[:1].isupper():
        # "Heat, o La gran evasión": a lowercase letter is a word ("o", "y"), not "O" or "M"
        return n == 1 and any(c in prefer for _, c in resolver._index.get(key, [])) and \
            _listed_word(resolver, text, tokens, i, prev, nxt, prefer)
    if n == 1 and _YEAR.match(key) and re.search(r"\(\s*$", text[:first.start]) \
            and re.match(r"\s*\)", text[first.end:]):
        return False  # "Red Dawn (1984) is class": a year in brackets after a title is its year, not *1984*
    if n == 1 and (_YEAR.match(key) or re.fullmatch(r"\d\d", key)) and prev in _YEAR_WORDS:
        return False  # "nothing older than 2012", "la del 31": a year, not the film "2012" or "31"
    if prev in {"a", "an", "un", "una", "another", "otra", "otro"} and not first.raw[:1].isupper():
        return False  # "what a disaster movie": a common noun phrase, not the film
    if n == 1 and not first.raw[:1].isupper() and nxt in _VERB_OBJECTS and prev not in lexicon.FILM_CUES \
            and prev not in _STRONG_CUES and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "sports dramas always hook me", "war films crush me": a lowercase verb with its object
    if n == 1 and not spanish and at_start(text, i, first) and nxt in {"me", "us"} and lexicon.is_known_word(key) \
            and _english_after(tokens, i + 2) and prev not in lexicon.FILM_CUES \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "Help me out before I give up", "Surprise us": an imperative opening a sentence, its
        # object after it (Spanish "me" is a clitic: "Amélie me dejó fría" judges the film)
    if n == 1 and not first.raw[:1].isupper() and prev in {"or", "and", "y", "o"} and i >= 3 \
            and tokens[i - 2].raw.islower() and tokens[i - 3].key in _TOPIC_LEADS \
            and lexicon.is_known_word(key) and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "a fantasy film with dragons or wizards": topics listed, not the film *Wizards*
    before2 = tokens[i - 2].key if i > 1 else ""
    if n == 1 and prev in {"with", "starring", "featuring", "con"} and before2 in _ONE_WITH \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "the one with keanu", "the movie with Cage": who is in it, not the film *Keanu*
    about = [t.key for t in tokens[max(0, i - 3):i] if t.key not in {"the", "a", "an", "la", "el", "los", "las"}][-2:]
    if prefer and len(about) == 2 and about[1] in {"about", "sobre"} and about[0] in _ONE_WITH \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "the one about the prison break" with films listed: what a listed one is about
    if n <= 2 and prev in {"de", "by", "from"} and (before2 in _MAKER_NOUNS or lexicon.genre_word(before2) or (
            n == 1 and before2 in _ONE_BY and not any(c in prefer for _, c in resolver._index.get(key, [])))):
        return False  # "las de Hitchcock", "suspense de Hitchcock", "la de Chaplin": a maker, not a title
    if prev == "the" and nxt in {"one", "version"} and not any(c in prefer for _, c in resolver._index.get(key, [])) \
            and i > 1 and re.search(r"(?:[,(]|\s-{1,2}|[—–])\s*$", text[:tokens[i - 1].start]):
        return False  # "Psycho, the Hitchcock one": a maker telling a version apart, not the film *Hitchcock*
    if n > 1 and first.key in _GREETINGS and at_start(text, i, first) and not all(
            t.raw[:1].isupper() for t in tokens[i + 1:i + n] if t.key not in _MINOR):
        return False  # "Hello again. We watched …": a greeting opening the message, not the film *Hello Again*
    if n > 1 and prev in {"about", "sobre"} and i > 1 and tokens[i - 2].key not in {"what", "how", "and"} \
            and all(t.raw.islower() and lexicon.is_known_word(t.key) for t in tokens[i:i + n] if t.key not in _MINOR) \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "a story about ordinary people": a lowercase topic after a noun's "about" ("what about …" asks)
    if n > 1 and prev in _PREPOSITIONS and _noun_goes_on(tokens, i, n, nxt, text) \
            and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "a cosy film during the holiday break": a lowercase article and noun a noun goes on from
    if not _is_weak(key):
        if n > 1 or any(c in prefer for _, c in resolver._index.get(key, [])):
            return True
        slot_a = " ".join(t.key for t in tokens[max(0, i - 2):i]).endswith(_SLOT_BEFORE) or (
            i > 1 and tokens[i - 2].key in _SPANISH_OR)  # "parecidas a Fargo o a Goodfellas"
        if (prev == "an" or prev == "a" and not (spanish or slot_a)) or nxt in _NOUNS_AFTER:
            return False  # "a Titanic effort"; Spanish "parecido a Tiburón" is a preposition, whatever
            # language a message too short to tell is read as ("pelis parecidas a Fargo")
        if first.raw[:1].isupper() and not first.raw.isupper():
            if _name_follows(text, tokens, i, n):
                return False  # "Kill Bill", "Tom Hanks": part of a longer capitalised name
            unusual = len(lexicon.known_words()) > 5000 and not lexicon.is_known_word(key)
            # "Braveheart", "Gattaca": no ordinary word, nor one's plural or verb form
            after = text[tokens[i + n - 1].end:]
            alone = at_start(text, i, first) and (re.match(r"\s*[,=:]", after) or _ENDS_ALONE.match(after))
            known_film = resolver._known_film(key)
            return not at_start(text, i, first) or prev in lexicon.FILM_CUES \
                or nxt in _VERB_AFTER | _SUBJECT_VERBS or nxt == "no" or bool(_YEAR.match(nxt)) or unusual \
                or (judges_its_subject(nxt, after) and key not in _CLOSED_CLASS | lexicon.EN_STOPWORDS
                    and resolver._known_film(key, whole_title=True)) \
                or bool(alone and known_film)
        if first.raw.isupper() and len(first.raw) > 3 and at_start(text, i, first) and re.match(
                r"\s*(?:[?!.…,:;<>]|$)", text[tokens[i + n - 1].end:]) and resolver._known_film(key):
            return True  # "CASABLANCA!!! the best": a known film shouted on its own
        between = text[first.end:tokens[i + n].start] if i + n < len(tokens) else ""
        if _after_capital_article(text, tokens, i) and (not nxt or nxt in _stop() or nxt in _VERB_AFTER
                                                        or re.search(r"[,;:.!?]", between)):
            return True  # "me encantó El orfanto": a capitalised article mid-sentence opens a title
        ends = bool(re.search(r"[,;:.!?]", between)) and prev in lexicon.FILM_CUES - _LINKING_CUES
        judged = prev in lexicon.FILM_CUES - _LINKING_CUES and bool(
            lexicon.POSITIVE.fullmatch(nxt) or lexicon.NEGATIVE.fullmatch(nxt))  # "found fargo boring"
        if nxt and nxt not in _stop() and nxt not in lexicon.TIME_AFTER | _VERB_AFTER and not ends and not judged:
            return False  # "gene hackman", "dinosaur park": part of a longer name ("adoro gattaca, ponme…" ends it)
        before = " ".join(t.key for t in tokens[max(0, i - 2):i])
        coined = not spanish and len(key) >= 5 and len(lexicon.known_words()) > 5000 \
            and not lexicon.is_known_word(key) and not _inflected(key)  # "a movie watcher": of "watch"
        # "my fave is probably shrek": a lowercase word no English dictionary holds (nor as a plural
        # or verb form: "what about robots?"), ending its phrase, is the title (Spanish words are
        # not in that dictionary, so only in English)
        if prev in _FAVOURITE and lexicon.is_known_word(key):
            return False  # "my favourite singer": the word "favourite" qualifies a noun, not a film after it
        if prev in _LINKING_CUES and (lexicon.POSITIVE.fullmatch(key) or lexicon.NEGATIVE.fullmatch(key)):
            return False  # "gladiator is epic": a verdict word after "is", not the film *Epic*
        if prev in _TOPIC_CUES and lexicon.is_known_word(key):
            return False  # "what about robots?", "a film about ghosts": a topic, not the film
        if prev.endswith("ed") and i >= 2 and tokens[i - 2].key in _DETERMINERS and lexicon.is_known_word(key):
            return False  # "on a rented tape": the cue is a participle of the noun after it, no verb before a film
        if prev in {"and", "or"} and (_DEGREE & {t.key for t in tokens[max(0, i - 4):i - 2]} or i >= 3 and tokens[
                i - 3].key in _SOMETHING and tokens[i - 2].raw.islower()) and lexicon.is_known_word(key):
            return False  # "far too loud and frantic", "something odd or brave": adjectives joined, no film
        alone = at_start(text, i, first) and _ENDS_ALONE.match(text[tokens[i + n - 1].end:])
        if alone and resolver._known_film(key):
            return True  # "titanic? too cheesy": a known film standing alone as its own sentence
        denied = nxt == "no" and i + n + 1 < len(tokens) and tokens[i + n + 1].key in _VERB_AFTER \
            and at_start(text, i, first)  # "gladiador no me gustó": the film, then its verdict
        return prev in lexicon.FILM_CUES or before.endswith(_SLOT_BEFORE) or nxt in _VERB_AFTER or coined or denied
    if n == 1 and key in lexicon.NAMED_DAYS and not any(c in prefer for _, c in resolver._index.get(key, [])):
        return False  # "on Halloween" is a day, unless the film was just listed
    content = [t for t in tokens[i:i + n] if t.key not in _MINOR] or [first]
    capitalised = all(t.raw[:1].isupper() for t in content)
    if not capitalised and spanish and first.raw[:1].isupper() and nxt in _VERB_AFTER:
        return True  # Spanish capitalises a title's first word only: "Los otros me encantó"
    if not capitalised or all(t.raw.isupper() and len(t.raw) > 1 for t in content):
        # "loved the green mile": a lowercase multi-word title right after a film verb
        before = " ".join(t.key for t in tokens[max(0, i - 2):i])
        between = text[tokens[i + n - 1].end:tokens[i + n].start] if i + n < len(tokens) else "."
        listed = any(c in prefer for _, c in resolver._index.get(key, []))
        comma = "," in between or (listed and bool(re.search(r"[.!?;:…]", between)))  # "DIE HARD!!! the rest nah"
        subject = (at_start(text, i, first) and (nxt in _VERB_AFTER | _SUBJECT_VERBS | {"no"} or comma)
                   ) or nxt in {"is", "was", "es", "fue"}
        if len(content) >= 3 and listed:
            return True  # "no country and there will be blood": a listed title typed out in full
        if len(content) == 1 and listed and _listed_word(resolver, text, tokens, i, prev, nxt, prefer, n):
            return True  # "heat was decent", "the thing was"; elsewhere as if not listed ("saw heat as a kid")
        if n == 2 and first.key == "the" and content[0].key not in _FILM_PARTS and resolver._known_film(key) \
                and i > 0 and tokens[i - 1].raw.endswith(("'s", "’s")) \
                and tokens[i - 1].raw[:-2].lower() not in lexicon.common_words():
            return True  # "hitchcock's the birds": a film credited to its maker ("that's the thing" is none)
        slot = prev in _STRONG_CUES or before.endswith(_SLOT_BEFORE) or subject
        person = bool(_PERSON_PREDICATE.match(text[tokens[i + n - 1].end:]))  # "the rock is such a funny guy"
        opens = at_start(text, i, first) and (nxt in _VERB_AFTER | _SUBJECT_VERBS or comma)
        cued = prev in _STRONG_CUES or before.endswith(_SLOT_BEFORE) or (opens if n == 1 else subject)
        ends = i + n == len(tokens) or bool(re.match(r"\s*[,;:.!?…)]", between)) or (
            nxt in lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS | lexicon.TIME_AFTER | _VERB_AFTER
            | _SUBJECT_VERBS | _JOINERS | _PHRASE_ENDERS and nxt not in _FILM_NOUNS)
        if len(content) == 2 and listed and (_set_apart(prev, before)
                                             or ends and _listed_word(resolver, text, tokens, i, prev, nxt, prefer, n)):
            return True  # "all of them except sixth sense are bad": a listed title of two words typed in full, set
            # apart from the list or where a listed one-word title stands ("sixth sense was great")
        if len(content) == 1 and cued and not person and ends and _plain_known_title(resolver, key, content[0].key):
            # "watched heat last night", "never liked the graduate", "arrival was beautiful": a
            # well-known film's whole title, in a film's slot, ending its phrase ("i love speed
            # boats" goes on, and "the rock" of The Rock's variants is no title typed in full)
            return True
        if n >= 3 and len(content) < 2 and prev in _STRONG_CUES and ends:
            return True  # "loved la la land": a title of three words or more, mostly minor ones, right after a
            # verb of liking and ending its phrase
        # "loved the green mile": ordinary words too, ending their phrase ("my son likes big fish tanks"),
        # one of them no function word or pronoun ("anything else is fine" names no film)
        return n > 1 and len(content) >= 2 and slot and ends and any(
            t.key not in lexicon.EN_STOPWORDS and t.key not in _CLOSED_CLASS for t in content)
    if any(c in prefer for _, c in resolver._index.get(key, [])):
        return True
    starts = at_start(text, i, first)
    if prev in {"a", "an", "on", "this", "last", "next", "every", "some"} and not _capitalised_with_minor_inside(
            tokens, i, n):
        return False  # ("decided on Edge of Tomorrow": a title's shape after "on")
    if n == 1 and starts and (_ENDS_ALONE.match(text[first.end:]) or _YEAR_IN_BRACKETS.match(text, first.end)) \
            and key not in _CLOSED_CLASS and resolver._known_film(key, whole_title=True):
        return True  # "Heat. More like that", "Speed!!", "Heat (1995) was great": a known film standing alone
    if n == 1 and starts and (key not in _CLOSED_CLASS or _told_by_maker(text, first.end)) \
            and _version_follows(resolver, text, first.end, key):  # "Her, the Spike Jonze one": a pronoun title too
        return True  # "Heat, the 1995 one, is a favourite": the film of that year
    if n == 1 and _name_follows(text, tokens, i, n):
        return False  # "Paul Rudd", "Frank Sinatra": a first name, not the film Paul
    if n == 1 and key in _CLOSED_CLASS and not resolver._known_film(key, whole_title=True):
        return prev in lexicon.FILM_CUES  # "… but They dragged it out", "They always ask for more": a pronoun only a
        # little-known film has for its title names it only where a film verb takes it ("we saw They")
    if n == 1:
        return not starts or prev in lexicon.FILM_CUES or (
            (nxt in _VERB_AFTER or judges_its_subject(nxt, text[first.end:])
             and resolver._known_film(key, whole_title=True))
            and key not in lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS)
    return True


def coordinated(resolver: TitleResolver, text: str, tokens: list[_Token], doubtful: list[tuple[int, int, str]],
                found: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
    """A capitalised one-word title joined by "and"/"or"/"y"/"," to an accepted title is a
    title too ("Moon and Gattaca are favourites", "Heat, Ronin y Collateral").
    """
    starts = {i for i, _, _, _ in found}
    ends = {i + n - 1 for i, n, _, _ in found}
    joiners = {"and", "or", "y", "o", "nor", "ni", "e"}
    out: list[tuple[int, int, int, float]] = []
    for i, n, key in doubtful:
        if n == 1 and key in lexicon.EN_STOPWORDS or key in lexicon.ES_STOPWORDS or key in lexicon.NAMED_DAYS:
            continue
        after = i + n < len(tokens) and tokens[i + n].key in joiners and i + n + 1 in starts
        comma = i + n in starts and "," in text[tokens[i + n - 1].end:tokens[i + n].start]
        before = i >= 2 and tokens[i - 1].key in joiners and i - 2 in ends
        if after or before or comma:
            item_id = resolver._lookup(resolver._index, key, None, ())
            if item_id is not None:
                out.append((i, n, item_id, 100.0))
    return out
