using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>
/// Clients creating carousels as a well-behaved API user does: each intent (a distinct topic) is posted until it gets a
/// 202; a refusal is retried after its Retry-After (capped, so tests stay fast). Records every status code seen.
/// </summary>
internal sealed class CarouselLoad(HttpClient client, string userId, int intents)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<HttpStatusCode, int> _statuses = new();
    private readonly ConcurrentQueue<AcceptedJob> _accepted = new();
    private readonly ConcurrentQueue<Refusal> _refusals = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private int _nextIntent;

    public IReadOnlyDictionary<HttpStatusCode, int> StatusCounts => _statuses;

    public IReadOnlyList<AcceptedJob> Accepted => [.. _accepted];

    public IReadOnlyList<Refusal> Refusals => [.. _refusals];

    public Task AcceptedAtLeast(int count) => When(() => _accepted.Count >= count);

    public Task RefusedAtLeast(int count) => When(() => _refusals.Count >= count);

    public Task RunAsync(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));

    private async Task WorkAsync()
    {
        while (Interlocked.Increment(ref _nextIntent) is var intent && intent <= intents)
        {
            var topic = $"Resilience topic number {intent.ToString(CultureInfo.InvariantCulture)}";
            while (true)
            {
                using var response = await client.PostAsJsonAsync("/api/carousels", new { topic, slides = 3, userId });
                _statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    _accepted.Enqueue(new AcceptedJob(id, topic));
                    Signal();
                    break;
                }

                var retryAfter = response.Headers.RetryAfter?.Delta;
                _refusals.Enqueue(new Refusal(response.StatusCode, response.Content.Headers.ContentType?.MediaType, retryAfter, await response.Content.ReadAsStringAsync()));
                Signal();
                var backoff = retryAfter is { } wait && wait < MaxBackoff ? wait : MaxBackoff;
                await Task.Delay(backoff); // a client's backoff, not a synchronisation
            }
        }
    }

    private Task When(Func<bool> condition)
    {
        lock (_waiters)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, signal));
            return signal.Task;
        }
    }

    private void Signal()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToArray())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public sealed record AcceptedJob(string Id, string Topic);

    public sealed record Refusal(HttpStatusCode Status, string? ContentType, TimeSpan? RetryAfter, string Body);
}
