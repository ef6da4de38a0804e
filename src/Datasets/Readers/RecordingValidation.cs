using System.Globalization;
using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Datasets;

/// <summary>Checks what a reader found and turns it into a <see cref="Recording"/>.</summary>
/// <remarks>
/// Throws <see cref="InvalidDataException"/> on what would corrupt a score: unequal x/y/t
/// lengths, a time that is not finite or does not increase strictly (naming the first offending
/// sample), infinite positions, a sample lost in x but not in y, no tracked sample at all, a
/// non-finite spike time, duplicate neuron ids. Warns and goes on when the result stays valid:
/// spikes outside the tracked interval are counted and dropped, unsorted spikes are sorted, a
/// missing arena is inferred from the tracked extent.
/// </remarks>
internal static class RecordingValidation
{
    internal static Recording Build(RecordingParts parts, ILogger logger)
    {
        var file = Path.GetFileName(parts.SourcePath);
        var position = BuildPosition(parts, file);
        CheckUniqueIds(parts, file);

        var neurons = new List<Neuron>(parts.Neurons.Count);
        var dropped = 0;
        var neuronsWithDrops = 0;
        foreach (var unit in parts.Neurons)
        {
            var spikes = CheckedSpikes(unit, file, logger);
            var outside = 0;
            if (position is not null)
            {
                (spikes, outside) = WithinInterval(spikes, position.StartS, position.EndS);
                if (outside > 0)
                {
                    dropped += outside;
                    neuronsWithDrops++;
                    Log.NeuronSpikesOutsideTracking(logger, file, unit.Id, outside);
                }
            }

            neurons.Add(new Neuron(unit.Id, spikes, unit.Attributes, outside));
        }

        if (dropped > 0)
        {
            Log.SpikesOutsideTracking(logger, file, dropped, neuronsWithDrops, position!.StartS, position.EndS);
        }

        var arena = parts.Arena;
        if (arena is null && position is not null)
        {
            arena = InferArena(position);
            Log.ArenaInferred(logger, file, arena.ToString());
        }

        var recording = new Recording(parts.Name, Path.GetFullPath(parts.SourcePath), parts.Format, position, neurons,
                                      arena, parts.Metadata, parts.NoPositionReason);
        if (position is null)
        {
            Log.RecordingReadWithoutPosition(logger, file, neurons.Count);
        }
        else
        {
            Log.RecordingRead(logger, file, neurons.Count, position.SampleCount, recording.DurationS);
        }

        return recording;
    }

    private static PositionTrack? BuildPosition(RecordingParts parts, string file)
    {
        if (parts.Times is null && parts.X is null && parts.Y is null)
        {
            return null;
        }

        var (t, x, y) = (parts.Times, parts.X, parts.Y);
        if (t is null || x is null || y is null)
        {
            var missing = new[] { (t, parts.TimePath), (x, parts.XPath), (y, parts.YPath) }
                .Where(p => p.Item1 is null).Select(p => p.Item2);
            throw new InvalidDataException(
                $"{file}: position is incomplete: {string.Join(" and ", missing)} missing; t, x and y are all " +
                "needed.");
        }

        foreach (var (values, path) in new[] { (x, parts.XPath), (y, parts.YPath) })
        {
            if (values.Length != t.Length)
            {
                throw new InvalidDataException(
                    $"{file}: {path} holds {values.Length} samples but {parts.TimePath} holds {t.Length}; " +
                    "t, x and y need one value per sample. Re-export the position so the three have equal length.");
            }
        }

        if (t.Length < 2)
        {
            throw new InvalidDataException(
                $"{file}: {parts.TimePath} holds {t.Length} sample(s); a tracked path needs at least 2.");
        }

        CheckTimes(t, parts.TimePath, file);
        CheckCoordinates(x, y, parts, file);
        return new PositionTrack(t, x, y);
    }

