"""Coverage-guided fuzzing of sitrep's readers with atheris: any exception other than a
one-line InputError is a crash, printed with the input that caused it.

    python benchmarks/fuzz.py [--seconds 600]        # .ci/run runs it for 60 s

Each input's first byte picks the reader (.txt with a .meta.json, .html, .jsonl); the rest is
the file's bytes (and, for .txt, the metadata JSON after a 0x1E separator).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=600)
    args, rest = ap.parse_known_args()
    import atheris

    with atheris.instrument_imports():
        from sitrep.read import InputError, read
    folder = Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))
    suffixes = (".txt", ".html", ".jsonl")

    def one_input(data: bytes) -> None:
        if not data:
            return
        suffix = suffixes[data[0] % 3]
        body, _, meta = data[1:].partition(b"\x1e")
        path = folder / f"input{suffix}"
        path.write_bytes(body)
        meta_path = folder / "input.meta.json"
        if suffix == ".txt" and meta:
            meta_path.write_bytes(meta)
        elif meta_path.exists():
            meta_path.unlink()
        for item in read([path], published="2024-06-03"):
            if isinstance(item, InputError) and "\n" in str(item):
                raise AssertionError(f"a multi-line error: {str(item)!r}")

    atheris.Setup([sys.argv[0], f"-max_total_time={args.seconds}", "-rss_limit_mb=4096", *rest], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
