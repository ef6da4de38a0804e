using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>Reports a command line that does not parse (unknown command, option or argument, missing value)
/// and returns the invalid-options exit code, 2, like every other usage error.</summary>
/// <remarks>
/// The parser's own handling exits 1, the code of a run that failed, and prints the whole help text after a
/// generic line. Here each unknown token is named, a group command lists its subcommands, a near miss is
/// suggested, and the help text is pointed to rather than printed.
/// </remarks>
internal static class UsageErrors
{
    /// <summary>Exit code of a usage error, shared with the commands' own option checks.</summary>
    internal const int ExitCode = RunCommand.InvalidOptions;

    /// <summary>True when parsing failed and no help or version request overrides the errors.</summary>
    internal static bool Failed(ParseResult parse) => parse.Action is ParseErrorAction;

    /// <summary>Lets <paramref name="option"/> take only <paramref name="values"/>, spelled exactly; any other value is
    /// a parse error worded as every other option problem: the option, what was expected, what was found.</summary>
    /// <remarks>The parser's own AcceptOnlyFromAmong reports "Argument 'loud' not recognized" without naming the
    /// option, which matters for a recursive option such as <c>--verbosity</c> given after a subcommand.</remarks>
    internal static void AcceptOnly(Option<string> option, params string[] values)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError(new SettingsProblem(option.Name, $"one of {string.Join(", ", values)}", $"'{value}'")
                    .ToString());
            }
        });
    }

    /// <summary>Writes one line per problem and a pointer to the help; returns <see cref="ExitCode"/>.</summary>
    internal static int Report(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var unmatched = parse.UnmatchedTokens;
        var isGroup = command.Action is null && subcommands.Count > 0;

        if (isGroup && (unmatched.Count == 0 || !unmatched[0].StartsWith('-')))
        {
            // A group only dispatches: the first stray word was meant as one of its commands.
            var what = unmatched.Count == 0 ? "no command given" : $"unknown command '{unmatched[0]}'";
            var hint = unmatched.Count == 0 ? "" : Suggestion(unmatched[0], subcommands);
            error.WriteLine($"{path}: {what}{hint}; the commands are {string.Join(", ", subcommands)}.");
        }
        else
        {
            var options = OptionNames(parse.CommandResult);
            for (var i = 0; i < unmatched.Count; i++)
            {
                var token = unmatched[i];
                if (i > 0 && unmatched[i - 1].StartsWith('-') && !token.StartsWith('-'))
                {
                    continue; // the value of the unknown option just named
                }

                var kind = token.StartsWith('-') ? "option" : "argument";
                var hint = token.StartsWith('-') ? Suggestion(token, options) : "";
                error.WriteLine($"{path}: unknown {kind} '{token}'{hint}.");
            }

            foreach (var problem in parse.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'"))))
            {
                error.WriteLine($"{path}: {problem.Message}");
            }
        }

        error.WriteLine($"See `{path} --help`.");
        return ExitCode;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', ["predictivity", .. names]);
    }

    /// <summary>The command's options and the recursive options of its ancestors, with their aliases.</summary>
    private static List<string> OptionNames(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = current.Parent)
        {
            foreach (var option in command.Command.Options.Where(o => !o.Hidden && (current == result || o.Recursive)))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
            }
        }

        return names;
    }

    /// <summary>" (did you mean x?)" for the candidates within two edits of the token, closest first.</summary>
    private static string Suggestion(string token, IEnumerable<string> candidates)
    {
        var close = candidates.Distinct()
            .Select(c => (Name: c, Distance: EditDistance(token.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= 2 && c.Distance < c.Name.Length)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .Take(2)
            .ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close)}?)";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps
    /// each cost 1, so the common typo "rnu" is one edit from "run".</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
