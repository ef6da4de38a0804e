"""Golden values for NeuralPredictivity's grid scores (src/Models/GridScores.cs).

An independent NumPy implementation of the same definitions:
  * autocorrelogram: for every lag, Pearson r over the bin pairs where both maps are finite
    (NaN with fewer than MIN_PAIRS pairs or a constant side); NaN bins are never zero-filled;
  * rotation about the centre bin by bilinear interpolation over finite neighbours, kept only
    where the finite neighbours carry (almost) all the weight;
  * ring masks inner 0.2, outer linspace(0.4, 1.0, 10) of the map width in bins;
  * 60° score = mean(r60, r120) - mean(r30, r90, r150); 90° score = r90 - mean(r45, r135);
    best (maximum) over masks, each score on its own.
Maps: ideal hexagonal and square lattices (cosine gratings) on a 24 x 24 grid of 5 cm bins with
the corners outside a 58 cm circle left NaN, and the 7 Hafting et al. (2005) grid cells
(data/mec/hafting2005_fig2c_trial1.h5, Kavli grid-cell data site) as rate maps smoothed with a
Gaussian of 1 bin (scipy.ndimage.gaussian_filter, zero outside the grid, truncated at 4 sigma)
applied to spike counts and occupancy separately; unvisited bins stay NaN.
Run from the repository root: /usr/bin/python3 tests/golden/gridscores/generate.py
"""
import csv
import math
import os

import h5py
import numpy as np
import scipy
from scipy.ndimage import gaussian_filter

MIN_PAIRS = 20
INNER = 0.2
OUTERS = np.linspace(0.4, 1.0, 10)
ANGLES = [30, 45, 60, 90, 120, 135, 150]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def lattice_map(kind, columns=24, rows=24, bin_cm=5.0, spacing_cm=40.0, orientation_deg=7.0, radius_cm=58.0):
    """Cosine-grating lattice sampled at bin centres; NaN outside the circle (arena frame centred at 0)."""
    xs = (np.arange(columns) - (columns - 1) / 2) * bin_cm
    ys = (np.arange(rows) - (rows - 1) / 2) * bin_cm
    x, y = np.meshgrid(xs, ys)  # rows index y, columns index x
    k = 4 * math.pi / (math.sqrt(3) * spacing_cm) if kind == "hex" else 2 * math.pi / spacing_cm
    directions = [0, 60, 120] if kind == "hex" else [0, 90]
    values = np.zeros_like(x)
    for d in directions:
        a = math.radians(d + orientation_deg)
        values += np.cos(k * (x * math.cos(a) + y * math.sin(a)))
    values[x ** 2 + y ** 2 > radius_cm ** 2] = np.nan
    return values


def pearson(a, b):
    ok = np.isfinite(a) & np.isfinite(b)
    a, b = a[ok], b[ok]
    if a.size < 2 or np.all(a == a[0]) or np.all(b == b[0]):
        return np.nan, a.size
    a = a - a.mean()
    b = b - b.mean()
    return float((a * b).sum() / math.sqrt((a * a).sum() * (b * b).sum())), a.size


def autocorrelogram(m):
    rows, cols = m.shape
    sac = np.full((2 * rows - 1, 2 * cols - 1), np.nan)
    for dy in range(-(rows - 1), rows):
        for dx in range(-(cols - 1), cols):
            a = m[max(0, -dy):rows - max(0, dy), max(0, -dx):cols - max(0, dx)]
            b = m[max(0, dy):rows + min(0, dy), max(0, dx):cols + min(0, dx)]
            r, n = pearson(a.ravel(), b.ravel())
            sac[dy + rows - 1, dx + cols - 1] = r if n >= MIN_PAIRS else np.nan
    return sac


def rotate(sac, degrees):
    h, w = sac.shape
    ci, cj = (h - 1) / 2, (w - 1) / 2
    theta = math.radians(degrees)
    i, j = np.mgrid[0:h, 0:w].astype(float)
    u, v = j - cj, i - ci
    xs = u * math.cos(theta) + v * math.sin(theta)
    ys = -u * math.sin(theta) + v * math.cos(theta)
    js, is_ = xs + cj, ys + ci
    j0, i0 = np.floor(js).astype(int), np.floor(is_).astype(int)
    fx, fy = js - j0, is_ - i0
    total = np.zeros_like(sac)
    weight = np.zeros_like(sac)
    for di, dj, wgt in [(0, 0, (1 - fy) * (1 - fx)), (0, 1, (1 - fy) * fx), (1, 0, fy * (1 - fx)), (1, 1, fy * fx)]:
        ii, jj = i0 + di, j0 + dj
        inside = (ii >= 0) & (ii < h) & (jj >= 0) & (jj < w)
        vals = np.full_like(sac, np.nan)
        vals[inside] = sac[ii[inside], jj[inside]]
        ok = np.isfinite(vals) & (wgt > 0)
        total[ok] += wgt[ok] * vals[ok]
        weight[ok] += wgt[ok]
    out = np.full_like(sac, np.nan)
    good = weight >= 1 - 1e-9
    out[good] = total[good] / weight[good]
    return out


