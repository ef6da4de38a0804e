using System.CommandLine;
using System.Globalization;
using NeuralPredictivity.Datasets;
using PureHDF;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// <c>--dataset</c>, <c>--arena</c> and <c>--bin-size</c>: where baseline maps are evaluated (the
/// recording's arena and grid), shared by the <c>models</c> subcommands.
/// </summary>
/// <remarks>
/// A dataset is a bundled name (a file in the output's data/mec folder) or a path to a
/// <c>mec-spikes-position/1</c> file; its root attributes <c>arena_shape</c>, <c>arena_size_cm</c>
/// and <c>coordinate_origin</c> give the arena. <c>--arena</c> replaces the file's arena, e.g.
/// <c>square:150cm</c>, <c>rectangle:100x150cm</c> or <c>circle:180cm</c>, centred at (0, 0).
/// </remarks>
internal static class ArenaSource
{
    internal static readonly Option<string> Dataset = new("--dataset")
    {
        Description = "Recording whose arena and grid to use: a bundled name (e.g. stensola2012_ben, " +
            "hafting2005_fig2c_trial1) or the path of a mec-spikes-position/1 HDF5 file.",
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

    internal static void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Arena);
        command.Options.Add(BinSize);
    }

    /// <summary>The arena and grid the options choose; an <see cref="ArgumentException"/> names the option.</summary>
    internal static (Datasets.Arena Arena, SpatialGrid Grid, string Label) Resolve(ParseResult parse)
    {
        var binText = parse.GetValue(BinSize)!;
        var binSize = ParseLength(binText);
        if (!(binSize > 0))
        {
            throw new ArgumentException($"--bin-size: expected a positive length such as 5cm, got '{binText}'.");
        }

        var arenaText = parse.GetValue(Arena);
        var (arena, label) = arenaText is null
            ? FromDataset(parse.GetValue(Dataset)!)
            : (ParseArena(arenaText), "--arena " + arenaText);
        var grid = SpatialGrid.ForArena(arena, binSize);
        return (arena, grid, label);
    }

    internal static Datasets.Arena ParseArena(string text)
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

        throw new ArgumentException(
            $"--arena: expected square:<side>, rectangle:<width>x<height> or circle:<diameter> in cm " +
            $"(e.g. square:150cm, rectangle:100x150cm, circle:180cm), got '{text}'.");
    }

    private static (Datasets.Arena Arena, string Label) FromDataset(string dataset)
    {
        var path = ResolveDatasetPath(dataset);
        try
        {
            using var file = H5File.OpenRead(path);
            var shape = file.Attribute("arena_shape").Read<string>().Trim('\0', ' ');
            var size = file.Attribute("arena_size_cm").Read<double[]>();
            var origin = file.AttributeExists("coordinate_origin")
                ? file.Attribute("coordinate_origin").Read<string>().Trim('\0', ' ')
                : "arena centre";
            var atCorner = origin.StartsWith("box corner", StringComparison.OrdinalIgnoreCase);
            var (width, height) = size.Length > 0 ? (size[0], size[^1]) : (double.NaN, double.NaN);
            var (centreX, centreY) = atCorner ? (width / 2, height / 2) : (0.0, 0.0);
            var arena = (shape, size.Length) switch
            {
                // A "square" with two unequal sides is a rectangle, as the recording reader also decides.
                ("square", 1 or 2) when width == height => Datasets.Arena.Square(width, centreX, centreY),
                ("square", 2) or ("rectangle", 2) => Datasets.Arena.Rectangle(width, height, centreX, centreY),
                ("circle", 1) => Datasets.Arena.Circle(width, centreX, centreY),
                _ => throw new InvalidDataException(
                    $"{path}: /@arena_shape '{shape}' with /@arena_size_cm of {size.Length} value(s) is not a " +
                    "square or rectangle (1 or 2 sizes) or a circle (1 diameter); pass --arena instead."),
            };
            return (arena, $"{Path.GetFileNameWithoutExtension(path)}: {arena}");
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            throw new InvalidDataException(
                $"{path}: cannot read the arena attributes /@arena_shape and /@arena_size_cm ({ex.Message}); " +
                "pass --arena instead.", ex);
        }
    }

    private static string ResolveDatasetPath(string dataset)
    {
        if (File.Exists(dataset))
        {
            return dataset;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "data", "mec");
        var bundled = Path.Combine(folder, dataset + ".h5");
        if (File.Exists(bundled))
        {
            return bundled;
        }

        var known = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.h5").Select(Path.GetFileNameWithoutExtension).Order().ToArray()
            : [];
        throw new ArgumentException(
            $"--dataset: '{dataset}' is neither a file nor a bundled dataset; bundled: {string.Join(", ", known)}.");
    }

    private static double ParseLength(string text)
    {
        var trimmed = text.Trim();
        var (number, scale) = trimmed switch
        {
            _ when trimmed.EndsWith("mm", StringComparison.OrdinalIgnoreCase) => (trimmed[..^2], 0.1),
            _ when trimmed.EndsWith("cm", StringComparison.OrdinalIgnoreCase) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 100.0),
            _ => (trimmed, 1.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value * scale : double.NaN;
    }
}
