"""What a speaker does with a claim: a denial stays a denial, a belief is the believer's
opinion, and the stance reaches every place a claim is shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.spacy_support import needs_model
from workbench.cli.main import cli
from workbench.core.values import STANCES

pytestmark = needs_model


def split(text: str):
    from workbench.splitting import split_text

    return split_text(text)


@pytest.mark.parametrize(
    ("sentence", "wording", "speaker"),
    [
        # "any" in the subject becomes "no"
        ("The interior ministry denied that any protesters had been detained.",
         "No protesters had been detained.", "interior ministry"),
        # "not" after the first auxiliary
        ("The port authority denied that the convoy had been searched.",
         "The convoy had not been searched.", "port authority"),
        # do-support for a simple past
        ("The ministry denied that the army shipped rifles to the rebels.",
         "The army did not ship rifles to the rebels.", "ministry"),
        # the copula takes "not"
        ("Osterlich has repeatedly denied that its soldiers are in Freedonia.",
         "Its soldiers are not in Freedonia.", "Osterlich"),
        # a negation already there is dropped, not doubled
        ("The ministry denied that the transit fee had not been paid.",
         "The transit fee had been paid.", "ministry"),
        # "rejected claims that …", "dismissed reports that …"
        ("Selene Bay officials rejected claims that the harbour had been mined.",
         "The harbour had not been mined.", "Selene Bay officials"),
        ("The spokesman dismissed reports that the grain talks had collapsed.",
         "The grain talks had not collapsed.", "spokesman"),
    ],
)  # fmt: skip
def test_a_denial_is_worded_as_what_the_speaker_says(
    sentence: str, wording: str, speaker: str
) -> None:
    (claim,) = split(sentence)
    assert claim.stance == "denies"
    assert claim.claim == wording
    assert claim.speaker == speaker
    assert any(c.startswith("cue: ") for c in claim.cues)


def test_a_quoted_denial_keeps_the_speakers_own_words() -> None:
    (claim,) = split('"Our ships never entered those waters," the admiral denied.')
    assert claim.stance == "denies" and claim.quote
    assert claim.claim == "Our ships never entered those waters."


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not deny that the army shipped rifles to the rebels.",
        "Officials never denied that the convoy had been searched.",
        "Minister Vos did not say that the army had fired first.",
        "The harbour records do not show that the tolls went up in May.",
        "Figures from the statistics office do not show that exports fell.",
    ],
)
def test_a_frame_that_is_itself_negated_stays_in_the_wording(sentence: str) -> None:
    """Not denying is neither denying nor asserting, and not saying says nothing: the claim
    is the frame as written, and the article's own."""
    (claim,) = split(sentence)
    assert claim.stance == "asserts"
    assert claim.claim == sentence
    assert claim.speaker is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor of Lenz should explain why the harbour tolls went up in May.",
        "Officials might say that the convoy had been searched twice.",
        "You may think the biggest employer in Lenz is the port.",
    ],
)
def test_what_someone_ought_to_or_may_say_is_not_what_they_said(sentence: str) -> None:
    (claim,) = split(sentence)
    assert (claim.claim, claim.speaker) == (sentence, None)


def test_a_speaker_who_must_say_something_says_it() -> None:
    (claim,) = split("I must say that the Lenz bridge was finished on time.")
    assert (claim.claim, claim.speaker) == ("The Lenz bridge was finished on time.", "I")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Minister Vos explained why the Lenz harbour was closed.", "Minister Vos"),
        ("The union asked where the strike fund had gone.", "union"),
    ],
)
def test_a_question_a_speaker_reports_keeps_its_frame(sentence: str, speaker: str) -> None:
    # "why the harbour was closed" is no sentence of its own
    (claim,) = split(sentence)
    assert (claim.claim, claim.speaker) == (sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("Deputy Governor Oleg Vos indicated that the search would go on overnight.",
         "The search would go on overnight.", "Deputy Governor Oleg Vos"),
        ('Mayor Irena Vos elaborated, "The bridge will carry trams from May."',
         "The bridge will carry trams from May.", "Mayor Irena Vos"),
    ],
)  # fmt: skip
def test_indicating_and_elaborating_report_what_someone_said(
    sentence: str, content: str, speaker: str
) -> None:
    (claim,) = split(sentence)
    assert (claim.claim, claim.speaker) == (content, speaker)


