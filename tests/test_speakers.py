"""Who said it, across sentences: quotations keep their speaker to the closing mark and into
the quotation that follows, pronoun speakers are the person named before them, and a surname
is the full name the article first gave."""

from __future__ import annotations

import pytest

from tests.spacy_support import needs_model

pytestmark = needs_model


def split(text: str):
    from workbench.splitting import split_text

    return split_text(text)


def speakers_of(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.speaker) for c in split(text)]


def test_a_quotation_framed_after_it_is_the_speakers_even_where_it_reports_others() -> None:
    text = (
        '"Farmers have lost their harvest," Mayor Ilse Brandt continued in her address. '
        '"Traders wonder whether the bridge will ever reopen. Families have left the valley."'
    )
    claims = split(text)
    inside = [c for c in claims if "Traders" in c.text or "Families" in c.text]
    assert inside
    assert all(c.speaker and "Brandt" in c.speaker for c in inside)
    assert all(c.quote for c in inside)


def test_a_quotation_with_its_frame_inside_belongs_to_the_frame_not_to_words_in_it() -> None:
    text = (
        '"The council is stalling. Many residents believe that," said a shopkeeper named '
        "Oskar Lind."
    )
    for claim in split(text):
        assert claim.speaker is not None
        assert "Lind" in claim.speaker or "shopkeeper" in claim.speaker


def test_first_person_inside_a_quotation_is_the_quoted_speaker() -> None:
    text = (
        'Foreign Minister Rana Odeh said, "We will not sign the accord. '
        'I have told our partners so."'
    )
    for claim in split(text):
        assert claim.speaker is not None and "Odeh" in claim.speaker, claim


def test_an_unframed_quotation_right_after_a_framed_one_continues_it() -> None:
    text = (
        '"The border will stay closed until spring," General Tomas Varga said.\n\n'
        '"Nobody should expect the convoys to move before then."'
    )
    last = split(text)[-1]
    assert "convoys" in last.text
    assert last.speaker is not None and "Varga" in last.speaker
    assert last.quote


def test_the_last_sentence_of_a_quotation_closed_before_its_full_stop_keeps_no_mark() -> None:
    text = 'Mayor Vos said, "The toll is fair. The dockers will pay it gladly".'
    claims = [found.claim for found in split(text)]
    assert claims == ["The toll is fair.", "The dockers will pay it gladly."]


def test_a_quotation_after_the_article_speaks_in_between_is_not_continued() -> None:
    text = (
        '"The border will stay closed," General Tomas Varga said. '
        "The army has 40,000 troops in the region.\n\n"
        '"It is a disgrace."'
    )
    last = split(text)[-1]
    assert last.speaker is None


def test_a_pronoun_speaker_is_the_person_named_as_subject_before_it() -> None:
    text = (
        "Senator Lena Holm visited the refugee camp on Monday. "
        "Speaking to Martin Okafor of the regional broadcaster, she said the camp was "
        "overcrowded."
    )
    claim = next(c for c in split(text) if "overcrowded" in c.text)
    assert claim.speaker is not None and "Holm" in claim.speaker
    assert claim.speaker_type == "person"


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        # "according to him": the person named before
        (
            "Rebel spokesman Idris Kamau said the group had fired the rockets. "
            "According to him, the strike was the largest of the year.",
            "largest",
            "Kamau",
        ),
        # a surname: the full name the article first used
        (
            "Interior Minister Pavel Dorin toured the flooded district on Tuesday. "
            "Dorin said 300 homes had been destroyed.",
            "300 homes",
            "Pavel Dorin",
        ),
    ],
)
def test_a_speaker_is_named_as_the_article_named_them(text: str, needle: str, name: str) -> None:
    claim = next(c for c in split(text) if needle in c.text)
    assert claim.speaker is not None and name in claim.speaker


def test_who_is_in_a_group_that_speaks_stays_part_of_the_speaker() -> None:
    # a count inside "including …" is part of who speaks, and a checker checks it; after a
    # name such a phrase says nothing of who speaks
    group = _one("Forty dockers, including six harbour pilots, say the quay is unsafe.", "unsafe")
    assert group.speaker == "Forty dockers including six harbour pilots"
    named = _one("Mayor Vos, including in her letters, said the quay was unsafe.", "unsafe")
    assert named.speaker == "Mayor Vos"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Vos and I both agree that the quay is unsafe.", "Mayor Vos and I"),
        ("The harbour pilots all said that the quay was unsafe.", "harbour pilots"),
        ("Both the mayor and the harbour master said the quay was unsafe.",
         "mayor and the harbour master"),
    ],
)  # fmt: skip
def test_how_many_of_a_group_speak_is_not_part_of_who_speaks(text: str, speaker: str) -> None:
    assert _one(text, "unsafe").speaker == speaker


# -- the categories of attribution the first version missed, on sentences of our own ------


def _one(text: str, needle: str):
    return next(c for c in split(text) if needle in c.text)


def test_a_question_keeps_its_speaker_and_the_stance_questions() -> None:
    claim = _one("The foreign ministry asked whether the inspectors would return.", "asked")
    assert claim.speaker == "foreign ministry"
    assert claim.stance == "questions"


def test_a_question_put_to_someone_keeps_who_was_asked() -> None:
    # who was asked is part of what happened: the frame stays with the question
    claim = _one("In May I asked Mayor Vos what had to be done to cut the harbour toll.", "asked")
    assert "asked Mayor Vos" in claim.claim
    assert (claim.speaker, claim.stance) == ("I", "questions")


