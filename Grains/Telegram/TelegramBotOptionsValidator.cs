using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Telegram;

/// <summary>Checks <see cref="TelegramBotOptions"/> at start; each failure is one sentence naming its setting.</summary>
internal sealed class TelegramBotOptionsValidator : IValidateOptions<TelegramBotOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramBotOptions options)
    {
        var failures = new List<string>(options.BindingErrors);
        if (options.HistoryPageSize is < 1 or > 20)
        {
            failures.Add("TelegramBotOptions.HistoryPageSize must be between 1 and 20.");
        }

        if (options.RememberedUpdateIds is < 1 or > 10_000)
        {
            failures.Add("TelegramBotOptions.RememberedUpdateIds must be between 1 and 10000.");
        }

        if (options.RenderProgressInterval <= TimeSpan.Zero)
        {
            failures.Add("TelegramBotOptions.RenderProgressInterval must be greater than 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
