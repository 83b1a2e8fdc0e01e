using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VibeCoder.Grains.Telegram;

/// <summary>
/// Job ids for carousels started from Telegram: derived from the chat and the update that asked, so handling the same
/// update again (at-least-once delivery after a crash) finds the same job instead of starting and charging a second.
/// </summary>
internal static class JobIds
{
    /// <summary>32 lower-case hex digits, the API's job id format.</summary>
    public static string ForUpdate(long chatId, long updateId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"telegram:{chatId}:{updateId}")), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>True for text in the job id format (guards ids read back from callback data).</summary>
    public static bool IsJobId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
