namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>What an edit token presented for a carousel turned out to be.</summary>
public enum EditTokenStatus
{
    /// <summary>Signed by this cluster, for this carousel, not expired.</summary>
    Valid = 0,

    /// <summary>No token was presented.</summary>
    Missing = 1,

    /// <summary>Malformed, or the signature does not match (forged, or signed with another secret).</summary>
    Invalid = 2,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired = 3,

    /// <summary>Genuine, but for another carousel.</summary>
    OtherCarousel = 4,
}
