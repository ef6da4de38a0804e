namespace NeuralPredictivity.Cli.Diagnostics;

/// <summary>The outcome of one environment check made by <c>predictivity doctor</c>.</summary>
/// <param name="Name">What was checked ("TorchSharp native").</param>
/// <param name="Ok">Whether it works here.</param>
/// <param name="Detail">The measurement when it works, the fix when it does not.</param>
/// <param name="RequiredByMainJob">A failure of a required check makes <c>doctor</c> exit non-zero.</param>
internal sealed record DoctorCheck(string Name, bool Ok, string Detail, bool RequiredByMainJob = true);
