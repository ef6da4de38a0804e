namespace NeuralPredictivity.Baselines;

/// <summary>
/// One idealised grid cell: f(p) = (Σ_k cos(κ e_k·(p − c)) + 3/2) / (9/2), see <see cref="GridCellFamily"/>.
/// </summary>
internal sealed class GridCell
{
    private readonly double[] _waveX = new double[3];
    private readonly double[] _waveY = new double[3];

    private GridCell(double spacingCm, double orientation, double phaseX, double phaseY)
    {
        SpacingCm = spacingCm;
        Orientation = orientation;
        PhaseX = phaseX;
        PhaseY = phaseY;

        var waveNumber = 4 * Math.PI / (Math.Sqrt(3) * spacingCm);
        for (var k = 0; k < 3; k++)
        {
            var angle = orientation + k * Math.PI / 3;
            _waveX[k] = waveNumber * Math.Cos(angle);
            _waveY[k] = waveNumber * Math.Sin(angle);
        }
    }

    /// <summary>Distance between neighbouring fields λ (cm).</summary>
    internal double SpacingCm { get; }

    /// <summary>Angle θ of the first wave vector (rad); the lattice vectors lie at θ + 30° and θ + 90°.</summary>
    internal double Orientation { get; }

    /// <summary>x of one field centre c (cm).</summary>
    internal double PhaseX { get; }

    /// <summary>y of one field centre c (cm).</summary>
    internal double PhaseY { get; }

    /// <summary>A cell whose field centre is u·a₁ + v·a₂ for lattice vectors a₁, a₂
    /// at θ + 30° and θ + 90°.</summary>
    internal static GridCell Create(double spacingCm, double orientation, double u, double v)
    {
        var a1 = orientation + Math.PI / 6;
        var a2 = orientation + Math.PI / 2;
        return new GridCell(
            spacingCm,
            orientation,
            spacingCm * (u * Math.Cos(a1) + v * Math.Cos(a2)),
            spacingCm * (u * Math.Sin(a1) + v * Math.Sin(a2)));
    }

    /// <summary>Rate in [0, 1] at (x, y) cm; 1 exactly at field centres.</summary>
    internal double Rate(double x, double y)
    {
        var dx = x - PhaseX;
        var dy = y - PhaseY;
        var sum = 0.0;
        for (var k = 0; k < 3; k++)
        {
            sum += Math.Cos(_waveX[k] * dx + _waveY[k] * dy);
        }

        return (sum + 1.5) / 4.5;
    }
}