def test_declining_to_comment_is_the_sources_own_with_stance_declines() -> None:
    for text in (
        "A spokesman for the embassy declined to comment on the arrests.",
        "The embassy did not respond to requests for comment.",
    ):
        claim = split(text)[0]
        assert claim.speaker is not None
        assert claim.stance == "declines"
        assert "declined" in claim.claim or "respond" in claim.claim  # the frame stays


def test_calls_on_and_accusations_are_the_speakers() -> None:
    called = _one("The opposition called on the government to free the journalists.", "free")
    assert called.speaker == "opposition"
    assert any(c == "cue: called on" for c in called.cues)
    accused = _one("Minister Ana Ruiz accused the rebels of shelling the hospital.", "shelling")
    assert accused.speaker == "Minister Ana Ruiz"


def test_a_want_is_the_speakers_hope_and_an_opinion() -> None:
    claim = split("The unions want a 10 percent pay rise.")[0]
    assert claim.speaker == "unions"
    assert claim.stance == "hopes"
    assert claim.kind == "opinion"


def test_participial_frames_share_the_reporting_verbs_speaker() -> None:
    text = "The army said the strike was precise, telling reporters that no civilians died."
    claim = _one(text, "telling")
    assert claim.speaker == "army"
    text = "Prices rose after the drought, with officials saying the harvest failed."
    claim = _one(text, "harvest")
    assert claim.speaker == "officials"


def test_a_colon_after_a_clause_about_someone_introduces_their_quotation() -> None:
    claim = split('Deputy Minister Clara Ruiz was blunt: "The ceasefire is dead."')[0]
    assert claim.speaker is not None and "Ruiz" in claim.speaker
    assert claim.quote
    assert split('The message was clear: "Leave now."')[0].speaker is None


def test_a_semicolon_parts_two_claims_and_a_frame_after_it_stays_after_it() -> None:
    claims = split("The rebels fired on the convoy; the army said two soldiers were wounded.")
    assert [c.speaker for c in claims] == [None, "army"]


def test_attributed_characterisations_and_convictions_are_opinions() -> None:
    for text in (
        "Diplomats say Freedonia is increasingly isolated.",
        '"We are convinced that the old order is over," the envoy said.',
        '"The embargo has backfired," the senator said.',
        "The deputy said the blockade of the chamber was undemocratic and oppressive.",
    ):
        claim = split(text)[0]
        assert claim.speaker is not None, text
        assert claim.kind == "opinion", (text, claim.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Please go.",
        'The senator said: "Please, Mayor Vos, please do not let us wait any longer."',
        '"Withdraw your troops from the border," the envoy said.',
        "Stop the shelling now.",
        "Do not touch the fence.",
        '"I really urge the mayor, if she cannot govern, to step down," the senator said.',
        "We beg the council to reopen the bridge.",
        # the appeal after a colon frame that reports the speaking, not the appeal
        'Councillor Mira Kovac spoke to reporters after the vote: "I really urge the mayor '
        'to please step down."',
    ],
)
def test_an_appeal_asserts_nothing_and_is_an_opinion(text: str) -> None:
    claim = split(text)[0]
    assert claim.kind == "opinion", claim.cues
    assert any(c.startswith("appeal: ") for c in claim.cues)


@pytest.mark.parametrize(
    "text",
    [
        "Remember that the treaty was signed in 1990.",  # the statement framed is the claim
        "The council must approve the budget and publish the accounts.",  # a shared subject
        "The troops were told to go to the border.",
        "Exports rose by 5 percent in May.",
        "The minister urged the council to reopen the bridge.",  # a report of an appeal
        "I asked the mayor about the bridge.",
    ],
)
def test_a_statement_is_not_read_as_an_appeal(text: str) -> None:
    assert not any(c.startswith("appeal") for c in split(text)[0].cues)


def test_a_passive_report_of_a_thing_before_but_is_a_claim_of_its_own() -> None:
    # "claimed" takes what it reports as its object, so its passive subject is content
    claims = split("The raid was claimed by the rebels, but officials said Osterlich was involved.")
    assert [(c.claim, c.speaker) for c in claims] == [
        ("The raid was claimed by the rebels.", None),
        ("Osterlich was involved.", "officials"),
    ]


def test_a_states_stated_position_stays_a_checkable_fact() -> None:
    claim = split("China has said it is neutral in the Ukraine war.")[0]
    assert (claim.speaker, claim.kind) == ("China", "fact")
    assert split("The talks have finished without a deal.")[0].kind == "fact"


def test_a_closing_with_clause_is_its_own_claim_worded_as_a_sentence() -> None:
    text = (
        "The talks were a turning point for the two governments, with both ministers having "
        "been branded pariahs by their parliaments."
    )
    claims = split(text)
    assert len(claims) == 2
    # a label with its labeller ("branded pariahs by their parliaments") is the labeller's
    assert (claims[1].claim, claims[1].speaker) == (
        "Both ministers are pariahs.",
        "their parliaments",
    )


