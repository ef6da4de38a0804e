using TorchSharp;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression;

/// <summary>A fitted PLS2 model (regression deflation), scikit-learn <c>PLSRegression</c> semantics.</summary>
/// <remarks>
/// Fit, on X (n × p) and Y (n × q) centred (and scaled with the n − 1 standard deviation, zero →
/// 1) on the training bins, for k = 1 … K with X₁ = X, Y₁ = Y:
/// w_k is the dominant left singular vector of the cross-covariance S_k = X_kᵀ Y_k, sign chosen so
/// its largest-magnitude entry is positive; t_k = X_k w_k; p_k = X_kᵀ t_k / t_kᵀt_k;
/// q_k = Y_kᵀ t_k / t_kᵀt_k; X_{k+1} = X_k − t_k p_kᵀ, Y_{k+1} = Y_k − t_k q_kᵀ. Predictions are
/// Ŷ = ((X* − x̄)/s_x) W (PᵀW)⁻¹ Qᵀ · s_y + ȳ.
///
/// NIPALS finds w_k by power iteration, which scikit-learn stops at a tolerance (its default 1e-6
/// can leave predictions off by 1e-3); here w_k is computed exactly from the eigendecomposition of
/// the smaller of S_kᵀS_k (q × q) and S_kS_kᵀ (p × p). The deflations are carried out implicitly:
/// the scores are mutually orthogonal, so X_k = (I − P_T) X and Y_k = (I − P_T) Y with P_T the
/// projector on the earlier scores. Hence t_k = (I − P_T) X w_k, p_k = Xᵀ t_k / t_kᵀt_k,
/// q_k = Yᵀ t_k / t_kᵀt_k and S_{k+1} = S_k − (t_kᵀt_k) p_k q_kᵀ: X is touched by two
/// matrix–vector products per component instead of a rank-1 update of all of it. PᵀW is unit
/// upper triangular, so the first k columns of W (PᵀW)⁻¹ are those of the k-component model.
///
/// The fit stops early, with fewer components than asked, when X's residual is exhausted
/// (‖t_k‖ ≤ ‖X‖_F · max(n, p) · ε: the data's numerical rank is reached) or when X's and Y's
/// residuals are uncorrelated (σ₁(S_k) ≤ σ₁(S₁) · max(n, p, q) · ε · 10). Further components would
/// fit rounding noise: scikit-learn turns them into finite garbage (predictions off by 2 or 1e15
/// on rank-deficient data); here the predictions equal the model with the supported count.
/// </remarks>
internal sealed class PlsModel
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private PlsModel(
        ColumnScaling xScaling, ColumnScaling yScaling, Tensor rotations, Tensor yLoadings, int requested,
        string? stopReason)
    {
        XScaling = xScaling;
        YScaling = yScaling;
        Rotations = rotations;
        YLoadings = yLoadings;
        RequestedComponents = requested;
        StopReason = stopReason;
    }

    public ColumnScaling XScaling { get; }

    public ColumnScaling YScaling { get; }

    /// <summary>(p × k) W (PᵀW)⁻¹ in the scaled space.</summary>
    public Tensor Rotations { get; }

    /// <summary>(q × k) Q in the scaled space.</summary>
    public Tensor YLoadings { get; }

    public int ComponentCount => (int)Rotations.shape[1];

    public int RequestedComponents { get; }

    /// <summary>Why the fit stopped before <see cref="RequestedComponents"/>; null when it did not.</summary>
    public string? StopReason { get; }

    /// <summary>Fits K components (K ≤ min(n, p) checked by the caller). Tensors live in the caller's
    /// scope.</summary>
    /// <param name="x">(n × p) training features.</param>
    /// <param name="y">(n × q) training responses.</param>
    /// <param name="componentCount">K.</param>
    /// <param name="scale">Divide by the n − 1 standard deviation after centring.</param>
    public static PlsModel Fit(Tensor x, Tensor y, int componentCount, bool scale)
    {
        var (n, p, q) = (x.shape[0], x.shape[1], y.shape[1]);
        var xScaling = ColumnScaling.Fit(x, scale, unbiased: true);
        var yScaling = ColumnScaling.Fit(y, scale, unbiased: true);
        var xs = xScaling.Apply(x);
        var ys = yScaling.Apply(y);

        var crossCovariance = xs.T.matmul(ys);
        var scoreTolerance = xs.norm().item<double>() * Math.Max(n, p) * MachineEpsilon;
        var covarianceTolerance = Math.Max(Math.Max(n, p), q) * MachineEpsilon * 10;
        var scores = zeros(n, componentCount, dtype: ScalarType.Float64);
        var (weights, xLoadings, yLoadings) = (new List<Tensor>(), new List<Tensor>(), new List<Tensor>());
        string? stopReason = null;
        var firstSigma = 0.0;
        for (var k = 0; k < componentCount; k++)
        {
            var (w, sigma) = DominantLeftSingularVector(crossCovariance);
            if (k == 0)
            {
                firstSigma = sigma;
            }

            if (!(sigma > firstSigma * covarianceTolerance) || sigma == 0)
            {
                stopReason = k == 0
                    ? "features and responses have no covariance over the training bins"
                    : "the residual responses are uncorrelated with the residual features";
                break;
            }

            var t = Orthogonalise(xs.matmul(w), scores.narrow(1, 0, k));
            var tt = t.dot(t).item<double>();
            if (!(Math.Sqrt(tt) > scoreTolerance))
            {
                stopReason = $"the features' numerical rank is {k}";
                break;
            }

            using var squaredNorm = tt.ToScalar();
            var xLoading = xs.T.matmul(t) / squaredNorm;
            var yLoading = ys.T.matmul(t) / squaredNorm;
            crossCovariance = crossCovariance - squaredNorm * xLoading.outer(yLoading);
            scores[TensorIndex.Colon, k] = t;
            weights.Add(w);
            xLoadings.Add(xLoading);
            yLoadings.Add(yLoading);
        }

        var count = weights.Count;
        if (count == 0)
        {
            return new PlsModel(
                xScaling, yScaling, zeros(p, 0, dtype: ScalarType.Float64), zeros(q, 0, dtype: ScalarType.Float64),
                componentCount, stopReason);
        }

        var w_ = stack(weights, 1);
        var pw = stack(xLoadings, 1).T.matmul(w_);
        var rotations = linalg.solve_triangular(pw, w_, upper: true, left: false);
        return new PlsModel(xScaling, yScaling, rotations, stack(yLoadings, 1), componentCount, stopReason);
    }

    /// <summary>Predictions with the first k_j components for neuron j (all components when null).</summary>
    /// <param name="x">(m × p) features.</param>
    /// <param name="componentsPerNeuron">Per neuron, components to use (capped at
    /// <see cref="ComponentCount"/>).</param>
    public Tensor Predict(Tensor x, int[]? componentsPerNeuron = null)
    {
        var xs = XScaling.Apply(x);
        var loadings = YLoadings;
        if (componentsPerNeuron is not null)
        {
            var mask = new double[ComponentCount * componentsPerNeuron.Length];
            for (var j = 0; j < componentsPerNeuron.Length; j++)
            {
                for (var i = 0; i < Math.Min(componentsPerNeuron[j], ComponentCount); i++)
                {
                    mask[j * ComponentCount + i] = 1;
                }
            }

            loadings = loadings * tensor(mask, [componentsPerNeuron.Length, ComponentCount], ScalarType.Float64);
        }

        var coefficients = Rotations.matmul(loadings.T);
        return YScaling.Restore(xs.matmul(coefficients));
    }

    /// <summary>(k × m × q): predictions of the 1-, 2-, …, K-component models.</summary>
    public Tensor PredictCumulative(Tensor x)
    {
        var projected = XScaling.Apply(x).matmul(Rotations);
        var contributions = projected.T.unsqueeze(2) * YLoadings.T.unsqueeze(1);
        return YScaling.Restore(contributions.cumsum(0));
    }

    /// <summary>Dominant left singular vector of s (p × q) and its singular value.</summary>
    private static (Tensor Vector, double Sigma) DominantLeftSingularVector(Tensor s)
    {
        var (p, q) = (s.shape[0], s.shape[1]);
        Tensor u;
        if (q <= p)
        {
            var (_, vectors) = linalg.eigh(s.T.matmul(s));
            u = s.matmul(vectors[TensorIndex.Colon, -1]);
        }
        else
        {
            var (values, vectors) = linalg.eigh(s.matmul(s.T));
            using var zero = 0.ToScalar();
            u = vectors[TensorIndex.Colon, -1] * values[-1].clamp_min(zero).sqrt();
        }

        var sigma = u.norm().item<double>();
        if (!(sigma > 0))
        {
            return (u, 0);
        }

        using var norm = sigma.ToScalar();
        var w = u / norm;
        var largest = w.abs().argmax().item<long>();
        return w[largest].item<double>() < 0 ? (-w, sigma) : (w, sigma);
    }

    /// <summary>t − T (Tᵀt ./ diag(TᵀT)), twice (classical Gram–Schmidt with reorthogonalisation).</summary>
    private static Tensor Orthogonalise(Tensor t, Tensor previous)
    {
        if (previous.shape[1] == 0)
        {
            return t;
        }

        // sum([0L]): a bare sum(0) binds to sum(ScalarType) and sums in uint8.
        var norms = previous.mul(previous).sum([0L]);
        for (var pass = 0; pass < 2; pass++)
        {
            t = t - previous.matmul(previous.T.matmul(t) / norms);
        }

        return t;
    }
}
