using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>What one HTTP attempt produced: a result, a Bot API error, or no answer at all.</summary>
internal readonly record struct AttemptOutcome<T>
{
    public bool Succeeded { get; private init; }

    public T? Result { get; private init; }

    public int ErrorCode { get; private init; }

    public string Description { get; private init; }

    public ResponseParameters? Parameters { get; private init; }

    /// <summary>Set when Telegram could not be reached or the answer was cut off.</summary>
    public Exception? NetworkError { get; private init; }

    /// <summary>Set when the attempt ran past the request timeout.</summary>
    public bool TimedOut { get; private init; }

    public static AttemptOutcome<T> Success(T result) => new() { Succeeded = true, Result = result, Description = "" };

    public static AttemptOutcome<T> ApiError(int errorCode, string description, ResponseParameters? parameters) =>
        new() { ErrorCode = errorCode, Description = description, Parameters = parameters };

    public static AttemptOutcome<T> Unreachable(Exception error) => new() { NetworkError = error, Description = error.Message };

    public static AttemptOutcome<T> Timeout() => new() { TimedOut = true, Description = "request timed out" };
}
