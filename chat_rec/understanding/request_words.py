"""What a message asks of the assistant, in words: new picks (``REQUEST``), a choice among the films on screen
(``CHOOSING``), small talk (``SMALL_TALK``), skipping an onboarding question (``SKIP_RE``), and what may be asked
after "so" (``SO_ASKS``). Split from ``lexicon`` (word lists of the films and genres themselves).
"""

from __future__ import annotations

import re

SO_ASKS = frozenset("a an something some anything maybe perhaps".split())
"""Words after which a "so" opens what is asked in consequence of the clause before ("… hates westerns so a
thriller then", "… so something light"); "not so much", "so good" go on."""

POLITE_ASK = re.compile(r"\btoo much to ask (?:for )?(?:a|an|some|one|something)\b"
                        r"|\b(?:would|is|will) it (?:be )?possible to (?:get|have|see|recommend|suggest|find)\b")
"""An ask put as a yes/no question about asking ("would it be too much to ask for a drama that…?", "is it
possible to get a western?"): a request whose kind is asked for, not a question about a film."""
_NOT_SAID_OF_ONE = "".join(rf"(?<!\b{w} )" for w in "that this those these the first second third fourth fifth last "
                           "middle".split())
"""Lookbehinds: "suggestion" after a determiner or a position names one already made ("that second
suggestion is spot on"), it asks for none."""
REQUEST = re.compile(
    r"\b(?:^more (?:\w+ ){0,4}(?:stuff|movies|films|ones|like (?:that|this|it))|^next$"
    r"|^any (?:\w+ ){0,3}(?:movies|films|flicks)\b"
    r"|^(?:hay|tienes|tenes|tendras) mas|recommend|suggest|" + _NOT_SAID_OF_ONE + r"suggestions?"
    r"|(?:give me|gimme)(?! (?:just )?(?:a|one|un|a little|a few|five|two|ten) (?:minute|minutes|min|mins|sec|secs"
    r"|moment|mo|tick|while|break|bit|second(?! (?:\w+ )?(?:movie|film|one|pick|option|list|round)))\b)"
    r"|show me|find me|get me|send me|"
    r"throw me|hit me with|point me|(?:i|we) could (?:go for|do with|use)|find (?:me |us )?(?:something|some"
    r"|a|an|anything|one)|any (?:more|others?|recs|recommendations|ideas)|any (?:\w+ )?(?:gems|picks|suggestions)"
    r"|need (?:a|some) (?:good )?(?:laugh|laughs|cry|pick me up|distraction|movie|film|comedy|thriller)"
    r"|(?:que|cual) (?:me|nos) (?:pongo|ponemos|veo|vemos|miro|miramos)(?! (?:primero|antes))"
    r"|any (?:good|great|decent)\b(?! *$)"
    r"|anything (?:else|similar|like|in the same|good|new|from|with|that)|something (?:like|else|"
    r"similar|from)|more like|more of (?:that|those|these|this|the same|it|them)|more (?:\w+ ){0,4}(?:please|pls|plz)"
    r"|entertain me|entretenme|(?:wouldnt|would not|dont|do not) mind (?:a|an|some|something|watching|seeing)"
    r"|no (?:quiero|queremos|busco|buscamos|me apetece|nos apetece|me apetecen) (?:\w+ ){1,4}sino"
    r" (?!(?:la|el|lo|las|los|esa|ese|esta|este|esas|esos|estas|estos|qqtitle)\b)"
    # "no quiero dramas sino comedias": the want turned from one kind to the other ("no quiero la primera
    # sino la tercera" picks from the list, asks for nothing new)
    r"|(?:cheer|perk|lift) (?:me|us) up|(?:scare|frighten|terrify|thrill|move|wow) (?:me|us)(?: (?:tonight|please|pls"
    r"|then|now|properly|a bit|good))?$|(?:help|let) (?:me|us) (?:unwind|relax|decompress|escape|forget)\b"
    r"|what (?:goes|would go|pairs) (?:well |nicely |best )?with (?:a |an |some |my |our )?(?!qqtitle)\w+"
    # "it's halloween, scare me", "help me unwind", "what goes well with pizza and a blanket": a film asked for
    # by what it should do or go with
    r"|make (?:me|us) (?:laugh|smile|cry)|hazme (?:reir|llorar)|animame"
    r"|(?:whats|what s|what is|what are) (?:trending|popular|hot|new out|out now|new ?ish|newer|more recent"
    r"|new (?:in|from|out|this|lately|these days|on))\b"  # "what's new-ish?", "what's new in horror": films asked for
    # (a bare "what's new?" may be a greeting)
    r"|(?:^|[.,?!] |\b(?:i|we|im|m|am|re|were|honestly|tbh|id|wed) )qqgood(?: qqmask)+ "
    r"(?:(?:give|giving|try|trying|watch|watching|see|seeing|check out|checking out) )?"
    r"(?:a|an|some|something|one|un|una|unas|algo|alguna|alguno)\b"  # "I wouldn't turn down a thriller",
    # "not averse to trying a western", "no me opongo a una de terror"
    r"|^(?:(?:just|please|so|ok|okay|go ahead and) )?put (?:one|something|a \w+|an \w+|some \w+) on\b"
    r"|somethin(?:g|)? (?:\w+ ){0,3}(?:please|pls|plz)\b"
    r"|thr(?:ow|ew|own|owing) (?:one|something|some|a|an)(?: \w+){0,2} (?:at me|my way|our way|at us)"
    r"|keep (?:going|it going|them coming|em coming)|recommend away"
    r"|(?:if|qqcond) (?:you|u)(?: ve| have|ve|d| had)? (?:got (?:a|one|any|some)|have (?:a|any|some) (?:good|decent"
    r"|great|nice))\b"
    r"|^(?:any )?(?:recs|recommendations|suggestions)$"
    r"|(?:que|cual) (?:mas|otra|otro) (?:tenes|tienes|tiene|tenemos|hay|me (?:pondrias|pondria|recomendas|recomiendas"
    r"|recomendarias|sugeris|sugieres|sugeririas))|(?:me|nos) pondrias|pondrias"
    r"|(?:more|others?|other ones|otras|otros|mas) (?:from|like|in|with|by|de|del|como|con) (?:that|the same|this|those"
    r"|these|esa|ese|esas|esos|la misma|el mismo|aquella|aquel)\b"
    r"|necesito|necesitamos|otra (?:tanda|ronda)|another (?:round|batch)|more options|mas opciones"
    r"|(?<!the )(?<!your )(?<!those )(?<!these )(?:any |some )?(?:other|different|new|another|alternative)"
    r" (?:options?|choices?|alternatives?|ideas|picks|suggestions|recs|recommendations)"
    r"|(?<!la )(?<!las )(?<!esa )(?<!esas )(?:otras?|alguna|algunas|nuevas?) (?:opcion|opciones|alternativas?|ideas?)"
    r"|(?:you|u|ya) (?:have|got) (?:any |some |more |other )?(?:recs|recommendations|suggestions|ideas|options|picks)"
    # "got other options?", "¿otra opción?", "you have recommendations?": more picks asked for (not "the other
    # options look dull", which judges the rest of the list)
    r"|(?:can|could|shall|should|lets|let s|maybe) (?:we |you |u )?(?:go|aim|try|swing) (?:a (?:bit|little|touch|tad) "
    r"|bit |little |touch |tad |much |way |even )?(?:(?!(?:lat|ov|und|aft|ev|nev|togeth|oth|whatev|rath|hom|p)er\b)"
    r"\w{2,}er|more \w+|less \w+)\b"  # "can we go lighter?", "maybe go a bit darker": the mood shifted, asked
    r"|(?:(?:can|could|shall|should|lets|let s|maybe) (?:we |you |u )?(?:go for|try|have|watch)"
    r"|(?:(?:can|could|shall|should|maybe) we|lets|let s) do) (?:something|anything"
    r"|one that|a \w+ one|an? (?:\w+ )?(?:movie|film|flick))\b"  # "can we go for something more upbeat next?"
    r"|(?:both|all three|the two|ambas cosas|ambas|ambos|las dos cosas|las dos|los dos) (?:in|en) (?:one|uno|una)\b"
    r"|(?:one|something|anything|una|uno|algo) (?:with|that (?:has|does|is|mixes)|con|que tenga) (?:both|ambas"
    r" cosas|las dos cosas)\b"  # "I love a good tearjerker and period dramas. Both in one?": one film of both asked
    r"|next (?:batch|round|set|few|picks|ones)|keep (?:them|em|those|the picks) coming|(?:se )?(?:me|nos) antoja\w*"
    r"|(?:la )?siguiente (?:tanda|ronda)"
    r"|me muero por|(?:im |i am )?dying to (?:watch|see)|tengo ganas de|i feel like (?:watching|seeing)|put on"
    r"|(?:me )?pones|ponme|surprise me|sorprendeme|try (?:again|something else)|(?:intenta|intentalo|prueba|proba)"
    r" (?:de nuevo|otra vez)|^(?:i )?want another|otra cosa|otra que|(?:got|have|tienes"
    r"|hay) (?:another|otra|otro)|otra (?:asi|igual|parecida)"
    r"|quiero (?:mas|otra)|mas (?:asi|como esa|como esta)|^(?:\w+ )?mas (?:como|parecid[ao]s? a) (?:la|el|las|los)\b"
    r"|more like (?:that|this)"
    r"|(?:whats|what is|what are) (?:a |an |some )?(?:good|great|nice|fun|decent)|what else|whats else"
    r"|got any|got anything|got more(?! than\b)|have any|anything else|what (?:would|do|can|should) you "
    r"(?:suggest|recommend|have)|what have you got|what do you have|what do you think(?! (?:of|about))"
    r"|what (?:should|can|could|do|shall) (?:i|we) (?:watch|stream|download|rent|put on|throw on|stick on|queue up)\b"
    # "long flight tomorrow, what should I download?", "what do I stream tonight": the verb of viewing asks
    r"|what (?:\w+ ){0,3}(?:movies|films|flicks|ones) (?:should|can|could"
    r"|might) (?:i|we|you|my|our)\b|(?:whats|what is|what) next\b"
    r"|^(?:any |some )?others? (?:\w+ ){0,3}(?:ones|movies|films|flicks)$"
    r"|(?:im|i m|i am|were|we re|we are|id be|i d be|i would be) (?:\w+ )?open to\b(?! (?:the idea|it|that)\b)"
    r"|(?:estoy|estamos|estaria|estariamos) (?:\w+ )?abiert[oa]s? a\b"  # "I'm open to animation or fantasy"
    r"|(?:im|i m|i am|were|we re|we are) (?:(?:pretty|really|very|quite|totally|easy) )?(?:easy|open|not fussy"
    r"|not picky|not bothered)(?! to\b)(?= *$| (?:on|about|otherwise|either|really|honestly|tbh|lol)\b)"
    r"|go wild|(?:its |it s )?(?:your|ur) (?:call|pick|choice)(?: (?:then|really|tbh|lol|mate|honestly|tonight))?$"
    r"|dealers choice|(?:its |it s )?up to (?:you|u)$"
    r"|(?:you|u) (?:choose|pick|decide)$|(?:you|u) know (?:\w+ )?what to do$"
    r"|(?:tu|usted) (?:eliges|elige|decides|decide)\b|elige tu|lo que (?:tu )?(?:quieras|veas|elijas)\b"
    # handing the choice over ("otherwise I'm open", "your call", "dealer's choice", "tú eliges")
    r"|(?:^|(?:im|i m|i am|were|we re|we are|feeling|feel) )in an? (?:\w+ ){1,4}mood\b"
    r"(?! (?:for|to|because|since|cause)\b)"
    # the mood one is in, said as what to watch in ("in a nostalgic mood tonight", "I'm in a silly sort of mood")
    r"|" + POLITE_ASK.pattern + r""  # "would it be too much to ask for a drama…?"
    r"|^(?:(?:ok|okay|yes|yeah|yep|so|and|then) )*(?:the )?same again\b|^(?:and |so |maybe )?one of each\b"
    r"|scratch(?:es)? (?:the|that|this|my|our|a) (?:same |similar |\w+ )?itch"
    # "same again", "one of each?", "what would scratch the same itch?": asks
    r"|(?:im|i m|i am|were|we re|we are) (?:(?!fed\b|not\b|never\b)\w+ )?(?:down|up) for (?:a|an|some|something"
    r"|anything|any)\b|(?<=\bnot )(?:down|up) for (?:a|an|some|something|anything|any)\b"
    # "I'm never not up for a western" (two negators cancel: ``conditions.negated_before``); "I'm not up for …"
    # turns it down
    r"|ideas|i want|we want|want something|want to watch"
    r"|(?:another|other|different) (?:genre|genres|kind of (?:movie|film)|type of (?:movie|film))"
    r"|(?:can|could) (?:you|u) do (?:one|a|an|some|something|two|three)\b"
    r"|(?:can|could|would) (?:you|u) (?:please )?(?:name|list|think of|come up with) (?:me |us )?(?:a|an|some|any|one"
    r"|two|three|a few|few|more|another|something|anything|\d+)\b"  # "can you name me a few war films"
    r"|(?:can|could|would) (?:you|u) (?:please )?help (?:me|us) (?:out\b|find|pick|choose|decide)"
    r"|(?:can|could|would) (?:you|u) (?:please )?help (?:me|us)(?: out)?$"
    r"|(?:do|would) (?:you|u) (?:happen to )?know (?:of )?(?:any|a few|some)\b(?! of\b)"  # "know of any heist films?"
    r"|(?:something|anything|more|others?|another) (?:of|in) (?:its|that|the same|this|their|his|her) (?:sort|kind"
    r"|vein|ilk|mould|mold|type)\b"
    r"|wanna (?:watch|see)|i need|we need|need something|looking for|look for|im after|were after"
    r"|i am after|in the mood for|(?:estoy|estamos|ando|andamos) (?:de humor|con ganas) (?:para|de)"
    r"|rather (?:see|watch|have)|like to (?:watch|see)|(?:watch|see) "
    r"(?:something|a|an|some)|can you find|could you find|help me (?:find|pick|choose)"
    r"|busco|buscando|(?<!la )(?<!lo )(?<!las )(?<!los )(?:quiero|queremos)(?! ver(?:la|lo|las|los)\b)"
    r"|recomienda\w*|recomenda(?:me|nos)|recomiendas|recomendarias|sugiere\w*"
    r"|sugeri(?:me|nos)|pasa(?:me|nos)(?:l[ao]s?)?"
    r"|(?:manda|tira|deci|di|busca|trae|consegui)(?:me|nos) (?:una|uno|un|unas|unos|algo|alguna|alguno|otra|otro"
    r"|dos|tres)\b"  # "mandame uno", "decime una comedia", "buscame algo" (tú and vos): send / tell / find me one
    r"|tienes algo|tienes alguna|algo (?:de|mas|como|parecido|similar|nuevo)|alguna (?:pelicula|"
    r"recomendacion|idea)|dame|muestrame|muestranos|mostrame|mostranos|ensename|ensenanos"
    r"|me apetece|lets (?:do(?! (?:that|this|it)\b)|watch|see|find|pick|try|go(?! with))"
    r"|how about|(?:id|i would|wed|we would) (?:much |rather )?prefer|prefiero (?:algo|una|uno|alguna|alguno)"
    r"|preferiria|veamos|pon(?:me)? (?:algo|una)|que (?:mas|otra|otras) (?:tienes|hay|me recomiendas|propones"
    r"|sugieres)"
    r"|que (?:propones|sugieres|me recomiendas|me sugieres|tienes)"
    r"|(?:alguna|alguno|algunas|algunos|algo|otra|otro|otras|otros|una|uno) (?:mas )?(?:parecid[oa]s?|similar(?:es)?)"
    r"|(?:tienes|tenes|tiene|hay|got|have you got|do you have) (?:otras|otros|algunas? mas|algunos? mas|others"
    r"|more(?! than\b))"
    r"|similar (?:ones|movies|films|stuff|titles|picks)|(?:any|some|more) (?:more )?similar"
    r"|(?<!la )(?<!el )(?<!las )(?<!los )(?:otra|otro|otras|otros)"
    r" (?:de (?!las? |los? |estas |esas |ellas )|del |como )"
    r"|another (?:one )?(?:by|from|like)|(?:lo que sea|cualquier cosa|cualquiera|whatever) (?:menos|excepto|salvo"
    r"|que no sea|mientras no|but|except|as long as|so long as)(?! (?:la|el|the) (?:primera|primero|segunda"
    r"|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto|ultima|ultimo|penultima|penultimo|first|second|third"
    r"|fourth|fifth|last)\b))\b"
)
"""Rule 13: the message asks for suggestions now ("¿otra de Hitchcock?", "lo que sea menos terror" too; not
"cualquiera menos la primera", which takes up the films on screen but one)."""

