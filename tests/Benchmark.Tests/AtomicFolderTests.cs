using System.Diagnostics;

namespace NeuralPredictivity.Benchmark.Tests;

public sealed class AtomicFolderTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("np-atomic-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void TargetAppearsOnlyAtCommit()
    {
        var target = Path.Combine(_parent, "run");

        using (var folder = AtomicFolder.Begin(target, replaceExisting: true))
        {
            File.WriteAllText(Path.Combine(folder.WorkPath, "manifest.json"), "{}");
            Assert.False(Directory.Exists(target));
            folder.Commit();
        }

        Assert.True(File.Exists(Path.Combine(target, "manifest.json")));
        Assert.Equal(["run"], Directory.EnumerateDirectories(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void AbandonedFolderLeavesNothingBehind()
    {
        var target = Path.Combine(_parent, "run");

        using (var folder = AtomicFolder.Begin(target, replaceExisting: true))
        {
            File.WriteAllText(Path.Combine(folder.WorkPath, "neurons.csv"), "partial");
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent));
    }

    [Fact]
    public void EarlierResultIsReplacedWhole()
    {
        var target = Path.Combine(_parent, "run");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "manifest.json"), "old");
        File.WriteAllText(Path.Combine(target, "stale.png"), "old");

        using (var folder = AtomicFolder.Begin(target, replaceExisting: true))
        {
            File.WriteAllText(Path.Combine(folder.WorkPath, "manifest.json"), "new");
            folder.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "manifest.json")));
        Assert.False(File.Exists(Path.Combine(target, "stale.png")));
        Assert.Single(Directory.EnumerateDirectories(_parent));
    }

    [Fact]
    public void FolderThatIsNotAResultIsNeverReplaced()
    {
        var target = Path.Combine(_parent, "thesis");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "chapter1.tex"), "precious");

        var error = Assert.Throws<IOException>(() => AtomicFolder.Begin(target, replaceExisting: true));

        Assert.Contains("not a NeuralPredictivity results folder", error.Message);
        Assert.Contains("--out", error.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(target, "chapter1.tex")));
    }

    [Fact]
    public void CommitRefusesToReplaceWhenNotAllowed()
    {
        var target = Path.Combine(_parent, "unit");
        using var folder = AtomicFolder.Begin(target, replaceExisting: false);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "manifest.json"), "other process");

        Assert.Throws<ResultsFolderExistsException>(folder.Commit);

        Assert.Equal("other process", File.ReadAllText(Path.Combine(target, "manifest.json")));
    }

    [Fact]
    public void WorkFolderOfAKilledProcessIsRemovedButALiveOneIsKept()
    {
        var host = Environment.MachineName;
        var dead = Path.Combine(_parent, $".unit.tmp-{ExitedProcessId()}-abcd1234@{host}");
        var live = Path.Combine(_parent, $".other.tmp-{Environment.ProcessId}-abcd1234@{host}");
        Directory.CreateDirectory(dead);
        Directory.CreateDirectory(live);

        var removed = AtomicFolder.RemoveStale(_parent);

        Assert.Equal(1, removed);
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
    }

    [Fact]
    public void WorkFolderOfAKilledProcessOnAnotherHostIsKept()
    {
        // Limitation: a process id says nothing about another node, so its folder is left alone.
        var remote = Path.Combine(_parent, $".unit.tmp-{ExitedProcessId()}-abcd1234@some-other-node");
        Directory.CreateDirectory(remote);

        var removed = AtomicFolder.RemoveStale(_parent);

        Assert.Equal(0, removed);
        Assert.True(Directory.Exists(remote));
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
