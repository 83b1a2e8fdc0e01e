namespace VibeCoder.Gateway.Telegram;

/// <summary>What became of an update offered to the intake.</summary>
internal enum IntakeOutcome
{
    /// <summary>Stored durably; its chat's session will handle it.</summary>
    Accepted,

    /// <summary>Readable, but of no chat the bot talks to (e.g. an inline query): acknowledged and dropped.</summary>
    Ignored,

    /// <summary>Not a Telegram update.</summary>
    Malformed,
}
