"""Relabel helpers shared by the finders of this folder: iterate the done annotations of the train and test
splits (HOLDOUT skipped), show a span in context, locate a string, and save an edited annotation after the
validator of ``hoptac.annotate.schema`` passes.

The finders (``find_*.py``) list annotation items that may conflict with a GUIDE ruling; the ``fix_*.py``
scripts apply a rule-only correction and print every change (run without ``--apply`` first and read the
output against the article). Run from the repository: ``python3 scripts/annotate/relabel/find_dates.py``.
Hand-checked corrections that name article passages are not kept here (no article text in the repository).
"""
import sys, json, re, unicodedata
from pathlib import Path
REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src"))
from pathlib import Path
CORPUS = REPO.parent / "shared" / "corpus" if (REPO.parent / "shared" / "corpus").is_dir() else Path("/work/shared/corpus")
def load(p): return json.loads(Path(p).read_text(encoding="utf-8"))
def read_text(p):
    with open(p, encoding="utf-8", newline="") as f: return f.read()
def corpus_root(): return CORPUS
def doc_path(rel, root): return root / "docs" / Path(rel).parent / (Path(rel).stem + ".json")
def load_split(root): return load(root / "split.json")
def holdout():
    return {l.strip() for l in (CORPUS.parent/"eval"/"HOLDOUT.txt").read_text().splitlines() if l.strip()}

ROOT = REPO / "annotations"

def docs():
    plan = load_split(ROOT)
    banned = holdout()
    for split in ("train", "test"):
        for rel in plan[split]:
            if Path(rel).name in banned:
                continue
            p = doc_path(rel, ROOT)
            if not p.is_file():
                continue
            ann = load(p)
            if ann.get("status") != "done":
                continue
            text = read_text(corpus_root() / rel)
            yield split, rel, p, text, ann

def q(text, sp):
    return None if not sp else text[sp[0]:sp[1]]

def ctx(text, sp, w=70):
    if not sp:
        return "-"
    s, e = sp
    return (text[max(0, s-w):s] + "[[" + text[s:e] + "]]" + text[e:e+w]).replace("\n", " / ")

def stem(rel):
    return Path(rel).stem

def get(rel_or_stem):
    for split, rel, p, text, ann in docs():
        if stem(rel) == rel_or_stem or rel == rel_or_stem:
            return split, rel, p, text, ann
    raise KeyError(rel_or_stem)

def find(text, s, n=1, after=0, sub=False):
    """[start,end] of the n-th occurrence of s at/after offset `after` (whole word unless sub)."""
    i = after; k = 0
    while True:
        j = text.find(s, i)
        if j < 0:
            raise ValueError(f"not found: {s!r} n={n} after={after}")
        ok = sub or ((j == 0 or not text[j-1].isalnum()) and (j+len(s) >= len(text) or not text[j+len(s)].isalnum()))
        if ok:
            k += 1
            if k == n:
                return [j, j+len(s)]
        i = j + 1

def item(ann, iid):
    for key in ("people", "organizations", "events", "statements", "amounts"):
        for it in ann.get(key) or []:
            if it.get("id") == iid:
                return key, it
    raise KeyError(iid)

def next_id(ann, key, prefix):
    nums = [int(it["id"][1:]) for it in ann.get(key) or [] if it["id"][1:].isdigit()]
    return f"{prefix}{max(nums, default=0)+1}"

def save(p, ann, text, rel):
    import importlib.util
    spec = importlib.util.spec_from_file_location("hschema", str(REPO / "src/hoptac/annotate/schema.py"))
    m = importlib.util.module_from_spec(spec); sys.modules["hschema"] = m; spec.loader.exec_module(m)
    validate, sha256_file, dump = m.validate, m.sha256_file, m.dump
    probs = validate(ann, text, sha=sha256_file(corpus_root() / rel))
    if probs:
        raise SystemExit(f"{rel}: " + "; ".join(str(x) for x in probs))
    dump(ann, p)
