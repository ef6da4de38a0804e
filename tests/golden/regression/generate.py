#!/usr/bin/python3
"""Golden values for src/Regression from independent implementations (scikit-learn, NumPy, SciPy).

Run by hand with Debian's Python (python3-sklearn 1.2.1, python3-numpy 1.24.2, python3-scipy 1.10.1):

    /usr/bin/python3 tests/golden/regression/generate.py

Every CSV it writes starts with one comment line naming the library versions, the seed and the
call that produced it. Inputs are rounded to 4 decimals so the files stay small; the references
are computed from the rounded values, which both sides parse exactly. CI only reads the files.
"""
import os
import sys

import numpy as np
import scipy
import scipy.stats
import sklearn
from sklearn.cross_decomposition import PLSRegression
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}"


def write(name, rows, call, seed):
    """Writes a 2-D array (or list of rows) with a provenance comment line."""
    path = os.path.join(HERE, name)
    with open(path + ".tmp", "w", encoding="ascii") as f:
        f.write(f"# {VERSIONS}; seed {seed}; {call}\n")
        for row in np.atleast_2d(rows):
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    os.replace(path + ".tmp", path)


def write_folds(name, folds, call, seed):
    path = os.path.join(HERE, name)
    with open(path + ".tmp", "w", encoding="ascii") as f:
        f.write(f"# {VERSIONS}; seed {seed}; {call}\n")
        for k, (train, test) in enumerate(folds):
            f.write(f"{k},train," + " ".join(str(i) for i in train) + "\n")
            f.write(f"{k},test," + " ".join(str(i) for i in test) + "\n")
    os.replace(path + ".tmp", path)


def smooth_data(rng, n, p, q, noise):
    """Correlated features and responses linear in them plus noise, rounded to 4 decimals."""
    latent = rng.standard_normal((n, 4))
    x = latent @ rng.standard_normal((4, p)) + 0.5 * rng.standard_normal((n, p))
    x = x * rng.uniform(0.5, 3.0, p) + rng.uniform(-2, 2, p)
    beta = rng.standard_normal((p, q)) * (rng.uniform(size=(p, q)) < 0.4)
    y = x @ beta / np.sqrt(p) + noise * rng.standard_normal((n, q)) * rng.uniform(0.2, 3.0, q)
    return np.round(x, 4), np.round(y, 4)


def random_folds(rng, n, k):
    order = rng.permutation(n)
    return [(np.sort(np.setdiff1d(order, part)), np.sort(part)) for part in np.array_split(order, k)]


def outer_scaling(x_train, standardise):
    """Training-fold centre and scale; exactly constant columns get their value and scale 1."""
    constant = (x_train == x_train[0]).all(axis=0)
    mean = np.where(constant, x_train[0], x_train.mean(axis=0))
    scale = np.where(constant, 1.0, x_train.std(axis=0)) if standardise else np.ones(x_train.shape[1])
    return mean, scale


def ridge_cv_brute_force(x, y, folds, alphas, inner_k, standardise, shared=False):
    """Per outer fold: sklearn Ridge for every alpha on every inner fold, then refit per neuron."""
    predictions = np.full(y.shape, np.nan)
    chosen, errors_out = [], []
    for train, test in folds:
        mean, scale = outer_scaling(x[train], standardise)
        xs = (x - mean) / scale
        errors = np.zeros((len(alphas), y.shape[1]))
        for inner_train, inner_test in KFold(inner_k).split(train):
            itr, ite = train[inner_train], train[inner_test]
            for a, alpha in enumerate(alphas):
                model = Ridge(alpha=alpha, fit_intercept=True, solver="svd").fit(xs[itr], y[itr])
                errors[a] += ((model.predict(xs[ite]) - y[ite]) ** 2).mean(axis=0) / inner_k
        if shared:
            best = np.full(y.shape[1], np.argmin(errors.mean(axis=1)))
        else:
            best = np.argmin(errors, axis=0)
            for j in range(y.shape[1]):
                ordered = np.sort(errors[:, j])
                if (ordered[1] - ordered[0]) / ordered[0] < 1e-6:
                    sys.exit(f"near-tie in inner CV errors for neuron {j}: pick another seed")
        for j in range(y.shape[1]):
            model = Ridge(alpha=alphas[best[j]], fit_intercept=True, solver="svd").fit(xs[train], y[train, j])
            predictions[test, j] = model.predict(xs[test])
        chosen.append(np.asarray(alphas)[best])
        errors_out.append(errors)
    return predictions, np.array(chosen), errors_out


