#!/usr/bin/env python3
"""Golden feature maps for tests/Baselines.Tests, from an independent NumPy implementation.

Re-implements, from the documented algorithm only, the SplitMix64 streams of
src/Baselines/SeededRandom.cs and every position family, evaluates them on two small grids
(a 150 cm square with 25 cm bins and a 60 cm circle with 10 cm bins) and writes one CSV per case:
rows are bins (row-major, row 0 at the smallest y), columns are features, NaN outside the arena.
The first line of each CSV is a comment with library versions, the spec and the call.
Run with the system Python (Debian 12: python3-numpy): /usr/bin/python3 generate.py
"""
import math
import os
import sys

import numpy as np

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
HERE = os.path.dirname(os.path.abspath(__file__))


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def fnv1a(text):
    h = 0xCBF29CE484222325
    for c in text:  # UTF-16 code units; every salt here is ASCII
        h = ((h ^ ord(c)) * 0x100000001B3) & MASK
    return h


class Stream:
    def __init__(self, seed, salt, feature):
        key = mix((((seed & 0xFFFFFFFF) * GOLDEN) & MASK) ^ fnv1a(salt))
        self.state = mix(key ^ ((((feature & 0xFFFFFFFF) + 1) * 0xD1B54A32D192ED03) & MASK))

    def next(self):
        self.state = (self.state + GOLDEN) & MASK
        return mix(self.state)

    def double(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))

    def uniform(self, low, high):
        return low + (high - low) * self.double()

    def gaussian(self):
        u1 = 1.0 - self.double()
        u2 = self.double()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def integer(self, count):
        threshold = ((1 << 64) - count) % count
        while True:
            product = self.next() * count
            if (product & MASK) >= threshold:
                return product >> 64


class Arena:
    def __init__(self, shape, cx, cy, width, height):
        self.shape, self.cx, self.cy, self.width, self.height = shape, cx, cy, width, height

    def contains(self, x, y):
        dx, dy = x - self.cx, y - self.cy
        if self.shape == "circle":
            return dx * dx + dy * dy <= (self.width / 2) ** 2
        return abs(dx) <= self.width / 2 and abs(dy) <= self.height / 2

    def sample(self, rng):
        if self.shape == "circle":
            radius = self.width / 2 * math.sqrt(rng.double())
            angle = 2 * math.pi * rng.double()
            return self.cx + radius * math.cos(angle), self.cy + radius * math.sin(angle)
        x = rng.uniform(self.cx - self.width / 2, self.cx + self.width / 2)
        y = rng.uniform(self.cy - self.height / 2, self.cy + self.height / 2)
        return x, y

    def radius(self):
        if self.shape == "circle":
            return self.width / 2
        return math.hypot(self.width, self.height) / 2


def grid_centres(arena, bin_size):
    """Bin centres of SpatialGrid.Centred(cx, cy, width, height, bin): row-major, row 0 at min y."""
    def axis(centre, extent):
        count = max(1, math.ceil(extent / bin_size * (1 - 1e-9)))
        start = centre - count * bin_size / 2
        edges = start + bin_size * np.arange(count + 1)
        return (edges[:-1] + edges[1:]) / 2

    xs, ys = axis(arena.cx, arena.width), axis(arena.cy, arena.height)
    return xs, ys


def evaluate(arena, bin_size, d, feature):
    """(bins × d) map; feature(j, x, y) evaluates feature j at a defined bin centre."""
    xs, ys = grid_centres(arena, bin_size)
    out = np.full((len(xs) * len(ys), d), np.nan)
    columns = [feature(j) for j in range(d)]
    for row, y in enumerate(ys):
        for col, x in enumerate(xs):
            if arena.contains(x, y):
                out[row * len(xs) + col] = [f(x, y, col, row) for f in columns]
    return out


def random_fourier(arena, seed, lengthscale):
    def feature(j):
        rng = Stream(seed, "random-fourier", j)
        wx = rng.gaussian() / lengthscale
        wy = rng.gaussian() / lengthscale
        phase = rng.uniform(0, 2 * math.pi)
        return lambda x, y, c, r: math.sqrt(2) * math.cos(wx * x + wy * y + phase)
    return feature


def place_cells(arena, seed, width, profile, surround):
    def feature(j):
        cx, cy = arena.sample(Stream(seed, "place-cells", j))

        def f(x, y, c, r):
            sq = (x - cx) ** 2 + (y - cy) ** 2
            centre = math.exp(-sq / (2 * width ** 2))
            if profile == "gaussian":
                return centre
            s2 = surround ** 2
            return (centre - math.exp(-sq / (2 * s2 * width ** 2)) / s2) / (1 - 1 / s2)
        return f
    return feature


