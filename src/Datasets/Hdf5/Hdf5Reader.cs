using System.Buffers.Binary;
using PureHDF;
using PureHDF.VOL.Native;

namespace NeuralPredictivity.Datasets;

/// <summary>
/// An open HDF5 file whose every read first checks the stored type, byte order and filter
/// pipeline, and whose every failure names the file and the HDF5 path.
/// </summary>
/// <remarks>
/// PureHDF 2.2.0 pitfalls handled here: big-endian numbers throw (read as raw bytes, then
/// swapped); reading int64 as double reinterprets the bytes (every type is read as stored, then
/// converted, refusing integers beyond 2^53 that double cannot hold); filters other than deflate,
/// shuffle and fletcher32 (LZF, szip, Blosc, ...) are refused by name; fletcher32 checksums are
/// verified by PureHDF 2.2.0 (measured: intact chunks, partial edge chunks and every filter order
/// read back exactly, and a flipped bit is caught; Hdf5ReaderTests pins both), and a mismatch is
/// reported as a corrupt file. A file shorter than its superblock records is reported as truncated
/// before anything is read. Any other library exception becomes an
/// <see cref="InvalidDataException"/> naming the file and path.
/// Limitation: only the deflate (gzip), shuffle and fletcher32 filters are decoded; data compressed
/// with LZF, szip, Blosc, Zstandard or other plugins raise a NotSupportedException naming the
/// filter. Re-save such files without compression (<c>h5repack -f NONE</c>).
/// </remarks>
internal sealed class Hdf5Reader : IDisposable
{
    private static readonly Dictionary<ushort, string> KnownFilters = new()
    {
        [1] = "deflate (gzip)", [2] = "shuffle", [3] = "fletcher32", [4] = "szip", [5] = "nbit",
        [6] = "scaleoffset", [307] = "bzip2", [32000] = "LZF", [32001] = "Blosc", [32004] = "LZ4",
        [32008] = "bitshuffle", [32015] = "Zstandard", [32026] = "Blosc2",
    };

    private static readonly HashSet<ushort> ReadableFilters = [1, 2, 3];

    private readonly Dictionary<string, Dictionary<string, IH5Object>> _members = new(StringComparer.Ordinal);

    private Hdf5Reader(string path, NativeFile root)
    {
        Path = path;
        Root = root;
    }

    internal string Path { get; }

    internal string FileName => System.IO.Path.GetFileName(Path);

    internal NativeFile Root { get; }

    internal static Hdf5Reader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        NativeFile root;
        try
        {
            root = (NativeFile)H5File.OpenRead(path);
        }
        catch (Exception ex) when (ex is not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException(
                $"{System.IO.Path.GetFileName(path)}: not a readable HDF5 file ({FirstLine(ex)}). " +
                "The file may be truncated, or in another format (MATLAB v5 .mat, NWB written with Zarr, ...).",
                ex);
        }

        // HDF5 records the file's length; a shorter file lost its tail (an interrupted copy or download),
        // and data there would read as garbage or fail later at a confusing place.
        var length = (ulong)new FileInfo(path).Length;
        var recorded = PureHdfInternals.RecordedEndOfFile(root);
        if (length < recorded)
        {
            root.Dispose();
            throw new InvalidDataException(
                $"{System.IO.Path.GetFileName(path)}: truncated: the file is {length} bytes but its HDF5 " +
                "superblock " +
                $"records {recorded}. Copy it again from its source.");
        }

