"""Annotation tools: ``python -m hoptac.annotate COMMAND`` (see annotations/GUIDE.md).

Commands: locate, draft, quotes, resolve, show, validate, lint, agree, status.
A corpus file is named as ``vnus/<file>.txt``, its bare file name, its stem or its path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import agree as agreement
from .corpus import holdout, load_split
from .draft import draft as make_draft
from .lint import lint
from .schema import (
    Problem,
    annotations_dir,
    check_file,
    corpus_root,
    doc_path,
    double_path,
    dump,
    load,
    new_doc,
    read_text,
    sha256_file,
    validate,
)
from .spans import QuoteError, locate, occurrences, quote_doc, resolve_doc

SUBDIRS = ("vnus", "general", "seeds")
QUOTES_DIR = Path("/tmp/hoptac-annot")


def rel_of(name: str) -> str:
    """``<corpus>/<file>`` of a corpus file given by relative path, file name, stem or full path."""
    root = corpus_root()
    p = Path(name)
    if p.is_absolute() or p.exists():
        try:
            return str(p.resolve().relative_to(root.resolve()))
        except ValueError:
            raise click.ClickException(f"{name} is not under the corpus {root}") from None
    if "/" in name and (root / name).is_file():
        return name
    stem = p.stem if p.suffix else p.name
    for sub in SUBDIRS:
        for cand in (root / sub / f"{stem}.txt", root / sub / p.name):
            if cand.is_file():
                return f"{sub}/{cand.name}"
    raise click.ClickException(f"no corpus file named {name}")


def _target(rel: str, second: bool) -> Path:
    return double_path(rel) if second else doc_path(rel)


def _guard(rel: str) -> None:
    if Path(rel).name in holdout(corpus_root()):
        raise click.ClickException(f"{rel} is in HOLDOUT.txt: never annotated")


@click.group()
def main() -> None:
    """Annotation tools for the hoptac corpus (offsets only; no article text is stored)."""


@main.command("locate")
@click.argument("file")
@click.argument("needle")
@click.option("-n", "n", type=int, help="Which occurrence (1-based).")
@click.option("--sub", is_flag=True, help="Match inside words too.")
def locate_cmd(file: str, needle: str, n: int | None, sub: bool) -> None:
    """Print the [start, end] of a quoted string (all occurrences with context if several)."""
    text = read_text(corpus_root() / rel_of(file))
    occ = occurrences(text, needle, sub=sub)
    if n is None and len(occ) > 1:
        for k, i in enumerate(occ, 1):
            ctx = text[max(0, i - 30):i + len(needle) + 30].replace("\n", " ")
            click.echo(f"n={k}\t[{i}, {i + len(needle)}]\t…{ctx}…")
        return
    try:
        click.echo(json.dumps(locate(text, needle, n, sub=sub)))
    except QuoteError as exc:
        raise click.ClickException(str(exc)) from None


@main.command("draft")
@click.argument("files", nargs=-1, required=True)
@click.option("--annotator", default="hoptac-draft", show_default=True)
@click.option("--second", is_flag=True, help="Write under annotations/double/ (the second annotation).")
@click.option("--force", is_flag=True, help="Overwrite an existing draft (never a done file).")
@click.option("--blank", is_flag=True,
              help="Write an empty skeleton (path, sha256, no items) instead of the extractor's guess: "
                   "a second annotation from a blank page, so agreement is not inflated by a shared draft.")
def draft_cmd(files: tuple[str, ...], annotator: str, second: bool, force: bool, blank: bool) -> None:
    """Pre-annotate files with hoptac's extractor, or write a blank skeleton (status: draft)."""
    plan = load_split()
    pool = set(plan["train"]) | set(plan["test"])
    for name in files:
        rel = rel_of(name)
        _guard(rel)
        if rel not in pool:
            click.echo(f"skip {rel}: not in the pool of annotations/split.json (dev gold or unsampled)", err=True)
            continue
        out = _target(rel, second)
        if out.exists():
            old = load(out)
            if old.get("status") == "done" or not force:
                click.echo(f"skip {rel}: {out} exists ({old.get('status')})", err=True)
                continue
        try:
            doc = new_doc(rel, annotator, corpus_root()) if blank else make_draft(rel, corpus_root(), annotator)
        except ValueError as exc:
            click.echo(f"error: {exc}", err=True)
            continue
        dump(doc, out)
        click.echo(f"{out}: {sum(len(doc[k]) for k in ('people', 'organizations', 'events', 'statements', 'amounts'))} items")