def grid_cells(arena, seed, spacing0, modules, ratio):
    def feature(j):
        spacing = spacing0 * ratio ** (j % modules)
        rng = Stream(seed, "grid-cells", j)
        theta = rng.uniform(0, math.pi / 3)
        u, v = rng.double(), rng.double()
        px = spacing * (u * math.cos(theta + math.pi / 6) + v * math.cos(theta + math.pi / 2))
        py = spacing * (u * math.sin(theta + math.pi / 6) + v * math.sin(theta + math.pi / 2))
        kappa = 4 * math.pi / (math.sqrt(3) * spacing)

        def f(x, y, c, r):
            g = sum(math.cos(kappa * (math.cos(theta + k * math.pi / 3) * (x - px)
                                      + math.sin(theta + k * math.pi / 3) * (y - py))) for k in range(3))
            return (g + 1.5) / 4.5
        return f
    return feature


def relu_position(arena, seed):
    def feature(j):
        rng = Stream(seed, "random-relu", j)
        angle = rng.uniform(0, 2 * math.pi)
        qx, qy = arena.sample(rng)
        ux, uy = math.cos(angle) / arena.radius(), math.sin(angle) / arena.radius()
        return lambda x, y, c, r: max(0.0, ux * (x - qx) + uy * (y - qy))
    return feature


def relu_place(arena, seed, width, lattice):
    def nodes(centre, extent):
        count = math.floor(extent / lattice * (1 + 1e-12)) + 1
        return centre + (np.arange(count) - (count - 1) / 2) * lattice

    lx, ly = nodes(arena.cx, arena.width), nodes(arena.cy, arena.height)

    def tuning(p, nodes_):
        return np.exp(-(p - nodes_) ** 2 / (2 * width ** 2))

    def feature(j):
        rng = Stream(seed, "random-relu", j)
        scale = 1 / math.sqrt(len(lx) * len(ly))
        w = np.array([[rng.gaussian() * scale for _ in ly] for _ in lx])
        qx, qy = arena.sample(rng)
        threshold = tuning(qx, lx) @ w @ tuning(qy, ly)
        return lambda x, y, c, r: max(0.0, tuning(x, lx) @ w @ tuning(y, ly) - threshold)
    return feature


def shuffle_permutation(defined, seed):
    bins = [b for b, ok in enumerate(defined) if ok]
    sources = list(bins)
    rng = Stream(seed, "spatial-shuffle", 0)
    for i in range(len(sources) - 1, 0, -1):
        k = rng.integer(i + 1)
        sources[i], sources[k] = sources[k], sources[i]
    permutation = list(range(len(defined)))
    for i, b in enumerate(bins):
        permutation[b] = sources[i]
    return permutation


def write(name, header, matrix):
    path = os.path.join(HERE, name)
    with open(path + ".tmp", "w") as f:
        f.write(f"# {header}; python {sys.version.split()[0]}, numpy {np.__version__}; "
                f"generated by tests/golden/baselines/generate.py\n")
        for row in matrix:
            f.write(",".join("NaN" if isinstance(v, float) and math.isnan(v) else repr(float(v)) for v in row) + "\n")
    os.replace(path + ".tmp", path)


def main():
    square = Arena("rectangle", 0.0, 0.0, 150.0, 150.0)
    circle = Arena("circle", 0.0, 0.0, 60.0, 60.0)
    cases = [
        ("random-fourier:d=5,lengthscale=20cm,seed=3", square, 25.0, 5, random_fourier(square, 3, 20.0)),
        ("place-cells:d=5,width=12cm,profile=gaussian,surround=2,seed=1", square, 25.0, 5,
         place_cells(square, 1, 12.0, "gaussian", 2.0)),
        ("place-cells:d=5,width=9cm,profile=dog,surround=2,seed=4", circle, 10.0, 5,
         place_cells(circle, 4, 9.0, "dog", 2.0)),
        ("grid-cells:d=6,spacing=40cm,modules=3,ratio=1.42,seed=2", square, 25.0, 6,
         grid_cells(square, 2, 40.0, 3, 1.42)),
        ("random-relu:d=5,input=position,width=12cm,lattice=7.5cm,seed=5", circle, 10.0, 5,
         relu_position(circle, 5)),
        ("random-relu:d=4,input=place,width=30cm,lattice=25cm,seed=6", square, 25.0, 4,
         relu_place(square, 6, 30.0, 25.0)),
    ]
    for index, (spec, arena, bin_size, d, feature) in enumerate(cases):
        shape = f"{arena.shape} {arena.width:g} cm, {bin_size:g} cm bins"
        header = f"spec {spec} on a {shape}; evaluate(arena, {bin_size:g}, {d}, feature)"
        write(f"family{index}.csv", header, evaluate(arena, bin_size, d, feature))

    xs, ys = grid_centres(circle, 10.0)
    defined = [circle.contains(x, y) for y in ys for x in xs]
    permutation = shuffle_permutation(defined, 11)
    write("shuffle.csv", "SpatialShuffle.Permutation of the 60 cm circle with 10 cm bins, seed 11; "
          "columns: bin, defined (1/0), source bin",
          [[b, int(defined[b]), permutation[b]] for b in range(len(defined))])

    stream = Stream(7, "random-fourier", 2)
    values = [[stream.next() >> 32, stream.next() & 0xFFFFFFFF] for _ in range(4)]
    write("stream.csv", "Stream(seed 7, salt 'random-fourier', feature 2): high and low 32 bits of the first 8 draws",
          values)


if __name__ == "__main__":
    main()
