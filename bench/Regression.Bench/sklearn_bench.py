#!/usr/bin/python3
"""Times scikit-learn on the data and splits written by `Regression.Bench generate DIR`.

Usage: sklearn_bench.py ridgecv5|gcv|pls DIR [SPLITS]

Prints one line: RESULT name seconds gflop peak_rss_bytes median_r
  ridgecv5  Pipeline(StandardScaler, RidgeCV(alphas, cv=KFold(5, shuffle, seed 0))): one alpha shared
            by all neurons (scikit-learn 1.2.1 has no per-target alpha with k-fold cv).
  gcv       Pipeline(StandardScaler, RidgeCV(alphas, alpha_per_target=True)): per-neuron alpha by
            efficient leave-one-out (GCV), not k-fold.
  pls       PLSRegression(n_components=25) with its default tol=1e-6 and max_iter=500.
Seconds cover fitting and predicting all splits, not loading. GFLOP is the nominal count of the
dominant dense operations of that algorithm (see run.sh).
"""
import resource
import sys
import time

import numpy as np
from sklearn.cross_decomposition import PLSRegression
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def pearson_per_neuron(pred, actual):
    pc, ac = pred - pred.mean(0), actual - actual.mean(0)
    return (pc * ac).sum(0) / np.sqrt((pc ** 2).sum(0) * (ac ** 2).sum(0))


def main():
    method, folder = sys.argv[1], sys.argv[2]
    x, y = np.load(f"{folder}/X.npy"), np.load(f"{folder}/Y.npy")
    train, test = np.load(f"{folder}/train.npy"), np.load(f"{folder}/test.npy")
    alphas = np.load(f"{folder}/alphas.npy")[0]
    splits = int(sys.argv[3]) if len(sys.argv) > 3 else len(train)
    p, q, a = x.shape[1], y.shape[1], len(alphas)

    scores, flop = [], 0.0
    start = time.perf_counter()
    for s in range(splits):
        tr, te = train[s], test[s]
        n, m = len(tr), len(te)
        if method == "ridgecv5":
            model = make_pipeline(StandardScaler(), RidgeCV(alphas=alphas, cv=KFold(5, shuffle=True, random_state=0)))
            ni = n * 4 / 5
            # Per inner fit (kernel Cholesky, n < p): gram 2ni²p, Cholesky ni³/3, solve 2ni²q, dual
            # coefficients to weights 2ni·p·q, predict 2(n/5)pq; then one refit on n bins.
            fit = lambda k: 2 * k * k * p + k ** 3 / 3 + 2 * k * k * q + 2 * k * p * q
            flop += 5 * a * (fit(ni) + 2 * (n / 5) * p * q) + fit(n) + 2 * m * p * q
        elif method == "gcv":
            model = make_pipeline(StandardScaler(), RidgeCV(alphas=alphas, alpha_per_target=True))
            # Gram 2n²p, eigh ≈ 4n³, per alpha 2n²q (dual coefficients) + n² (hat diagonal), weights 2npq.
            flop += 2 * n * n * p + 4 * n ** 3 + a * (2 * n * n * q + n * n) + 2 * n * p * q + 2 * m * p * q
        elif method == "pls":
            model = PLSRegression(n_components=25)
            # Lower bound: one power iteration per component (2npq) and the explicit deflations (4np + 2nq).
            flop += 25 * (2 * n * p * q + 4 * n * p + 2 * n * q) + 2 * m * p * q
        else:
            sys.exit(f"unknown method {method}")
        model.fit(x[tr], y[tr])
        scores.append(pearson_per_neuron(model.predict(x[te]), y[te]))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    median_r = np.median(np.nanmean(np.array(scores), axis=0))
    print(f"RESULT {method} {seconds:.3f} {flop / 1e9:.2f} {peak} {median_r:.4f}")


if __name__ == "__main__":
    main()
