namespace VibeCoder.Telegram.Types;

/// <summary>A Telegram user or bot (Bot API <c>User</c>).</summary>
public sealed record User
{
    /// <summary>Unique identifier; fits in 52 bits.</summary>
    public required long Id { get; init; }

    /// <summary>True for bots.</summary>
    public bool IsBot { get; init; }

    /// <summary>First name (always present in Telegram's answers).</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Last name, when set.</summary>
    public string? LastName { get; init; }

    /// <summary>Username without the leading @, when set.</summary>
    public string? Username { get; init; }

    /// <summary>IETF language tag of the user's client, when known.</summary>
    public string? LanguageCode { get; init; }
}
