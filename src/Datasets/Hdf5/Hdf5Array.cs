namespace NeuralPredictivity.Datasets;

/// <summary>Numbers read from one HDF5 dataset, converted exactly to double, with the stored shape.</summary>
/// <remarks>
/// <see cref="Values"/> is in HDF5 (row-major) order. A null dataspace (a placeholder with no data)
/// has <see cref="IsNull"/> set and no values; a zero-length dataset has values of length 0 and
/// a shape containing 0, so the two stay distinguishable.
/// </remarks>
internal sealed record Hdf5Array(double[] Values, ulong[] Shape, StoredType Type, bool IsNull)
{
    internal int Rank => Shape.Length;
}
