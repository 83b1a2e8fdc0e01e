namespace VibeCoder.Persistence;

/// <summary>One storage operation being timed; finish it with <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
internal readonly record struct StorageMeasurement(string Provider, string Operation, long StartedAt)
{
    public void Succeeded() => StorageMetrics.Record(this, StorageOutcome.Ok);

    public void Failed(Exception exception) => StorageMetrics.Record(this, StorageMetrics.OutcomeOf(exception));
}
