namespace NeuralPredictivity.Models;

/// <summary>Progress of a training run, reported every <see cref="TrainingOptions.CurveEvery"/> steps.</summary>
/// <param name="Step">Steps completed.</param>
/// <param name="TotalSteps">Steps the run will reach.</param>
/// <param name="Loss">Mean target loss over the last reporting window.</param>
/// <param name="DecodingErrorCm">Mean decoding error over the window, cm (top-3 place-cell centres).</param>
/// <param name="Elapsed">Training time so far, including earlier runs of a resumed checkpoint.</param>
public readonly record struct TrainingProgress(
    int Step, int TotalSteps, double Loss, double DecodingErrorCm, TimeSpan Elapsed);
