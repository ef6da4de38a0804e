using ScottPlot;

namespace NeuralPredictivity.Benchmark;

/// <summary>Draws the sweep figures from the rows of <c>sweep.csv</c>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>predictivity_vs_pr.png</c>: median r_norm of every unit against its participation ratio on a
/// log axis, one colour per family, and each family's least-squares line of median r_norm on
/// log10(PR), whose slope (change in median r_norm per tenfold increase in PR) is in the legend.</item>
/// <item><c>predictivity_vs_d.png</c>: the same scores against nominal dimension d on a log axis; each
/// seed is a point, the line joins the mean over seeds at each d, and the legend gives the slope of the
/// least-squares line of every seed's score on log10(d).</item>
/// </list>
/// A slope (and on the PR figure its line) is shown only when the family's x values span at least a factor
/// of 2 (<see cref="LogLineFit"/>); otherwise the legend gives the range and says it is too narrow for one.
/// Units whose score or x is undefined (NaN) are left out of the plot and the fit; a family with no such
/// point is left out of the figure and named in its title. With no point at all there is no figure: the
/// build methods return null and the save methods write nothing.
/// </remarks>
internal static class SweepFigures
{
    private const string ScoreLabel = "median r_norm = r / √ρ over neurons (dimensionless)";

    // Wide enough for a legend that states each family's slope and range beside a plot area of ~900 px.
    private const int FigureWidth = 1400;
    private const int FigureHeight = 700;

    /// <summary>Writes <c>predictivity_vs_pr.png</c>; false (and nothing written) when no unit has both a
    /// finite score and a positive participation ratio.</summary>
    internal static bool PredictivityVsParticipationRatio(string path, IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var plot = ParticipationRatioPlot(rows, dataset);
        if (plot is not null)
        {
            FigureStyle.Save(plot, path, FigureWidth, FigureHeight);
        }

        return plot is not null;
    }

    /// <summary>Writes <c>predictivity_vs_d.png</c>; false (and nothing written) when no unit has a finite
    /// score.</summary>
    internal static bool PredictivityVsNominalDimension(string path, IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var plot = NominalDimensionPlot(rows, dataset);
        if (plot is not null)
        {
            FigureStyle.Save(plot, path, FigureWidth, FigureHeight);
        }

        return plot is not null;
    }

