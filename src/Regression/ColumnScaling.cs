using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>Centring (and optionally scaling) of columns with statistics of the training bins only.</summary>
/// <remarks>
/// A column whose training values are all exactly equal is constant: its centre is set to that
/// value, so its centred values are exactly 0, and its scale to 1, so nothing divides by zero.
/// Computing the mean instead would leave rounding residue (the mean of twelve 0.3s is
/// 0.3 − 5.6e-17), which scaling by a tiny standard deviation would blow up to O(1) noise.
/// Constant columns therefore carry exactly no weight in ridge or PLS.
/// </remarks>
internal sealed class ColumnScaling
{
    private ColumnScaling(Tensor centre, Tensor scale, int constantCount)
    {
        Centre = centre;
        Scale = scale;
        ConstantCount = constantCount;
    }

    /// <summary>(1 × columns) value subtracted from each column.</summary>
    public Tensor Centre { get; }

    /// <summary>(1 × columns) divisor of each centred column (1 when not scaling).</summary>
    public Tensor Scale { get; }

    /// <summary>Number of columns constant over the training bins.</summary>
    public int ConstantCount { get; }

    /// <summary>Statistics of <paramref name="train"/> (bins × columns).</summary>
    /// <param name="train">Training rows.</param>
    /// <param name="scale">Divide by the standard deviation.</param>
    /// <param name="unbiased">Standard deviation with n − 1 (PLS, as scikit-learn) or n (ridge, as
    /// StandardScaler).</param>
    public static ColumnScaling Fit(Tensor train, bool scale, bool unbiased)
    {
        var first = train[0].unsqueeze(0);
        var constant = train.eq(first).all(0, keepdim: true);
        var centre = where(constant, first, train.mean([0L], keepdim: true));
        var divisor = scale
            ? where(constant, ones_like(centre), train.std(0, unbiased: unbiased, keepdim: true))
            : ones_like(centre);
        return new ColumnScaling(centre, divisor, (int)constant.sum().item<long>());
    }

    /// <summary>(x − centre) / scale for any rows, training or test.</summary>
    public Tensor Apply(Tensor rows) => (rows - Centre) / Scale;

    /// <summary>Inverse of <see cref="Apply"/>.</summary>
    public Tensor Restore(Tensor scaled)
    {
        using var one = 1.ToScalar();
        return (scaled * Scale).add(Centre, one);
    }
}
