using System.Globalization;
using ScottPlot;

namespace NeuralPredictivity.Benchmark;

/// <summary>Shared look of every figure: sizes, fonts, palette and the log-scaled axis.</summary>
internal static class FigureStyle
{
    internal const int Width = 900;
    internal const int Height = 640;
    internal const float TitleSize = 16;
    internal const float LabelSize = 15;
    internal const float TickSize = 13;

    /// <summary>Colour-blind-safe categorical palette: Okabe–Ito without its yellow (too pale on white),
    /// then black and wine.</summary>
    internal static IReadOnlyList<Color> Palette { get; } =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#882255"),
    ];

    /// <summary>Marker shapes that tell series apart once the palette's colours repeat.</summary>
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <summary>The look of series <paramref name="index"/>: every series differs from the others in colour or,
    /// past the palette's eight colours, in marker shape and line pattern (solid, then dashed, then dotted).
    /// </summary>
    internal static (Color Color, MarkerShape Marker, LinePattern Pattern) Series(int index)
    {
        var round = index / Palette.Count;
        var pattern = (round % 3) switch { 0 => LinePattern.Solid, 1 => LinePattern.Dashed, _ => LinePattern.Dotted };
        return (Palette[index % Palette.Count], Shapes[round % Shapes.Length], pattern);
    }

    internal static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
    }

    /// <summary>Labels a count axis with whole numbers only.</summary>
    internal static void CountAxis(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    /// <summary>Turns <paramref name="axis"/> into a log10 axis for data plotted as log10(value), showing
    /// [<paramref name="lowLog"/>, <paramref name="highLog"/>]; <paramref name="powersOfTwo"/> labels powers of
    /// 2 first, for an axis of nominal dimensions d.</summary>
    /// <remarks>
    /// ScottPlot draws linear axes; a log axis is drawn by plotting log10 of the data and labelling ticks with the
    /// original values, placed by <see cref="LogAxisTicks"/> so that any span, from a sliver of a decade to many
    /// decades, carries labelled ticks among the data.
    /// </remarks>
    internal static void LogAxis(IAxis axis, double lowLog, double highLog, bool powersOfTwo = false)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var tick in LogAxisTicks.Place(lowLog, highLog, powersOfTwo))
        {
            if (tick.Label is { } label)
            {
                ticks.AddMajor(tick.Position, label);
            }
            else
            {
                ticks.AddMinor(tick.Position);
            }
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>Saves the plot as PNG at <paramref name="path"/> (written whole, then renamed).</summary>
    internal static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        var temporary = path + ".tmp";
        plot.SavePng(temporary, width, height);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Saves a multi-panel figure as PNG at <paramref name="path"/>.</summary>
    internal static void Save(Multiplot figure, string path, int width, int height)
    {
        var temporary = path + ".tmp";
        figure.SavePng(temporary, width, height);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A number for a figure label, invariant culture, NaN as "NaN".</summary>
    /// <remarks>A value that rounds to zero prints without a sign ("-0.00" reads as a negative score).</remarks>
    internal static string Number(double value, string format = "0.00")
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && double.Parse(text, CultureInfo.InvariantCulture) == 0 ? text[1..] : text;
    }
}
