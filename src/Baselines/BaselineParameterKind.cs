namespace NeuralPredictivity.Baselines;

/// <summary>How a family parameter is written in a spec and what values it takes.</summary>
public enum BaselineParameterKind
{
    /// <summary>A whole number, e.g. <c>d=512</c> or <c>seed=3</c>.</summary>
    Integer,

    /// <summary>A length in cm, mm or m, e.g. <c>lengthscale=20cm</c>; a bare number means cm.</summary>
    Length,

    /// <summary>A dimensionless real number, e.g. <c>ratio=1.42</c>.</summary>
    Number,

    /// <summary>One word from a fixed list, e.g. <c>profile=dog</c>.</summary>
    Choice,

    /// <summary>Free text such as a file path, e.g. <c>checkpoint=runs/rnn/model.pt</c>.</summary>
    Text,
}
