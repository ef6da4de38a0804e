using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Opens the recording and builds everything the run needs from it.</summary>
/// <remarks>The recording and its maps are kept in <see cref="RunCache"/>, so the units of a sweep read and
/// compute them once per seed.</remarks>
internal static class DatasetStage
{

    /// <summary>Opens and checks the dataset before any work: it must exist, hold position and fit the bins.</summary>
    /// <remarks>The name or path is resolved first, which is cheap. The recording itself is read (seconds for a
    /// large file) only when <paramref name="problems"/> is still empty, so a wrong option found before this
    /// call, such as a <c>--model</c> that does not parse, is reported without reading the data; checks that need
    /// the data (position, <c>--bin-size</c> against the arena) then wait for the next attempt.</remarks>
    /// <returns>The recording, or null with the problems added (each naming <c>--dataset</c> or
    /// <c>--bin-size</c>); null without a problem of its own when earlier problems stopped the reading.</returns>
    internal static Recording? Open(RunSettings settings, ILogger logger, List<SettingsProblem> problems)
    {
        DatasetEntry entry;
        try
        {
            var registry = DatasetRegistry.Default();
            if (registry.Find(settings.Dataset) is null && !File.Exists(settings.Dataset))
            {
                problems.Add(NotFound(settings.Dataset, registry));
                return null;
            }

            entry = registry.Resolve(settings.Dataset);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
        {
            problems.Add(new SettingsProblem("--dataset", "a registered dataset name or a recording file",
                $"'{settings.Dataset}': {ErrorMessage.Of(e)}"));
            return null;
        }

        if (problems.Count > 0)
        {
            return null;
        }

        Recording recording;
        try
        {
            recording = RunCache.Get($"recording|{RunCache.FileKey(entry.Path)}|{settings.Dataset}",
                () => DatasetRegistry.Default().Open(settings.Dataset, logger));
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException
            or NotSupportedException)
        {
            problems.Add(new SettingsProblem("--dataset", "a readable recording (a registered name or a file path)",
                $"'{settings.Dataset}': {ErrorMessage.Of(e)}"));
            return null;
        }

        if (!recording.HasPosition || recording.Arena is null)
        {
            problems.Add(new SettingsProblem("--dataset",
                "a recording with tracked position (rate maps need where the animal was)",
                $"'{settings.Dataset}' ({recording.SourcePath}) holds {recording.Neurons.Count} units but no " +
                "position"));
            return null;
        }

        var arena = recording.Arena;
        var side = Math.Min(arena.WidthCm, arena.HeightCm);
        if (settings.BinSizeCm > side)
        {
            problems.Add(new SettingsProblem("--bin-size",
                $"a bin side no larger than the arena ({arena}), i.e. ≤ " +
                $"{side.ToString("0.##", CultureInfo.InvariantCulture)} cm",
                settings.BinSizeCm.ToString("R", CultureInfo.InvariantCulture)));
            return null;
        }

        return recording;
    }

    /// <summary>The problem of a <c>--dataset</c> that is neither a registered name nor a file: the names there
    /// are and where the path led.</summary>
    private static SettingsProblem NotFound(string dataset, DatasetRegistry registry)
    {
        var names = string.Join(", ", registry.Entries().Select(e => e.Name));
        var path = Path.GetFullPath(dataset);
        var where = Directory.Exists(path) ? $"{path} is a folder, not a file" : $"there is no file {path}";
        return new SettingsProblem("--dataset", $"a registered dataset ({names}) or a recording file",
            $"'{dataset}': no dataset has that name and {where}. Register a file with: predictivity datasets " +
            "add NAME PATH");
    }

    /// <summary>Builds the grid, rate maps, noise ceilings and mean rates.</summary>
    internal static DatasetInputs Load(Recording recording, RunSettings settings, ILogger logger)
    {
        var key = string.Join('|', "inputs", RunCache.FileKey(recording.SourcePath), recording.Name, settings.BinSizeCm,
            settings.MinSpeedCmPerSecond, settings.SmoothSigmaBins, settings.ReliabilityBlockSeconds,
            settings.ReliabilityDraws, settings.SeedFor(SeedPurpose.Reliability));
        return RunCache.Get(key, () => Compute(recording, settings, logger));
    }

    private static DatasetInputs Compute(Recording recording, RunSettings settings, ILogger logger)
    {
        var arena = recording.Arena!;
        var grid = SpatialGrid.Centred(
            arena.CentreXCm, arena.CentreYCm, arena.WidthCm, arena.HeightCm, settings.BinSizeCm);
        var mapOptions = new RateMapOptions
        {
            MinSpeedCmPerS = settings.MinSpeedCmPerSecond,
            SmoothingSigmaBins = settings.SmoothSigmaBins,
        };
        var maps = RateMaps.Compute(recording, grid, mapOptions, logger);
        var reliability = SplitHalfReliability.Compute(recording, grid, new ReliabilityOptions
        {
            BlockLengthS = settings.ReliabilityBlockSeconds,
            DrawCount = settings.ReliabilityDraws,
            Seed = settings.SeedFor(SeedPurpose.Reliability),
        }, mapOptions, logger);
        return new DatasetInputs(recording, grid, maps, reliability.Ceilings, recording.MeanRatesHz());
    }
}
