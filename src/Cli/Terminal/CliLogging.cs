using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NeuralPredictivity.Cli.Terminal;

/// <summary>Builds the logger factory every command uses; logs go to standard error.</summary>
/// <remarks>
/// Standard output is kept for results (tables, paths) so it can be piped; logs, warnings and
/// progress go to standard error. <c>--verbosity</c> sets the minimum level.
/// </remarks>
internal static class CliLogging
{
    internal static ILoggerFactory Create(LogLevel minimumLevel) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimumLevel)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = false;
                options.TimestampFormat = null;
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter("Microsoft", LogLevel.Warning));
}
