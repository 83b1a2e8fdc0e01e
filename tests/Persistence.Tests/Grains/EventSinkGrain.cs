using System.Collections.Concurrent;
using Orleans.Streams;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Grains;

/// <summary>
/// The implicit subscriber of the "events" namespace. Each event is "&lt;mode&gt;:&lt;id&gt;": "ok" is accepted;
/// "fail-once" throws on its first delivery; "fail" throws every time. Every delivery attempt raises
/// "attempt/&lt;id&gt;", every accepted one "delivered/&lt;id&gt;".
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class EventSinkGrain : Grain, IEventSinkGrain
{
    public const string Namespace = "events";

    private static readonly ConcurrentDictionary<string, int> Attempts = new();

    /// <summary>Ids whose "fail" events start succeeding (set by a test before it re-drives them).</summary>
    public static readonly ConcurrentDictionary<string, bool> Healed = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(TestClusters.StreamProvider)
            .GetStream<string>(StreamId.Create(Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(OnNextAsync);
    }

    private Task OnNextAsync(string item, StreamSequenceToken? token)
    {
        var (mode, id) = (item[..item.IndexOf(':')], item[(item.IndexOf(':') + 1)..]);
        var attempt = Attempts.AddOrUpdate(id, 1, static (_, n) => n + 1);
        Signals.Raise("attempt/" + id, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var fails = mode switch
        {
            "fail-once" => attempt == 1,
            "fail" => !Healed.ContainsKey(id),
            _ => false,
        };
        if (fails)
        {
            throw new InvalidOperationException($"Event {id} rejected on attempt {attempt} (test).");
        }

        Signals.Raise("delivered/" + id, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}
