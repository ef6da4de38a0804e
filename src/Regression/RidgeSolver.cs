namespace NeuralPredictivity.Regression;

/// <summary>Which decomposition serves a ridge fold (both give the same fit; they differ in cost).</summary>
internal enum RidgeSolver
{
    /// <summary>Thin SVD when training bins ≥ features, kernel eigendecomposition otherwise.</summary>
    Auto,

    /// <summary>Thin SVD of the (bins × features) training matrix: O(n p min(n, p)).</summary>
    Svd,

    /// <summary>Eigendecomposition of the (bins × bins) kernel X Xᵀ: O(n² p + n³).</summary>
    Kernel,
}