    /// <summary>The figure of median r_norm against participation ratio, or null when no point can be drawn.
    /// </summary>
    internal static Plot? ParticipationRatioPlot(IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var usable = rows.Where(r => r.ParticipationRatio > 0 && double.IsFinite(r.ParticipationRatio)
                                     && double.IsFinite(r.MedianRNorm)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var families = Families(rows);
        var slots = SeriesSlots(families);
        var title = Title("Predictivity against effective dimensionality", dataset, families, usable,
            "no unit with a finite score and participation ratio");
        FigureStyle.Apply(plot, title,
            "participation ratio of the features (log scale, dimensionless)", ScoreLabel);
        for (var f = 0; f < families.Count; f++)
        {
            var points = usable.Where(r => Family(r) == families[f]).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var (color, marker, pattern) = FigureStyle.Series(slots[families[f]]);
            var xs = points.Select(r => r.ParticipationRatio).ToList();
            var ys = points.Select(r => r.MedianRNorm).ToList();
            var fit = LogLineFit.Of(xs, ys);
            var scatter = plot.Add.ScatterPoints(xs.Select(Math.Log10).ToArray(), ys.ToArray(), color);
            scatter.MarkerSize = 8;
            scatter.MarkerShape = marker;
            scatter.LegendText = $"{families[f]}: {fit.Describe("PR")}";
            if (fit.HasSlope)
            {
                var (lo, hi) = (Math.Log10(fit.Low), Math.Log10(fit.High));
                var segment = plot.Add.Line(lo, fit.Intercept + fit.Slope * lo, hi, fit.Intercept + fit.Slope * hi);
                segment.Color = color;
                segment.LineWidth = 2;
                segment.LinePattern = pattern;
            }
        }

        FinishLogX(plot, usable.Select(r => r.ParticipationRatio).ToList(), powersOfTwo: false);
        return plot;
    }

    /// <summary>The figure of median r_norm against nominal dimension d, or null when no point can be drawn.
    /// </summary>
    internal static Plot? NominalDimensionPlot(IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var usable = rows.Where(r => r.NominalD > 0 && double.IsFinite(r.MedianRNorm)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var families = Families(rows);
        var slots = SeriesSlots(families);
        var title = Title("Predictivity against nominal dimension", $"{dataset}; dots are seeds, lines their means",
            families, usable,
            "no unit with a finite score");
        FigureStyle.Apply(plot, title,
            "nominal dimension d (features, or rank for trained PCs; log scale)", ScoreLabel);
        for (var f = 0; f < families.Count; f++)
        {
            var points = usable.Where(r => Family(r) == families[f]).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var (color, marker, pattern) = FigureStyle.Series(slots[families[f]]);
            var dots = plot.Add.ScatterPoints(
                points.Select(r => Math.Log10(r.NominalD!.Value)).ToArray(),
                points.Select(r => r.MedianRNorm).ToArray(),
                color);
            dots.MarkerSize = 6;
            dots.MarkerShape = marker;
            var means = points.GroupBy(r => r.NominalD!.Value).OrderBy(g => g.Key).ToList();
            var line = plot.Add.Scatter(
                means.Select(g => Math.Log10(g.Key)).ToArray(),
                means.Select(g => g.Average(r => r.MedianRNorm)).ToArray(),
                color);
            line.LineWidth = 2;
            line.LinePattern = pattern;
            line.MarkerSize = 0;
            var fit = LogLineFit.Of(
                points.Select(r => (double)r.NominalD!.Value).ToList(), points.Select(r => r.MedianRNorm).ToList());
            var seeds = points.Select(r => r.UnitSeed).Distinct().Count();
            line.LegendText = $"{families[f]} ({seeds} {(seeds == 1 ? "seed" : "seeds")}): {fit.Describe("d")}";
        }

        FinishLogX(plot, usable.Select(r => (double)r.NominalD!.Value).ToList(), powersOfTwo: true);
        return plot;
    }

    private static string Family(SummaryRow row) => row.Family ?? row.Model;

    private static List<string> Families(IReadOnlyList<SummaryRow> rows) => rows.Select(Family).Distinct().ToList();

    /// <summary>The series look of each family. The toolkit's families (<see cref="ModelSpec.FamilyNames"/>) keep
    /// their own slot in every figure, whatever the order of <c>--families</c>, so figures of different sweeps
    /// can be read side by side; other families (variants with parameters, such as
    /// <c>trained:reduce=units</c>) take the following slots in order of appearance.</summary>
    internal static Dictionary<string, int> SeriesSlots(IReadOnlyList<string> families)
    {
        var known = ModelSpec.FamilyNames;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = known.Count;
        foreach (var family in families)
        {
            var index = known.ToList().IndexOf(family);
            slots[family] = index >= 0 ? index : next++;
        }

        return slots;
    }

    /// <summary>The title, and on a second line the families left out because none of their units has a point.
    /// </summary>
    private static string Title(string what, string context, IReadOnlyList<string> families,
        IReadOnlyList<SummaryRow> usable, string whyLeftOut)
    {
        var missing = families.Where(f => !usable.Any(r => Family(r) == f)).ToList();
        return missing.Count == 0
            ? $"{what} ({context})"
            : $"{what} ({context})\nleft out, {whyLeftOut}: {string.Join(", ", missing)}";
    }

    private static void FinishLogX(Plot plot, IReadOnlyList<double> xs, bool powersOfTwo)
    {
        var lo = Math.Log10(xs.Min());
        var hi = Math.Log10(xs.Max());
        var pad = Math.Max(0.05, 0.05 * (hi - lo));
        FigureStyle.LogAxis(plot.Axes.Bottom, lo - pad, hi + pad, powersOfTwo);
        plot.Axes.SetLimitsX(lo - pad, hi + pad);
        plot.ShowLegend(Edge.Right);
    }
}