@pytest.mark.parametrize(
    ("sentence", "stance", "content"),
    [
        ("The envoy believes that the blockade will end by spring.", "believes",
         "The blockade will end by spring."),
        ("Diplomats think Ruritania is increasingly isolated.", "believes",
         "Ruritania is increasingly isolated."),
        ("Farmers fear that the drought will ruin the harvest.", "fears",
         "The drought will ruin the harvest."),
        ("The minister hoped that the border would reopen soon.", "hopes",
         "The border would reopen soon."),
    ],
)  # fmt: skip
def test_a_belief_hope_or_fear_is_the_speakers_opinion(
    sentence: str, stance: str, content: str
) -> None:
    (claim,) = split(sentence)
    assert (claim.stance, claim.claim, claim.kind) == (stance, content, "opinion")
    assert claim.speaker is not None


def test_a_report_of_what_was_said_still_asserts() -> None:
    (claim,) = split("The minister said the shipment arrived on Monday.")
    assert (claim.stance, claim.kind) == ("asserts", "fact")
    assert claim.claim == "The shipment arrived on Monday."
    assert "cue: said" in claim.cues


def test_the_stance_is_stored_and_shown_everywhere(tmp_path: Path) -> None:
    article = tmp_path / "denial.txt"
    article.write_text(
        "The interior ministry denied that any protesters had been detained.\n\n"
        "Freedonia reopened the port of Selene Bay on Tuesday.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "c.db")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--db", db], env={"WORKBENCH_REVIEWER": "alice"})
        assert result.exit_code == 0, result.output
        return result.output

    run("ingest", str(article))
    claims = json.loads(run("claims", "--format", "json"))
    denial = next(c for c in claims if c["stance"] == "denies")
    assert denial["claim"] == "No protesters had been detained."
    assert {c["stance"] for c in claims} == {"denies", "asserts"}
    assert "stance           denies" in run("show", denial["id"])
    assert "interior ministry (denies)" in run("claims")
    assert "denies" in run("claims", "--format", "csv").splitlines()[1] + "".join(
        run("claims", "--format", "csv").splitlines()[1:]
    )
    run("verdict", denial["id"], "unsupported")
    for fmt, expected in (("markdown", "Denied by: interior ministry"), ("html", "denied by")):
        assert expected in run("export", "--format", fmt)
    assert '"stance": "denies"' in run("export", "--format", "json")
    assert run("verify", "--deep").startswith("ok:")


def test_only_known_stances_are_imported(tmp_path: Path) -> None:
    from workbench.usecases.incoming import IncomingEventError, check_incoming

    event = {
        "id": "0a0b0c0d0e0f", "at": "2026-03-14T09:00:00Z", "actor": "a",
        "action": "claim.extracted", "subject": "0a0b0c0d0e0f",
        "payload": {"article_id": "0a0b0c0d", "position": 0, "text": "T.", "claim": "T.",
                    "kind": "fact", "start": 0, "end": 2, "stance": "shrugs"},
    }  # fmt: skip
    with pytest.raises(IncomingEventError, match="payload 'stance' must be one of"):
        check_incoming([event])
    event["payload"]["stance"] = STANCES[1]
    assert check_incoming([event])[0]["payload"]["stance"] == "denies"


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind_of_speaker"),
    [
        ("The interior ministry said the port would reopen.", "interior ministry", "state"),
        ("Tomas Reyk, the opposition leader, said the blockade had failed.", "Tomas Reyk",
         "person"),
        ("The minister said the shipment was a gesture of goodwill.", "minister", "person"),
        ("Analysts say the pact will not last the winter.", "Analysts", "group"),
        ("Figures from the statistics office show that exports fell by 4 per cent.",
         "statistics office", "document"),
        ("The Red Cross said 40 trucks had crossed the border.", "Red Cross", "organisation"),
    ],
)  # fmt: skip
def test_every_speaker_has_a_type(sentence: str, speaker: str, kind_of_speaker: str) -> None:
    (claim,) = split(sentence)
    assert (claim.speaker, claim.speaker_type) == (speaker, kind_of_speaker)


