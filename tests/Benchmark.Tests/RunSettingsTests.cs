namespace NeuralPredictivity.Benchmark.Tests;

public sealed class RunSettingsTests
{
    [Fact]
    public void DefaultsAreValidAndDescribeTheToolkitProtocol()
    {
        var settings = new RunSettings();

        var problems = settings.Validate();

        Assert.Empty(problems);
        Assert.Equal("trained", settings.Model);
        Assert.Equal("stensola2012_ben", settings.Dataset);
        Assert.Equal(RegressionMethod.Ridge, settings.Regression);
        Assert.Equal(FoldKind.Blocked, settings.Folds);
        Assert.Equal(TrajectorySource.Synthetic, settings.Trajectory);
        Assert.Equal(5.0, settings.BinSizeCm);
        Assert.Equal(2.5, settings.MinSpeedCmPerSecond);
        Assert.Equal(0.0, settings.SmoothSigmaBins);
        Assert.Equal(17, settings.Alphas.Count);
    }

    [Theory]
    [InlineData("--bin-size")]
    [InlineData("--min-speed")]
    [InlineData("--smooth")]
    [InlineData("--fold-count")]
    [InlineData("--bootstrap")]
    [InlineData("--seed")]
    [InlineData("--threads")]
    [InlineData("--model")]
    [InlineData("--alphas")]
    public void EachBadValueIsReportedUnderItsOption(string option)
    {
        var settings = option switch
        {
            "--bin-size" => new RunSettings { BinSizeCm = 0 },
            "--min-speed" => new RunSettings { MinSpeedCmPerSecond = -1 },
            "--smooth" => new RunSettings { SmoothSigmaBins = double.NaN },
            "--fold-count" => new RunSettings { FoldCount = 1 },
            "--bootstrap" => new RunSettings { BootstrapSamples = 10 },
            "--seed" => new RunSettings { Seed = -3 },
            "--threads" => new RunSettings { Threads = Environment.ProcessorCount + 1 },
            "--model" => new RunSettings { Model = " " },
            "--alphas" => new RunSettings { Alphas = [1.0, 0.0] },
            _ => throw new ArgumentOutOfRangeException(nameof(option)),
        };

        var problems = settings.Validate();

        var problem = Assert.Single(problems);
        Assert.Equal(option, problem.Option);
        Assert.StartsWith(option + ": expected ", problem.ToString());
    }

    [Fact]
    public void NoiseCeilingOptionsAreTheRunsWithTheDerivedReliabilitySeed()
    {
        var settings = new RunSettings
        {
            Seed = 3, MinSpeedCmPerSecond = 5, SmoothSigmaBins = 1.5, ReliabilityBlockSeconds = 30,
            ReliabilityDraws = 4,
        };

        var reliability = settings.ToReliabilityOptions();
        var maps = settings.ToRateMapOptions();

        Assert.Equal(NeuralPredictivity.Datasets.ReliabilityScheme.RandomBlocks, reliability.Scheme);
        Assert.Equal((30.0, 4), (reliability.BlockLengthS, reliability.DrawCount));
        Assert.Equal(settings.SeedFor(SeedPurpose.Reliability), reliability.Seed);
        Assert.NotEqual(settings.Seed, reliability.Seed);
        Assert.Equal((5.0, 1.5), (maps.MinSpeedCmPerS, maps.SmoothingSigmaBins));
    }

    [Fact]
    public void AllProblemsAreReportedAtOnce()
    {
        var settings = new RunSettings { BinSizeCm = -5, FoldCount = 0, Seed = -1, Regression = RegressionMethod.Pls,
            PlsComponents = 0 };

        var error = Assert.Throws<InvalidSettingsException>(() => settings.EnsureValid());

        Assert.Equal(
            ["--pls-components", "--fold-count", "--bin-size", "--seed"], error.Problems.Select(p => p.Option));
        Assert.Contains("4 settings are invalid", error.Message);
        Assert.Contains("--bin-size: expected a bin side in cm > 0; found -5.", error.Message);
    }

    [Fact]
    public void OptionsOfAnotherMethodAreNotChecked()
    {
        var settings = new RunSettings { Regression = RegressionMethod.Ridge, PlsComponents = 0, Alpha = -1,
            Folds = FoldKind.Halves, FoldCount = 0, TrainFraction = 3 };

        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void Nayebi2021PresetMatchesThePublishedProtocol()
    {
        var settings = RunProtocol.Apply(RunProtocol.Nayebi2021, new RunSettings { Dataset = "x", Seed = 4 });

        Assert.Equal(RegressionMethod.RidgeFixed, settings.Regression);
        Assert.Equal(1.0, settings.Alpha);
        Assert.False(settings.StandardizeFeatures);
        Assert.Equal(FoldKind.RandomFraction, settings.Folds);
        Assert.Equal(0.2, settings.TrainFraction);
        Assert.Equal(10, settings.Splits);
        Assert.Equal(TrajectorySource.Synthetic, settings.Trajectory);
        Assert.Equal(5.0, settings.BinSizeCm);
        Assert.Equal(0.0, settings.SmoothSigmaBins);
        Assert.Equal(("x", 4), (settings.Dataset, settings.Seed));
        Assert.Equal("nayebi2021", RunProtocol.Label(settings));
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void BrainscorePresetIsPls25WithNinetyTenSplits()
    {
        var settings = RunProtocol.Apply(RunProtocol.Brainscore, new RunSettings());

        Assert.Equal((RegressionMethod.Pls, 25), (settings.Regression, settings.PlsComponents));
        Assert.Equal((FoldKind.RandomFraction, 0.9, 10), (settings.Folds, settings.TrainFraction, settings.Splits));
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void ModifiedPresetIsLabelledWithItsOverrides()
    {
        var settings = RunProtocol.Apply(RunProtocol.Nayebi2021, new RunSettings()) with
        {
            Folds = FoldKind.Blocked,
            ProtocolOverrides = ["--folds"],
        };

        Assert.Equal("nayebi2021+folds", RunProtocol.Label(settings));
    }

    [Fact]
    public void UnknownProtocolIsRejectedWithTheKnownNames()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => RunProtocol.Apply("nayebi", new RunSettings()));

        Assert.Equal("--protocol", error.Problems[0].Option);
        Assert.Contains("default, nayebi2021, brainscore", error.Message);
    }

    [Fact]
    public void DerivedSeedsAreStableAndDistinctPerPurpose()
    {
        var seeds = new RunSettings { Seed = 7 }.DerivedSeeds();
        var again = new RunSettings { Seed = 7 }.DerivedSeeds();
        var other = new RunSettings { Seed = 8 }.DerivedSeeds();

        Assert.Equal(seeds, again);
        Assert.Equal(seeds.Count, seeds.Values.Distinct().Count());
        Assert.All(seeds.Keys, k => Assert.NotEqual(seeds[k], other[k]));
        Assert.All(seeds.Values, v => Assert.True(v >= 0));
    }

    [Theory]
    [InlineData("trained", "trained")]
    [InlineData("random-fourier:d=512,lengthscale=20cm,seed=3", "random-fourier_d512_lengthscale20cm_seed3")]
    [InlineData("/data/nets/ugrnn final.pt", "ugrnn-final")]
    [InlineData("trained:checkpoint=/nets/ugrnn.json", "trained_checkpointugrnn")]
    [InlineData("stensola2012_ben", "stensola2012_ben")]
    public void SlugsAreFileSystemSafe(string text, string expected)
    {
        Assert.Equal(expected, Slug.Of(text));
    }
}
