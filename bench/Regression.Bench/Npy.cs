using System.Globalization;
using System.Text;

namespace NeuralPredictivity.Regression.Bench;

/// <summary>Minimal NumPy .npy (version 1.0, little-endian, C order) reader and writer.</summary>
internal static class Npy
{
    public static void Write(string path, double[,] matrix) =>
        Write(path, "<f8", [matrix.GetLength(0), matrix.GetLength(1)], w =>
        {
            foreach (var v in matrix)
            {
                w.Write(v);
            }
        });

    public static void Write(string path, double[][] rows) =>
        Write(path, "<f8", [rows.Length, rows[0].Length], w =>
        {
            foreach (var v in rows.SelectMany(r => r))
            {
                w.Write(v);
            }
        });

    public static void Write(string path, int[][] rows) =>
        Write(path, "<i8", [rows.Length, rows[0].Length], w =>
        {
            foreach (var v in rows.SelectMany(r => r))
            {
                w.Write((long)v);
            }
        });

    public static double[,] ReadMatrix(string path)
    {
        var (descr, shape, data) = Read(path);
        if (descr != "<f8" || shape.Length != 2)
        {
            throw new InvalidDataException(
                $"{path}: expected a 2-D '<f8' array, found '{descr}' with {shape.Length} dimensions.");
        }

        var result = new double[shape[0], shape[1]];
        Buffer.BlockCopy(data, 0, result, 0, data.Length);
        return result;
    }

    public static int[][] ReadIndexRows(string path)
    {
        var (descr, shape, data) = Read(path);
        if (descr != "<i8" || shape.Length != 2)
        {
            throw new InvalidDataException($"{path}: expected a 2-D '<i8' array, found '{descr}'.");
        }

        return Enumerable.Range(0, shape[0])
            .Select(i => Enumerable.Range(0, shape[1])
                .Select(j => (int)BitConverter.ToInt64(data, (i * shape[1] + j) * 8))
                .ToArray())
            .ToArray();
    }

    private static void Write(string path, string descr, int[] shape, Action<BinaryWriter> body)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({string.Join(", ", shape)}), }}";
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
            var headerBytes = Encoding.ASCII.GetBytes(HeaderPaddedTo64(header));
            writer.Write((ushort)headerBytes.Length);
            writer.Write(headerBytes);
            body(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string HeaderPaddedTo64(string header)
    {
        var total = 10 + header.Length + 1;
        var padding = (64 - total % 64) % 64;
        return header + new string(' ', padding) + "\n";
    }

    private static (string Descr, int[] Shape, byte[] Data) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = BitConverter.ToUInt16(bytes, 8);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        var descr = header.Split("'descr': '")[1].Split('\'')[0];
        var shapeText = header.Split("'shape': (")[1].Split(')')[0];
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (descr, shape, bytes[(10 + headerLength)..]);
    }
}
