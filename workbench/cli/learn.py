"""`workbench classify`, `eval` and `train`: the learned classifiers from the command line."""

from __future__ import annotations

import json

import click

# -- learned classifiers: classify / eval / train ---------------------------------------------


@click.command()
@click.argument("source", metavar="[FILE|-]", default="-", required=False)
@click.option(
    "--text-column",
    metavar="COL",
    help="Read a table (.tsv: tabs, otherwise commas; header row) and classify this column.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True
)
def classify(source: str, text_column: str | None, fmt: str) -> None:
    """Classify sentences: one JSON object per input line (or table row), in input order.

    Each line is one sentence. Fields: text; subjective (true when the sentence carries
    the writer's own opinion; an opinion reported neutrally with its source is not);
    subjectivity and checkworthiness (0..1, 0.5 is each model's threshold); kind (fact or
    opinion of the content, as `workbench split` decides it for a claim); speaker (null
    when the writer asserts it); cues (what decided the kind). A blank line (or empty
    cell) gives {"text": "", ...} with null fields and no cues, so output lines stay
    aligned with input lines.

    \b
    Example:
        workbench classify sentences.txt
        workbench classify data.tsv --text-column Text
    """
    from workbench.training.sentences import classify_texts, read_texts

    results = classify_texts(read_texts(source, text_column=text_column))
    if fmt == "json":
        rows = [r.to_dict() for r in results]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for result in results:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


@click.command("eval")
@click.argument(
    "task", type=click.Choice(["subjectivity", "checkworthiness", "attribution", "matching"])
)
@click.argument("source", metavar="FILE|DIR")
@click.option("--text-column", metavar="COL", help="Column of the sentences (default: auto).")
@click.option("--label-column", metavar="COL", help="Column of the labels (default: auto).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def eval_command(
    task: str, source: str, text_column: str | None, label_column: str | None, fmt: str
) -> None:
    """Score a shipped model on a labelled file: P/R/F1 per class, macro-F1, confusion;
    or the splitter's attribution on a folder of annotated articles.

    Columns default to Sentence/Label (NewsSD) or Text/class_label (CT24). Labels are
    OBJ/SUBJ for subjectivity and No/Yes for checkworthiness (any case). For attribution,
    DIR holds NAME.txt with NAME.ann (brat standoff: Source, Cue and Content spans tied by
    an event line; see docs/annotation.md): it prints attribution recall, speaker
    precision and the share of claims inside someone's words given as the article's own.
    For matching, FILE holds claim pairs (see docs/matching.md): it prints precision,
    recall and the errors of each class of pair.

    \b
    Example:
        workbench eval subjectivity ../shared/data/newssd-eng/test.csv
        workbench eval checkworthiness CT24_checkworthy_english_dev-test.tsv
        workbench eval attribution my-annotated-articles/
        workbench eval matching data/matching-pairs/dev.txt
    """
    if task == "matching":
        from workbench.training import matching_pairs

        pair_scores = matching_pairs.evaluate_pairs(matching_pairs.read_pairs(source))
        if fmt == "json":
            click.echo(json.dumps(pair_scores.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(matching_pairs.render_pair_scores(pair_scores, source), nl=False)
        return
    if task == "attribution":
        from workbench.training.attribution import evaluate_attribution, render_attribution_scores

        scores = evaluate_attribution(source)
        if fmt == "json":
            click.echo(json.dumps(scores.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(render_attribution_scores(scores, source), nl=False)
        return
    from workbench.training.evaluate import evaluate_file
    from workbench.training.metrics import render_scores

    report, summary = evaluate_file(
        task, source, text_column=text_column, label_column=label_column
    )
    positive = report.labels[1]
    if fmt == "json":
        figures = {**summary, **report.to_dict()}
        if task == "checkworthiness":
            figures["f1_yes"] = round(report.scores(positive).f1, 4)
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    title = (
        f"{task} on {source}: {summary['sentences']} sentences "
        f"(model trained {summary['model']['trained']}, threshold {summary['model']['threshold']})"
    )
    highlight = positive if task == "checkworthiness" else None
    click.echo(render_scores(report, title=title, highlight=highlight), nl=False)


@click.command()
@click.option(
    "--data",
    "data_dir",
    default="../shared/data",
    show_default=True,
    metavar="DIR",
    help="Folder holding newssd-eng/ and ct24-checkworthy/.",
)
@click.option(
    "--out",
    "out_dir",
    default="models",
    show_default=True,
    metavar="DIR",
    help="Where to write the models; to ship them, use workbench/data/models of a checkout.",
)
def train(data_dir: str, out_dir: str) -> None:
    """Train the subjectivity and check-worthiness models again (needs scikit-learn).

    Deterministic: the same data gives the same weights. Takes a few minutes; progress and
    cross-validation figures go to stderr, the summary to stdout. Never writes into the
    installed package unless --out names it.

    \b
    Example:
        workbench train --data ../shared/data --out workbench/data/models
    """
    from pathlib import Path

    from workbench.splitting.linear import LinearModel
    from workbench.training.train import train_all

    out = Path(out_dir)
    written = train_all(data_dir, out)
    for name, path in written.items():
        cv = LinearModel.load(path).metadata.get("cv", {})
        figures = ", ".join(
            f"{k} {v}" for k, v in cv.items() if isinstance(v, int | float) and k != "held_out_rows"
        )
        click.echo(f"{name}: {path} ({path.stat().st_size // 1024} KiB); CV {figures}")


def register(group: click.Group) -> None:
    """Add the learned-classifier commands to the main command group."""
    for command in (classify, eval_command, train):
        group.add_command(command)
