using System.Globalization;

namespace NeuralPredictivity.Baselines;

/// <summary>Where an animal can be: the arena's shape, centre and size in the arena frame (cm).</summary>
/// <remarks>
/// Position-based families are evaluated at bin centres; a bin whose centre lies outside the arena
/// has no position and is NaN in every feature, exactly as an unvisited bin is NaN in a rate map.
/// In a square box every bin of a grid built from the box is defined (the grid never overhangs by
/// half a bin); in a circular arena the corner bins are NaN. Boundaries are inclusive. Recordings
/// bundled with the toolkit centre the arena at (0, 0).
/// </remarks>
public sealed record ArenaGeometry
{
    private ArenaGeometry(ArenaShape shape, double centreX, double centreY, double widthCm, double heightCm)
    {
        if (!double.IsFinite(centreX) || !double.IsFinite(centreY))
        {
            throw new ArgumentException(
                $"Arena centre must be finite, got ({centreX}, {centreY}) cm.", nameof(centreX));
        }

        if (!(widthCm > 0) || !(heightCm > 0) || !double.IsFinite(widthCm) || !double.IsFinite(heightCm))
        {
            throw new ArgumentOutOfRangeException(
                nameof(widthCm), $"Arena size must be positive and finite, got {widthCm} × {heightCm} cm.");
        }

        Shape = shape;
        CentreX = centreX;
        CentreY = centreY;
        WidthCm = widthCm;
        HeightCm = heightCm;
    }

    /// <summary>Rectangle or circle.</summary>
    public ArenaShape Shape { get; }

    /// <summary>Centre x in cm.</summary>
    public double CentreX { get; }

    /// <summary>Centre y in cm.</summary>
    public double CentreY { get; }

    /// <summary>Extent along x in cm (the diameter for a circle).</summary>
    public double WidthCm { get; }

    /// <summary>Extent along y in cm (the diameter for a circle).</summary>
    public double HeightCm { get; }

    /// <summary>A box of <paramref name="widthCm"/> × <paramref name="heightCm"/> centred on (x, y).</summary>
    public static ArenaGeometry Rectangle(double centreX, double centreY, double widthCm, double heightCm) =>
        new(ArenaShape.Rectangle, centreX, centreY, widthCm, heightCm);

    /// <summary>A square box of side <paramref name="sideCm"/> centred on (x, y).</summary>
    public static ArenaGeometry Square(double centreX, double centreY, double sideCm) =>
        new(ArenaShape.Rectangle, centreX, centreY, sideCm, sideCm);

    /// <summary>A circular arena of diameter <paramref name="diameterCm"/> centred on (x, y).</summary>
    public static ArenaGeometry Circle(double centreX, double centreY, double diameterCm) =>
        new(ArenaShape.Circle, centreX, centreY, diameterCm, diameterCm);

    /// <summary>True when (x, y) in cm lies in the arena, boundary included.</summary>
    public bool Contains(double x, double y)
    {
        var dx = x - CentreX;
        var dy = y - CentreY;
        if (Shape == ArenaShape.Circle)
        {
            var radius = WidthCm / 2;
            return dx * dx + dy * dy <= radius * radius;
        }

        return Math.Abs(dx) <= WidthCm / 2 && Math.Abs(dy) <= HeightCm / 2;
    }

    /// <summary>A uniformly distributed point of the arena, drawn from <paramref name="random"/>.</summary>
    internal (double X, double Y) SamplePoint(SeededRandom random)
    {
        if (Shape == ArenaShape.Circle)
        {
            // Radius ∝ √U makes the density uniform over the disc's area.
            var radius = WidthCm / 2 * Math.Sqrt(random.NextDouble());
            var angle = 2 * Math.PI * random.NextDouble();
            return (CentreX + radius * Math.Cos(angle), CentreY + radius * Math.Sin(angle));
        }

        return (random.NextUniform(CentreX - WidthCm / 2, CentreX + WidthCm / 2),
            random.NextUniform(CentreY - HeightCm / 2, CentreY + HeightCm / 2));
    }

    /// <summary>Half the diagonal of the bounding box: the largest distance from the centre (cm).</summary>
    internal double Radius => Shape == ArenaShape.Circle
        ? WidthCm / 2
        : Math.Sqrt(WidthCm * WidthCm + HeightCm * HeightCm) / 2;

    /// <inheritdoc />
    public override string ToString() => Shape == ArenaShape.Circle
        ? string.Create(
            CultureInfo.InvariantCulture, $"circle Ø {WidthCm:0.###} cm at ({CentreX:0.###}, {CentreY:0.###})")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"rectangle {WidthCm:0.###} × {HeightCm:0.###} cm at ({CentreX:0.###}, {CentreY:0.###})");
}