CHOOSING = re.compile(
    r"\b(?:ill go with|i ll go with|go with the|ill take|i ll take|(?:ill|i will|i ll|im going to"
    r"|voy a) (?:watch|ver)"
    r"|which (?:one )?(?:should|do) i"
    r" (?:watch|start)|watch first|me quedo con|lets go with|let s go with|vamos con"
    r"|(?:put on|play|stick on|queue up|pon|ponme|ponnos) (?:the|la|el|qqtitle)"
    r"|(?:i|we|they|he|she|kids|my kids|mis hijos) (?:want|wants|would like|d like|quiero|queremos|quieren)"
    r" (?:the|la|el) (?:\w+ ){0,3}(?:one|ones)|lets do (?:that|this|it)"
    r"|lets (?:do|watch|see|try|pick) (?:the (?:\w+ ){0,3}(?:one|ones)|qqtitle)\b"  # "let's do the space one tonight"
    r"|(?:(?:i|we) (?:\w+ )?(?:want|would like|d like|should like|wanna)|(?:id|wed) (?:\w+ )?like) (?:to )?"
    r"(?:see|watch|try) (?:the|qqtitle)"
    r"(?! (?:kind|sort|type|same|best|most|like|likes)\b)"
    r"|(?:which|cual|cuales) (?:one |of (?:these|those|them|the \w+) |de (?:las|los|estas|estos|esas|esos|ellas|ellos)"
    r" (?:\w+ )?)(?:would|should|do|me|nos|is|es))\b"
)
"""Accepting or choosing among listed movies is not a request for new ones."""

