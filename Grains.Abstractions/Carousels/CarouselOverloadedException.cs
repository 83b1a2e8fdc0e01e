using Orleans;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// <see cref="IWorkflowGrain.Start"/> refused a new job because the silo that would run it holds as many unfinished jobs
/// as it may (load shedding): nothing was stored or charged for the job, and the same request may be made again after
/// <see cref="RetryAfter"/>. Part of the contract because callers outside the silo (the gateway, the bot) catch it.
/// </summary>
[GenerateSerializer, Alias("vc.CarouselOverloadedException")]
public sealed class CarouselOverloadedException : Exception
{
    /// <summary>Creates the exception with a default wait of 5 s.</summary>
    public CarouselOverloadedException()
        : this(TimeSpan.FromSeconds(5))
    {
    }

    /// <summary>Creates the exception saying the caller may try again after <paramref name="retryAfter"/>.</summary>
    public CarouselOverloadedException(TimeSpan retryAfter)
        : base($"Too many carousels are in progress; try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the caller should wait before asking again: about the time the present backlog takes to drain.</summary>
    [Id(0)]
    public TimeSpan RetryAfter { get; private set; }
}
