using System.Text.Json;

namespace VibeCoder.Silo.Diagnostics.Ops;

// The JSON the ops page reads (camelCase through the host's JSON options). Kept together: they are one contract.

/// <summary>A section of the page: its data, or why it has none.</summary>
internal sealed record OpsSection<T>(bool Available, string? Reason, T? Data)
{
    public const string NotOnThisStorage = "not available on this storage";

    public static OpsSection<T> Of(T data) => new(true, null, data);

    public static OpsSection<T> Unavailable(string reason) => new(false, reason, default);
}

/// <summary>The carousel pipeline in this process since it started.</summary>
internal sealed record OpsPipelineView(
    long InFlight, IReadOnlyDictionary<string, long> JobsByStatus, IReadOnlyList<OpsStepView> Steps, IReadOnlyList<OpsFailureView> RecentFailures);

/// <summary>One workflow step's attempts and times.</summary>
internal sealed record OpsStepView(string Step, long Count, long Failures, double MeanMs, double MaxMs);

/// <summary>A failed job and its error.</summary>
internal sealed record OpsFailureView(string JobId, string Topic, string? Step, string Error, DateTimeOffset At);

/// <summary>The newest dead letters.</summary>
internal sealed record OpsDeadLettersView(IReadOnlyList<OpsDeadLetter> Items);

/// <summary>The answer to a re-drive.</summary>
internal sealed record OpsRedrivenView(string Id, bool Redriven);

/// <summary>One job's journal.</summary>
internal sealed record OpsJournalView(string JobId, IReadOnlyList<OpsJournalEventView> Events);

/// <summary>A journal entry with its data as JSON (or as a JSON string when the stored text is not JSON).</summary>
internal sealed record OpsJournalEventView(
    string EventId, string Type, DateTimeOffset Timestamp, string Source, string? CorrelationId, string? CausationId, JsonElement Data);

/// <summary>Whether the caller may open the ops page, for the preview page's admin link.</summary>
internal sealed record OpsAccessView(bool Allowed, bool CredentialsRequired);

/// <summary>Which of the page's sources this process has.</summary>
internal sealed record OpsFeaturesView(bool Pipeline, bool DeadLetters, bool Journal);
