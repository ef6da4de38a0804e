namespace NeuralPredictivity.Models.Tests;

public sealed class TrajectoryGeneratorTests
{
    // Draws agree with NumPy to a few ulps (log and sqrt may round differently); a trajectory sums
    // ≤ 31 displacements of ≤ 0.1 m, so positions agree to ~1e-15 m. 1e-12 leaves margin.
    private const double GoldenTol = 1e-12;

    [Fact]
    public void LegacyStreamMatchesNumPyRandomState()
    {
        var random = new NumPyLegacyRandom(12345);

        var uniform = Enumerable.Range(0, 5).Select(_ => random.Uniform(-1.1, 1.1)).ToArray();
        var normal = Enumerable.Range(0, 5).Select(_ => random.Normal(0, 11.52)).ToArray();
        var rayleigh = Enumerable.Range(0, 5).Select(_ => random.Rayleigh(0.13 * 2 * Math.PI)).ToArray();

        AssertClose(GoldenModels.Flat(GoldenModels.Get("uniform")), uniform, 1e-15);
        AssertClose(GoldenModels.Flat(GoldenModels.Get("normal")), normal, 1e-13);
        AssertClose(GoldenModels.Flat(GoldenModels.Get("rayleigh")), rayleigh, 1e-14);
    }

    [Fact]
    public void PlaceCellCentresAreThoseOfNumPySeedZero()
    {
        var options = new PathIntegratorOptions { PlaceCellCount = 16 };

        var centres = PositionTargets.GenerateCentres(options);

        AssertClose(GoldenModels.Flat(GoldenModels.Get("centres_16")), centres.Cast<double>().ToArray(), 1e-15);
    }

    [Theory]
    [InlineData("walls", false)]
    [InlineData("periodic", true)]
    public void TrajectoriesMatchTheNumPyReferenceDrawForDraw(string name, bool periodic)
    {
        var golden = GoldenModels.Get("trajectory_" + name);
        var generator = new TrajectoryGenerator(new TrajectoryOptions(), golden.GetProperty("width").GetDouble(),
            golden.GetProperty("height").GetDouble(), periodic);

        var batch = generator.Generate(golden.GetProperty("batch").GetInt32(), golden.GetProperty("steps").GetInt32(),
            (uint)golden.GetProperty("seed").GetInt32());

        AssertClose(
            GoldenModels.Flat(golden.GetProperty("start")), batch.StartPositions.Cast<double>().ToArray(), GoldenTol);
        AssertClose(
            GoldenModels.Flat(golden.GetProperty("velocities")), batch.Velocities.Cast<double>().ToArray(), GoldenTol);
        AssertClose(
            GoldenModels.Flat(golden.GetProperty("positions")), batch.Positions.Cast<double>().ToArray(), GoldenTol);
        Assert.Equal(!periodic, batch.NearWall.Cast<bool>().Any(near => near));
    }

    [Fact]
    public void MeanSpeedInAPeriodicBoxIsTheRayleighMean()
    {
        var options = new TrajectoryOptions();
        var generator = new TrajectoryGenerator(options, 2.2, 2.2, periodic: true);

        var batch = generator.Generate(200, 20, 11);
        var speeds = batch.Velocities.Cast<double>()
            .Chunk(2)
            .Select(v => Math.Sqrt(v[0] * v[0] + v[1] * v[1]) / options.TimeStep);

        // Rayleigh(σ): mean σ√(π/2) ≈ 1.0237 m/s, sd σ√((4 − π)/2) ≈ 0.535 m/s; 4000 draws give
        // SE ≈ 0.0085 m/s, and 4 SE is allowed.
        var expected = options.SpeedScale * Math.Sqrt(Math.PI / 2);
        Assert.InRange(speeds.Average(), expected - 0.034, expected + 0.034);
    }

