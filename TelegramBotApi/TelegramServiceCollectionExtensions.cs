using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCoder.Telegram.Client;
using VibeCoder.Telegram.Configuration;
using VibeCoder.Telegram.Diagnostics;
using VibeCoder.Telegram.Pacing;

namespace VibeCoder.Telegram;

/// <summary>Registers the Telegram Bot API client.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITelegramBotClient"/> (singleton) and <see cref="TelegramOptions"/> bound from
    /// <c>TELEGRAM_*</c> keys of <paramref name="configuration"/> and validated at start. Uses the registered
    /// <see cref="TimeProvider"/> (the system clock unless one is registered) for pacing and retry waits.
    /// </summary>
    public static IServiceCollection AddTelegramBotApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TelegramApiTransport)))
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

        // Bot API URLs contain the token. HttpClientFactory's logging writes request URLs, so it is removed; and
        // .NET's own HTTP client spans carry url.full, so the handler is built without the diagnostics handler
        // (no propagator). Our "telegram {method}" span stands in for them. The timeout is per request
        // (TelegramOptions.RequestTimeout plus any long-poll time), not per client.
        services.AddHttpClient(TelegramApiTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ActivityHeadersPropagator = null,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();

        services.TryAddSingleton<TelegramInstrumentation>();
        services.TryAddSingleton<OutgoingMessagePacer>();
        services.TryAddSingleton<TelegramApiTransport>();
        services.TryAddSingleton<ITelegramBotClient, TelegramBotClient>();
        return services;
    }
}
