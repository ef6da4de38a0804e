using NeuralPredictivity.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Baselines;

/// <summary>
/// Low-rank and subset baselines of a trained representation: its top-d principal components, or d
/// of its units drawn at random.
/// </summary>
/// <remarks>
/// Both keep the grid and the NaN pattern of the input; only bins finite in every unit enter the
/// principal components. They answer whether a trained model's predictivity needs all of its
/// dimensions: a d-component projection has the model's leading spectrum and nothing else, a random
/// subset keeps single units' tuning but fewer of them.
/// </remarks>
public static class TruncatedFeatures
{
    /// <summary>Change, relative to the largest singular value s₁, below which a projected entry is the input
    /// entry up to rounding (the SVD reconstructs to a few ε·s₁ ≈ 1e-15·s₁).</summary>
    private const double RoundingTolerance = 1e-12;

    /// <summary>Scores of the top-<paramref name="dimension"/> principal components: (bins × d).</summary>
    /// <remarks>
    /// With X the (defined bins × units) map centred over bins and X = U S Vᵀ, the scores are
    /// U_d S_d = X V_d: column k has variance λ_k = s_k²/(bins − 1), descending, and the columns are
    /// uncorrelated, so the result's participation ratio is (Σ_{k≤d} λ_k)² / Σ_{k≤d} λ_k². The
    /// decomposition uses the smaller of XXᵀ and XᵀX (a symmetric eigenproblem in float64), which is
    /// exact and much faster than an SVD of a wide map. Each component's sign is fixed so that its
    /// largest-magnitude score is positive. Components beyond the rank of X have zero variance: d
    /// must not exceed min(defined bins − 1, units). Column ids are <c>PC1</c>, <c>PC2</c>, ….
    /// </remarks>
    /// <param name="features">(bins × units) map of a trained model.</param>
    /// <param name="dimension">Number of components d, 1 ≤ d ≤ min(defined bins − 1, units).</param>
    public static SpatialMaps PrincipalComponents(SpatialMaps features, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (rows, count) = BaselineMaps.DefinedRows(features);
        CheckComponentCount(features, count, dimension);

        var scores = Scores(rows, dimension);
        var values = new double[features.BinCount, dimension];
        var finite = features.FiniteBins();
        var row = 0;
        for (var bin = 0; bin < features.BinCount; bin++)
        {
            for (var k = 0; k < dimension; k++)
            {
                values[bin, k] = finite[bin] ? scores[row, k] : double.NaN;
            }

            row += finite[bin] ? 1 : 0;
        }

        var ids = Enumerable.Range(1, dimension).Select(k => $"PC{k}").ToArray();
        return new SpatialMaps(features.Grid, values, ids);
    }

