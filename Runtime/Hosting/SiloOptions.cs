namespace VibeCoder.Runtime.Hosting;

/// <summary>Settings of the grain runtime. Bound from the configuration section "Silo".</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>How long a caller waits for a grain call before <see cref="TimeoutException"/>. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>OnActivateAsync</c> (with state reads) may take. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>OnDeactivateAsync</c> may take. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is deactivated. Default 15 minutes. Orleans: <c>CollectionAge</c>.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 minute. Orleans: <c>CollectionQuantum</c>.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Location-transparency test mode: every call's arguments, result and exception go through the same JSON
    /// serialization a call to another process uses. Default false (in-process calls pass objects as they are,
    /// so arguments and results must be immutable — records).
    /// </summary>
    public bool SerializeCalls { get; set; }

    /// <summary>The silo's name, shown on the dashboard. Default: the machine name.</summary>
    public string SiloName { get; set; } = Environment.MachineName;
}
