using VibeCoder.Grains.State;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Diagnostics;
using VibeCoder.Rendering.Themes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCoder.Grains.Events;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace VibeCoder.Grains.Users;

/// <summary>A user: profile, settings, hourly quota and history, persisted as one record.</summary>
public sealed partial class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    IOptions<CarouselOptions> options,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const string EventSource = "user";
    private static readonly TimeSpan QuotaWindow = TimeSpan.FromHours(1);

    private readonly IStreamProvider? _events = services.GetKeyedService<IStreamProvider>(DomainEventStreams.ProviderName);

    public Task<UserProfile> GetProfile() => Task.FromResult(ToProfile());

    public async Task<UserProfile> Touch(TelegramIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var current = state.State;
        if (current.Identity == identity && current.CreatedAt is not null && !current.Inactive)
        {
            return ToProfile();
        }

        await Save(current with { Identity = identity, Inactive = false, CreatedAt = current.CreatedAt ?? clock.GetUtcNow() });
        return ToProfile();
    }

    public async Task<UserSettings> UpdateSettings(UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        await Save(state.State with { Settings = settings, CreatedAt = state.State.CreatedAt ?? clock.GetUtcNow() });
        return settings;
    }

    public async Task<QuotaDecision> TryReserveQuota(string jobId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var now = clock.GetUtcNow();
        var limit = options.Value.QuotaPerHour;
        var uses = state.State.QuotaUses.Where(u => now - u.At < QuotaWindow).ToList();
        if (uses.Any(u => u.JobId == jobId))
        {
            return new QuotaDecision(true, Math.Max(0, limit - uses.Count), null);
        }

        if (state.State.Blocked || uses.Count >= limit)
        {
            CarouselTelemetry.QuotaRejected();
            var next = state.State.Blocked ? (DateTimeOffset?)null : uses.Min(u => u.At) + QuotaWindow;
            return new QuotaDecision(false, 0, next);
        }

        uses.Add(new QuotaUse(jobId, now));
        await Save(state.State with { QuotaUses = uses, CreatedAt = state.State.CreatedAt ?? now });
        return new QuotaDecision(true, limit - uses.Count, null);
    }

    public async Task RefundQuota(string jobId)
    {
        var uses = state.State.QuotaUses;
        if (uses.Any(u => u.JobId == jobId))
        {
            await Save(state.State with { QuotaUses = uses.Where(u => u.JobId != jobId).ToArray() });
        }
    }

    public async Task RecordHistory(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var history = state.State.History;
        var existing = history.FirstOrDefault(h => h.JobId == entry.JobId);
        if (existing == entry)
        {
            return;
        }

        var completedNow = entry.Status == JobStatus.Completed && existing?.Status != JobStatus.Completed;
        var updated = history.Where(h => h.JobId != entry.JobId).Prepend(entry)
            .OrderByDescending(h => h.CreatedAt)
            .Take(options.Value.HistorySize)
            .ToArray();
        await Save(state.State with
        {
            History = updated,
            CarouselsCreated = state.State.CarouselsCreated + (completedNow ? 1 : 0),
            CreatedAt = state.State.CreatedAt ?? clock.GetUtcNow(),
        });
    }

    public Task<IReadOnlyList<HistoryEntry>> GetHistory(int count) =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>(state.State.History.Take(Math.Clamp(count, 0, 1000)).ToArray());

    public async Task<bool> RemoveHistory(string jobId)
    {
        if (state.State.History.All(h => h.JobId != jobId))
        {
            return false;
        }

        await Save(state.State with { History = state.State.History.Where(h => h.JobId != jobId).ToArray() });
        return true;
    }

    public Task SetBlocked(bool blocked) =>
        state.State.Blocked == blocked ? Task.CompletedTask : Save(state.State with { Blocked = blocked });

    public Task SetInactive(bool inactive) =>
        state.State.Inactive == inactive ? Task.CompletedTask : Save(state.State with { Inactive = inactive });

    public Task<BrandKit> GetBrandKit() => Task.FromResult(state.State.Brand);

    public async Task<BrandKit> UpdateBrandKit(BrandKit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        BrandKitRules.Validate(kit);
        var changed = BrandKitRules.ChangedFields(state.State.Brand, kit);
        if (changed.Count == 0)
        {
            return kit;
        }

        await Save(state.State with { Brand = kit, CreatedAt = state.State.CreatedAt ?? clock.GetUtcNow() });
        await PublishBrandUpdatedAsync(changed);
        return kit;
    }

    internal static void Validate(UserSettings settings)
    {
        if (settings.SlideCount is < UserSettings.MinSlideCount or > UserSettings.MaxSlideCount)
        {
            throw new ArgumentException($"Slide count must be {UserSettings.MinSlideCount}–{UserSettings.MaxSlideCount} (was {settings.SlideCount}).", nameof(settings));
        }

        if (!SlideThemes.TryGet(settings.Theme, out _))
        {
            throw new ArgumentException($"Unknown theme '{settings.Theme}'; choose one of {string.Join(", ", SlideThemes.Names)}.", nameof(settings));
        }

        if (settings.Language is not ("ru" or "en" or "auto"))
        {
            throw new ArgumentException($"Language must be ru, en or auto (was '{settings.Language}').", nameof(settings));
        }

        if (settings.FooterHandle is { Length: > 40 })
        {
            throw new ArgumentException("The footer handle must be at most 40 characters.", nameof(settings));
        }
    }

    private Task Save(UserState next) => state.WriteOrRestoreAsync(next);

    // The change is stored before the event goes out; an event lost to a stream outage costs the journal a line, not
    // the user their brand, so it is logged rather than failing the call.
    private async Task PublishBrandUpdatedAsync(IReadOnlyList<string> changed)
    {
        if (_events is null)
        {
            return; // hosts without an event stream provider (some tests)
        }

        var userId = this.GetPrimaryKeyString();
        var metadata = new EventMetadata(Correlation.CurrentId ?? Correlation.NewId(), null, userId);
        var envelope = EventEnvelope.Create(
            EventTypes.BrandUpdated, EventSource, new BrandUpdated(userId, changed), metadata, clock.GetUtcNow(), Guid.NewGuid().ToString("N"));
        try
        {
            await _events.GetStream<EventEnvelope>(StreamId.Create(EventTypes.NamespaceOf(EventTypes.BrandUpdated), userId)).OnNextAsync(envelope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PublishFailed(logger, userId, exception);
        }
    }

    private UserProfile ToProfile()
    {
        var s = state.State;
        return new UserProfile(this.GetPrimaryKeyString(), s.Identity, s.Settings, s.Blocked, s.Inactive, s.CarouselsCreated, s.CreatedAt ?? DateTimeOffset.MinValue);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not publish brand.updated for user {UserId}")]
        public static partial void PublishFailed(ILogger logger, string userId, Exception exception);
    }
}
