namespace NeuralPredictivity.Cli.Tests;

public sealed class DoctorCommandTests
{
    [Fact]
    public void DoctorReportsRealMeasurementsAndSucceedsOnAWorkingInstall()
    {
        var result = CliProcess.Run(["doctor"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Matches(@"OK\s+TorchSharp native\s+TorchSharp 0\.107[.\d]*, \d+ compute threads", result.StandardOutput);
        Assert.Matches(@"OK\s+float64 GEMM\s+\d+(\.\d)? GFLOP/s", result.StandardOutput);
        Assert.Matches(@"OK\s+PureHDF read\s+read 31325 position samples", result.StandardOutput);
    }

    [Fact]
    public void DoctorFailsWithAFixWhenTheTorchSharpGlueLibraryIsMissing()
    {
        using var install = BrokenInstall.Without("libLibTorchSharp.so");

        var result = CliProcess.Run(["doctor"], install.Assembly, install.Environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(
            @"FAIL\s+TorchSharp native\s+.*libLibTorchSharp\.so is missing\. Rebuild", result.StandardOutput);
        Assert.Contains("check(s) failed", result.StandardOutput);
    }

    [Fact]
    public void DoctorNamesTheShimAndThePackagesToInstallWhenTheShimIsMissing()
    {
        var shim = Path.Combine(AppContext.BaseDirectory, "libnp_glibcxx_shim.so");
        if (!File.Exists(shim))
        {
            // The build makes no shim only when the system libstdc++ already has the version.
            var libstdcxx = File.ReadAllBytes("/usr/lib/x86_64-linux-gnu/libstdc++.so.6");
            Assert.True(
                libstdcxx.AsSpan().IndexOf("GLIBCXX_3.4.32"u8) >= 0, "no shim was built, yet libstdc++ lacks 3.4.32");
            return;
        }

        using var install = BrokenInstall.Without("libnp_glibcxx_shim.so");

        var result = CliProcess.Run(["doctor"], install.Assembly, install.Environment);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(
            @"FAIL\s+TorchSharp native\s+.*lacks GLIBCXX_3\.4\.32.*apt-get install -y g\+\+ patchelf",
            result.StandardOutput);
    }

    /// <summary>A copy of the CLI's output with one native library removed.</summary>
    /// <remarks>
    /// Managed files are copied so the host takes the copy's folder as the application base;
    /// native libraries are symbolic links to save disk. TorchSharp falls back to copying
    /// libraries out of the NuGet cache, so the cache is pointed at an empty folder.
    /// </remarks>
    private sealed class BrokenInstall : IDisposable
    {
        private readonly string _root;

        private BrokenInstall(string root) => _root = root;

        internal string Assembly => Path.Combine(_root, "predictivity.dll");

        internal IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "empty-nuget-cache"),
        };

        internal static BrokenInstall Without(string library)
        {
            var root = Directory.CreateTempSubdirectory("np-broken-install-").FullName;
            Directory.CreateDirectory(Path.Combine(root, "empty-nuget-cache"));
            var source = AppContext.BaseDirectory;
            foreach (var file in Directory.EnumerateFiles(source))
            {
                var name = Path.GetFileName(file);
                var target = Path.Combine(root, name);
                if (name == library)
                {
                    continue;
                }

                if (name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal))
                {
                    File.CreateSymbolicLink(target, file);
                }
                else
                {
                    File.Copy(file, target);
                }
            }

            CopyDirectory(Path.Combine(source, "data"), Path.Combine(root, "data"));
            return new BrokenInstall(root);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            {
                Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
            }
        }
    }
}
