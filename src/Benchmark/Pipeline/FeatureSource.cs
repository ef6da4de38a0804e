using Microsoft.Extensions.Logging;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;

namespace NeuralPredictivity.Benchmark;

/// <summary>A resolved model: builds its (bins × features) maps on the dataset's grid.</summary>
/// <remarks>
/// Networks are loaded (or initialised) when the source is prepared, before any work, so a missing or
/// unreadable checkpoint fails with the other option problems. Networks are driven along synthetic
/// trajectories in a box the size of the arena or along the animal's tracked path
/// (<see cref="RunSettings.Trajectory"/>); baselines are evaluated at bin centres and ignore the
/// trajectory. A trained network with <c>d=</c> is reduced after the joint mask (<see cref="Reduce"/>), so
/// principal components describe exactly the regression bins: projected on its top d components in unit
/// coordinates (<see cref="TruncatedFeatures.PrincipalSubspace"/>; the component scores themselves would be
/// whitened by feature standardisation, giving every small component as much weight as the first), or cut to
/// d random units (<see cref="TruncatedFeatures.RandomUnits"/>).
/// <para>Limitation: the trained family's d cannot exceed the network's units (256 for the bundled model),
/// since d keeps that many principal components of the units' maps; a larger d is refused before any work,
/// naming <c>--model</c> (or <c>--dims</c> in a sweep). Use a larger checkpoint for larger d, or the
/// untrained family, whose d is its number of units.</para>
/// </remarks>
internal sealed class FeatureSource : IDisposable
{
    private readonly PathIntegrator? _network;
    private readonly FeatureSource? _reference;
    private string _networkKey = "";

    private FeatureSource(ModelSpec spec, PathIntegrator? network, string description, IReadOnlyList<InputFile> inputs,
        FeatureSource? reference = null)
    {
        Spec = spec;
        _network = network;
        Description = description;
        Inputs = inputs;
        _reference = reference;
    }

    internal ModelSpec Spec { get; }

    /// <summary>What the spec resolved to, written to the summary.</summary>
    internal string Description { get; }

    /// <summary>Files read (checkpoints), hashed into the manifest.</summary>
    internal IReadOnlyList<InputFile> Inputs { get; }

    /// <summary>Dimension d a trained network is reduced to after masking, or null to keep every feature.</summary>
    internal int? TruncateTo => Spec.IsNetwork && Spec.Trained ? Spec.Dimension : null;

    /// <summary>The (bins × features) maps, already restricted to the regression bins, reduced to
    /// <see cref="TruncateTo"/> dimensions; unchanged when there is nothing to reduce.</summary>
    internal SpatialMaps Reduce(SpatialMaps maskedMaps) => Spec.Reduce(maskedMaps);

    /// <summary>Parses and loads the model; returns null with problems naming <c>--model</c>.</summary>
    internal static FeatureSource? Prepare(RunSettings settings, List<SettingsProblem> problems)
    {
        var spec = ModelSpec.Parse(settings.Model, settings.SeedFor(SeedPurpose.Features), problems);
        if (spec is null)
        {
            return null;
        }

        if (!spec.IsNetwork)
        {
            if (settings.MatchParticipationRatioOf is not { } referenceText)
            {
                return new FeatureSource(spec, null, $"baseline {spec.Baseline}", []);
            }

            var referenceProblems = new List<SettingsProblem>();
            var referenceSettings = settings with { Model = referenceText, MatchParticipationRatioOf = null };
            var reference = Prepare(referenceSettings, referenceProblems);
            problems.AddRange(referenceProblems.Select(p => p with { Option = "--match-pr-of" }));
            return reference is null ? null
                : new FeatureSource(spec, null, $"baseline {spec.Baseline}", reference.Inputs, reference);
        }

        if (settings.MatchParticipationRatioOf is not null)
        {
            problems.Add(new SettingsProblem("--match-pr-of",
                "to be used with a baseline --model (a network's participation ratio is not a parameter)",
                $"--model '{settings.Model}'"));
            return null;
        }

        PathIntegrator network;
        var inputs = new List<InputFile>();
        try
        {
            network = spec.CreateNetwork();
            if (spec.Trained)
            {
                var path = spec.CheckpointPath ?? PathIntegrator.BundledCheckpointPath;
                inputs.AddRange(CheckpointFiles(path).Select(f => InputFile.Hash("checkpoint", f)));
            }
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException)
        {
            problems.Add(new SettingsProblem("--model", "a loadable network", $"'{settings.Model}': {e.Message}"));
            return null;
        }

        if (spec.Trained && spec.Dimension > network.HiddenSize)
        {
            problems.Add(new SettingsProblem("--model",
                $"d ≤ {network.HiddenSize}, the network's units (d keeps that many principal components)",
                $"d={spec.Dimension} in '{settings.Model}'"));
            network.Dispose();
            return null;
        }

        var description = network + (spec.Trained ? "" : $" (initialisation seed {spec.Seed})") +
            (spec.Trained && spec.Dimension is { } d
                ? spec.Reduction == TrainedReduction.RandomUnits
                    ? $", {d} random units (seed {spec.Seed})"
                    : $", projected on its first {d} principal components"
                : "") +
            (spec.Shuffled ? $", bins shuffled (seed {spec.Seed})" : "");
        // What makes the network's maps unique: its checkpoint files, or its architecture and seed.
        var networkKey = spec.Trained
            ? string.Join(',', inputs.Select(i => i.Sha256))
            : $"untrained|{network.HiddenSize}|{spec.Seed}|{network.Options.GetHashCode()}";
        return new FeatureSource(spec, network, description, inputs) { _networkKey = networkKey };
    }

