namespace NeuralPredictivity.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public void HelpListsTheMainCommands()
    {
        var result = CliRunner.Invoke("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("run", result.StandardOutput);
        Assert.Contains("sweep", result.StandardOutput);
        Assert.Contains("doctor", result.StandardOutput);
        Assert.Contains("--verbosity", result.StandardOutput);
    }

    [Fact]
    public void VersionPrintsTheToolkitVersion()
    {
        var result = CliRunner.Invoke("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [Fact]
    public void UnknownCommandFailsAndSuggestsTheClosestOne()
    {
        var result = CliRunner.Invoke("rnu");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'rnu'", result.StandardOutput + result.StandardError);
        Assert.Contains("run", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void RunHelpDocumentsEveryOptionWithItsDefault()
    {
        var result = CliRunner.Invoke("run", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--model", "--dataset", "--protocol", "--regression", "--folds", "--trajectory",
                     "--bin-size", "--min-speed", "--smooth", "--seed", "--out" })
        {
            Assert.Contains(option, result.StandardOutput);
        }

        Assert.Contains("[default: stensola2012_ben]", result.StandardOutput);
        Assert.Contains("nayebi2021", result.StandardOutput);
    }

    [Fact]
    public void SweepHelpListsMergeAndStatus()
    {
        var result = CliRunner.Invoke("sweep", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("merge", result.StandardOutput);
        Assert.Contains("status", result.StandardOutput);
        Assert.Contains("--shard", result.StandardOutput);
    }
}
