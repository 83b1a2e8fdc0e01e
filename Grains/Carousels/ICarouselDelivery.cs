namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Sends a job's progress and result to where it was requested (the Telegram bot). Jobs requested over HTTP
/// have no delivery target and need none: their result is fetched from the API.
/// </summary>
public interface ICarouselDelivery
{
    /// <summary>Shows the user how far the job is (e.g. edits a status message). Best effort.</summary>
    Task ReportProgressAsync(CarouselJobSnapshot job, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the finished carousel, skipping the parts in <paramref name="sent"/> and recording each part it sends
    /// there; throwing makes the workflow retry the step.
    /// </summary>
    Task DeliverAsync(CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, DeliveredParts sent, CancellationToken cancellationToken);

    /// <summary>Tells the user the job failed or was cancelled. Best effort.</summary>
    Task ReportFailureAsync(CarouselJobSnapshot job, CancellationToken cancellationToken);
}
