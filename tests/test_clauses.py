"""Atomic claims and attribution on clause spans.

The rules are tested on hand-built Docs (a parse written out by hand, so a test never depends
on the model's mistakes), and a few end-to-end cases run the English model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from tests.spacy_support import VOCAB, needs_model
from workbench.splitting import split_text
from workbench.splitting.attribution import AttributionComponent
from workbench.splitting.clauses import ClausesComponent, split_unit
from workbench.splitting.units import ClaimUnits
from workbench.splitting.wording import WordingComponent, standalone_wording

NO_SPACE_BEFORE = {",", ".", "?", "!", ";", ":", "”", "’s", "'s", "%"}
NO_SPACE_AFTER = {"“", "(", "$"}


def parse(table: str) -> Doc:
    """A parsed Doc from lines of ``word lemma POS TAG dep head [entity]``.

    ``head`` is the absolute index of the head token; an entity is written as a label on
    its first token (``B-GPE``) and ``I`` on the following ones. Spaces are put between
    words except before closing punctuation and after opening marks.
    """
    rows = [line.split() for line in table.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in NO_SPACE_BEFORE
        and words[i] not in NO_SPACE_AFTER
        for i in range(len(words))
    ]
    ents = []
    for row in rows:
        tag = row[6] if len(row) > 6 else "O"
        ents.append("I-" + ents[-1][2:] if tag == "I" else tag)
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        ents=ents,
    )


def annotate(doc: Doc) -> list[tuple[str, str, str | None, bool]]:
    """Run the claim-unit, clause, attribution and wording components on a hand-built Doc."""
    for component in (
        ClaimUnits(min_alpha=1),
        ClausesComponent(split=True),
        AttributionComponent(resolve_pronouns=True, pronoun_window=3, quote_threshold=0.8),
        WordingComponent(),
    ):
        doc = component(doc)
    return [(s.text, s._.standalone, s._.speaker, s._.quote) for s in doc._.claim_spans]


ALTHOUGH = """
Although although SCONJ IN mark 3
Ruritania Ruritania PROPN NNP nsubj 3 B-GPE
has have AUX VBZ aux 3
said say VERB VBN advcl 13
it it PRON PRP nsubj 5
is be AUX VBZ ccomp 3
neutral neutral ADJ JJ acomp 5
in in ADP IN prep 6
the the DET DT det 9
dispute dispute NOUN NN pobj 7
, , PUNCT , punct 13
it it PRON PRP nsubj 13
has have AUX VBZ aux 13
shipped ship VERB VBN ROOT 13
40,000 40,000 NUM CD nummod 15 B-QUANTITY
tonnes tonne NOUN NNS dobj 13 I
of of ADP IN prep 15
grain grain NOUN NN pobj 16
to to ADP IN prep 13
Freedonia Freedonia PROPN NNP pobj 18 B-GPE
. . PUNCT . punct 13
"""


def test_although_clause_gives_the_speakers_claim_and_the_articles_claim() -> None:
    doc = parse(ALTHOUGH)
    assert [(c.start, c.end) for c in split_unit(doc[:])] == [(1, 10), (11, 21)]
    assert annotate(doc) == [
        (
            "Ruritania has said it is neutral in the dispute",
            "Ruritania is neutral in the dispute.",
            "Ruritania",
            False,
        ),
        (
            "it has shipped 40,000 tonnes of grain to Freedonia.",
            "Ruritania has shipped 40,000 tonnes of grain to Freedonia.",
            None,
            False,
        ),
    ]


COORDINATED = """
Grain grain NOUN NN compound 1
prices price NOUN NNS nsubj 2
rose rise VERB VBD ROOT 2
sharply sharply ADV RB advmod 2
, , PUNCT , punct 2
and and CCONJ CC cc 2
fuel fuel NOUN NN compound 7
prices price NOUN NNS nsubj 8
climbed climb VERB VBN conj 2
by by ADP IN prep 8
a a DET DT det 11
third third NOUN NN pobj 9
. . PUNCT . punct 2
"""


def test_coordinated_independent_clauses_are_two_claims() -> None:
    assert annotate(parse(COORDINATED)) == [
        ("Grain prices rose sharply", "Grain prices rose sharply.", None, False),
        ("fuel prices climbed by a third.", "Fuel prices climbed by a third.", None, False),
    ]


def test_a_disjunction_stays_whole() -> None:
    doc = parse(COORDINATED.replace("and and CCONJ CC cc 2", "or or CCONJ CC cc 2"))
    assert [s.text for s in doc._.claim_spans] == [doc.text]
    assert len(annotate(doc)) == 1


VERB_PHRASES = """
Karl Karl PROPN NNP compound 1 B-PERSON
Brandt Brandt PROPN NNP nsubj 2 I
arrived arrive VERB VBD ROOT 2
on on ADP IN prep 2
Sunday Sunday PROPN NNP pobj 3 B-DATE
and and CCONJ CC cc 2
has have AUX VBZ aux 7
stayed stay VERB VBN conj 2
on on ADP RP prt 7
. . PUNCT . punct 2
"""


def test_coordinated_verb_phrases_copy_the_shared_subject() -> None:
    assert annotate(parse(VERB_PHRASES)) == [
        ("Karl Brandt arrived on Sunday", "Karl Brandt arrived on Sunday.", None, False),
        ("has stayed on.", "Karl Brandt has stayed on.", None, False),
    ]


def test_verbs_sharing_their_object_stay_whole() -> None:
    doc = parse(
        """
