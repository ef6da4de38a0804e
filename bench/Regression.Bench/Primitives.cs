using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Best-of-N timings of the dense steps one ridge fold performs (the "primitives" command).</summary>
internal static class Primitives
{
    public static void Run()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var x = randn(900, 4096, dtype: ScalarType.Float64);
        var train = x.narrow(0, 0, 810);
        var kernel = train.matmul(train.T);
        var u = linalg.eigh(kernel).Item2;
        var uD = u.narrow(0, 0, 162);
        var shrink = rand(17, 810, dtype: ScalarType.Float64);
        var y = randn(810, 65, dtype: ScalarType.Float64);

        Time("gram 900×4096 · 4096×810", 2.0 * 900 * 810 * 4096, () => x.matmul(train.T));
        Time("eigh 810×810", 4.0 * 810 * 810 * 810, () => linalg.eigh(kernel));
        Time("eigvalsh 810×810", 4.0 / 3 * 810 * 810 * 810, () => linalg.eigvalsh(kernel));
        Time("svd 810×4096 thin", 4.0 * 810 * 810 * 4096, () => linalg.svd(train, fullMatrices: false));
        Time("inner: 17 × (162×810 · 810×162)", 17 * 2.0 * 162 * 162 * 810,
            () => (uD.unsqueeze(0) * shrink.unsqueeze(1)).matmul(uD.T));
        using var two = 2.ToScalar();
        var system = eye(162, dtype: ScalarType.Float64).unsqueeze(0).repeat(17, 1, 1) * two;
        var rhs = randn(17, 162, 65, dtype: ScalarType.Float64);
        Time("inner: 17 Cholesky solves 162, 65 rhs", 17 * (162.0 * 162 * 162 / 3 + 4.0 * 162 * 162 * 65), () =>
        {
            var (factor, _) = linalg.cholesky_ex(system);
            return cholesky_solve(rhs, factor);
        });
        Time("XᵀY 4096×810 · 810×65", 2.0 * 4096 * 810 * 65, () => train.T.matmul(y));
        var w = randn(4096, dtype: ScalarType.Float64);
        var t = randn(810, dtype: ScalarType.Float64);
        Time("PLS step: X·w and Xᵀ·t (810×4096)", 4.0 * 810 * 4096, () => (train.matmul(w), train.T.matmul(t)));
        Time("standardise 810×4096", 5.0 * 810 * 4096,
            () => (train - train.mean([0L], keepdim: true)) / train.std(0, unbiased: false, keepdim: true));
    }

    private static void Time(string label, double flop, Func<object> step)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 7; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            step();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{label,-42} {best * 1e3,9:F1} ms {flop / best / 1e9,8:F1} GFLOP/s"));
    }
}