def test_the_article_itself_has_no_speaker_type() -> None:
    (claim,) = split("Freedonia reopened the port of Selene Bay on Tuesday.")
    assert (claim.speaker, claim.speaker_type) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "claims", "speaker"),
    [
        ("The minister said the port would reopen on Monday, adding that 40 ships were waiting.",
         ["The port would reopen on Monday.", "40 ships were waiting."], "minister"),
        ('"The harbour is open," said Irena Vos, the trade minister, adding, "and the grain '
         'ships will sail on Friday."',
         ["The harbour is open.", "The grain ships will sail on Friday."], "Irena Vos"),
        ("Officials said 40 trucks had crossed, noting that the border was calm.",
         ["40 trucks had crossed.", "The border was calm."], "Officials"),
    ],
)  # fmt: skip
def test_a_participial_continuation_is_its_own_claim_by_the_same_speaker(
    sentence: str, claims: list[str], speaker: str
) -> None:
    found = split(sentence)
    assert [c.claim for c in found] == claims
    assert {c.speaker for c in found} == {speaker}


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Saying the strike had ended, the Lenz dockers' union called its members back.",
         [("The strike had ended.", "Lenz dockers' union"),
          ("The Lenz dockers' union called its members back.", None)]),
        ("Warning that bread prices would rise, the central bank raised rates in May.",
         [("Bread prices would rise.", "central bank"),
          ("The central bank raised rates in May.", None)]),
    ],
)  # fmt: skip
def test_a_reporting_participle_that_opens_the_sentence_is_its_own_claim(
    sentence: str, claims: list[tuple[str, str | None]]
) -> None:
    # as when it closes the sentence: what it reports is said by the main clause's subject
    assert [(c.claim, c.speaker) for c in split(sentence)] == claims


@pytest.mark.parametrize("particle", ["over", "off", "back"])
def test_a_clause_that_ends_in_a_particle_after_to_be_is_a_claim(particle: str) -> None:
    # "the strike was over" says what a complement would; "and it is." alone says nothing
    found = split(f"The Lenz dockers' union met on Monday, saying the strike was {particle}.")
    assert [(c.claim, c.speaker) for c in found] == [
        ("The Lenz dockers' union met on Monday.", None),
        (f"The strike was {particle}.", "Lenz dockers' union"),
    ]


def test_a_states_position_and_a_denial_rank_with_the_figures_of_their_article() -> None:
    """Only the article's own facts with figures and dates may rank above them; the
    residents' mood, a forecast and the writer's opinion rank below (the learned score alone
    put the state's position near the bottom)."""
    from workbench.splitting import split_text

    article = (
        "Ruritania shipped 40,000 tonnes of wheat to Freedonia in March, up from 25,000 in "
        "February.\n\n"
        "Norway has said it is neutral in the dispute over the strait.\n\n"
        "The talks in Selene Bay lasted three days and ended on Sunday.\n\n"
        "The interior ministry denied that any fishermen had been detained.\n\n"
        "Prices of bread rose by 12 per cent in the capital last year.\n\n"
        "Many residents said they were tired of the long winter.\n\n"
        "The harbour is a beautiful place to watch the sunset.\n\n"
        "Officials expect the ferry service to resume in the spring."
    )
    claims = sorted(split_text(article), key=lambda c: -c.checkworthiness)
    rank = {c.claim: i for i, c in enumerate(claims)}
    position = rank["Norway is neutral in the dispute over the strait."]
    denial = rank["No fishermen had been detained."]
    above = [c for c in claims[: min(position, denial)]]
    assert all(c.speaker is None and {"number", "date"} & set(c.cues) for c in above)
    for below in ("The harbour is a beautiful place to watch the sunset.",
                  "Officials expect the ferry service to resume in the spring.",
                  "They were tired of the long winter."):  # fmt: skip
        assert rank[below] > max(position, denial)


def test_a_closing_with_clause_holding_a_label_is_split_from_the_fact() -> None:
    """The fact is the article's; the label is the analysts', and it stays with its phrase."""
    fact, label = split(
        "Ruritania is hosting the leaders of Freedonia and Osterlich in Selene Bay this "
        "week, with the three forming what analysts have dubbed a “grain axis”."
    )
    assert fact.claim == (
        "Ruritania is hosting the leaders of Freedonia and Osterlich in Selene Bay this week."
    )
    assert (fact.kind, fact.speaker) == ("fact", None)
    assert (label.kind, label.speaker) == ("opinion", "analysts")
    assert "dubbed" in label.cues


