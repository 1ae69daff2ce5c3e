"""Every word list and tag set the splitter's rules use, defined once.

Word lists are data: ``workbench/data/lexicon/*.toml``, one table per list, each with an
``about`` line and either ``words`` (single tokens) or ``phrases`` (space-separated tokens).
A user extends or trims them without touching the code, from a file of the same shape whose
tables say ``add = [...]`` and/or ``remove = [...]``:

* each path in ``$WORKBENCH_LEXICON`` (``os.pathsep``-separated; a folder means its
  ``*.toml`` files), else every ``*.toml`` in ``~/.config/workbench/lexicon/``.

The lists are read when this module is first imported (the splitter is loaded once per
process). A malformed file is a :class:`LexiconError` naming the file and the line.

Tag, dependency and entity-label sets are the model's vocabulary, not ours to extend: they
are plain constants below, one definition each.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.paths import config_dir

ENV_VAR = "WORKBENCH_LEXICON"
_TOKEN = re.compile(r"^\S+$")


class LexiconError(WorkbenchError):
    """A lexicon file is malformed: the message names the file and line."""


@dataclass(frozen=True)
class WordList:
    """One list of the lexicon: single words, or phrases as tuples of lower-case tokens."""

    name: str
    about: str
    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    @property
    def is_phrases(self) -> bool:
        return bool(self.phrases)


def _line_of(text: str, table: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() == f"[{table}]":
            return number
    return None


def _fail(path: str, text: str, table: str | None, message: str) -> LexiconError:
    line = _line_of(text, table) if table else None
    where = f"{path}:{line}" if line else path
    return LexiconError(f"{where}: {message}")


def _read(path: str, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{path}: not valid TOML ({err})") from None


def _items(path: str, text: str, table: str, raw: object, key: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise _fail(path, text, table, f"[{table}] {key} must be a list of non-empty strings")
    return [" ".join(w.lower().split()) for w in raw]


def parse_builtin(path: str, text: str) -> dict[str, WordList]:
    """The lists of one shipped lexicon file."""
    out: dict[str, WordList] = {}
    for name, table in _read(path, text).items():
        if not isinstance(table, dict) or not isinstance(table.get("about"), str):
            raise _fail(path, text, name, f"[{name}] needs an 'about' line")
        unknown = set(table) - {"about", "words", "phrases"}
        if unknown or ("words" in table) == ("phrases" in table):
            raise _fail(path, text, name, f"[{name}] needs exactly one of 'words' or 'phrases'")
        if "words" in table:
            words = _items(path, text, name, table["words"], "words")
            if any(not _TOKEN.match(w) for w in words):
                raise _fail(path, text, name, f"[{name}] words are single tokens; use phrases")
            out[name] = WordList(name, table["about"], words=frozenset(words))
        else:
            items = _items(path, text, name, table["phrases"], "phrases")
            out[name] = WordList(
                name, table["about"], phrases=frozenset(tuple(p.split()) for p in items)
            )
    return out


def apply_user_file(lists: Mapping[str, WordList], path: str, text: str) -> dict[str, WordList]:
    """The lists after one user file's ``add`` and ``remove`` tables."""
    out = dict(lists)
    for name, table in _read(path, text).items():
        if name not in out:
            known = ", ".join(sorted(out))
            raise _fail(path, text, name, f"[{name}] is not a lexicon list (known: {known})")
        if not isinstance(table, dict) or not set(table) <= {"add", "remove"} or not table:
            raise _fail(path, text, name, f"[{name}] takes only 'add' and 'remove' lists")
        current = out[name]
        add = _items(path, text, name, table.get("add", []), "add")
        remove = set(_items(path, text, name, table.get("remove", []), "remove"))
        if current.is_phrases:
            phrases = {p for p in current.phrases if " ".join(p) not in remove}
            phrases |= {tuple(p.split()) for p in add}
            out[name] = WordList(name, current.about, phrases=frozenset(phrases))
        else:
            if any(not _TOKEN.match(w) for w in add):
                raise _fail(path, text, name, f"[{name}] holds single words, not phrases")
            words = (current.words - remove) | set(add)
            out[name] = WordList(name, current.about, words=frozenset(words))
    return out


def user_paths() -> list[Path]:
    """The user's lexicon files, in the order they apply."""
    explicit = os.environ.get(ENV_VAR)
    roots = [Path(p) for p in explicit.split(os.pathsep) if p] if explicit else []
    if not explicit:
        folder = config_dir()
        roots = [folder / "lexicon"] if folder else []
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found.extend(sorted(root.glob("*.toml")))
        elif root.exists() or explicit:
            found.append(root)
    return found