    [Fact]
    public void TurnsHaveTheConfiguredAngularNoise()
    {
        var options = new TrajectoryOptions();
        var generator = new TrajectoryGenerator(options, 2.2, 2.2, periodic: true);

        var batch = generator.Generate(200, 21, 12);
        var turns = new List<double>();
        for (var b = 0; b < batch.BatchSize; b++)
        {
            for (var t = 1; t < batch.Steps; t++)
            {
                turns.Add(batch.Headings[t, b] - batch.Headings[t - 1, b]);
            }
        }

        // Without walls each turn is N(0, 11.52 · 0.02 = 0.2304 rad); 4000 turns estimate the sd
        // with relative SE 1/√(2n) ≈ 1.1 %, so 5 % is about 4.5 SE.
        var sd = Math.Sqrt(turns.Average(x => x * x));
        Assert.InRange(sd, 0.2304 * 0.95, 0.2304 * 1.05);
    }

    [Fact]
    public void NearAWallTheWalkerSlowsAndTurnsAlongIt()
    {
        var generator = new TrajectoryGenerator(new TrajectoryOptions(), 0.5, 0.5, periodic: false);

        var batch = generator.Generate(200, 50, 13);

        var alongWall = new List<double>();
        var (maxOvershoot, outside) = (0.0, 0);
        for (var b = 0; b < batch.BatchSize; b++)
        {
            for (var t = 0; t < batch.Steps; t++)
            {
                var (x, y) = (batch.Positions[t, b, 0], batch.Positions[t, b, 1]);
                var overshoot = Math.Max(Math.Abs(x), Math.Abs(y)) - 0.25;
                (maxOvershoot, outside) = (Math.Max(maxOvershoot, overshoot), outside + (overshoot > 0 ? 1 : 0));
                if (batch.NearWall[t, b] && t + 1 < batch.Steps)
                {
                    // Cosine between the next heading and the outward normal of the nearest wall.
                    var (sx, sy) = t == 0 ? (batch.StartPositions[b, 0], batch.StartPositions[b, 1])
                        : (batch.Positions[t - 1, b, 0], batch.Positions[t - 1, b, 1]);
                    var normal = NearestWallNormal(sx, sy, 0.25);
                    alongWall.Add(Math.Cos(batch.Headings[t + 1, b] - normal));
                }
            }
        }

        // The turn sets the heading parallel to the wall, then adds N(0, 0.23 rad) noise:
        // cos(±π/2 + n) = ∓sin n, so |cos| averages E|sin n| ≈ 0.18, against 2/π ≈ 0.64 for a random heading.
        Assert.True(alongWall.Count > 100, $"only {alongWall.Count} steps near a wall");
        Assert.True(alongWall.Average(Math.Abs) < 0.25, $"mean |cos| {alongWall.Average(Math.Abs):0.000}");
        Assert.True(alongWall.Max() < 0.8, "a walker kept heading into the wall");
        // Speeds are drawn independently of position, so near-wall over elsewhere mean speed is the
        // slowdown 0.25; with ~1,000 near-wall draws (relative SE ≈ 1.7 %), 15 % is over 8 SE.
        Assert.InRange(SlowdownRatio(batch), 0.25 * 0.85, 0.25 * 1.15);
        // A step that starts just outside the 3 cm band can cross the wall by one step (speed × dt);
        // speeds above 5 m/s have Rayleigh probability exp(−5²/2σ²) ≈ 1e-8, so one step is < 10 cm.
        Assert.True(maxOvershoot < 0.1, $"overshoot {maxOvershoot} m");
        // In a 0.5 m box walkers spend much time at walls; about 5 % of positions lie beyond one.
        Assert.True(outside < 0.1 * batch.BatchSize * batch.Steps, $"{outside} positions outside the box");
    }

    private static double NearestWallNormal(double x, double y, double half)
    {
        double[] distances = [half - x, half - y, half + x, half + y];
        var nearest = Array.IndexOf(distances, distances.Min());
        return nearest * Math.PI / 2;
    }

    /// <summary>Mean speed near walls over mean speed elsewhere: the border slowdown if speeds are
    /// otherwise alike.</summary>
    private static double SlowdownRatio(TrajectoryBatch batch)
    {
        var (near, far) = (new List<double>(), new List<double>());
        for (var b = 0; b < batch.BatchSize; b++)
        {
            for (var t = 0; t < batch.Steps; t++)
            {
                (batch.NearWall[t, b] ? near : far).Add(batch.Speeds[t, b]);
            }
        }

        return near.Average() / far.Average();
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance + tolerance * Math.Abs(expected[i]),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
