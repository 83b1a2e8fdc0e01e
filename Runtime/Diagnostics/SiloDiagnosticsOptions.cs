namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Settings of the silo's diagnostics. Bound from the configuration section "Silo:Diagnostics".</summary>
/// <remarks>Defaults: profiling stops 1 minute after the last look; 300 seconds of history are kept.</remarks>
public sealed class SiloDiagnosticsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo:Diagnostics";

    /// <summary>Profiling switches off when nobody looked for this long. Default 1 minute.</summary>
    public TimeSpan ProfilingIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many one-second samples the history keeps (60..3600). Default 300 (five minutes).</summary>
    public int HistorySeconds { get; set; } = 300;
}
