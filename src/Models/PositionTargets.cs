using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Models;

/// <summary>Turns positions into training targets, scores predictions, and decodes them back to positions.</summary>
/// <remarks>
/// Equations are on <see cref="TargetKind"/>. Positions are metres, shaped (…, 2); targets and
/// predictions are (…, outputs). Cross-entropy is −Σᵢ yᵢ log softmax(ŷ)ᵢ and squared error is
/// Σᵢ (ŷᵢ − yᵢ)², both averaged over every leading index (time and batch). Place-cell predictions
/// decode to the mean centre of the three most active readout units, as in Sorscher et al. (2019);
/// in a periodic box, distances to centres take the shorter way round each axis.
/// </remarks>
internal sealed class PositionTargets : IDisposable
{
    private const int DecodingTopK = 3;
    private readonly Tensor? _centres;

    internal PositionTargets(PathIntegratorOptions options, double[,]? centres = null)
    {
        options.Validate();
        Options = options;
        if (!UsesPlaceCells)
        {
            return;
        }

        Centres = centres ?? GenerateCentres(options);
        if (Centres.GetLength(0) != options.PlaceCellCount || Centres.GetLength(1) != 2)
        {
            throw new ArgumentException(
                $"Place-cell centres must be ({options.PlaceCellCount} × 2), got " +
                $"({Centres.GetLength(0)} × {Centres.GetLength(1)}).", nameof(centres));
        }

        _centres = tensor(ToFloat(Centres)).reshape(options.PlaceCellCount, 2);
    }

    internal PathIntegratorOptions Options { get; }

    /// <summary>(place cells × 2) centres in metres; empty for Cartesian and polar targets.</summary>
    internal double[,] Centres { get; } = new double[0, 2];

    internal bool UsesPlaceCells => Options.Targets is not (TargetKind.Cartesian or TargetKind.Polar);

    internal bool UsesCrossEntropy => Options.Targets is TargetKind.SoftmaxGaussian
        or TargetKind.SoftmaxDifferenceOfGaussians or TargetKind.DifferenceOfSoftmaxes;

    /// <summary>Uniform centres from NumPy's legacy stream: all x, then all y.</summary>
    internal static double[,] GenerateCentres(PathIntegratorOptions options)
    {
        var random = new NumPyLegacyRandom((uint)options.PlaceCellSeed);
        var centres = new double[options.PlaceCellCount, 2];
        for (var axis = 0; axis < 2; axis++)
        {
            var half = (axis == 0 ? options.BoxWidth : options.BoxHeight) / 2;
            for (var i = 0; i < options.PlaceCellCount; i++)
            {
                centres[i, axis] = random.Uniform(-half, half);
            }
        }

        return centres;
    }

