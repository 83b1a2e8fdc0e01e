namespace VibeCoder.Persistence;

/// <summary>Values of the <c>outcome</c> tag.</summary>
internal static class StorageOutcome
{
    public const string Ok = "ok";
    public const string Conflict = "conflict";
    public const string Cancelled = "cancelled";
    public const string Error = "error";
}
