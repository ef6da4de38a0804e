using System.Globalization;

namespace NeuralPredictivity.Benchmark;

/// <summary>A small in-process cache of expensive, immutable intermediate results shared by sweep units.</summary>
/// <remarks>
/// A sweep runs many units in one process: the same recording, rate maps and noise ceilings for every
/// unit of a seed, and the same trained network's feature maps for every dimension of a seed. Entries
/// are keyed by everything they depend on (files by path, size and modification time) and the least
/// recently used entry is dropped beyond <see cref="Capacity"/>. Cached objects are never modified by
/// their users, so sharing them cannot change a result; a run alone sees no difference.
/// </remarks>
internal static class RunCache
{
    internal const int Capacity = 12;
    private static readonly Lock Gate = new();
    private static readonly List<(string Key, object Value)> Entries = [];

    internal static string FileKey(string path)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? string.Create(CultureInfo.InvariantCulture,
                $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}")
            : path;
    }

    internal static T Get<T>(string key, Func<T> create)
        where T : class
    {
        lock (Gate)
        {
            var hit = Entries.FindIndex(e => e.Key == key);
            if (hit >= 0)
            {
                var entry = Entries[hit];
                Entries.RemoveAt(hit);
                Entries.Add(entry);
                return (T)entry.Value;
            }
        }

        var value = create();
        lock (Gate)
        {
            Entries.Add((key, value));
            if (Entries.Count > Capacity)
            {
                Entries.RemoveAt(0);
            }
        }

        return value;
    }
}
