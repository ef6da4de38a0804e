using System.Globalization;

namespace NeuralPredictivity.Regression;

/// <summary>The caller's words for what <see cref="CrossValidation.Evaluate"/> names in its warnings.</summary>
/// <remarks>
/// The regression engine knows neurons only as response columns and knows nothing of the program that
/// calls it. A caller that has ids for the neurons (a recording's unit ids) and a way for its user to
/// widen the hyper-parameter grid (a command-line option, a notebook argument) passes them here, so a
/// warning names neurons the user can find in their files and says what to change.
/// </remarks>
public sealed record CrossValidationLabels
{
    /// <summary>One id per response column, in column order; null names neurons by column index.</summary>
    public IReadOnlyList<string>? NeuronIds { get; init; }

    /// <summary>How to widen the hyper-parameter grid, completing "so …", such as
    /// <c>widen it with --alphas</c>; null gives <see cref="DefaultGridAdvice"/>.</summary>
    public string? GridAdvice { get; init; }

    /// <summary>Advice given when the caller names no way to widen the grid.</summary>
    public const string DefaultGridAdvice = "widen the grid";

    /// <summary>Neuron <paramref name="column"/>'s name: its id when given, else its column index.</summary>
    internal string NeuronName(int column) =>
        NeuronIds?[column] ?? column.ToString(CultureInfo.InvariantCulture);
}
