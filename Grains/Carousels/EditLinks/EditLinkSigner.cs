using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans;

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>
/// Issues and checks edit links: tokens of the form <c>base64url(payload).base64url(HMAC-SHA256)</c>, the payload binding
/// the carousel id, the user the link was given to and the expiry (Unix seconds). The key is <c>EDIT_LINK_SECRET</c>,
/// else the cluster's stored key (<see cref="IEditLinkKeyGrain"/>, fetched once per process). Thread-safe.
/// </summary>
/// <remarks>
/// The signature is checked first and in fixed time, so a forger learns nothing from the answer but "invalid"; only a
/// genuine token is told apart as expired or for another carousel, which lets the page say what to do.
/// </remarks>
public sealed class EditLinkSigner
{
    /// <summary>The request header carrying a token.</summary>
    public const string HeaderName = "X-Edit-Token";

    // Bounds the work a junk header can cause; real tokens are about 110 characters.
    private const int MaxTokenLength = 512;
    private const string Version = "v1";
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("vibecoder.edit-link\n");

    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly EditLinkOptions _options;
    private readonly byte[]? _secret;
    private Task<byte[]>? _storedKey;

    /// <summary>Creates the signer.</summary>
    public EditLinkSigner(IGrainFactory grains, TimeProvider clock, IOptions<EditLinkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _clock = clock;
        _options = options.Value;
        _secret = _options.Secret is { } secret ? Encoding.UTF8.GetBytes(secret) : null;
    }

    /// <summary>How long links live.</summary>
    public TimeSpan Lifetime => _options.Lifetime;

    /// <summary>A link to edit carousel <paramref name="jobId"/>, given to <paramref name="userId"/> (null: an anonymous creator).</summary>
    public async Task<EditLink> IssueAsync(string jobId, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().Add(_options.Lifetime).ToUnixTimeSeconds());
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', Version, jobId, userId ?? "", expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var key = await KeyAsync().WaitAsync(cancellationToken);
        var token = Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(key, payload));
        var url = new Uri($"{_options.EffectiveBaseUrl}/?job={Uri.EscapeDataString(jobId)}#token={token}");
        return new EditLink(jobId, token, url, expiresAt);
    }

    /// <summary>Whether <paramref name="token"/> allows editing carousel <paramref name="jobId"/> now.</summary>
    public async Task<EditTokenCheck> CheckAsync(string jobId, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (string.IsNullOrWhiteSpace(token))
        {
            return new EditTokenCheck(EditTokenStatus.Missing);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength || dot <= 0 || !TryDecode(token.AsSpan(0, dot), out var payload) || !TryDecode(token.AsSpan(dot + 1), out var signature))
        {
            return new EditTokenCheck(EditTokenStatus.Invalid);
        }

        var key = await KeyAsync().WaitAsync(cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Sign(key, payload), signature))
        {
            return new EditTokenCheck(EditTokenStatus.Invalid);
        }

        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 4 || fields[0] != Version
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return new EditTokenCheck(EditTokenStatus.Invalid);
        }

        var userId = fields[2].Length == 0 ? null : fields[2];
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (!string.Equals(fields[1], jobId, StringComparison.Ordinal))
        {
            return new EditTokenCheck(EditTokenStatus.OtherCarousel, userId, expiresAt);
        }

        return _clock.GetUtcNow() >= expiresAt
            ? new EditTokenCheck(EditTokenStatus.Expired, userId, expiresAt)
            : new EditTokenCheck(EditTokenStatus.Valid, userId, expiresAt);
    }

    private static byte[] Sign(byte[] key, byte[] payload)
    {
        using var hmac = new HMACSHA256(key);
        hmac.TransformBlock(Purpose, 0, Purpose.Length, null, 0);
        hmac.TransformFinalBlock(payload, 0, payload.Length);
        return hmac.Hash!;
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
        {
            return false; // TryDecodeFromChars throws on characters outside the alphabet
        }

        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    // A failed fetch (storage away) is not remembered: the next request asks the grain again.
    private Task<byte[]> KeyAsync()
    {
        if (_secret is not null)
        {
            return Task.FromResult(_secret);
        }

        var key = _storedKey;
        if (key is null || key.IsFaulted || key.IsCanceled)
        {
            key = _grains.GetGrain<IEditLinkKeyGrain>(0).GetOrCreateKey();
            _storedKey = key;
        }

        return key;
    }
}
