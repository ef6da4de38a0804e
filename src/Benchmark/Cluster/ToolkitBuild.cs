using System.Reflection;
using System.Security.Cryptography;

namespace NeuralPredictivity.Benchmark.Cluster;

/// <summary>The toolkit build a sweep was submitted with: its version and a fingerprint of its assemblies.</summary>
/// <remarks>
/// <para>
/// A cluster node must run the build the sweep was submitted with: a rebuild between submission
/// and the start of a queued task would otherwise mix two versions of the code in one table.
/// The version string (with its git commit) names the build for people; the fingerprint proves it
/// for the script: the SHA-256 of the toolkit's own assemblies (<c>predictivity.dll</c> and every
/// <c>NeuralPredictivity.*.dll</c>) concatenated in <see cref="Files"/> order. The array script
/// recomputes it with <c>cat … | sha256sum</c> before running anything, so uncommitted edits that
/// keep the version string are caught too. Builds are deterministic, so rebuilding the same
/// source yields the same fingerprint.
/// </para>
/// </remarks>
/// <param name="Version">Informational version, such as <c>0.1.0+2d3c24d…</c> (version + git commit).</param>
/// <param name="Directory">Absolute folder holding the assemblies.</param>
/// <param name="Files">File names inside <paramref name="Directory"/>, in ordinal order.</param>
/// <param name="Fingerprint">Lower-case hex SHA-256 of the files' bytes, concatenated in order.</param>
public sealed record ToolkitBuild(string Version, string Directory, IReadOnlyList<string> Files, string Fingerprint)
{
    /// <summary>The build whose assemblies lie in <paramref name="directory"/>, versioned like this assembly.</summary>
    /// <param name="directory">Folder of <c>predictivity.dll</c> (the CLI's output folder).</param>
    /// <exception cref="ArgumentException">The folder holds no toolkit assembly.</exception>
    public static ToolkitBuild FromDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new ArgumentException($"{folder}: the toolkit folder does not exist.", nameof(directory));
        }

        var files = System.IO.Directory.EnumerateFiles(folder, "*.dll")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsToolkitAssembly)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new ArgumentException(
                $"{folder}: expected predictivity.dll or NeuralPredictivity.*.dll there; found none.",
                nameof(directory));
        }

        return new ToolkitBuild(CurrentVersion(), folder, files, Hash(folder, files));
    }

    /// <summary>The informational version of the running toolkit (version + git commit).</summary>
    public static string CurrentVersion() =>
        typeof(ToolkitBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolkitBuild).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>SHA-256 of the files concatenated in the given order, as <c>sha256sum</c> prints it.</summary>
    internal static string Hash(string folder, IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static bool IsToolkitAssembly(string name) =>
        name.Equals("predictivity.dll", StringComparison.Ordinal)
        || (name.StartsWith("NeuralPredictivity.", StringComparison.Ordinal)
            && !name.Contains(".Tests", StringComparison.Ordinal));
}
