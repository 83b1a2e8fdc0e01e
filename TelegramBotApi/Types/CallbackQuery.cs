namespace VibeCoder.Telegram.Types;

/// <summary>A press on an inline keyboard button (Bot API <c>CallbackQuery</c>).</summary>
public sealed record CallbackQuery
{
    /// <summary>Identifier to pass to answerCallbackQuery.</summary>
    public required string Id { get; init; }

    /// <summary>Who pressed the button.</summary>
    public required User From { get; init; }

    /// <summary>The message carrying the button (an inaccessible message has <see cref="Message.Date"/> 0).</summary>
    public Message? Message { get; init; }

    /// <summary>The button's callback_data.</summary>
    public string? Data { get; init; }

    /// <summary>Global identifier of the chat the message was sent in.</summary>
    public string? ChatInstance { get; init; }
}
