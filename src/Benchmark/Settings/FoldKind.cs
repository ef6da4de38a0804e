namespace NeuralPredictivity.Benchmark;

/// <summary>How spatial bins are split into training and test sets (<c>--folds</c>).</summary>
/// <remarks>
/// Neighbouring bins of a rate map are correlated (fields span several bins, and smoothing spreads
/// them further), so a random split lets the model interpolate a test bin from its neighbours.
/// Blocked, halves and quadrant splits hold out contiguous regions instead and measure
/// generalisation to unseen parts of the arena.
/// </remarks>
public enum FoldKind
{
    /// <summary>k folds of bins assigned at random (<c>random</c>, k = <c>--fold-count</c>).</summary>
    Random,

    /// <summary>Repeated random train/test splits (<c>random-fraction</c>, <c>--train-fraction</c> ×
    /// <c>--splits</c>).</summary>
    RandomFraction,

    /// <summary>k folds of contiguous square blocks of the arena (<c>blocked</c>, side <c>--block-size</c>).</summary>
    Blocked,

    /// <summary>Two folds: the left and right halves of the arena, each held out once (<c>halves</c>).</summary>
    Halves,

    /// <summary>Four folds: each quadrant of the arena held out once (<c>quadrants</c>).</summary>
    Quadrants,
}
