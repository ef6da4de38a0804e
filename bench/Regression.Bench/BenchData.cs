using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Spatially smooth synthetic features and grid-like neurons on a square grid.</summary>
internal static class BenchData
{
    /// <summary>
    /// Features are random Fourier features cos(k·x + φ) of bin centres (spatial frequencies up to
    /// 6 cycles per arena), so the features are smooth like network rate maps; neurons are sums of
    /// three plane waves at 60° (grid-like) plus, for half of them, a random mixture of features,
    /// with noise of varied level so that some neurons are well predicted and some barely.
    /// </summary>
    public static (double[,] Features, double[,] Responses) Generate(BenchOptions options)
    {
        var random = new Random(20240611);
        var side = options.BinsSide;
        var bins = side * side;
        var features = new double[bins, options.Features];
        for (var f = 0; f < options.Features; f++)
        {
            var angle = random.NextDouble() * 2 * Math.PI;
            var frequency = 2 * Math.PI * (0.5 + 5.5 * random.NextDouble());
            var phase = random.NextDouble() * 2 * Math.PI;
            var (kx, ky) = (frequency * Math.Cos(angle), frequency * Math.Sin(angle));
            for (var b = 0; b < bins; b++)
            {
                var (x, y) = ((b % side + 0.5) / side, (b / side + 0.5) / side);
                features[b, f] = Math.Max(0, Math.Cos(kx * x + ky * y + phase));
            }
        }

        var responses = new double[bins, options.Neurons];
        for (var j = 0; j < options.Neurons; j++)
        {
            var spacing = 2 * Math.PI * (1.5 + 3 * random.NextDouble());
            var orientation = random.NextDouble() * Math.PI / 3;
            var (px, py) = (random.NextDouble(), random.NextDouble());
            var noise = 0.2 + 1.5 * random.NextDouble();
            var mixture = j % 2 == 0
                ? Enumerable.Range(0, 20).Select(_ => random.Next(options.Features)).ToArray()
                : [];
            for (var b = 0; b < bins; b++)
            {
                var (x, y) = ((b % side + 0.5) / side - px, (b / side + 0.5) / side - py);
                var grid = 0.0;
                for (var w = 0; w < 3; w++)
                {
                    var theta = orientation + w * Math.PI / 3;
                    grid += Math.Cos(spacing * (x * Math.Cos(theta) + y * Math.Sin(theta)));
                }

                var mixed = mixture.Sum(f => features[b, f]) / 5;
                responses[b, j] = Math.Max(0, grid) + mixed + noise * Gaussian(random);
            }
        }

        return (features, responses);
    }

    public static void WarmUp(IRegressionMethod method)
    {
        var options = new BenchOptions(8, 80, 3, 2);
        var (features, responses) = Generate(options);
        var layout = BinLayout.FullGrid(8, 8);
        CrossValidation.Evaluate(features, responses, layout, new RandomSplits(0.9, 2, seed: 0), method);
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
