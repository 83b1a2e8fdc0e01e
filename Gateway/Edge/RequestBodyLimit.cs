namespace VibeCoder.Gateway.Edge;

/// <summary>
/// Endpoint metadata: the largest body the endpoint reads, enforced by <see cref="RequestBodyLimitMiddleware"/>.
/// Our own type rather than <c>IRequestSizeLimitMetadata</c>, which routing would apply by lowering the server's limit
/// for the whole request — and then Kestrel could not drain a refused body and would cut the connection under the
/// client's upload instead of letting it read the 413.
/// </summary>
/// <param name="MaxBytes">The limit in bytes.</param>
internal sealed record RequestBodyLimit(long MaxBytes);
