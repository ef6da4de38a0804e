using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity datasets list | inspect | add | remove</c>: the recordings the toolkit knows.</summary>
/// <remarks>
/// Exit codes: 0 success; 1 the command failed for another reason (a malformed registry file, a recording
/// without the position a step needs); 2 a bad argument: an unknown dataset name, or a recording file the
/// readers refuse (missing, malformed, unsupported), named as <c>run</c> names its <c>--dataset</c>, with nothing
/// registered or removed. Messages about failures go to standard error, results to standard output.
/// </remarks>
internal static class DatasetsCommand
{
    internal const int Refused = 1;
    internal const int BadArgument = 2;

    /// <summary>What a recording file must be, as a refusal of <c>&lt;path&gt;</c> or <c>&lt;dataset&gt;</c>
    /// says.</summary>
    internal const string ReadableRecording =
        "a recording file the readers accept (native HDF5 mec-spikes-position/1, NWB 2.x or MATLAB v7.3)";

    /// <param name="registry">Where datasets are registered; the user's registry when null.</param>
    internal static Command Create(Func<DatasetRegistry>? registry = null)
    {
        registry ??= DatasetRegistry.Default;
        var command = new Command(
            "datasets", "List, inspect and register MEC recordings (native HDF5, NWB 2.x, MATLAB v7.3).");
        command.Subcommands.Add(CreateList(registry));
        command.Subcommands.Add(DatasetsInspectCommand.Create(registry));
        command.Subcommands.Add(CreateAdd(registry));
        command.Subcommands.Add(CreateRemove(registry));
        return command;
    }

    private static Command CreateList(Func<DatasetRegistry> registries)
    {
        var command = new Command("list", "List the bundled and registered datasets.");
        command.SetAction(parse => Run(parse, "nothing was listed", () =>
        {
            var registry = registries();
            var output = parse.InvocationConfiguration.Output;
            var entries = registry.Entries();
            var width = entries.Max(e => e.Name.Length);
            output.WriteLine($"{"name".PadRight(width)}  format  origin      path");
            foreach (var entry in entries)
            {
                var format = entry.Format is { } f ? RecordingReader.FormatName(f) : "auto";
                var origin = entry.IsBundled ? "bundled" : "registered";
                var missing = File.Exists(entry.Path) ? string.Empty : "  (file missing)";
                output.WriteLine(
                    $"{entry.Name.PadRight(width)}  {format,-6}  {origin,-10}  {entry.Path}{missing}");
            }

            output.WriteLine(
                $"registry: {registry.RegistryPath} (set {DatasetRegistry.EnvironmentVariable} to use another)");
            return 0;
        }));
        return command;
    }

