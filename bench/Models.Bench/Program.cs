using System.Diagnostics;
using System.Globalization;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;
using TorchSharp;
using static TorchSharp.torch;

// Models.Bench: Adam-step time of the vanilla ReLU path integrator (batch 200, 20 steps, 512 place
// cells, DoS targets) in TorchSharp and, in the same run, in Debian's python3-torch on the same
// network; then feature-extraction time for the Nayebi protocol (400,000 positions).
// Usage: Models.Bench [threads] [hidden sizes, comma-separated] [timed steps]
var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
var sizes = (args.Length > 1 ? args[1] : "256,512,1024,4096")
    .Split(',')
    .Select(s => int.Parse(s, CultureInfo.InvariantCulture));
var timedSteps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
torch.set_num_threads(threads);
Console.WriteLine($"threads {threads}, load average {File.ReadAllText("/proc/loadavg").Trim()}");

foreach (var hidden in sizes)
{
    var options = new PathIntegratorOptions { HiddenSize = hidden };
    using var network = new PathIntegratorNetwork(options);
    network.Initialise(0);
    using var targets = new PositionTargets(options);
    using var optimizer = new AdamOptimizer(network.parameters(), learningRate: 1e-4);
    var generator = new TrajectoryGenerator(options.Trajectory, 2.2, 2.2, false);
    var batches = Enumerable.Range(0, timedSteps + 1).Select(i => generator.Generate(200, 20, (uint)i)).ToArray();
    PathIntegratorTrainer.Step(network, targets, optimizer, batches[0], 1e-4);
    var watch = Stopwatch.StartNew();
    foreach (var batch in batches.Skip(1))
    {
        PathIntegratorTrainer.Step(network, targets, optimizer, batch, 1e-4);
    }

    var torchSharpMs = watch.Elapsed.TotalMilliseconds / timedSteps;
    var python = RunPython(hidden, threads, timedSteps);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"hidden {hidden,5}: TorchSharp {torchSharpMs,8:0.0} ms/step   python3-torch {python}"));
}

using (var network = PathIntegrator.CreateUntrained(new PathIntegratorOptions(), 0))
{
    var grid = SpatialGrid.Centred(0, 0, 150, 150, 5);
    var watch = Stopwatch.StartNew();
    var maps = NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, new ArenaBox(0, 0, 150, 150));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"features, synthetic protocol (400,000 positions, hidden 512): {watch.Elapsed.TotalSeconds:0.00} s, " +
        $"{maps.FiniteBins().Count(f => f)} of {maps.BinCount} bins"));
}

static string RunPython(int hidden, int threads, int steps)
{
    var script = Path.Combine(AppContext.BaseDirectory, "torch_step.py");
    var start = new ProcessStartInfo("/usr/bin/python3", $"{script} {hidden} {threads} {steps}")
    {
        RedirectStandardOutput = true, RedirectStandardError = true,
    };
    try
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : $"failed: {error.Split('\n').LastOrDefault()}";
    }
    catch (System.ComponentModel.Win32Exception ex)
    {
        return $"not run ({ex.Message}; apt-get install python3-torch)";
    }
}