SMALL_TALK = re.compile(
    r"^(?:(?:haha\w*|hehe\w*|jaja\w*|lol|lmao|ha|oh|ah) )*"  # laughter first: "haha cool, thanks"
    r"(?:hi|hey|hello|hiya|yo|hola|buenas|good (?:morning|evening|afternoon)|thanks?|thank you"
    r"|thx|ty|gracias|muchas gracias|bye|goodbye|see you|adios|hasta luego|ok|okay|cool|great"
    r"|nice|how are you|hows it going|how s it going|que tal|como estas|que tal estas"
    r"|how (?:is|s|was) your (?:day|evening|night|week|weekend)|hows your (?:day|evening|night|week|weekend)"
    r"|como (?:va|te va|ha ido|fue) (?:tu|el) (?:dia|dia de hoy|tarde|noche|semana|finde)"
    r"|thats all|that s all|thats all for now|no thanks|nothing else)\b"
)
FAREWELL = re.compile(
    r"\b(?:thanks?|thank you|thx|ty|cheers|bye|goodbye|good night|goodnight|night night|see you|see ya"
    r"|cya|catch you later|talk later|take care|thats all|thats it|all set|gracias|adios|chao|chau"
    r"|hasta luego|hasta pronto|hasta manana|nos vemos|buenas noches|eso es todo|nada mas)\b"
)
"""Words that close a conversation or thank for it ("cheers, that's all", "gracias, hasta luego"), on
folded text: on a turn that asks for nothing and has no question, the reply says goodbye instead of
inviting the next request."""


