"""A phrase put before the speaker of a report: a condition, a topic or the law a claim
holds under belongs to the claim; when, where and how the speaker spoke does not."""

from __future__ import annotations

import pytest

from tests.spacy_support import needs_model

pytestmark = needs_model


def only_claim(text: str):
    from workbench.splitting import split_text

    (claim,) = split_text(text)
    return claim


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "If the Lenz dam is built, Mayor Varga said the valley would flood.",
            "If the Lenz dam is built, the valley would flood.",
        ),
        (
            "Unless the ferry talks resume, officials in Lenz warned that the strike would spread.",
            "Unless the ferry talks resume, the strike would spread.",
        ),
        (
            "When it comes to the Lenz bridge, Mayor Varga said the repairs were finished.",
            "When it comes to the Lenz bridge, the repairs were finished.",
        ),
        (
            "Under the new harbour law, the Lenz port authority said tolls would double.",
            "Under the new harbour law, tolls would double.",
        ),
    ],
)
def test_a_condition_topic_or_law_before_the_speaker_stays_in_the_claim(
    text: str, claim: str
) -> None:
    found = only_claim(text)
    assert found.claim == claim
    assert found.speaker is not None and found.speaker != "None"


def test_a_condition_is_read_into_the_frame_wherever_it_stands() -> None:
    before = only_claim("If the Lenz dam is built, Mayor Varga said the valley would flood.")
    after = only_claim("Mayor Varga said the valley would flood if the Lenz dam is built.")
    unless = only_claim("Mayor Varga said the valley would flood unless the Lenz dam is built.")
    bare = only_claim("Mayor Varga said the valley would flood.")
    assert before.frame.conditions == after.frame.conditions == ("if",)
    assert unless.frame.conditions == ("unless",)
    assert bare.frame.conditions == ()


def test_an_auxiliary_before_its_subject_opens_a_condition_as_if_does() -> None:
    had = only_claim("Had the Lenz dam been built, the valley would have flooded.")
    said_if = only_claim("If the Lenz dam had been built, the valley would have flooded.")
    should = only_claim("Should the ferry talks fail, Mayor Varga said the strike would spread.")
    were = only_claim("Were it not for the Lenz dam, the valley would flood every spring.")
    assert had.frame.conditions == said_if.frame.conditions == ("if",)
    assert should.claim == "Should the ferry talks fail, the strike would spread."
    assert should.frame.conditions == were.frame.conditions == ("if",)
    told = only_claim("Mayor Varga had said the valley was flooding.")
    assert told.frame.conditions == ()


def test_an_if_that_asks_whether_is_no_condition() -> None:
    asked = only_claim("The Lenz ministry did not mention if anyone was hurt.")
    assert asked.frame.conditions == ()


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # when, where or how the speaker spoke
        ("On Monday, the Lenz ministry said the ferry had sunk.", "The ferry had sunk."),
        ("In a statement, the Lenz ministry said the ferry had sunk.", "The ferry had sunk."),
        ("Asked about the strike, Mayor Varga said the talks had collapsed.",
         "The talks had collapsed."),
        # the speaker's aside is no condition on what they say
        ("If I may respond, Mayor Varga said the talks had collapsed.",
         "The talks had collapsed."),
    ],
)  # fmt: skip
def test_when_where_and_how_the_speaker_spoke_stay_out(text: str, claim: str) -> None:
    assert only_claim(text).claim == claim