    /// <summary>The map projected on its top-<paramref name="dimension"/> principal components, in unit
    /// coordinates: (bins × units), rank d.</summary>
    /// <remarks>
    /// With x̄ the mean over defined bins and X = U S Vᵀ the centred map, the projection is
    /// x̄ + X V_d V_dᵀ = x̄ + U_d S_d V_dᵀ: each unit keeps the part of its tuning that lies in the leading
    /// d-dimensional subspace. Its covariance has eigenvalues λ_1…λ_d and zeros, so its participation ratio
    /// equals that of <see cref="PrincipalComponents"/>, and ridge without standardisation gives the same
    /// predictions on either (the kernel X V_d V_dᵀ Xᵀ is the same). The difference is what column
    /// standardisation does: standardising the d score columns whitens them (every component, however
    /// small, gets unit variance), whereas standardising the projected units treats the truncated model
    /// like the full one, and d = units reproduces the full map. Regressions with standardised features
    /// should use this form. Entries the projection changes by no more than rounding (1e-12·s₁) keep their
    /// input value exactly: a silent unit of a ReLU network, or one silent in a fold's training bins, stays
    /// exactly constant there, so standardisation gives it no weight instead of blowing rounding noise up to
    /// unit variance. A d at or above the map's rank, min(defined bins − 1, units), keeps every component: the
    /// projection is then the map itself. Bins not finite in every unit stay NaN; column ids are the units'.
    /// </remarks>
    /// <param name="features">(bins × units) map of a trained model.</param>
    /// <param name="dimension">Number of components d, 1 ≤ d ≤ units.</param>
    public static SpatialMaps PrincipalSubspace(SpatialMaps features, int dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (dimension < 1 || dimension > features.ColumnCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimension), dimension,
                $"Principal subspace: d must lie in 1…{features.ColumnCount} (the map's units).");
        }

        var (rows, count) = BaselineMaps.DefinedRows(features);
        var projected = Project(rows, Math.Min(dimension, Math.Max(1, Math.Min(count - 1, features.ColumnCount))));
        var values = new double[features.BinCount, features.ColumnCount];
        var finite = features.FiniteBins();
        var row = 0;
        for (var bin = 0; bin < features.BinCount; bin++)
        {
            for (var unit = 0; unit < features.ColumnCount; unit++)
            {
                values[bin, unit] = finite[bin] ? projected[row, unit] : double.NaN;
            }

            row += finite[bin] ? 1 : 0;
        }

        return new SpatialMaps(features.Grid, values, features.ColumnIds.ToArray());
    }

    /// <summary><paramref name="dimension"/> units drawn without replacement, kept in their original order.</summary>
    /// <remarks>
    /// A uniform random subset (partial Fisher–Yates on the toolkit's SplitMix64 stream for
    /// <paramref name="seed"/>); the same seed gives the same units. Column ids are the units' ids.
    /// </remarks>
    /// <param name="features">(bins × units) map of a trained model.</param>
    /// <param name="dimension">Number of units d, 1 ≤ d ≤ units.</param>
    /// <param name="seed">Seed of the draw.</param>
    public static SpatialMaps RandomUnits(SpatialMaps features, int dimension, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (dimension < 1 || dimension > features.ColumnCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimension),
                dimension,
                $"Random units: d must lie in 1…{features.ColumnCount} (the map's units).");
        }

        var order = Enumerable.Range(0, features.ColumnCount).ToArray();
        var random = SeededRandom.ForFeature(seed, "random-units", 0);
        for (var i = 0; i < dimension; i++)
        {
            var k = i + random.NextInt(order.Length - i);
            (order[i], order[k]) = (order[k], order[i]);
        }

        var chosen = order[..dimension].Order().ToArray();
        var values = new double[features.BinCount, dimension];
        for (var bin = 0; bin < features.BinCount; bin++)
        {
            for (var j = 0; j < dimension; j++)
            {
                values[bin, j] = features.Values[bin, chosen[j]];
            }
        }

        return new SpatialMaps(features.Grid, values, chosen.Select(u => features.ColumnIds[u]).ToArray());
    }

    private static void CheckComponentCount(SpatialMaps features, int definedBins, int dimension)
    {
        var limit = Math.Min(definedBins - 1, features.ColumnCount);
        if (dimension < 1 || dimension > limit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimension), dimension,
                $"Principal components: d must lie in 1…{limit} (the map has {features.ColumnCount} units and " +
                $"{definedBins} bins defined in all of them; at most min(bins − 1, units) components carry " +
                "variance).");
        }
    }

    /// <summary>x̄ + X V_d V_dᵀ for a finite (rows × units) matrix: (rows × units).</summary>
    private static double[,] Project(double[,] rows, int dimension)
    {
        using var scope = NewDisposeScope();
        var x = ToTensor(rows);
        var mean = x.mean([0L], keepdim: true);
        var centred = x - mean;

        // U_d S_d V_dᵀ from a thin SVD of X itself, not an eigendecomposition of a Gram matrix: the Gram
        // matrix squares the condition number, and units with little variance (which standardisation
        // scales up) would carry errors of ε·λ₁/λ_d instead of ε·s₁.
        var (u, singular, vh) = linalg.svd(centred, fullMatrices: false);
        var projected = (u[.., ..dimension] * singular[..dimension].unsqueeze(0)).mm(vh[..dimension, ..]);

        // Entries the projection leaves unchanged up to rounding (errors are a few ε·s₁) keep their input
        // value exactly, so a unit that is exactly constant in some bins stays so.
        using var one = 1.ToScalar();
        var reconstructed = projected.add(mean, one);
        using var tolerance = RoundingTolerance.ToScalar();
        var unchanged = (reconstructed - x).abs().le(singular[0] * tolerance);
        reconstructed = where(unchanged, x, reconstructed);

        return ToArray(reconstructed);
    }

    /// <summary>(rows × d) principal component scores of a finite (rows × units) matrix.</summary>
    private static double[,] Scores(double[,] rows, int dimension)
    {
        var (binCount, unitCount) = (rows.GetLength(0), rows.GetLength(1));
        using var scope = NewDisposeScope();
        using var zero = 0.ToScalar();
        using var one = 1.ToScalar();
        var x = ToTensor(rows);
        var centred = x - x.mean([0L], keepdim: true);

        // eigh sorts eigenvalues ascending; the last d columns are the leading components.
        Tensor scores;
        if (binCount <= unitCount)
        {
            var (eigenvalues, u) = linalg.eigh(centred.mm(centred.t()));
            var leading = u[.., (int)(binCount - dimension)..].flip(1);
            var singular = eigenvalues[(int)(binCount - dimension)..].flip(0).clamp_min(zero).sqrt();
            scores = leading * singular.unsqueeze(0);
        }
        else
        {
            var (_, v) = linalg.eigh(centred.t().mm(centred));
            scores = centred.mm(v[.., (int)(unitCount - dimension)..].flip(1));
        }

        // Fix each component's sign: its largest-magnitude score is positive.
        var peak = scores.abs().argmax(0, keepdim: true);
        var sign = scores.gather(0, peak).sign();
        scores = scores * sign.add(sign.eq(zero).to_type(ScalarType.Float64), one);

        return ToArray(scores);
    }

    private static Tensor ToTensor(double[,] rows)
    {
        var flat = new double[rows.Length];
        Buffer.BlockCopy(rows, 0, flat, 0, flat.Length * sizeof(double));
        return tensor(flat, [rows.GetLength(0), rows.GetLength(1)], ScalarType.Float64);
    }

    private static double[,] ToArray(Tensor matrix)
    {
        var data = matrix.contiguous().data<double>().ToArray();
        var result = new double[matrix.shape[0], matrix.shape[1]];
        Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(double));
        return result;
    }
}
