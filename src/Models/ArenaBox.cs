using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Models;

/// <summary>The rectangle a recording's arena occupies, in the dataset's frame (centimetres).</summary>
/// <remarks>
/// Networks live in metres in a box centred on (0, 0). A position (x, y) cm of the dataset maps to
/// ((x − <see cref="CentreXCm"/>) / 100, (y − <see cref="CentreYCm"/>) / 100) m in the network's
/// frame, and back. For a circular arena pass its bounding square: synthetic trajectories then
/// also visit the corners, whose bins the neuron maps leave NaN and the joint mask drops.
/// </remarks>
/// <param name="CentreXCm">Arena centre x, cm.</param>
/// <param name="CentreYCm">Arena centre y, cm.</param>
/// <param name="WidthCm">Extent along x, cm.</param>
/// <param name="HeightCm">Extent along y, cm.</param>
public readonly record struct ArenaBox(double CentreXCm, double CentreYCm, double WidthCm, double HeightCm)
{
    /// <summary>The bounding box of a recording's <paramref name="arena"/>: same centre, width and height.</summary>
    /// <remarks>A circle becomes its bounding square (see the type's remarks).</remarks>
    public static ArenaBox Of(Arena arena)
    {
        ArgumentNullException.ThrowIfNull(arena);
        return new ArenaBox(arena.CentreXCm, arena.CentreYCm, arena.WidthCm, arena.HeightCm);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> unless the centre is finite and the extent
    /// positive.</summary>
    public void Validate()
    {
        if (!double.IsFinite(CentreXCm) || !double.IsFinite(CentreYCm) || !(WidthCm > 0) || !(HeightCm > 0)
            || !double.IsFinite(WidthCm) || !double.IsFinite(HeightCm))
        {
            throw new ArgumentException(
                $"Arena must have a finite centre and positive size, got centre ({CentreXCm}, {CentreYCm}) cm, " +
                $"size {WidthCm} × {HeightCm} cm.");
        }
    }
}