    private static void CheckTimes(double[] t, string path, string file)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (!double.IsFinite(t[i]))
            {
                throw new InvalidDataException(
                    $"{file}: {path}: sample {i} is {Text(t[i])}; every position time must be a finite number of " +
                    "seconds (mark lost tracking with NaN in x and y, not in t).");
            }

            if (i > 0 && t[i] <= t[i - 1])
            {
                throw new InvalidDataException(
                    $"{file}: {path}: time must increase strictly, but sample {i} (t = {Text(t[i])} s) is not " +
                    "after " +
                    $"sample {i - 1} (t = {Text(t[i - 1])} s). Sort the samples by time and remove duplicates.");
            }
        }
    }

    private static void CheckCoordinates(double[] x, double[] y, RecordingParts parts, string file)
    {
        var tracked = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsInfinity(x[i]) || double.IsInfinity(y[i]))
            {
                throw new InvalidDataException(
                    $"{file}: {(double.IsInfinity(x[i]) ? parts.XPath : parts.YPath)}: sample {i} is infinite; " +
                    "positions must be finite cm or NaN where tracking was lost.");
            }

            if (double.IsNaN(x[i]) != double.IsNaN(y[i]))
            {
                var (lost, kept) = double.IsNaN(x[i]) ? (parts.XPath, parts.YPath) : (parts.YPath, parts.XPath);
                throw new InvalidDataException(
                    $"{file}: sample {i} is NaN in {lost} but finite in {kept}; a lost sample must be NaN in both " +
                    "coordinates (a half-lost position usually means the columns were misaligned on export).");
            }

            if (!double.IsNaN(x[i]))
            {
                tracked++;
            }
        }

        if (tracked == 0)
        {
            throw new InvalidDataException(
                $"{file}: every one of the {x.Length} position samples is NaN in {parts.XPath} and {parts.YPath}; " +
                "there is no tracked path to build maps from.");
        }
    }

    private static double[] CheckedSpikes(NeuronParts unit, string file, ILogger logger)
    {
        var spikes = unit.SpikeTimes;
        for (var i = 0; i < spikes.Length; i++)
        {
            if (!double.IsFinite(spikes[i]))
            {
                throw new InvalidDataException(
                    $"{file}: {unit.SpikePath}: spike {i} of neuron {unit.Id} is {Text(spikes[i])}; spike " +
                    "times must be finite seconds.");
            }
        }

        for (var i = 1; i < spikes.Length; i++)
        {
            if (spikes[i] < spikes[i - 1])
            {
                spikes = (double[])spikes.Clone();
                Array.Sort(spikes);
                Log.SpikesSorted(logger, file, unit.Id, unit.SpikePath);
                break;
            }
        }

        return spikes;
    }

    private static (double[] Kept, int Outside) WithinInterval(double[] spikes, double start, double end)
    {
        var first = LowerBound(spikes, start);
        var last = UpperBound(spikes, end);
        var kept = spikes[first..last];
        return (kept, spikes.Length - kept.Length);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index < sorted.Length && sorted[index] == value)
        {
            index++;
        }

        return index;
    }

    private static void CheckUniqueIds(RecordingParts parts, string file)
    {
        var duplicate = parts.Neurons.GroupBy(n => n.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException(
                $"{file}: neuron id '{duplicate.Key}' appears {duplicate.Count()} times; ids must be unique.");
        }
    }

    private static Arena InferArena(PositionTrack position)
    {
        var (minX, maxX, minY, maxY) = TrackedExtent(position);
        return Arena.FromTrackedExtent(minX, maxX, minY, maxY);
    }

    internal static (double MinX, double MaxX, double MinY, double MaxY) TrackedExtent(PositionTrack position)
    {
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity;
        double minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < position.SampleCount; i++)
        {
            var (x, y) = (position.XValues[i], position.YValues[i]);
            if (double.IsNaN(x))
            {
                continue;
            }

            (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
            (minY, maxY) = (Math.Min(minY, y), Math.Max(maxY, y));
        }

        return (minX, maxX, minY, maxY);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
