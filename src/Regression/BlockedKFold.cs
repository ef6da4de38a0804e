namespace NeuralPredictivity.Regression;

/// <summary>k folds of contiguous square blocks of b × b grid bins, with an optional buffer.</summary>
/// <remarks>
/// The grid is tiled into blocks of <see cref="BlockSize"/> × <see cref="BlockSize"/> bins from the
/// (column 0, row 0) corner; edge blocks may be smaller. Blocks that hold samples are shuffled with
/// the seed and each is given, in turn, to the fold with the fewest samples so far (ties to the
/// lower fold), which balances folds when edge blocks or unvisited bins leave blocks uneven. Fold f
/// tests its blocks; training bins within <see cref="BufferBins"/> bins (Chebyshev distance on the
/// grid) of a test bin are left out of that fold. Rate maps and features are spatially smooth:
/// holding out whole blocks, and a buffer, stops the fit from interpolating between neighbours.
/// </remarks>
public sealed class BlockedKFold : IFoldScheme
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="blockSize">b: block side in bins, at least 1.</param>
    /// <param name="foldCount">k, at least 2.</param>
    /// <param name="seed">Seed of the block assignment.</param>
    /// <param name="bufferBins">Bins excluded from training around each test bin, ≥ 0.</param>
    public BlockedKFold(int blockSize, int foldCount, int seed, int bufferBins = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        if (foldCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(foldCount), foldCount, "k-fold needs k ≥ 2.");
        }

        FoldPartition.EnsureBuffer(bufferBins);
        BlockSize = blockSize;
        FoldCount = foldCount;
        Seed = seed;
        BufferBins = bufferBins;
    }

    /// <summary>Block side in bins.</summary>
    public int BlockSize { get; }

    /// <summary>k.</summary>
    public int FoldCount { get; }

    /// <summary>Seed of the block assignment.</summary>
    public int Seed { get; }

    /// <summary>Bins excluded from training around each test bin.</summary>
    public int BufferBins { get; }

    /// <inheritdoc />
    public string Description =>
        $"blocked {FoldCount}-fold, {BlockSize}×{BlockSize}-bin blocks, buffer {BufferBins} (seed {Seed})";

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var blockColumns = (layout.ColumnCount + BlockSize - 1) / BlockSize;
        var blockOfSample = new int[layout.BinCount];
        var samplesPerBlock = new Dictionary<int, int>();
        for (var i = 0; i < layout.BinCount; i++)
        {
            var block = layout.Row(i) / BlockSize * blockColumns + layout.Column(i) / BlockSize;
            blockOfSample[i] = block;
            samplesPerBlock[block] = samplesPerBlock.GetValueOrDefault(block) + 1;
        }

        if (samplesPerBlock.Count < FoldCount)
        {
            throw new ArgumentException(
                $"{Description}: the layout's bins fall in only {samplesPerBlock.Count} "
                + $"{(samplesPerBlock.Count == 1 ? "block" : "blocks")}, fewer than {FoldCount} folds; use smaller "
                + "blocks or fewer folds.", nameof(layout));
        }

        var blocks = samplesPerBlock.Keys.Order().ToArray();
        new SeededRandom(Seed).Shuffle(blocks);
        var foldOfBlock = new Dictionary<int, int>();
        var foldSizes = new int[FoldCount];
        foreach (var block in blocks)
        {
            var smallest = 0;
            for (var f = 1; f < FoldCount; f++)
            {
                if (foldSizes[f] < foldSizes[smallest])
                {
                    smallest = f;
                }
            }

            foldOfBlock[block] = smallest;
            foldSizes[smallest] += samplesPerBlock[block];
        }

        var groupOfSample = blockOfSample.Select(b => foldOfBlock[b]).ToArray();
        return FoldPartition.FromGroups(layout, groupOfSample, FoldCount, BufferBins, Description);
    }
}
