namespace NeuralPredictivity.Benchmark;

/// <summary>The results folder appeared while this process was writing it (another process finished
/// the same work first) and replacing was not allowed; this process's copy was discarded, so the
/// result stays present exactly once.</summary>
internal sealed class ResultsFolderExistsException(string folder)
    : IOException($"{folder}: already written by another process; this copy was discarded.");