    /// <summary>What the spec resolved to after building: the description, with the matched baseline spec.</summary>
    internal string BuiltDescription { get; private set; } = "";

    /// <summary>The participation-ratio match made by <see cref="Build"/>; null when none was asked for.</summary>
    internal DimensionalityMatch? BuiltMatch { get; private set; }

    /// <summary>The (bins × features) maps on the dataset's grid; NaN where no data reached a bin.</summary>
    /// <remarks><paramref name="cancellationToken"/> is checked before each trajectory batch (or chunk of
    /// the animal's path) and between the maps a participation-ratio search tries.</remarks>
    internal SpatialMaps Build(DatasetInputs data, RunSettings settings, ILogger logger, IProgress<int>? progress,
        CancellationToken cancellationToken = default)
    {
        BuiltDescription = Description;
        BuiltMatch = null;
        if (Spec.Baseline is { } baseline)
        {
            if (_reference is null)
            {
                return BaselineFamilies.Generate(baseline, data.Grid, data.Arena, logger).Maps;
            }

            var target = _reference.ParticipationRatio(data, settings, logger);
            // The target's PR is measured on the regression bins; the candidates' on the same bins.
            var match = new DimensionalityMatcher(logger).Match(
                baseline, target, data.Grid, data.Arena, bins: data.RateMaps.FiniteBins(),
                cancellationToken: cancellationToken);
            BuiltMatch = match;
            BuiltDescription = $"baseline {match.Spec} (participation ratio {match.AchievedParticipationRatio:0.00} " +
                $"matched to {target:0.00} of {_reference.Description} by {match.Parameter}" +
                (match.WithinTolerance ? ")" : $"; closest reachable, {match.RelativeError:P1} off)");
            return match.Result.Maps;
        }

        // A trained network's maps depend on the trajectory, not on d: the units of a sweep share them.
        var key = string.Join('|', "network", _networkKey, settings.Trajectory, settings.TrajectoryBatches,
            settings.SeedFor(SeedPurpose.Trajectory), RunCache.FileKey(data.Recording.SourcePath),
            string.Join(',', data.Grid.XEdges), string.Join(',', data.Grid.YEdges));
        var maps = RunCache.Get(key, () => DriveNetwork(data, settings, logger, progress, cancellationToken));
        return Spec.Shuffled ? SpatialShuffle.Permute(maps, Spec.Seed) : maps;
    }

    private SpatialMaps DriveNetwork(
        DatasetInputs data, RunSettings settings, ILogger logger, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var box = ArenaBox.Of(data.Arena);
        if (settings.Trajectory == TrajectorySource.Synthetic)
        {
            var protocol = new SyntheticTrajectoryProtocol
            {
                BatchCount = settings.TrajectoryBatches,
                Seed = settings.SeedFor(SeedPurpose.Trajectory),
            };
            return NetworkFeatureMaps.FromSyntheticTrajectories(
                _network!, data.Grid, box, protocol, logger, progress, cancellationToken);
        }

        var track = data.Recording.RequirePosition("feature maps along the animal's path");
        return NetworkFeatureMaps.FromTrackedTrajectory(_network!, data.Grid, box, track.Times, track.X, track.Y,
            logger: logger, cancellationToken: cancellationToken);
    }

    /// <summary>This model's participation ratio on the bins it shares with the neuron maps.</summary>
    internal double ParticipationRatio(DatasetInputs data, RunSettings settings, ILogger logger)
    {
        var maps = Build(data, settings, logger, null);
        var mask = JointMask.Of(data.RateMaps, maps);
        maps = Reduce(mask.Apply(maps));
        return Regression.ParticipationRatio.Compute(mask.Rows(maps)).ParticipationRatio;
    }

    public void Dispose()
    {
        _network?.Dispose();
        _reference?.Dispose();
    }

    private static IEnumerable<string> CheckpointFiles(string path)
    {
        var basePath = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path[..^5]
            : path.EndsWith(".weights", StringComparison.OrdinalIgnoreCase) ? path[..^8] : path;
        return new[] { basePath + ".json", basePath + ".weights" }.Where(File.Exists);
    }
}
