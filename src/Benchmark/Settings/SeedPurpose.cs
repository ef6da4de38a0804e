namespace NeuralPredictivity.Benchmark;

/// <summary>The random choices of a run, each seeded separately (see <see cref="RunSettings.SeedFor"/>).</summary>
public enum SeedPurpose
{
    /// <summary>Assignment of bins (or blocks of bins) to folds.</summary>
    Folds,

    /// <summary>Synthetic trajectories that drive the model.</summary>
    Trajectory,

    /// <summary>Random features and network initialisation, unless the model spec names a seed.</summary>
    Features,

    /// <summary>Random time-block partitions of the split-half noise ceiling.</summary>
    Reliability,

    /// <summary>Bootstrap resamples of neurons for confidence intervals.</summary>
    Bootstrap,
}
