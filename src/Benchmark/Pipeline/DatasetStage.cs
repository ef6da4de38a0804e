using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Opens the recording and builds everything the run needs from it.</summary>
/// <remarks>The recording and its maps are kept in <see cref="RunCache"/>, so the units of a sweep read and
/// compute them once per seed.</remarks>
internal static class DatasetStage
{
    /// <summary>Opens and checks the dataset before any work: it must exist, hold units and position and fit the bins
    /// (<see cref="BinSizeOption.Check"/>: no larger than the arena, at most 40 000 bins).</summary>
    /// <remarks>The name or path is resolved first, which is cheap. The recording itself is read (seconds for a
    /// large file) only when <paramref name="problems"/> is still empty, so a wrong option found before this
    /// call, such as a <c>--model</c> that does not parse, is reported without reading the data; checks that need
    /// the data (position, <c>--bin-size</c> against the arena) then wait for the next attempt.</remarks>
    /// <returns>The recording, or null with the problems added (each naming <c>--dataset</c> or
    /// <c>--bin-size</c>); null without a problem of its own when earlier problems stopped the reading.</returns>
    internal static Recording? Open(RunSettings settings, ILogger logger, List<SettingsProblem> problems)
    {
        var registry = DatasetRegistry.Default();
        var entry = DatasetOption.Resolve(registry, settings.Dataset, problems);
        if (entry is null || problems.Count > 0)
        {
            return null;
        }

        Recording recording;
        try
        {
            recording = RunCache.Get($"recording|{RunCache.FileKey(entry.Path)}|{settings.Dataset}",
                () => DatasetOption.Read(registry, settings.Dataset, logger));
        }
        catch (InvalidSettingsException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }

        if (recording.Neurons.Count == 0)
        {
            problems.Add(DatasetOption.WithoutUnits(recording));
        }

        if (!recording.HasPosition || recording.Arena is null)
        {
            problems.Add(DatasetOption.WithoutPosition(recording, settings.Dataset, DatasetOption.RateMapsNeed));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        // A speed filter or a reliability block the recording cannot satisfy leaves nothing to map or split; said
        // here, naming the option, instead of as empty maps or too few fold blocks after the work.
        var fastest = RateMaps.FastestSpeedCmPerS(recording, settings.ToRateMapOptions());
        if (settings.MinSpeedCmPerSecond > 0 && !(fastest >= settings.MinSpeedCmPerSecond))
        {
            problems.Add(new SettingsProblem("--min-speed",
                $"a speed threshold that some position sample reaches (the fastest in '{settings.Dataset}' is " +
                $"{Number(fastest)} cm/s)",
                $"{Number(settings.MinSpeedCmPerSecond)} cm/s, which no position sample passes"));
        }

        if (!(settings.ReliabilityBlockSeconds < recording.DurationS))
        {
            problems.Add(new SettingsProblem("--reliability-block",
                $"a block shorter than the recording ({Number(recording.DurationS)} s), so the split-half noise " +
                "ceiling has at least 2 blocks to divide",
                $"{Number(settings.ReliabilityBlockSeconds)} s"));
        }

        if (BinSizeOption.Check(recording.Arena!, settings.BinSizeCm, $"'{settings.Dataset}'") is { } binProblem)
        {
            problems.Add(binProblem);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return recording;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

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
        var mapOptions = settings.ToRateMapOptions();
        var maps = RateMaps.Compute(recording, grid, mapOptions, logger);
        var reliability = SplitHalfReliability.Compute(
            recording, grid, settings.ToReliabilityOptions(), mapOptions, logger);
        return new DatasetInputs(recording, grid, maps, reliability.Ceilings, recording.MeanRatesHz());
    }
}
