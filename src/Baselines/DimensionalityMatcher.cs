using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Baselines;

/// <summary>Matching by effective dimension: the parameter value whose map has a target participation ratio.</summary>
/// <remarks>
/// <para>
/// Every other parameter, the seed included, stays as in the spec; one parameter is varied over its
/// search range (<see cref="BaselineParameter.SearchMinimum"/>…<see cref="BaselineParameter.SearchMaximum"/>).
/// By default that is the family's shape parameter (length scale, field width, grid spacing) so that
/// d stays equal to the nominal dimension of the representation being matched; pass <c>"d"</c> to vary
/// the number of features instead.
/// </para>
/// <para>
/// Search: PR is first measured on a scan of the range, log-spaced with neighbours at most a factor 1.5
/// apart (19 maps for 1–1000 cm, 21 for d in 1–4096). PR need not be monotone in a shape parameter:
/// place fields narrower than a bin and fields so wide that they all overlap both give a low PR, so a
/// target can be crossed twice, once among degenerate maps. Of the neighbouring scan points whose PRs
/// lie on opposite sides of the target, the pair closest on a log scale to the spec's own value is
/// kept (the match that changes the starting map least); when no pair brackets the target, the
/// scanned map closest to it is returned and a Warning names the PR range the scan saw. Inside the
/// bracket, bisection keeps ends on opposite sides of the target: in log space for lengths (a fixed
/// seed fixes every random draw, so PR is a continuous function of a length and the bracket closes on
/// the target) and over integers for d (features are nested, f₁…f_d being the first d of any larger
/// map). It stops when |PR − target| ≤ tolerance·target. For d the best achievable error is half the
/// step |PR(d + 1) − PR(d)|, about 0.5 for equal-variance features; when that exceeds the tolerance the
/// closest d in the bracket is returned with <see cref="DimensionalityMatch.WithinTolerance"/> false
/// and a Warning. A constant map (PR undefined) counts as PR 0 during the search. Lengths are tried at
/// five significant digits, so the bisection ends when the bracket's ends are neighbours at that
/// precision (about 15 steps within one scan interval).
/// </para>
/// </remarks>
public sealed class DimensionalityMatcher
{
    /// <summary>Default relative tolerance: the achieved PR is within 1 % of the target.</summary>
    public const double DefaultRelativeTolerance = 0.01;

    private const int MaxBisectionSteps = 60;

    /// <summary>Largest ratio between neighbouring values of the initial scan.</summary>
    private const double ScanFactor = 1.5;

    private readonly ILogger _logger;