def ridge_cases():
    alphas = np.logspace(-2, 4, 7)
    alpha_call = "alphas numpy.logspace(-2, 4, 7)"

    # Kernel path: 16 training bins < 30 features. 24 bins of a 6 x 4 grid.
    seed = 11
    rng = np.random.default_rng(seed)
    x, y = smooth_data(rng, 24, 30, 3, noise=1.0)
    folds = random_folds(rng, 24, 3)
    write("ridge_wide_x.csv", x, "smooth_data(n=24, p=30) rounded to 4 decimals", seed)
    write("ridge_wide_y.csv", y, "responses linear in x plus noise, rounded", seed)
    write_folds("ridge_wide_folds.csv", folds, "numpy permutation split into 3 folds", seed)
    write("ridge_wide_alphas.csv", alphas[None, :], alpha_call, seed)
    pred, chosen, errors = ridge_cv_brute_force(x, y, folds, alphas, 4, True)
    call = ("per outer fold: X standardised on training bins (ddof 0); sklearn Ridge(alpha, fit_intercept=True, "
            "solver='svd') on every KFold(4) inner split of the training bins; per-neuron argmin of mean fold MSE; "
            "refit on all training bins")
    write("ridge_wide_predictions.csv", pred, call, seed)
    write("ridge_wide_chosen_alphas.csv", chosen, call + " (rows = folds, columns = neurons)", seed)
    write("ridge_wide_fold0_errors.csv", errors[0], call + " (fold 0, rows = alphas, columns = neurons)", seed)

    fixed = np.full(y.shape, np.nan)
    for train, test in folds:
        fixed[test] = Ridge(alpha=1.0, fit_intercept=True, solver="svd").fit(x[train], y[train]).predict(x[test])
    write("ridge_wide_fixed_alpha_predictions.csv", fixed,
          "sklearn Ridge(alpha=1.0, fit_intercept=True) on unstandardised X per outer fold", seed)

    # SVD path: 32 training bins > 6 features, one feature exactly constant. 40 bins of an 8 x 5 grid.
    seed = 23
    rng = np.random.default_rng(seed)
    x, y = smooth_data(rng, 40, 6, 3, noise=0.7)
    x[:, 4] = 0.5
    folds = random_folds(rng, 40, 5)
    write("ridge_tall_x.csv", x, "smooth_data(n=40, p=6), column 4 constant 0.5, rounded", seed)
    write("ridge_tall_y.csv", y, "responses linear in x plus noise, rounded", seed)
    write_folds("ridge_tall_folds.csv", folds, "numpy permutation split into 5 folds", seed)
    write("ridge_tall_alphas.csv", alphas[None, :], alpha_call, seed)
    pred, chosen, _ = ridge_cv_brute_force(x, y, folds, alphas, 5, True)
    call = call.replace("KFold(4)", "KFold(5)")
    write("ridge_tall_predictions.csv", pred, call, seed)
    write("ridge_tall_chosen_alphas.csv", chosen, call + " (rows = folds, columns = neurons)", seed)
    pred, chosen, _ = ridge_cv_brute_force(x, y, folds, alphas, 5, True, shared=True)
    shared_call = call.replace("per-neuron argmin of mean fold MSE", "one alpha: argmin of the neuron-mean of mean fold MSE")
    write("ridge_tall_shared_predictions.csv", pred, shared_call, seed)
    write("ridge_tall_shared_alphas.csv", chosen, shared_call + " (rows = folds)", seed)


def pls_reference(x_train, y_train, x_test, k, scale):
    # tol=0 iterates NIPALS to max_iter: tol=1e-12 on |dw|^2 stops at |dw| ~ 1e-6, short of 1e-8 predictions.
    model = PLSRegression(n_components=k, scale=scale, tol=0.0, max_iter=20000)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x_train, y_train)
    return model.predict(x_test).reshape(len(x_test), -1)


def pls_exact_check(x_train, y_train, x_test, k, scale):
    """Exact-SVD PLS2 used only to prove that the iterated reference has converged."""
    xm, ym = x_train.mean(0), y_train.mean(0)
    xs = x_train.std(0, ddof=1) if scale else np.ones(x_train.shape[1])
    ys = y_train.std(0, ddof=1) if scale else np.ones(y_train.shape[1])
    xs[xs == 0] = 1
    ys[ys == 0] = 1
    xk, yk = (x_train - xm) / xs, (y_train - ym) / ys
    w_, p_, q_ = [], [], []
    for _ in range(k):
        u, _, _ = np.linalg.svd(xk.T @ yk, full_matrices=False)
        w = u[:, 0]
        t = xk @ w
        p = xk.T @ t / (t @ t)
        q = yk.T @ t / (t @ t)
        xk = xk - np.outer(t, p)
        yk = yk - np.outer(t, q)
        w_.append(w), p_.append(p), q_.append(q)
    w_, p_, q_ = np.array(w_).T, np.array(p_).T, np.array(q_).T
    coef = w_ @ np.linalg.inv(p_.T @ w_) @ q_.T * ys
    return ((x_test - xm) / xs) @ coef + ym