def test_a_closing_with_clause_of_a_past_participle_is_worded_as_a_passive() -> None:
    text = (
        "Rescue work in Lenz resumed on Tuesday, with more bodies recovered raising the "
        "death toll from nine to 23."
    )
    claims = split(text)
    assert [c.claim for c in claims] == [
        "Rescue work in Lenz resumed on Tuesday.",
        "More bodies were recovered raising the death toll from nine to 23.",
    ]


def test_an_appositive_label_between_dashes_is_a_claim_of_its_own() -> None:
    text = (
        "Freedonia is hosting the rebel commander and the junta's envoy – the two aggressors "
        "in the border war – in its capital this week."
    )
    host, label = split(text)
    assert host.claim == (
        "Freedonia is hosting the rebel commander and the junta's envoy in its capital this week."
    )
    assert host.kind == "fact"
    assert host.start <= label.start and label.end <= host.end  # inside the sentence's claim
    assert label.claim == (
        "The rebel commander and the junta's envoy are the two aggressors in the border war."
    )
    assert label.kind == "opinion" and "characterisation: aggressor" in label.cues


def test_a_role_between_dashes_is_a_checkable_claim() -> None:
    _, label = split("The minister met Tomas Reyk – the opposition leader – on Tuesday.")
    assert label.claim == "Tomas Reyk is the opposition leader."
    assert label.kind == "fact"


def test_a_label_in_a_relative_clause_leaves_the_fact_and_the_label_both_whole() -> None:
    text = (
        "Ruritania is hosting the leaders of Freedonia and Osterlich – two states under "
        "sanctions – at a summit that commentators have dubbed a “club of outcasts”."
    )
    claims = split(text)
    fact, label = claims[0], claims[-1]
    assert fact.claim == "Ruritania is hosting the leaders of Freedonia and Osterlich at a summit."
    assert (fact.kind, fact.speaker) == ("fact", None)
    assert label.claim == "The summit is a “club of outcasts”."
    assert (label.kind, label.speaker) == ("opinion", "commentators")


def test_a_speech_act_with_an_object_keeps_its_verb_in_the_wording() -> None:
    (claim,) = split(
        "The government announced new lockdown measures, which it dropped after the protests."
    )
    assert claim.speaker == "government"
    assert claim.claim.startswith("The government announced new lockdown measures")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The couple left the country, the embassy revealed on Saturday.", "embassy"),
        ("The minister confirmed that the Lenz bridge would reopen in May.", "minister"),
        ("The bridge would reopen in May, the ministry confirmed.", "ministry"),
    ],
)
def test_a_state_organ_or_a_role_speaks_through_a_verb_things_also_take(
    text: str, speaker: str
) -> None:
    """ "reveal", "confirm", "indicate" also take things as subjects ("the protest revealed
    divisions"); an embassy or a minister is not a thing."""
    (claim,) = split(text)
    assert claim.speaker is not None and speaker in claim.speaker.lower()
    assert split("The protest revealed deep divisions in Lenz.")[0].speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Turkey's statement said the talks would resume in May.", "Turkey"),
        ("The Turkish statement said the talks would resume in May.", "Turkish"),
        ("A White House statement said the talks would resume in May.", "White House"),
        ("A statement from the foreign ministry said the talks would resume in May.",
         "foreign ministry"),
    ],
)  # fmt: skip
def test_a_statement_is_its_issuers_however_the_issuer_is_named(text: str, speaker: str) -> None:
    (claim,) = split(text)
    assert claim.speaker == speaker


def test_a_reported_bare_modal_keeps_the_verb_the_parser_hung_on_the_frame() -> None:
    """ "said he can and may declare …" is parsed as "said [he can]" and "said … and [may
    declare …]": the claim was "He can.", the emergency lost."""
    (claim,) = split("The governor said he can and may declare a state of emergency in Lenz.")
    assert claim.claim == "He can and may declare a state of emergency in Lenz."
    assert claim.speaker == "governor"


def test_a_reported_bare_modal_after_a_named_speaker_is_one_claim() -> None:
    (claim,) = split("On Friday, Mayor Vos said he can and may close the Lenz bridge.")
    assert claim.claim == "Mayor Vos can and may close the Lenz bridge."
    assert claim.speaker == "Mayor Vos"


@pytest.mark.parametrize(
    "text",
    [
        "The Lenz council has, according to local radio, said the bridge will close.",
        "According to local radio, the Lenz council has said the bridge will close.",
    ],
)
def test_a_source_between_auxiliary_and_verb_leaves_the_speaker_of_the_verb(text: str) -> None:
    (claim,) = split(text)
    assert claim.speaker is not None and "Lenz council" in claim.speaker
    assert claim.claim == "The bridge will close."


def test_a_pronoun_that_declines_is_the_person_asked_in_its_own_sentence() -> None:
    text = (
        "Karl Brandt, the port's director, was dismissed on Friday, officials said. "
        "Reporters asked Mayor Irena Vos about it on Monday, but she declined to comment."
    )
    (declined,) = [c for c in split(text) if c.stance == "declines"]
    assert declined.speaker == "Mayor Irena Vos"
    assert declined.claim == (
        "Reporters asked Mayor Irena Vos about it on Monday, but she declined to comment."
    )


def test_the_person_spoken_to_is_not_the_pronoun_that_speaks() -> None:
    text = (
        "Mayor Irena Vos visited the port on Monday. "
        'Speaking to Karl Brandt of Radio Lenz, she said, "The bridge will close."'
    )
    (bridge,) = [c for c in split(text) if "bridge" in c.claim]
    assert bridge.speaker == "Mayor Irena Vos"


