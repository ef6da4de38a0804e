using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Benchmark;

/// <summary>Keeps the first d principal components of a feature matrix: the trained family at dimension d.</summary>
/// <remarks>
/// For X (bins × features), centred over bins to Xc = U S Vᵀ (thin SVD), the truncation is the
/// (bins × d) score matrix Xc V_d = U_d S_d. It spans the d-dimensional subspace that holds the most
/// feature variance, so a network's units can be compared with a d-dimensional baseline. It uses
/// features only, never responses, so computing it over all regression bins leaks nothing into the
/// held-out scores. Each component's sign is fixed so that its largest-magnitude loading is positive,
/// which makes the output independent of the SVD routine's sign convention.
/// </remarks>
internal static class PcaTruncation
{
    /// <summary>The (bins × d) principal-component scores of <paramref name="features"/>.</summary>
    /// <exception cref="NotSupportedException">d exceeds the number of features.</exception>
    internal static double[,] Scores(double[,] features, int dimension)
    {
        var (bins, columns) = (features.GetLength(0), features.GetLength(1));
        if (dimension > columns)
        {
            throw new NotSupportedException(
                $"PCA truncation to d = {dimension} needs at least {dimension} features, but the network has {columns} " +
                "units; choose d ≤ the number of units (the untrained family can have any size).");
        }

        using var scope = NewDisposeScope();
        var x = tensor(features, ScalarType.Float64);
        var centred = x - x.mean([0L], keepdim: true);
        var (_, _, vt) = linalg.svd(centred, fullMatrices: false);
        var components = vt[TensorIndex.Slice(0, dimension)].t();
        var largest = components.abs().argmax(0);
        var signs = components.gather(0, largest.unsqueeze(0)).sign();
        signs = where(signs == 0, ones_like(signs), signs);
        var scores = centred.matmul(components * signs);
        var result = new double[bins, dimension];
        var data = scores.contiguous().data<double>().ToArray();
        Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(double));
        return result;
    }
}
