"""Adam-step time of the same path integrator in PyTorch: prints '<ms> ms/step (torch <version>)'.

Usage: /usr/bin/python3 torch_step.py HIDDEN THREADS STEPS. Same network as the TorchSharp side:
encoder/RNN(ReLU, no bias)/decoder, 512 place cells, difference-of-softmaxes targets, batch 200 x 20.
Trajectories are random displacements of the right scale (generation is not timed on either side).
"""
import sys
import time

import torch

hidden, threads, steps = (int(a) for a in sys.argv[1:4])
torch.set_num_threads(threads)
torch.manual_seed(0)
cells, batch, seq = 512, 200, 20
centres = torch.rand(cells, 2) * 2.2 - 1.1
encoder = torch.nn.Linear(cells, hidden, bias=False)
rnn = torch.nn.RNN(2, hidden, nonlinearity="relu", bias=False)
decoder = torch.nn.Linear(hidden, cells, bias=False)
params = list(encoder.parameters()) + list(rnn.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=1e-4)


def targets(pos):
    d2 = ((pos[..., None, :] - centres) ** 2).sum(-1)
    out = torch.softmax(-d2 / (2 * 0.12 ** 2), -1) - torch.softmax(-d2 / (4 * 0.12 ** 2), -1)
    out = out - out.min(-1, keepdim=True).values
    return out / out.sum(-1, keepdim=True)


def step():
    start = torch.rand(batch, 2) * 2.2 - 1.1
    v = torch.randn(seq, batch, 2) * 0.02
    pos = start + v.cumsum(0)
    g, _ = rnn(v, encoder(targets(start))[None])
    preds = decoder(g)
    loss = -(targets(pos) * torch.log_softmax(preds, -1)).sum(-1).mean() + 1e-4 * (rnn.weight_hh_l0 ** 2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    top = preds.topk(3, -1).indices
    return (centres[top].mean(-2) - pos).norm(dim=-1).mean().item()


step()
t0 = time.perf_counter()
for _ in range(steps):
    step()
print(f"{(time.perf_counter() - t0) / steps * 1000:8.1f} ms/step (torch {torch.__version__})")
