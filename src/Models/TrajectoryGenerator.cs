namespace NeuralPredictivity.Models;

/// <summary>Simulates random-walk trajectories in a rectangular box (Sorscher et al. 2019).</summary>
/// <remarks>
/// Follows the published generator step for step, including its random draws: per batch, NumPy's
/// legacy stream seeded with the batch seed gives B start x, B start y, B start headings, then
/// B × (S + 1) turn noises and B × (S + 1) speeds (row-major, trajectory by trajectory). The first
/// simulated step is a warm-up whose end point becomes the start position, so S + 1 steps give S
/// network inputs. See <see cref="TrajectoryOptions"/> for the movement rules. The box is centred on
/// (0, 0); in a periodic box the positions wrap into it and there is no border avoidance.
/// Border avoidance only acts within 3 cm of a wall, so a fast step from just outside that band can
/// cross the wall by up to one step (speed × dt, a few cm); the published generator does the same
/// and does not clip. Such positions fall outside a dataset's grid and are not binned.
/// </remarks>
internal sealed class TrajectoryGenerator
{
    private readonly TrajectoryOptions _options;

    internal TrajectoryGenerator(TrajectoryOptions options, double boxWidth, double boxHeight, bool periodic)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        if (!(boxWidth > 0) || !(boxHeight > 0) || !double.IsFinite(boxWidth) || !double.IsFinite(boxHeight))
        {
            throw new ArgumentOutOfRangeException(
                nameof(boxWidth), $"Box must be positive, got {boxWidth} × {boxHeight} m.");
        }

        _options = options;
        BoxWidth = boxWidth;
        BoxHeight = boxHeight;
        Periodic = periodic;
    }

    internal double BoxWidth { get; }

    internal double BoxHeight { get; }

    internal bool Periodic { get; }

    /// <summary>One batch of <paramref name="batchSize"/> trajectories of <paramref name="steps"/> steps.</summary>
    internal TrajectoryBatch Generate(int batchSize, int steps, uint seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var random = new NumPyLegacyRandom(seed);
        var (halfWidth, halfHeight) = (BoxWidth / 2, BoxHeight / 2);

        var x = new double[batchSize];
        var y = new double[batchSize];
        var heading = new double[batchSize];
        for (var b = 0; b < batchSize; b++)
        {
            x[b] = random.Uniform(-halfWidth, halfWidth);
        }

        for (var b = 0; b < batchSize; b++)
        {
            y[b] = random.Uniform(-halfHeight, halfHeight);
        }

        for (var b = 0; b < batchSize; b++)
        {
            heading[b] = random.Uniform(0, 2 * Math.PI);
        }

        var turnNoise = Draw(random, batchSize, steps + 1, r => r.Normal(0, _options.TurnSd));
        var speeds = Draw(random, batchSize, steps + 1, r => r.Rayleigh(_options.SpeedScale));

        var batch = new TrajectoryBatch(batchSize, steps);
        for (var b = 0; b < batchSize; b++)
        {
            Simulate(batch, b, x[b], y[b], heading[b], turnNoise, speeds);
        }

        return batch;
    }

    private void Simulate(
        TrajectoryBatch batch, int b, double x, double y, double heading, double[,] turnNoise, double[,] speeds)
    {
        var dt = _options.TimeStep;
        for (var t = 0; t <= batch.Steps; t++)
        {
            var speed = speeds[b, t];
            var turn = 0.0;
            var nearWall = false;
            if (!Periodic)
            {
                (nearWall, turn) = AvoidWall(x, y, heading);
                if (nearWall)
                {
                    speed *= _options.BorderSlowdown;
                }
            }

            turn += dt * turnNoise[b, t];
            var (dx, dy) = (speed * dt * Math.Cos(heading), speed * dt * Math.Sin(heading));
            if (t == 0)
            {
                (x, y) = (x + dx, y + dy);
                (batch.StartPositions[b, 0], batch.StartPositions[b, 1]) = Wrap(x, y);
            }
            else
            {
                (x, y) = (x + dx, y + dy);
                var k = t - 1;
                (batch.Velocities[k, b, 0], batch.Velocities[k, b, 1]) = (dx, dy);
                (batch.Positions[k, b, 0], batch.Positions[k, b, 1]) = Wrap(x, y);
                batch.Speeds[k, b] = speed;
                batch.Headings[k, b] = heading;
                batch.NearWall[k, b] = nearWall;
            }

            heading += turn;
        }
    }

    /// <summary>Whether the walker is near a wall heading into it, and the turn that makes it run along it.</summary>
    /// <remarks>
    /// The nearest wall's outward normal has angle θ ∈ {0, π/2, π, 3π/2} (+x, +y, −x, −y walls, the
    /// first on ties). With a = heading − θ wrapped to [−π, π), the walker heads into the wall when
    /// |a| &lt; π/2; turning by sign(a)·(π/2 − |a|) makes it parallel to the wall.
    /// </remarks>
    private (bool NearWall, double Turn) AvoidWall(double x, double y, double heading)
    {
        Span<double> distances = [BoxWidth / 2 - x, BoxHeight / 2 - y, BoxWidth / 2 + x, BoxHeight / 2 + y];
        var nearest = 0;
        for (var i = 1; i < 4; i++)
        {
            if (distances[i] < distances[nearest])
            {
                nearest = i;
            }
        }

        var normal = nearest * Math.PI / 2;
        var angle = PositiveModulo(PositiveModulo(heading, 2 * Math.PI) - normal + Math.PI, 2 * Math.PI) - Math.PI;
        var near = distances[nearest] < _options.BorderRegion && Math.Abs(angle) < Math.PI / 2;
        return near ? (true, Math.Sign(angle) * (Math.PI / 2 - Math.Abs(angle))) : (false, 0.0);
    }

    private (double X, double Y) Wrap(double x, double y) => Periodic
        ? (PositiveModulo(x + BoxWidth / 2, BoxWidth) - BoxWidth / 2,
           PositiveModulo(y + BoxHeight / 2, BoxHeight) - BoxHeight / 2)
        : (x, y);

    /// <summary>Remainder with the sign of the divisor, as NumPy's <c>mod</c>.</summary>
    internal static double PositiveModulo(double value, double divisor)
    {
        var remainder = value % divisor;
        return remainder < 0 ? remainder + divisor : remainder;
    }

    private static double[,] Draw(NumPyLegacyRandom random, int rows, int columns, Func<NumPyLegacyRandom, double> draw)
    {
        var values = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                values[i, j] = draw(random);
            }
        }

        return values;
    }
}