        return new Hdf5Reader(path, root);
    }

    public void Dispose() => Root.Dispose();

    internal bool Exists(string hdfPath) => Find(hdfPath) is not null;

    internal IH5Object Get(string hdfPath) =>
        Find(hdfPath) ?? throw Malformed(hdfPath, "missing.");

    /// <summary>The object at an absolute path, or null when a link on the way is missing.</summary>
    /// <remarks>
    /// Walks the path one group at a time through each group's cached member list: PureHDF resolves
    /// a full path by searching every group on it again, which made reading a 65-unit file take
    /// seconds; listing each group once takes milliseconds.
    /// </remarks>
    internal IH5Object? Find(string hdfPath)
    {
        IH5Object current = Root;
        var walked = string.Empty;
        foreach (var name in hdfPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current is not IH5Group group)
            {
                return null;
            }

            var members = Members(group, walked.Length == 0 ? "/" : walked);
            walked += "/" + name;
            if (!members.TryGetValue(name, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The members of a group by name, listed once per file.</summary>
    internal IReadOnlyDictionary<string, IH5Object> Members(IH5Group group, string groupPath)
    {
        if (!_members.TryGetValue(groupPath, out var members))
        {
            members = Guard(groupPath, () => group.Children().ToDictionary(c => c.Name, StringComparer.Ordinal));
            _members[groupPath] = members;
        }

        return members;
    }

    /// <summary>The dataset at <paramref name="hdfPath"/>, or an error saying what was expected there.</summary>
    internal IH5Dataset Dataset(string hdfPath, string expected)
    {
        if (!Exists(hdfPath))
        {
            throw Malformed(hdfPath, $"missing; expected {expected}.");
        }

        return Get(hdfPath) switch
        {
            IH5Dataset dataset => dataset,
            IH5UnresolvedLink link => throw Malformed(hdfPath,
                $"is a link that cannot be followed ({link.Reason?.Message ?? "unresolved"}); expected {expected}."),
            _ => throw Malformed(hdfPath, $"is a group; expected {expected}."),
        };
    }

    /// <summary>The group at <paramref name="hdfPath"/>, or an error saying what was expected there.</summary>
    internal IH5Group Group(string hdfPath, string expected)
    {
        if (!Exists(hdfPath))
        {
            throw Malformed(hdfPath, $"missing; expected {expected}.");
        }

        return Get(hdfPath) switch
        {
            IH5Group group => group,
            IH5UnresolvedLink link => throw Malformed(hdfPath,
                $"is a link that cannot be followed ({link.Reason?.Message ?? "unresolved"}); expected {expected}."),
            _ => throw Malformed(hdfPath, $"is a dataset; expected {expected}."),
        };
    }

    /// <summary>Reads any integer or floating-point dataset exactly into doubles, with its shape.</summary>
    internal Hdf5Array ReadNumeric(IH5Dataset dataset, string hdfPath)
    {
        var type = Guard(hdfPath, () => StoredType.Of(dataset));
        if (dataset.Space.Type == H5DataspaceType.Null)
        {
            return new Hdf5Array([], [], type, IsNull: true);
        }

        if (!type.IsNumeric)
        {
            throw Malformed(hdfPath, $"expected numbers, found {type.Describe()}.");
        }

        CheckStorage(dataset, hdfPath);
        var shape = dataset.Space.Type == H5DataspaceType.Scalar ? [] : dataset.Space.Dimensions;
        var where = $"{FileName}: {hdfPath}";
        var values = Guard(hdfPath, () => type.IsBigEndian
            ? Swap(dataset.Read<byte[]>(), type, where)
            : ReadAsStored(dataset, type, where));
        var expectedCount = shape.Aggregate(1UL, (product, d) => product * d);
        if ((ulong)values.Length != expectedCount)
        {
            throw Malformed(hdfPath, $"holds {values.Length} values but its shape [{string.Join(", ", shape)}] " +
                                     $"needs {expectedCount}; the file is damaged.");
        }

        return new Hdf5Array(values, shape, type, IsNull: false);
    }

    /// <summary>Reads an integer dataset exactly (ids, ragged-array offsets), refusing floats.</summary>
    internal long[] ReadIntegers(IH5Dataset dataset, string hdfPath)
    {
        var type = Guard(hdfPath, () => StoredType.Of(dataset));
        if (!type.IsInteger)
        {
            throw Malformed(hdfPath, $"expected integers, found {type.Describe()}.");
        }

        var array = ReadNumeric(dataset, hdfPath);
        return array.Values.Select(v => (long)v).ToArray();
    }

    /// <summary>Reads fixed-length or variable-length strings; padding NULs are stripped.</summary>
    internal string[] ReadStrings(IH5Dataset dataset, string hdfPath)
    {
        if (dataset.Space.Type == H5DataspaceType.Null)
        {
            return [];
        }

        var isText = dataset.Type.Class == H5DataTypeClass.String
                     || (dataset.Type.Class == H5DataTypeClass.VariableLength
                         && Guard(hdfPath, () => PureHdfInternals.IsVariableLengthString(dataset)));
        if (!isText)
        {
            throw Malformed(hdfPath,
                $"expected strings, found {Guard(hdfPath, () => StoredType.Of(dataset)).Describe()}.");
        }

        CheckStorage(dataset, hdfPath);
        var strings = Guard(hdfPath, () => dataset.Space.Type == H5DataspaceType.Scalar
            ? [dataset.Read<string>()]
            : dataset.Read<string[]>());
        return strings.Select(s => (s ?? string.Empty).TrimEnd('\0')).ToArray();
    }

    /// <summary>A string attribute, or null when absent; numbers are formatted invariantly.</summary>
    internal string? StringAttribute(IH5Object owner, string ownerPath, string name)
    {
        if (!Guard(ownerPath, () => owner.AttributeExists(name)))
        {
            return null;
        }

        return AttributeText(Guard(ownerPath, () => owner.Attribute(name)), $"{ownerPath} attribute '{name}'");
    }

    /// <summary>Every text or numeric attribute of an object, formatted invariantly, read in one pass.</summary>
    internal Dictionary<string, string> AttributeTexts(IH5Object owner, string ownerPath)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in Guard(ownerPath, () => owner.Attributes().ToList()))
        {
            if (AttributeText(attribute, $"{ownerPath} attribute '{attribute.Name}'") is { } text)
            {
                texts[attribute.Name] = text;
            }
        }

        return texts;
    }

    /// <summary>
    /// A numeric attribute as doubles (exact for integers up to 2^53), or null when absent or not numeric.
    /// </summary>
    internal double[]? NumericAttribute(IH5Object owner, string ownerPath, string name)
    {
        if (!Guard(ownerPath, () => owner.AttributeExists(name)))
        {
            return null;
        }

        return AttributeNumbers(Guard(ownerPath, () => owner.Attribute(name)), $"{ownerPath} attribute '{name}'");
    }

    private string? AttributeText(IH5Attribute attribute, string where)
    {
        if (attribute.Space.Type == H5DataspaceType.Null)
        {
            return null;
        }

        if (attribute.Type.Class == H5DataTypeClass.String
            || (attribute.Type.Class == H5DataTypeClass.VariableLength
                && Guard(where, () => PureHdfInternals.IsVariableLengthString(attribute))))
        {
            var values = Guard(where, () => attribute.Space.Type == H5DataspaceType.Scalar
                ? [attribute.Read<string>()]
                : attribute.Read<string[]>());
            return string.Join(", ", values.Select(v => (v ?? string.Empty).TrimEnd('\0')));
        }

        var numbers = AttributeNumbers(attribute, where);
        return numbers is null
            ? null
            : string.Join(", ", numbers.Select(v => v.ToString("R",
                System.Globalization.CultureInfo.InvariantCulture)));
    }

    private double[]? AttributeNumbers(IH5Attribute attribute, string where)
    {
        var located = $"{FileName}: {where}";
        var type = Guard(where, () => StoredType.Of(attribute));
        if (!type.IsNumeric || attribute.Space.Type == H5DataspaceType.Null)
        {
            return null;
        }

        return Guard(where, () => type.IsBigEndian
            ? Swap(attribute.Read<byte[]>(), type, located)
            : DecodeStored(type, located, () => attribute.Read<double[]>(), () => attribute.Read<float[]>(),
                () => attribute.Read<long[]>(), () => attribute.Read<ulong[]>(), () => attribute.Read<int[]>(),
                () => attribute.Read<uint[]>(), () => attribute.Read<short[]>(), () => attribute.Read<ushort[]>(),
                () => attribute.Read<sbyte[]>(), () => attribute.Read<byte[]>()));
    }

    internal InvalidDataException Malformed(string hdfPath, string message, Exception? inner = null) =>
        new($"{FileName}: {hdfPath}: {message}", inner);

    /// <summary>Runs a PureHDF call, turning library exceptions into messages that name the file and path.</summary>
    internal T Guard<T>(string hdfPath, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not InvalidDataException and not NotSupportedException
                                       and not InvalidOperationException and not ArgumentException)
        {
            var detail = FirstLine(ex);
            var cause = ex;
            while (cause.InnerException is not null)
            {
                cause = cause.InnerException;
            }

            if (cause.Message.Contains("Fletcher32", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed(hdfPath, "failed its fletcher32 checksum: the stored bytes are corrupt. " +
                                         "Copy the file again from its source.", ex);
            }

            if (cause is EndOfStreamException || detail.Contains("too small", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed(hdfPath, $"cannot be read because the file ends early ({detail}); " +
                                         "it is probably truncated. Copy it again from its source.", ex);
            }

            throw Malformed(hdfPath, $"cannot be read: {detail}" +
                                     (cause != ex ? $" ({FirstLine(cause)})" : string.Empty), ex);
        }
    }

    /// <summary>Refuses virtual datasets and filters that cannot be decoded, naming the filter.</summary>
    internal void CheckStorage(IH5Dataset dataset, string hdfPath)
    {
        if (dataset.Layout.Class == H5DataLayoutClass.VirtualStorage)
        {
            throw new NotSupportedException(
                $"{FileName}: {hdfPath} is a virtual dataset (it maps data from other files); " +
                "this toolkit reads only data stored in the file itself. Materialise it with h5repack first.");
        }

        foreach (var (id, storedName) in Guard(hdfPath, () => PureHdfInternals.Filters(dataset)))
        {
            if (!ReadableFilters.Contains(id))
            {
                var name = KnownFilters.GetValueOrDefault(id, string.IsNullOrWhiteSpace(storedName)
                    ? "unnamed" : storedName);
                throw new NotSupportedException(
                    $"{FileName}: {hdfPath} is compressed with the HDF5 filter {name} (id {id}), which this " +
                    "toolkit " +
                    "cannot decode (it reads deflate/gzip, shuffle and fletcher32). Re-save the file without it, " +
                    $"for example: h5repack -f NONE {FileName} plain.h5");
            }
        }
    }

    private double[] ReadAsStored(IH5Dataset dataset, StoredType type, string where) =>
        DecodeStored(type, where, () => dataset.Read<double[]>(), () => dataset.Read<float[]>(),
            () => dataset.Read<long[]>(), () => dataset.Read<ulong[]>(), () => dataset.Read<int[]>(),
            () => dataset.Read<uint[]>(), () => dataset.Read<short[]>(), () => dataset.Read<ushort[]>(),
            () => dataset.Read<sbyte[]>(), () => dataset.Read<byte[]>());

    private double[] DecodeStored(
        StoredType type, string where,
        Func<double[]> f64, Func<float[]> f32, Func<long[]> i64, Func<ulong[]> u64, Func<int[]> i32,
        Func<uint[]> u32, Func<short[]> i16, Func<ushort[]> u16, Func<sbyte[]> i8, Func<byte[]> u8)
    {
        return (type.Class, type.Size, type.IsSigned) switch
        {
            (H5DataTypeClass.FloatingPoint, 8, _) => f64(),
            (H5DataTypeClass.FloatingPoint, 4, _) => f32().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 8, true) => i64().Select(v => Exact(v, where)).ToArray(),
            (H5DataTypeClass.FixedPoint, 8, false) => u64().Select(v => Exact(v, where)).ToArray(),
            (H5DataTypeClass.FixedPoint, 4, true) => i32().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 4, false) => u32().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 2, true) => i16().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 2, false) => u16().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 1, true) => i8().Select(v => (double)v).ToArray(),
            (H5DataTypeClass.FixedPoint, 1, false) => u8().Select(v => (double)v).ToArray(),
            _ => throw new NotSupportedException(
                $"{where}: numbers stored as {type.Describe()} are not supported; " +
                "use 8/16/32/64-bit integers or 32/64-bit IEEE floats."),
        };
    }

    private static double[] Swap(byte[] raw, StoredType type, string where)
    {
        var size = type.Size;
        var values = new double[raw.Length / size];
        for (var i = 0; i < values.Length; i++)
        {
            var bytes = raw.AsSpan(i * size, size);
            values[i] = (type.Class, size, type.IsSigned) switch
            {
                (H5DataTypeClass.FloatingPoint, 8, _) => BinaryPrimitives.ReadDoubleBigEndian(bytes),
                (H5DataTypeClass.FloatingPoint, 4, _) => BinaryPrimitives.ReadSingleBigEndian(bytes),
                (H5DataTypeClass.FixedPoint, 8, true) => Exact(BinaryPrimitives.ReadInt64BigEndian(bytes), where),
                (H5DataTypeClass.FixedPoint, 8, false) => Exact(BinaryPrimitives.ReadUInt64BigEndian(bytes), where),
                (H5DataTypeClass.FixedPoint, 4, true) => BinaryPrimitives.ReadInt32BigEndian(bytes),
                (H5DataTypeClass.FixedPoint, 4, false) => BinaryPrimitives.ReadUInt32BigEndian(bytes),
                (H5DataTypeClass.FixedPoint, 2, true) => BinaryPrimitives.ReadInt16BigEndian(bytes),
                (H5DataTypeClass.FixedPoint, 2, false) => BinaryPrimitives.ReadUInt16BigEndian(bytes),
                (H5DataTypeClass.FixedPoint, 1, true) => (sbyte)bytes[0],
                (H5DataTypeClass.FixedPoint, 1, false) => bytes[0],
                _ => throw new NotSupportedException(
                    $"{where}: numbers stored as {type.Describe()} are not supported."),
            };
        }

        return values;
    }

    // Doubles hold every integer up to 2^53 exactly; beyond that a silent rounding would corrupt ids or times.
    private const long ExactIntegerLimit = 1L << 53;

    private static double Exact(long value, string where) =>
        value is >= -ExactIntegerLimit and <= ExactIntegerLimit
            ? value
            : throw new InvalidDataException(
                $"{where}: the integer {value} exceeds 2^53 and cannot be represented exactly.");

    private static double Exact(ulong value, string where) =>
        value <= ExactIntegerLimit
            ? value
            : throw new InvalidDataException(
                $"{where}: the integer {value} exceeds 2^53 and cannot be represented exactly.");

    internal static string FirstLine(Exception ex) => ex.Message.Split('\n', 2)[0].Trim();
}
