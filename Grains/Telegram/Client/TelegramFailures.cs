using Telegram.Bot.Exceptions;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>How the bot reads a failed Bot API call: worth trying again later, or final.</summary>
internal static class TelegramFailures
{
    /// <summary>
    /// Telegram overloaded or unreachable, as <see cref="GuardedTelegramBotClient"/> reports it once its own attempts are
    /// spent: a 5xx, a proxy's error page, a refused or dropped connection, no answer in time.
    /// </summary>
    public static bool IsOutage(Exception error) => error switch
    {
        TimeoutException or HttpRequestException => true,
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException other => other.HttpStatusCode is null || (int)other.HttpStatusCode >= 500,
        _ => false,
    };

    /// <summary>An outage, or flood control (<see cref="TelegramRetryLaterException"/>): the message may go out later.</summary>
    public static bool CanWait(Exception error) => error is TelegramRetryLaterException || IsOutage(error);
}
