namespace VibeCoder.Gateway.Tests.Overload;

/// <summary>
/// The gateway with a tiny capacity: one slide drawn at a time and two jobs in flight, so a burst of a dozen requests is
/// far beyond what it may hold and the render limiter is narrower than the machine (2 cores), where a missing limiter shows.
/// </summary>
public sealed class OverloadGatewayFixture : GatewayFixture
{
    public const int RenderConcurrency = 1;
    public const int MaxJobsInFlight = 2;

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
    {
        ["RENDER_CONCURRENCY"] = RenderConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MAX_JOBS_IN_FLIGHT"] = MaxJobsInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

[CollectionDefinition(Name)]
public sealed class OverloadGatewayCollection : ICollectionFixture<OverloadGatewayFixture>
{
    public const string Name = "gateway-overload";
}
