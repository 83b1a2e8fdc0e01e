using Orleans.Serialization;

namespace VibeCoder.Silo.Hosting;

/// <summary>
/// Lets storage driver exceptions cross between silos and clients. Orleans serializes exceptions only from the
/// Microsoft, System and Azure namespaces; an <c>NpgsqlException</c> inside a grain's failure made the whole response
/// unserializable, so a client-mode gateway got <c>CodecNotFoundException</c> (a 500) instead of the storage outage it
/// answers with 503 and <c>Retry-After</c>.
/// </summary>
internal static class StorageExceptionsOnTheWire
{
    /// <summary>Adds the PostgreSQL driver's namespace to the exceptions Orleans serializes.</summary>
    public static void Allow(ExceptionSerializationOptions options) => options.SupportedNamespacePrefixes.Add("Npgsql");
}
