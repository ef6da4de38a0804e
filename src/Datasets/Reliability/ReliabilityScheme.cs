namespace NeuralPredictivity.Datasets;

/// <summary>How the two maps compared for a neuron's reliability are formed.</summary>
public enum ReliabilityScheme
{
    /// <summary>
    /// Time blocks (default 60 s) assigned to two halves at random, repeated over seeded draws (the default).
    /// </summary>
    RandomBlocks,

    /// <summary>The first half of the session against the second.</summary>
    FirstSecondHalf,

    /// <summary>Even-numbered blocks (default: minutes) against odd-numbered ones.</summary>
    OddEvenMinutes,

    /// <summary>The whole of one session against the whole of another session of the same neurons.</summary>
    CrossSession,
}
