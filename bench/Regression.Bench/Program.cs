using System.Diagnostics;
using System.Globalization;
using NeuralPredictivity.Regression;
using NeuralPredictivity.Regression.Bench;
using TorchSharp;

// Usage:
//   Regression.Bench generate DIR [--bins-side 30] [--features 4096] [--neurons 65] [--splits 10]
//   Regression.Bench ridge DIR | pls DIR [--splits N]
//   Regression.Bench primitives   (best-of-7 timings of the dense steps of one ridge fold)
// "generate" writes X.npy (bins × features), Y.npy (bins × neurons), train.npy and test.npy
// (splits × bins, int64) so that scikit-learn runs on exactly the same data and splits.
// "ridge" and "pls" time one CrossValidation.Evaluate and print one result line:
//   RESULT name seconds gflop peak_working_set_bytes median_r
if (args.Length == 1 && args[0] == "primitives")
{
    torch.set_num_threads(Math.Min(
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_THREADS"), out var n) ? n : Environment.ProcessorCount,
        Environment.ProcessorCount));
    Primitives.Run();
    return 0;
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Regression.Bench generate|ridge|pls DIR [options]");
    return 2;
}

var (command, dir) = (args[0], args[1]);
var options = BenchOptions.Parse(args.Skip(2).ToArray());
var threads = int.TryParse(Environment.GetEnvironmentVariable("BENCH_THREADS"), out var t)
    ? t
    : Environment.ProcessorCount;
torch.set_num_threads(Math.Min(threads, Environment.ProcessorCount));

if (command == "generate")
{
    Directory.CreateDirectory(dir);
    var (features, responses) = BenchData.Generate(options);
    var layout = BinLayout.FullGrid(options.BinsSide, options.BinsSide);
    var folds = new RandomSplits(0.9, options.Splits, seed: 0).Split(layout);
    Npy.Write(Path.Combine(dir, "X.npy"), features);
    Npy.Write(Path.Combine(dir, "Y.npy"), responses);
    Npy.Write(Path.Combine(dir, "train.npy"), folds.Select(f => f.Train.ToArray()).ToArray());
    Npy.Write(Path.Combine(dir, "test.npy"), folds.Select(f => f.Test.ToArray()).ToArray());
    Npy.Write(Path.Combine(dir, "alphas.npy"), new[] { RidgeCvOptions.DefaultAlphas.ToArray() });
    Console.WriteLine(
        $"wrote {features.GetLength(0)} bins × {features.GetLength(1)} features × {responses.GetLength(1)} neurons, "
        + $"{folds.Count} splits to {dir}");
    return 0;
}

var x = Npy.ReadMatrix(Path.Combine(dir, "X.npy"));
var y = Npy.ReadMatrix(Path.Combine(dir, "Y.npy"));
var train = Npy.ReadIndexRows(Path.Combine(dir, "train.npy"));
var test = Npy.ReadIndexRows(Path.Combine(dir, "test.npy"));
var splitCount = Math.Min(options.Splits, train.Length);
var splits = new ExplicitFolds(
    train.Take(splitCount).Select((rows, k) => new Fold(k, rows, test[k])),
    $"{splitCount} random 90/10 splits (seeds 0…{splitCount - 1})");
var side = (int)Math.Round(Math.Sqrt(x.GetLength(0)));
var fullLayout = BinLayout.FullGrid(side, side);
IRegressionMethod method = command switch
{
    "ridge" => new RidgeCv(),
    "pls" => new PlsRegression(),
    _ => throw new ArgumentException($"unknown command '{command}': use generate, ridge or pls"),
};

// Warm-up on a small slice loads TorchSharp's native libraries and BLAS kernels untimed.
BenchData.WarmUp(method);

var clock = Stopwatch.StartNew();
var logger = Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1" ? new ConsoleLogger() : null;
var result = CrossValidation.Evaluate(x, y, fullLayout, splits, method, logger: logger);
var seconds = clock.Elapsed.TotalSeconds;
var gflop = FlopModel.Estimate(command, result, x.GetLength(1)) / 1e9;
using var process = Process.GetCurrentProcess();
var medianR = result.MeanPearson.Where(double.IsFinite).Order().ElementAt(result.NeuronCount / 2);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"RESULT {command} {seconds:F3} {gflop:F2} {process.PeakWorkingSet64} {medianR:F4}"));
return 0;
