using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Nominal floating-point operation counts of the dominant steps (stated in run.sh's footnote).</summary>
internal static class FlopModel
{
    public static double Estimate(string command, CrossValidationResult result, int features)
    {
        var (p, q) = ((double)features, (double)result.NeuronCount);
        var total = 0.0;
        foreach (var fold in result.Folds)
        {
            var (n, m) = ((double)fold.Train.Count, (double)fold.Test.Count);
            if (command == "ridge")
            {
                var r = Math.Min(n, p);
                var kernel = p > n
                    // one GEMM for kernel + cross kernel; eigh ≈ 4n³
                    ? 2 * (n + m) * n * p + 4 * n * n * n
                    : 2 * n * p * p + 4 * p * p * p;                   // thin SVD ≈ 2np² + 4p³
                var projections = 2 * n * r * q + 2 * m * n * r + 2 * m * r * q;
                var alphas = fold.Hyperparameters.Candidates.Count;
                var inner = 0.0;
                var innerFolds = 5.0;
                var d = n / innerFolds;
                inner = innerFolds * alphas * (2 * d * d * r + 2 * d * r * q + d * d * d / 3 + 2 * d * d * q);
                total += kernel + projections + inner;
            }
            else
            {
                var k = fold.Hyperparameters.Values.Max();
                // XᵀY once, then per component two matrix–vector products with X and a rank-1 update of S.
                total += 2 * n * p * q + k * (4 * n * p + 2 * p * q + 4 * p * q) + 2 * m * p * q + 2 * p * k * q;
            }
        }

        return total;
    }
}
