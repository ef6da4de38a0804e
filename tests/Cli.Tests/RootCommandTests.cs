using NeuralPredictivity.Cli.Commands;

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

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'rnu' (did you mean run?)", result.StandardError);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" },
        "predictivity: unknown command 'frobnicate'; the commands are doctor, run, sweep, datasets, models, train, "
        + "gridscores.")]
    [InlineData(new[] { "-v", "quiet", "frobnicate" }, "predictivity: unknown command 'frobnicate'; the commands are")]
    [InlineData(new string[0], "predictivity: no command given; the commands are doctor, run,")]
    [InlineData(new[] { "datasets", "frob" },
        "predictivity datasets: unknown command 'frob'; the commands are list, inspect, add, remove.")]
    [InlineData(new[] { "run", "--bogus" }, "predictivity run: unknown option '--bogus'.")]
    [InlineData(new[] { "run", "--fodls", "3" }, "predictivity run: unknown option '--fodls' (did you mean --folds?).")]
    [InlineData(new[] { "run", "extra" }, "predictivity run: unknown argument 'extra'.")]
    [InlineData(new[] { "run", "--model" }, "predictivity run: Required argument missing for option: '--model'.")]
    [InlineData(new[] { "datasets", "inspect" }, "predictivity datasets inspect: Required argument missing")]
    public void CommandLinesThatDoNotParseExitTwoNamingTheProblem(string[] args, string message)
    {
        var result = CliRunner.Invoke(args);

        Assert.True(result.ExitCode == 2, result.AllOutput);
        Assert.StartsWith(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown argument '3'", result.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("--help`." + Environment.NewLine, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void HelpAfterAnUnknownCommandStillShowsTheHelp()
    {
        var result = CliRunner.Invoke("frobnicate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Commands:", result.StandardOutput);
    }

    [Theory]
    [InlineData("run", "run", 0)]
    [InlineData("rnu", "run", 1)]
    [InlineData("--fodls", "--folds", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void EditDistanceCountsSwapsAsOneEdit(string a, string b, int expected) =>
        Assert.Equal(expected, UsageErrors.EditDistance(a, b));

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
