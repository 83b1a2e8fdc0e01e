using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Filters;

namespace VibeCoder.Runtime.Hosting;

/// <summary>Grain classes, filters and options on an <see cref="ISiloBuilder"/>.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Hosts every grain class (non-abstract <see cref="Grain"/> subclass with a grain interface) in the assemblies.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var classes = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(Grain).IsAssignableFrom(t)
                && t.GetInterfaces().Any(GrainInterfaces.IsGrainInterface))
            .ToArray();
        builder.Services.Configure<GrainClassCatalog>(catalog => catalog.GrainClasses.AddRange(classes));
        return builder;
    }

    /// <summary>Hosts one grain class.</summary>
    public static ISiloBuilder AddGrain<TGrain>(this ISiloBuilder builder) where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<GrainClassCatalog>(catalog => catalog.GrainClasses.Add(typeof(TGrain)));
        return builder;
    }

    /// <summary>Adds a filter around every call grains receive, in registration order.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Adds a filter around every call made through grain references, in registration order.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <summary>Changes runtime settings.</summary>
    public static ISiloBuilder Configure(this ISiloBuilder builder, Action<SiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }
}