@main.command("quotes")
@click.argument("file")
@click.option("--second", is_flag=True, help="The second annotation (annotations/double/).")
@click.option("--out", type=click.Path(path_type=Path), help="Default: /tmp/hoptac-annot/<stem>.quotes.json")
def quotes_cmd(file: str, second: bool, out: Path | None) -> None:
    """Write an annotation as a quotes file (text instead of offsets) outside the repository, to edit."""
    rel = rel_of(file)
    doc = load(_target(rel, second))
    text = read_text(corpus_root() / rel)
    out = out or QUOTES_DIR / (Path(rel).stem + (".second" if second else "") + ".quotes.json")
    if annotations_dir().resolve() in out.resolve().parents:
        raise click.ClickException("quotes files hold article text: write them outside the repository")
    out.parent.mkdir(parents=True, exist_ok=True)
    dump(quote_doc(doc, text), out)
    click.echo(str(out))


@main.command("resolve")
@click.argument("quotes_file", type=click.Path(exists=True, path_type=Path))
@click.option("--second", is_flag=True, help="Write under annotations/double/.")
@click.option("--annotator", help="Set the annotator id.")
@click.option("--done", is_flag=True, help="Mark status: done (only if it validates).")
def resolve_cmd(quotes_file: Path, second: bool, annotator: str | None, done: bool) -> None:
    """Turn a quotes file into the offsets annotation, validate it and write it into annotations/."""
    q = load(quotes_file)
    rel = q["path"]
    _guard(rel)
    src = corpus_root() / rel
    text = read_text(src)
    doc, errors = resolve_doc(q, text)
    doc["sha256"] = sha256_file(src)
    if annotator:
        doc["annotator"] = annotator
    if done:
        doc["status"] = "done"
    for e in errors:
        click.echo(f"quote: {e}", err=True)
    problems = [] if errors else validate(doc, text, sha=doc["sha256"])
    for p in problems:
        click.echo(f"invalid: {p}", err=True)
    if errors or problems:
        raise click.ClickException(f"{len(errors) + len(problems)} problems: nothing written")
    out = _target(rel, second)
    dump(doc, out)
    click.echo(f"{out}: {doc['status']}")


@main.command("show")
@click.argument("file")
@click.option("--second", is_flag=True)
def show_cmd(file: str, second: bool) -> None:
    """Print an annotation with the text under each span (to the terminal only)."""
    rel = rel_of(file)
    doc = load(_target(rel, second))
    text = read_text(corpus_root() / rel)

    def q(span: list[int] | None) -> str:
        return "-" if not span else repr(text[span[0]:span[1]])

    click.echo(f"{rel}  status={doc['status']}  annotator={doc['annotator']}  topics={doc.get('topics')}")
    for p in doc["people"]:
        click.echo(f"{p['id']} PERSON {p['name']} side={p.get('side')} org={p.get('org')} title={q(p.get('title'))}"
                   f" mentions={[text[a:b] for a, b in p['mentions']]}")
    for o in doc["organizations"]:
        click.echo(f"{o['id']} ORG {o['name']} kind={o['kind']} side={o.get('side')} x{len(o['mentions'])}")
    for e in doc["events"]:
        click.echo(f"{e['id']} EVENT {e['type']} {q(e['trigger'])} {e.get('participants')} date={q(e.get('date'))}"
                   f"={e.get('date_value')} place={q(e.get('place'))} {e['status']}"
                   + (" background" if e.get("background") else "") + (" optional" if e.get("optional") else ""))
    for s in doc["statements"]:
        click.echo(f"{s['id']} STMT {s['act']} actor={s['actor']}{q(s.get('actor_span'))} cue={q(s['cue'])} "
                   f"{s.get('side')}->{s.get('addressee_side')} {s.get('topics')} {s.get('threads')}"
                   + (" optional" if s.get("optional") else "") + f"\n     clause={q(s['clause'])}")
    for a in doc["amounts"]:
        click.echo(f"{a['id']} AMOUNT {q(a['span'])} {a['kind']} {a.get('value', (a.get('min'), a.get('max')))}"
                   f" {a.get('unit')}" + (" approx" if a.get("approx") else ""))


@main.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def validate_cmd(paths: tuple[Path, ...]) -> None:
    """Validate annotation files (default: every file under annotations/docs and annotations/double)."""
    root = annotations_dir()
    files = [p for p in paths] or sorted([*root.glob("docs/*/*.json"), *root.glob("double/*/*.json")])
    banned = holdout(corpus_root())
    bad = 0
    for f in files:
        problems = check_file(f)
        try:
            rel = str(load(f).get("path", ""))
        except ValueError:
            rel = ""
        if Path(rel).name in banned:
            problems.append(Problem("path", f"{rel} is in HOLDOUT.txt: never annotated"))
        for p in problems:
            click.echo(f"{f}: {p}")
        bad += bool(problems)
    click.echo(f"{len(files)} files, {bad} with problems")
    sys.exit(1 if bad else 0)


