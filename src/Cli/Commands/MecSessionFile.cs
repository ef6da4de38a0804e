using PureHDF;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// The parts of a <c>mec-spikes-position/1</c> file the grid-score command needs: tracking, spike
/// times and the arena size. Display-only; the benchmark reads recordings through Datasets.
/// </summary>
internal sealed class MecSessionFile
{
    private MecSessionFile(string path, double[] t, double[] x, double[] y, string[] unitIds,
        double[][] spikeTimes, double arenaWidthCm, double arenaHeightCm)
    {
        (Path, T, X, Y, UnitIds, SpikeTimes) = (path, t, x, y, unitIds, spikeTimes);
        (ArenaWidthCm, ArenaHeightCm) = (arenaWidthCm, arenaHeightCm);
    }

    internal string Path { get; }

    internal double[] T { get; }

    internal double[] X { get; }

    internal double[] Y { get; }

    internal string[] UnitIds { get; }

    internal double[][] SpikeTimes { get; }

    internal double ArenaWidthCm { get; }

    internal double ArenaHeightCm { get; }

    internal static MecSessionFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: recording not found.", path);
        }

        try
        {
            using var file = H5File.OpenRead(path);
            var t = file.Dataset("/position/t").Read<double[]>();
            var x = file.Dataset("/position/x").Read<double[]>();
            var y = file.Dataset("/position/y").Read<double[]>();
            var ids = file.Dataset("/units/ids").Read<string[]>().Select(s => s.TrimEnd('\0', ' ')).Where(s => s.Length > 0)
                .ToArray();
            var spikes = ids.Select(id => file.Dataset($"/units/{id}/spike_times").Read<double[]>()).ToArray();
            var size = file.Attribute("arena_size_cm").Read<double[]>();
            if (size.Length is not (1 or 2) || size.Any(s => !(s > 0)))
            {
                throw new InvalidDataException(
                    $"{path}: attribute /arena_size_cm should hold 1 (diameter) or 2 (width, height) positive values, " +
                    $"found [{string.Join(", ", size)}].");
            }

            return new MecSessionFile(path, t, x, y, ids, spikes, size[0], size.Length == 2 ? size[1] : size[0]);
        }
        catch (Exception ex) when (ex is not InvalidDataException and not FileNotFoundException)
        {
            throw new InvalidDataException(
                $"{path}: not a readable mec-spikes-position/1 file (/position/t,x,y, /units/ids, " +
                $"/units/<id>/spike_times, attribute arena_size_cm): {ex.Message}", ex);
        }
    }
}
