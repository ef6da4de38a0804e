namespace NeuralPredictivity.Benchmark;

/// <summary>One invalid setting: the option it came from, what was expected and what was found.</summary>
/// <param name="Option">The command-line option, such as <c>--bin-size</c>.</param>
/// <param name="Expected">What a valid value looks like, with the reason when it is not obvious.</param>
/// <param name="Found">The value given, as the user wrote it or as it was resolved.</param>
public sealed record SettingsProblem(string Option, string Expected, string Found)
{
    /// <summary>The message shown to the user: <c>--option: expected …, found ….</c></summary>
    public override string ToString() => $"{Option}: expected {Expected}; found {Found.TrimEnd('.')}.";
}
