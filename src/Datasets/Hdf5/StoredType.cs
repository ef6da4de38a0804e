using PureHDF;

namespace NeuralPredictivity.Datasets;

/// <summary>How a dataset or attribute is stored: class, element size, sign and byte order.</summary>
/// <remarks>
/// Readers decide from this, before reading, how to decode the bytes: PureHDF reinterprets an
/// int64 dataset read as <c>double[]</c> and throws on big-endian data, so every numeric read goes
/// through the stored type and converts afterwards.
/// </remarks>
internal sealed record StoredType(H5DataTypeClass Class, int Size, bool IsSigned, bool IsBigEndian)
{
    internal bool IsInteger => Class == H5DataTypeClass.FixedPoint;

    internal bool IsFloat => Class == H5DataTypeClass.FloatingPoint;

    internal bool IsNumeric => IsInteger || IsFloat;

    internal static StoredType Of(IH5Dataset dataset) => From(
        dataset.Type,
        dataset.Type.Class is H5DataTypeClass.FixedPoint or H5DataTypeClass.FloatingPoint
            && PureHdfInternals.IsBigEndian(dataset));

    internal static StoredType Of(IH5Attribute attribute) => From(
        attribute.Type,
        attribute.Type.Class is H5DataTypeClass.FixedPoint or H5DataTypeClass.FloatingPoint
            && PureHdfInternals.IsBigEndian(attribute));

    /// <summary>A phrase for messages, e.g. "int64 (64-bit signed integer)" or "big-endian float64".</summary>
    internal string Describe()
    {
        var order = IsBigEndian ? "big-endian " : string.Empty;
        return Class switch
        {
            H5DataTypeClass.FixedPoint => $"{order}{(IsSigned ? "int" : "uint")}{Size * 8} " +
                                          $"({Size * 8}-bit {(IsSigned ? "signed" : "unsigned")} integer)",
            H5DataTypeClass.FloatingPoint => $"{order}float{Size * 8}",
            H5DataTypeClass.String => $"fixed-length string ({Size} bytes)",
            H5DataTypeClass.VariableLength => "variable-length data (strings or sequences)",
            H5DataTypeClass.Reference => "object references",
            H5DataTypeClass.Compound => "compound records",
            H5DataTypeClass.Enumerated => "enumeration",
            H5DataTypeClass.BitField => "bit field",
            H5DataTypeClass.Opaque => "opaque bytes",
            H5DataTypeClass.Array => "fixed-size arrays",
            _ => Class.ToString(),
        };
    }

    private static StoredType From(IH5DataType type, bool bigEndian) =>
        new(type.Class, type.Size, type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned, bigEndian);
}
