namespace VibeCoder.Gateway.Edge;

/// <summary>Who a request says it is, as far as API keys tell.</summary>
internal enum ApiCaller
{
    /// <summary>No key presented: limited per client address; may not act for a user.</summary>
    Anonymous,

    /// <summary>A configured key: a trusted integration, not rate-limited, may name the user it acts for.</summary>
    Trusted,

    /// <summary>A key that matches none: refused with 401, never treated as anonymous.</summary>
    WrongKey,
}
