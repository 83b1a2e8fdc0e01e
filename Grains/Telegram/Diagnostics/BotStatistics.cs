using System.Diagnostics.Metrics;

namespace VibeCoder.Grains.Telegram.Diagnostics;

/// <summary>
/// The conversation's counters: the meter <see cref="MeterName"/> (updates by kind, commands by name, duplicates,
/// carousels started, quota rejections) plus process totals for /stats. Thread-safe; a counter add is all it costs.
/// </summary>
public sealed class BotStatistics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "VibeCoder.Telegram.Bot";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _carousels;
    private readonly Counter<long> _quotaRejections;
    private long _updateCount;
    private long _messageCount;
    private long _callbackCount;
    private long _otherCount;
    private long _duplicateCount;
    private long _commandCount;
    private long _carouselCount;
    private long _quotaRejectionCount;

    /// <summary>Creates the counters on a meter of <paramref name="meterFactory"/>.</summary>
    public BotStatistics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _updates = meter.CreateCounter<long>("vibecoder.telegram.bot.updates", "{update}", "Telegram updates handled, by kind (message, command, callback, sticker, photo, other).");
        _commands = meter.CreateCounter<long>("vibecoder.telegram.bot.commands", "{command}", "Bot commands executed, by command.");
        _duplicates = meter.CreateCounter<long>("vibecoder.telegram.bot.duplicates", "{update}", "Repeated update ids dropped.");
        _carousels = meter.CreateCounter<long>("vibecoder.telegram.bot.carousels", "{carousel}", "Carousels started from Telegram.");
        _quotaRejections = meter.CreateCounter<long>("vibecoder.telegram.bot.quota_rejections", "{request}", "Carousel requests from Telegram refused by the hourly quota.");
    }

    /// <summary>Counts a handled update of <paramref name="kind"/>.</summary>
    public void UpdateHandled(string kind)
    {
        Interlocked.Increment(ref _updateCount);
        switch (kind)
        {
            case "callback":
                Interlocked.Increment(ref _callbackCount);
                break;
            case "edited" or "member" or "other":
                Interlocked.Increment(ref _otherCount);
                break;
            default:
                Interlocked.Increment(ref _messageCount);
                break;
        }

        _updates.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    /// <summary>Counts an executed command.</summary>
    public void CommandExecuted(string command)
    {
        Interlocked.Increment(ref _commandCount);
        _commands.Add(1, new KeyValuePair<string, object?>("command", command));
    }

    /// <summary>Counts a dropped repeat.</summary>
    public void DuplicateDropped()
    {
        Interlocked.Increment(ref _duplicateCount);
        _duplicates.Add(1);
    }

    /// <summary>Counts a started carousel.</summary>
    public void CarouselStarted()
    {
        Interlocked.Increment(ref _carouselCount);
        _carousels.Add(1);
    }

    /// <summary>Counts a quota refusal.</summary>
    public void QuotaRejected()
    {
        Interlocked.Increment(ref _quotaRejectionCount);
        _quotaRejections.Add(1);
    }

    /// <summary>The totals now.</summary>
    public BotStatisticsSnapshot Snapshot() => new(
        Interlocked.Read(ref _updateCount),
        Interlocked.Read(ref _messageCount),
        Interlocked.Read(ref _callbackCount),
        Interlocked.Read(ref _otherCount),
        Interlocked.Read(ref _duplicateCount),
        Interlocked.Read(ref _commandCount),
        Interlocked.Read(ref _carouselCount),
        Interlocked.Read(ref _quotaRejectionCount));
}
