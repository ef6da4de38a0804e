namespace NeuralPredictivity.Baselines;

/// <summary>Floor shape of an open-field arena.</summary>
public enum ArenaShape
{
    /// <summary>A rectangle (a square box when width equals height), sides parallel to x and y.</summary>
    Rectangle,

    /// <summary>A circular arena (e.g. Hafting et al. 2005, diameter about 180 cm).</summary>
    Circle,
}
