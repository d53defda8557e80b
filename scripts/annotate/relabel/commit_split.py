"""Files changed by a commit, per split (train/test)."""
import json, subprocess, sys
from pathlib import Path
rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
split = json.load(open("annotations/split.json"))
stem2 = {Path(r).stem: s for s in ("train", "test") for r in split[s]}
out = subprocess.run(["git", "diff", "--name-only", f"{rev}~1", rev, "--", "annotations/docs"], capture_output=True, text=True).stdout.split()
c = {}
for f in out:
    s = stem2.get(Path(f).stem, "?"); c[s] = c.get(s, 0) + 1
print(len(out), c)
