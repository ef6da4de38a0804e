namespace NeuralPredictivity.Datasets;

/// <summary>A MATLAB variable read from a v7.3 file, with MATLAB's class name and size.</summary>
/// <remarks>
/// <see cref="Size"/> is MATLAB's size vector (rows first). Element arrays are in MATLAB's
/// column-major order, so element (i, j) of an m × n array is at index i + m·j (0-based). HDF5
/// stores the dimensions reversed, which is why a file's m × n array appears there as n × m.
/// </remarks>
internal abstract record MatlabValue(string ClassName, int[] Size)
{
    internal int ElementCount => Size.Aggregate(1, (product, d) => product * d);

    internal bool IsEmpty => ElementCount == 0;

    internal bool IsVector => Size.Count(d => d != 1) <= 1;

    internal string SizeText => string.Join("×", Size);

    /// <summary>Column-major linear index of a 0-based subscript.</summary>
    internal int LinearIndex(params int[] subscript)
    {
        if (subscript.Length != Size.Length)
        {
            throw new ArgumentException(
                $"Expected {Size.Length} subscripts, got {subscript.Length}.", nameof(subscript));
        }

        var index = 0;
        for (var k = Size.Length - 1; k >= 0; k--)
        {
            if (subscript[k] < 0 || subscript[k] >= Size[k])
            {
                throw new ArgumentOutOfRangeException(nameof(subscript),
                    $"Subscript {k + 1} is outside 1..{Size[k]}.");
            }

            index = index * Size[k] + subscript[k];
        }

        return index;
    }
}

/// <summary>A numeric array (double, single or any integer class), converted exactly to double.</summary>
internal sealed record MatlabNumeric(string ClassName, int[] Size, double[] Data) : MatlabValue(ClassName, Size)
{
    /// <summary>Element at a 0-based subscript.</summary>
    internal double this[params int[] subscript] => Data[LinearIndex(subscript)];
}

/// <summary>A char array: UTF-16 code units, as MATLAB stores them.</summary>
internal sealed record MatlabChar(int[] Size, char[] Data) : MatlabValue("char", Size)
{
    /// <summary>Each row of a 2-D char array as a string (MATLAB's rows, not the storage order).</summary>
    internal IReadOnlyList<string> Rows()
    {
        if (Size.Length != 2)
        {
            throw new NotSupportedException($"Char arrays of {Size.Length} dimensions have no rows.");
        }

        var (rows, columns) = (Size[0], Size[1]);
        return Enumerable.Range(0, rows)
            .Select(r => new string(Enumerable.Range(0, columns).Select(c => Data[r + rows * c]).ToArray()))
            .ToArray();
    }

    /// <summary>The text of a single-row (or empty) char array.</summary>
    internal string Text => IsEmpty ? string.Empty : string.Join("\n", Rows());
}

/// <summary>A logical array.</summary>
internal sealed record MatlabLogical(int[] Size, bool[] Data) : MatlabValue("logical", Size);

/// <summary>A cell array; each element is itself a MATLAB value.</summary>
internal sealed record MatlabCell(int[] Size, MatlabValue[] Elements) : MatlabValue("cell", Size);

/// <summary>A scalar struct: field names in MATLAB's order and their values.</summary>
internal sealed record MatlabStruct(
    int[] Size, IReadOnlyList<string> FieldNames, IReadOnlyDictionary<string, MatlabValue> Fields)
    : MatlabValue("struct", Size);
