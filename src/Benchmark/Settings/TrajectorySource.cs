namespace NeuralPredictivity.Benchmark;

/// <summary>Which path drives the model when its feature maps are built (<c>--trajectory</c>).</summary>
public enum TrajectorySource
{
    /// <summary>Simulated random-walk trajectories in the dataset's arena (<c>synthetic</c>).</summary>
    Synthetic,

    /// <summary>The animal's own tracked path from the recording (<c>animal</c>).</summary>
    Animal,
}
