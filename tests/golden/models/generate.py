"""Golden values for NeuralPredictivity's path integrators (src/Models), from NumPy and PyTorch.

Writes, beside this file:
  expected.json        NumPy legacy draws, place-cell centres, simulated trajectories (a NumPy
                       re-statement of the Sorscher et al. 2019 generator, written for this test),
                       and the forward pass of a tiny vanilla-RNN path integrator and of LSTM/GRU cores;
  sorscher_rnn_tiny.pt state dict of the tiny path integrator (keys encoder/RNN/decoder), saved by
                       torch.save in the zip format;
  sorscher_rnn_tiny_legacy.pt  the same in the legacy (pre-1.6) format, which the import refuses;
  lstm_core.pt, gru_core.pt  state dicts of torch.nn.LSTM / torch.nn.GRU (input 2, hidden 5).
Run with Debian's python3-torch from the repository root: /usr/bin/python3 tests/golden/models/generate.py
"""
import json
import math
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def simulate(seed, batch, steps, width, height, periodic, dt=0.02, turn_sd=11.52,
             speed_scale=0.13 * 2 * np.pi, border=0.03, slowdown=0.25):
    """The published random walk, restated: returns start (B,2), displacements (T,B,2), positions (T,B,2)."""
    rng = np.random.RandomState(seed)
    x0 = rng.uniform(-width / 2, width / 2, batch)
    y0 = rng.uniform(-height / 2, height / 2, batch)
    hd = rng.uniform(0, 2 * np.pi, batch)
    turn_noise = rng.normal(0, turn_sd, (batch, steps + 1))
    speeds = rng.rayleigh(speed_scale, (batch, steps + 1))
    pos = np.zeros((steps + 2, batch, 2))
    pos[0, :, 0], pos[0, :, 1] = x0, y0
    disp = np.zeros((steps + 1, batch, 2))
    for t in range(steps + 1):
        v = speeds[:, t].copy()
        turn = np.zeros(batch)
        if not periodic:
            px, py = pos[t, :, 0], pos[t, :, 1]
            dists = np.stack([width / 2 - px, height / 2 - py, width / 2 + px, height / 2 + py])
            nearest = np.argmin(dists, axis=0)
            d_wall = dists[nearest, np.arange(batch)]
            a = np.mod(np.mod(hd, 2 * np.pi) - nearest * np.pi / 2 + np.pi, 2 * np.pi) - np.pi
            near = (d_wall < border) & (np.abs(a) < np.pi / 2)
            turn[near] = np.sign(a[near]) * (np.pi / 2 - np.abs(a[near]))
            v[near] *= slowdown
        turn += dt * turn_noise[:, t]
        disp[t] = (v * dt)[:, None] * np.stack([np.cos(hd), np.sin(hd)], -1)
        pos[t + 1] = pos[t] + disp[t]
        hd = hd + turn
    if periodic:
        pos[..., 0] = np.mod(pos[..., 0] + width / 2, width) - width / 2
        pos[..., 1] = np.mod(pos[..., 1] + height / 2, height) - height / 2
    return pos[1], disp[1:], pos[2:]


def place_cell_centres(n, width, height, seed=0):
    rng = np.random.RandomState(seed)
    return np.stack([rng.uniform(-width / 2, width / 2, n), rng.uniform(-height / 2, height / 2, n)], -1)


def difference_of_softmaxes(pos, centres, sigma, ratio):
    d2 = ((pos[..., None, :] - centres) ** 2).sum(-1)
    out = torch.softmax(-d2 / (2 * sigma ** 2), -1) - torch.softmax(-d2 / (2 * ratio * sigma ** 2), -1)
    out = out - out.min(-1, keepdim=True).values
    return out / out.sum(-1, keepdim=True)


class TinyPathIntegrator(torch.nn.Module):
    def __init__(self, cells, hidden):
        super().__init__()
        self.encoder = torch.nn.Linear(cells, hidden, bias=False)
        self.RNN = torch.nn.RNN(input_size=2, hidden_size=hidden, nonlinearity="relu", bias=False)
        self.decoder = torch.nn.Linear(hidden, cells, bias=False)

    def forward(self, v, p0):
        g, _ = self.RNN(v, self.encoder(p0)[None])
        return g, self.decoder(g)


def main():
    torch.manual_seed(0)
    out = {"comment": f"numpy {np.__version__}, torch {torch.__version__}; tests/golden/models/generate.py; "
                      "seeds: RandomState(12345) draws, trajectories seeds 7 and 8, torch.manual_seed(0)"}

    rng = np.random.RandomState(12345)
    out["uniform"] = rng.uniform(-1.1, 1.1, 5).tolist()
    out["normal"] = rng.normal(0, 11.52, 5).tolist()
    out["rayleigh"] = rng.rayleigh(0.13 * 2 * np.pi, 5).tolist()
    out["centres_16"] = place_cell_centres(16, 2.2, 2.2).tolist()

    for name, seed, periodic in [("walls", 7, False), ("periodic", 8, True)]:
        start, disp, pos = simulate(seed, batch=3, steps=30, width=0.3, height=0.25, periodic=periodic)
        out[f"trajectory_{name}"] = {"seed": seed, "batch": 3, "steps": 30, "width": 0.3, "height": 0.25,
                                     "start": start.tolist(), "velocities": disp.tolist(), "positions": pos.tolist()}

    cells, hidden = 16, 12
    model = TinyPathIntegrator(cells, hidden)
    with torch.no_grad():
        model.RNN.weight_ih_l0.mul_(20.0)  # displacements are ~1 cm per step; make them matter
    torch.save(model.state_dict(), os.path.join(HERE, "sorscher_rnn_tiny.pt"))
    torch.save(model.state_dict(), os.path.join(HERE, "sorscher_rnn_tiny_legacy.pt"), _use_new_zipfile_serialization=False)
    start, disp, pos = simulate(3, batch=2, steps=12, width=2.2, height=2.2, periodic=False)
    centres = torch.tensor(place_cell_centres(cells, 2.2, 2.2), dtype=torch.float32)
    p0 = difference_of_softmaxes(torch.tensor(start, dtype=torch.float32), centres, 0.12, 2.0)
    targets = difference_of_softmaxes(torch.tensor(pos, dtype=torch.float32), centres, 0.12, 2.0)
    with torch.no_grad():
        g, preds = model(torch.tensor(disp, dtype=torch.float32), p0)
    out["tiny_rnn"] = {"cells": cells, "hidden": hidden, "start": start.tolist(), "velocities": disp.tolist(),
                       "targets": targets.tolist(), "hidden_states": g.tolist(), "predictions": preds.tolist()}

    inputs = torch.randn(6, 2, 2)
    h0 = torch.randn(1, 2, 5)
    c0 = torch.randn(1, 2, 5)
    lstm = torch.nn.LSTM(2, 5)
    gru = torch.nn.GRU(2, 5)
    torch.save(lstm.state_dict(), os.path.join(HERE, "lstm_core.pt"))
    torch.save(gru.state_dict(), os.path.join(HERE, "gru_core.pt"))
    with torch.no_grad():
        lstm_out, (lstm_h, lstm_c) = lstm(inputs, (h0, c0))
        gru_out, _ = gru(inputs, h0)
    out["cores"] = {"inputs": inputs.tolist(), "h0": h0[0].tolist(), "c0": c0[0].tolist(),
                    "lstm": lstm_out.tolist(), "lstm_final_cell": lstm_c[0].tolist(), "gru": gru_out.tolist()}

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
