namespace NeuralPredictivity.Regression;

/// <summary>Four folds: each tests one quadrant of the arena and trains on the other three.</summary>
/// <remarks>
/// The cuts are at column ⌊columns/2⌋ and row ⌊rows/2⌋. Fold 0 tests bottom-left, 1 bottom-right,
/// 2 top-left, 3 top-right (bottom = smaller y). Training bins within <see cref="BufferBins"/>
/// bins of the test quadrant are left out. Every quadrant must hold at least one sample.
/// </remarks>
public sealed class QuadrantFolds : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="bufferBins">Bins excluded from training along the cuts, ≥ 0.</param>
    public QuadrantFolds(int bufferBins = 0)
    {
        FoldPartition.EnsureBuffer(bufferBins);
        BufferBins = bufferBins;
    }

    /// <summary>Bins excluded from training along the cuts.</summary>
    public int BufferBins { get; }

    /// <inheritdoc />
    public string Description => $"quadrants, buffer {BufferBins}";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.ColumnCount < 2 || layout.RowCount < 2)
        {
            throw new ArgumentException(
                $"Quadrants need a grid of at least 2 × 2 bins, got {layout.ColumnCount} × {layout.RowCount}.",
                nameof(layout));
        }

        var groups = new int[layout.BinCount];
        for (var i = 0; i < groups.Length; i++)
        {
            var right = layout.Column(i) >= layout.ColumnCount / 2 ? 1 : 0;
            var top = layout.Row(i) >= layout.RowCount / 2 ? 1 : 0;
            groups[i] = right + 2 * top;
        }

        return FoldPartition.FromGroups(layout, groups, 4, BufferBins, Description);
    }
}