def load_lexicon(extra: Iterable[Path] | None = None) -> dict[str, WordList]:
    """The shipped lists with the user's files (``extra``, default :func:`user_paths`) applied."""
    lists: dict[str, WordList] = {}
    for item in sorted(files("workbench.data").joinpath("lexicon").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            lists.update(parse_builtin(f"lexicon/{item.name}", item.read_text(encoding="utf-8")))
    for path in user_paths() if extra is None else extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise LexiconError(f"{path}: cannot read the lexicon file ({err})") from None
        lists = apply_user_file(lists, str(path), text)
    return lists


LEXICON = load_lexicon()


def _words(name: str) -> frozenset[str]:
    return LEXICON[name].words


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return LEXICON[name].phrases


def lexicon_pairs(name: str) -> dict[str, str]:
    """A lexicon table of "word value" phrases as a dict."""
    return {phrase[0]: phrase[1] for phrase in LEXICON[name].phrases}


# -- word lists (data) --------------------------------------------------------------------------

EVALUATIVE_ADJECTIVES = _words("evaluative_adjectives")
EVALUATIVE_NOUNS = _words("evaluative_nouns")
EVALUATIVE_VERBS = _words("evaluative_verbs")
BELIEF_ADJECTIVES = _words("belief_adjectives")
NON_EVALUATIVE_PAIRS = _phrases("non_evaluative_pairs")
DATED_ADJECTIVES = _words("dated_adjectives")
INTENSIFIERS = _words("intensifiers")
STANCE_ADVERBS = _words("stance_adverbs")
HEDGE_WORDS = _words("hedge_words")
HEDGE_PHRASES = _phrases("hedge_phrases")
OMISSION_MARKS = _phrases("omission_marks")
SPECULATIVE_MODALS = _words("speculative_modals")
NORMATIVE_MODALS = _words("normative_modals")
PREDICTION_VERBS = _words("prediction_verbs")
PLACING_PREPOSITIONS = _words("placing_prepositions")
PREDICTION_ADJECTIVES = _words("prediction_adjectives")
SCHEDULE_WORDS = _words("schedule_words")
LOADED_LABELS = _words("loaded_labels")
LABEL_VERB_FORMS = _words("label_verb_forms")
SIGNIFICANCE_ADJECTIVES = _words("significance_adjectives")
MILESTONE_NOUNS = _words("milestone_nouns")
EXEMPLAR_NOUNS = _words("exemplar_nouns")
APPEAL_WORDS = _words("appeal_words")
APPEAL_VERBS = _words("appeal_verbs")

REPORTING_VERBS = (
    _words("reporting_verbs") | _words("speech_act_verbs") | _words("object_content_verbs")
)
SOFT_REPORTING_VERBS = _words("soft_reporting_verbs")
SPEECH_ACT_VERBS = _words("speech_act_verbs")
OBJECT_CONTENT_VERBS = SPEECH_ACT_VERBS | _words("object_content_verbs")
PHRASAL_REPORTING_VERBS = _phrases("phrasal_reporting_verbs")
INVERTING_VERBS = _words("inverting_verbs")
QUOTE_FRAME_VERBS = REPORTING_VERBS | SPEECH_ACT_VERBS | _words("quote_frame_verbs")
LABELING_VERBS = _words("labeling_verbs")
EVIDENTIAL_VERBS = _words("evidential_verbs")
EVIDENTIAL_FORMS = _words("evidential_forms")
SOURCE_NOUNS = _words("source_nouns")
DENIAL_VERBS = _words("denial_verbs")
PROPOSITION_NOUNS = _words("proposition_nouns")
STATE_NOUNS = _words("state_nouns")
ROLE_NOUNS = _words("role_nouns")
NO_SPEAKER_SUBJECTS = _words("no_speaker_subjects")
SUBJECT_NEGATORS = _words("subject_negators")
QUESTION_VERBS = _words("question_verbs")
CONDITION_WORDS = _words("condition_words")
INVERTED_CONDITION_AUXILIARIES = _words("inverted_condition_auxiliaries")
WHETHER_VERBS = _words("whether_verbs")
REGIME_NOUNS = _words("regime_nouns")
#: The stance a reporting verb gives its content (lemma -> stance); others assert.
STANCE_BY_VERB: Mapping[str, str] = {
    **dict.fromkeys(_words("belief_verbs"), "believes"),
    **dict.fromkeys(_words("hope_verbs"), "hopes"),
    **dict.fromkeys(_words("fear_verbs"), "fears"),
    **dict.fromkeys(_words("prediction_verbs"), "predicts"),
    **dict.fromkeys(QUESTION_VERBS, "questions"),
    **dict.fromkeys(DENIAL_VERBS, "denies"),
}
ISSUER_PREPOSITIONS = _words("issuer_prepositions")
NARROWING_PREPOSITIONS = _words("narrowing_prepositions")
RELATIVE_WORDS = _words("relative_words")
PASSAGE_VERBS = _words("passage_verbs")
CHAMBERS = _words("chambers")
NAMED_CHAMBERS = _words("named_chambers")
UNDATED_TIME_PHRASES = _phrases("undated_time_phrases")
DETERMINERS = _words("determiners")
FLOATING_QUANTIFIERS = _words("floating_quantifiers")

CONJUNCTION_MARKERS = _words("conjunction_markers")
COMMA_MARKERS = _phrases("comma_markers")
LABEL_DASHES = _words("label_dashes")
CLAUSE_COORDINATORS = _words("clause_coordinators")
ADVERBIAL_MARKERS = _words("adverbial_markers")
TIME_MARKERS = _words("time_markers")
ADDRESSEE_VERBS = _words("addressee_verbs")
PUBLISHING_VERBS = _words("publishing_verbs")
PHRASAL_PUBLISHING_VERBS = _phrases("phrasal_publishing_verbs")
EXAMPLE_OPENERS = _words("example_openers")
ELLIPTICAL_AS_VERBS = _words("elliptical_as_verbs")
PREDICATE_PARTICLES = _words("predicate_particles")
QUESTION_WORDS = _words("question_words")
LABEL_GROUNDS = _words("label_grounds")
#: personal pronouns with the person they name ("them" → "they")
PERSONS = lexicon_pairs("person_pronouns")

COPULAS = _words("copulas")
MAGNITUDES = _words("magnitudes")
TIME_ANCHORS = _words("time_anchors")
CHANGE_VERBS = _words("change_verbs")
COMPARISON_PHRASES = _phrases("comparison_phrases")
FIRST_PERSON = _words("first_person")
SECOND_PERSON = _words("second_person")

#: Verbs that frame reported content (left out of an attributed claim's content); the
#: prediction verbs stay, because "analysts predict" is what makes the content a forecast.
FRAMING_VERBS = (REPORTING_VERBS | _words("framing_verbs_extra")) - PREDICTION_VERBS
#: Verbs that never describe a past event.
NON_EVENT_LEMMAS = (
    REPORTING_VERBS | LABELING_VERBS | PREDICTION_VERBS | COPULAS | _words("non_event_verbs")
)
COPULAS_OR_CALL = COPULAS | {"call"}
#: Words that can start a prediction or schedule cue (besides the prediction verbs' lemmas).
PREDICTION_TRIGGERS = PREDICTION_ADJECTIVES | SCHEDULE_WORDS | {"on"}
#: Subject pronouns the wording may replace with what they stand for.
REPLACEABLE = frozenset({"he", "she", "it", "i"})

# -- quotation marks and punctuation -------------------------------------------------------------

#: Opening → closing quotation mark, for quoted passages (the apostrophe is not one).
QUOTE_PAIRS: Mapping[str, str] = {'"': '"', "“": "”", "«": "»", "‘": "’"}
#: As above with the plain apostrophe: what may enclose a claim's wording.
ENCLOSING_PAIRS: Mapping[str, str] = {**QUOTE_PAIRS, "'": "'"}
OPENING_QUOTES = frozenset(ENCLOSING_PAIRS)
CLOSING_QUOTES = frozenset(ENCLOSING_PAIRS.values())
#: Every token that is a quotation mark, the parser's ``` `` ``` and ``''`` included.
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES | {"``", "''"}
#: Punctuation dropped at the edges of a clause (quotation marks and end marks are kept).
EDGE_PUNCT = frozenset({",", ";", ":", "-", "—", "–", "…"})
END_MARKS = frozenset({".", "?", "!"})
#: Punctuation that may sit inside a speaker phrase's bounds.
PHRASE_PUNCT = frozenset({",", "(", ")", "—", "–", ";", ":", *QUOTE_PAIRS, "”", "»", "’"})

# -- tags, dependencies, entity labels (the model's vocabulary) ---------------------------------

VERBAL = frozenset({"VERB", "AUX"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
AUX_DEPS = frozenset({"aux", "auxpass"})
#: the marks that set off what a claim sets against what it says ("X, not Y", "X -- not Y")
CONTRAST_BREAKS = frozenset({",", "--", "—", "–"})
#: the words that may join it instead ("done by industry and not by the state")
CONTRAST_JOINTS = frozenset({"and", "but", "though", "although"})
#: Every kind of subject, clausal and expletive included.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: Noun-phrase subjects only.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "oprd"})
#: Dependents that make a verb phrase a full predicate rather than a bare verb.
PREDICATE_DEPS = frozenset(
    {"dobj", "dative", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "ccomp",
     "advmod", "npadvmod", "prt", "advcl"}
)  # fmt: skip
#: What a coordinated verb phrase needs, besides its verb, to say a thing of its own: a
#: complement, a modifier, a negation or an auxiliary of tense or voice ("was proposed in
#: 2016, but was not passed", "…, and was passed"; "bought and sold grain" has none; a
#: modal alone, as in "what we can and should do", is not enough).
CONJUNCT_DEPS = PREDICATE_DEPS | {"neg", "aux", "auxpass"}
#: What an "as" clause's verb needs to be more than an elliptical comparison.
AS_COMPLEMENTS = frozenset(
    {"dobj", "dative", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "ccomp", "prt"}
)
#: Dependents dropped from a speaker phrase.
DROPPED_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})

NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
DATE_LABELS = frozenset({"DATE", "TIME"})
NAMED_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
#: Entities that make a claim concrete enough to check.
SALIENT_LABELS = frozenset(
    {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "MONEY",
     "PERCENT", "QUANTITY"}
)  # fmt: skip
#: Who can be a speaker by name.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Who or where a claim's frame can name as acting, undergoing or placing.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: The names a frame holds that are no actor: laws, events, works, products.
THING_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Named places and bodies an "it" may stand for.
NAMED_NON_PERSON = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
