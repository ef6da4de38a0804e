using ScottPlot;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Draws the figures of one run: example rate maps, the r_norm histogram and the ceilings.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>rate_maps.png</c>: actual and held-out predicted maps of the best, median and worst included
/// neuron by held-out r (not r_norm), each panel titled with its rank. Each row shares one colour scale,
/// from 0 Hz to the 99th percentile of the actual map (a single bin with a few spikes in a short visit would
/// otherwise set the scale and leave the rest dark), so over- and under-prediction show as saturation. Bins
/// without data are blank.</item>
/// <item><c>r_norm_histogram.png</c>: r / √ρ over the included neurons, with the median and the
/// ceiling (1) marked.</item>
/// <item><c>ceiling_distribution.png</c>: split-half reliability ρ over the neurons where it is defined;
/// the title counts those where it is not.</item>
/// </list>
/// </remarks>
internal static class RunFigures
{
    internal const string RateMapsFile = "rate_maps.png";
    internal const string RNormHistogramFile = "r_norm_histogram.png";
    internal const string CeilingFile = "ceiling_distribution.png";

    internal static void WriteAll(string folder, RunResult result)
    {
        RateMaps(Path.Combine(folder, RateMapsFile), result);
        RNormHistogram(Path.Combine(folder, RNormHistogramFile), result.Neurons, result.Summary);
        Ceilings(Path.Combine(folder, CeilingFile), result.Neurons);
    }

    /// <summary>Best, median and worst neuron indexes (into the recording order) with their labels.</summary>
    /// <remarks>All three are ranked by held-out r among the included neurons (all neurons when none is
    /// included): r_norm divides by a noisy ceiling and would put the least reliable neurons at the top. The
    /// label says so, such as <c>median of 62 by held-out r</c>, because the panel also shows r_norm and a
    /// reader would otherwise assume the order is by r_norm. With an even count the median is the lower of
    /// the two middle neurons.</remarks>
    internal static IReadOnlyList<(int Neuron, string Label)> Examples(IReadOnlyList<NeuronScore> neurons)
    {
        var included = Ranked(neurons, n => n.Exclusion is null ? n.R : double.NaN);
        var ranked = included.Count > 0 ? included : Ranked(neurons, n => n.R);
        if (ranked.Count == 0)
        {
            return [];
        }

        string Label(string rank) => $"{rank} of {ranked.Count} by held-out r";
        var picks = new List<(int, string)> { (ranked[0], Label("best")) };
        if (ranked.Count > 2)
        {
            picks.Add((ranked[ranked.Count / 2], Label("median")));
        }

        if (ranked.Count > 1)
        {
            picks.Add((ranked[^1], Label("worst")));
        }

        return picks;
    }

    internal static void RateMaps(string path, RunResult result)
    {
        var examples = Examples(result.Neurons);
        if (examples.Count == 0)
        {
            var empty = new Plot();
            empty.Title("No neuron has a defined score: nothing to show");
            FigureStyle.Save(empty, path, 900, 400);
            return;
        }

        var figure = new Multiplot();
        figure.AddPlots(2 * examples.Count);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: examples.Count, columns: 2);
        var panel = 0;
        foreach (var (neuron, label) in examples)
        {
            var score = result.Neurons[neuron];
            var actual = result.Actual.Column(neuron);
            var predicted = Enumerable.Range(0, result.Grid.BinCount)
                .Select(b => result.Predicted[b, neuron]).ToArray();
            var range = new ScottPlot.Range(0, ColourTop(actual));

            AddMap(figure.GetPlot(panel++), result.Grid, actual, range, $"{score.NeuronId} ({label}): actual");
            var scoreText = $"r = {FigureStyle.Number(score.R)}, r_norm = {FigureStyle.Number(score.RNorm)}";
            AddMap(figure.GetPlot(panel++), result.Grid, predicted, range, $"held-out prediction: {scoreText}");
        }

