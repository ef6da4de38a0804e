using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>
/// One decomposition of a fold's centred training features that serves every α, every neuron and
/// every inner fold.
/// </summary>
/// <remarks>
/// With X (n × p) the centred training features, write X = U S Vᵀ with U (n × r) orthonormal and
/// λ = s². Ridge with an unpenalised intercept then has fitted values ŷ = ȳ + H y_c with
/// H = U diag(λ/(λ + α)) Uᵀ, and test predictions ŷ* = ȳ + T diag(1/(λ + α)) Uᵀ y_c with
/// T = X* Xᵀ U = X* V S (X* the test rows centred with the training means). U and λ come from a
/// thin SVD of X when n ≥ p, or from the eigendecomposition of the kernel X Xᵀ when p &gt; n
/// (cost n²p instead of np²). Directions with λ ≤ λ_max · max(n, p) · ε are rounding noise of a
/// rank-deficient matrix and are dropped; the centred kernel always has the constant vector among
/// them.
///
/// Inner cross-validation uses exact block deletion: leaving out a set D of training bins and
/// refitting (intercept included) gives residuals e_D⁽⁻ᴰ⁾ = [(I − Hᵢ)_DD]⁻¹ ((I − Hᵢ) y)_D on D,
/// where Hᵢ = 11ᵀ/n + H is the full hat matrix with intercept. Each (α, inner fold) costs one
/// (|D| × |D|) solve instead of a new decomposition. Inner fits therefore use the outer fold's
/// feature scaling (the intercept is refitted exactly); the scale is a statistic of the features
/// alone, so no response information leaks into the choice of α.
/// </remarks>
internal sealed class RidgeSpectrum
{
    // Tensors of (α, |D|, r) per inner-fold chunk are kept under about 64 MB.
    private const long ChunkBytes = 64L << 20;

    // Unit roundoff of float64 (2⁻⁵²), NumPy's finfo(float64).eps.
    private const double MachineEpsilon = 2.220446049250313e-16;

    private RidgeSpectrum(Tensor u, Tensor lambda, Tensor testProjection, bool usedKernel)
    {
        U = u;
        Lambda = lambda;
        TestProjection = testProjection;
        UsedKernel = usedKernel;
    }

    /// <summary>(n × r) orthonormal basis of the centred training features' column space.</summary>
    public Tensor U { get; }

    /// <summary>(r) squared singular values, descending or ascending, all &gt; 0.</summary>
    public Tensor Lambda { get; }

    /// <summary>(m × r) test rows projected: X* Xᵀ U.</summary>
    public Tensor TestProjection { get; }

    /// <summary>True when the kernel eigendecomposition was used.</summary>
    public bool UsedKernel { get; }

    /// <summary>Rank kept.</summary>
    public long Rank => Lambda.shape[0];

    /// <summary>Decomposes centred training features and projects centred test features.</summary>
    /// <param name="train">(n × p) centred (and scaled) training features.</param>
    /// <param name="test">(m × p) test features with the same centring and scaling.</param>
    /// <param name="solver">Which decomposition to use.</param>
    public static RidgeSpectrum Decompose(Tensor train, Tensor test, RidgeSolver solver)
    {
        var (n, p) = (train.shape[0], train.shape[1]);
        var useKernel = solver == RidgeSolver.Kernel || (solver == RidgeSolver.Auto && p > n);
        using var tolerance = (Math.Max(n, p) * MachineEpsilon).ToScalar();
        if (!useKernel)
        {
            var (u, s, vh) = linalg.svd(train, fullMatrices: false);
            var keep = s.gt(s.max() * tolerance).nonzero().squeeze(1);
            var uKept = u.index_select(1, keep);
            var sKept = s.index_select(0, keep);
            var projection = test.matmul(vh.index_select(0, keep).T) * sKept.unsqueeze(0);
            return new RidgeSpectrum(uKept, sKept * sKept, projection, usedKernel: false);
        }

        var (kernel, cross) = Kernels(train, test);
        var (lambda, vectors) = linalg.eigh(kernel);
        var kept = lambda.gt(lambda.max() * tolerance).nonzero().squeeze(1);
        var uK = vectors.index_select(1, kept);
        return new RidgeSpectrum(uK, lambda.index_select(0, kept), cross.matmul(uK), usedKernel: true);
    }

