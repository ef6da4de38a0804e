using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Models;

/// <summary>Spatial autocorrelograms and 60°/90° grid scores of maps with unvisited (NaN) bins.</summary>
/// <remarks>
/// Autocorrelogram: for each lag (Δrow, Δcolumn), the Pearson r between the map and its shifted
/// copy over the bin pairs where both are finite (Sargolini et al. 2006); NaN bins are never
/// zero-filled, and a lag with fewer than <see cref="GridScoreOptions.MinimumPairs"/> pairs, or a
/// constant side, is NaN. It is (2·rows − 1) × (2·columns − 1), lag 0 at the centre.
/// Rotation: the autocorrelogram turned counterclockwise about its centre by 30, 45, 60, 90, 120,
/// 135 and 150°, by bilinear interpolation over finite neighbours (a value is kept only where
/// finite neighbours carry all the weight, up to 1e-9). For each ring mask, r(θ) is the Pearson r
/// between the autocorrelogram and its rotation over ring bins finite in both; the 60° score is
/// mean(r60, r120) − mean(r30, r90, r150) and the 90° score r90 − mean(r45, r135), each maximised
/// over the masks (Banino et al. 2018; Sorscher et al. 2019). An ideal hexagonal lattice gives
/// r60 = r120 ≈ 1; bins are assumed square, as on every <see cref="SpatialGrid"/>.
/// </remarks>
public static class GridScores
{
    private static readonly int[] Angles = [30, 45, 60, 90, 120, 135, 150];

    /// <summary>Grid scores of every column of a set of maps (bins × columns), in column order.</summary>
    public static IReadOnlyList<GridScore> Compute(SpatialMaps maps, GridScoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var scores = new GridScore[maps.ColumnCount];
        Parallel.For(0, maps.ColumnCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            column => scores[column] =
                Compute(maps.Column(column), maps.Grid.ColumnCount, maps.Grid.RowCount, options));
        return scores;
    }

    /// <summary>Grid scores of one map given as bins in <see cref="SpatialGrid"/> order (row-major,
    /// row 0 at the smallest y).</summary>
    public static GridScore Compute(
        IReadOnlyList<double> map, int columnCount, int rowCount, GridScoreOptions? options = null)
    {
        options ??= new GridScoreOptions();
        options.Validate();
        var sac = Autocorrelogram(map, columnCount, rowCount, options.MinimumPairs);
        var (height, width) = (sac.GetLength(0), sac.GetLength(1));
        var rotated = Angles.ToDictionary(a => a, a => Rotate(sac, a));
        var half = Math.Min(columnCount, rowCount);

        var best60 = (Score: double.NaN, Outer: double.NaN, Correlations: (IReadOnlyDictionary<int, double>?)null);
        var best90 = (Score: double.NaN, Outer: double.NaN);
        foreach (var outer in options.OuterRadii)
        {
            var ring = RingBins(height, width, options.InnerRadius * half, outer * half);
            var r = Angles.ToDictionary(a => a, a => RingCorrelation(sac, rotated[a], ring));
            var score60 = (r[60] + r[120]) / 2 - (r[30] + r[90] + r[150]) / 3;
            var score90 = r[90] - (r[45] + r[135]) / 2;
            if (double.IsFinite(score60) && !(score60 <= best60.Score))
            {
                best60 = (score60, outer, r);
            }

            if (double.IsFinite(score90) && !(score90 <= best90.Score))
            {
                best90 = (score90, outer);
            }
        }

        return new GridScore(best60.Score, best90.Score, best60.Outer, best90.Outer,
            best60.Correlations ?? Angles.ToDictionary(a => a, _ => double.NaN));
    }

