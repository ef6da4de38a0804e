using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NeuralPredictivity.Datasets;

/// <summary>Opens a recording file of any supported format and validates it.</summary>
/// <remarks>
/// Formats: the native layout <c>mec-spikes-position/1</c>, NWB 2.x and MATLAB v7.3. When no
/// format is given it is detected: a MATLAB text header means MATLAB (v5 files are refused with
/// advice), an HDF5 file with a root <c>nwb_version</c> attribute is NWB, one with
/// <c>schema = "mec-spikes-position/1"</c> is native. Validation (<see cref="Recording"/>) is the
/// same for every format. Use <see cref="DatasetRegistry.Open"/> to open by registered name.
/// </remarks>
public static class RecordingReader
{
    private static readonly byte[] Hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>Reads and validates the recording at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file, HDF5 path,
    /// expected and found.</exception>
    /// <exception cref="NotSupportedException">The file uses a documented unsupported feature (filter, MATLAB
    /// class, format version).</exception>
    public static Recording Read(string path, RecordingReadOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new RecordingReadOptions();
        logger ??= NullLogger.Instance;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var format = options.Format ?? DetectFormat(path);
        IRecordingReader reader = format switch
        {
            RecordingFormat.Native => new NativeRecordingReader(),
            RecordingFormat.Nwb => new NwbRecordingReader(),
            RecordingFormat.MatlabV73 => new MatlabRecordingReader(),
            _ => throw new ArgumentOutOfRangeException(nameof(options), format, "Unknown recording format."),
        };

        return RecordingValidation.Build(reader.Read(path, options, logger), logger);
    }

    /// <summary>Tells the format of a file from its header and root attributes.</summary>
    /// <exception cref="InvalidDataException">The file is in none of the supported formats.</exception>
    /// <exception cref="NotSupportedException">The file is a MATLAB v5/v7 MAT-file.</exception>
    public static RecordingFormat DetectFormat(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var head = new byte[128];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head, 0, head.Length);
        }

        var name = Path.GetFileName(path);
        if (read >= 19 && Encoding.ASCII.GetString(head, 0, 19) == "MATLAB 7.3 MAT-file")
        {
            return RecordingFormat.MatlabV73;
        }

        if (read >= 6 && Encoding.ASCII.GetString(head, 0, 6) == "MATLAB")
        {
            MatlabFile.CheckHeader(path);
        }

        if (read < Hdf5Signature.Length || !head.AsSpan(0, Hdf5Signature.Length).SequenceEqual(Hdf5Signature))
        {
            throw new InvalidDataException(
                $"{name}: not an HDF5, NWB or MATLAB v7.3 file (no HDF5 signature at its start). Supported " +
                "formats: " +
                "native (mec-spikes-position/1), NWB 2.x, MATLAB v7.3.");
        }

        using var h5 = Hdf5Reader.Open(path);
        if (h5.StringAttribute(h5.Root, "/", "nwb_version") is not null)
        {
            return RecordingFormat.Nwb;
        }

        if (h5.StringAttribute(h5.Root, "/", "schema") is not null)
        {
            return RecordingFormat.Native;
        }

        throw new InvalidDataException(
            $"{name}: an HDF5 file with neither an 'nwb_version' nor a 'schema' attribute on /, so its layout is " +
            "unknown. Give the format explicitly (--format native|nwb|mat73).");
    }

    /// <summary>Parses a format name as used on the command line and in the registry: native, nwb or mat73.</summary>
    public static RecordingFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "native" or "h5" or "hdf5" => RecordingFormat.Native,
        "nwb" => RecordingFormat.Nwb,
        "mat73" or "mat" or "matlab" or "matlabv73" => RecordingFormat.MatlabV73,
        _ => throw new ArgumentException($"--format: expected native, nwb or mat73, got '{text}'.", nameof(text)),
    };

    /// <summary>The command-line and registry name of a format: native, nwb or mat73.</summary>
    public static string FormatName(RecordingFormat format) => format switch
    {
        RecordingFormat.Native => "native",
        RecordingFormat.Nwb => "nwb",
        RecordingFormat.MatlabV73 => "mat73",
        _ => format.ToString(),
    };
}
