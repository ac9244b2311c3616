"""The named-disagreement rules on statement pairs (no model: the cosine is given)."""

from __future__ import annotations

import numpy as np

from whosaid.link.pairing import StatementInfo, rule_verdict, same_speaker


def info(content: str, speaker: str, cue: str = "said", at: int = 0) -> StatementInfo:
    return StatementInfo(f"x:{speaker}:{at}", "x", content, at, speaker, cue, np.zeros(3))


def test_different_tolls_for_the_same_event_contradict() -> None:
    a = info("139 people were killed in the attack on Friday", "Officials")
    b = info("143 people died in the attack on Friday", "The ministry", at=100)
    verdict = rule_verdict(a, b, 0.7)
    assert verdict is not None and verdict.relation == "contradict"
    assert verdict.about == "death toll: 139 vs 143"
    assert verdict.evidence["a_text"] == "139" and verdict.evidence["b_span"] == [100, 103]


def test_a_lower_bound_is_compatible_with_a_higher_figure() -> None:
    a = info("at least 139 people were killed", "Officials")
    b = info("the death toll has risen to 143", "The ministry")
    verdict = rule_verdict(a, b, 0.7)
    assert verdict is not None and verdict.relation == "discuss"


def test_same_figure_in_words_and_digits_agrees() -> None:
    verdict = rule_verdict(info("Twelve people lost their lives", "A"), info("12 dead", "B"), 0.5)
    assert verdict is not None and verdict.relation == "agree"


def test_negation_flips_a_characterisation() -> None:
    sabotage = info("the explosion was sabotage", "Andersen")
    no_sign = info("there was no sign of foul play", "Kowalin")
    no_accident = info("This was no accident.", "Andersen")
    accident = info("it was a tragic accident", "Kowalin")
    assert rule_verdict(sabotage, no_sign, 0.4).relation == "contradict"  # type: ignore[union-attr]
    assert rule_verdict(no_accident, accident, 0.4).about == "sabotage vs accident"  # type: ignore[union-attr]
    assert rule_verdict(no_accident, sabotage, 0.4).relation == "agree"  # type: ignore[union-attr]


def test_a_denial_contradicts_what_it_denies_but_not_unrelated_statements() -> None:
    denial = info("any warnings had been received", "Helena Lund", cue="denied")
    claim = info("workers had warned port managers about leaking fuel tanks", "Piotr Nowak")
    other = info("shipping in the harbour would resume on Wednesday", "The port authority")
    assert rule_verdict(claim, denial, 0.39).relation == "contradict"  # type: ignore[union-attr]
    assert rule_verdict(other, denial, 0.2) is None


def test_restatements_agree() -> None:
    a = info("Shipping in the harbour resumed on Wednesday morning", "the port authority")
    b = info("shipping in the harbour resumed on Wednesday morning, officials said", "officials")
    assert rule_verdict(a, b, 0.9).relation == "agree"  # type: ignore[union-attr]


def test_one_speaker_under_two_names() -> None:
    assert same_speaker("Lukashenko", "Alexander Lukashenko")
    assert not same_speaker("Putin", "Alexander Lukashenko")
    assert not same_speaker(None, "Putin")
