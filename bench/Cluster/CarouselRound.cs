namespace VibeCoder.Bench.Cluster;

/// <summary>What one <see cref="CarouselLoad"/> round achieved.</summary>
/// <param name="Completed">Carousels that reached <c>completed</c> within the round's window.</param>
/// <param name="Failed">Carousels that ended <c>failed</c> or <c>cancelled</c> (counted whenever they ended).</param>
/// <param name="Seconds">The window's length.</param>
/// <param name="LatenciesMs">POST-to-completed times of the carousels counted in <paramref name="Completed"/>.</param>
internal sealed record CarouselRound(int Completed, int Failed, double Seconds, IReadOnlyList<double> LatenciesMs)
{
    /// <summary>CPU seconds each silo spent during the round (filled in by the scenario), in start order.</summary>
    public IReadOnlyList<double> SiloCpuSeconds { get; init; } = [];

    /// <summary>CPU seconds the gateway spent during the round.</summary>
    public double GatewayCpuSeconds { get; init; }

    public double PerMinute => Completed / Seconds * 60;

    /// <summary>The <paramref name="percentile"/>-th latency in ms (nearest rank), NaN when nothing completed.</summary>
    public double PercentileMs(double percentile)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return Math.Round(sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
    }
}
