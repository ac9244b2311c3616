"""The trained candidate filter: which (cue, content) pairs from the parse are attributions.

A logistic regression over sparse string features of the cue, its complement and its subject, and
where the cue stands among other cues (``learned_features.nesting_features``), trained on PolNeAR
train by ``scripts/train_extract.py`` and shipped as ``cue_model.json`` (feature
weights only, no corpus text). Scoring is a dictionary lookup per feature, so it costs little next
to the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import doc_text
from whosaid.extract.learned_features import nesting_features
from whosaid.extract.linear_model import LinearModel, ModelChoice, shipped_json

MODEL_FILE = "cue_model.json"


def _shipped_model() -> LinearModel | None:
    data = shipped_json(MODEL_FILE)
    return LinearModel.from_json(data) if data is not None else None


# Training scripts put candidate models here to pick a threshold.
CUE_MODEL: ModelChoice[LinearModel] = ModelChoice(_shipped_model)


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def _subject_kind(subject: Token | None) -> str:
    if subject is None:
        return "none"
    if subject.pos_ == "PRON":
        return f"pron:{subject.lower_}"
    if subject.ent_type_:
        return f"ent:{subject.ent_type_}"
    return f"{subject.pos_}:{subject.tag_}"


def candidate_features(cand: Candidate, doc: Doc, cue: Token, in_quote: bool, strength: float) -> list[str]:
    """Sparse features of one candidate; names are stable strings kept in the model file."""
    lemma = cue.lemma_.lower()
    form = cand.form
    comp = cand.comp
    first = doc.char_span(cand.content_start, cand.content_end, alignment_mode="expand")
    n_words = len(first) if first is not None else 0
    first_word = first[0].lower_ if first is not None and len(first) else ""
    subject = _subject_kind(cand.speaker_head)
    feats = [
        f"form={form}",
        f"lemma={lemma}",
        f"lemma_form={lemma}|{form}",
        f"cue_dep={cue.dep_}",
        f"cue_tag={cue.tag_}",
        f"cue_dep_form={cue.dep_}|{form}",
        f"subject={subject}",
        f"subject_form={subject}|{form}",
        f"first={first_word}" if first_word in FIRST_WORDS else f"first_pos={first[0].pos_ if first else ''}",
        f"first_form={first_word if first_word in FIRST_WORDS else '-'}|{form}",
        f"words={_bucket(n_words)}",
        f"words_form={_bucket(n_words)}|{form}",
        f"in_quote={in_quote}",
        f"strength={round(strength, 1)}",
        f"strength_form={round(strength, 1)}|{form}",
    ]
    if comp is not None:
        feats.append(f"comp_pos={comp.pos_}|{form}")
        feats.append(f"comp_tag={comp.tag_}|{form}")
        feats.extend(_object_features(lemma, form, comp, n_words))
    if any(c.dep_ == "auxpass" for c in cue.children):
        feats.append("passive")
    if any(c.dep_ == "neg" for c in cue.children):
        feats.append("negated")
    if cand.via is not None:
        feats.append("relayed")
    if cand.content_start < cue.idx:
        feats.append(f"content_before|{form}")
    if first is not None and len(first):
        # does the content run to the end of its sentence, or stop before more words?
        after = first[-1].i + 1
        ends = after >= len(doc) or doc[after].is_sent_start or doc[after].text in (".", "!", "?", "\n")
        feats.append(f"to_sentence_end={ends}|{form}")
        if not ends:
            feats.append(f"next={doc[after].text if doc[after].is_punct else doc[after].pos_}|{form}")
    if (
        '"' in doc_text(doc)[cand.content_start : cand.content_end]
        or "“" in doc_text(doc)[cand.content_start : cand.content_end]
        or "''" in doc_text(doc)[cand.content_start : cand.content_end]
    ):
        feats.append(f"has_quote|{form}")
    feats.extend(nesting_features(cand, cue))
    return feats


def _object_features(lemma: str, form: str, comp: Token, n_words: int) -> list[str]:
    """Noun-phrase contents ("called for a ban", "criticism of X", "supported the bill"): which
    cue + preposition pair takes them, and what kind of thing the object is."""
    if form not in ("dobj", "prep_pobj", "prep_pcomp", "rest"):
        return []
    prep = comp.head.lower_ if form.startswith("prep_") else "-"
    kind = f"ent:{comp.ent_type_}" if comp.ent_type_ else comp.pos_
    return [
        f"cue_prep={lemma}|{prep}",
        f"prep_obj={prep}|{kind}",
        f"prep_words={prep}|{_bucket(n_words)}",
    ]


# Complementizers and first words that tell a reported clause from an object noun phrase.
FIRST_WORDS = {
    "that", "to", "whether", "if", "what", "how", "why", "who", "when", "where", "which", "the", "a", "an",
    "his", "her", "their", "its", "he", "she", "they", "it", "i", "we", "there", "this", "“", '"', "‘", "''",
    "for", "about", "on", "in", "of", "as", "him", "them", "us", "me", "you",
}  # fmt: skip
