using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Console logging for the model commands, at the level chosen by <c>--verbosity</c>.</summary>
internal static class CliLogging
{
    internal static ILoggerFactory CreateFactory(ParseResult parse) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(CommonOptions.MinimumLevel(parse))
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
}
