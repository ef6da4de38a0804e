using System.Diagnostics;
using System.Runtime.InteropServices;
using NeuralPredictivity.Datasets;
using PureHDF;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Cli.Diagnostics;

/// <summary>Checks everything the toolkit depends on and measures what can be measured.</summary>
/// <remarks>
/// Each check runs in its own try block so one broken dependency does not hide the others.
/// The GEMM check multiplies two 1024 × 1024 float64 matrices a few times (2n³ flops each) and
/// reports the best rate, which is what dense regression will see.
/// </remarks>
internal static class EnvironmentDoctor
{
    private const string GlibcxxVersion = "GLIBCXX_3.4.32";

    internal static IReadOnlyList<DoctorCheck> RunAll(string baseDirectory)
    {
        var checks = new List<DoctorCheck> { Runtime() };
        var torchCheck = TorchSharpNative(baseDirectory);
        checks.Add(torchCheck);
        checks.Add(torchCheck.Ok
            ? Gemm()
            : new DoctorCheck("float64 GEMM", false, "skipped: TorchSharp did not load"));
        checks.Add(Hdf5Read(baseDirectory));
        checks.Add(PlotRendering());
        return checks;
    }

    private static DoctorCheck Runtime() => new(
        ".NET runtime",
        Environment.Version.Major >= 10,
        $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier}, " +
        $"{Environment.ProcessorCount} cores");

    private static DoctorCheck TorchSharpNative(string baseDirectory)
    {
        try
        {
            using var probe = ones(2, 2, dtype: ScalarType.Float64).matmul(ones(2, 2, dtype: ScalarType.Float64));
            var value = probe.sum().item<double>();
            if (value != 8.0)
            {
                return new DoctorCheck(
                    "TorchSharp native",
                    false,
                    $"loaded but computed {value} for a 2 × 2 product (expected 8)");
            }

            return new DoctorCheck(
                "TorchSharp native",
                true,
                $"TorchSharp {typeof(torch).Assembly.GetName().Version}, {get_num_threads()} compute threads " +
                $"(cores: {Environment.ProcessorCount})");
        }
        catch (Exception ex)
        {
            return new DoctorCheck("TorchSharp native", false, TorchSharpFix(baseDirectory, ex));
        }
    }

    /// <summary>Explains a TorchSharp load failure; its own message blames a missing package, which is
    /// rarely the cause.</summary>
    private static string TorchSharpFix(string baseDirectory, Exception ex)
    {
        var glue = Path.Combine(baseDirectory, "libLibTorchSharp.so");
        if (!File.Exists(glue))
        {
            return $"{glue} is missing. Rebuild the toolkit (dotnet build) so the native libraries are copied. " +
                   $"TorchSharp said: {FirstLine(ex)}";
        }

        if (!File.Exists(Path.Combine(baseDirectory, "libtorch_cpu.so")))
        {
            return $"libtorch_cpu.so is missing from {baseDirectory}; " +
                   "the libtorch-cpu-linux-x64 package was not restored. " +
                   "Run dotnet restore, then dotnet build.";
        }

        var libstdcxx = SystemLibStdCxx();
        var hasVersion = libstdcxx is not null && FileContains(libstdcxx, GlibcxxVersion);
        if (!hasVersion && !File.Exists(Path.Combine(baseDirectory, "libnp_glibcxx_shim.so")))
        {
            return $"{libstdcxx ?? "libstdc++.so.6"} lacks {GlibcxxVersion} and the shim " +
                   $"libnp_glibcxx_shim.so is missing from {baseDirectory}. " +
                   "Install the fix's tools and rebuild: sudo apt-get install -y g++ patchelf && " +
                   "dotnet build (see build/torchsharp/fix-glibcxx.sh).";
        }

        return $"native load failed: {FirstLine(ex)}. If the build patched TorchSharp, delete " +
               "~/.nuget/packages/torchsharp/0.107.0/runtimes/linux-x64/native/.np-glibcxx-fixed and rebuild.";
    }

    private static DoctorCheck Gemm()
    {
        try
        {
            const int n = 1024;
            using var scope = NewDisposeScope();
            var generator = new torch.Generator(0);
            var a = rand(n, n, dtype: ScalarType.Float64, generator: generator);
            var b = rand(n, n, dtype: ScalarType.Float64, generator: generator);
            a.matmul(b).Dispose();

            var best = double.MaxValue;
            for (var repeat = 0; repeat < 5; repeat++)
            {
                var watch = Stopwatch.StartNew();
                a.matmul(b).Dispose();
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            var gflops = 2.0 * n * n * n / best / 1e9;
            return new DoctorCheck("float64 GEMM", gflops > 1, $"{gflops:0.0} GFLOP/s (1024 × 1024, best of 5)");
        }
        catch (Exception ex)
        {
            return new DoctorCheck("float64 GEMM", false, FirstLine(ex));
        }
    }

    private static DoctorCheck Hdf5Read(string baseDirectory)
    {
        var path = Path.Combine(DatasetRegistry.BundledDataDirectory(baseDirectory), "stensola2012_ben.h5");
        try
        {
            using var file = H5File.OpenRead(path);
            var times = file.Dataset("/position/t").Read<double[]>();
            return new DoctorCheck("PureHDF read", times.Length > 0,
                $"read {times.Length} position samples from {Path.GetFileName(path)}");
        }
        catch (Exception ex)
        {
            return new DoctorCheck("PureHDF read", false,
                $"cannot read {path}: {FirstLine(ex)}. The bundled data are copied to the output by dotnet build.");
        }
    }

    private static DoctorCheck PlotRendering()
    {
        try
        {
            var plot = new ScottPlot.Plot();
            plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 0, 1, 4 });
            var png = plot.GetImageBytes(200, 150, ScottPlot.ImageFormat.Png);
            return new DoctorCheck(
                "plot rendering",
                png.Length > 100,
                $"ScottPlot rendered a {png.Length}-byte PNG",
                RequiredByMainJob: true);
        }
        catch (Exception ex)
        {
            return new DoctorCheck("plot rendering", false, $"ScottPlot failed: {FirstLine(ex)}");
        }
    }

    private static string? SystemLibStdCxx()
    {
        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static bool FileContains(string path, string text)
    {
        var bytes = File.ReadAllBytes(path);
        var pattern = System.Text.Encoding.ASCII.GetBytes(text);
        return bytes.AsSpan().IndexOf(pattern) >= 0;
    }

    private static string FirstLine(Exception ex) =>
        ex.Message.Split('\n', 2)[0].Trim();
}
