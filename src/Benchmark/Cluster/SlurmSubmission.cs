using System.Globalization;
using System.Text;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>One submission of a sweep to SLURM: the array job, its merge job and the shards it runs.</summary>
/// <remarks>
/// Every submission is appended to <c>slurm/submissions.tsv</c> in the sweep folder (one row each,
/// tab-separated, with a header), so <c>predictivity sweep status</c> can ask SLURM about the jobs
/// later and a resubmission can refuse to start while earlier tasks are still queued or running.
/// </remarks>
/// <param name="ArrayJobId">Job id of the array (its tasks are <c>ArrayJobId_shard</c>).</param>
/// <param name="MergeJobId">Job id of the merge job that waits for the array (afterany).</param>
/// <param name="Shards">Shards (1-based) the array runs, ascending.</param>
/// <param name="ShardCount">The <c>n</c> of <c>--shard i/n</c>.</param>
/// <param name="ToolkitVersion">Version of the build the tasks must run.</param>
/// <param name="SubmittedUtc">When the array was submitted.</param>
public sealed record SlurmSubmission(
    long ArrayJobId,
    long MergeJobId,
    IReadOnlyList<int> Shards,
    int ShardCount,
    string ToolkitVersion,
    DateTimeOffset SubmittedUtc)
{
    /// <summary>File name of the submission log inside the sweep's slurm folder.</summary>
    public const string LogFileName = "submissions.tsv";

    private const string Header = "array_job\tmerge_job\tshards\tshard_count\ttoolkit_version\tsubmitted_utc";

    /// <summary>Every submission recorded in <paramref name="slurmFolder"/>, oldest first; empty when none.</summary>
    /// <exception cref="InvalidDataException">The log exists but a row is malformed.</exception>
    public static IReadOnlyList<SlurmSubmission> ReadAll(string slurmFolder)
    {
        var path = Path.Combine(slurmFolder, LogFileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var submissions = new List<SlurmSubmission>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                submissions.Add(Parse(path, i + 1, lines[i]));
            }
        }

        return submissions;
    }

    /// <summary>Appends this submission to the log in <paramref name="slurmFolder"/>, replacing the file
    /// by rename so a reader never sees half a row.</summary>
    internal void AppendTo(string slurmFolder)
    {
        var path = Path.Combine(slurmFolder, LogFileName);
        var text = new StringBuilder();
        text.Append(File.Exists(path) ? File.ReadAllText(path) : Header + "\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{ArrayJobId}\t{MergeJobId}\t{SlurmArrayIndices.Compress(Shards)}\t{ShardCount}\t")
            .Append(ToolkitVersion).Append('\t')
            .Append(SubmittedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Append('\n');

        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    private static SlurmSubmission Parse(string path, int lineNumber, string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 6
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var array)
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var merge)
            || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !DateTimeOffset.TryParse(fields[5], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var submitted))
        {
            throw new InvalidDataException(
                $"{path}: line {lineNumber}: expected six tab-separated fields ({Header.Replace('\t', ' ')}); "
                + $"found '{line}'.");
        }

        try
        {
            return new SlurmSubmission(array, merge, SlurmArrayIndices.Expand(fields[2]), count, fields[4], submitted);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: shards '{fields[2]}': {e.Message}", e);
        }
    }
}
