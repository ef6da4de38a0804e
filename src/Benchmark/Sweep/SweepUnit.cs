using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>One unit of work of a sweep: a family at one dimension with one seed.</summary>
/// <param name="Family">Family spec without <c>d</c> and <c>seed</c>, such as <c>random-fourier</c> or
/// <c>random-fourier:lengthscale=20cm</c>.</param>
/// <param name="Dimension">Nominal dimension d, ≥ 1.</param>
/// <param name="Seed">Seed of the unit: the feature seed and the master seed of its run.</param>
public sealed record SweepUnit(string Family, int Dimension, int Seed)
{
    /// <summary>Folder name of the unit: <c>&lt;family-slug&gt;__d&lt;d&gt;__s&lt;seed&gt;</c>, such as
    /// <c>random-fourier__d512__s2</c>.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Slug.Of(Family)}__d{Dimension}__s{Seed}");

    /// <summary>The model spec the unit's run regresses: the family spec with <c>d=</c> and <c>seed=</c>.</summary>
    public string ModelSpec
    {
        get
        {
            // Parameters follow the innermost family name: "shuffled:random-fourier" has none yet,
            // "shuffled:random-fourier:lengthscale=20cm" has one.
            var separator = Family.Split(':')[^1].Contains('=') ? "," : ":";
            return string.Create(CultureInfo.InvariantCulture, $"{Family}{separator}d={Dimension},seed={Seed}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
