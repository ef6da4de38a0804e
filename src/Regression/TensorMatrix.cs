using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>Copies between managed (rows × columns) arrays and float64 tensors.</summary>
internal static class TensorMatrix
{
    public static Tensor FromMatrix(double[,] matrix) => tensor(matrix, dtype: ScalarType.Float64);

    public static Tensor Indices(IReadOnlyList<int> indices)
    {
        var values = new long[indices.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = indices[i];
        }

        return tensor(values, dtype: ScalarType.Int64);
    }

    public static double[,] ToMatrix(Tensor matrix)
    {
        var (rows, columns) = (matrix.shape[0], matrix.shape[1]);
        var result = new double[rows, columns];
        if (result.Length == 0)
        {
            return result;
        }

        using var contiguous = matrix.to_type(ScalarType.Float64).contiguous();
        var flat = contiguous.data<double>().ToArray();
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }

    public static double[] ToArray(Tensor vector)
    {
        using var contiguous = vector.to_type(ScalarType.Float64).contiguous();
        return contiguous.data<double>().ToArray();
    }
}
