using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Random ReLU features: rectified random projections of a place-cell code or of position.</summary>
/// <remarks>
/// <para>
/// input=place: a fixed population code of Gaussian place cells (width σ) on a square lattice of
/// side <c>lattice</c> covering the arena's bounding box feeds each feature through Gaussian weights,
/// h_j(p) = Σ_k W_jk r_k(p) / √K with W_jk ~ N(0, 1) and K lattice cells, then f_j(p) = max(0, h_j(p) − h_j(q_j)).
/// The threshold is h_j at a random point q_j of the arena, so every feature's kink falls inside the
/// arena and roughly half of the arena drives it: a one-layer random network on place-cell input.
/// The code is the same for every seed (only W and q are random); σ and the lattice are fixed by the
/// spec, so σ is a continuous knob of the participation ratio. A σ much smaller than the lattice
/// leaves gaps between place fields where every feature sits at its threshold.
/// </para>
/// <para>
/// input=position: f_j(p) = max(0, u_j·(p − q_j)) / R, u_j a uniform random direction, q_j a uniform
/// random arena point and R half the arena's diagonal or its radius (<see cref="Arena.BoundingRadiusCm"/>).
/// These ramps span a low-dimensional space; d is the matching knob.
/// </para>
/// <para>
/// Limitation: the place-cell lattice may hold at most <see cref="MaxLatticeCells"/> cells (the cost
/// grows as cells × bins × d). A finer lattice on a large arena throws
/// <see cref="NotSupportedException"/>; raise <c>lattice</c> (and <c>width</c> with it) instead.
/// </para>
/// </remarks>
internal sealed class RandomReluFamily : PositionFamily
{
    /// <summary>Largest place-cell lattice the family builds.</summary>
    internal const int MaxLatticeCells = 10_000;

    private static readonly BaselineParameter[] FamilyParameters =
    [
        DimensionParameter(),
        BaselineParameter.Choice(
            "input", "place", ["place", "position"], "what is projected: a place-cell code or position (x, y)"),
        BaselineParameter.Length(
            "width", 12, 0.5, 1000, "input=place: σ of the input place cells (cm)", searchMinCm: 2, searchMaxCm: 500),
        BaselineParameter.Length(
            "lattice", 7.5, 1, 1000, "input=place: spacing of the input place-cell lattice (cm)"),
        SeedParameter(),
    ];

    public override string Name => "random-relu";

    public override string Description =>
        "ReLU of random Gaussian projections of a fixed lattice of place cells (or of position), each " +
        "thresholded at its value at a random arena point: an untrained one-layer network's features.";

    public override IReadOnlyList<BaselineParameter> Parameters => FamilyParameters;

    public override string DefaultMatchParameter(BaselineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.GetString("input") == "place" ? "width" : "d";
    }

    private protected override void Fill(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        if (spec.GetString("input") == "position")
        {
            FillFromPosition(spec, arena, centres, values);
        }
        else
        {
            FillFromPlaceCode(spec, arena, centres, values);
        }
    }

    private void FillFromPosition(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        for (var j = 0; j < values.GetLength(1); j++)
        {
            var random = SeededRandom.ForFeature(spec.Seed, Name, j);
            var angle = random.NextUniform(0, 2 * Math.PI);
            var (qx, qy) = arena.SamplePoint(random);
            var radius = arena.BoundingRadiusCm;
            var (ux, uy) = (Math.Cos(angle) / radius, Math.Sin(angle) / radius);
            for (var i = 0; i < centres.Count; i++)
            {
                values[i, j] = Math.Max(0, ux * (centres.X(i) - qx) + uy * (centres.Y(i) - qy));
            }
        }
    }

