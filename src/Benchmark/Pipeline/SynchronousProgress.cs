namespace NeuralPredictivity.Benchmark;

/// <summary>Passes each report to its handler on the reporting thread, at once and in order.</summary>
/// <remarks>
/// <see cref="Progress{T}"/> posts every report to the thread pool when there is no synchronisation
/// context (a console program has none), so a phase's last detail line could be printed after the next
/// phase had started. Runs and the CLI use this type instead, so progress lines keep the order of the work.
/// A report from a parallel loop arrives on that loop's thread; the handler must be thread-safe.
/// </remarks>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