def test_a_with_clause_with_its_own_subject_is_a_claim_in_the_sentences_tense() -> None:
    main, absolute = split("Bread prices rose sharply in March, with flour costing twice as much.")
    assert main.claim == "Bread prices rose sharply in March."
    assert absolute.claim == "Flour was costing twice as much."


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoy told reporters that the treaty serves as a model of cooperation.",
        "Freedonia's harbour is a model for the whole region.",
    ],
)
def test_holding_something_up_as_a_model_is_a_characterisation(sentence: str) -> None:
    (claim,) = split(sentence)
    assert claim.kind == "opinion"
    assert any(c.startswith("characterisation: model") for c in claim.cues)


def test_a_record_is_a_checkable_fact() -> None:
    (claim,) = split(
        "This is also the first time the reclusive ruler of Osterlich will attend a summit "
        "with so many foreign leaders."
    )
    assert claim.kind == "fact"
    assert "record: the first time" in claim.cues


@pytest.mark.parametrize(
    ("sentence", "wording"),
    [
        ("Moscow has repeatedly denied that its troops are in Ukraine.",
         "Moscow's troops are not in Ukraine."),
        ("Russia said its exports to China rose by 10 per cent.",
         "Russia's exports to China rose by 10 per cent."),
        # another state is named before "its": it could be either
        ("Russia said that China and its allies had agreed.", "China and its allies had agreed."),
        # an unnamed speaker: "its" stays
        ("The ministry said its officials had been detained.", "Its officials had been detained."),
    ],
)  # fmt: skip
def test_its_is_the_named_speakers_when_nothing_else_could_be_meant(
    sentence: str, wording: str
) -> None:
    (claim,) = split(sentence)
    assert claim.claim == wording


def test_a_negated_verb_phrase_after_but_is_a_claim_of_its_own() -> None:
    """What was done and what was not are two claims: kept whole, the first would read as
    negated and match neither its own paraphrase nor the denial's."""
    claims = split("The convoy reached Lenz on Monday but did not stay.")
    assert [(c.claim, c.frame.polarity) for c in claims] == [
        ("The convoy reached Lenz on Monday.", "positive"),
        ("The convoy did not stay.", "negative"),
    ]
    assert len(split("The envoys met and talked.")) == 1  # two bare verbs stay one claim
    # an auxiliary of its own is enough, either way round; a modal alone is not
    assert [c.claim for c in split("The convoy reached Lenz on Monday, and was searched.")] == [
        "The convoy reached Lenz on Monday.",
        "The convoy was searched.",
    ]
    assert len(split("The council listed what it can and should do.")) == 1


def test_a_doubt_is_not_an_assertion(tmp_path: Path) -> None:
    """ "X doubted that Y": X does not say Y is so; the claim is Y, questioned, and the
    report says so."""
    text = "The minister doubted that the army had fired first."
    (claim,) = split(text)
    assert (claim.claim, claim.speaker, claim.stance) == (
        "The army had fired first.",
        "minister",
        "questions",
    )
    article, db = tmp_path / "doubt.txt", str(tmp_path / "d.db")
    article.write_text(text)
    runner, reviewer = CliRunner(), {"WORKBENCH_REVIEWER": "alice"}
    assert runner.invoke(cli, ["ingest", str(article), "--db", db]).exit_code == 0
    (stored,) = json.loads(runner.invoke(cli, ["claims", "--format", "json", "--db", db]).output)
    verdict = runner.invoke(cli, ["verdict", stored["id"], "unsupported", "--db", db], env=reviewer)
    assert verdict.exit_code == 0, verdict.output
    report = runner.invoke(cli, ["export", "--format", "markdown", "--db", db]).output
    assert "Questioned by: minister" in report


def test_a_request_is_no_question_and_the_article_says_it_was_made() -> None:
    """ "asked X to do Y" asks for something: no one questions anything, and who asked is
    what the article reports."""
    for text in (
        "The mayor asked for a harbour commission to work out a solution.",
        "We asked the council to close the harbour.",
    ):
        (claim,) = split(text)
        assert (claim.claim, claim.speaker, claim.stance) == (text, None, "asserts")
    (question,) = split("She asked whether the harbour was open.")
    assert question.stance == "questions"
