using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;

namespace NeuralPredictivity.Cli.Tests;

public sealed class PhaseProgressTests
{
    [Fact]
    public void FirstReportOfEveryPhaseIsWrittenHoweverQuicklyItFollows()
    {
        var lines = new StringWriter();
        var progress = new PhaseProgress<RunProgress>(lines, p => p.IsLast, TimeSpan.FromHours(1), p => p.Phase);

        progress.Report(new RunProgress(1, 3, "maps", ""));
        progress.Report(new RunProgress(1, 3, "maps", "half done"));
        progress.Report(new RunProgress(2, 3, "mask", ""));
        progress.Report(new RunProgress(3, 3, "regression", ""));
        progress.Report(new RunProgress(3, 3, "regression", "1/5 folds"));
        progress.Report(new RunProgress(3, 3, "done", "/tmp/out", IsLast: true));

        Assert.Equal(
            ["[1/3] maps", "[2/3] mask", "[3/3] regression", "[3/3] done: /tmp/out"],
            lines.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ReportsWithoutPhasesAreThrottledExceptTheLast()
    {
        var lines = new StringWriter();
        var progress = new PhaseProgress<string>(lines, s => s == "done", TimeSpan.FromHours(1));

        foreach (var line in new[] { "step 1", "step 2", "step 3", "done" })
        {
            progress.Report(line);
        }

        Assert.Equal(["step 1", "done"], lines.ToString().Split(Environment.NewLine,
            StringSplitOptions.RemoveEmptyEntries));
    }
}
