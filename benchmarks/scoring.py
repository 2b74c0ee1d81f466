"""Precision, recall and F1, the one way every benchmark here computes them."""
from __future__ import annotations


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf_text(tp: int, n_pred: int, n_gold: int) -> str:
    p, r, f = prf(tp, n_pred, n_gold)
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"