def test_his_after_another_name_in_the_reported_words_is_not_made_the_speakers() -> None:
    text = (
        "Karl Brandt told Radio Lenz Tomas Reyk had worked at the port for years and his "
        "brother ran the ferry."
    )
    brother = [c for c in split(text) if "brother" in c.claim]
    assert brother and all("Brandt's brother" not in c.claim for c in brother)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ('Irena Vos called the plan "a non-starter".', 'The plan is "a non-starter".'),
        ('Irena Vos called it "a non-starter".', 'It is "a non-starter".'),
        ("Irena Vos called the plan a land grab.", "The plan is a land grab."),
        # the passive, as the active
        (
            "The Lenz tolls had previously been called a tax on the poor by Irena Vos.",
            "The Lenz tolls are a tax on the poor.",
        ),
        # the full stop inside the quotation
        ('Irena Vos called the plan "a non-starter."', 'The plan is "a non-starter."'),
        # a quoted label after an apposition: the small model reads both "Lenz" and the
        # label as labels
        (
            'Irena Vos, a former mayor and minister, called Lenz "the seat of all evil."',
            'Lenz is "the seat of all evil."',
        ),
    ],
)
def test_a_label_is_the_whole_label_with_its_quotation_marks(text: str, claim: str) -> None:
    (found,) = split(text)
    assert (found.claim, found.speaker, found.kind) == (claim, "Irena Vos", "opinion")


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ('Andrei Gurulyov, a former general, called Britain "the seat of all evil".',
         'Britain is "the seat of all evil".', "Andrei Gurulyov"),
        ('The mayor called Lenz "a failed city".', 'Lenz is "a failed city".', "mayor"),
    ],
)  # fmt: skip
def test_a_reporting_verb_read_as_a_participle_of_the_noun_before_it_is_its_verb(
    text: str, claim: str, speaker: str
) -> None:
    # the small model reads "called" as a participle of the noun: one noun phrase
    (found,) = split(text)
    assert (found.claim, found.speaker) == (claim, speaker)


def test_a_thing_that_condemns_is_no_speaker_and_a_source_before_it_is() -> None:
    text = "According to Irena Vos, the new law has condemned many farmers to debt."
    (claim,) = split(text)
    assert claim.speaker == "Irena Vos"
    assert claim.claim == "The new law has condemned many farmers to debt."
    (senators,) = split("A number of senators condemned the ruling.")
    assert senators.speaker is not None and "senators" in senators.speaker


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # the parser makes "organisation" and "KLF" two subjects of "claimed"
        ("The militant organisation KLF claimed the vote was rigged.",
         "militant organisation KLF", "The vote was rigged."),
        # and "counter", "-" and "demonstrators" three subjects of "said"
        ("Local counter-demonstrators said the march was peaceful.",
         "Local counter-demonstrators", "The march was peaceful."),
    ],
)  # fmt: skip
def test_a_subject_the_parser_split_in_pieces_is_the_whole_speaker(
    text: str, speaker: str, claim: str
) -> None:
    assert [(c.claim, c.speaker) for c in split(text)] == [(claim, speaker)]


def test_a_verb_phrase_sharing_a_subject_the_parser_split_gets_all_of_it() -> None:
    claims = split("The counter-protesters clashed with police in Lenz and threw bottles.")
    assert [c.claim for c in claims] == [
        "The counter-protesters clashed with police in Lenz.",
        "The counter-protesters threw bottles.",
    ]


def test_she_is_the_person_the_sentence_before_names_not_an_older_subject() -> None:
    text = (
        "Jon Brandt was struck by a van in Lenz on Monday. Police later spoke with Irena Vos "
        "as a suspect. She informed police she had diplomatic immunity."
    )
    last = split(text)[-1]
    assert (last.claim, last.speaker) == ("Irena Vos had diplomatic immunity.", "Irena Vos")


@pytest.mark.parametrize(
    "text",
    [
        "Nobody said the bridge at Lenz was safe.",
        "None of the ministers said the border would reopen.",
        "No official claimed the vote in Lenz was rigged.",
        "Not everyone agreed there should be another vote.",
        "Few analysts believe the ceasefire will hold.",
    ],
)
def test_what_no_one_said_is_nobodys_claim_and_the_sentence_stays_whole(text: str) -> None:
    assert [(c.claim, c.speaker) for c in split(text)] == [(text, None)]


def test_a_few_analysts_still_speak() -> None:
    (claim,) = split("A few analysts believe the ceasefire will hold.")
    assert claim.claim == "The ceasefire will hold."
    assert claim.speaker is not None and "analysts" in claim.speaker
    (claim,) = split("Not only the minister but also the mayor said the bridge was unsafe.")
    assert claim.claim == "The bridge was unsafe."
    assert claim.speaker is not None and "minister" in claim.speaker


def test_a_frame_set_aside_before_a_reporting_participle_frames_both_claims() -> None:
    # the parser hangs "said" and "warning" on "are": neither frame stays in the wording,
    # and the warning is the speaker's, not the attacks'
    text = (
        "The raids are legal, Colonel Brandt said, warning the council that the strikes "
        "will continue."
    )
    assert [(c.claim, c.speaker) for c in split(text)] == [
        ("The raids are legal.", "Colonel Brandt"),
        ("The strikes will continue.", "Colonel Brandt"),
    ]


