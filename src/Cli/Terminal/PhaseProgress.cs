using System.Diagnostics;

namespace NeuralPredictivity.Cli.Terminal;

/// <summary>Renders progress reports as plain lines on standard error, at most a few per second.</summary>
/// <remarks>
/// Library code reports through <see cref="IProgress{T}"/>; the CLI owns the terminal. Plain lines
/// work the same in a terminal, a log file and a batch job, so no terminal control codes are sent.
/// The first and last report of a phase are always written; the ones between are throttled.
/// </remarks>
/// <typeparam name="T">The report type; its <c>ToString()</c> is the line written.</typeparam>
internal sealed class PhaseProgress<T> : IProgress<T>
{
    private readonly TextWriter _writer;
    private readonly Func<T, bool> _isLast;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastWritten = TimeSpan.MinValue;
    private readonly Lock _gate = new();

    internal PhaseProgress(TextWriter writer, Func<T, bool>? isLast = null, TimeSpan? interval = null)
    {
        _writer = writer;
        _isLast = isLast ?? (_ => false);
        _interval = interval ?? TimeSpan.FromMilliseconds(500);
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (_lastWritten != TimeSpan.MinValue && now - _lastWritten < _interval && !_isLast(value))
            {
                return;
            }

            _lastWritten = now;
            _writer.WriteLine(value?.ToString());
        }
    }
}
