namespace NeuralPredictivity.Regression;

/// <summary>Whether a cross-validated hyper-parameter is chosen per neuron or shared by all.</summary>
/// <remarks>
/// Neurons differ greatly in reliability, and one value chosen on the average error over neurons
/// over-regularises the reliable ones and under-regularises the noisy ones; a neuron's score then
/// depends on which other neurons were recorded. Per-neuron is the default. Shared is scikit-learn
/// <c>RidgeCV(cv=k)</c>'s behaviour, a different model, and is labelled as such in results.
/// </remarks>
public enum HyperparameterSelection
{
    /// <summary>Each neuron gets the candidate with its own lowest inner-CV error.</summary>
    PerNeuron,

    /// <summary>All neurons get the candidate with the lowest inner-CV error averaged over neurons.</summary>
    Shared,
}
