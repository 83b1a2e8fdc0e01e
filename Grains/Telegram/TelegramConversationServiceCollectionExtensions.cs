using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Albums;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Configuration;
using VibeCoder.Grains.Telegram.Conversation;
using VibeCoder.Grains.Telegram.Delivery;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Telegram.Events;
using VibeCoder.Grains.Telegram.Outbox;

namespace VibeCoder.Grains.Telegram;

/// <summary>Registers the bot's conversation (used by session grains) and its carousel delivery (used by workflows).</summary>
public static class TelegramConversationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Bot API client (<c>AddTelegramBotClient</c>), <see cref="TelegramBotOptions"/> (<c>ADMIN_USER_IDS</c>;
    /// validated at start), <see cref="ChatOutboxOptions"/> (<c>TELEGRAM_OUTBOX_*</c>; validated at start), the conversation services and <see cref="BotStatistics"/>; and, when a bot token is
    /// configured and <c>TELEGRAM_MODE</c> is not off, the Telegram <see cref="ICarouselDelivery"/>.
    /// Idempotent. Needs the carousel services (<c>AddCarouselServices</c>) and a silo.
    /// </summary>
    public static IServiceCollection AddTelegramConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TelegramConversation)))
        {
            return services;
        }

        services.AddTelegramBotClient(configuration);
        services.AddOptions<TelegramBotOptions>()
            .Configure(options => BindAdmins(configuration[TelegramBotOptions.AdminUserIdsKey], options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramBotOptions>, TelegramBotOptionsValidator>());
        services.AddOptions<ChatOutboxOptions>()
            .Configure(options => ChatOutboxOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOutboxOptions>, ChatOutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddSingleton<BotStatistics>();
        services.AddSingleton<BotReplies>();
        services.AddSingleton<ConversationReplies>();
        services.AddSingleton<BotEvents>();
        services.AddSingleton<CarouselResultSender>();
        services.AddSingleton<CarouselStarter>();
        services.AddSingleton<SettingsFlow>();
        services.AddSingleton<BrandFlow>();
        services.AddSingleton<PhotoFlow>();
        services.AddSingleton<HistoryFlow>();
        services.AddSingleton<WebLinkFlow>();
        services.AddSingleton<ResultActions>();
        services.AddSingleton<TelegramConversation>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<RenderProgressWatcher>();
        services.AddSingleton<TelegramAlbumSynchronizer>();
        services.AddSingleton<SlideEditFlow>();
        if (DeliversToTelegram(configuration))
        {
            services.AddSingleton<ICarouselDelivery, TelegramCarouselDelivery>();
        }

        return services;
    }

    // Mirrors TelegramOptions.EffectiveMode: with a token the bot is on unless switched off explicitly.
    private static bool DeliversToTelegram(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[TelegramOptions.BotTokenKey])
        && !string.Equals(configuration[TelegramOptions.ModeKey]?.Trim(), nameof(TelegramMode.Off), StringComparison.OrdinalIgnoreCase);

    private static void BindAdmins(string? raw, TelegramBotOptions options)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }

        var ids = new HashSet<long>();
        foreach (var part in raw.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                options.BindingErrors.Add($"{TelegramBotOptions.AdminUserIdsKey} must be comma-separated Telegram user ids (got '{part}').");
            }
        }

        options.AdminUserIds = ids;
    }
}
