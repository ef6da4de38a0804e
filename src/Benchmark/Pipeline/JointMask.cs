using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>The regression bins: finite in every neuron map and every feature map.</summary>
/// <param name="Bins">True for bins that enter regression (length = grid bins).</param>
/// <param name="DroppedByNeurons">Bins where some neuron map is NaN (unvisited at running speed).</param>
/// <param name="DroppedByFeatures">Bins the neurons allow but some feature map is NaN (never reached by
/// the trajectory, or outside the arena for a baseline).</param>
internal sealed record JointMask(bool[] Bins, int DroppedByNeurons, int DroppedByFeatures)
{
    internal int Count => Bins.Count(b => b);

    internal int[] Indexes => Enumerable.Range(0, Bins.Length).Where(b => Bins[b]).ToArray();

    internal static JointMask Of(SpatialMaps neurons, SpatialMaps features)
    {
        if (!neurons.Grid.Equals(features.Grid))
        {
            throw new ArgumentException(
                $"Feature maps are on {features.Grid} but rate maps on {neurons.Grid}; both must share one grid.",
                nameof(features));
        }

        var neuronFinite = neurons.FiniteBins();
        var featureFinite = features.FiniteBins();
        var bins = neuronFinite.Zip(featureFinite, (n, f) => n && f).ToArray();
        var byFeatures = neuronFinite.Zip(featureFinite).Count(p => p.First && !p.Second);
        return new JointMask(bins, neuronFinite.Count(b => !b), byFeatures);
    }

    /// <summary>A copy of <paramref name="maps"/> with every bin outside the mask set to NaN.</summary>
    internal SpatialMaps Apply(SpatialMaps maps)
    {
        var values = (double[,])maps.Values.Clone();
        for (var bin = 0; bin < Bins.Length; bin++)
        {
            if (!Bins[bin])
            {
                for (var j = 0; j < maps.ColumnCount; j++)
                {
                    values[bin, j] = double.NaN;
                }
            }
        }

        return new SpatialMaps(maps.Grid, values, maps.ColumnIds);
    }

    /// <summary>The masked rows of <paramref name="maps"/>: (regression bins × columns).</summary>
    internal double[,] Rows(SpatialMaps maps)
    {
        var indexes = Indexes;
        var result = new double[indexes.Length, maps.ColumnCount];
        for (var i = 0; i < indexes.Length; i++)
        {
            for (var j = 0; j < maps.ColumnCount; j++)
            {
                result[i, j] = maps.Values[indexes[i], j];
            }
        }

        return result;
    }
}
