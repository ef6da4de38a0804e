using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Prints log lines with a timestamp (BENCH_DEBUG=1) to see where a run spends its time.</summary>
internal sealed class ConsoleLogger : ILogger
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        Console.Error.WriteLine($"{_clock.Elapsed.TotalSeconds,8:F3} {logLevel,-11} {formatter(state, exception)}");
    }
}
