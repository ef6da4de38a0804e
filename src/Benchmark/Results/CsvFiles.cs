using CsvHelper;

namespace NeuralPredictivity.Benchmark;

/// <summary>Writes and reads the tidy CSV files of a results folder.</summary>
/// <remarks>
/// UTF-8 without byte order mark, LF line ends, invariant culture, shortest round-trip doubles:
/// the same records always give the same bytes.
/// </remarks>
internal static class CsvFiles
{
    internal static void Write<T>(string path, IEnumerable<T> records)
    {
        using var stream = File.Create(path);
        using var writer = CsvWriter.Create(stream, CsvWriterOptions.For<T>(), leaveOpen: false);
        writer.WriteRecords(records);
    }

    internal static List<T> Read<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = CsvReader.Create(stream, CsvReaderOptions.For<T>() with { Separator = ',' });
            return reader.GetRecords<T>().ToList();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
