using NeuralPredictivity.Benchmark.Cluster;

namespace NeuralPredictivity.Benchmark.Tests.Cluster;

public sealed class SlurmJobOptionsTests
{
    [Theory]
    [InlineData("90")]
    [InlineData("30:00")]
    [InlineData("4:00:00")]
    [InlineData("2-12")]
    [InlineData("2-12:30")]
    [InlineData("1-00:00:00")]
    public void AcceptsEverySbatchTimeFormat(string time)
    {
        Assert.Empty(new SlurmJobOptions { TimeLimit = time }.Validate());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0:00:00")]
    [InlineData("4h")]
    [InlineData("1:2:3:4")]
    [InlineData("-5")]
    [InlineData("")]
    public void RefusesTimesSbatchWouldRefuseOrThatAreZero(string time)
    {
        var problem = Assert.Single(new SlurmJobOptions { TimeLimit = time }.Validate());

        Assert.StartsWith("--time: expected a SLURM time limit", problem.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"found '{time}'.", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8G", true)]
    [InlineData("512", true)]
    [InlineData("1T", true)]
    [InlineData("8GB", false)]
    [InlineData("0", false)]
    [InlineData("1.5G", false)]
    public void MemoryIsAnIntegerWithAnOptionalUnit(string memory, bool valid)
    {
        Assert.Equal(valid, new SlurmJobOptions { Memory = memory }.Validate().Count == 0);
    }

    [Fact]
    public void ReportsEveryInvalidOptionAtOnceByName()
    {
        var options = new SlurmJobOptions
        {
            Partition = "has space", TimeLimit = "soon", CpusPerTask = 0, Memory = "lots",
            ArrayParallelism = 0, Shards = 1001,
        };

        var problems = options.Validate();

        Assert.Equal(
            ["--partition", "--time", "--cpus-per-task", "--mem", "--array-parallelism", "--shards"],
            problems.Select(p => p.Option));
        var error = Assert.Throws<InvalidSettingsException>(options.EnsureValid);
        Assert.Equal(problems, error.Problems);
    }

    [Fact]
    public void DefaultsAreValidAndLeaveEveryChoiceToTheCluster()
    {
        var options = new SlurmJobOptions();

        Assert.Empty(options.Validate());
        Assert.Null(options.Partition);
        Assert.Null(options.CpusPerTask);
    }
}
