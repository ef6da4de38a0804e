using System.Diagnostics;

namespace NeuralPredictivity.Cli.Terminal;

/// <summary>Renders progress reports as plain lines on standard error, at most a few per second.</summary>
/// <remarks>
/// Library code reports through <see cref="IProgress{T}"/>; the CLI owns the terminal. Plain lines
/// work the same in a terminal, a log file and a batch job, so no terminal control codes are sent.
/// The first report of each phase (one whose phase number differs from the report before it) and the
/// last report are always written; the ones between are throttled to one per interval. Without the
/// phase rule a quick phase, such as the joint mask, started within the interval of the previous line
/// and was never shown.
/// </remarks>
/// <typeparam name="T">The report type; its <c>ToString()</c> is the line written.</typeparam>
internal sealed class PhaseProgress<T> : IProgress<T>
{
    private readonly TextWriter _writer;
    private readonly Func<T, bool> _isLast;
    private readonly Func<T, int>? _phaseOf;
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastWritten = TimeSpan.MinValue;
    private int? _lastPhase;
    private readonly Lock _gate = new();

    /// <param name="writer">Where lines go (standard error).</param>
    /// <param name="isLast">Marks the final report, which is always written.</param>
    /// <param name="interval">Least time between throttled lines; 500 ms by default.</param>
    /// <param name="phaseOf">The phase a report belongs to; a report opening a new phase is always written.
    /// Null when the reports have no phases.</param>
    internal PhaseProgress(TextWriter writer, Func<T, bool>? isLast = null, TimeSpan? interval = null,
        Func<T, int>? phaseOf = null)
    {
        _writer = writer;
        _isLast = isLast ?? (_ => false);
        _interval = interval ?? TimeSpan.FromMilliseconds(500);
        _phaseOf = phaseOf;
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            int? phase = _phaseOf is null ? null : _phaseOf(value);
            var opensPhase = phase is not null && phase != _lastPhase;
            _lastPhase = phase;
            if (_lastWritten != TimeSpan.MinValue && now - _lastWritten < _interval && !opensPhase && !_isLast(value))
            {
                return;
            }

            _lastWritten = now;
            _writer.WriteLine(value?.ToString());
        }
    }
}