def test_she_after_two_people_in_her_sentence_stays_unresolved_rather_than_guessed() -> None:
    (claim,) = split("When Irena Vos left the hall at midnight, Anton Halvard was ahead, she said.")
    assert claim.speaker == "she"  # not "Anton Halvard", the last subject before it


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ("The dam at Lenz held firm overnight, reported Radio Valdor.",
         "The dam at Lenz held firm overnight.", "Radio Valdor"),
        ("Two ferries were cancelled, wrote the mayor in a notice on Friday.",
         "Two ferries were cancelled.", "mayor"),
        ("Rebels seized the depot at Ostra, reported Valdor News on Monday.",
         "Rebels seized the depot at Ostra.", "Valdor News"),
    ],
)  # fmt: skip
def test_a_speaker_after_the_verb_that_follows_the_report_is_the_speaker(
    text: str, claim: str, speaker: str
) -> None:
    # the parser reads the speaker of "…, reported X" as the verb's object
    (found,) = split(text)
    assert found.claim == claim
    assert found.speaker is not None and speaker in found.speaker


def test_a_report_followed_by_whom_it_was_told_to_has_no_inverted_speaker() -> None:
    (found,) = split("Two ferries were cancelled, told the mayor.")
    assert found.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Vos replied saying that the Lenz bridge was safe.",
        "Mayor Vos responded, arguing that the Lenz bridge was safe.",
    ],
)
def test_a_reporting_participle_that_is_all_its_verb_says_carries_the_report(text: str) -> None:
    (found,) = split(text)
    assert found.claim == "The Lenz bridge was safe."
    assert found.speaker is not None and "Vos" in found.speaker


def test_a_report_on_something_keeps_its_own_claim_before_a_participle() -> None:
    # "reported on the budget" is a claim too: the participle does not replace it
    found = split("Mayor Vos reported on the Lenz budget, saying that the bridge was safe.")
    assert any("budget" in c.claim for c in found)


def test_a_name_the_parser_left_unattached_before_said_is_the_speaker() -> None:
    # the small model hangs "Massey" on "said" as a bare dep here, not as its subject
    (claim,) = split('"Our ferries will not sail to Lenz on Sunday," Massey said by email.')
    assert claim.speaker == "Massey"
    assert claim.claim == "Our ferries will not sail to Lenz on Sunday."
    assert claim.quote


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ('"The harbour toll," Mayor Ilse Brandt said, "will double in the spring."',
         "The harbour toll will double in the spring.", "Mayor Ilse Brandt"),
        ('"What worries me most", Oskar Lind said, "is the silence of the council."',
         "What worries me most is the silence of the council.", "Oskar Lind"),
        ('"We stand ready" wrote Lind "to reopen the bridge within a week."',
         "We stand ready to reopen the bridge within a week.", "Lind"),
    ],
)  # fmt: skip
def test_a_quotation_its_frame_interrupts_is_one_claim_without_the_frame(
    text: str, claim: str, speaker: str
) -> None:
    (found,) = split(text)
    assert (found.claim, found.speaker, found.quote) == (claim, speaker, True)


def test_two_quotations_of_a_dialogue_are_not_joined() -> None:
    text = 'We met the mayor, and she says, "The toll will double," and we say, "No, it will not."'
    claims = [c.claim for c in split(text)]
    assert not any("double" in c and "No," in c for c in claims)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The harbour toll, the mayor said, is a tax on the poor.",
         "The harbour toll is a tax on the poor."),
        ("The harbour toll, the mayor said on Monday, is a tax on the poor.",
         "The harbour toll is a tax on the poor."),
        ("Grain prices, traders say, are likely to rise further.",
         "Grain prices are likely to rise further."),
    ],
)  # fmt: skip
def test_a_frame_set_aside_after_the_subject_leaves_the_claim(text: str, claim: str) -> None:
    (found,) = split(text)
    assert found.claim == claim and found.speaker is not None


def test_a_frame_set_aside_that_carries_words_of_the_claim_stays() -> None:
    # "about that" hangs on "think": taking the frame out would take the topic with it
    (found,) = split("There is no doubt, I think, about the toll.")
    assert "toll" in found.claim


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Ilse Brandt feared a shift away from harbour tolls would make the dockers less loyal.",
         "A shift away from harbour tolls would make the dockers less loyal."),
        ("The Lenz governor has promised each docker will be paid a bonus of one thousand crowns.",
         "Each docker will be paid a bonus of one thousand crowns."),
    ],
)  # fmt: skip
def test_a_reported_subject_the_parser_read_as_an_object_leaves_the_frame(
    text: str, claim: str
) -> None:
    (found,) = split(text)
    assert found.claim == claim and found.speaker is not None


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ("She said as recently as two weeks ago in Lenz that every docker would be subject to "
         "a fine.", "Every docker would be subject to a fine.", "She"),
        ("The mayor stated over and over again that it was essential that the league act.",
         "It was essential that the league act.", "mayor"),
    ],
)  # fmt: skip
def test_a_report_whose_clause_the_parser_hung_on_an_adverb_leaves_the_frame(
    text: str, claim: str, speaker: str
) -> None:
    (found,) = split(text)
    assert (found.claim, found.speaker) == (claim, speaker)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The Harbour Board of Lenz voted on Monday. It was essential that the league act.",
         "It was essential that the league act."),
        ("The Harbour Board met on Monday, and it is clear that the toll will rise.",
         "It is clear that the toll will rise."),
    ],
)  # fmt: skip
def test_it_that_stands_for_a_later_clause_is_not_read_as_an_earlier_name(
    text: str, claim: str
) -> None:
    assert claim in [found.claim for found in split(text)]


