using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Plots;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Network families in <c>predictivity models preview</c>: trained (reduced to d), untrained (d units)
/// and their shuffled controls, on the grid and arena the command resolved.</summary>
/// <remarks>
/// Maps come from the same synthetic-trajectory protocol as a run with the same <c>--seed</c> and
/// <c>--trajectory-batches</c> (random walks in a box the arena's size, seeded with the run's derived
/// trajectory seed; untrained weights and shuffles with its derived feature seed), so the participation ratios
/// printed here are those a run reports before its joint mask.
/// </remarks>
internal static class NetworkPreview
{
    /// <summary>The network spec <paramref name="text"/> names (checked with d = 1, which each --d value
    /// replaces), or null for a baseline spec or a network spec with bad parameters, which adds its problems.
    /// </summary>
    /// <param name="text">The spec as given.</param>
    /// <param name="featureSeed">The run's derived feature seed, taken by a spec without <c>seed=</c>.</param>
    /// <param name="problems">Receives the problems of a network spec, naming <paramref name="option"/>.</param>
    /// <param name="option">The argument the spec came from, as messages name it.</param>
    internal static ModelSpec? ParseNetwork(
        string text, int featureSeed, List<SettingsProblem> problems, string option)
    {
        var found = new List<SettingsProblem>();
        var spec = ModelSpec.Parse(WithDimensionText(text, 1), featureSeed, found, option);
        if (spec is null)
        {
            // A baseline's problems are reported when it is parsed as a baseline, with the text as given.
            var name = text.Split(':')[0].Trim().ToLowerInvariant();
            var network = name is "trained" or "untrained" or "bundled" or "shuffled"
                   && !text.StartsWith("shuffled:", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("shuffled:trained", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("shuffled:untrained", StringComparison.OrdinalIgnoreCase);
            if (network)
            {
                // Name the spec as the user wrote it, not with the d = 1 it was checked with.
                var checkedText = WithDimensionText(text, 1);
                problems.AddRange(found.Select(p => p with { Found = p.Found.Replace(checkedText, text) }));
            }

            return null;
        }

        return spec.IsNetwork ? spec : null;
    }

    /// <summary>Prints one table row per d (and writes a PNG of the first maps when a folder is given); the
    /// networks are driven as a run with <paramref name="settings"/> drives them (batches and derived seeds),
    /// and PR is measured on <paramref name="visited"/> (every bin the maps define when null).</summary>
    internal static void Write(TextWriter output, ModelSpec spec, IReadOnlyList<int> dimensions, SpatialGrid grid,
        Arena arena, bool[]? visited, RunSettings settings, string? folder, int panels, int index, ILogger logger)
    {
        var box = ArenaBox.Of(arena);
        var protocol = new SyntheticTrajectoryProtocol
        {
            BatchCount = settings.TrajectoryBatches,
            Seed = settings.SeedFor(SeedPurpose.Trajectory),
        };
        SpatialMaps? trainedMaps = null;
        var units = 0;
        if (spec.Trained)
        {
            using var network = spec.CreateNetwork();
            units = network.HiddenSize;
            trainedMaps = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, box, protocol, logger);
        }

        foreach (var d in dimensions)
        {
            var sized = WithDimension(spec, d, settings.SeedFor(SeedPurpose.Features));
            if (spec.Trained && d > units)
            {
                output.WriteLine($"{sized.Text,-72} {d,5}  skipped: d exceeds the network's {units} units");
                continue;
            }

            SpatialMaps maps;
            if (trainedMaps is not null)
            {
                maps = sized.Reduce(trainedMaps);
            }
            else
            {
                using var network = sized.CreateNetwork();
                maps = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, box, protocol, logger);
            }

            maps = spec.Shuffled ? SpatialShuffle.Permute(maps, sized.Seed) : maps;
            var (rows, defined) = maps.FiniteRows(visited);
            var report = ParticipationRatio.Compute(rows);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sized.Text,-72} {d,5} {defined,5} {report.ParticipationRatio,8:0.00} " +
                $"{report.ComponentsFor80Percent,7} {report.ComponentsFor90Percent,7}"));
            if (folder is not null && panels > 0)
            {
                var label = (spec.Shuffled ? "shuffled " : "") + (!spec.Trained ? "untrained"
                    : spec.Reduction == TrainedReduction.RandomUnits ? "trained random units" : "trained top PCs");
                var path = Path.Combine(folder, ModelsPreviewCommand.FileName(label, index, d));
                var title = string.Create(CultureInfo.InvariantCulture,
                    $"{label} d={d} PR={report.ParticipationRatio:0.0}");
                FeatureMapFigure.Save(maps, Enumerable.Range(0, Math.Min(panels, maps.ColumnCount)).ToArray(), title,
                    path, FeatureMapFigure.ActivationLabel);
                output.WriteLine($"    wrote {path}");
            }
        }
    }

    /// <summary>The spec with <c>d=</c> set: appended after the innermost name or its parameters.</summary>
    /// <remarks>A later <c>d=</c> overrides an earlier one, so the text checked with d = 1 can take any d.
    /// </remarks>
    private static ModelSpec WithDimension(ModelSpec spec, int d, int featureSeed)
    {
        var text = spec.Text.EndsWith(",d=1", StringComparison.Ordinal)
            || spec.Text.EndsWith(":d=1", StringComparison.Ordinal)
            ? spec.Text[..^4] : spec.Text;
        var problems = new List<SettingsProblem>();
        return ModelSpec.Parse(WithDimensionText(text, d), featureSeed, problems, option: "--d")
            ?? throw new InvalidSettingsException(problems);
    }

    private static string WithDimensionText(string text, int d)
    {
        var separator = text.Split(':')[^1].Contains('=') ? "," : ":";
        return string.Create(CultureInfo.InvariantCulture, $"{text}{separator}d={d}");
    }
}
