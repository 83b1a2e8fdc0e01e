using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.AiAnalysisCompleted"/>: the model answered.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="PromptTokens">Tokens sent, when reported.</param>
/// <param name="CompletionTokens">Tokens received, when reported.</param>
/// <param name="Duration">How long the call took.</param>
[GenerateSerializer, Immutable, Alias("vc.AiAnalysisCompleted")]
public sealed record AiAnalysisCompleted(string JobId, string Model, int? PromptTokens, int? CompletionTokens, TimeSpan Duration) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.AiAnalysisCompleted;
}
