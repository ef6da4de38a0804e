using System.Globalization;
using ScottPlot;

namespace NeuralPredictivity.Benchmark;

/// <summary>Draws the sweep figures from the rows of <c>sweep.csv</c>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>predictivity_vs_pr.png</c>: median r_norm of every unit against its participation ratio on a
/// log axis, one colour per family, and each family's least-squares line of median r_norm on
/// log10(PR), whose slope (change in median r_norm per tenfold increase in PR) is in the legend.</item>
/// <item><c>predictivity_vs_d.png</c>: the same scores against nominal dimension d on a log axis; each
/// seed is a point and the line joins the mean over seeds at each d.</item>
/// </list>
/// Units whose score or participation ratio is undefined (NaN) are left out of the plot and the fit.
/// </remarks>
internal static class SweepFigures
{
    private const string ScoreLabel = "median r_norm = r / √ρ over neurons (dimensionless)";

    /// <summary>Least-squares fit y = intercept + slope · log10(x).</summary>
    internal static (double Intercept, double Slope)? FitLogLine(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var points = xs.Zip(ys).Where(p => p.First > 0 && double.IsFinite(p.First) && double.IsFinite(p.Second))
            .Select(p => (X: Math.Log10(p.First), Y: p.Second)).ToList();
        if (points.Select(p => p.X).Distinct().Count() < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxy / sxx;
        return (meanY - slope * meanX, slope);
    }

    internal static void PredictivityVsParticipationRatio(string path, IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot, $"Predictivity against effective dimensionality ({dataset})",
            "participation ratio of the features (log scale, dimensionless)", ScoreLabel);
        var usable = rows.Where(r => r.ParticipationRatio > 0 && double.IsFinite(r.MedianRNorm)).ToList();
        var families = Families(rows);
        for (var f = 0; f < families.Count; f++)
        {
            var (color, marker, pattern) = FigureStyle.Series(f);
            var points = usable.Where(r => r.Family == families[f]).ToList();
            var xs = points.Select(r => r.ParticipationRatio).ToList();
            var ys = points.Select(r => r.MedianRNorm).ToList();
            var fit = FitLogLine(xs, ys);
            var legend = fit is { } line
                ? $"{families[f]}: slope {line.Slope.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} " +
                    "per decade"
                : $"{families[f]}: too few points to fit";
            if (points.Count > 0)
            {
                var scatter = plot.Add.ScatterPoints(xs.Select(Math.Log10).ToArray(), ys.ToArray(), color);
                scatter.MarkerSize = 8;
                scatter.MarkerShape = marker;
                scatter.LegendText = legend;
            }

            if (fit is { } fitted)
            {
                var lo = Math.Log10(xs.Min());
                var hi = Math.Log10(xs.Max());
                var segment = plot.Add.Line(
                    lo, fitted.Intercept + fitted.Slope * lo, hi, fitted.Intercept + fitted.Slope * hi);
                segment.Color = color;
                segment.LineWidth = 2;
                segment.LinePattern = pattern;
            }
        }

        FinishLogX(plot, usable.Select(r => r.ParticipationRatio).ToList());
        FigureStyle.Save(plot, path, 1200, 700);
    }

    internal static void PredictivityVsNominalDimension(string path, IReadOnlyList<SummaryRow> rows, string dataset)
    {
        var plot = new Plot();
        FigureStyle.Apply(plot, $"Predictivity against nominal dimension ({dataset})",
            "nominal dimension d (feature columns, log scale)", ScoreLabel);
        var usable = rows.Where(r => r.NominalD > 0 && double.IsFinite(r.MedianRNorm)).ToList();
        var families = Families(rows);
        for (var f = 0; f < families.Count; f++)
        {
            var (color, marker, pattern) = FigureStyle.Series(f);
            var points = usable.Where(r => r.Family == families[f]).ToList();
            if (points.Count == 0)
            {
                continue;
            }

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
            line.LegendText = $"{families[f]} (mean over {points.Select(r => r.UnitSeed).Distinct().Count()} seeds)";
        }

        FinishLogX(plot, usable.Select(r => (double)r.NominalD!.Value).ToList());
        FigureStyle.Save(plot, path, 1200, 700);
    }

    private static List<string> Families(IReadOnlyList<SummaryRow> rows) =>
        rows.Select(r => r.Family ?? r.Model).Distinct().ToList();

    private static void FinishLogX(Plot plot, IReadOnlyList<double> xs)
    {
        if (xs.Count == 0)
        {
            plot.Title(plot.Axes.Title.Label.Text + ": no finished unit with a defined score yet");
            return;
        }

        FigureStyle.LogAxis(plot.Axes.Bottom, xs.Min(), xs.Max());
        var lo = Math.Log10(xs.Min());
        var hi = Math.Log10(xs.Max());
        var pad = Math.Max(0.05, 0.05 * (hi - lo));
        plot.Axes.SetLimitsX(lo - pad, hi + pad);
        plot.ShowLegend(Edge.Right);
    }
}
