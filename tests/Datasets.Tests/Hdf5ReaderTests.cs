using System.Text.Json;

namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Case 14 (HDF5 storage variants) and the HDF5 pitfalls of PureHDF 2.2.0.</summary>
public sealed class Hdf5ReaderTests
{
    private const string Case = "14-hdf5-storage-variants";

    public static TheoryData<string> NumericDatasets() =>
    [
        "contiguous_le_f8", "contiguous_be_f8", "be_i4", "le_f4", "chunked_gzip_shuffle_fletcher",
        "chunked_2d_gzip", "partial_fill_nan", "partial_default_fill", "resized", "empty_1d", "empty_2d", "scalar",
    ];

    [Theory]
    [MemberData(nameof(NumericDatasets))]
    public void EveryStorageVariantReadsBackExactlyWithItsShape(string name)
    {
        var expected = TestData.Expected(Case).GetProperty(name);

        using var h5 = Hdf5Reader.Open(TestData.Case(Case, "storage.h5"));
        var array = h5.ReadNumeric(h5.Dataset("/" + name, "test data"), "/" + name);

        var shape = expected.GetProperty("shape").EnumerateArray().Select(d => (ulong)d.GetInt32()).ToArray();
        Assert.Equal(shape, array.Shape);
        var value = expected.GetProperty("value");
        var flat = value.ValueKind switch
        {
            JsonValueKind.Array => Flatten(value).ToArray(),
            JsonValueKind.Number => [value.GetDouble()],
            _ => [],
        };
        // Exact: every value was stored bit-exactly; NaN must match NaN.
        Assert.Equal(flat.Length, array.Values.Length);
        for (var i = 0; i < flat.Length; i++)
        {
            Assert.True(flat[i].Equals(array.Values[i]), $"{name}[{i}]: expected {flat[i]}, read {array.Values[i]}");
        }
    }

    [Fact]
    public void BigEndianIntegersAreSwappedNotReadRaw()
    {
        using var h5 = Hdf5Reader.Open(TestData.Case(Case, "storage.h5"));

        var array = h5.ReadNumeric(h5.Dataset("/be_i4", "test data"), "/be_i4");

        Assert.True(array.Type.IsBigEndian);
        Assert.Equal([0, 1, 66306, -2, 2147483647, -2147483648], array.Values);
    }

    [Fact]
    public void NullDataspaceIsReportedAsNoDataAndDiffersFromEmpty()
    {
        using var h5 = Hdf5Reader.Open(TestData.Case(Case, "storage.h5"));

        var nothing = h5.ReadNumeric(h5.Dataset("/null_dataspace", "test data"), "/null_dataspace");
        var empty = h5.ReadNumeric(h5.Dataset("/empty_1d", "test data"), "/empty_1d");

        Assert.True(nothing.IsNull);
        Assert.Empty(nothing.Values);
        Assert.False(empty.IsNull);
        Assert.Equal([0UL], empty.Shape);
    }

    [Fact]
    public void StringsReadInBothEncodingsWithPaddingStripped()
    {
        using var h5 = Hdf5Reader.Open(TestData.Case(Case, "storage.h5"));

        var variable = h5.ReadStrings(h5.Dataset("/vlen_utf8", "strings"), "/vlen_utf8");
        var fixedLength = h5.ReadStrings(h5.Dataset("/fixed_ascii", "strings"), "/fixed_ascii");
        var attribute = h5.StringAttribute(h5.Root, "/", "vlen_attr");

        Assert.Equal(["grid", "µ-cell", ""], variable);
        Assert.Equal(["MEC", "PaS2", ""], fixedLength);
        Assert.Equal("Kavli æøå", attribute);
    }

    [Fact]
    public void ReadingStringsAsNumbersNamesTheDatasetAndTheType()
    {
        using var h5 = Hdf5Reader.Open(TestData.Case(Case, "storage.h5"));

        var strings = h5.Dataset("/fixed_ascii", "numbers");
        var error = Assert.Throws<InvalidDataException>(() => h5.ReadNumeric(strings, "/fixed_ascii"));

        Assert.Contains("storage.h5: /fixed_ascii", error.Message);
        Assert.Contains("expected numbers, found fixed-length string", error.Message);
    }

    [Fact]
    public void LzfCompressedDataIsRefusedNamingTheFilter()
    {
        var error = TestData.Refusal<NotSupportedException>("lzf_positions.h5");

        Assert.Contains("lzf_positions.h5: /position/x", error.Message);
        Assert.Contains("LZF (id 32000)", error.Message);
    }

    [Fact]
    public void Fletcher32ChecksummedDataReadsBackIdentically()
    {
        var plain = TestData.ReadFixture("good_native.h5");

        var checksummed = TestData.ReadFixture("fletcher32_positions.h5");

        Assert.Equal(plain.Position!.Times, checksummed.Position!.Times);
        Assert.Equal(plain.Position.X, checksummed.Position.X);
        Assert.Equal(plain.Position.Y, checksummed.Position.Y);
    }

    [Fact]
    public void CorruptFletcher32ChunkIsReportedNotReadSilently()
    {
        var error = TestData.Refusal<InvalidDataException>("fletcher32_corrupt.h5");

        Assert.Contains("fletcher32_corrupt.h5: /position/x", error.Message);
        Assert.Contains("fletcher32 checksum", error.Message);
    }

    [Fact]
    public void IntegersBeyondDoublePrecisionAreRefusedNotRounded()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("np-h5-").FullName, "huge.h5");
        new PureHDF.H5File { ["ids"] = new long[] { 1, (1L << 53) + 1 } }.Write(path);

        using var h5 = Hdf5Reader.Open(path);
        var error = Assert.Throws<InvalidDataException>(() => h5.ReadNumeric(h5.Dataset("/ids", "ids"), "/ids"));

        Assert.Contains("huge.h5: /ids: the integer 9007199254740993 exceeds 2^53", error.Message);
    }

    private static IEnumerable<double> Flatten(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().SelectMany(Flatten)
            : [TestData.Number(element)];
}
