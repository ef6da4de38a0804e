namespace NeuralPredictivity.Cli.Tests;

public sealed class RunOptionsTests
{
    [Theory]
    [InlineData("--bin-size", "0",
        "--bin-size: expected a positive length such as 5 (cm), 5cm, 50mm or 0.05m; found '0'.")]
    [InlineData("--bin-size", "five",
        "--bin-size: expected a positive length such as 5 (cm), 5cm, 50mm or 0.05m; found 'five'.")]
    [InlineData("--folds", "spiral",
        "--folds: expected one of random, random-fraction, blocked, halves, quadrants; found 'spiral'.")]
    [InlineData("--regression", "lasso", "--regression: expected one of ridge, ridge-fixed, pls; found 'lasso'.")]
    [InlineData("--protocol", "nayebi", "--protocol: expected one of default, nayebi2021, brainscore; found 'nayebi'.")]
    [InlineData("--min-speed", "-1", "--min-speed: expected a speed in cm/s ≥ 0 (0 keeps every sample); found -1.")]
    [InlineData("--seed", "1.5", "--seed: expected a whole number; found '1.5'.")]
    [InlineData("--figures", "maybe", "--figures: expected true or false; found 'maybe'.")]
    public void BadOptionFailsBeforeAnyWorkNamingTheOption(string option, string value, string message)
    {
        var result = CliRunner.Invoke("run", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
        Assert.Contains("nothing was run", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var result = CliRunner.Invoke(
            "run", "--bin-size", "-2", "--folds", "spiral", "--bootstrap", "5", "--seed", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("4 problems", result.StandardError);
        foreach (var option in new[] { "--bin-size", "--folds", "--bootstrap", "--seed" })
        {
            Assert.Contains($"  {option}: expected", result.StandardError);
        }
    }

    [Fact]
    public void SweepDimensionZeroIsRejected()
    {
        var result = CliRunner.Invoke("sweep", "--dims", "0,8", "--families", "random-fourier", "--out",
            Path.Combine(Path.GetTempPath(), "np-never-created"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dims: expected every dimension ≥ 1; found 0.", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "np-never-created")));
    }

    [Fact]
    public void SweepShardOutOfRangeIsRejected()
    {
        var result = CliRunner.Invoke("sweep", "--shard", "3/2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shard: expected i/n with 1 ≤ i ≤ n, such as 2/8; found '3/2'.", result.StandardError);
    }

    [Fact]
    public void FamilySpecsKeepTheirParameters()
    {
        var families = Commands.SweepFamilies.Resolve(
            "trained,random-fourier:lengthscale=20cm,scale=2,place-cells", null);

        Assert.Equal(["trained", "random-fourier:lengthscale=20cm,scale=2", "place-cells"], families);
    }

    [Fact]
    public void SweepWithAnUnknownFamilyFailsBeforeAnyUnitRuns()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"np-sweep-never-{Environment.ProcessId}");

        var result = CliRunner.Invoke(["sweep", "--families", "random-fourier,bananas", "--dims", "4", "--seeds", "0",
            .. TestEnvironment.Small, "--out", folder]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--families: expected", result.StandardError);
        Assert.Contains("family 'bananas' at d = 4", result.StandardError);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void SweepWithAnUnknownFamilyFailsBeforeTheRecordingIsRead()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"np-sweep-never-read-{Environment.ProcessId}");

        var result = CliProcess.Run(["sweep", "--families", "nosuchfamily", "--dims", "4", "--seeds", "0",
            "--verbosity", "normal", "--out", folder]);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.Contains("--families: expected", result.StandardError);
        Assert.DoesNotContain("Read stensola2012_ben.h5", result.StandardError);
        Assert.False(Directory.Exists(folder));
    }
}
