using Microsoft.Extensions.Options;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>The gateway's extra rule on <see cref="TelegramOptions"/>: a webhook is only served with a secret.</summary>
internal sealed class TelegramWebhookSecretValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        options.EffectiveMode == TelegramMode.Webhook && string.IsNullOrEmpty(options.WebhookSecret)
            ? ValidateOptionsResult.Fail(
                $"{TelegramOptions.WebhookSecretKey} is required when {TelegramOptions.ModeKey} is webhook: Telegram sends it in every update so forged ones can be refused.")
            : ValidateOptionsResult.Success;
}