Freedonia Freedonia PROPN NNP nsubj 1 B-GPE
bought buy VERB VBD ROOT 1
and and CCONJ CC cc 1
sold sell VERB VBD conj 1
grain grain NOUN NN dobj 3
. . PUNCT . punct 1
"""
    )
    assert split_unit(doc[:])[0].end == len(doc)
    assert len(annotate(doc)) == 1


def test_relative_and_purpose_clauses_stay_whole() -> None:
    doc = parse(
        """
The the DET DT det 1
talks talk NOUN NNS nsubj 8
, , PUNCT , punct 1
which which PRON WDT nsubj 4
began begin VERB VBD relcl 1
on on ADP IN prep 4
Saturday Saturday PROPN NNP pobj 5 B-DATE
, , PUNCT , punct 1
ended end VERB VBD ROOT 8
to to PART TO aux 10
allow allow VERB VB advcl 8
a a DET DT det 12
vote vote NOUN NN dobj 10
. . PUNCT . punct 8
"""
    )
    assert annotate(doc) == [(doc.text, doc.text, None, False)]


CONVOY = """
The the DET DT det 1
convoy convoy NOUN NN nsubj 2
left leave VERB VBD ROOT 2
{mark} {mark} SCONJ IN mark 5
divers diver NOUN NNS nsubj 5
cleared clear VERB VBD advcl 2
the the DET DT det 7
mines mine NOUN NNS dobj 5
. . PUNCT . punct 2
"""


def test_a_closing_adverbial_clause_with_its_own_subject_is_a_claim() -> None:
    assert annotate(parse(CONVOY.format(mark="although"))) == [
        ("The convoy left", "The convoy left.", None, False),
        ("divers cleared the mines.", "Divers cleared the mines.", None, False),
    ]


@pytest.mark.parametrize("mark", ["after", "before", "since"])
def test_a_clause_that_says_when_stays_with_its_claim_and_is_one_inside_it(mark: str) -> None:
    doc = parse(CONVOY.format(mark=mark))
    assert annotate(doc) == [
        (doc.text, doc.text, None, False),
        ("divers cleared the mines", "Divers cleared the mines.", None, False),
    ]


def test_conditional_and_elliptical_clauses_stay_whole() -> None:
    assert len(annotate(parse(CONVOY.format(mark="if")))) == 1
    doc = parse(
        """
