using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Options shared by every command.</summary>
internal static class CommonOptions
{
    /// <summary><c>--verbosity quiet|normal|detailed</c>, mapped to a minimum log level.</summary>
    internal static readonly Option<string> Verbosity = CreateVerbosity();

    internal static LogLevel MinimumLevel(ParseResult parse) => parse.GetValue(Verbosity) switch
    {
        "quiet" => LogLevel.Warning,
        "detailed" => LogLevel.Debug,
        _ => LogLevel.Information,
    };

    private static Option<string> CreateVerbosity()
    {
        var option = new Option<string>("--verbosity", "-v")
        {
            Description = "How much to log: quiet (warnings and errors), normal (one line per phase), " +
                          "detailed (per fold).",
            DefaultValueFactory = _ => "normal",
            Recursive = true,
        };
        UsageErrors.AcceptOnly(option, "quiet", "normal", "detailed");
        return option;
    }
}
