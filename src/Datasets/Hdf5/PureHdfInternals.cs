using System.Reflection;
using PureHDF;
using PureHDF.VOL.Native;

namespace NeuralPredictivity.Datasets;

/// <summary>
/// Facts about stored data that PureHDF 2.2.0 parses but does not expose publicly: byte order,
/// the filter pipeline, whether a variable-length type is a string or a sequence, and the file
/// length the superblock records (which reveals a truncated file before any read fails).
/// </summary>
/// <remarks>
/// The readers must check these before reading (PureHDF throws on big-endian data and cannot
/// decode every filter), and the public API offers no way to ask. Every access is by reflection on the pinned
/// 2.2.0 types and
/// fails with a message that names the member, so an upgrade that renames one is caught by the
/// tests at once instead of silently skipping a check.
/// </remarks>
internal static class PureHdfInternals
{
    private const BindingFlags AnyInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>
    /// True when a numeric dataset is stored big-endian; false for little-endian or non-numeric data.
    /// </summary>
    internal static bool IsBigEndian(IH5Dataset dataset) => IsBigEndian(Member(dataset, "InternalDataType"));

    /// <summary>True when a numeric attribute is stored big-endian.</summary>
    internal static bool IsBigEndian(IH5Attribute attribute) =>
        IsBigEndian(Member(Member(attribute, "Message"), "Datatype"));

    /// <summary>The dataset's filter pipeline in write order as (HDF5 filter id, name stored in the file).</summary>
    internal static IReadOnlyList<(ushort Id, string Name)> Filters(IH5Dataset dataset)
    {
        var pipeline = Member(dataset, "InternalFilterPipeline", optional: true);
        if (pipeline is null)
        {
            return [];
        }

        var filters = new List<(ushort, string)>();
        foreach (var description in (Array)Member(pipeline, "FilterDescriptions")!)
        {
            var id = (ushort)Member(description, "Identifier")!;
            var name = Member(description, "Name", optional: true) as string ?? string.Empty;
            filters.Add((id, name));
        }

        return filters;
    }

    /// <summary>True when a variable-length type holds strings, false when it is a sequence of elements.</summary>
    internal static bool IsVariableLengthString(IH5Dataset dataset) =>
        IsVariableLengthString(Member(dataset, "InternalDataType"));

    /// <summary>True when a variable-length attribute type holds strings rather than sequences.</summary>
    internal static bool IsVariableLengthString(IH5Attribute attribute) =>
        IsVariableLengthString(Member(Member(attribute, "Message"), "Datatype"));

    /// <summary>The end-of-file address the superblock records: the file's length when it was written.</summary>
    /// <remarks>Measured on files with and without a 512-byte user block: the value equals the file length in
    /// both.</remarks>
    internal static ulong RecordedEndOfFile(IH5Object file) =>
        Convert.ToUInt64(Member(Member(Member(file, "Context"), "Superblock"), "EndOfFileAddress"), null);

    private static bool IsBigEndian(object? datatypeMessage)
    {
        var bitField = Member(datatypeMessage, "BitField");
        var property = bitField!.GetType().GetProperty("ByteOrder", AnyInstance);
        if (property is null)
        {
            return false;
        }

        return property.GetValue(bitField)?.ToString() switch
        {
            "LittleEndian" => false,
            "BigEndian" => true,
            var other => throw new NotSupportedException(
                $"HDF5 byte order '{other}' (VAX) is not supported; re-save the data as little-endian IEEE numbers."),
        };
    }

    private static bool IsVariableLengthString(object? datatypeMessage)
    {
        var bitField = Member(datatypeMessage, "BitField");
        var kind = bitField!.GetType().GetProperty("Type", AnyInstance)?.GetValue(bitField)?.ToString();
        return kind switch
        {
            "String" => true,
            "Sequence" => false,
            _ => throw Changed("VariableLengthBitFieldDescription.Type", "String or Sequence"),
        };
    }

    private static object? Member(object? target, string name, bool optional = false)
    {
        if (target is null)
        {
            throw Changed(name, "an object");
        }

        var property = target.GetType().GetProperty(name, AnyInstance);
        if (property is null)
        {
            throw Changed($"{target.GetType().Name}.{name}", "a property");
        }

        var value = property.GetValue(target);
        return value is null && !optional ? throw Changed($"{target.GetType().Name}.{name}", "a value") : value;
    }

    private static InvalidOperationException Changed(string member, string expected) =>
        new($"PureHDF's internal member {member} is not {expected}. NeuralPredictivity checks byte order and " +
            $"filters through PureHDF {typeof(H5File).Assembly.GetName().Version} internals and was written for " +
            "2.2.0; keep the PureHDF version pinned in Directory.Packages.props.");
}