The the DET DT det 1
minister minister NOUN NN nsubj 2
resigned resign VERB VBD ROOT 2
, , PUNCT , punct 2
as as SCONJ IN mark 7
he he PRON PRP nsubj 7
had have AUX VBD aux 7
promised promise VERB VBN advcl 2
. . PUNCT . punct 2
"""
    )
    assert len(annotate(doc)) == 1


def test_a_question_is_never_split() -> None:
    doc = parse(
        """
Will will AUX MD aux 2
Ruritania Ruritania PROPN NNP nsubj 2 B-GPE
sign sign VERB VB ROOT 2
, , PUNCT , punct 2
and and CCONJ CC cc 2
will will AUX MD aux 7
Freedonia Freedonia PROPN NNP nsubj 7 B-GPE
pay pay VERB VB conj 2
? ? PUNCT . punct 2
"""
    )
    assert annotate(doc) == [(doc.text, doc.text, None, False)]


def test_called_y_a_z_is_the_speakers_characterisation() -> None:
    doc = parse(
        """
Karl Karl PROPN NNP compound 1 B-PERSON
Brandt Brandt PROPN NNP nsubj 2 I
called call VERB VBD ROOT 2
the the DET DT det 4
deal deal NOUN NN dobj 2
a a DET DT det 6
provocation provocation NOUN NN oprd 2
and and CCONJ CC cc 2
warned warn VERB VBD conj 2
that that SCONJ IN mark 13
his his PRON PRP$ poss 11
government government NOUN NN nsubj 13
could could AUX MD aux 13
retaliate retaliate VERB VB ccomp 8
. . PUNCT . punct 2
"""
    )
    assert annotate(doc) == [
        (
            "Karl Brandt called the deal a provocation",
            "The deal is a provocation.",
            "Karl Brandt",
            False,
        ),
        (
            "warned that his government could retaliate.",
            "Karl Brandt's government could retaliate.",
            "Karl Brandt",
            False,
        ),
    ]


def test_a_trailing_speaker_the_parser_took_for_part_of_the_sentence() -> None:
    doc = parse(
        """
Exports export NOUN NNS nsubj 1
rose rise VERB VBD ccomp 11
by by ADP IN prep 1
a a DET DT det 4
third third NOUN NN pobj 2
last last ADJ JJ amod 6
year year NOUN NN npadvmod 1
, , PUNCT , punct 6
diplomats diplomat NOUN NNS conj 6
and and CCONJ CC cc 8
traders trader NOUN NNS conj 8
said say VERB VBD ROOT 11
. . PUNCT . punct 11
"""
    )
    assert annotate(doc) == [
        (doc.text, "Exports rose by a third last year.", "diplomats and traders", False),
    ]


def test_a_pronoun_that_could_mean_an_object_is_left_alone() -> None:
    doc = parse(
        """