    /// <summary>Creates a matcher; <paramref name="logger"/> gets a Debug line per tried map and a summary.</summary>
    public DimensionalityMatcher(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Varies <paramref name="parameter"/> of <paramref name="spec"/> until the map's participation
    /// ratio on the grid's defined bins is within <paramref name="relativeTolerance"/> of the target.
    /// </summary>
    /// <param name="spec">Starting spec; every parameter but the varied one is kept.</param>
    /// <param name="targetParticipationRatio">PR to reach, ≥ 1.</param>
    /// <param name="grid">Grid of the maps.</param>
    /// <param name="arena">Arena in the grid's frame.</param>
    /// <param name="parameter">Parameter to vary; null uses <see cref="BaselineFamily.DefaultMatchParameter"/>.</param>
    /// <param name="relativeTolerance">Accepted |PR − target| / target, in (0, 1).</param>
    /// <param name="bins">Bins the PR is measured on, one entry per grid bin: a run passes the bins its
    /// neuron maps define, so the achieved PR is the one its summary reports. Null measures on every bin
    /// the map defines.</param>
    /// <param name="cancellationToken">Stops the search between maps.</param>
    public DimensionalityMatch Match(
        BaselineSpec spec,
        double targetParticipationRatio,
        SpatialGrid grid,
        Arena arena,
        string? parameter = null,
        double relativeTolerance = DefaultRelativeTolerance,
        IReadOnlyList<bool>? bins = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(arena);
        if (!(targetParticipationRatio >= 1) || double.IsInfinity(targetParticipationRatio))
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetParticipationRatio), targetParticipationRatio,
                "The target participation ratio must be a finite number ≥ 1 (PR of one feature is 1).");
        }

        if (!(relativeTolerance > 0 && relativeTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(relativeTolerance), relativeTolerance, "The relative tolerance must lie in (0, 1).");
        }

        var knob = ResolveParameter(spec, parameter);
        if (bins is not null && bins.Count != grid.BinCount)
        {
            throw new ArgumentException(
                $"The bin mask has {bins.Count} entries but {grid} has {grid.BinCount} bins.", nameof(bins));
        }

        var search = new Search(this, spec, knob, targetParticipationRatio, relativeTolerance, grid, arena, bins);
        return search.Run(cancellationToken);
    }

    private static BaselineParameter ResolveParameter(BaselineSpec spec, string? parameter)
    {
        var name = parameter ?? spec.Family.DefaultMatchParameter(spec);
        var family = spec.Inner?.Family ?? spec.Family;
        var matchable = family.Parameters.Where(p => p.IsMatchable).Select(p => p.Name).ToArray();
        var knob = family.Parameters.FirstOrDefault(
            p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (knob is null || !knob.IsMatchable)
        {
            throw new ArgumentException(
                $"{family.Name}: cannot match the participation ratio by varying '{name}'; " +
                $"parameters that can be varied: {string.Join(", ", matchable)}.",
                nameof(parameter));
        }

        return knob;
    }

    /// <summary>One bisection run; remembers every map it generated.</summary>
    private sealed class Search(
        DimensionalityMatcher owner,
        BaselineSpec spec,
        BaselineParameter knob,
        double target,
        double tolerance,
        SpatialGrid grid,
        Arena arena,
        IReadOnlyList<bool>? bins)
    {
        private readonly Dictionary<double, double> _tried = [];
        private double _bestValue = double.NaN;

        private bool IsInteger => knob.Kind == BaselineParameterKind.Integer;

        internal DimensionalityMatch Run(CancellationToken cancellationToken)
        {
            // Scan: PR need not be monotone in the parameter (place fields narrower than a bin, or so wide
            // that all fields overlap, both give a low PR), so the ends alone cannot tell whether the
            // target is reached.
            var scan = ScanPoints();
            foreach (var value in scan)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Gap(value);
            }

            var reachableLow = scan.Min(v => _tried[v]);
            var reachableHigh = scan.Max(v => _tried[v]);
            var bracket = ChooseBracket(scan);
            if (bracket is not var (low, high))
            {
                _bestValue = scan.MinBy(v => Math.Abs(_tried[v] - target));
                var closest = Result(reachableLow, reachableHigh);
                Log.Unreachable(
                    owner._logger, target, spec.Family.Name, knob.Name, knob.FormatValue(Value(scan[0])),
                    knob.FormatValue(Value(scan[^1])), reachableLow, reachableHigh, closest.Spec.ToString(),
                    closest.AchievedParticipationRatio);
                return closest;
            }

            // Bisection inside the chosen bracket only: a closer PR found near another crossing is not taken.
            var lowGap = Gap(low);
            _bestValue = Math.Abs(lowGap) <= Math.Abs(Gap(high)) ? low : high;
            for (var step = 0; step < MaxBisectionSteps && !Close(_tried[_bestValue]); step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var middle = IsInteger ? Math.Floor((low + high) / 2) : RoundSignificant(Math.Sqrt(low * high));
                if (middle <= low || middle >= high)
                {
                    break;
                }

                var middleGap = Gap(middle);
                if (Math.Abs(middleGap) < Math.Abs(_tried[_bestValue] - target))
                {
                    _bestValue = middle;
                }

                if (Math.Sign(middleGap) == Math.Sign(lowGap))
                {
                    (low, lowGap) = (middle, middleGap);
                }
                else
                {
                    high = middle;
                }
            }

            var result = Result(reachableLow, reachableHigh);
            if (result.WithinTolerance)
            {
                Log.Matched(
                    owner._logger, target, result.Spec.ToString(), result.AchievedParticipationRatio, _tried.Count);
            }
            else
            {
                Log.OutsideTolerance(
                    owner._logger, target, knob.Name, result.AchievedParticipationRatio, result.Spec.ToString(),
                    result.RelativeError, tolerance);
            }

            return result;
        }

        /// <summary>
        /// The search range in steps of at most a factor <see cref="ScanFactor"/> (log-spaced; integers
        /// rounded and deduplicated), both ends included: 19 maps for 1–1000 cm, 21 for d in 1–4096.
        /// </summary>
        private double[] ScanPoints()
        {
            var min = knob.SearchMinimum;
            var max = knob.SearchMaximum;
            var steps = Math.Max(1, (int)Math.Ceiling(Math.Log(max / min) / Math.Log(ScanFactor)));
            var points = Enumerable.Range(0, steps + 1)
                .Select(i => i == 0 ? min : i == steps ? max : min * Math.Pow(max / min, (double)i / steps))
                .Select(v => IsInteger ? Math.Round(v) : RoundSignificant(v))
                .Distinct()
                .Order()
                .ToArray();
            return points;
        }

        /// <summary>
        /// Of the neighbouring scan points whose PRs lie on opposite sides of the target (or meet it),
        /// the pair closest on a log scale to the spec's own value of the parameter: when PR crosses
        /// the target more than once, the match changes the starting map the least. Null when no pair
        /// brackets the target.
        /// </summary>
        private (double Low, double High)? ChooseBracket(double[] scan)
        {
            var start = Math.Log(Convert.ToDouble(spec.Get(knob.Name), CultureInfo.InvariantCulture));
            (double Low, double High)? chosen = null;
            var chosenDistance = double.PositiveInfinity;
            for (var i = 0; i + 1 < scan.Length; i++)
            {
                var (a, b) = (_tried[scan[i]] - target, _tried[scan[i + 1]] - target);
                if (Math.Sign(a) == Math.Sign(b) && a != 0)
                {
                    continue;
                }

                var distance = Math.Min(
                    Math.Abs(Math.Log(scan[i]) - start), Math.Abs(Math.Log(scan[i + 1]) - start));
                if (distance < chosenDistance)
                {
                    (chosen, chosenDistance) = ((scan[i], scan[i + 1]), distance);
                }
            }

            return chosen;
        }

        /// <summary>PR(value) − target, generating the map and remembering its PR.</summary>
        private double Gap(double value)
        {
            if (!_tried.TryGetValue(value, out var pr))
            {
                var candidate = spec.With(knob.Name, Value(value));
                var (rows, _) = BaselineMaps.DefinedRows(candidate.Family.Generate(candidate, grid, arena), bins);
                pr = GramParticipationRatio.Compute(rows);
                pr = double.IsNaN(pr) ? 0 : pr;
                _tried[value] = pr;
                Log.MatchStep(owner._logger, target, knob.Name, knob.FormatValue(Value(value)), pr);
            }

            return pr - target;
        }

        /// <summary>
        /// Five significant digits keep specs readable (width=10.46cm, not 10.459989534302535cm); a 1e-5
        /// relative step in a length moves PR by about as much, far below any useful tolerance.
        /// </summary>
        private static double RoundSignificant(double value)
        {
            var scale = Math.Pow(10, 4 - (int)Math.Floor(Math.Log10(value)));
            return Math.Round(value * scale) / scale;
        }

        private object Value(double value) => IsInteger ? (object)(int)value : value;

        private bool Close(double pr) => Math.Abs(pr - target) <= tolerance * target;

        /// <summary>The closest map, measured in full (PR and component counts) as the regression does.</summary>
        private DimensionalityMatch Result(double reachableLow, double reachableHigh)
        {
            var best = BaselineFamilies.Generate(spec.With(knob.Name, Value(_bestValue)), grid, arena);
            best = bins is null ? best : best.On(bins);
            return new DimensionalityMatch(
                best, knob.Name, target, tolerance, reachableLow, reachableHigh, _tried.Count);
        }
    }
}
