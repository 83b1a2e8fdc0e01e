namespace VibeCoder.Runtime.Diagnostics;

/// <summary>A count of the live activations and their queued requests, per grain type, taken at one moment.</summary>
internal sealed record ActivationCensus(int Activations, int QueuedRequests, IReadOnlyList<GrainTypeActivations> ByType)
{
    /// <summary>Counts the directory. Reading a queue length takes that activation's lock briefly; no grain code runs.</summary>
    public static ActivationCensus Take(GrainRuntime runtime)
    {
        var byType = new Dictionary<string, (int Activations, int Queued)>(StringComparer.Ordinal);
        foreach (var grainClass in runtime.GrainClasses)
        {
            byType[grainClass.TypeName] = (0, 0);
        }

        int total = 0, queued = 0;
        foreach (var activation in runtime.Directory.All)
        {
            if (activation.State == Activation.ActivationState.Invalid)
            {
                continue;
            }

            var length = activation.QueueLength;
            byType.TryGetValue(activation.GrainId.Type, out var counts);
            byType[activation.GrainId.Type] = (counts.Activations + 1, counts.Queued + length);
            total++;
            queued += length;
        }

        var list = byType
            .Select(p => new GrainTypeActivations(p.Key, p.Value.Activations, p.Value.Queued))
            .OrderByDescending(t => t.Activations)
            .ThenBy(t => t.GrainType, StringComparer.Ordinal)
            .ToArray();
        return new ActivationCensus(total, queued, list);
    }
}
