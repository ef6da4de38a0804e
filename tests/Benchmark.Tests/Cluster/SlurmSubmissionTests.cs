using System.Security.Cryptography;
using System.Text;
using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

public sealed class SlurmSubmissionTests : IDisposable
{
    private readonly StandInToolkit _toolkit = new();

    public void Dispose() => _toolkit.Dispose();

    [Theory]
    [InlineData("1234\n", 1234)]
    [InlineData("1234;cluster-a\n", 1234)]
    [InlineData("sbatch: warning: something\n77\n", 77)]
    public void JobIdIsReadFromParsableOutput(string output, long expected)
    {
        Assert.Equal(expected, SlurmSweepSubmitter.ParseJobId(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Submitted batch job\n")]
    public void OutputWithoutAJobIdIsAnError(string output)
    {
        var error = Assert.Throws<SlurmException>(() => SlurmSweepSubmitter.ParseJobId(output));

        Assert.Contains("expected a job id", error.Message);
    }

    [Theory]
    [InlineData("sbatch: error: invalid partition specified: gpu\n"
        + "sbatch: error: Batch job submission failed: Invalid partition name specified", "--partition")]
    [InlineData("sbatch: error: Invalid --time specification", "--time")]
    [InlineData("sbatch: error: Memory specification can not be satisfied\n"
        + "sbatch: error: Batch job submission failed: Requested node configuration is not available", "--mem")]
    [InlineData("sbatch: error: Invalid numeric value \"0\" for --cpus-per-task.", "--cpus-per-task")]
    [InlineData("sbatch: error: Batch job submission failed: Requested node configuration is not available",
        "--cpus-per-task")]
    [InlineData("sbatch: error: Batch job submission failed: Invalid job array specification", "--shards")]
    [InlineData("sbatch: error: Batch job submission failed: Job violates accounting/QOS policy "
        + "(job submit limit, user's size and/or time limits)", "--shards, --time or --cpus-per-task")]
    [InlineData("sbatch: error: Batch job submission failed: Unable to contact slurm controller", null)]
    public void RefusalNamesTheOptionAtFault(string error, string? option)
    {
        var exception = SbatchRefusal.ToException("/s/sweep.sbatch", new SlurmCommandResult(1, "", error));

        Assert.Equal(option, exception.Option);
        Assert.DoesNotContain("sbatch: error:", exception.Message);
        Assert.Contains("sbatch refused /s/sweep.sbatch", exception.Message);
    }

    [Fact]
    public void MissingSbatchSaysWhereToRunAndOffersDryRun()
    {
        var plan = _toolkit.Plan("sweep", shardCount: 2);
        var commands = new SlurmCommands(new Dictionary<string, string> { ["PATH"] = _toolkit.Root });

        var error = Assert.Throws<SlurmException>(() => new SlurmSweepSubmitter(commands).Submit(plan, new()));

        Assert.Contains("sbatch was not found on PATH", error.Message);
        Assert.Contains("--dry-run", error.Message);
    }

    [Fact]
    public void SubmissionLogRoundTrips()
    {
        var folder = Path.Combine(_toolkit.Root, "slurm");
        Directory.CreateDirectory(folder);
        var first = new SlurmSubmission(10, 11, [0, 1, 2, 5], 6, "0.1.0+abc",
            DateTimeOffset.Parse("2025-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var second = first with { ArrayJobId = 20, MergeJobId = 21, Shards = [5] };

        first.AppendTo(folder);
        second.AppendTo(folder);
        var read = SlurmSubmission.ReadAll(folder);

        Assert.Equal(2, read.Count);
        Assert.Equal([0, 1, 2, 5], read[0].Shards);
        Assert.Equal(first with { Shards = read[0].Shards }, read[0]);
        Assert.Equal(20, read[1].ArrayJobId);
    }

    [Fact]
    public void MalformedSubmissionLogNamesFileAndLine()
    {
        var folder = Path.Combine(_toolkit.Root, "slurm");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SlurmSubmission.LogFileName), "header\n12\tx\n");

        var error = Assert.Throws<InvalidDataException>(() => SlurmSubmission.ReadAll(folder));

        Assert.Contains("submissions.tsv: line 2", error.Message);
    }

    [Fact]
    public void FingerprintIsTheSha256OfTheAssembliesConcatenatedInOrder()
    {
        // Split "abc" over two files: the digest must be SHA-256("abc"), as `cat a b | sha256sum` gives.
        var folder = Path.Combine(_toolkit.Root, "hash");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NeuralPredictivity.A.dll"), "a");
        File.WriteAllText(Path.Combine(folder, "predictivity.dll"), "bc");

        var build = ToolkitBuild.FromDirectory(folder);

        Assert.Equal(["NeuralPredictivity.A.dll", "predictivity.dll"], build.Files);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", build.Fingerprint);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("abc"))), build.Fingerprint);
        Assert.Contains('+', build.Version);
    }

    [Fact]
    public void FolderWithoutToolkitAssembliesIsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ToolkitBuild.FromDirectory(_toolkit.Root));

        Assert.Contains("expected predictivity.dll or NeuralPredictivity.*.dll", error.Message);
    }
}