def farewell(folded: str, question: bool) -> bool:
    """Whether a message that asks for nothing thanks or says goodbye (``folded``: ``fold`` of the text;
    ``question``: the text holds a "?", which a goodbye does not).
    """
    return not question and FAREWELL.search(folded) is not None


ABOUT_ME = re.compile(
    r"\bwhat (?:do|did|have|d) (?:you|u) (?:really |actually |already |even )?(?:know|remember|recall|got|saved|stored"
    r"|kept|learn(?:ed|t)?) (?:about|on|of|for) me\b|\bwhat do (?:you|u) remember\b"
    r"|\bwhat (?:have|did) (?:you|u) learn(?:ed|t)?\b"
    r"|\b(?:what|which (?:films?|movies?|genres?|ones?)) (?:have|did) i (?:liked?|loved?|disliked?|hated?|rated"
    r"|told you|tell you|said|say|turned down)\b"
    r"|\b(?:whats|what is|what s|show me|let me see|can i see|check) (?:in )?my (?:profile|taste profile|preferences"
    r"|likes|tastes?)\b"
    r"|\bque (?:sabes|recuerdas|tienes guardado|has aprendido) (?:de|sobre) mi\b"
    r"|\b(?:muestrame|ver|como va) mi perfil\b"
    r"|\bque (?:peliculas|pelis|generos)? ?(?:me han gustado|me ha gustado|te he dicho)\b")
"""Asking what the assistant remembers of the person ("what do you know about me?", "which films have I liked
so far?", "what's in my profile?", "¿qué sabes de mí?"): the reply says it, no picks."""

SKIP_RE = re.compile(
    r"^(?:skip(?: it| this| that)?|pass|next(?: question)?|no idea|not sure|dunno|idk|i dont know"
    r"|i don t know|dont know|no clue|whatever|anything|any|nothing|none|no preference"
    r"|doesnt matter|does not matter|i dont care|dont care|surprise me|no se|paso|siguiente"
    r"|me da igual|lo que sea|cualquiera|ni idea|no lo se|da igual|saltar|omitir)"
    r"(?: (?:really|honestly|please|pls|thanks|lol|sorry|man|por favor|gracias))*$"
)
"""Whole answers that skip an onboarding question."""
