namespace NeuralPredictivity.Regression;

/// <summary>Which way <see cref="HalvesFolds"/> cuts the arena.</summary>
public enum HalfSplit
{
    /// <summary>Left (smaller x) and right halves: columns below and from ⌊columns/2⌋.</summary>
    LeftRight,

    /// <summary>Bottom (smaller y) and top halves: rows below and from ⌊rows/2⌋.</summary>
    BottomTop,
}