The the DET DT det 1
FDA FDA PROPN NNP nsubj 2 B-ORG
issued issue VERB VBD ROOT 2
guidance guidance NOUN NN dobj 2
, , PUNCT , punct 2
and and CCONJ CC cc 2
it it PRON PRP nsubjpass 8
was be AUX VBD auxpass 8
published publish VERB VBN conj 2
. . PUNCT . punct 2
"""
    )
    assert [wording for _, wording, _, _ in annotate(doc)] == [
        "The FDA issued guidance.",
        "It was published.",
    ]


def test_wording_without_the_components_falls_back_to_the_span() -> None:
    doc = parse(COORDINATED)
    assert standalone_wording(doc[6:13]) == "Fuel prices climbed by a third."
    assert standalone_wording(doc[:]) == doc.text


# --------------------------------------------------------------------------- with the model


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "COVID is evolving quickly, according to the ministry, and Omicron is spreading.",
            [("ministry", "COVID is evolving quickly."), ("ministry", "Omicron is spreading.")],
        ),
        (
            "Prices fell in March, and according to the ministry, exports rose in April.",
            [(None, "Prices fell in March."), ("ministry", "Exports rose in April.")],
        ),
        (
            "Mr Lind said the ship had docked and the crew had gone ashore.",
            [("Mr Lind", "The ship had docked."), ("Mr Lind", "The crew had gone ashore.")],
        ),
        (
            "President Vos vowed to cut fuel taxes.",
            [("President Vos", "President Vos vowed to cut fuel taxes.")],
        ),
    ],
)
def test_frames_on_clause_spans(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(c.speaker, c.claim) for c in split_text(text)] == expected


@needs_model
def test_pronoun_speaker_keeps_the_title_as_written() -> None:
    claims = split_text("Mr Reyk visited the port on Monday. He said the harbour had reopened.")
    assert [(c.speaker, c.claim) for c in claims] == [
        (None, "Mr Reyk visited the port on Monday."),
        ("Mr Reyk", "The harbour had reopened."),
    ]


@needs_model
def test_a_quotation_split_into_clauses_stays_a_quotation() -> None:
    claims = split_text("“We closed the strait, and we will reopen it,” Mr Lind said.")
    assert [(c.text, c.claim, c.speaker, c.quote) for c in claims] == [
        ("“We closed the strait", "We closed the strait.", "Mr Lind", True),
        ("we will reopen it,” Mr Lind said.", "We will reopen it.", "Mr Lind", True),
    ]


# the parser's reading of a sentence it gets wrong: "deprives" taken for a noun in
# apposition to "loss", and the hyphen of "al-Lenz" taken for an appositive of its own
HYPHEN_APPOSITIVE = """
The the DET DT det 1
loss loss NOUN NN nsubj 1
not not PART RB preconj 4
only only ADV RB advmod 2
deprives deprive NOUN NNS appos 1
al al PROPN NNP appos 4
- - PROPN NNP appos 4
Lenz Lenz PROPN NNP appos 4
of of ADP IN prep 4
revenue revenue NOUN NN pobj 8
. . PUNCT . punct 1
"""


def test_a_hyphen_inside_a_name_is_not_a_label_between_dashes() -> None:
    """A label is words between two dashes; an appositive that is the hyphen itself made an
    empty label and the claim "Not only deprives al are ."."""
    claims = annotate(parse(HYPHEN_APPOSITIVE))  # (the table puts spaces around "-")
    assert [wording for _, wording, _, _ in claims] == [
        "The loss not only deprives al - Lenz of revenue."
    ]


def test_a_hyphenated_word_the_parser_parted_stands_whole_where_its_head_stands() -> None:
    from workbench.splitting.word_repairs import mend_parted_words

    # "the 33,000 e" read as the object of "said" and "mails" as the subject of "had"
    words = ["She", "said", "the", "33,000", "e", "-", "mails", "had", "gone", "."]
    spaces = [True, True, True, True, False, False, True, True, False, False]
    heads = [1, 1, 4, 4, 1, 1, 7, 1, 7, 1]
    deps = ["nsubj", "ROOT", "det", "nummod", "dobj", "dobj", "nsubj", "ccomp", "dobj", "punct"]
    pos = ["PRON", "VERB", "DET", "NUM", "NOUN", "NOUN", "NOUN", "AUX", "VERB", "PUNCT"]
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    mend_parted_words(doc)
    subject = doc[6]
    assert [t.text for t in subject.subtree] == ["the", "33,000", "e", "-", "mails"]
    assert (subject.head.text, subject.dep_) == ("had", "nsubj")


@needs_model
def test_a_reported_hyphenated_subject_keeps_its_number() -> None:
    (found,) = split_text("Mayor Vos said the 3,000 e-mails had to do with the harbour toll.")
    assert found.claim == "The 3,000 e-mails had to do with the harbour toll."
    assert found.speaker == "Mayor Vos"


def test_a_simple_past_read_as_a_participle_of_the_noun_before_it_is_the_verb() -> None:
    from workbench.splitting.parse_repairs import mend_reduced_relative_roots

    # "The ferry bill passed with support.": one noun phrase, "passed" a participle of it
    words = ["The", "ferry", "bill", "passed", "with", "support", "."]
    heads = [2, 2, 2, 2, 3, 4, 2]
    deps = ["det", "compound", "ROOT", "acl", "prep", "pobj", "punct"]
    pos = ["DET", "NOUN", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "NN", "VBD", "IN", "NN", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    mend_reduced_relative_roots(doc)
    assert (doc[3].dep_, doc[2].dep_, doc[2].head.text) == ("ROOT", "nsubj", "passed")
    assert doc[6].head.text == "passed"


def test_a_sum_in_words_the_recogniser_took_for_a_date_is_money() -> None:
    from workbench.splitting.word_repairs import mend_dated_sums

    # "It rose to sixteen and a half million dollars in two years.": the model calls the
    # sum a date; the two years stay one
    words = ["It", "rose", "to", "sixteen", "and", "a", "half", "million", "dollars"]
    words += ["in", "two", "years", "."]
    tags = ["PRP", "VBD", "IN", "CD", "CC", "DT", "NN", "CD", "NNS", "IN", "CD", "NNS", "."]
    ents = ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    ents += ["B-DATE", "I-DATE", "O"]
    doc = mend_dated_sums(Doc(VOCAB, words=words, tags=tags, ents=ents))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("sixteen and a half million dollars", "MONEY"),
        ("two years", "DATE"),
    ]


def test_a_figure_counting_the_plural_noun_after_it_is_no_year_unless_it_can_be_one() -> None:
    from workbench.splitting.word_repairs import mend_dated_sums

    # "It is paid in 1700 towns, not the 2020 towns.": the model calls both figures dates
    words = ["It", "is", "paid", "in", "1700", "towns", ",", "not", "the", "2020", "towns", "."]
    tags = ["PRP", "VBZ", "VBN", "IN", "CD", "NNS", ",", "RB", "DT", "CD", "NNS", "."]
    heads = [2, 2, 2, 2, 5, 3, 2, 2, 10, 10, 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "nummod", "pobj", "punct", "neg", "det"]
    deps += ["nummod", "conj", "punct"]
    ents = ["O", "O", "O", "O", "B-DATE", "O", "O", "O", "O", "B-DATE", "O", "O"]
    doc = Doc(VOCAB, words=words, tags=tags, heads=heads, deps=deps, ents=ents)
    assert [(e.text, e.label_) for e in mend_dated_sums(doc).ents] == [
        ("1700", "CARDINAL"),
        ("2020", "DATE"),
    ]


@needs_model
def test_a_title_the_recogniser_missed_speaks_whole_and_denies_nothing() -> None:
    (found,) = split_text("The No Wharf Left Behind Act says Lenz will rebuild the harbour.")
    assert found.speaker == "No Wharf Left Behind Act"
    assert found.claim == "Lenz will rebuild the harbour."
    (framed,) = split_text("That is what the No Wharf Left Behind Act does.")
    assert framed.frame.polarity == "positive"


@needs_model
def test_when_a_speaker_spoke_is_not_part_of_the_speaker() -> None:
    (found,) = split_text("Admirals Vos and Brandt in 1955 said that Lenz should not arm the port.")
    assert found.speaker == "Admirals Vos and Brandt"
    # the date left out sets off nothing after it: who tweeted stays in the speaker
    (tweeted,) = split_text(
        '"The harbour is closed to ferries," according to a tweet on Monday by Mayor Vos.'
    )
    assert tweeted.speaker == "tweet by Mayor Vos"
    # a time phrase the recogniser dates nothing of is left out too
    for text in (
        "My rival at one time said he'd have them out of the harbour in six months.",
        "Mayor Vos in the past said she would close the harbour.",
        "The admiral at the time said Lenz would arm the port.",
    ):
        (found,) = split_text(text)
        assert "time" not in found.speaker and "past" not in found.speaker, text