def test_a_that_clause_under_a_sentence_without_a_verb_is_split_in_finite_time() -> None:
    # the repair walks up from the clause to its verb; here there is none to find
    assert split("Proud that the dockers voted for the right candidate.")


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ('Speaking to the Lenz Courier, the head of the dockers union, Ilse Brandt, said, "We '
         'will strike on Monday".', "We will strike on Monday.", "Ilse Brandt"),
        ("When you look at the harbour, a friend of mine who runs a ferry said the toll has "
         "doubled.", "The toll has doubled.", "friend of mine who runs a ferry"),
    ],
)  # fmt: skip
def test_a_speaker_the_parser_read_as_an_apposition_of_the_opening_clause_is_found(
    text: str, claim: str, speaker: str
) -> None:
    found = split(text)[-1]
    assert (found.claim, found.speaker) == (claim, speaker)


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ("The senator said, after the hearing, that prices would fall.",
         "Prices would fall.", "senator"),
        ("I promised, when we took office, that we would cut the deficit.",
         "We would cut the deficit.", "I"),
    ],
)  # fmt: skip
def test_a_phrase_between_the_reporting_verb_and_that_belongs_to_the_verb(
    text: str, claim: str, speaker: str
) -> None:
    # the model hangs the phrase set off by commas on the reported clause
    (found,) = split(text)
    assert (found.claim, found.speaker) == (claim, speaker)


def test_the_that_of_a_reported_clause_read_as_an_adverb_stays_out_of_the_claim() -> None:
    # the model reads this "that" as an adverb of "going", not as the clause's mark
    (found,) = split("We told them at that time that we were not going to sell the ferry.")
    assert (found.claim, found.speaker) == ("We were not going to sell the ferry.", "We")


def test_a_report_before_its_quotation_the_parser_hung_inside_it_leaves_the_frame() -> None:
    # the model reads "said" as an aside of "tolerated", the sentence's root
    text = (
        "In the video, Lam said, \"any boats that block the harbour and threaten the town's "
        'safety, security and trade interests will not be tolerated."'
    )
    (found,) = split(text)
    assert found.claim.startswith("Any boats that block the harbour")
    assert (found.speaker, found.quote) == ("Lam", True)


def test_a_name_the_parser_read_as_an_adverb_of_the_reporting_verb_is_the_speaker() -> None:
    # the model reads "Emily" as an adverbial noun of "said", and the verb has no subject
    (found,) = split('Emily Ng from the pro-Lenz camp said: "The vote was a disgrace."')
    assert (found.claim, found.speaker_type) == ("The vote was a disgrace.", "person")
    assert found.speaker == "Emily Ng from the pro-Lenz camp"


def test_a_named_speaker_is_typed_by_the_name_not_by_a_place_after_it() -> None:
    text = "Regina Ip from the pro-Freedonia camp said in a statement that the vote was a sham."
    (found,) = split(text)
    assert (found.claim, found.speaker_type) == ("The vote was a sham.", "person")


def test_words_after_a_gap_left_in_a_quotation_are_a_claim_of_the_same_speaker() -> None:
    text = (
        'The mayor said: "The ferry will run until May […] We have to find the money '
        'for the rest of the year."'
    )
    claims = split(text)
    assert [(c.claim, c.speaker) for c in claims] == [
        ("The ferry will run until May.", "mayor"),
        ("We have to find the money for the rest of the year.", "mayor"),
    ]


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        ("The senator called her a liar.", "She is a liar.", "senator"),
        ("The union called us liars.", "We are liars.", "union"),
        ("Councillors called me a nuisance.", "I am a nuisance.", "Councillors"),
        ("Critics branded him a traitor for the leak.", "He is a traitor for the leak.",
         "Critics"),
        ("In 1980, Mayor Dunn called you a radical for voting for the tax.",
         "You are a radical for voting for the tax.", "Mayor Dunn"),
    ],
)  # fmt: skip
def test_a_label_on_a_pronoun_is_worded_as_a_sentence_with_its_ground(
    text: str, claim: str, speaker: str
) -> None:
    # the pronoun becomes a subject that agrees with the copula; "for …" right after the
    # label says why it was given and stays with it
    (found,) = split(text)
    assert (found.claim, found.speaker) == (claim, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "As the mayor said last week, the Lenz bridge will reopen in May.",
        "The Lenz bridge will reopen in May, as the mayor said.",
    ],
)
def test_a_frame_opened_by_as_names_the_speaker_and_leaves_the_wording(text: str) -> None:
    (claim,) = split(text)
    assert (claim.speaker, claim.claim) == ("mayor", "The Lenz bridge will reopen in May.")


def test_an_as_clause_that_says_when_names_no_speaker() -> None:
    (claim,) = split("As she said goodbye, the Lenz bridge collapsed.")
    assert claim.speaker is None


