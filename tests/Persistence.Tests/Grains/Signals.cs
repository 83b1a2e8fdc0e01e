using System.Collections.Concurrent;
using System.Threading.Channels;

namespace VibeCoder.Persistence.Tests.Grains;

/// <summary>
/// Where test grains report what happened (a reminder tick, a delivery): the silos run in this process, so a test awaits
/// the channel of its own key instead of sleeping.
/// </summary>
public static class Signals
{
    private static readonly ConcurrentDictionary<string, Channel<string>> Channels = new();

    public static void Raise(string key, string value) => Of(key).Writer.TryWrite(value);

    /// <summary>The next signal of <paramref name="key"/>, or a <see cref="TimeoutException"/>.</summary>
    public static async Task<string> NextAsync(string key, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await Of(key).Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No signal '{key}' within {timeout}.");
        }
    }

    /// <summary>Whether a signal of <paramref name="key"/> is waiting (without waiting for one).</summary>
    public static bool TryTake(string key, out string? value) => Of(key).Reader.TryRead(out value);

    private static Channel<string> Of(string key) => Channels.GetOrAdd(key, static _ => Channel.CreateUnbounded<string>());
}
