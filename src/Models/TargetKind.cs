namespace NeuralPredictivity.Models;

/// <summary>What a path integrator is trained to report about its position.</summary>
/// <remarks>
/// With d the distance from a place-cell centre, σ the place-cell width and r the surround ratio
/// (σ²_surround = r·σ², default 2):
/// <list type="bullet">
/// <item><see cref="Gaussian"/>: g(d) = exp(−d²/2σ²), peak 1. Squared-error loss.</item>
/// <item><see cref="DifferenceOfGaussians"/>: [g_σ(d) − g_√rσ(d)/r] / (1 − 1/r): both Gaussians of
/// unit volume, so the tuning integrates to zero over the plane; peak 1. Squared-error loss.</item>
/// <item><see cref="SoftmaxGaussian"/>: softmaxᵢ(−dᵢ²/2σ²) over the place cells (Banino et al. 2018).
/// Cross-entropy loss.</item>
/// <item><see cref="SoftmaxDifferenceOfGaussians"/>: the DoG tuning made a distribution over the
/// place cells: shifted by its minimum over cells and divided by its sum. Cross-entropy loss.</item>
/// <item><see cref="DifferenceOfSoftmaxes"/>: softmaxᵢ(−dᵢ²/2σ²) − softmaxᵢ(−dᵢ²/2rσ²), shifted and
/// normalised the same way (Sorscher et al. 2019, the default). Cross-entropy loss.</item>
/// <item><see cref="Cartesian"/>: (x, y) in metres. Squared-error loss.</item>
/// <item><see cref="Polar"/>: (ρ, φ), distance (m) and angle (rad) from the box centre; the angle
/// error is wrapped to (−π, π]. Squared-error loss.</item>
/// </list>
/// Softmax targets differ from their plain versions near walls, where fewer cells share the mass.
/// </remarks>
public enum TargetKind
{
    /// <summary>Gaussian place cells, squared error.</summary>
    Gaussian,

    /// <summary>Zero-volume difference-of-Gaussians place cells, squared error.</summary>
    DifferenceOfGaussians,

    /// <summary>Population-normalised Gaussian place cells, cross-entropy.</summary>
    SoftmaxGaussian,

    /// <summary>Difference of Gaussians shifted and normalised over the population, cross-entropy.</summary>
    SoftmaxDifferenceOfGaussians,

    /// <summary>Difference of softmaxes, shifted and normalised (Sorscher et al. 2019), cross-entropy.</summary>
    DifferenceOfSoftmaxes,

    /// <summary>Cartesian position (x, y), squared error.</summary>
    Cartesian,

    /// <summary>Polar position (ρ, φ) about the box centre, squared error.</summary>
    Polar,
}
