namespace VibeCoder.TestServers.Telegram;

/// <summary>A call the stand-in refuses; becomes a Bot API error answer.</summary>
internal sealed class BotApiRequestException(string description, int statusCode = 400) : Exception(description)
{
    public int StatusCode { get; } = statusCode;

    public string Description { get; } = description;
}