def pls_case(name, seed, n, p, q, n_train, k, scale_options):
    rng = np.random.default_rng(seed)
    x, y = smooth_data(rng, n, p, q, noise=0.5)
    write(f"pls_{name}_x.csv", x, f"smooth_data(n={n}, p={p}) rounded; first {n_train} rows train", seed)
    write(f"pls_{name}_y.csv", y, f"responses linear in x plus noise, rounded; first {n_train} rows train", seed)
    for scale in scale_options:
        pred = pls_reference(x[:n_train], y[:n_train], x[n_train:], k, scale)
        check = pls_exact_check(x[:n_train], y[:n_train], x[n_train:], k, scale)
        gap = np.abs(pred - check).max()
        if gap > 1e-10:
            sys.exit(f"pls_{name}: iterated reference differs from exact PLS by {gap}")
        write(f"pls_{name}_predictions_scale_{str(scale).lower()}.csv", pred,
              f"PLSRegression(n_components={k}, scale={scale}, tol=0.0, max_iter=20000).fit(x[:{n_train}], "
              f"y[:{n_train}]).predict(x[{n_train}:]); exact-SVD PLS2 agrees to {gap:.1e}", seed)


def pls_cv_case():
    seed = 37
    rng = np.random.default_rng(seed)
    x, y = smooth_data(rng, 30, 10, 3, noise=1.0)
    folds = random_folds(rng, 30, 3)
    candidates = [1, 2, 3, 4, 5]
    write("pls_cv_x.csv", x, "smooth_data(n=30, p=10) rounded", seed)
    write("pls_cv_y.csv", y, "responses linear in x plus noise, rounded", seed)
    write_folds("pls_cv_folds.csv", folds, "numpy permutation split into 3 folds", seed)
    pred = np.full(y.shape, np.nan)
    chosen = []
    for train, test in folds:
        errors = np.zeros((len(candidates), y.shape[1]))
        for inner_train, inner_test in KFold(3).split(train):
            itr, ite = train[inner_train], train[inner_test]
            for c, k in enumerate(candidates):
                got = pls_reference(x[itr], y[itr], x[ite], k, True)
                errors[c] += ((got - y[ite]) ** 2).mean(axis=0) / 3
        best = np.argmin(errors, axis=0)
        for j in range(y.shape[1]):
            ordered = np.sort(errors[:, j])
            if (ordered[1] - ordered[0]) / ordered[0] < 1e-6:
                sys.exit(f"pls_cv: near-tie for neuron {j}")
            pred[test, j] = pls_reference(x[train], y[train], x[test], candidates[best[j]], True)[:, j]
        chosen.append(np.asarray(candidates)[best])
    call = ("per outer fold, per neuron: n_components in {1..5} minimising the mean over KFold(3) inner splits of "
            "PLSRegression(scale=True, tol=0, max_iter=20000) fold MSE; then that model fitted on all training bins")
    write("pls_cv_predictions.csv", pred, call, seed)
    write("pls_cv_chosen_components.csv", np.array(chosen), call + " (rows = folds)", seed)


def score_cases():
    seed = 5
    rng = np.random.default_rng(seed)
    actual = np.round(rng.standard_normal((20, 4)), 4)
    predicted = np.round(0.6 * actual + rng.standard_normal((20, 4)), 4)
    predicted[:, 3] = np.round(-actual[:, 3] + 0.3 * rng.standard_normal(20), 4)
    write("scores_actual.csv", actual, "standard normal, rounded", seed)
    write("scores_predicted.csv", predicted, "0.6 actual + noise; column 3 anti-correlated; rounded", seed)
    r = [scipy.stats.pearsonr(predicted[:, j], actual[:, j])[0] for j in range(4)]
    write("scores_pearson.csv", np.array(r)[None, :], "scipy.stats.pearsonr(predicted[:, j], actual[:, j])", seed)
    write("scores_r2.csv", r2_score(actual, predicted, multioutput="raw_values")[None, :],
          "sklearn.metrics.r2_score(actual, predicted, multioutput='raw_values')", seed)


def participation_case():
    seed = 3
    rng = np.random.default_rng(seed)
    x = np.round(rng.standard_normal((30, 8)) @ np.diag([3, 2, 1.5, 1, 0.5, 0.3, 0.2, 0.1])
                 @ np.linalg.qr(rng.standard_normal((8, 8)))[0], 4)
    write("participation_x.csv", x, "standard normal with column scales 3..0.1, rotated, rounded", seed)
    eig = np.sort(np.linalg.eigvalsh(np.cov(x, rowvar=False)))[::-1]
    pr = eig.sum() ** 2 / (eig ** 2).sum()
    cumulative = np.cumsum(eig) / eig.sum()
    n80 = int(np.searchsorted(cumulative, 0.8) + 1)
    n90 = int(np.searchsorted(cumulative, 0.9) + 1)
    write("participation_expected.csv", [[pr, n80, n90]],
          "eig = numpy.linalg.eigvalsh(numpy.cov(x, rowvar=False)); PR = sum(eig)^2 / sum(eig^2); "
          "components reaching 80 % and 90 % of the variance", seed)


if __name__ == "__main__":
    ridge_cases()
    pls_case("tall", 41, 40, 8, 3, 30, 4, [True, False])
    pls_case("single", 43, 40, 8, 1, 30, 3, [True, False])
    pls_case("wide", 47, 15, 25, 3, 12, 5, [True, False])
    pls_cv_case()
    score_cases()
    participation_case()
    print("golden files written to", HERE)
