namespace NeuralPredictivity.Datasets;

/// <summary>Shape of the open-field enclosure.</summary>
public enum ArenaShape
{
    /// <summary>A square box; width equals height.</summary>
    Square,

    /// <summary>A rectangular box with different width and height.</summary>
    Rectangle,

    /// <summary>A circular arena; width and height both equal the diameter.</summary>
    Circle,
}