def test_an_as_clause_reporting_content_of_its_own_is_a_claim_of_its_speaker() -> None:
    claims = split(
        "The Lenz ferry is still running, as the harbour board says the strike order does "
        "not cover ferries."
    )
    assert [(c.speaker, c.claim) for c in claims] == [
        (None, "The Lenz ferry is still running."),
        ("harbour board", "The strike order does not cover ferries."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master told CNN Lenz Port had closed on Monday.",
        "The harbour master told the BBC Lenz Port had closed on Monday.",
    ],
)
def test_a_broadcaster_told_is_not_part_of_the_name_that_opens_what_it_was_told(
    text: str,
) -> None:
    (claim,) = split(text)
    assert (claim.speaker, claim.claim) == ("harbour master", "Lenz Port had closed on Monday.")


def test_what_a_speaker_implies_is_the_speakers_claim() -> None:
    (claim,) = split("The mayor of Lenz is implying that the harbour toll will fall.")
    assert (claim.speaker, claim.claim) == ("mayor of Lenz", "The harbour toll will fall.")


@pytest.mark.parametrize(
    ("text", "speaker", "wording"),
    [
        ("The Lenz council published a report that found the harbour would close by 2030.",
         "Lenz council", "The harbour would close by 2030."),
        ("The Lenz council did a study which said the bridge was unsafe.",
         "Lenz council", "The bridge was unsafe."),
        ("The Lenz council released a poll showing that most dockers back the strike.",
         "Lenz council", "Most dockers back the strike."),
        ("The Lenz council put out a report that said the pier is safe.",
         "Lenz council", "The pier is safe."),
        # the document's own issuer comes before whoever put it out
        ("The Lenz council published a Karsovia Labs study that found the bridge was unsafe.",
         "Karsovia Labs", "The bridge was unsafe."),
    ],
)  # fmt: skip
def test_what_a_published_document_found_is_its_issuers_claim(
    text: str, speaker: str, wording: str
) -> None:
    (claim,) = split(text)
    assert (claim.speaker, claim.claim) == (speaker, wording)


@pytest.mark.parametrize(
    "text",
    [
        # whoever only cites a document, or no one, does not say what it found
        "The Lenz council cited a study that found the bridge was unsafe.",
        "Nobody released a report that found the bridge was unsafe.",
        # a document that is only described says nothing
        "The Lenz council released a report that runs to 300 pages.",
    ],
)
def test_a_document_only_cited_or_described_names_no_speaker(text: str) -> None:
    (claim,) = split(text)
    assert claim.speaker is None


def test_a_passive_frame_opened_by_it_names_its_agent_as_the_speaker() -> None:
    (claim,) = split(
        "It has been acknowledged by the harbour master that the Lenz pier is getting worse."
    )
    assert (claim.speaker, claim.claim) == ("harbour master", "The Lenz pier is getting worse.")


def test_a_passive_frame_with_no_agent_names_no_one() -> None:
    (claim,) = split("It has been reported that the Lenz pier is getting worse.")
    assert claim.speaker is None


def test_a_name_the_recogniser_cut_inside_its_brackets_keeps_the_closing_one() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from workbench.splitting.speakers import closed_name

    words = ["the", "Lenz", "Harbour", "Commission", "(", "LHC", ")", "spoke", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 4 + [False] * 5)
    assert closed_name(Span(doc, 0, 6, label="ORG")) == "the Lenz Harbour Commission (LHC)"
    assert closed_name(Span(doc, 0, 4, label="ORG")) == "the Lenz Harbour Commission"


def test_calling_an_official_is_a_fact_about_the_call_not_a_label() -> None:
    (called,) = split("Early in her term Mayor Vos called the attorney general.")
    assert (called.speaker, called.kind) == (None, "fact")
    # a label keeps its speaker, and so does a name given by a reduced relative
    (label,) = split("Mayor Vos called the Lenz ferry a disgrace.")
    assert label.speaker == "Mayor Vos"
    (named,) = split("The Lenz council passed a law called the Harbour Act.")
    assert named.claim == "The Lenz council passed a law called the Harbour Act."


def test_a_second_clause_whose_subject_the_parser_read_into_a_list_is_a_claim_of_its_own() -> None:
    went, said = split(
        "Mayor Vos went to Lenz and the harbour master said he felt sympathy for the dockers."
    )
    assert went.claim == "Mayor Vos went to Lenz."
    assert said.speaker == "harbour master"
    out, young = split(
        "8 million dockers are out of work and unemployment among the youth of Lenz is 50%."
    )
    assert out.claim == "8 million dockers are out of work."
    assert young.claim == "Unemployment among the youth of Lenz is 50%."
    # a longer list is left as the parser read it
    (listed,) = split("The council helps towns in Lenz, Ostra and Varga build new ferries.")
    assert listed.claim == "The council helps towns in Lenz, Ostra and Varga build new ferries."


def test_he_after_a_speaker_named_later_than_a_person_is_not_taken_for_that_person() -> None:
    (regretted,) = split("After meeting Mayor Vos, the harbour master said he regretted the vote.")
    assert regretted.speaker == "harbour master"
    assert "Vos" not in regretted.claim
    # a speaker no "she" can mean leaves the person obvious
    _, deserves = split("Mayor Vos opened the harbour school, and I think she deserves the prize.")
    assert (deserves.speaker, deserves.claim) == ("I", "Mayor Vos deserves the prize.")


