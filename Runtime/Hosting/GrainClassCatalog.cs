namespace VibeCoder.Runtime.Hosting;

/// <summary>The grain classes a silo hosts; filled by <see cref="SiloBuilderExtensions.AddGrains"/>.</summary>
public sealed class GrainClassCatalog
{
    /// <summary>The grain classes.</summary>
    public List<Type> GrainClasses { get; } = [];
}
