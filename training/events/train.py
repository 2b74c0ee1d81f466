"""Train the event-type classifier: the shipped model and the five GSR cross-validation folds.

    python training/events/prepare.py                  # → build/events/*.spacy
    python training/events/train.py [all] [0 1 2 3 4]   # → build/events/model-{all,gsr0..4}
    cp -r build/events/model-all/model-best src/sitrep/data/events

Each run is `spacy train config.cfg` on one training file, selected on the VOA dev split;
two run at a time (one thread each) on a two-core machine. Seeded: a rerun gives the same model.
"""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "events"


def train(target: str) -> int:
    name = "all" if target == "all" else f"gsr{target}"
    cmd = [sys.executable, "-m", "spacy", "train", str(Path(__file__).parent / "config.cfg"),
           "--output", str(BUILD / f"model-{name}"), "--paths.train", str(BUILD / f"train-{name}.spacy"),
           "--paths.dev", str(BUILD / "dev.spacy")]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with open(BUILD / f"train-{name}.log", "w") as log:
        return subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)


def main() -> int:
    targets = sys.argv[1:] or ["all", "0", "1", "2", "3", "4"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = list(pool.map(train, targets))
    for t, code in zip(targets, codes):
        print(f"{t}: {'ok' if code == 0 else f'failed ({code})'}")
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
