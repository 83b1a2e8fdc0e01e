using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>Registers the Telegram bot's intake in the gateway.</summary>
public static class TelegramBotHostingExtensions
{
    /// <summary>
    /// Adds the update intake behind <c>POST /telegram/webhook</c> (map it with
    /// <see cref="TelegramWebhookApi.MapTelegramWebhook"/>), the polling loop (<c>TELEGRAM_MODE=polling</c>), the webhook
    /// registration (<c>TELEGRAM_MODE=webhook</c>, which also requires <c>TELEGRAM_WEBHOOK_SECRET</c>) and the
    /// conversation services. With <c>TELEGRAM_MODE=off</c> (the default without a token) nothing runs. Needs the silo
    /// (<c>AddVibeCoderSilo</c>), which provides the durable stream the intake writes to.
    /// </summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTelegramConversation(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramWebhookSecretValidator>());
        services.TryAddSingleton<TelegramIntakeMetrics>();
        services.TryAddSingleton<TelegramUpdateIntake>();
        services.TryAddSingleton<TelegramBotSetup>();
        services.AddHostedService<TelegramWebhookRegistration>();
        services.AddHostedService<TelegramPollingService>();
        return services;
    }
}
