namespace NeuralPredictivity.Regression;

/// <summary>Folds given as explicit sample index lists (e.g. read from a file or another tool).</summary>
/// <remarks>
/// Used to reproduce another analysis's exact splits. The folds are checked against the layout's
/// sample count when split.
/// </remarks>
public sealed class ExplicitFolds : IFoldScheme
{
    private readonly Fold[] _folds;

    /// <summary>Creates the scheme from ready-made folds.</summary>
    /// <param name="folds">At least one fold.</param>
    /// <param name="description">Label written into results.</param>
    public ExplicitFolds(IEnumerable<Fold> folds, string description = "explicit folds")
    {
        ArgumentNullException.ThrowIfNull(folds);
        _folds = folds.ToArray();
        if (_folds.Length == 0)
        {
            throw new ArgumentException("At least one fold is needed.", nameof(folds));
        }

        Description = description;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyList<Fold> Split(BinLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        foreach (var fold in _folds)
        {
            fold.EnsureWithin(layout.BinCount, nameof(layout));
        }

        return _folds;
    }
}
