namespace NeuralPredictivity.Datasets;

/// <summary>Square spatial bins over an arena: the samples of every rate map and feature map.</summary>
/// <remarks>
/// Bins are numbered row-major, <c>bin = row · ColumnCount + column</c>, with the column from x and
/// the row from y (row 0 at the smallest y). Edges are in centimetres in the arena frame; a bin
/// holds positions with <c>edge[i] ≤ p &lt; edge[i+1]</c>, and the last edge is inclusive so the far
/// wall belongs to the last bin (../shared/DESIGN.md, "Grid"). Neuron rate maps and feature maps
/// must share one grid before they are regressed onto each other.
/// </remarks>
public sealed class SpatialGrid : IEquatable<SpatialGrid>
{
    /// <summary>Creates a grid from explicit, strictly increasing edges (cm).</summary>
    public SpatialGrid(IReadOnlyList<double> xEdges, IReadOnlyList<double> yEdges)
    {
        ValidateEdges(xEdges, nameof(xEdges));
        ValidateEdges(yEdges, nameof(yEdges));
        XEdges = xEdges.ToArray();
        YEdges = yEdges.ToArray();
    }

    /// <summary>Column edges along x (cm), length <see cref="ColumnCount"/> + 1.</summary>
    public IReadOnlyList<double> XEdges { get; }

    /// <summary>Row edges along y (cm), length <see cref="RowCount"/> + 1.</summary>
    public IReadOnlyList<double> YEdges { get; }

    /// <summary>Number of bins along x.</summary>
    public int ColumnCount => XEdges.Count - 1;

    /// <summary>Number of bins along y.</summary>
    public int RowCount => YEdges.Count - 1;

    /// <summary>Total number of bins, the sample count of every map on this grid.</summary>
    public int BinCount => ColumnCount * RowCount;

    /// <summary>
    /// Square bins of side <paramref name="binSizeCm"/> covering a rectangle centred on
    /// (<paramref name="centreX"/>, <paramref name="centreY"/>).
    /// </summary>
    /// <remarks>
    /// The bin count per axis is ⌈extent / bin size⌉ (with a 1e-9 relative slack so that 150 / 5 is
    /// exactly 30 bins); when the extent is not a multiple of the bin size the grid overhangs the
    /// arena equally on both sides, keeping bins square.
    /// </remarks>
    public static SpatialGrid Centred(double centreX, double centreY, double widthCm, double heightCm,
        double binSizeCm)
    {
        if (!(binSizeCm > 0) || double.IsInfinity(binSizeCm))
        {
            throw new ArgumentOutOfRangeException(nameof(binSizeCm), binSizeCm,
                "Bin size must be a positive number of cm.");
        }

        if (!(widthCm > 0) || !(heightCm > 0) || double.IsInfinity(widthCm) || double.IsInfinity(heightCm))
        {
            throw new ArgumentOutOfRangeException(nameof(widthCm),
                $"Arena extent must be positive, got {widthCm} × {heightCm} cm.");
        }

        return new SpatialGrid(
            AxisEdges(centreX, widthCm, binSizeCm),
            AxisEdges(centreY, heightCm, binSizeCm));
    }

    /// <summary>Default bin side in cm (../shared/DESIGN.md, "Grid").</summary>
    public const double DefaultBinSizeCm = 5.0;

    /// <summary>
    /// Square bins of side <paramref name="binSizeCm"/> covering an arena's bounding square or rectangle.
    /// </summary>
    /// <remarks>
    /// A 150 cm square box with 5 cm bins gives 30 × 30 = 900 bins. A circle of diameter d gets the
    /// d × d square around it; its corner bins are never visited and stay NaN in every rate map.
    /// </remarks>
    public static SpatialGrid ForArena(Arena arena, double binSizeCm = DefaultBinSizeCm)
    {
        ArgumentNullException.ThrowIfNull(arena);
        return Centred(arena.CentreXCm, arena.CentreYCm, arena.WidthCm, arena.HeightCm, binSizeCm);
    }

