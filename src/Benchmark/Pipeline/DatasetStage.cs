using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Benchmark;

/// <summary>Opens the recording and builds everything the run needs from it.</summary>
/// <remarks>The recording and its maps are kept in <see cref="RunCache"/>, so the units of a sweep read and
/// compute them once per seed.</remarks>
internal static class DatasetStage
{
    /// <summary>Opens and checks the dataset before any work: it must exist, hold units and position, fit the bins
    /// (<see cref="BinSizeOption.Check"/>: no larger than the arena, at most 40 000 bins), be fast enough for
    /// <c>--min-speed</c>, outlast <c>--reliability-block</c>, and visit enough bins for the fold scheme.</summary>
    /// <remarks>The name or path is resolved first, which is cheap. The recording itself is read (seconds for a
    /// large file) only when <paramref name="problems"/> is still empty, so a wrong option found before this
    /// call, such as a <c>--model</c> that does not parse, is reported without reading the data; checks that need
    /// the data (position, <c>--bin-size</c> against the arena) then wait for the next attempt.</remarks>
    /// <returns>The recording, or null with the problems added (each naming its option); null without a
    /// problem of its own when earlier problems stopped the reading.</returns>
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

        if (problems.Count == 0 && UnfillableFolds(recording, settings) is { } foldProblem)
        {
            problems.Add(foldProblem);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return recording;
    }

    /// <summary>The fold scheme's objection to the bins the animal visits at <c>--min-speed</c>, if it has one.
    /// </summary>
    /// <remarks>The regression can only use visited bins (the joint mask is a subset of them), so folds that
    /// cannot be made from those (blocked folds whose visited bins fill fewer blocks than folds, fewer bins than
    /// random folds, too few training bins for ridge's inner folds) cannot be made from the run's bins either.
    /// Occupancy is one pass over the positions; without this check the same message came after the feature
    /// maps, as a failure rather than as a wrong option.</remarks>
    private static SettingsProblem? UnfillableFolds(Recording recording, RunSettings settings)
    {
        var arena = recording.Arena!;
        var grid = SpatialGrid.Centred(
            arena.CentreXCm, arena.CentreYCm, arena.WidthCm, arena.HeightCm, settings.BinSizeCm);
        var occupancy = RateMaps.Occupancy(recording, grid, settings.ToRateMapOptions());
        var visited = Enumerable.Range(0, occupancy.Length).Where(bin => occupancy[bin] > 0).ToArray();
        try
        {
            // One feature, the lowest count a model can have: PLS then asks for the fewest training bins.
            var method = RegressionStage.Method(settings, featureCount: 1, NullLogger.Instance);
            CrossValidation.EnsureFeasible(new BinLayout(grid.ColumnCount, grid.RowCount, visited),
                RegressionStage.Folds(settings), method, featureCount: 1, recording.Neurons.Count);
            return null;
        }
        catch (ArgumentException e)
        {
            return new SettingsProblem("--folds",
                $"folds that the {visited.Length} of {grid.BinCount} bins visited at --min-speed " +
                $"{Number(settings.MinSpeedCmPerSecond)} cm/s can fill (a lower --min-speed, a smaller --block-size " +
                "or --bin-size, a smaller --fold-count, or another --folds scheme)",
                ErrorMessage.Of(e));
        }
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
