namespace NeuralPredictivity.Regression.Tests;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData(0.6, 0.64, 0.75, 0.5625)]
    [InlineData(0.9, 0.49, 0.9 / 0.7, 0.81 / 0.49)]
    [InlineData(-0.3, 0.25, -0.6, 0.36)]
    public void NormalisesOnBothScalesWithoutClipping(double r, double rho, double correlation, double variance)
    {
        Assert.Equal(correlation, NormalisedPredictivity.Correlation(r, rho), 14);
        Assert.Equal(variance, NormalisedPredictivity.ExplainedVariance(r, rho), 14);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.4)]
    [InlineData(double.PositiveInfinity)]
    public void UndefinedCeilingGivesNaNOnBothScales(double rho)
    {
        Assert.True(double.IsNaN(NormalisedPredictivity.Correlation(0.5, rho)));
        Assert.True(double.IsNaN(NormalisedPredictivity.ExplainedVariance(0.5, rho)));
    }

    [Theory]
    [InlineData(0.5, 2.0 / 3.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.8, 1.6 / 1.8)]
    public void SpearmanBrownStepsUpPositiveSplitHalfR(double r, double expected)
    {
        Assert.Equal(expected, SpearmanBrown.Correct(r), 15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-13)]
    [InlineData(-0.5)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void SpearmanBrownHasNoCeilingForNonPositiveR(double r)
    {
        Assert.True(double.IsNaN(SpearmanBrown.Correct(r)));
    }

    [Fact]
    public void SummaryTakesMediansOverNeuronsWithACeilingAndCountsTheRest()
    {
        double[] r = [0.2, 0.4, 0.6, double.NaN, 0.5, 0.3];
        double[] rho = [0.25, 0.64, 0.81, 0.5, double.NaN, 0.0];

        var correlation = PredictivitySummary.Compute(r, rho, PredictivityScale.Correlation);
        var variance = PredictivitySummary.Compute(r, rho, PredictivityScale.ExplainedVariance);

        // Included: neurons 0–2. r/√ρ = 0.4, 0.5, 0.667; r²/ρ = 0.16, 0.25, 0.444.
        Assert.Equal(3, correlation.IncludedCount);
        Assert.Equal(2, correlation.ExcludedWithoutCeiling);
        Assert.Equal(1, correlation.ExcludedUndefinedScore);
        Assert.Equal(0.5, correlation.Median, 14);
        Assert.Equal(0.25, variance.Median, 14);
        Assert.Equal(0.4 / 0.8, correlation.RatioOfMedians, 14);
        Assert.Equal(0.16 / 0.64, variance.RatioOfMedians, 14);
        Assert.True(
            correlation.ConfidenceLower <= correlation.Median && correlation.Median <= correlation.ConfidenceUpper);
    }

    [Fact]
    public void RatioOfMediansDiffersFromMedianOfRatiosAndIsLabelledSeparately()
    {
        double[] r = [0.1, 0.5, 0.6];
        double[] rho = [0.04, 0.64, 0.36];

        var summary = PredictivitySummary.Compute(r, rho, PredictivityScale.Correlation);

        // r/√ρ = 0.5, 0.625, 1.0 → median 0.625; median r 0.5 / median √ρ 0.6 = 0.833.
        Assert.Equal(0.625, summary.Median, 14);
        Assert.Equal(0.5 / 0.6, summary.RatioOfMedians, 14);
    }

    [Fact]
    public void BootstrapIsSeededAndReproducible()
    {
        var r = Enumerable.Range(0, 40).Select(i => 0.3 + 0.01 * ((i * 37) % 40)).ToArray();

        var first = PredictivitySummary.Compute(r, null, PredictivityScale.Correlation, seed: 5);
        var again = PredictivitySummary.Compute(r, null, PredictivityScale.Correlation, seed: 5);

        Assert.Equal(first, again);
        Assert.False(first.IsNormalised);
        Assert.True(double.IsNaN(first.RatioOfMedians));
        // The median of 40 values spread 0.30 … 0.69: the 95 % interval is a few hundredths wide.
        Assert.InRange(first.ConfidenceUpper - first.ConfidenceLower, 0.02, 0.2);
    }

    [Fact]
    public void SummaryOfNoUsableNeuronIsNaNWithCounts()
    {
        var summary = PredictivitySummary.Compute([double.NaN, 0.4], [0.5, -0.2], PredictivityScale.Correlation);

        Assert.Equal(0, summary.IncludedCount);
        Assert.True(double.IsNaN(summary.Median));
        Assert.True(double.IsNaN(summary.ConfidenceLower));
    }
}