    /// <summary>
    /// The grid of a recording: square bins over its arena (from the file, the user, or the tracked extent).
    /// </summary>
    /// <exception cref="InvalidOperationException">The recording has no position, hence no arena to grid.</exception>
    public static SpatialGrid ForRecording(Recording recording, double binSizeCm = DefaultBinSizeCm)
    {
        ArgumentNullException.ThrowIfNull(recording);
        recording.RequirePosition("a spatial grid");
        return ForArena(recording.Arena!, binSizeCm);
    }

    /// <summary>
    /// <paramref name="binsPerAxis"/> equal bins per axis spanning the min–max of the tracked (finite)
    /// positions, with edges computed as NumPy's <c>linspace</c> computes them.
    /// </summary>
    /// <remarks>
    /// This is the grid of the sanity figures in data/README.md (20 × 20 over the tracked extent),
    /// kept so those figures can be reproduced exactly; bins need not be square. Use
    /// <see cref="ForRecording"/> for analyses.
    /// </remarks>
    internal static SpatialGrid OverTrackedExtent(PositionTrack position, int binsPerAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binsPerAxis, 1);
        var (minX, maxX, minY, maxY) = RecordingValidation.TrackedExtent(position);
        return new SpatialGrid(LinearEdges(minX, maxX, binsPerAxis), LinearEdges(minY, maxY, binsPerAxis));
    }

    private static double[] LinearEdges(double start, double stop, int bins)
    {
        var step = (stop - start) / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i < bins; i++)
        {
            edges[i] = i * step + start;
        }

        edges[bins] = stop;
        return edges;
    }

    /// <summary>The bin holding position (x, y) in cm, or −1 when it is outside the grid or not finite.</summary>
    public int BinIndex(double x, double y)
    {
        var column = AxisIndex(XEdges, x);
        var row = AxisIndex(YEdges, y);
        return column < 0 || row < 0 ? -1 : row * ColumnCount + column;
    }

    /// <summary>Centre of a bin in cm.</summary>
    public (double X, double Y) BinCentre(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, BinCount);
        var (column, row) = (bin % ColumnCount, bin / ColumnCount);
        return ((XEdges[column] + XEdges[column + 1]) / 2, (YEdges[row] + YEdges[row + 1]) / 2);
    }

    /// <summary>Column and row of a bin.</summary>
    public (int Column, int Row) BinCoordinates(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, BinCount);
        return (bin % ColumnCount, bin / ColumnCount);
    }

    /// <inheritdoc />
    public bool Equals(SpatialGrid? other) =>
        other is not null && XEdges.SequenceEqual(other.XEdges) && YEdges.SequenceEqual(other.YEdges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SpatialGrid);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ColumnCount, RowCount, XEdges[0], YEdges[0]);

    /// <inheritdoc />
    public override string ToString() =>
        $"{ColumnCount} × {RowCount} bins, x {XEdges[0]:0.###}…{XEdges[^1]:0.###} cm, y " +
        $"{YEdges[0]:0.###}…{YEdges[^1]:0.###} cm";

    private static double[] AxisEdges(double centre, double extent, double binSize)
    {
        var count = Math.Max(1, (int)Math.Ceiling(extent / binSize * (1 - 1e-9)));
        var start = centre - count * binSize / 2;
        return Enumerable.Range(0, count + 1).Select(i => start + i * binSize).ToArray();
    }

    private static int AxisIndex(IReadOnlyList<double> edges, double value)
    {
        if (!double.IsFinite(value) || value < edges[0] || value > edges[^1])
        {
            return -1;
        }

        if (value == edges[^1])
        {
            return edges.Count - 2;
        }

        var lo = 0;
        var hi = edges.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (value >= edges[mid])
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void ValidateEdges(IReadOnlyList<double> edges, string name)
    {
        ArgumentNullException.ThrowIfNull(edges, name);
        if (edges.Count < 2)
        {
            throw new ArgumentException($"A grid axis needs at least 2 edges, got {edges.Count}.", name);
        }

        for (var i = 0; i < edges.Count; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]))
            {
                throw new ArgumentException(
                    $"Grid edges must be finite and strictly increasing; edge {i} is {edges[i]}.", name);
            }
        }
    }
}
