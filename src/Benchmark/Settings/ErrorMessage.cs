namespace NeuralPredictivity.Benchmark;

/// <summary>An exception's message as a user should read it.</summary>
/// <remarks>
/// <see cref="ArgumentException.Message"/> appends <c>(Parameter 'name')</c>, which names a parameter of a
/// method the user never called; the CLI and the run's option checks show the message without it. The
/// suffix is built by the runtime itself, so it is removed in whatever language the runtime speaks.
/// </remarks>
public static class ErrorMessage
{
    /// <summary>The message of <paramref name="error"/>, without an argument exception's parameter name.</summary>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is not ArgumentException { ParamName: { Length: > 0 } name })
        {
            return error.Message;
        }

        var suffix = new ArgumentException("", name).Message;
        var at = error.Message.IndexOf(suffix, StringComparison.Ordinal);
        return at < 0 ? error.Message : error.Message.Remove(at, suffix.Length);
    }
}
