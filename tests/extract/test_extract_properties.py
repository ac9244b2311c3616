"""Offsets are sacred: every span of every statement slices back to its string, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from whosaid.extract import extract_statements
from whosaid.extract.quotes import find_quotes

WORDS = ["He", "said", "that", "the", "plan", "was", "dead", "Mayor", "Anna", "Berg", "told"]
WORDS += ["reporters", "according", "to", "officials", "claims"]
WORDS += ["critics'", "we", "will", "win", ",", ".", "\n\n", "\n"]
# the session-8 rules' words: relays, dashes, labels, time stamps, ages, honorifics, descriptions
WORDS += ["was", "quoted", "by", "as", "saying", "Reuters", "―", "--", "Q:", "A:", "22:40", "—", "54"]
WORDS += ["Mrs.", "they", "the", "company", "regulator", "who", "(D-Md.)", "Published"]
MARKS = ['"', "“", "”", "‘", "’", "«", "»", "„", "'", "''", ":"]
pieces = st.lists(st.sampled_from(WORDS + MARKS) | st.text(max_size=6), max_size=60)


def check_spans(text: str, nlp: Language) -> None:
    doc = nlp(text)
    for stmt in doc._.quotes:
        assert stmt.content_span.of(text) == stmt.content
        assert stmt.content.strip()
        for part in stmt.content_parts:
            assert stmt.content_span.start <= part.start < part.end <= stmt.content_span.end
        if stmt.cue_span is not None:
            assert stmt.cue_span.of(text) == stmt.cue
        if stmt.speaker_span is not None:
            assert stmt.speaker_span.of(text) == stmt.speaker_text
        assert stmt.speaker is None or stmt.speaker.strip()  # no speaker is an empty name
        assert 0.0 <= stmt.confidence <= 1.0
        assert stmt.nested_in is None or 0 <= stmt.nested_in < len(doc._.quotes)
    assert [s.index for s in doc._.quotes] == list(range(len(doc._.quotes)))
    assert extract_statements(doc) is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces)
def test_spans_slice_back_on_random_text(nlp: Language, words: list[str]) -> None:
    check_spans(" ".join(words), nlp)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n") + [m for m in MARKS if len(m) == 1]), max_size=80))
def test_quote_regions_stay_inside_the_text(text: str) -> None:
    for region in find_quotes(text):
        assert 0 <= region.start <= region.inner_start <= region.inner_end <= region.end <= len(text)


def test_a_relay_parsed_backwards_gives_no_span(nlp: Language) -> None:
    # found by fuzzing: "as saying" parsed before "was quoted" gave a cue span that ran backwards
    check_spans(
        "she \n\n Mrs. Smith -- 54 went further they Reuters they : , as saying Mrs. said they went "
        "further --   the company Smith Q: was quoted by »",
        nlp,
    )


def test_marks_around_nothing_quote_nothing(nlp: Language) -> None:
    # found by fuzzing: « » gave a quotation with an empty content once its inner spaces were trimmed
    text = (
        'Energy analysts said the dispute would end ” : « » \n\n" \n\nA diplomat said the talks could resume.'
    )
    check_spans(text, nlp)  # which asserts that no content is empty