    private void FillFromPlaceCode(BaselineSpec spec, Arena arena, BinCentres centres, double[,] values)
    {
        var width = spec.GetDouble("width");
        var latticeX = LatticeNodes(arena.CentreXCm, arena.WidthCm, spec.GetDouble("lattice"));
        var latticeY = LatticeNodes(arena.CentreYCm, arena.HeightCm, spec.GetDouble("lattice"));
        var cellCount = latticeX.Length * latticeY.Length;
        if (cellCount > MaxLatticeCells)
        {
            throw new NotSupportedException(
                $"random-relu: a place-cell lattice of {spec.GetText("lattice")} on a {arena} needs " +
                $"{latticeX.Length} × {latticeY.Length} = {cellCount} cells; at most {MaxLatticeCells} are " +
                "supported (cost grows as cells × bins × d). Raise lattice (and width with it).");
        }

        // The place code is separable, r(x, y) = gx(x)·gy(y), and bin centres form a product grid, so
        // h = Gx W Gyᵀ costs columns·K + columns·rows·|gy| per feature instead of bins·K.
        var gx = Tuning(centres.ColumnX, latticeX, width);
        var gy = Tuning(centres.RowY, latticeY, width);
        var scale = 1 / Math.Sqrt(cellCount);
        var weights = new double[latticeX.Length, latticeY.Length];
        var partial = new double[centres.ColumnX.Length, latticeY.Length];

        for (var j = 0; j < values.GetLength(1); j++)
        {
            var random = SeededRandom.ForFeature(spec.Seed, Name, j);
            for (var a = 0; a < latticeX.Length; a++)
            {
                for (var b = 0; b < latticeY.Length; b++)
                {
                    weights[a, b] = random.NextGaussian() * scale;
                }
            }

            var (qx, qy) = arena.SamplePoint(random);
            var threshold = Projection(
                weights, Tuning([qx], latticeX, width), 0, Tuning([qy], latticeY, width), 0);

            MultiplyLeft(gx, weights, partial);
            for (var i = 0; i < centres.Count; i++)
            {
                var h = 0.0;
                var (column, row) = (centres.Columns[i], centres.Rows[i]);
                for (var b = 0; b < latticeY.Length; b++)
                {
                    h += partial[column, b] * gy[row, b];
                }

                values[i, j] = Math.Max(0, h - threshold);
            }
        }
    }

    /// <summary>Lattice coordinates on one axis: spacing apart, symmetric about the centre.</summary>
    private static double[] LatticeNodes(double centre, double extent, double spacing)
    {
        var count = (int)Math.Floor(extent / spacing * (1 + 1e-12)) + 1;
        return Enumerable.Range(0, count).Select(a => centre + (a - (count - 1) / 2.0) * spacing).ToArray();
    }

    /// <summary>(positions × nodes) one-dimensional Gaussian tuning exp(−(p − node)² / 2σ²).</summary>
    private static double[,] Tuning(double[] positions, double[] nodes, double width)
    {
        var tuning = new double[positions.Length, nodes.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            for (var a = 0; a < nodes.Length; a++)
            {
                var delta = positions[i] - nodes[a];
                tuning[i, a] = Math.Exp(-delta * delta / (2 * width * width));
            }
        }

        return tuning;
    }

    private static double Projection(double[,] weights, double[,] gx, int xRow, double[,] gy, int yRow)
    {
        var sum = 0.0;
        for (var a = 0; a < weights.GetLength(0); a++)
        {
            var inner = 0.0;
            for (var b = 0; b < weights.GetLength(1); b++)
            {
                inner += weights[a, b] * gy[yRow, b];
            }

            sum += gx[xRow, a] * inner;
        }

        return sum;
    }

    /// <summary>result = gx · weights, (columns × |gx nodes|) · (|gx nodes| × |gy nodes|).</summary>
    private static void MultiplyLeft(double[,] gx, double[,] weights, double[,] result)
    {
        for (var c = 0; c < gx.GetLength(0); c++)
        {
            for (var b = 0; b < weights.GetLength(1); b++)
            {
                result[c, b] = 0;
            }

            for (var a = 0; a < weights.GetLength(0); a++)
            {
                var g = gx[c, a];
                for (var b = 0; b < weights.GetLength(1); b++)
                {
                    result[c, b] += g * weights[a, b];
                }
            }
        }
    }
}
