using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>The envelope of every Bot API answer: <c>{ok, result}</c> or <c>{ok: false, error_code, description, parameters}</c>.</summary>
internal sealed record ApiResponse<T>
{
    public bool Ok { get; init; }

    public T? Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public ResponseParameters? Parameters { get; init; }
}
