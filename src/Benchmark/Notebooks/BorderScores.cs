using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Border scores of rate maps (Solstad et al. 2008): how much a cell fires along one wall and
/// nowhere else.</summary>
/// <remarks>
/// <para>b = (c_M − d_m) / (c_M + d_m), in [−1, 1]. Firing fields are 4-connected groups of visited bins
/// whose rate exceeds <c>fieldThreshold</c> × the map's peak and that cover at least
/// <c>minimumFieldAreaCm2</c>. c_M is the largest fraction of one wall's visited bins covered by a single
/// field, over fields and the four walls. d_m is the rate-weighted mean distance of field bins (their
/// centres) to the nearest wall, divided by half the shorter side of the grid. A field lining a whole wall
/// and one bin deep gives b near 1; a field away from every wall gives c_M = 0, hence b = −1.</para>
/// <para>Solstad T, Boccara CN, Kropff E, Moser M-B, Moser EI (2008). Representation of geometric borders
/// in the entorhinal cortex. Science 322:1865–1868. They call cells with b &gt; 0.5 border cells.</para>
/// <para>Limitation: the walls are taken to be the grid's outer edges, which holds for a rectangular arena
/// gridded with <see cref="SpatialGrid.ForArena"/>; a circular arena has no straight walls and its score
/// from this method is not meaningful. The experimenters' own labels, where a file has them, come first.
/// </para>
/// </remarks>
public static class BorderScores
{
    /// <summary>Default field threshold: a fraction of the peak rate.</summary>
    public const double DefaultFieldThreshold = 0.3;

    /// <summary>Default smallest field, cm².</summary>
    public const double DefaultMinimumFieldAreaCm2 = 200;

    /// <summary>The border score of every column of <paramref name="maps"/>; NaN where a map has no field.</summary>
    public static double[] Compute(SpatialMaps maps, double fieldThreshold = DefaultFieldThreshold,
        double minimumFieldAreaCm2 = DefaultMinimumFieldAreaCm2)
    {
        ArgumentNullException.ThrowIfNull(maps);
        return Enumerable.Range(0, maps.ColumnCount)
            .Select(j => Compute(maps.Column(j), maps.Grid, fieldThreshold, minimumFieldAreaCm2))
            .ToArray();
    }

    /// <summary>The border score of one map (one value per bin in grid order, NaN = unvisited).</summary>
    /// <returns>b in [−1, 1], or NaN when the map has no finite positive peak or no field large enough.</returns>
    public static double Compute(IReadOnlyList<double> map, SpatialGrid grid,
        double fieldThreshold = DefaultFieldThreshold, double minimumFieldAreaCm2 = DefaultMinimumFieldAreaCm2)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(grid);
        if (map.Count != grid.BinCount)
        {
            throw new ArgumentException(
                $"The map has {map.Count} values but the grid has {grid.BinCount} bins ({grid}).", nameof(map));
        }

        if (!(fieldThreshold > 0 && fieldThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fieldThreshold), fieldThreshold,
                "The field threshold is a fraction of the peak rate, strictly between 0 and 1.");
        }

        if (!(minimumFieldAreaCm2 >= 0) || double.IsInfinity(minimumFieldAreaCm2))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumFieldAreaCm2), minimumFieldAreaCm2,
                "The smallest field area must be a finite number of cm² ≥ 0.");
        }

        var finite = map.Where(double.IsFinite).ToArray();
        if (finite.Length == 0 || finite.Max() <= 0)
        {
            return double.NaN;
        }

        var cutoff = fieldThreshold * finite.Max();
        var fields = Fields(map, grid, cutoff).Where(f => f.Sum(b => BinArea(grid, b)) >= minimumFieldAreaCm2)
            .ToList();
        if (fields.Count == 0)
        {
            return double.NaN;
        }

        var coverage = fields.Max(field => Walls(grid, map).Max(wall =>
            wall.Count == 0 ? 0 : (double)wall.Count(field.Contains) / wall.Count));
        var halfSide = Math.Min(grid.XEdges[^1] - grid.XEdges[0], grid.YEdges[^1] - grid.YEdges[0]) / 2;
        var fieldBins = fields.SelectMany(f => f).ToList();
        var weightedDistance = fieldBins.Sum(b => map[b] * WallDistance(grid, b)) / fieldBins.Sum(b => map[b]);
        var distance = weightedDistance / halfSide;
        return (coverage - distance) / (coverage + distance);
    }

    private static List<HashSet<int>> Fields(IReadOnlyList<double> map, SpatialGrid grid, double cutoff)
    {
        var assigned = new bool[grid.BinCount];
        var fields = new List<HashSet<int>>();
        for (var start = 0; start < grid.BinCount; start++)
        {
            if (assigned[start] || !(map[start] > cutoff))
            {
                continue;
            }

            var field = new HashSet<int>();
            var pending = new Stack<int>();
            pending.Push(start);
            assigned[start] = true;
            while (pending.Count > 0)
            {
                var bin = pending.Pop();
                field.Add(bin);
                var (column, row) = grid.BinCoordinates(bin);
                (int Column, int Row)[] neighbours =
                    [(column - 1, row), (column + 1, row), (column, row - 1), (column, row + 1)];
                foreach (var (c, r) in neighbours)
                {
                    if (c < 0 || r < 0 || c >= grid.ColumnCount || r >= grid.RowCount)
                    {
                        continue;
                    }

                    var next = r * grid.ColumnCount + c;
                    if (!assigned[next] && map[next] > cutoff)
                    {
                        assigned[next] = true;
                        pending.Push(next);
                    }
                }
            }

            fields.Add(field);
        }

        return fields;
    }

    /// <summary>Visited bins along the west, east, south and north walls.</summary>
    private static IEnumerable<List<int>> Walls(SpatialGrid grid, IReadOnlyList<double> map)
    {
        var (columns, rows) = (grid.ColumnCount, grid.RowCount);
        var west = Enumerable.Range(0, rows).Select(r => r * columns);
        var east = Enumerable.Range(0, rows).Select(r => r * columns + columns - 1);
        var south = Enumerable.Range(0, columns);
        var north = Enumerable.Range(0, columns).Select(c => (rows - 1) * columns + c);
        return new[] { west, east, south, north }.Select(w => w.Where(b => double.IsFinite(map[b])).ToList());
    }

    private static double WallDistance(SpatialGrid grid, int bin)
    {
        var (x, y) = grid.BinCentre(bin);
        var toVerticalWall = Math.Min(x - grid.XEdges[0], grid.XEdges[^1] - x);
        var toHorizontalWall = Math.Min(y - grid.YEdges[0], grid.YEdges[^1] - y);
        return Math.Min(toVerticalWall, toHorizontalWall);
    }

    private static double BinArea(SpatialGrid grid, int bin)
    {
        var (column, row) = grid.BinCoordinates(bin);
        return (grid.XEdges[column + 1] - grid.XEdges[column]) * (grid.YEdges[row + 1] - grid.YEdges[row]);
    }
}