@main.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--all-status", is_flag=True, help="Drafts too (default: done files only).")
def lint_cmd(paths: tuple[Path, ...], all_status: bool) -> None:
    """Warn about spans that may point at the wrong occurrence (far actor/place/date, long clause, headline).

    PATHS are annotation files or folders (default: every file under annotations/docs and
    annotations/double); only ``done`` files unless --all-status. Never fails: it only points.
    """
    root = annotations_dir()
    files = [f for p in paths for f in (sorted(p.rglob("*.json")) if p.is_dir() else [p])] \
        or sorted([*root.glob("docs/*/*.json"), *root.glob("double/*/*.json")])
    banned = holdout(corpus_root())
    flagged = total = 0
    for f in files:
        try:
            ann = load(f)
        except (OSError, ValueError) as exc:
            click.echo(f"{f}: unreadable: {exc}", err=True)
            continue
        rel = str(ann.get("path", ""))
        src = corpus_root() / rel
        if (ann.get("status") != "done" and not all_status) or Path(rel).name in banned or not src.is_file():
            continue
        warnings = lint(ann, read_text(src))
        for w in warnings:
            click.echo(f"{f}: {w}")
        flagged += bool(warnings)
        total += len(warnings)
    click.echo(f"{total} warnings in {flagged} files")


@main.command("agree")
@click.option("--json", "as_json", is_flag=True)
@click.option("--against-draft", is_flag=True,
              help="Compare each done file of annotations/docs with a fresh machine draft instead "
                   "(how much the extractor agrees with the annotators; test files are skipped "
                   "unless --include-test).")
@click.option("--include-test", is_flag=True, help="With --against-draft: include test-split files too.")
@click.option("--second-by", "second_by", multiple=True,
              help="Only files whose second annotation is by this annotator (repeatable): e.g. the "
                   "blank-page second annotations apart from the draft-started ones.")
@click.option("--all-items", is_flag=True, help="Ignore the optional flags: every item counts on both sides.")
def agree_cmd(as_json: bool, against_draft: bool, include_test: bool, second_by: tuple[str, ...],
              all_items: bool) -> None:
    """Agreement between annotations/docs and annotations/double on every file done in both."""
    root = annotations_dir()
    pairs = []
    if against_draft:
        test = set(load_split(root)["test"])
        for first in sorted(root.glob("docs/*/*.json")):
            a = load(first)
            if a.get("status") != "done" or (a["path"] in test and not include_test):
                continue
            try:
                pairs.append((a, make_draft(a["path"], corpus_root())))
            except ValueError as exc:
                click.echo(f"error: {exc}", err=True)
    else:
        for second in sorted(root.glob("double/*/*.json")):
            first = root / "docs" / second.relative_to(root / "double")
            if first.exists():
                a, b = load(first), load(second)
                if a.get("status") == b.get("status") == "done" and (not second_by or b.get("annotator") in second_by):
                    pairs.append((a, b))
    if all_items:
        pairs = [(agreement.without_optional(a), agreement.without_optional(b)) for a, b in pairs]
    rows = agreement.report(agreement.compare(pairs))
    if as_json:
        click.echo(json.dumps({"files": len(pairs), "labels": rows}, ensure_ascii=False, indent=1))
        return
    click.echo(f"{len(pairs)} " + ("files, annotation (A) against machine draft (B)" if against_draft
                                   else "double-annotated files"))
    for r in rows:
        extra = "  ".join(f"{k} agree={v['agree']} kappa={v['kappa']}" for k, v in r.items() if isinstance(v, dict))
        click.echo(f"{r['label']:<13} A={r['a']:<4} B={r['b']:<4} F1 exact={r['f1_exact']:.3f} "
                   f"overlap={r['f1_overlap']:.3f}  {extra}")


@main.command("status")
def status_cmd() -> None:
    """How many files of each batch and split are done, drafted or not started."""
    root = annotations_dir()
    plan = load_split(root)
    test = set(plan["test"])
    for batch in sorted(root.glob("batches/batch_*.txt")):
        counts = {"done": 0, "draft": 0, "none": 0, "test": 0}
        for line in batch.read_text(encoding="utf-8").splitlines():
            rel = line.split()[0] if line.strip() and not line.startswith("#") else None
            if not rel:
                continue
            p = doc_path(rel)
            counts[load(p)["status"] if p.exists() else "none"] += 1
            counts["test"] += rel in test
        click.echo(f"{batch.stem}: " + "  ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