def grid_scores(m):
    sac = autocorrelogram(m)
    h, w = sac.shape
    half = min(m.shape)
    i, j = np.mgrid[0:h, 0:w]
    dist = np.hypot(i - (h - 1) / 2, j - (w - 1) / 2)
    rotated = {a: rotate(sac, a) for a in ANGLES}
    best60 = (-np.inf, None, None)
    best90 = (-np.inf, None)
    for outer in OUTERS:
        ring = (dist > INNER * half) & (dist <= outer * half)
        r = {a: pearson(sac[ring], rotated[a][ring])[0] for a in ANGLES}
        s60 = (r[60] + r[120]) / 2 - (r[30] + r[90] + r[150]) / 3
        s90 = r[90] - (r[45] + r[135]) / 2
        if np.isfinite(s60) and s60 > best60[0]:
            best60 = (s60, outer, r)
        if np.isfinite(s90) and s90 > best90[0]:
            best90 = (s90, outer)
    return sac, best60, best90


def hafting_rate_maps(path, bin_cm=5.0, size_cm=180.0, sigma_bins=1.0):
    """Smoothed rate maps: spike count / occupancy (median dt per tracked sample), 36 x 36 bins."""
    with h5py.File(path, "r") as f:
        t, x, y = f["position/t"][:], f["position/x"][:], f["position/y"][:]
        ids = [s.decode() for s in f["units/ids"][:]]
        spikes = {u: f["units/" + u + "/spike_times"][:] for u in ids}
    ok = np.isfinite(x) & np.isfinite(y)
    t, x, y = t[ok], x[ok], y[ok]
    n = int(round(size_cm / bin_cm))
    edges = -size_cm / 2 + bin_cm * np.arange(n + 1)

    def bins(px, py):
        cx = np.clip(np.searchsorted(edges, px, side="right") - 1, 0, n - 1)
        cy = np.clip(np.searchsorted(edges, py, side="right") - 1, 0, n - 1)
        inside = (px >= edges[0]) & (px <= edges[-1]) & (py >= edges[0]) & (py <= edges[-1])
        return cy * n + cx, inside

    occ_bins, inside = bins(x, y)
    occupancy = (np.bincount(occ_bins[inside], minlength=n * n) * np.median(np.diff(t))).reshape(n, n)
    smooth_occupancy = gaussian_filter(occupancy, sigma_bins, mode="constant", cval=0.0, truncate=4.0)
    maps = {}
    for u in ids:
        s = spikes[u]
        s = s[(s >= t[0]) & (s <= t[-1])]
        sb, sin = bins(np.interp(s, t, x), np.interp(s, t, y))
        counts = np.bincount(sb[sin], minlength=n * n).astype(float).reshape(n, n)
        smooth_counts = gaussian_filter(counts, sigma_bins, mode="constant", cval=0.0, truncate=4.0)
        maps[u] = np.where(occupancy > 0, smooth_counts / np.where(occupancy > 0, smooth_occupancy, 1), np.nan)
    return ids, maps


def main():
    header = f"# numpy {np.__version__}, scipy {scipy.__version__}, h5py {h5py.__version__}; generate.py; min pairs {MIN_PAIRS}, inner {INNER}, outer linspace(0.4,1,10)"
    rows = []
    lag_rows = []
    for kind in ["hex", "square"]:
        m = lattice_map(kind)
        sac, b60, b90 = grid_scores(m)
        r = b60[2]
        rows.append([kind, b60[0], b90[0], b60[1], b90[1]] + [r[a] for a in ANGLES])
        if kind == "hex":
            for dy, dx in [(0, 0), (0, 1), (1, 0), (3, 5), (-7, 2), (8, 0), (0, -8), (-8, -8), (20, 20), (23, -23), (12, 15), (-5, -11)]:
                lag_rows.append([dy, dx, sac[dy + 23, dx + 23]])
    ids, maps = hafting_rate_maps(os.path.join(ROOT, "data", "mec", "hafting2005_fig2c_trial1.h5"))
    for u in ids:
        sac, b60, b90 = grid_scores(maps[u])
        r = b60[2]
        rows.append(["hafting2005_fig2c_trial1/" + u, b60[0], b90[0], b60[1], b90[1]] + [r[a] for a in ANGLES])
    with open(os.path.join(HERE, "expected_scores.csv"), "w", newline="") as f:
        f.write(header + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["map", "score60", "score90", "outer60", "outer90"] + [f"r{a}" for a in ANGLES])
        for row in rows:
            w.writerow([row[0]] + [repr(float(v)) for v in row[1:]])
    with open(os.path.join(HERE, "hex_autocorrelogram_lags.csv"), "w", newline="") as f:
        f.write(header + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["row_lag", "column_lag", "r"])
        for dy, dx, v in lag_rows:
            w.writerow([dy, dx, repr(float(v))])
    for row in rows:
        print(row[0], round(row[1], 4), round(row[2], 4), row[3], row[4])


if __name__ == "__main__":
    main()
