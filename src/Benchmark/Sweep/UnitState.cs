namespace NeuralPredictivity.Benchmark;

/// <summary>Where one unit of a sweep stands.</summary>
public enum UnitState
{
    /// <summary>Its results folder exists: it ran to the end.</summary>
    Finished,

    /// <summary>Its last attempt failed; <c>failed/&lt;unit&gt;.txt</c> holds the error.</summary>
    Failed,

    /// <summary>A work folder exists for it, from a running process or one that was killed.</summary>
    InProgress,

    /// <summary>Never started, or its work folder was cleaned away.</summary>
    Missing,
}
