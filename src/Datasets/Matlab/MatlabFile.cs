using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PureHDF;
using PureHDF.VOL.Native;

namespace NeuralPredictivity.Datasets;

/// <summary>A MATLAB v7.3 .mat file: HDF5 behind a 512-byte user block, read with MATLAB's meaning.</summary>
/// <remarks>
/// What the HDF5 layer cannot see and this class restores: dimensions reversed (a MATLAB m × n
/// array is an n × m dataset, so the flat storage order is MATLAB's column-major order), char
/// arrays as UTF-16 code units read along MATLAB rows, logical as uint8, cell arrays as object
/// references into <c>/#refs#</c>, structs as groups ordered by <c>MATLAB_fields</c> (when that
/// attribute does not name the members, the stored order is used and a warning logged), and empty
/// arrays whose stored data is their size vector (<c>MATLAB_empty</c>), never data.
/// MATLAB's internal groups <c>#refs#</c> and <c>#subsystem#</c> are not variables.
/// Limitation: objects (the <c>string</c> class, tables, datetime, function handles, ...), sparse
/// and complex arrays are refused with a NotSupportedException naming the variable and class;
/// convert them in MATLAB (<c>char</c>/<c>cellstr</c> for strings, <c>full</c> for sparse) and save
/// again.
/// </remarks>
internal sealed class MatlabFile : IDisposable
{
    private static readonly HashSet<string> NumericClasses =
        ["double", "single", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"];

    private readonly Hdf5Reader _h5;
    private readonly ILogger _logger;

    private MatlabFile(Hdf5Reader h5, ILogger logger)
    {
        _h5 = h5;
        _logger = logger;
    }

    internal string FileName => _h5.FileName;

    internal static MatlabFile Open(string path, ILogger? logger = null)
    {
        CheckHeader(path);
        return new MatlabFile(Hdf5Reader.Open(path), logger ?? NullLogger.Instance);
    }

    public void Dispose() => _h5.Dispose();

    /// <summary>User variables in name order (MATLAB's internal groups excluded).</summary>
    internal IReadOnlyList<string> VariableNames =>
        _h5.Guard("/", () => _h5.Root.Children().Select(c => c.Name))
            .Where(n => !n.StartsWith('#'))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads one variable by name.</summary>
    internal MatlabValue Read(string name)
    {
        var path = "/" + name;
        if (name.StartsWith('#') || !_h5.Exists(path))
        {
            throw new InvalidDataException(
                $"{FileName}: has no variable '{name}'; its variables are {string.Join(", ", VariableNames)}.");
        }

        return ReadObject(_h5.Get(path), path, name);
    }

    /// <summary>Checks the 128-byte MATLAB text header and refuses v5/v7 files, which are not HDF5.</summary>
    internal static void CheckHeader(string path)
    {
        var header = new byte[128];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Read(header, 0, header.Length) < header.Length)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(path)}: shorter than a MATLAB header (128 bytes).");
            }
        }

        var text = Encoding.ASCII.GetString(header, 0, 116);
        if (text.StartsWith("MATLAB 7.3 MAT-file", StringComparison.Ordinal))
        {
            return;
        }

        if (text.StartsWith("MATLAB 5.0 MAT-file", StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"{Path.GetFileName(path)} is a MATLAB v5/v7 MAT-file, not v7.3 (HDF5); this toolkit reads v7.3. " +
                "In MATLAB: S = load('file.mat'); save('file_v73.mat', '-struct', 'S', '-v7.3').");
        }

        throw new InvalidDataException(
            $"{Path.GetFileName(path)}: has no MATLAB 7.3 header (expected the text \"MATLAB 7.3 MAT-file\" in the " +
            "first 128 bytes); it is not a MATLAB v7.3 file.");
    }

    private MatlabValue ReadObject(IH5Object item, string path, string where)
    {
        var matlabClass = _h5.StringAttribute(item, path, "MATLAB_class");
        if (item is IH5Group group)
        {
            return matlabClass is null or "struct"
                ? ReadStruct(group, path, where)
                : throw Unsupported(where, matlabClass, "it is a MATLAB object stored as a group");
        }

        var dataset = (IH5Dataset)item;
        if (matlabClass is null)
        {
            throw _h5.Malformed(path,
                $"'{where}' has no MATLAB_class attribute; it was not written by MATLAB's save -v7.3.");
        }

        if (matlabClass == "string" || _h5.Guard(path, () => dataset.AttributeExists("MATLAB_object_decode")))
        {
            throw Unsupported(where, matlabClass, "it is an opaque MATLAB object (MCOS) that HDF5 cannot decode");
        }

        if (_h5.Guard(path, () => dataset.AttributeExists("MATLAB_sparse")))
        {
            throw Unsupported(where, matlabClass + " (sparse)", "sparse arrays are not supported");
        }

        if (dataset.Type.Class == H5DataTypeClass.Compound)
        {
            throw Unsupported(where, matlabClass + " (complex)", "complex numbers are not supported");
        }

        var empty = _h5.NumericAttribute(dataset, path, "MATLAB_empty");
        if (empty is { Length: > 0 } && empty[0] != 0)
        {
            return Empty(dataset, path, matlabClass);
        }

        return matlabClass switch
        {
            "cell" => ReadCell(dataset, path, where),
            "char" => ReadChar(dataset, path),
            "logical" => ReadLogical(dataset, path),
            _ when NumericClasses.Contains(matlabClass) => ReadNumeric(dataset, path, matlabClass),
            _ => throw Unsupported(where, matlabClass, "this MATLAB class is not supported"),
        };
    }

    private MatlabValue Empty(IH5Dataset dataset, string path, string matlabClass)
    {
        // The stored data of an empty array is its MATLAB size vector, not elements.
        var size = _h5.ReadNumeric(dataset, path).Values.Select(v => (int)v).ToArray();
        if (size.Length < 2)
        {
            size = [0, 0];
        }

        return matlabClass switch
        {
            "cell" => new MatlabCell(size, []),
            "char" => new MatlabChar(size, []),
            "logical" => new MatlabLogical(size, []),
            "struct" => new MatlabStruct(size, [], new Dictionary<string, MatlabValue>()),
            _ => new MatlabNumeric(matlabClass, size, []),
        };
    }

    private MatlabNumeric ReadNumeric(IH5Dataset dataset, string path, string matlabClass)
    {
        var array = _h5.ReadNumeric(dataset, path);
        return new MatlabNumeric(matlabClass, MatlabSize(array.Shape), array.Values);
    }

    private MatlabChar ReadChar(IH5Dataset dataset, string path)
    {
        var array = _h5.ReadNumeric(dataset, path);
        if (array.Type.Size != 2 || !array.Type.IsInteger)
        {
            throw _h5.Malformed(path,
                $"a MATLAB char array must be stored as uint16 code units, found {array.Type.Describe()}.");
        }

        return new MatlabChar(MatlabSize(array.Shape), array.Values.Select(v => (char)(ushort)v).ToArray());
    }

    private MatlabLogical ReadLogical(IH5Dataset dataset, string path)
    {
        var array = _h5.ReadNumeric(dataset, path);
        return new MatlabLogical(MatlabSize(array.Shape), array.Values.Select(v => v != 0).ToArray());
    }

    private MatlabCell ReadCell(IH5Dataset dataset, string path, string where)
    {
        if (dataset.Type.Class != H5DataTypeClass.Reference)
        {
            throw _h5.Malformed(path,
                $"a MATLAB cell must hold object references, found {StoredType.Of(dataset).Describe()}.");
        }

        _h5.CheckStorage(dataset, path);
        var size = MatlabSize(dataset.Space.Dimensions);
        var references = _h5.Guard(path, () => dataset.Read<NativeObjectReference1[]>());
        var elements = new MatlabValue[references.Length];
        for (var i = 0; i < references.Length; i++)
        {
            var target = _h5.Guard(path, () => _h5.Root.Get(references[i]));
            elements[i] = ReadObject(target, "/#refs#/" + target.Name, $"{where}{{{i + 1}}}");
        }

        return new MatlabCell(size, elements);
    }

    private MatlabStruct ReadStruct(IH5Group group, string path, string where)
    {
        var children = _h5.Guard(path, () => group.Children().ToDictionary(c => c.Name));
        var order = FieldOrder(group, path, children.Keys);
        var fields = new Dictionary<string, MatlabValue>();
        foreach (var field in order)
        {
            fields[field] = ReadObject(children[field], path + "/" + field, $"{where}.{field}");
        }

        return new MatlabStruct([1, 1], order, fields);
    }

    /// <summary>
    /// Field names in MATLAB's order (attribute MATLAB_fields), or in stored order when it is absent or
    /// unusable.
    /// </summary>
    private IReadOnlyList<string> FieldOrder(IH5Group group, string path, IEnumerable<string> members)
    {
        var stored = members.ToArray();
        if (!_h5.Guard(path, () => group.AttributeExists("MATLAB_fields")))
        {
            return stored;
        }

        // MATLAB writes each name as a variable-length sequence of one-character strings.
        var named = _h5.Guard(path, () => group.Attribute("MATLAB_fields").Read<string[][]>())
            .Select(chars => string.Concat(chars))
            .ToArray();
        if (named.Length == stored.Length && named.All(stored.Contains))
        {
            return named;
        }

        Log.MatlabFieldsMismatch(_logger, FileName, path, string.Join(", ", named), string.Join(", ", stored));
        return stored;
    }

    private static int[] MatlabSize(ulong[] hdf5Shape)
    {
        var size = hdf5Shape.Reverse().Select(d => checked((int)d)).ToList();
        while (size.Count < 2)
        {
            size.Add(1);
        }

        return size.ToArray();
    }

    private NotSupportedException Unsupported(string variable, string matlabClass, string why)
    {
        var advice = matlabClass == "string"
            ? "convert it in MATLAB with char() or cellstr() and save again"
            : "convert it to a numeric, char, logical, cell or struct array in MATLAB and save again";
        return new NotSupportedException(
            $"{FileName}: variable '{variable}' has MATLAB class '{matlabClass}': {why}. To use it, {advice}.");
    }
}
