using Microsoft.Extensions.Logging;
using PureHDF;

namespace NeuralPredictivity.Datasets;

/// <summary>One-dimensional numeric datasets with the rules of their meaning: times must be floating point.</summary>
/// <remarks>
/// Coordinates may be any numeric type.
/// Limitation: times stored as integers are refused rather than converted: integer spike or sample
/// times are almost always sample counts or microsecond timestamps, and reading them as seconds
/// would be silently wrong by a factor of 10⁴–10⁶. Convert them to float64 seconds first.
/// </remarks>
internal static class Hdf5Vectors
{
    /// <summary>A vector of times in s (float32 or float64, either byte order).</summary>
    internal static double[] ReadTimes(Hdf5Reader h5, string path, string what, ILogger logger)
    {
        var dataset = h5.Dataset(path, what);
        var type = h5.Guard(path, () => StoredType.Of(dataset));
        if (type.IsInteger)
        {
            throw h5.Malformed(path,
                $"expected {what} as floating-point seconds, found {type.Describe()}. Integer times are usually " +
                "sample counts or microsecond timestamps; convert them to seconds in float64 (for example divide " +
                "microseconds by 1e6) and save again.");
        }

        return ReadVector(h5, dataset, path, what, logger);
    }

    /// <summary>A vector of any numeric type, converted exactly to double.</summary>
    internal static double[] ReadValues(Hdf5Reader h5, string path, string what, ILogger logger) =>
        ReadVector(h5, h5.Dataset(path, what), path, what, logger);

    private static double[] ReadVector(Hdf5Reader h5, IH5Dataset dataset, string path, string what, ILogger logger)
    {
        var array = h5.ReadNumeric(dataset, path);
        if (array.IsNull)
        {
            throw h5.Malformed(path, $"has a null dataspace (no data); expected {what}.");
        }

        if (array.Shape.Count(d => d != 1) > 1)
        {
            throw h5.Malformed(path, $"has shape [{string.Join(", ", array.Shape)}]; expected {what} as a vector.");
        }

        if (array.Type.IsBigEndian)
        {
            Log.BigEndianSwapped(logger, h5.FileName, path);
        }

        return array.Values;
    }
}
