namespace NeuralPredictivity.Datasets.Tests;

/// <summary>Cases 10 and 11: the MATLAB v7.3 layout (column-major, char, logical, cells, empties, structs).</summary>
public sealed class MatlabFileTests
{
    private const string NumericCase = "10-mat73-numeric-char-transpose";
    private const string CellCase = "11-mat73-cell-refs-empty";

    [Fact]
    public void NumericArraysComeBackWithTheirMatlabSizeAndElementOrder()
    {
        var expected = TestData.Expected(NumericCase);

        using var file = MatlabFile.Open(TestData.Case(NumericCase, "session.mat"));
        var pos = Assert.IsType<MatlabNumeric>(file.Read("pos"));
        var t = Assert.IsType<MatlabNumeric>(file.Read("t"));
        var rates = Assert.IsType<MatlabNumeric>(file.Read("rates3d"));

        Assert.Equal([6, 2], pos.Size);
        var posValues = TestData.Matrix(expected.GetProperty("pos").GetProperty("value"));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(posValues[i, 0], pos[i, 0]);
            Assert.Equal(posValues[i, 1], pos[i, 1]);
        }

        Assert.Equal([0.35, 0.80], [pos[2, 0], pos[2, 1]]);
        Assert.Equal([1, 6], t.Size);
        Assert.Equal([0.0, 0.02, 0.04, 0.06, 0.08, 0.10], t.Data);
        Assert.Equal([2, 3, 2], rates.Size);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 2; k++)
                {
                    Assert.Equal(100 * (i + 1) + 10 * (j + 1) + (k + 1), rates[i, j, k]);
                }
            }
        }
    }

    [Fact]
    public void CharArraysDecodeAsUtf16AlongMatlabRows()
    {
        using var file = MatlabFile.Open(TestData.Case(NumericCase, "session.mat"));

        var name = Assert.IsType<MatlabChar>(file.Read("unit_name"));
        var labels = Assert.IsType<MatlabChar>(file.Read("cell_labels"));
        var units = Assert.IsType<MatlabChar>(file.Read("units"));

        Assert.Equal("T1C3", name.Text);
        Assert.Equal([1, 4], name.Size);
        Assert.Equal([2, 3], labels.Size);
        Assert.Equal(["MEC", "PaS"], labels.Rows());
        Assert.Equal("\u00b5m", units.Text);
    }

    [Fact]
    public void LogicalIntegerAndSingleKeepTheirClassAndValue()
    {
        using var file = MatlabFile.Open(TestData.Case(NumericCase, "session.mat"));

        var isGrid = Assert.IsType<MatlabLogical>(file.Read("is_grid"));
        var spikes = Assert.IsType<MatlabNumeric>(file.Read("n_spikes"));
        var rate = Assert.IsType<MatlabNumeric>(file.Read("fs"));

        Assert.Equal([1, 3], isGrid.Size);
        Assert.Equal([true, false, true], isGrid.Data);
        Assert.Equal(("int32", 1234.0), (spikes.ClassName, spikes.Data.Single()));
        Assert.Equal(("single", 50.0), (rate.ClassName, rate.Data.Single()));
    }

    [Fact]
    public void MatlabStringObjectIsRefusedNamingVariableAndClass()
    {
        using var file = MatlabFile.Open(TestData.Case(NumericCase, "session.mat"));

        var error = Assert.Throws<NotSupportedException>(() => file.Read("label_string"));

        Assert.Contains("session.mat: variable 'label_string' has MATLAB class 'string'", error.Message);
        Assert.Contains("char() or cellstr()", error.Message);
    }

    [Fact]
    public void HeaderIsTheMatlab73TextHeader()
    {
        var bytes = File.ReadAllBytes(TestData.Case(NumericCase, "session.mat"));

        MatlabFile.CheckHeader(TestData.Case(NumericCase, "session.mat"));

        Assert.StartsWith("MATLAB 7.3 MAT-file", System.Text.Encoding.ASCII.GetString(bytes, 0, 19));
        Assert.Equal([0, 2], bytes[124..126]);
        Assert.Equal("IM", System.Text.Encoding.ASCII.GetString(bytes, 126, 2));
    }

    [Fact]
    public void VariablesExcludeMatlabsInternalRefsGroup()
    {
        using var file = MatlabFile.Open(TestData.Case(CellCase, "spikes.mat"));

        Assert.Equal(["cellinfo", "empty_cell", "names", "spikes"], file.VariableNames);
        Assert.Throws<InvalidDataException>(() => file.Read("#refs#"));
    }

    [Fact]
    public void CellOfSpikeTrainsFollowsReferencesAndKeepsEmptyCellsEmpty()
    {
        var expected = TestData.Expected(CellCase).GetProperty("spikes").GetProperty("elements")
            .EnumerateArray().ToArray();

        using var file = MatlabFile.Open(TestData.Case(CellCase, "spikes.mat"));
        var spikes = Assert.IsType<MatlabCell>(file.Read("spikes"));

        Assert.Equal([1, 4], spikes.Size);
        for (var i = 0; i < 4; i++)
        {
            var element = Assert.IsType<MatlabNumeric>(spikes.Elements[i]);
            Assert.Equal(expected[i].GetProperty("size").EnumerateArray().Select(d => d.GetInt32()), element.Size);
            var values = expected[i].GetProperty("value_flat").EnumerateArray().Select(v => v.GetDouble());
            Assert.Equal(values, element.Data);
        }

        Assert.True(spikes.Elements[2].IsEmpty, "the empty cell must not read as two spikes at 0 s");
    }

    [Fact]
    public void CellOfNamesAndEmptyCellReadWithMatlabMeaning()
    {
        using var file = MatlabFile.Open(TestData.Case(CellCase, "spikes.mat"));

        var names = Assert.IsType<MatlabCell>(file.Read("names"));
        var empty = Assert.IsType<MatlabCell>(file.Read("empty_cell"));

        Assert.Equal([2, 1], names.Size);
        Assert.Equal(["T2C01", "T4C2"], names.Elements.Select(e => Assert.IsType<MatlabChar>(e).Text));
        Assert.Equal([0, 0], empty.Size);
        Assert.Empty(empty.Elements);
    }

    [Fact]
    public void StructFieldsReadByNameAndUnusableFieldOrderIsWarnedAbout()
    {
        // Case 11's gen.py wrote MATLAB_fields from list(b"tetrode"), i.e. from integers, so the file
        // holds the names '1111111' and '11111911' (h5py reads the same). The order the case expects
        // (tetrode, depth_um) is therefore not in the file; the reader keeps the values, falls back to
        // the stored order and says why. StructFieldsFollowMatlabFieldsOrder pins the real order rule.
        var logger = new RecordingLogger();

        using var file = MatlabFile.Open(TestData.Case(CellCase, "spikes.mat"), logger);
        var info = Assert.IsType<MatlabStruct>(file.Read("cellinfo"));

        Assert.Equal(["depth_um", "tetrode"], info.FieldNames.Order());
        Assert.Equal(2.0, Assert.IsType<MatlabNumeric>(info.Fields["tetrode"]).Data.Single());
        Assert.Equal(350.0, Assert.IsType<MatlabNumeric>(info.Fields["depth_um"]).Data.Single());
        Assert.Contains(logger.Warnings, w => w.Contains("MATLAB_fields names [1111111, 11111911]"));
    }

    [Fact]
    public void StructFieldsFollowMatlabFieldsOrder()
    {
        using var file = MatlabFile.Open(TestData.Fixture("session_v73.mat"));

        var session = Assert.IsType<MatlabStruct>(file.Read("session"));

        Assert.Equal(["pos", "post", "arena_cm"], session.FieldNames);
        Assert.Equal([1500, 2], session.Fields["pos"].Size);
    }

    [Fact]
    public void MatlabV5FileIsRefusedWithAdviceToSaveAsV73()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("np-mat-").FullName, "old.mat");
        var header = System.Text.Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, Platform: GLNXA64".PadRight(128));
        File.WriteAllBytes(path, header);

        var error = Assert.Throws<NotSupportedException>(() => RecordingReader.DetectFormat(path));

        Assert.Contains("old.mat is a MATLAB v5/v7 MAT-file, not v7.3", error.Message);
        Assert.Contains("-v7.3", error.Message);
    }
}
