using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>A small sweep on a real recording, run once whole and shared by the tests that compare with it.</summary>
public sealed class SmallSweep : IDisposable
{
    internal static readonly string[] Units =
    [
        "random-fourier__d4__s0", "random-fourier__d4__s1", "random-fourier__d8__s0", "random-fourier__d8__s1",
        "untrained__d4__s0", "untrained__d4__s1", "untrained__d8__s0", "untrained__d8__s1",
    ];

    public SmallSweep()
    {
        Root = TestEnvironment.NewFolder("np-sweep-e2e-");
        Whole = Path.Combine(Root, "whole");
        Result = CliRunner.Invoke(Args(Whole));
    }

    internal string Root { get; }

    internal string Whole { get; }

    internal CliResult Result { get; }

    internal static string[] Args(string folder, params string[] extra) =>
    [
        "sweep", "--families", "random-fourier,untrained", "--dims", "4,8", "--seeds", "0,1",
        "--regression", "ridge-fixed", .. TestEnvironment.Small, "--out", folder, .. extra,
    ];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class SweepEndToEndTests(SmallSweep sweep) : IClassFixture<SmallSweep>
{
    [Fact]
    public void SweepWritesEveryUnitOnceAndAggregatesThemInPlanOrder()
    {
        Assert.True(sweep.Result.ExitCode == 0, sweep.Result.AllOutput);
        Assert.Contains("Merged 8 of 8 units", sweep.Result.StandardOutput);
        Assert.Equal(SmallSweep.Units.Order(), UnitFolders(sweep.Whole).Order());
        var rows = File.ReadAllLines(Path.Combine(sweep.Whole, "sweep.csv"));
        Assert.Equal(SmallSweep.Units, rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.True(new FileInfo(Path.Combine(sweep.Whole, "predictivity_vs_pr.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(sweep.Whole, "predictivity_vs_d.png")).Length > 10_000);
    }

    [Fact]
    public void RerunSkipsEveryFinishedUnit()
    {
        var again = CliRunner.Invoke(SmallSweep.Args(sweep.Whole));

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 run now, 8 already finished", again.StandardOutput);
    }

    [Fact]
    public void ShardsMergedEqualTheWholeSweep()
    {
        var folder = Path.Combine(sweep.Root, "sharded");

        var first = CliRunner.Invoke(SmallSweep.Args(folder, "--shard", "1/2"));
        var partial = CliRunner.Invoke("sweep", "merge", folder);
        var second = CliRunner.Invoke(SmallSweep.Args(folder, "--shard", "2/2"));
        var merged = CliRunner.Invoke("sweep", "merge", folder);

        Assert.Equal((0, 3, 0, 0), (first.ExitCode, partial.ExitCode, second.ExitCode, merged.ExitCode));
        Assert.Contains("Merged 4 of 8 units", partial.StandardOutput);
        Assert.Contains("missing     random-fourier__d4__s1", partial.StandardOutput);
        AssertSameMergedSweep(sweep.Whole, folder);
    }

    [Fact]
    public void SweepKilledAtAnyMomentAndRerunHasEveryUnitExactlyOnce()
    {
        var folder = Path.Combine(sweep.Root, "killed");
        using (var process = CliRunner.Start(sweep.Root, SmallSweep.Args(folder)))
        {
            // Kill -9 once at least two units have finished, somewhere inside the third.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!process.HasExited && DateTime.UtcNow < deadline && UnitFolders(folder).Count < 2)
            {
                Thread.Sleep(20);
            }

            process.Kill();
            process.WaitForExit();
        }

        var finishedBefore = UnitFolders(folder).Count;
        var status = CliRunner.Invoke("sweep", "status", folder);
        var rerun = CliRunner.Invoke(SmallSweep.Args(folder));

        Assert.InRange(finishedBefore, 2, 7);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{8 - finishedBefore} run now, {finishedBefore} already finished", rerun.StandardOutput);
        Assert.Equal(SmallSweep.Units.Order(), UnitFolders(folder).Order());
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(folder, "units"), ".*"));
        AssertSameMergedSweep(sweep.Whole, folder);
    }

    [Fact]
    public void StatusListsEveryUnitState()
    {
        var result = CliRunner.Invoke("sweep", "status", sweep.Whole, "--all");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("8 units: 8 finished, 0 failed, 0 in progress, 0 missing", result.StandardOutput);
        Assert.Contains("finished    untrained__d8__s1", result.StandardOutput);
    }

    [Fact]
    public void MergeBeforeAnyUnitHasFinishedWritesNoFigureAndSaysSo()
    {
        // The state of a cluster sweep whose shards are still queued: the plan is written, no unit is.
        var folder = Path.Combine(sweep.Root, "queued");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(sweep.Whole, "sweep.json"), Path.Combine(folder, "sweep.json"));

        var result = CliRunner.Invoke("sweep", "merge", folder);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Merged 0 of 8 units", result.StandardOutput);
        Assert.Contains("no figure predictivity_vs_pr.png: no unit has finished yet", result.StandardOutput);
        Assert.Contains("no figure predictivity_vs_d.png: no unit has finished yet", result.StandardOutput);
        Assert.DoesNotContain("  figure  ", result.StandardOutput);
        Assert.Empty(Directory.GetFiles(folder, "*.png"));
    }

    [Fact]
    public void MergeOfAFolderThatIsNotASweepFailsClearly()
    {
        var result = CliRunner.Invoke("sweep", "merge", sweep.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a sweep folder (no sweep.json)", result.StandardError);
    }

    private static void AssertSameMergedSweep(string expected, string actual) =>
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(expected, "sweep.csv")),
            File.ReadAllBytes(Path.Combine(actual, "sweep.csv")));

    private static List<string> UnitFolders(string folder)
    {
        var units = Path.Combine(folder, "units");
        return Directory.Exists(units)
            ? Directory.EnumerateDirectories(units).Select(d => Path.GetFileName(d))
                .Where(n => !n.StartsWith('.')).ToList()
            : [];
    }
}