def test_a_list_of_subjects_ending_in_a_pronoun_is_not_read_into_the_opening_phrase() -> None:
    (agreed,) = split("In Ostra, Karsovia, Mayor Vos and I agreed that the ferry would run again.")
    assert agreed.speaker == "Mayor Vos and I"
    (week,) = split("Last week in Lenz, Mayor Vos and I agreed that the ferry would run again.")
    assert week.speaker == "Mayor Vos and I"


def test_a_label_under_a_shared_denial_is_no_ones_characterisation() -> None:
    # "call" shares "did not" with "attack"; the parser hangs it on "writing", so the label
    # was the reporter's, asserted
    text = 'Mayor Vos did not attack the harbour clerk writing the report or call her "lazy".'
    (found,) = split(text)
    assert found.speaker is None
    assert "did not attack" in found.claim
    asserted = 'Mayor Vos attacked the harbour clerk writing the report and called her "lazy".'
    assert ("Mayor Vos", 'She is "lazy".') in {(d.speaker, d.claim) for d in split(asserted)}


def test_a_contracted_has_before_a_reporting_verb_keeps_the_speaker() -> None:
    # the parser reads "She's said" as the passive "she is said"
    (found,) = split("She's said publicly that the harbour toll is now three times the rate.")
    assert (found.speaker, found.claim) == ("She", "The harbour toll is now three times the rate.")
    (impersonal,) = split("It's said that the harbour toll will rise.")
    assert impersonal.speaker is None


def test_a_report_whose_clause_refers_back_to_the_addressee_keeps_its_frame() -> None:
    # "Their harbour tolls will not rise." alone would lose whose tolls they are
    (found,) = split("Mayor Vos promised farmers that their harbour tolls would not rise.")
    assert found.speaker == "Mayor Vos"
    assert found.claim == "Mayor Vos promised farmers that their harbour tolls would not rise."
    (plain,) = split("Mayor Vos told reporters that the harbour would close.")
    assert (plain.speaker, plain.claim) == ("Mayor Vos", "The harbour would close.")
    # in a quotation the addressee is "you": "her" is someone else
    quoted = split('Mayor Vos told the Lenz Courier, "All we need to do is ask her to come back."')
    assert [(q.speaker, q.claim) for q in quoted] == [
        ("Mayor Vos", "All we need to do is ask her to come back.")
    ]


def test_those_who_verify_a_clause_say_it() -> None:
    (claim,) = split("Two harbour inspectors verified that the Lenz sea wall was sound.")
    assert claim.speaker == "Two harbour inspectors"
    assert claim.claim == "The Lenz sea wall was sound."


def test_a_clause_that_says_which_one_speaks_is_part_of_the_speaker() -> None:
    # "the engineer the mayor hired" is not any engineer; "his" may be either man's
    (claim,) = split("The engineer Mayor Vos hired says his plan will reopen the harbour in May.")
    assert claim.speaker == "engineer Mayor Vos hired"
    assert claim.claim.startswith("His plan")
    (claim,) = split("Dockers who work the night shift say the cranes are unsafe.")
    assert claim.speaker == "Dockers who work the night shift"
    # a clause set off by commas, or one after a name, only tells more about the speaker
    (claim,) = split("Mayor Vos, who was elected in 2019, said the harbour will reopen in May.")
    assert claim.speaker == "Mayor Vos"


def test_a_that_clause_after_a_phrase_the_parser_read_as_relative_is_still_reported() -> None:
    # the model reads "the start of this campaign that we have …" as a relative clause
    (claim,) = split(
        "Mayor Vos has said from the start of this campaign that we have a duty to dredge"
        " the harbour."
    )
    assert (claim.speaker, claim.claim) == ("Mayor Vos", "We have a duty to dredge the harbour.")
    # "that" read as the object of "be", which has a complement of its own
    (claim,) = split(
        "He said in the first debate that Mayor Vos was going to be responsible for the port."
    )
    assert (claim.speaker, claim.claim) == (
        "He",
        "Mayor Vos was going to be responsible for the port.",
    )
    # a relative clause whose "that" stands for an object stays one
    (claim,) = split("I backed the three new quays that we are going to help Lenz to finance.")
    assert claim.speaker is None


def test_disagreeing_that_something_is_so_denies_it() -> None:
    (claim,) = split("The Lenz council disagreed that it was time to dredge the harbour.")
    assert (claim.speaker, claim.stance) == ("Lenz council", "denies")
    assert claim.claim == "It was not time to dredge the harbour."  # what the council holds


@pytest.mark.parametrize(
    "text",
    [
        "The harbour toll is a touchy subject, because many dockers complain about it.",
        "The quay may close early, if you ask the mayor.",
    ],
)
def test_a_reporting_verb_in_a_clause_of_reason_or_condition_frames_nothing(text: str) -> None:
    # "…, because X complain" says why; it is not "…, X said"
    (claim,) = split(text)
    assert claim.speaker is None


def test_a_report_the_parser_hung_on_the_opening_phrase_still_has_its_speaker() -> None:
    # the model reads "he said …" as a relative clause of "flood", rooting the sentence in "On"
    text = "On the day after the flood he said in the Rose Garden that the Lenz dam had held."
    (held,) = split(text)
    assert held.speaker == "he"
    # a relative clause the opening phrase really has is left to it
    (broke,) = split("On the day she was born, the Lenz dam broke.")
    assert (broke.speaker, broke.claim) == (None, "On the day she was born, the Lenz dam broke.")
