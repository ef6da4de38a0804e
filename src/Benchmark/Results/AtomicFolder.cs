using System.Diagnostics;
using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>A results folder built in a hidden temporary sibling and renamed into place at the end.</summary>
/// <remarks>
/// <para>
/// The work folder is <c>&lt;parent&gt;/.&lt;name&gt;.tmp-&lt;pid&gt;-&lt;nonce&gt;@&lt;host&gt;</c>, in the same
/// parent so the final rename is one atomic <c>rename(2)</c> on the same file system. Until
/// <see cref="Commit"/> the final folder does not exist, so a run interrupted at any moment (even by
/// <c>kill -9</c>) leaves no partial results folder. <see cref="Dispose"/> without commit deletes the work
/// folder; a work folder left by a killed process is deleted by <see cref="RemoveStale"/> once its process
/// id is no longer running on this host. Work folders of other hosts (cluster nodes sharing the file
/// system) are never touched, since their process ids mean nothing here.
/// </para>
/// <para>
/// Limitation: a work folder left by a process killed on another host stays until it is deleted by hand
/// or a later run on that host cleans it; <c>predictivity sweep status</c> lists its unit as in progress,
/// and a rerun elsewhere still runs the unit, since only the final folder counts.
/// </para>
/// <para>
/// Replacing: when the target already holds an earlier result (it has a <c>manifest.json</c>), the
/// commit moves it aside, renames the new folder in and then deletes the old one, so the name always
/// points at a complete result. A target that exists but is not a results folder is never replaced.
/// </para>
/// </remarks>
internal sealed class AtomicFolder : IDisposable
{
    internal const string MarkerFile = "manifest.json";
    private const string TempInfix = ".tmp-";
    private readonly bool _replaceExisting;
    private bool _committed;

    private AtomicFolder(string target, string workPath, bool replaceExisting)
    {
        Target = target;
        WorkPath = workPath;
        _replaceExisting = replaceExisting;
    }

    /// <summary>The final folder path.</summary>
    internal string Target { get; }

    /// <summary>The temporary folder to write into.</summary>
    internal string WorkPath { get; }

    /// <summary>Creates the temporary folder next to <paramref name="target"/>.</summary>
    /// <param name="target">Final folder path.</param>
    /// <param name="replaceExisting">Whether an earlier results folder at the target may be replaced.</param>
    internal static AtomicFolder Begin(string target, bool replaceExisting)
    {
        target = Path.GetFullPath(target);
        EnsureReplaceable(target, replaceExisting);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RemoveStale(parent);
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var work = Path.Combine(parent, $".{Path.GetFileName(target)}{TempInfix}{pid}-{nonce}@{HostName}");
        Directory.CreateDirectory(work);
        return new AtomicFolder(target, work, replaceExisting);
    }

    /// <summary>Checks that <paramref name="target"/> can be written: absent, empty, or a replaceable result.</summary>
    /// <exception cref="IOException">The target holds something that is not a results folder, or
    /// replacing is not allowed.</exception>
    internal static void EnsureReplaceable(string target, bool replaceExisting)
    {
        if (File.Exists(target))
        {
            throw new IOException($"{target}: the results folder path is a file; choose another --out.");
        }

        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any())
        {
            return;
        }

        if (!File.Exists(Path.Combine(target, MarkerFile)))
        {
            throw new IOException(
                $"{target}: the folder exists and is not a NeuralPredictivity results folder (no {MarkerFile}); " +
                "choose another --out so nothing of yours is overwritten.");
        }

        if (!replaceExisting)
        {
            throw new IOException($"{target}: a result already exists there; choose another --out.");
        }
    }

    /// <summary>Renames the work folder to the target; the result becomes visible all at once.</summary>
    /// <exception cref="ResultsFolderExistsException">The target appeared meanwhile and may not be replaced;
    /// the work folder is left for <see cref="Dispose"/> to delete.</exception>
    internal void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        if (Directory.Exists(Target) && !Directory.EnumerateFileSystemEntries(Target).Any())
        {
            Directory.Delete(Target);
        }

        if (Directory.Exists(Target) && !_replaceExisting)
        {
            throw new ResultsFolderExistsException(Target);
        }

        if (Directory.Exists(Target))
        {
            var aside = WorkPath + ".old";
            Directory.Move(Target, aside);
            Directory.Move(WorkPath, Target);
            Directory.Delete(aside, recursive: true);
        }
        else
        {
            try
            {
                Directory.Move(WorkPath, Target);
            }
            catch (IOException) when (Directory.Exists(Target) && Directory.Exists(WorkPath))
            {
                // Another process renamed its copy in between the check and the rename.
                throw new ResultsFolderExistsException(Target);
            }
        }

        _committed = true;
    }

    /// <summary>Deletes the work folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(WorkPath))
        {
            Directory.Delete(WorkPath, recursive: true);
        }

        _committed = true;
    }

    /// <summary>Whether a folder name is a work folder of this class (in progress or left by a crash).</summary>
    internal static bool IsWorkFolderName(string name) => name.StartsWith('.') && name.Contains(TempInfix);

    /// <summary>Deletes work folders in <paramref name="parent"/> whose process is no longer running.</summary>
    /// <returns>How many were deleted.</returns>
    internal static int RemoveStale(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            var name = Path.GetFileName(folder);
            if (!IsWorkFolderName(name) || !IsFromThisHost(name) || IsRunning(OwnerProcessId(name)))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (DirectoryNotFoundException)
            {
                // Another process cleaned it up first.
            }
        }

        return removed;
    }

    private static string HostName => Environment.MachineName.Replace('@', '-');

    private static bool IsFromThisHost(string name) =>
        name.EndsWith("@" + HostName, StringComparison.Ordinal) || name.EndsWith("@" + HostName + ".old",
            StringComparison.Ordinal);

    private static int OwnerProcessId(string name)
    {
        var start = name.LastIndexOf(TempInfix, StringComparison.Ordinal) + TempInfix.Length;
        var end = name.IndexOf('-', start);
        return end > start && int.TryParse(name.AsSpan(start, end - start), NumberStyles.None,
            CultureInfo.InvariantCulture, out var pid) ? pid : -1;
    }

    private static bool IsRunning(int pid)
    {
        if (pid <= 0)
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
