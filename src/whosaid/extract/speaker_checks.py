"""Checks on a candidate speaker before it is resolved: is it the source at all, and can a label speak.

The parse hands over the subject of a cue; a passive's subject was acted on, not speaking, and a
headline's words before a colon often name nothing that can speak. These rules say which.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaid.extract.cues import headline_verb, load_lexicon
from whosaid.extract.speaker_names import speaker_tokens, surname_key
from whosaid.extract.speaker_words import first_name_gender, word_class
from whosaid.extract.speakers import PERSONAL_PRONOUNS, ArticlePeople

# Verbs whose subject is what seems, not someone speaking ("the plan appears to work").
RAISING_CUES = {"seem", "appear"}


def source_of(cue: Token, head: Token | None, comp: Token | None = None) -> Token | None:
    """The speaker noun a cue verb really has, given the subject the parse offers.

    A passive's subject is who was acted on ("Trump was pressed on …", "Asked about it, she …"):
    the speaker is the agent ("by X") or nobody; a raising verb's subject ("the plan seems to …")
    is nobody's statement either, unless it seems to say or think something ("he seemed to
    concede that …", ``comp`` a cue verb).
    """
    if cue.pos_ not in ("VERB", "AUX"):
        return head
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if by is not None:
        return by  # "Sanders was asked by host Bill Maher": whoever acts through a passive speaks
    if head is None:
        return None
    if cue.lemma_ in RAISING_CUES:
        return head if comp is not None and comp.lemma_ in load_lexicon().verbs else None
    bare_participle = (
        cue.tag_ == "VBN"
        and cue.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in cue.children)
    )
    if (head.dep_ == "nsubjpass" and head.head == cue) or bare_participle:
        return None
    return head


# Lexicon classes of words that can head a speaker label: titles, honorifics, bodies and documents.
LABEL_CLASSES = ("org", "source", "title", "honorific-m", "honorific-f")
SPEAKING_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def plausible_label(head: Token, people: ArticlePeople) -> bool:
    """Whether the words before a colon, headed by ``head``, name someone who can speak.

    "Sanders: …", "Philip Bump: …", "Poll: …", "HuffPo: …", "TAPPER: …" do; headline furniture
    ("Big Win For Bernie: …", "Monday's Morning Email: …", "Stealth Over Health: …") does not.
    The small model misses many names, so a lone capitalised word passes; a longer phrase needs
    something that marks a speaker: an entity, a first name, a title or a body, a brand spelling.
    """
    if head.ent_type_:
        return head.ent_type_ in SPEAKING_ENTITIES
    if head.is_upper and head.is_alpha and len(head) > 2:
        return True  # a transcript's speaker label
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    if (
        people.person_of(head) is not None
        or surname_key(head) in people.orgs
        or head.lower_ in PERSONAL_PRONOUNS
    ):
        return True
    start, end = speaker_tokens(head)
    label = [t for t in head.doc[start:end] if t.is_alpha]
    if len(label) == 1 and head.text[:1].isupper():
        return True
    return any(
        t.ent_type_ in SPEAKING_ENTITIES
        or word_class(t.text) in LABEL_CLASSES
        or first_name_gender(t.text) is not None
        or (t.text[:1].isupper() and any(c.isupper() for c in t.text[1:]) and not t.is_upper)
        for t in label
    )


def headline_verb_before(colon: Token, verbs: dict[str, float]) -> bool:
    """A capitalised speech verb in the words before a colon ("Carly Fiorina Endorses Ted Cruz: …"):
    the line is a headline sentence, not a `Speaker: content` label."""
    doc = colon.doc
    i = colon.i - 1
    while i > 0 and "\n" not in doc[i - 1].text and colon.i - i < 12:
        if headline_verb(doc[i].text, verbs):
            return True
        i -= 1
    return False
