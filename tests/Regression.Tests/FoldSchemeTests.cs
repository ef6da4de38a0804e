namespace NeuralPredictivity.Regression.Tests;

public sealed class FoldSchemeTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(900, 5)]
    public void RandomKFoldTestsEveryBinOnceWithKFoldSizes(int bins, int k)
    {
        var folds = new RandomKFold(k, seed: 7).Split(BinLayout.Sequence(bins));

        Assert.Equal(Enumerable.Range(0, bins), folds.SelectMany(f => f.Test).Order());
        Assert.Equal(
            Enumerable.Range(0, k).Select(f => bins / k + (f < bins % k ? 1 : 0)),
            folds.Select(f => f.Test.Count));
        Assert.All(folds, f => Assert.Equal(bins, f.Train.Count + f.Test.Count));
    }

    [Fact]
    public void SameSeedGivesSameFoldsAndAnotherSeedDiffers()
    {
        var layout = BinLayout.FullGrid(12, 12);

        var first = new RandomKFold(5, seed: 3).Split(layout);
        var again = new RandomKFold(5, seed: 3).Split(layout);
        var other = new RandomKFold(5, seed: 4).Split(layout);

        Assert.Equal(first.Select(f => f.Test.ToArray()), again.Select(f => f.Test.ToArray()));
        Assert.NotEqual(first[0].Test.ToArray(), other[0].Test.ToArray());
    }

    [Fact]
    public void ContiguousKFoldMatchesScikitLearnKFoldUnshuffled()
    {
        // sklearn KFold(3).split(range(10)) tests [0..3], [4..6], [7..9].
        var folds = new ContiguousKFold(3).Split(BinLayout.Sequence(10));

        Assert.Equal([0, 1, 2, 3], folds[0].Test);
        Assert.Equal([4, 5, 6], folds[1].Test);
        Assert.Equal([7, 8, 9], folds[2].Test);
    }

    [Fact]
    public void RandomSplitsUseSeedPlusSplitIndexAndTheTrainFraction()
    {
        var layout = BinLayout.FullGrid(30, 30);

        var splits = new RandomSplits(0.2, 10, seed: 0).Split(layout);
        var ninth = new RandomSplits(0.2, 1, seed: 9).Split(layout)[0];

        Assert.Equal(10, splits.Count);
        Assert.All(splits, s => Assert.Equal(180, s.Train.Count));
        Assert.All(splits, s => Assert.Equal(720, s.Test.Count));
        Assert.Equal(ninth.Train, splits[9].Train);
    }

    [Fact]
    public void BlockedKFoldHoldsOutWholeBlocksAndBuffersTheirNeighbours()
    {
        var layout = BinLayout.FullGrid(12, 12);

        var folds = new BlockedKFold(blockSize: 3, foldCount: 4, seed: 1, bufferBins: 1).Split(layout);

        Assert.Equal(Enumerable.Range(0, 144), folds.SelectMany(f => f.Test).Order());
        foreach (var fold in folds)
        {
            // 16 blocks of 9 bins dealt to 4 folds: every fold tests 4 whole blocks.
            Assert.Equal(36, fold.Test.Count);
            var blocks = fold.Test.GroupBy(s => layout.Row(s) / 3 * 4 + layout.Column(s) / 3);
            Assert.All(blocks, b => Assert.Equal(9, b.Count()));
            foreach (var train in fold.Train)
            {
                var distance = fold.Test.Min(t => Math.Max(
                    Math.Abs(layout.Row(t) - layout.Row(train)), Math.Abs(layout.Column(t) - layout.Column(train))));
                Assert.True(distance > 1, $"training bin {train} is within the buffer of a test bin");
            }

            Assert.True(fold.Train.Count < 144 - 36, "the buffer removed no training bin");
        }
    }

    [Fact]
    public void BlockedKFoldBalancesFoldsWhenBinsAreMissing()
    {
        // A 10 × 10 grid with its left 4 columns unvisited: blocks hold 0 to 9 samples.
        var bins = Enumerable.Range(0, 100).Where(b => b % 10 >= 4).ToArray();
        var layout = new BinLayout(10, 10, bins);

        var folds = new BlockedKFold(blockSize: 3, foldCount: 3, seed: 2).Split(layout);

        var sizes = folds.Select(f => f.Test.Count).ToArray();
        Assert.Equal(60, sizes.Sum());
        Assert.True(sizes.Max() - sizes.Min() <= 9, $"fold sizes {string.Join(", ", sizes)}");
    }

    [Fact]
    public void BlockedKFoldRejectsMoreFoldsThanBlocks()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new BlockedKFold(blockSize: 5, foldCount: 5, seed: 0).Split(BinLayout.FullGrid(10, 10)));

        Assert.Contains("only 4 blocks", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HalfSplit.LeftRight)]
    [InlineData(HalfSplit.BottomTop)]
    public void HalvesSplitAtTheMiddleWithTheOddColumnOnTheFarSide(HalfSplit split)
    {
        var layout = BinLayout.FullGrid(5, 5);

        var folds = new HalvesFolds(split).Split(layout);

        int Coordinate(int s) => split == HalfSplit.LeftRight ? layout.Column(s) : layout.Row(s);
        Assert.All(folds[0].Test, s => Assert.True(Coordinate(s) < 2));
        Assert.All(folds[1].Test, s => Assert.True(Coordinate(s) >= 2));
        Assert.Equal(10, folds[0].Test.Count);
        Assert.Equal(folds[0].Test, folds[1].Train);
    }

    [Fact]
    public void QuadrantsTestEachQuadrantOnceAndBufferTheCuts()
    {
        var layout = BinLayout.FullGrid(8, 6);

        var folds = new QuadrantFolds(bufferBins: 1).Split(layout);

        Assert.Equal(4, folds.Count);
        Assert.All(folds, f => Assert.Equal(12, f.Test.Count));
        Assert.All(folds[3].Test, s => Assert.True(layout.Column(s) >= 4 && layout.Row(s) >= 3));
        // With the top-right quadrant held out, the buffer drops column 3 and row 2 beside the cuts.
        Assert.All(folds[3].Train, s => Assert.True(layout.Column(s) <= 2 || layout.Row(s) <= 1));
    }

    [Fact]
    public void QuadrantsRejectAnEmptyQuadrant()
    {
        var layout = new BinLayout(4, 4, [0, 1, 4, 5, 2, 3]);

        var error = Assert.Throws<ArgumentException>(() => new QuadrantFolds().Split(layout));

        Assert.Contains("fold 2 has no bins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinLayoutRejectsRepeatedAndOutOfGridBins()
    {
        Assert.Contains(
            "repeats grid bin 3",
            Assert.Throws<ArgumentException>(() => new BinLayout(4, 4, [1, 3, 3])).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "outside the 4 × 4 grid",
            Assert.Throws<ArgumentException>(() => new BinLayout(4, 4, [16])).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void FoldRejectsOverlapAndExplicitFoldsOutsideTheData()
    {
        Assert.Throws<ArgumentException>(() => new Fold(0, [1, 2], [2, 3]));

        var scheme = new ExplicitFolds([new Fold(0, [0, 1], [5])]);

        var error = Assert.Throws<ArgumentException>(() => scheme.Split(BinLayout.Sequence(4)));
        Assert.Contains("sample 5", error.Message, StringComparison.Ordinal);
    }
}
