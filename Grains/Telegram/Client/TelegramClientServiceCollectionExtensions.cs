using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>Registers the bot's Bot API client: Telegram.Bot behind our pacing, retries and error mapping.</summary>
public static class TelegramClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITelegramBotClient"/> (singleton; Telegram.Bot's client with <c>RetryThreshold = 0</c> on an
    /// HttpClient from IHttpClientFactory, wrapped with pacing, retries and error mapping) and
    /// <see cref="TelegramOptions"/> bound from the <c>TELEGRAM_*</c> keys of <paramref name="configuration"/> and
    /// validated at start. Uses the registered <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// Idempotent.
    /// </summary>
    public static IServiceCollection AddTelegramBotClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(GuardedTelegramBotClient)))
        {
            return services;
        }

        services.AddOptions<TelegramOptions>()
            .Configure(options => TelegramOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();

        // Bot API URLs contain the token. HttpClientFactory's logging writes request URLs, so it is removed; and .NET's
        // own HTTP client spans carry url.full, so the handler is built without the diagnostics handler (no propagator):
        // our "telegram {method}" span stands in for them. Deadlines are per attempt (GuardedTelegramBotClient), not per client.
        services.AddHttpClient(GuardedTelegramBotClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ActivityHeadersPropagator = null,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();

        services.TryAddSingleton<TelegramInstrumentation>();
        services.TryAddSingleton<OutgoingMessagePacer>();
        services.TryAddSingleton<GuardedTelegramBotClient>();
        services.TryAddSingleton<ITelegramBotClient>(provider => provider.GetRequiredService<GuardedTelegramBotClient>());
        return services;
    }
}
