namespace NeuralPredictivity.Regression;

/// <summary>Two folds: train on one half of the arena, test on the other.</summary>
/// <remarks>
/// The cut is at column (or row) ⌊count/2⌋: with an odd count the middle column (row) belongs to
/// the right (top) half. Fold 0 tests the left (bottom) half, fold 1 the right (top) half.
/// Training bins within <see cref="BufferBins"/> bins of the test half are left out. This is the
/// strictest test of spatial generalisation: the test region is never seen during fitting.
/// </remarks>
public sealed class HalvesFolds : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="split">Left/right or bottom/top.</param>
    /// <param name="bufferBins">Bins excluded from training along the cut, ≥ 0.</param>
    public HalvesFolds(HalfSplit split, int bufferBins = 0)
    {
        if (!Enum.IsDefined(split))
        {
            throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown half split.");
        }

        FoldPartition.EnsureBuffer(bufferBins);
        Direction = split;
        BufferBins = bufferBins;
    }

    /// <summary>Which way the arena is cut.</summary>
    public HalfSplit Direction { get; }

    /// <summary>Bins excluded from training along the cut.</summary>
    public int BufferBins { get; }

    /// <inheritdoc />
    public string Description =>
        (Direction == HalfSplit.LeftRight ? "left/right halves" : "bottom/top halves") + $", buffer {BufferBins}";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var groups = new int[layout.BinCount];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = Direction == HalfSplit.LeftRight
                ? (layout.Column(i) >= layout.ColumnCount / 2 ? 1 : 0)
                : (layout.Row(i) >= layout.RowCount / 2 ? 1 : 0);
        }

        return FoldPartition.FromGroups(layout, groups, 2, BufferBins, Description);
    }
}
