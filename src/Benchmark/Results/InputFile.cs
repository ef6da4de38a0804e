namespace NeuralPredictivity.Benchmark;

/// <summary>A file a run read, identified by content.</summary>
/// <param name="Role">What it was used as: <c>dataset</c>, <c>checkpoint</c>, <c>trajectory</c>.</param>
/// <param name="Path">Full path at the time of the run.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
internal sealed record InputFile(string Role, string Path, long Bytes, string Sha256)
{
    internal static InputFile Hash(string role, string path)
    {
        using var stream = File.OpenRead(path);
        var hash = System.Security.Cryptography.SHA256.HashData(stream);
        return new InputFile(role, System.IO.Path.GetFullPath(path), stream.Length, Convert.ToHexStringLower(hash));
    }
}