        FigureStyle.Save(figure, path, 1100, 420 * examples.Count);
    }

    internal static void RNormHistogram(string path, IReadOnlyList<NeuronScore> neurons, RunSummary summary)
    {
        var values = neurons.Where(n => n.Exclusion is null && double.IsFinite(n.RNorm)).Select(n => n.RNorm).ToArray();
        var plot = new Plot();
        FigureStyle.Apply(plot, $"Normalised predictivity ({values.Length} neurons, {summary.Model})",
            "r_norm = r / √ρ (dimensionless)", "neurons");
        if (values.Length > 0)
        {
            var low = Math.Min(0, values.Min());
            var high = Math.Max(1.05, values.Max());
            var histogram = ScottPlot.Statistics.Histogram.WithBinSize(0.05, low, high + 0.05);
            histogram.AddRange(values);
            plot.Add.Histogram(histogram, FigureStyle.Palette[0]);
            var median = plot.Add.VerticalLine(summary.MedianRNorm.Estimate, 2, FigureStyle.Palette[1]);
            var estimate = summary.MedianRNorm;
            median.LegendText = $"median {FigureStyle.Number(estimate.Estimate)} " +
                $"[{FigureStyle.Number(estimate.CiLow)}, {FigureStyle.Number(estimate.CiHigh)}] 95 % CI";
            var ceiling = plot.Add.VerticalLine(1, 2, Colors.Gray, LinePattern.Dashed);
            ceiling.LegendText = "noise ceiling (r_norm = 1)";
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Axes.SetLimitsY(0, CountAxisTop(histogram.Counts));
            FigureStyle.CountAxis(plot.Axes.Left);
        }

        FigureStyle.Save(plot, path);
    }

    internal static void Ceilings(string path, IReadOnlyList<NeuronScore> neurons)
    {
        var values = neurons.Where(n => double.IsFinite(n.Ceiling)).Select(n => n.Ceiling).ToArray();
        var undefined = neurons.Count - values.Length;
        var plot = new Plot();
        FigureStyle.Apply(plot,
            $"Noise ceiling: {values.Length} of {neurons.Count} neurons defined ({undefined} with split-half r ≤ 0)",
            "split-half reliability ρ (Spearman–Brown, dimensionless)", "neurons");
        if (values.Length > 0)
        {
            var histogram = ScottPlot.Statistics.Histogram.WithBinSize(0.05, 0, 1.0001);
            histogram.AddRange(values);
            plot.Add.Histogram(histogram, FigureStyle.Palette[2]);
            plot.Axes.SetLimitsY(0, CountAxisTop(histogram.Counts));
            plot.Axes.SetLimitsX(0, 1);
            FigureStyle.CountAxis(plot.Axes.Left);
        }

        FigureStyle.Save(plot, path);
    }

    /// <summary>Top of a histogram's count axis: a third above the tallest bar, and at least one count above it,
    /// so the legend in the upper corner never covers a bar and the tallest bar does not touch the frame.</summary>
    internal static double CountAxisTop(IReadOnlyList<int> counts)
    {
        var tallest = counts.Count == 0 ? 0 : counts.Max();
        return Math.Max(tallest * 4.0 / 3, tallest + 1);
    }

    /// <summary>The 99th percentile of the finite values (linear interpolation), at least 1e-9; 1 when none.</summary>
    internal static double ColourTop(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            return 1;
        }

        var position = 0.99 * (finite.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, finite.Length - 1);
        var top = finite[below] + (position - below) * (finite[above] - finite[below]);
        return Math.Max(top, 1e-9);
    }

    private static List<int> Ranked(IReadOnlyList<NeuronScore> neurons, Func<NeuronScore, double> key) =>
        Enumerable.Range(0, neurons.Count)
            .Where(i => double.IsFinite(key(neurons[i])))
            .OrderByDescending(i => key(neurons[i]))
            .ThenBy(i => neurons[i].NeuronId, StringComparer.Ordinal)
            .ToList();

    private static void AddMap(Plot plot, SpatialGrid grid, double[] values, ScottPlot.Range range, string title)
    {
        var heatmap = SpatialHeatmap.Add(plot, grid, bin => values[bin]);
        heatmap.ManualRange = range;
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "rate (Hz)";
        colorBar.LabelStyle.FontSize = FigureStyle.TickSize;
        FigureStyle.Apply(plot, title, "x (cm)", "y (cm)");
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.SquareUnits();
    }
}
