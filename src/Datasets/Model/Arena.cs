using System.Globalization;

namespace NeuralPredictivity.Datasets;

/// <summary>The enclosure a session was recorded in: shape, size and centre, in cm in the arena frame.</summary>
/// <remarks>
/// The spatial grid of every map is built from the arena (../shared/DESIGN.md, "Grid"), so a
/// circle of diameter d gets a d × d square grid whose corner bins are never visited. When a file
/// does not record its arena, the reader infers one from the tracked extent and says so through
/// <see cref="InferredFromTracking"/> and a logged warning; pass the true size instead when known
/// (<c>datasets add --arena-size</c>), since an inferred box shrinks to where the animal went.
/// </remarks>
public sealed class Arena
{
    /// <summary>Creates an arena; sizes must be positive and finite, the centre finite.</summary>
    public Arena(ArenaShape shape, double widthCm, double heightCm, double centreXCm, double centreYCm,
                 bool inferredFromTracking = false, string? note = null)
    {
        if (!(widthCm > 0) || !(heightCm > 0) || !double.IsFinite(widthCm) || !double.IsFinite(heightCm))
        {
            throw new ArgumentOutOfRangeException(nameof(widthCm),
                $"Arena size must be positive and finite, got {widthCm} × {heightCm} cm.");
        }

        if (!double.IsFinite(centreXCm) || !double.IsFinite(centreYCm))
        {
            throw new ArgumentOutOfRangeException(nameof(centreXCm),
                $"Arena centre must be finite, got ({centreXCm}, {centreYCm}) cm.");
        }

        if (shape is ArenaShape.Square or ArenaShape.Circle && widthCm != heightCm)
        {
            throw new ArgumentException(
                $"A {shape.ToString().ToLowerInvariant()} arena needs equal width and height, got {widthCm} × " +
                $"{heightCm} cm.",
                nameof(heightCm));
        }

        Shape = shape;
        WidthCm = widthCm;
        HeightCm = heightCm;
        CentreXCm = centreXCm;
        CentreYCm = centreYCm;
        InferredFromTracking = inferredFromTracking;
        Note = note;
    }

    /// <summary>Square, rectangle or circle.</summary>
    public ArenaShape Shape { get; }

    /// <summary>Extent along x in cm (the diameter for a circle).</summary>
    public double WidthCm { get; }

    /// <summary>Extent along y in cm (the diameter for a circle).</summary>
    public double HeightCm { get; }

    /// <summary>Centre x in cm in the arena frame.</summary>
    public double CentreXCm { get; }

    /// <summary>Centre y in cm in the arena frame.</summary>
    public double CentreYCm { get; }

    /// <summary>True when the size came from the tracked positions rather than from the file or the user.</summary>
    public bool InferredFromTracking { get; }

    /// <summary>How the size was established, when the source says (free text), else null.</summary>
    public string? Note { get; }

    /// <summary>
    /// A square box of side <paramref name="sideCm"/> centred on (<paramref name="centreXCm"/>, <paramref
    /// name="centreYCm"/>).
    /// </summary>
    public static Arena Square(double sideCm, double centreXCm = 0, double centreYCm = 0) =>
        new(ArenaShape.Square, sideCm, sideCm, centreXCm, centreYCm);

    /// <summary>A rectangular box of <paramref name="widthCm"/> × <paramref name="heightCm"/>.</summary>
    /// <remarks>Equal sides are allowed: the box is then square in all but name, and behaves as one.</remarks>
    public static Arena Rectangle(double widthCm, double heightCm, double centreXCm = 0, double centreYCm = 0) =>
        new(ArenaShape.Rectangle, widthCm, heightCm, centreXCm, centreYCm);

    /// <summary>A circular arena of the given diameter.</summary>
    public static Arena Circle(double diameterCm, double centreXCm = 0, double centreYCm = 0) =>
        new(ArenaShape.Circle, diameterCm, diameterCm, centreXCm, centreYCm);

    /// <summary>The largest distance from the centre to a point of the arena (cm).</summary>
    /// <remarks>
    /// R = d / 2 for a circle of diameter d; R = √(w² + h²) / 2, half the diagonal, for a w × h box.
    /// The random-relu baseline divides its position ramps by R.
    /// </remarks>
    public double BoundingRadiusCm => Shape == ArenaShape.Circle
        ? WidthCm / 2
        : Math.Sqrt(WidthCm * WidthCm + HeightCm * HeightCm) / 2;

    /// <summary>True when (x, y) in cm lies in the arena, boundary included.</summary>
    /// <remarks>
    /// A circle holds the points with (x − cx)² + (y − cy)² ≤ (d / 2)²; a box those with |x − cx| ≤ w / 2
    /// and |y − cy| ≤ h / 2. Position-based baselines are evaluated at bin centres, and a bin whose centre
    /// lies outside the arena has no position and is NaN in every feature, exactly as an unvisited bin is
    /// NaN in a rate map. In a box every bin of a grid built from the box is defined (the grid never
    /// overhangs by half a bin); in a circular arena the corner bins are NaN.
    /// </remarks>
    public bool Contains(double xCm, double yCm)
    {
        var dx = xCm - CentreXCm;
        var dy = yCm - CentreYCm;
        if (Shape == ArenaShape.Circle)
        {
            var radius = WidthCm / 2;
            return dx * dx + dy * dy <= radius * radius;
        }

        return Math.Abs(dx) <= WidthCm / 2 && Math.Abs(dy) <= HeightCm / 2;
    }

    /// <summary>The tracked bounding box of valid positions, flagged as inferred.</summary>
    /// <remarks>Degenerate extents (a single point, a straight line) are widened to 1 cm so a grid can
    /// exist.</remarks>
    internal static Arena FromTrackedExtent(double minX, double maxX, double minY, double maxY)
    {
        var width = Math.Max(maxX - minX, 1.0);
        var height = Math.Max(maxY - minY, 1.0);
        return new Arena(ArenaShape.Rectangle, width, height, (minX + maxX) / 2, (minY + maxY) / 2,
            inferredFromTracking: true, note: "inferred from the tracked extent");
    }

    /// <summary>A phrase such as "square 150 × 150 cm centred at (0, 0)".</summary>
    public override string ToString()
    {
        var size = Shape == ArenaShape.Circle
            ? $"circle, diameter {Format(WidthCm)} cm"
            : $"{Shape.ToString().ToLowerInvariant()} {Format(WidthCm)} × {Format(HeightCm)} cm";
        var inferred = InferredFromTracking ? ", inferred from tracking" : string.Empty;
        return $"{size}, centred at ({Format(CentreXCm)}, {Format(CentreYCm)}) cm{inferred}";
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