    private static Command CreateAdd(Func<DatasetRegistry> registries)
    {
        var name = new Argument<string>("name")
        {
            Description = "Name to register the dataset under (letters, digits, _ - .).",
        };
        var path = new Argument<string>("path") { Description = "The recording file." };
        var replace = new Option<bool>("--replace")
        {
            Description = "Replace a dataset already registered under this name.",
        };
        var reading = new ReadingOptions();
        var command = new Command("add",
            "Read and validate a recording completely, then register it by name. Nothing is registered " +
            "when the file is refused.");
        command.Arguments.Add(name);
        command.Arguments.Add(path);
        reading.AddTo(command);
        command.Options.Add(replace);
        command.SetAction(parse => Run(parse, "nothing was registered", () =>
        {
            using var logging = TerminalLogging.Create(parse);
            var logger = logging.CreateLogger("datasets");
            var file = Path.GetFullPath(parse.GetValue(path)!);
            var registry = registries();

            // Read the registry first: a malformed registry is its own failure, not the recording's.
            _ = registry.Entries();
            Recording recording;
            DatasetEntry entry;
            try
            {
                entry = reading.ToEntry(parse, parse.GetValue(name)!, file);
                recording = registry.Add(entry, parse.GetValue(replace), logger);
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or FileNotFoundException
                                          or UnauthorizedAccessException)
            {
                throw new InvalidSettingsException(
                [
                    new SettingsProblem("<path>", ReadableRecording,
                        $"{Quoted(parse.GetValue(path)!, file)}: {ErrorMessage.Of(e)}"),
                ]);
            }

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"registered {entry.Name}: {RecordingReader.FormatName(recording.Format)}, " +
                             $"{recording.Neurons.Count} neurons, {Seconds(recording.DurationS)}, " +
                             (recording.HasPosition
                                 ? $"arena {recording.Arena}"
                                 : "no position (unit-level use only)"));
            output.WriteLine($"registry: {registry.RegistryPath}");
            if (recording.Neurons.Count == 0)
            {
                // Valid (a trajectory can drive a network), but run, sweep and gridscores will refuse it.
                parse.InvocationConfiguration.Error.WriteLine(
                    $"warning: {entry.Name} has no units: it cannot be regressed (run, sweep) or grid-scored; it can " +
                    "still drive a network along the animal's path (--trajectory animal).");
            }

            return 0;
        }));
        return command;
    }

    private static Command CreateRemove(Func<DatasetRegistry> registries)
    {
        var name = new Argument<string>("name")
        {
            Description = "Registered dataset to forget (the file is not touched).",
        };
        var command = new Command("remove", "Remove a dataset from the registry; the file itself is left alone.");
        command.Arguments.Add(name);
        command.SetAction(parse => Run(parse, "nothing was removed", () =>
        {
            var registry = registries();
            var target = parse.GetValue(name)!;
            var registered = registry.Entries().Where(e => !e.IsBundled).Select(e => e.Name).ToList();
            var expected = registered.Count == 0
                ? "a dataset added with datasets add (none is registered)"
                : $"a dataset added with datasets add ({string.Join(", ", registered)})";
            if (DatasetRegistry.BundledNames.Contains(target))
            {
                throw new InvalidSettingsException(
                    [new SettingsProblem("<name>", expected, $"'{target}', which is bundled with the toolkit")]);
            }

            if (!registry.Remove(target))
            {
                throw new InvalidSettingsException(
                    [new SettingsProblem("<name>", expected, $"'{target}', which is not registered")]);
            }

            parse.InvocationConfiguration.Output.WriteLine($"removed {target}");
            return 0;
        }));
        return command;
    }

    /// <summary>Runs a command body, turning the library's documented exceptions into a message and code.</summary>
    /// <param name="parse">The parsed command line; its command names the problems' header.</param>
    /// <param name="consequence">What a refusal leaves undone, such as "nothing was registered".</param>
    /// <param name="body">The command's work; it throws <see cref="InvalidSettingsException"/> for an argument or
    /// option the user can fix.</param>
    internal static int Run(ParseResult parse, string consequence, Func<int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return body();
        }
        catch (InvalidSettingsException ex)
        {
            return RunCommand.ReportProblems(
                error, "datasets " + parse.CommandResult.Command.Name, ex.Problems, consequence);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"predictivity datasets {parse.CommandResult.Command.Name}: cancelled; the lines above " +
                "are complete, no more files were written.");
            return RunCommand.Cancelled;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or FileNotFoundException
                                       or InvalidOperationException or IOException)
        {
            error.WriteLine($"error: {ex.Message}");
            return Refused;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error: {ErrorMessage.Of(ex)}");
            return BadArgument;
        }
    }

    /// <summary>A file as the user wrote it, with the full path it resolved to when that differs.</summary>
    internal static string Quoted(string given, string fullPath) =>
        Path.GetFullPath(given) == given ? $"'{given}'" : $"'{given}' ({fullPath})";

    internal static string Seconds(double seconds) => seconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    /// <summary>The options that say how to read a file: format, arena, NWB position path, MATLAB map.</summary>
    internal sealed class ReadingOptions
    {
        private readonly Option<string?> _format = new("--format")
        {
            Description = "File format: native, nwb or mat73 (detected from the file when omitted).",
        };

        private readonly Option<string?> _arenaSize = new("--arena-size")
        {
            Description = "True arena size in cm: one number (square side or circle diameter) or WIDTHxHEIGHT.",
        };

        private readonly Option<string?> _arenaShape = new("--arena-shape")
        {
            Description = "Arena shape with --arena-size: square, rectangle or circle " +
                          "(default square, or rectangle for WxH).",
        };

        private readonly Option<string?> _arenaCentre = new("--arena-centre")
        {
            Description = "Arena centre X,Y in cm in the file's coordinates " +
                          "(default: the file's, else the middle of the tracked extent).",
        };

        private readonly Option<string?> _positionPath = new("--position-path")
        {
            Description = "NWB: HDF5 path of the SpatialSeries holding the position " +
                          "(default: the first under /processing).",
        };

        private readonly Option<string[]> _map = new("--map")
        {
            Description = "MATLAB v7.3: KEY=VARIABLE, repeated; keys t, x, y, spikes, ids, length-unit " +
                          "(e.g. --map t=post --map x=pos(:,1) --map y=pos(:,2) --map spikes=cellTS).",
            AllowMultipleArgumentsPerToken = false,
        };

        internal void AddTo(Command command)
        {
            command.Options.Add(_format);
            command.Options.Add(_arenaSize);
            command.Options.Add(_arenaShape);
            command.Options.Add(_arenaCentre);
            command.Options.Add(_positionPath);
            command.Options.Add(_map);
        }

        /// <summary>A registry entry for <paramref name="file"/>; an arena without a centre takes the file's.</summary>
        internal DatasetEntry ToEntry(ParseResult parse, string name, string file)
        {
            var format = parse.GetValue(_format) is { } text
                ? RecordingReader.ParseFormat(text)
                : (RecordingFormat?)null;
            var map = parse.GetValue(_map) is { Length: > 0 } entries ? MatlabVariableMap.Parse(entries) : null;
            var entry = new DatasetEntry
            {
                Name = name,
                Path = file,
                Format = format,
                NwbPositionPath = parse.GetValue(_positionPath),
                MatlabVariables = map,
            };

            var size = parse.GetValue(_arenaSize);
            if (size is null)
            {
                if (parse.GetValue(_arenaShape) is not null || parse.GetValue(_arenaCentre) is not null)
                {
                    throw new ArgumentException("--arena-shape and --arena-centre need --arena-size.");
                }

                return entry;
            }

            var (width, height) = ParseSize(size);
            var shape = ParseShape(parse.GetValue(_arenaShape), width, height);
            var centre = parse.GetValue(_arenaCentre) is { } c
                ? ParsePair(c, "--arena-centre")
                : FileCentre(entry);
            return entry with { Arena = new Arena(shape, width, height, centre.Item1, centre.Item2) };
        }

        private static (double, double) FileCentre(DatasetEntry entry)
        {
            // The file's own arena centre, or the middle of the tracked extent when it names none; the
            // full read that follows logs whatever this quiet one finds.
            var probe = RecordingReader.Read(entry.Path, entry.ToReadOptions());
            probe.RequirePosition("an arena centre for --arena-size");
            return (probe.Arena!.CentreXCm, probe.Arena.CentreYCm);
        }

        private static (double Width, double Height) ParseSize(string text)
        {
            var parts = text.ToLowerInvariant().Split('x', StringSplitOptions.TrimEntries);
            var values = parts.Select(ParseNumber).ToArray();
            if (values.Length is < 1 or > 2 || values.Any(v => !(v > 0) || double.IsInfinity(v)))
            {
                throw new ArgumentException(
                    $"--arena-size: expected a positive size in cm such as 150 or 100x150, got '{text}'.");
            }

            return (values[0], values[^1]);
        }

        private static double ParseNumber(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

        private static ArenaShape ParseShape(string? text, double width, double height)
        {
            var shape = text?.Trim().ToLowerInvariant() switch
            {
                null => width == height ? ArenaShape.Square : ArenaShape.Rectangle,
                "square" => ArenaShape.Square,
                "rectangle" => ArenaShape.Rectangle,
                "circle" => ArenaShape.Circle,
                _ => throw new ArgumentException($"--arena-shape: expected square, rectangle or circle, got '{text}'."),
            };
            if (shape != ArenaShape.Rectangle && width != height)
            {
                throw new ArgumentException(
                    $"--arena-size: a {shape.ToString().ToLowerInvariant()} needs one size, got {width}x{height}.");
            }

            return shape;
        }

        private static (double, double) ParsePair(string text, string option)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                && double.IsFinite(x) && double.IsFinite(y))
            {
                return (x, y);
            }

            throw new ArgumentException($"{option}: expected X,Y in cm such as 0,0, got '{text}'.");
        }
    }

    /// <summary>A logger factory that writes the library's log lines to the command's error stream.</summary>
    /// <remarks>
    /// Synchronous so warnings appear next to the output they concern (the console logger writes on
    /// a background thread). The minimum level follows --verbosity.
    /// </remarks>
    internal sealed class TerminalLogging : ILoggerFactory
    {
        private readonly TextWriter _writer;
        private readonly LogLevel _minimum;

        private TerminalLogging(TextWriter writer, LogLevel minimum)
        {
            _writer = writer;
            _minimum = minimum;
        }

        internal static TerminalLogging Create(ParseResult parse) =>
            new(parse.InvocationConfiguration.Error, CommonOptions.MinimumLevel(parse));

        public ILogger CreateLogger(string categoryName) => new Writer(this);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Providers are fixed.");

        public void Dispose() => _writer.Flush();

        private sealed class Writer(TerminalLogging owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                                    Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var prefix = logLevel switch
                {
                    >= LogLevel.Error => "error",
                    LogLevel.Warning => "warning",
                    LogLevel.Information => "info",
                    _ => "debug",
                };
                lock (owner)
                {
                    owner._writer.WriteLine($"{prefix}: {formatter(state, exception)}");
                }
            }
        }
    }
}
