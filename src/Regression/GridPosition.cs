namespace NeuralPredictivity.Regression;

/// <summary>Where a neuron's chosen hyper-parameter lies in its candidate grid.</summary>
/// <remarks>
/// A choice at either edge means the cross-validation error was still falling at the end of the
/// grid: the true optimum may lie outside it, and the score is then understated. Widen the grid.
/// For a neuron unrelated to the features the error keeps falling towards the intercept-only
/// model, so it sits at the upper edge of every finite grid.
/// </remarks>
public enum GridPosition
{
    /// <summary>Only one candidate: nothing was chosen (fixed α, fixed component count).</summary>
    Fixed,

    /// <summary>Strictly inside the grid.</summary>
    Interior,

    /// <summary>The smallest candidate.</summary>
    LowerEdge,

    /// <summary>The largest candidate.</summary>
    UpperEdge,

    /// <summary>Every candidate fit equally well because the neuron was constant in the training bins.</summary>
    Undetermined,
}