    /// <summary>NaN-aware spatial autocorrelogram, (2·rows − 1) × (2·columns − 1), indexed
    /// [Δrow + rows − 1, Δcolumn + columns − 1].</summary>
    public static double[,] Autocorrelogram(
        IReadOnlyList<double> map, int columnCount, int rowCount, int minimumPairs = 20)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 1);
        if (map.Count != columnCount * rowCount)
        {
            throw new ArgumentException(
                $"Map has {map.Count} bins but the grid has {columnCount} × {rowCount} = " +
                $"{columnCount * rowCount}.", nameof(map));
        }

        var sac = new double[2 * rowCount - 1, 2 * columnCount - 1];
        var a = new List<double>(map.Count);
        var b = new List<double>(map.Count);
        for (var dy = -(rowCount - 1); dy < rowCount; dy++)
        {
            for (var dx = -(columnCount - 1); dx < columnCount; dx++)
            {
                a.Clear();
                b.Clear();
                for (var row = Math.Max(0, -dy); row < rowCount - Math.Max(0, dy); row++)
                {
                    for (var column = Math.Max(0, -dx); column < columnCount - Math.Max(0, dx); column++)
                    {
                        var (u, v) = (map[row * columnCount + column], map[(row + dy) * columnCount + column + dx]);
                        if (double.IsFinite(u) && double.IsFinite(v))
                        {
                            a.Add(u);
                            b.Add(v);
                        }
                    }
                }

                sac[dy + rowCount - 1, dx + columnCount - 1] = a.Count >= minimumPairs ? Pearson(a, b) : double.NaN;
            }
        }

        return sac;
    }

    /// <summary>The autocorrelogram turned counterclockwise by <paramref name="degrees"/> about its
    /// centre bin.</summary>
    internal static double[,] Rotate(double[,] sac, double degrees)
    {
        var (height, width) = (sac.GetLength(0), sac.GetLength(1));
        var (ci, cj) = ((height - 1) / 2.0, (width - 1) / 2.0);
        var (cos, sin) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        var result = new double[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                var (u, v) = (j - cj, i - ci);
                var sourceJ = u * cos + v * sin + cj;
                var sourceI = -u * sin + v * cos + ci;
                result[i, j] = Interpolate(sac, sourceI, sourceJ);
            }
        }

        return result;
    }

    private static double Interpolate(double[,] sac, double i, double j)
    {
        var (i0, j0) = ((int)Math.Floor(i), (int)Math.Floor(j));
        var (fy, fx) = (i - i0, j - j0);
        var (total, weight) = (0.0, 0.0);
        for (var di = 0; di <= 1; di++)
        {
            for (var dj = 0; dj <= 1; dj++)
            {
                var w = (di == 0 ? 1 - fy : fy) * (dj == 0 ? 1 - fx : fx);
                var (ii, jj) = (i0 + di, j0 + dj);
                if (w > 0 && ii >= 0 && ii < sac.GetLength(0) && jj >= 0 && jj < sac.GetLength(1)
                    && double.IsFinite(sac[ii, jj]))
                {
                    total += w * sac[ii, jj];
                    weight += w;
                }
            }
        }

        return weight >= 1 - 1e-9 ? total / weight : double.NaN;
    }

    private static List<(int I, int J)> RingBins(int height, int width, double inner, double outer)
    {
        var (ci, cj) = ((height - 1) / 2.0, (width - 1) / 2.0);
        var ring = new List<(int, int)>();
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                var distance = Math.Sqrt((i - ci) * (i - ci) + (j - cj) * (j - cj));
                if (distance > inner && distance <= outer)
                {
                    ring.Add((i, j));
                }
            }
        }

        return ring;
    }

    private static double RingCorrelation(double[,] sac, double[,] rotated, List<(int I, int J)> ring)
    {
        var a = new List<double>(ring.Count);
        var b = new List<double>(ring.Count);
        foreach (var (i, j) in ring)
        {
            if (double.IsFinite(sac[i, j]) && double.IsFinite(rotated[i, j]))
            {
                a.Add(sac[i, j]);
                b.Add(rotated[i, j]);
            }
        }

        return Pearson(a, b);
    }

    /// <summary>Pearson r; NaN for fewer than 2 pairs or a constant side (exact equality, see DESIGN).</summary>
    private static double Pearson(List<double> a, List<double> b)
    {
        if (a.Count < 2 || a.TrueForAll(v => v == a[0]) || b.TrueForAll(v => v == b[0]))
        {
            return double.NaN;
        }

        var (meanA, meanB) = (a.Average(), b.Average());
        var (sab, saa, sbb) = (0.0, 0.0, 0.0);
        for (var k = 0; k < a.Count; k++)
        {
            var (da, db) = (a[k] - meanA, b[k] - meanB);
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