    /// <summary>The kernel X Xᵀ (n × n) and the cross kernel X* Xᵀ (m × n).</summary>
    /// <remarks>
    /// With the training rows split into halves A and B, X Xᵀ = [[AAᵀ, ABᵀ], [BAᵀ, BBᵀ]] and
    /// BAᵀ = (ABᵀ)ᵀ, so three products give the kernel and the cross kernel with 2p(3n²/4 + mn)
    /// operations instead of 2p(n² + mn): a quarter of the kernel's cost saved.
    /// </remarks>
    private static (Tensor Kernel, Tensor Cross) Kernels(Tensor train, Tensor test)
    {
        var (n, m) = (train.shape[0], test.shape[0]);
        var h = n / 2;
        if (h == 0)
        {
            return (train.matmul(train.T), test.matmul(train.T));
        }

        var a = train.narrow(0, 0, h);
        var b = train.narrow(0, h, n - h);
        var top = a.matmul(train.T);
        var bottom = cat([b, test], 0).matmul(b.T);
        var kernel = empty(n, n, dtype: ScalarType.Float64);
        kernel.narrow(0, 0, h).copy_(top);
        kernel.narrow(0, h, n - h).narrow(1, 0, h).copy_(top.narrow(1, h, n - h).T);
        kernel.narrow(0, h, n - h).narrow(1, h, n - h).copy_(bottom.narrow(0, 0, n - h));
        var cross = cat([test.matmul(a.T), bottom.narrow(0, n - h, m)], 1);
        return (kernel, cross);
    }

    /// <summary>Test predictions minus the training mean, each neuron with its own α.</summary>
    /// <param name="z">(r × q) Uᵀ y_c.</param>
    /// <param name="alphaPerNeuron">(q) α of each neuron.</param>
    public Tensor PredictCentred(Tensor z, double[] alphaPerNeuron)
    {
        var alphas = tensor(alphaPerNeuron, dtype: ScalarType.Float64).unsqueeze(0);
        using var one = 1.ToScalar();
        return TestProjection.matmul(z / Lambda.unsqueeze(1).add(alphas, one));
    }

    /// <summary>Inner-CV error by exact block deletion, (α × neurons).</summary>
    /// <param name="centredResponses">(n × q) y_c, training responses centred on the training mean.</param>
    /// <param name="z">(r × q) Uᵀ y_c.</param>
    /// <param name="innerFolds">Folds over positions 0 … n − 1 of the training bins.</param>
    /// <param name="alphas">Candidate penalties.</param>
    /// <param name="cancellationToken">Checked between inner folds.</param>
    /// <returns>For each α and neuron, the mean over inner folds of the held-out mean squared error.</returns>
    public double[,] BlockDeletionErrors(
        Tensor centredResponses, Tensor z, IReadOnlyList<Fold> innerFolds, double[] alphas,
        CancellationToken cancellationToken)
    {
        var n = U.shape[0];
        var (r, q) = (Rank, centredResponses.shape[1]);
        var lambda = Lambda.unsqueeze(0);
        using var one = 1.ToScalar();
        var shrink = lambda / lambda.add(tensor(alphas, dtype: ScalarType.Float64).unsqueeze(1), one);
        var total = zeros(alphas.Length, q, dtype: ScalarType.Float64);
        foreach (var fold in innerFolds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (deleted, testWithinDeleted) = DeletedSet(fold, (int)n);
            var index = TensorMatrix.Indices(deleted);
            var uD = U.index_select(0, index);
            var yD = centredResponses.index_select(0, index);
            var testIndex = TensorMatrix.Indices(testWithinDeleted);
            var d = deleted.Length;
            using var meanWeight = (1.0 / n).ToScalar();
            var basis = eye(d, dtype: ScalarType.Float64) - meanWeight;
            var chunk = (int)Math.Clamp(ChunkBytes / (8L * d * Math.Max(r, d)), 1, alphas.Length);
            for (var start = 0; start < alphas.Length; start += chunk)
            {
                var count = Math.Min(chunk, alphas.Length - start);
                var scaled = uD.unsqueeze(0) * shrink.narrow(0, start, count).unsqueeze(1);
                var system = basis - scaled.matmul(uD.T);
                var residual = yD.unsqueeze(0) - scaled.matmul(z);
                var held = SolveSymmetric(system, residual).index_select(1, testIndex);
                total.narrow(0, start, count).add_(held.mul(held).mean([1L]), one);
            }
        }

        using var foldCount = innerFolds.Count.ToScalar();
        return TensorMatrix.ToMatrix(total / foldCount);
    }

    // (I − Hᵢ)_DD is positive definite whenever some training bin stays outside D; Cholesky is
    // the fast path, LU the fallback for a system that rounding made indefinite.
    private static Tensor SolveSymmetric(Tensor system, Tensor rightHandSides)
    {
        var (factor, info) = linalg.cholesky_ex(system);
        if (info.any().item<bool>())
        {
            return linalg.solve(system, rightHandSides);
        }

        return cholesky_solve(rightHandSides, factor);
    }

    /// <summary>D = training positions not in the inner training set; where the inner test bins sit in D.</summary>
    private static (int[] Deleted, int[] TestWithinDeleted) DeletedSet(Fold fold, int n)
    {
        var inTrain = new bool[n];
        foreach (var i in fold.TrainArray)
        {
            inTrain[i] = true;
        }

        var deleted = Enumerable.Range(0, n).Where(i => !inTrain[i]).ToArray();
        var position = new Dictionary<int, int>(deleted.Length);
        for (var k = 0; k < deleted.Length; k++)
        {
            position[deleted[k]] = k;
        }

        return (deleted, fold.TestArray.Select(i => position[i]).ToArray());
    }
}
