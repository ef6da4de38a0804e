namespace NeuralPredictivity.Benchmark;

/// <summary>Points the toolkit at its build output when it runs inside another program, such as a
/// notebook kernel.</summary>
/// <remarks>
/// The bundled recordings (<c>data/mec</c>) and the bundled trained network (<c>models/</c>) are found
/// beside the toolkit's assemblies through <see cref="AppContext.BaseDirectory"/>. In the
/// <c>predictivity</c> program that is the build output; in a .NET Interactive kernel it is the kernel's
/// own folder, where neither exists, so <c>--dataset stensola2012_ben</c>, <c>--model trained</c> and the
/// untrained family's architecture would not resolve (the untrained family would silently fall back to
/// default network options). <see cref="Use"/> sets the process's base directory (the runtime's
/// <c>APP_CONTEXT_BASE_DIRECTORY</c> value) to the build output, after checking that the folder holds
/// both. It changes the whole process, so call it once, in a notebook's first cell, and never from a
/// program that has its own resources beside its assemblies.
/// </remarks>
public static class ToolkitLocation
{
    private const string BaseDirectoryKey = "APP_CONTEXT_BASE_DIRECTORY";

    /// <summary>Makes <paramref name="buildOutput"/> the folder where bundled data and models are found.</summary>
    /// <param name="buildOutput">The toolkit's build output, e.g. <c>src/Cli/bin/Release/net10.0/linux-x64</c>.</param>
    /// <returns>The full path now used, ending with a directory separator.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder, its <c>data/mec</c> or its bundled model is
    /// missing (nothing is changed).</exception>
    public static string Use(string buildOutput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildOutput);
        var full = Path.GetFullPath(buildOutput);
        var data = Path.Combine(full, "data", "mec");
        var model = Path.Combine(full, "models", Models.PathIntegrator.BundledName + ".json");
        var missing = new List<string>();
        if (!Directory.Exists(full))
        {
            missing.Add("the folder itself");
        }
        else
        {
            if (!Directory.Exists(data))
            {
                missing.Add("data/mec (the bundled recordings)");
            }

            if (!File.Exists(model))
            {
                missing.Add($"models/{Models.PathIntegrator.BundledName}.json (the bundled trained network)");
            }
        }

        if (missing.Count > 0)
        {
            throw new DirectoryNotFoundException(
                $"{full}: not a toolkit build output; missing {string.Join(" and ", missing)}. " +
                "Build first (scripts/setup.sh, or dotnet build src/Cli -c Release) and give the folder holding " +
                "NeuralPredictivity.Benchmark.dll.");
        }

        var withSeparator = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
        AppContext.SetData(BaseDirectoryKey, withSeparator);
        return withSeparator;
    }
}
