using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// <c>--dataset</c>, <c>--arena</c> and <c>--bin-size</c>: where baseline maps are evaluated (the
/// recording's arena and grid), shared by the <c>models</c> subcommands.
/// </summary>
/// <remarks>
/// <c>--dataset</c> is resolved and read as <c>run</c> reads it (<see cref="DatasetOption"/>): a registered
/// name (bundled, or added with <c>datasets add</c> from native HDF5, NWB or MATLAB v7.3) or a recording file,
/// validated by the reader, whose <see cref="Recording.Arena"/> gives the arena and so the grid the run would
/// use. <c>--arena</c> replaces the dataset's arena, e.g. <c>square:150cm</c>, <c>rectangle:100x150cm</c> or
/// <c>circle:180cm</c>, centred at (0, 0); the dataset is then not read at all.
/// <para>
/// A run measures dimensionality on its regression bins: those the animal visited at running speed
/// (../shared/DESIGN.md, "Dimensionality"). A recording with position therefore also gives its visited bins
/// at <c>--min-speed</c>, so the participation ratio printed here is the one a run reports for the same spec;
/// with <c>--arena</c>, or a recording without position, every bin of the grid counts.
/// </para>
/// </remarks>
internal static class ArenaSource
{
    internal static readonly Option<string> Dataset = new("--dataset")
    {
        Description = "Recording whose arena and grid to use: a registered name (bundled, e.g. stensola2012_ben, " +
            "or added with datasets add; see datasets list) or a recording file (native HDF5, NWB 2.x).",
        DefaultValueFactory = _ => "stensola2012_ben",
    };

    internal static readonly Option<string?> Arena = new("--arena")
    {
        Description = "Arena instead of the dataset's, centred at (0, 0): square:150cm, rectangle:100x150cm or " +
            "circle:180cm.",
    };

    internal static readonly Option<string> BinSize = new("--bin-size")
    {
        Description = "Side of the square spatial bins (cm unless a unit is given: 5cm, 50mm, 0.05m).",
        DefaultValueFactory = _ => "5cm",
    };

    internal static readonly Option<string> MinSpeed = new("--min-speed")
    {
        Description = "Running speed in cm/s at or above which a position sample counts as a visit, as in run; " +
            "participation ratios are measured on the bins visited at that speed.",
        DefaultValueFactory = _ => "2.5",
    };

    internal static void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Arena);
        command.Options.Add(BinSize);
        command.Options.Add(MinSpeed);
    }

    /// <summary>The arena and grid the options choose, with a label naming where the arena came from and the
    /// bins the animal visited at <c>--min-speed</c> (null: every bin); null with the problems added when an
    /// option is wrong or the dataset cannot be opened.</summary>
    /// <remarks>As in <c>run</c>, the dataset is read only when <paramref name="problems"/> is still empty, so a
    /// mistyped option is reported at once, without reading a large recording first.</remarks>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="registry">Where <c>--dataset</c> names are looked up.</param>
    /// <param name="logger">Receives the reader's lines.</param>
    /// <param name="problems">Problems found so far; those of <c>--bin-size</c>, <c>--arena</c> and
    /// <c>--dataset</c> are added.</param>
    internal static MapSite? Resolve(
        ParseResult parse, DatasetRegistry registry, ILogger logger, List<SettingsProblem> problems)
    {
        var binSize = BinSizeOption.Read(parse.GetValue(BinSize)!, problems) ?? double.NaN;

        var speedText = parse.GetValue(MinSpeed)!;
        if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var minSpeed)
            || !(minSpeed >= 0) || double.IsInfinity(minSpeed))
        {
            problems.Add(new SettingsProblem(MinSpeed.Name, "a finite speed ≥ 0 in cm/s such as 2.5 (0 keeps every "
                + "tracked sample)", $"'{speedText}'"));
        }

        Datasets.Arena? given = null;
        if (parse.GetValue(Arena) is { } arenaText)
        {
            given = ParseArena(arenaText, problems);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        if (given is not null)
        {
            if (BinSizeOption.Check(given, binSize, "--arena") is { } binProblem)
            {
                problems.Add(binProblem);
                return null;
            }

            return new MapSite(given, SpatialGrid.ForArena(given, binSize), "--arena " + parse.GetValue(Arena), null,
                minSpeed);
        }

        var dataset = parse.GetValue(Dataset)!;
        try
        {
            var recording = DatasetOption.Open(registry, dataset, logger);
            var arena = DatasetOption.RequireArena(recording, dataset);
            if (BinSizeOption.Check(arena, binSize, $"'{dataset}'") is { } binProblem)
            {
                problems.Add(binProblem);
                return null;
            }

            var grid = SpatialGrid.ForArena(arena, binSize);
            var visited = recording.HasPosition
                ? RateMaps.Occupancy(recording, grid, new RateMapOptions { MinSpeedCmPerS = minSpeed })
                    .Select(seconds => seconds > 0).ToArray()
                : null;
            return new MapSite(arena, grid, $"{recording.Name}: {arena}", visited, minSpeed);
        }
        catch (InvalidSettingsException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    /// <summary>The arena <c>--arena</c> describes, or null with a problem naming the option.</summary>
    internal static Datasets.Arena? ParseArena(string text, List<SettingsProblem> problems)
    {
        var parts = text.Split(':', 2);
        var shape = parts[0].Trim().ToLowerInvariant();
        var size = parts.Length == 2 ? parts[1].Trim() : string.Empty;
        switch (shape)
        {
            case "square" when ParseLength(size) is var side and > 0:
                return Datasets.Arena.Square(side);
            case "circle" when ParseLength(size) is var diameter and > 0:
                return Datasets.Arena.Circle(diameter);
            case "rectangle":
                var sides = size.EndsWith("cm", StringComparison.OrdinalIgnoreCase) ? size[..^2] : size;
                var xy = sides.Split('x');
                if (xy.Length == 2 && ParseLength(xy[0]) is var width and > 0
                    && ParseLength(xy[1]) is var height and > 0)
                {
                    return Datasets.Arena.Rectangle(width, height);
                }

                break;
        }

        problems.Add(new SettingsProblem(Arena.Name,
            "square:<side>, rectangle:<width>x<height> or circle:<diameter> in cm (e.g. square:150cm, " +
            "rectangle:100x150cm, circle:180cm)", $"'{text}'"));
        return null;
    }

    private static double ParseLength(string text) => BinSizeOption.ParseCm(text);
}
