namespace NeuralPredictivity.Benchmark;

/// <summary>Checks, before any work, that an output folder option (<c>--out</c>, <c>--png-dir</c>) names a place a
/// folder can be made: not a file, under no file, and in a folder the user may write to.</summary>
/// <remarks>
/// A command that finds out only when it writes has already spent minutes on maps and regressions; this check costs
/// one probe folder, created and deleted in the nearest existing ancestor of the target (the folder the command will
/// itself create its target, or its parents, in). Permission bits alone are not enough: root ignores them, and
/// a read-only or virtual file system such as /proc refuses the write whatever they say.
/// </remarks>
public static class OutputLocation
{
    /// <summary>A problem naming <paramref name="option"/> when no folder can be made at <paramref name="path"/>;
    /// null when the folder exists or can be created.</summary>
    /// <param name="option">The option, such as <c>--out</c>.</param>
    /// <param name="path">The folder as the user gave it; relative paths are taken from the current folder.</param>
    public static SettingsProblem? Problem(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        const string Expected = "a folder that exists or can be created";
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new SettingsProblem(option, Expected, $"'{path}', not a valid path ({e.Message})");
        }

        if (File.Exists(full))
        {
            return new SettingsProblem(option, Expected, $"'{path}', an existing file");
        }

        var ancestor = Path.GetDirectoryName(full);
        while (ancestor is not null && !Directory.Exists(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return new SettingsProblem(option, Expected, $"'{path}', under {ancestor}, which is a file");
            }

            ancestor = Path.GetDirectoryName(ancestor);
        }

        if (Directory.Exists(full))
        {
            ancestor = full;
        }

        if (ancestor is null)
        {
            return new SettingsProblem(option, Expected, $"'{path}', whose parent folders do not exist");
        }

        var missing = ancestor == full || ancestor == Path.GetDirectoryName(full)
            ? ""
            : $" (the folders below {ancestor} do not exist yet)";
        var probe = Path.Combine(ancestor, $".np-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The probe's own name in the exception's message would only confuse; say why in words.
            var why = e is UnauthorizedAccessException ? "permission denied" : "the file system refuses new folders";
            return new SettingsProblem(option, Expected + " in a folder you can write to",
                $"'{path}': no folder can be made in {ancestor}{missing}: {why}");
        }
    }
}
