using System.Collections.Concurrent;
using System.Reflection;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>One <c>[PersistentState]</c> parameter of a grain class: where its state lives and of which type.</summary>
internal sealed record PersistentStateDescriptor(string StateName, string StorageName, Type StateType)
{
    private static readonly ConcurrentDictionary<Type, PersistentStateDescriptor[]> ByClass = new();

    /// <summary>The states a grain class declares, in constructor order (reflected once per class).</summary>
    public static IReadOnlyList<PersistentStateDescriptor> For(Type grainClass) =>
        ByClass.GetOrAdd(grainClass, static type => type
            .GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<PersistentStateAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new PersistentStateDescriptor(
                p.Attribute!.StateName,
                p.Attribute.StorageName,
                p.Parameter.ParameterType.IsGenericType ? p.Parameter.ParameterType.GetGenericArguments()[0] : p.Parameter.ParameterType))
            .ToArray());
}