    /// <summary>Targets for positions (…, 2) in metres: (…, outputs).</summary>
    internal Tensor Encode(Tensor positions)
    {
        using var scope = NewDisposeScope();
        var result = Options.Targets switch
        {
            TargetKind.Cartesian => positions.clone(),
            TargetKind.Polar => stack([positions.norm(-1), atan2(positions[TensorIndex.Ellipsis, 1],
                positions[TensorIndex.Ellipsis, 0])], -1),
            _ => PlaceCellCode(SquaredDistances(positions)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Mean loss of predictions against targets, both (…, outputs).</summary>
    internal Tensor Loss(Tensor predictions, Tensor targets)
    {
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        using var two = 2.ToScalar();
        Tensor loss;
        if (UsesCrossEntropy)
        {
            loss = -(targets * nn.functional.log_softmax(predictions, -1)).sum(-1).mean();
        }
        else if (Options.Targets == TargetKind.Polar)
        {
            var radiusError = predictions[TensorIndex.Ellipsis, 0] - targets[TensorIndex.Ellipsis, 0];
            var angle = predictions[TensorIndex.Ellipsis, 1] - targets[TensorIndex.Ellipsis, 1];
            var angleError = atan2(sin(angle), cos(angle));
            loss = radiusError.pow(two).add(angleError.pow(two), one).mean();
        }
        else
        {
            loss = (predictions - targets).pow(two).sum(-1).mean();
        }

        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Positions (…, 2) in metres decoded from predictions (…, outputs).</summary>
    internal Tensor Decode(Tensor predictions)
    {
        using var scope = NewDisposeScope();
        Tensor decoded;
        if (Options.Targets == TargetKind.Cartesian)
        {
            decoded = predictions.clone();
        }
        else if (Options.Targets == TargetKind.Polar)
        {
            var radius = predictions[TensorIndex.Ellipsis, 0];
            var angle = predictions[TensorIndex.Ellipsis, 1];
            decoded = stack([radius * cos(angle), radius * sin(angle)], -1);
        }
        else
        {
            var top = predictions.topk(DecodingTopK, -1).indexes;
            var shape = top.shape.Append(2L).ToArray();
            decoded = _centres!.index_select(0, top.flatten()).reshape(shape).mean([-2L]);
        }

        return decoded.MoveToOuterDisposeScope();
    }

    /// <summary>Mean Euclidean distance between decoded and true positions, in centimetres.</summary>
    internal double DecodingErrorCm(Tensor predictions, Tensor positions)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return 100.0 * (Decode(predictions) - positions).norm(-1).mean().item<float>();
    }

    public void Dispose() => _centres?.Dispose();

    private Tensor SquaredDistances(Tensor positions)
    {
        using var two = 2.ToScalar();
        if (Options.Periodic)
        {
            var difference = (positions.unsqueeze(-2) - _centres!).abs();
            var box = tensor(new[] { (float)Options.BoxWidth, (float)Options.BoxHeight });
            return minimum(difference, box - difference).pow(two).sum(-1);
        }

        // |p − c|² = |p|² − 2 p·c + |c|²: one matrix product instead of a (… × cells × 2) difference.
        using var one = 1.ToScalar();
        using var zero = 0.ToScalar();
        var squared = (positions.pow(two).sum(-1, keepdim: true) - two * positions.matmul(_centres!.t()))
            .add(_centres!.pow(two).sum(-1), one);
        return squared.clamp_min(zero);
    }

    private Tensor PlaceCellCode(Tensor squaredDistance)
    {
        var sigma2 = Options.PlaceCellWidth * Options.PlaceCellWidth;
        var ratio = Options.SurroundScale;
        using var centreScale = (2 * sigma2).ToScalar();
        using var surroundScale = (2 * ratio * sigma2).ToScalar();
        switch (Options.Targets)
        {
            case TargetKind.Gaussian:
                return exp(-squaredDistance / centreScale);
            case TargetKind.DifferenceOfGaussians:
                return DifferenceOfGaussians(squaredDistance, sigma2, ratio);
            case TargetKind.SoftmaxGaussian:
                return softmax(-squaredDistance / centreScale, -1);
            case TargetKind.SoftmaxDifferenceOfGaussians:
                return ShiftAndNormalise(DifferenceOfGaussians(squaredDistance, sigma2, ratio));
            case TargetKind.DifferenceOfSoftmaxes:
                var centre = softmax(-squaredDistance / centreScale, -1);
                var surround = softmax(-squaredDistance / surroundScale, -1);
                return ShiftAndNormalise(centre - surround);
            default:
                throw new NotSupportedException($"Targets {Options.Targets} are not place cells.");
        }
    }

    private static Tensor DifferenceOfGaussians(Tensor squaredDistance, double sigma2, double ratio)
    {
        using var centreScale = (2 * sigma2).ToScalar();
        using var surroundScale = (2 * ratio * sigma2).ToScalar();
        using var surroundWeight = ratio.ToScalar();
        using var peak = (1 - 1 / ratio).ToScalar();
        return (exp(-squaredDistance / centreScale) - exp(-squaredDistance / surroundScale) / surroundWeight) / peak;
    }

    private static Tensor ShiftAndNormalise(Tensor code)
    {
        var shifted = code - code.amin([-1L], keepdim: true);
        return shifted / shifted.sum(-1, keepdim: true);
    }

    private static float[] ToFloat(double[,] values)
    {
        var flat = new float[values.Length];
        var i = 0;
        foreach (var value in values)
        {
            flat[i++] = (float)value;
        }

        return flat;
    }
}
