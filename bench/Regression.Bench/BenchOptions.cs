using System.Globalization;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Shape of the generated benchmark problem.</summary>
internal sealed record BenchOptions(int BinsSide, int Features, int Neurons, int Splits)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(30, 4096, 65, 10);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--bins-side" => options with { BinsSide = value },
                "--features" => options with { Features = value },
                "--neurons" => options with { Neurons = value },
                "--splits" => options with { Splits = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
