"""Same input, same output: nothing sitrep emits may follow a set's iteration order (string hashes
change with PYTHONHASHSEED, a spaCy Token's hash with its Doc's address)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sitrep.extractors.events.participants import _objects

ROOT = Path(__file__).resolve().parents[1]


class FakeToken:
    """A token whose hash is chosen, so a set of two iterates against text order."""

    def __init__(self, i: int, hashed: int, children=()):
        self.i, self._hash, self.children = i, hashed, list(children)
        self.dep_, self.lower_, self.pos_ = "dobj", f"w{i}", "VERB"

    def __hash__(self):
        return self._hash

    def __eq__(self, other):
        return self is other


class FakeTrigger:
    def __init__(self, anchor, token):
        self.anchor, self.token, self.type = anchor, token, "ASSAULT"


def test_objects_come_in_text_order_whatever_the_hashes():
    for first_hash, second_hash in ((1, 2), (2, 1), (9, 1), (1, 9)):
        a_object, t_object = FakeToken(1, 101), FakeToken(5, 105)
        anchor = FakeToken(0, first_hash, [a_object])
        token = FakeToken(4, second_hash, [t_object])
        token.pos_ = "VERB"
        assert [o.i for o in _objects(FakeTrigger(anchor, token))] == [1, 5], (first_hash, second_hash)


def test_two_hash_seeds_give_the_same_output(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(ROOT / "samples"), "--json"],
                             capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300)
        assert run.returncode == 0, run.stderr
        outputs.append([json.loads(line) for line in run.stdout.splitlines()])
    assert outputs[0] == outputs[1] and outputs[0]
