namespace NeuralPredictivity.Benchmark;

/// <summary>Thrown before any work when one or more settings are invalid; lists every problem.</summary>
public sealed class InvalidSettingsException : ArgumentException
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public InvalidSettingsException(IReadOnlyList<SettingsProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order the options are documented.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    private static string Describe(IReadOnlyList<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid-settings error needs at least one problem.", nameof(problems));
        }

        var noun = problems.Count == 1 ? "setting is" : "settings are";
        return $"{problems.Count} {noun} invalid:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", problems);
    }
}
