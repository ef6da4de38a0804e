using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark.Tests;

/// <summary>A small, fully known <see cref="RunResult"/> for testing writers and figures without fitting.</summary>
/// <remarks>
/// Six neurons on a 10 × 10 grid of 10 cm bins. Neuron k's map is a plane wave; its prediction is the
/// map plus a known distortion, and its scores are fixed numbers chosen to cover every case the files
/// must carry: a NaN ceiling (excluded), a constant map (NaN r), values above 1, and grid-edge alphas.
/// </remarks>
internal static class SyntheticRun
{
    internal static RunResult Create(RunSettings? settings = null)
    {
        settings ??= new RunSettings { Model = "random-fourier:d=64,seed=1", Dataset = "synthetic-arena" };
        var grid = SpatialGrid.Centred(0, 0, 100, 100, 10);
        string[] ids = ["T01C1", "T01C2", "T02C1", "T02C2", "T03C1", "T03C2"];
        var actual = new double[grid.BinCount, ids.Length];
        var predicted = new double[grid.BinCount, ids.Length];
        var mask = new bool[grid.BinCount];
        for (var bin = 0; bin < grid.BinCount; bin++)
        {
            var (x, y) = grid.BinCentre(bin);
            var unvisited = bin % 17 == 3;
            mask[bin] = !unvisited;
            for (var n = 0; n < ids.Length; n++)
            {
                var rate = n == 5 ? 2.0 : 5 + 4 * Math.Cos((x * (n + 1) + y) / 25.0);
                actual[bin, n] = unvisited ? double.NaN : rate;
                predicted[bin, n] = unvisited ? double.NaN : rate + (n + 1) * Math.Sin(x / 13.0);
            }
        }

        double[] ceilings = [0.8, 0.6, double.NaN, 0.5, 0.9, 0.7];
        double[] rs = [0.85, 0.6, 0.4, 0.75, 0.3, double.NaN];
        var neurons = new List<NeuronScore>();
        for (var n = 0; n < ids.Length; n++)
        {
            var folds = Enumerable.Range(0, 3).Select(f => new FoldScore(
                f, rs[n] + 0.01 * (f - 1), 0.5 * rs[n], Math.Pow(10, f), f == 2, null, 60, 30)).ToList();
            var exclusion = double.IsNaN(ceilings[n]) ? "ceiling undefined: split-half r ≤ 0"
                : double.IsNaN(rs[n]) ? "score undefined: constant rate map" : null;
            neurons.Add(new NeuronScore(ids[n], 1.5 + n, ceilings[n], folds, rs[n], 0.5 * rs[n],
                rs[n] / Math.Sqrt(ceilings[n]), rs[n] * rs[n] / ceilings[n], exclusion));
        }

        var summary = new RunSummary
        {
            Model = settings.Model,
            ModelDescription = "random Fourier features, d = 64",
            Dataset = settings.Dataset,
            Protocol = RunProtocol.Label(settings),
            Regression = "ridge",
            Folds = "blocked",
            Trajectory = "synthetic",
            Seed = settings.Seed,
            FeatureCount = 64,
            ParticipationRatio = 12.5,
            ComponentsFor80Percent = 20,
            MedianR = new MedianEstimate(0.6, 0.3, 0.85),
            MedianRNorm = new MedianEstimate(0.95, 0.4, 1.06),
            MedianR2Norm = new MedianEstimate(0.9, 0.1, 1.12),
            RatioOfMediansRNorm = 0.9,
            MedianCeiling = 0.7,
            NeuronsTotal = 6,
            NeuronsIncluded = 4,
            NeuronsExcluded = neurons.Where(n => n.Exclusion is not null)
                .Select(n => new NeuronExclusion(n.NeuronId, n.Exclusion!)).ToList(),
            BinsTotal = grid.BinCount,
            BinsUsed = mask.Count(m => m),
            BinsDroppedByNeurons = mask.Count(m => !m),
            BinsDroppedByFeatures = 0,
        };

        return new RunResult(settings, summary, neurons, new SpatialMaps(grid, actual, ids), predicted, mask);
    }
}
